// はじめに: what the program is, the steps, where the data is kept; and the start of an application.
import { useEffect, useState } from "preact/hooks";

import { Notice } from "../components/field";
import { formatFiscalYear } from "../format";
import type { SavedApplication } from "../bindings/SavedApplication";
import { api, CommandError } from "../ipc";
import { usePrograms } from "../programs";
import { linkTo, SCREENS } from "../route";
import { apply, useSnapshot } from "../state";
import type { RowKind } from "../bindings/RowKind";

type Step = { screen: Parameters<typeof linkTo>[0]; title: string; text: string };

const STEPS: Step[] = [
  { screen: "hospital", title: "病院情報", text: "病院の基本情報と、厚生局に出している届出（受理記号）を入力します。名簿ファイルから読み込むこともできます。" },
  { screen: "eligibility", title: "対象確認", text: "病院が補助の対象になるかを、要件ごとに確かめます。" },
  { screen: "trainees", title: "受講者", text: "資格取得のために受講する看護師と、その課程を登録します。" },
  { screen: "costs", title: "経費", text: "入学料・受講料・人件費などを入力します。入力しながら保存されます。" },
  { screen: "calculation", title: "算定", text: "所要額調書の (A)〜(I) と交付申請額をその場で計算します。" },
  { screen: "documents", title: "書類作成", text: "足りない項目を確かめて、申請書類一式を Excel ファイルに書き出します。" },
];

// A program whose row is the hospital (研修会の事業) has 研修会 in place of 受講者, and its own 経費.
const HOSPITAL_ROW_STEPS: Step[] = STEPS.map((step) =>
  step.screen === "trainees"
    ? { screen: "trainings", title: "研修会", text: "年度内に開く緩和ケア研修会（名称・開催日・会場・定員・開催指針への準拠）を登録します。" }
    : step.screen === "costs"
      ? { ...step, text: "講師報酬・会場借上料などを、経費区分ごとに入力します。積算内訳（単価×数量）の合計が金額になります。" }
      : step,
);

export function stepsFor(rows: RowKind | undefined): Step[] {
  return rows === "hospital" ? HOSPITAL_ROW_STEPS : STEPS;
}

export function Welcome() {
  const { snapshot, program } = useSnapshot();
  const case_ = snapshot?.case;
  const programs = usePrograms();
  // Before an application is open, the steps are those of the program chosen in the start form.
  const [choosing, setChoosing] = useState<RowKind | undefined>(undefined);
  return (
    <div class="screen">
      <h1 tabIndex={-1}>はじめに</h1>
      <p class="lead">
        東京都の補助金の申請書類を、画面の案内に沿って作ります。
        {case_ && program ? (
          <>
            いま開いている申請は「{program.name}」です。{program.summary}
          </>
        ) : (
          <>申請を始めるときに、{programs.map((p) => `「${p.name}」`).join("と")}のどちらかを選びます。</>
        )}
      </p>
      <SavedApplications />
      {!case_ && <StartForm onChoose={setChoosing} />}
      {case_ && (
        <details class="card">
          <summary>別の年度・別の病院の申請を開く（または始める）</summary>
          <StartForm initialName={case_.hospital.name} />
        </details>
      )}
      <section class="card">
        <h2>申請の手順</h2>
        <ol class="steps">
          {stepsFor(case_ ? program?.row_kind : choosing).map((step, index) => (
            <li>
              <a href={linkTo(step.screen)}>
                {/* The sidebar's number (Alt＋数字), so the steps and the sidebar agree. */}
                <span class="step-number" data-step={index}>{SCREENS.find((screen) => screen.id === step.screen)?.key}</span>
                <strong>{step.title}</strong>
              </a>
              <span>{step.text}</span>
            </li>
          ))}
        </ol>
        <p class="description">
          「保存」ボタンはありません。入力した内容は、入力しながら確かめられ、そのまま保存されます。受け付けられない入力は欄に「未保存」と表示され、「書類作成」にも載ります。
          {program?.row_kind !== "hospital" && "看護師本人が自分の経費を記録するときは「受講者用」の画面を使います。"}
        </p>
      </section>
      <DataLocation />
      {case_ && (
        <p class="description">
          いま開いている申請: {case_.hospital.name}（{formatFiscalYear(case_.fiscal_year)}・{program?.name}）
        </p>
      )}
    </div>
  );
}

function StartForm(props: { initialName?: string; onChoose?: (rows: RowKind) => void }) {
  const { snapshot } = useSnapshot();
  const programs = usePrograms();
  // The program of the application open, else the first the data lists; the user chooses.
  const [programId, setProgramId] = useState<string | null>(null);
  const chosen = programs.find((p) => p.id === programId) ?? programs.find((p) => p.id === snapshot?.case?.program) ?? programs[0];
  const first = chosen?.first_fiscal_year ?? 2024;
  useEffect(() => {
    if (chosen) props.onChoose?.(chosen.row_kind);
  }, [chosen?.id]);
  const thisYear = new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1;
  const years = Array.from({ length: Math.max(1, thisYear - first + 2) }, (_, i) => first + i);
  const [name, setName] = useState(props.initialName ?? "");
  const [year, setYear] = useState(String(Math.min(Math.max(thisYear, first), years[years.length - 1])));
  const [message, setMessage] = useState<string | null>(null);
  const [importMessage, setImportMessage] = useState<string | null>(null);
  // Whether the hospital and 年度 typed are a saved application: the button then opens it, else it says plainly
  // that a new 年度 starts (「この申請を開く」 used to start a 令和8年度 without a word).
  const [saved, setSaved] = useState<SavedApplication[]>([]);
  useEffect(() => void api.listApplications(name).then(setSaved, () => setSaved([])), [name]);
  const exists = saved.some((application) => application.fiscal_year === Number(year) && application.program === chosen?.id);

  const start = async (event: Event) => {
    event.preventDefault();
    try {
      await apply(api.startCase(Number(year), name, chosen?.id));
      location.hash = linkTo("hospital");
    } catch (error) {
      setMessage(error instanceof CommandError ? error.message : String(error));
    }
  };
  const importJson = async () => {
    try {
      const snapshot = await api.importCaseJson();
      if (!snapshot) return;
      await apply(Promise.resolve(snapshot));
      location.hash = linkTo("hospital");
    } catch (error) {
      setImportMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section class={props.initialName ? "start-inner" : "card start"}>
      {!props.initialName && <h2>申請を始める</h2>}
      <form onSubmit={start} class="start-form">
        <div class={`field${message ? " invalid" : ""}`}>
          <label for="start-name">病院名（正式名称）</label>
          <input
            id="start-name"
            data-path="hospital.name"
            value={name}
            onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
            placeholder="例: 医療法人社団 例会 さくら病院"
            aria-describedby={message ? "start-message" : undefined}
          />
          {message && (
            <p class="message" id="start-message" role="alert">
              {message}
            </p>
          )}
        </div>
        {programs.length > 1 && (
          <fieldset class="program-choice">
            <legend>申請する事業</legend>
            {programs.map((p) => (
              <label class={p.id === chosen?.id ? "chosen" : undefined}>
                <input
                  type="radio"
                  name={props.initialName ? "start-program-other" : "start-program"}
                  value={p.id}
                  checked={p.id === chosen?.id}
                  onChange={() => setProgramId(p.id)}
                />
                <span>
                  <strong>{p.name}</strong>
                  <span class="hint">{p.summary}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div class="field">
          <label for="start-year">申請する年度</label>
          <select id="start-year" value={year} onChange={(event) => setYear((event.currentTarget as HTMLSelectElement).value)}>
            {years.map((y) => (
              <option value={String(y)}>{formatFiscalYear(y)}（{y}年4月〜{y + 1}年3月）</option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            {!props.initialName ? "申請を始める" : exists ? "この申請を開く" : `${formatFiscalYear(Number(year))}の申請を新しく始める`}
          </button>
          <button type="button" onClick={importJson}>
            JSONファイルから読み込む
          </button>
        </div>
        {importMessage && <Notice kind="error">{importMessage}</Notice>}
      </form>
    </section>
  );
}

/** The applications saved in the database (hospital, 年度, program, 状態), the most recently changed first. */
function SavedApplications() {
  const { snapshot } = useSnapshot();
  const programs = usePrograms();
  const [saved, setSaved] = useState<SavedApplication[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const openId = snapshot?.case ? `${snapshot.case.hospital.name}/${snapshot.case.fiscal_year}/${snapshot.case.program}` : null;
  useEffect(() => {
    if (snapshot?.storage.persistent) void api.listApplications().then(setSaved, () => setSaved([]));
  }, [openId]);
  if (!saved || saved.length === 0) return null;
  const open = async (id: number) => {
    try {
      await apply(api.openApplication(id));
      location.hash = linkTo("hospital");
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section class="card">
      <h2>保存した申請</h2>
      <table class="table saved-applications">
        <thead>
          <tr>
            <th scope="col">病院</th>
            <th scope="col">年度</th>
            <th scope="col">事業</th>
            <th scope="col">状態</th>
            <th scope="col">受講者・研修会</th>
            <th scope="col"><span class="visually-hidden">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {saved.map((application) => {
            const current = openId === `${application.hospital_name}/${application.fiscal_year}/${application.program}`;
            const rows = programs.find((p) => p.id === application.program)?.row_kind;
            return (
              <tr class={current ? "selected" : undefined}>
                <td>{application.hospital_name}</td>
                <td>{application.fiscal_year_label}</td>
                <td>{application.program_label}</td>
                <td>{application.status_label}</td>
                <td data-count={application.program}>
                  {rows === "hospital" ? `研修会 ${application.training_count}件` : `受講者 ${application.trainee_count}人`}
                </td>
                <td>
                  {current ? (
                    <span class="hint">開いています</span>
                  ) : (
                    <button type="button" class="small" onClick={() => open(Number(application.id))}>
                      開く
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {message && <Notice kind="error">{message}</Notice>}
    </section>
  );
}

export function DataLocation() {
  const { snapshot } = useSnapshot();
  const storage = snapshot?.storage;
  return (
    <section class="card">
      <h2>データの保存場所</h2>
      {storage?.persistent ? (
        <p>
          入力した内容は、このパソコンのデータベースファイル <code class="path">{storage.database}</code> に保存されます。
        </p>
      ) : (
        <>
          {storage?.problem && <Notice kind="error">{storage.problem}</Notice>}
          <p>入力した内容はこのウィンドウを閉じるまでしか残りません。残すには「書類作成」でJSONに書き出してください。</p>
        </>
      )}
      <p class="privacy">
        このファイルと書き出したファイルには、受講者の氏名や給与などの<strong>個人情報</strong>が含まれます。共有フォルダやメールで扱うときは、院内の個人情報の取扱いに従ってください。Hojo はインターネットに接続せず、データを外部へ送信しません。
      </p>
    </section>
  );
}
