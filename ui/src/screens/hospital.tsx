// 病院情報: the profile and the 届出 (受理記号 as the 厚生局's 名簿 writes them), saved as typed.
import { useState } from "preact/hooks";

import { offerUndo } from "../components/dialog";
import { Choice, Field, Section, Toggle } from "../components/field";
import { formatDate } from "../format";
import { api, CommandError } from "../ipc";
import { filingParts } from "../filings";
import { PREFECTURES } from "../prefectures";
import { apply, useSnapshot } from "../state";
import { MeiboImport } from "./meibo";

export function Hospital() {
  const { snapshot, program } = useSnapshot();
  const hospital = snapshot!.case!.hospital;
  const set = (field: string) => (value: string, dry: boolean) => api.setHospitalField(field, value, dry);
  const contact = hospital.contact ?? { department: null, name: null, phone: null, email: null };
  return (
    <div class="screen">
      <h1 tabIndex={-1}>病院情報</h1>
      <p class="lead">申請書（第1号様式）と事業計画書（別紙1）に載る内容です。入力しながら保存されます。</p>
      <Section title="名簿から読み込む">
        <MeiboImport />
      </Section>
      <Section title="病院">
        <div class="grid">
          <Field path="hospital.name" label="病院名（正式名称）" value={hospital.name} commit={set("name")} wide />
          <Choice
            path="hospital.prefecture_code"
            label="都道府県"
            value={hospital.prefecture_code ?? ""}
            options={PREFECTURES}
            blank="選んでください"
            commit={set("prefecture_code")}
          />
          <Field path="hospital.address" label="所在地" value={hospital.address ?? ""} commit={set("address")} wide />
          <Choice
            path="hospital.founder_type"
            label="開設者の種別"
            value={hospital.founder_type ?? ""}
            options={program?.founder_types ?? []}
            blank="選んでください"
            commit={set("founder_type")}
          />
          {program?.asks_beds !== false && (
            <Field
              path="hospital.beds"
              label="病床数（許可病床の合計）"
              value={hospital.beds === null || hospital.beds === undefined ? "" : String(hospital.beds)}
              commit={set("beds")}
              inputMode="numeric"
              suffix="床"
            />
          )}
          <Field
            path="hospital.representative"
            label="代表者職氏名"
            value={hospital.representative ?? ""}
            commit={set("representative")}
            placeholder="例: 理事長 東京 太郎"
            wide
          />
        </div>
      </Section>
      {program?.asks_filings !== false && <Filings />}
      <Declarations />
      {program?.declarations.some((declaration) => declaration.field === "employs_qualified_nurse") !== false && (
        <Section title="除外要件の申告">
          <Toggle
            path="hospital.employs_qualified_nurse"
            label="対象資格（がん看護専門看護師・緩和ケア認定看護師・がん性疼痛看護認定看護師）を持つ看護師をすでに雇用している"
            checked={hospital.employs_qualified_nurse}
            commit={set("employs_qualified_nurse")}
            hint="雇用している場合、この補助の対象になりません（要件 X4）。"
          />
        </Section>
      )}
      <Section title="事業計画">
        <Field
          path="hospital.purpose"
          label="事業の目的及び効果"
          value={hospital.purpose ?? ""}
          commit={set("purpose")}
          multiline
          wide
          placeholder={
            program?.row_kind === "hospital"
              ? "例: 地域の医師等が緩和ケアの基本的な知識と技術を習得する機会をつくり、地域の緩和ケア提供体制を強化する。"
              : "例: 地域の緩和ケア提供体制の強化のため、緩和ケア認定看護師を育成する。"
          }
        />
      </Section>
      <Section title="担当者">
        <div class="grid">
          <Field path="hospital.contact.department" label="所属" value={contact.department ?? ""} commit={set("contact.department")} />
          <Field path="hospital.contact.name" label="氏名" value={contact.name ?? ""} commit={set("contact.name")} />
          <Field path="hospital.contact.phone" label="電話番号" value={contact.phone ?? ""} commit={set("contact.phone")} inputMode="tel" />
          <Field path="hospital.contact.email" label="メールアドレス" value={contact.email ?? ""} commit={set("contact.email")} inputMode="email" />
        </div>
      </Section>
    </div>
  );
}

/** The facts only the hospital can declare that the program's checks ask (K1: 東京都がん診療連携協力病院の指定),
 * from the program data; 「未回答」 until answered. The nurse program's X4 keeps its own wording above. */
function Declarations() {
  const { snapshot, program } = useSnapshot();
  const hospital = snapshot!.case!.hospital;
  const asked = (program?.declarations ?? []).filter((declaration) => declaration.field !== "employs_qualified_nurse");
  if (asked.length === 0) return null;
  return (
    <Section title="指定・申告">
      <div class="grid">
        {asked.map((declaration) => {
          const value = (hospital as unknown as Record<string, boolean | null | undefined>)[declaration.field];
          return (
            <Choice
              path={`hospital.${declaration.field}`}
              label={declaration.label}
              value={value === true ? "true" : value === false ? "false" : ""}
              options={[
                { id: "true", label: "受けている" },
                { id: "false", label: "受けていない" },
              ]}
              blank="未回答"
              commit={(text) => api.setHospitalField(declaration.field, text)}
              hint={`${declaration.when_not_met}（要件 ${declaration.check}）`}
            />
          );
        })}
      </div>
    </Section>
  );
}

function Filings() {
  const { snapshot } = useSnapshot();
  const filings = snapshot!.case!.hospital.filings.map(filingParts);
  const year = snapshot!.case!.fiscal_year;
  const [symbol, setSymbol] = useState("");
  const [number, setNumber] = useState("");
  const [since, setSince] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    try {
      await apply(api.addFiling(symbol, number, since));
      setSymbol("");
      setNumber("");
      setSince("");
      setMessage(null);
      document.getElementById("filing-symbol")?.focus();
    } catch (error) {
      setMessage(error instanceof CommandError ? error.message : String(error));
    }
  };
  return (
    <Section
      title="届出（施設基準）"
      description="厚生局の「届出受理医療機関名簿」に載っている受理記号を、そのまま入力してください（例: 地包ケア１、がん疼）。数字は全角のままで構いません。"
    >
      {filings.length === 0 ? (
        <p class="empty">届出はまだ登録されていません。</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">受理記号</th>
              <th scope="col">受理番号</th>
              <th scope="col">算定開始年月日</th>
              <th scope="col"><span class="visually-hidden">操作</span></th>
            </tr>
          </thead>
          <tbody>
            {filings.map((filing, index) => (
              <tr>
                <td data-path={`hospital.filings[${index}]`}>{filing.symbol}</td>
                <td>{filing.number ?? "—"}</td>
                <td>
                  {filing.since ? formatDate(filing.since) : "—"}
                  {/* Accepted during the 年度: the months before it are not covered (H3 asks to confirm them). */}
                  {filing.since && filing.since > `${year}-04-01` && filing.since <= `${year + 1}-03-31` && (
                    <span class="badge needs_confirmation" data-path={`hospital.filings[${index}].since`}>
                      年度の途中から（それより前の月は要確認）
                    </span>
                  )}
                </td>
                <td>
                  {/* One click, undone from the notice; out of the Tab order so a Tab and Enter never delete. */}
                  <button
                    type="button"
                    class="small"
                    tabIndex={-1}
                    onClick={async () => {
                      const removed = structuredClone(snapshot!.case!.hospital.filings[index]);
                      await apply(api.removeFiling(index));
                      offerUndo(`届出 ${filing.symbol} を削除しました。`, () => apply(api.restoreFiling(index, removed)));
                    }}
                    aria-label={`${filing.symbol} を削除`}
                  >
                    削除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="inline-form" onSubmit={add} aria-label="届出を追加">
        <div class={`field${message ? " invalid" : ""}`}>
          <label for="filing-symbol">受理記号</label>
          <input id="filing-symbol" value={symbol} onInput={(e) => setSymbol((e.currentTarget as HTMLInputElement).value)} placeholder="地包ケア１" aria-describedby={message ? "filing-message" : undefined} />
        </div>
        <div class="field">
          <label for="filing-number">受理番号（任意）</label>
          <input id="filing-number" value={number} onInput={(e) => setNumber((e.currentTarget as HTMLInputElement).value)} placeholder="第19号" />
        </div>
        <div class="field">
          <label for="filing-since">算定開始年月日（任意）</label>
          <input id="filing-since" value={since} onInput={(e) => setSince((e.currentTarget as HTMLInputElement).value)} placeholder="令和4年10月1日" />
        </div>
        <button type="submit">届出を追加</button>
      </form>
      {message && (
        <p class="message" id="filing-message" role="alert">
          {message}
        </p>
      )}
    </Section>
  );
}
