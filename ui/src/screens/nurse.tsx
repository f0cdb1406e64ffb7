// 受講者用: a nurse's own view — her costs as she pays them and her expected subsidy.
import { useState } from "preact/hooks";

import { Field, Notice, Section, Toggle } from "../components/field";
import { formatAmount, formatDate, formatYen } from "../format";
import { ask } from "../components/dialog";
import { givenByReceipts, receiptChanges, ReceiptsSection, RECEIPTS_HINT } from "../components/receipts";
import { api } from "../ipc";
import { linkTo, useSelectedTrainee } from "../route";
import { apply, useSnapshot } from "../state";
import { rate } from "./calculation";
import { TraineePicker } from "./trainees";

export function Nurse() {
  const { snapshot, program } = useSnapshot();
  const case_ = snapshot!.case!;
  const selected = useSelectedTrainee(case_.trainees.length);
  const trainee = case_.trainees[selected];
  const row = snapshot!.calculation?.trainees[selected];
  // In a report the figure is what she actually paid, settled (精算額), not an estimate.
  const reporting = case_.stage === "report";
  const panelTitle = reporting ? "実績での補助額（精算額）" : "見込みの補助額";
  if (!trainee) {
    return (
      <div class="screen">
        <h1 tabIndex={-1}>受講者用</h1>
        <p class="empty">
          この申請には、まだ受講者が登録されていません。看護部で登録した申請データ（JSON）を受け取っていれば、ここで開けます。看護部のパソコンでは<a href={linkTo("trainees")}>「受講者」</a>で登録します。
        </p>
        <OpenDepartmentFile />
      </div>
    );
  }
  const at = (field: string) => `trainees[${selected}].${field}`;
  // Changes made here are recorded in the history under the nurse's own name.
  const set = (field: string) => (value: string, dry: boolean) => api.setTraineeField(selected, field, value, dry, true);
  return (
    <div class="screen">
      <h1 tabIndex={-1}>受講者用</h1>
      <p class="lead">看護師本人が、自分の受講にかかった費用を支払ったときに記録する画面です。補助額の見込み（実績報告のときは精算額）もわかります。</p>
      <TraineePicker label="あなたの名前を選んでください" />
      <div class="with-aside" key={selected}>
        <div>
          <Section title={`${trainee.name}さんの受講`}>
            <p>
              {program?.qualifications.find((q) => q.id === trainee.qualification)?.label}・{trainee.institution ?? "教育機関 未入力"}
              <br />
              {formatDate(trainee.enrolled_on)}〜{formatDate(trainee.course_ends_on)}
            </p>
          </Section>
          <Section title="支払った費用">
            {/* One item per row, its tick beside it (as on 経費): in a grid the tick was squeezed to one character. */}
            <div>
              {(program?.items ?? [])
                .filter((item) => !item.monthly)
                .map((item) => {
                  const flag = item.counted_when ? program?.flags.find((rule) => rule.id === item.counted_when) : undefined;
                  return (
                    <div class="item-row">
                      <Field
                        path={at(item.id)}
                        label={item.label}
                        value={formatAmount((trainee as unknown as Record<string, number>)[item.id] ?? 0)}
                        commit={set(item.id)}
                        inputMode="numeric"
                        suffix="円"
                        disabled={givenByReceipts(trainee, item.id)}
                        hint={givenByReceipts(trainee, item.id) ? RECEIPTS_HINT : undefined}
                      />
                      {/* 受講料 counts only with this tick: she must see and set it, or her 1,250,000円 shows as 0円. */}
                      {flag && item.id !== "registration_fee" && (
                        <Toggle
                          path={at(flag.id)}
                          label={flag.label}
                          hint={flag.hint}
                          checked={Boolean((trainee as unknown as Record<string, boolean>)[flag.id])}
                          commit={set(flag.id)}
                        />
                      )}
                    </div>
                  );
                })}
              <div class="item-row">
                <Field path={at("other_costs")} label="教材費・交通費など" value={formatAmount(trainee.other_costs)} commit={set("other_costs")} inputMode="numeric" suffix="円" disabled={givenByReceipts(trainee, "other_costs")} />
              </div>
            </div>
            <p class="hint">領収書の金額をそのまま入力してください。全角数字やカンマ付きでも構いません。</p>
          </Section>
          <ReceiptsSection index={selected} asNurse />
          <CostSheet index={selected} name={trainee.name} />
        </div>
        <aside class="card live" aria-live="polite" aria-label={panelTitle}>
          <h2>{panelTitle}</h2>
          {row && (
            <>
              <p class="big" data-figure="nurse.I">{formatYen(row.I)}</p>
              <p class="hint">
                {reporting ? "実際に支払った" : ""}対象経費 {formatYen(row.D)} のうち基準額までの {formatYen(row.F)} の
                {program ? rate(program.subsidy_rate) : "補助率"}（千円未満切捨て）。
                {reporting ? "確定する額は交付決定額までです。" : "交付が決まる額は東京都の審査によります。"}
              </p>
              {/* Why an amount she typed is not counted (the 算定's own words), so 0円 is never left unexplained. */}
              {row.warnings.length > 0 && (
                <ul class="warnings" data-figure="nurse.why">
                  {row.warnings.map((warning) => (
                    <li>{warning}</li>
                  ))}
                </ul>
              )}
              {snapshot!.excluded.some((excluded) => excluded.name === trainee.name) && (
                <p class="warnings">この申請では要件を満たしていないため、交付申請額には含まれません。看護部に確かめてください。</p>
              )}
            </>
          )}
        </aside>
      </div>
    </div>
  );
}

/** On the nurse's own PC: the 看護部's application file opened here, instead of a dead end. */
function OpenDepartmentFile() {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div class="actions">
      <button
        type="button"
        class="primary"
        onClick={async () => {
          try {
            const snapshot = await api.importCaseJson();
            if (snapshot) await apply(Promise.resolve(snapshot));
          } catch (error) {
            setMessage(error instanceof Error ? error.message : String(error));
          }
        }}
      >
        看護部から受け取った申請データを開く
      </button>
      {message && <Notice kind="error">{message}</Notice>}
    </div>
  );
}

/** The nurse's cost sheet: she writes it, the administrator reads it in. */
function CostSheet(props: { index: number; name: string }) {
  const { snapshot } = useSnapshot();
  const [outcome, setOutcome] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const persistent = snapshot!.storage.persistent;
  const run = async (action: () => Promise<string | null>) => {
    try {
      const text = await action();
      if (text) setOutcome({ kind: "ok", text });
    } catch (error) {
      setOutcome({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    }
  };
  const exportSheet = () =>
    run(async () => {
      const path = await api.exportTraineeCosts(props.index);
      if (!path) return null;
      return `${path} に書き出しました。このファイルを看護部の担当者に渡してください（氏名と金額が含まれます）。`;
    });
  const importSheet = () =>
    run(async () => {
      // What the file changes, before → after, is shown and asked first; only what it carries is replaced.
      const preview = await api.previewTraineeCosts();
      if (!preview) return null;
      const receiptLines = receiptChanges(preview);
      if (preview.changes.length === 0 && receiptLines.length === 0) return `${preview.trainee_name}さんの費用の記録は、いまの内容と同じです。変わるものはありません。`;
      const lines = [...preview.changes.map((change) => `・${change.label}: ${formatYen(change.before)} → ${formatYen(change.after)}`), ...receiptLines];
      if (!(await ask(`${preview.trainee_name}さんの費用を次のとおり変えます。ファイルにない項目（人件費など）はそのままです。\n\n${lines.join("\n")}`, "読み込む"))) return "読み込むのをやめました。";
      await apply(api.importTraineeCosts());
      return `${preview.trainee_name}さんの費用の記録を読み込みました（${lines.length}件の変更）。`;
    });
  return (
    <Section title="費用の記録の受け渡し" description="看護師のパソコンで記録した費用を、ファイルで看護部の担当者に渡せます。">
      {persistent ? (
        <div class="actions">
          <button type="button" onClick={exportSheet}>
            {props.name}さんの費用を書き出す
          </button>
          <button type="button" onClick={importSheet}>
            受け取った費用の記録を読み込む
          </button>
        </div>
      ) : (
        <p class="hint">データベースが使えないため、受け渡しはできません。</p>
      )}
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
    </Section>
  );
}
