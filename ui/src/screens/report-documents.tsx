// 書類作成 after the application: the 変更交付申請書 (変更前 / 変更後 side by side) while a change is requested,
// the 実績報告書 from 実績報告作成中 on, and the 精算 (精算額合計, 確定額, 受入済額, 差引過不足額) the report rests on.
// The figures are the library's (hojo::settle); the screen only words the sign (返還 / 精算払).
import { Notice, Section } from "../components/field";
import { OutcomeNotice, useOutcome } from "../components/outcome";
import { formatFiscalYear, formatYen } from "../format";
import { api } from "../ipc";
import { useSnapshot } from "../state";
import type { Settlement } from "../bindings/Settlement";
import { useProgress } from "../progress-state";
import type { Status } from "../bindings/Status";

/** The document the office files after the application: the 変更交付申請書 while a change is requested, the
 * 実績報告書 from 実績報告作成中 on; null before the decision. */
export function documentAfterApplication(status: Status | null): "change" | "report" | null {
  if (status === "change_requested") return "change";
  if (status === "reporting" || status === "reported" || status === "settled") return "report";
  return null;
}

export function ReportDocuments() {
  const { snapshot } = useSnapshot();
  const { progress } = useProgress();
  const [outcome, run] = useOutcome();
  const status = snapshot?.status ?? null;
  const case_ = snapshot!.case!;
  const kind = documentAfterApplication(status);
  if (!kind) return null;
  const reporting = kind === "report";
  const changing = kind === "change";
  const base = `${formatFiscalYear(case_.fiscal_year)}_${case_.hospital.name}`.replace(/[\\/:*?"<>|\s]+/g, "_");
  return (
    <>
      {reporting && progress?.settlement && <SettlementCard settlement={progress.settlement} />}
      <section class="card">
        <h2>{changing ? "変更交付申請書" : "実績報告書"}</h2>
        <p class="description">
          {changing
            ? "交付決定のもとになった計画（変更前）と、いまの計画（変更後）を並べた変更交付申請書を作ります。変更の理由も書き込みます。"
            : "実績報告書（実績報告書・事業実績書・精算額調書・支出済額内訳・受講者名簿）を、いまの実績の額で作ります。"}
        </p>
        <div class="actions">
          {changing ? (
            <button
              type="button"
              class="primary"
              onClick={() =>
                run(async () => {
                  const exported = await api.exportChangeRequest(`${base}_変更交付申請書.xlsx`);
                  return exported && { kind: "ok", text: `${exported.path} に変更交付申請書を書き出しました。`, folder: true };
                })
              }
            >
              変更交付申請書を書き出す
            </button>
          ) : (
            <button
              type="button"
              class="primary"
              onClick={() =>
                run(async () => {
                  const exported = await api.exportReport(`${base}_実績報告書.xlsx`);
                  return exported && { kind: "ok", text: `${exported.path} に実績報告書を書き出しました。氏名や給与などの個人情報を含みます。`, folder: true };
                })
              }
            >
              実績報告書を書き出す
            </button>
          )}
        </div>
        <OutcomeNotice outcome={outcome} run={run} />
      </section>
    </>
  );
}

function SettlementCard(props: { settlement: Settlement }) {
  const s = props.settlement;
  const wording =
    s.difference > 0
      ? `${formatYen(s.difference)}を返還します（受入済額が確定額を上回っています）。`
      : s.difference < 0
        ? `${formatYen(-s.difference)}を精算払として請求します（確定額のうち、まだ受け取っていない額です）。`
        : "受入済額と確定額が同じで、精算は済んでいます。";
  return (
    <Section title="精算" description="実際に支払った額で算定し直した結果です（精算額調書と同じ数字です）。">
      <dl class="figures settlement">
        <dt>精算額合計 (S)</dt>
        <dd data-figure="settle.total">{formatYen(s.total)}</dd>
        <dt>交付決定額 (K)</dt>
        <dd data-figure="settle.decided">{formatYen(s.decided)}</dd>
        <dt>確定額 = min(S, K)</dt>
        <dd data-figure="settle.confirmed">{formatYen(s.confirmed)}</dd>
        <dt>受入済額 (R)</dt>
        <dd data-figure="settle.received">{formatYen(s.received)}</dd>
        <dt class="total">差引過(△)不足額 = R − 確定額</dt>
        <dd class="total" data-figure="settle.difference">
          {s.difference < 0 ? `△${formatYen(-s.difference)}` : formatYen(s.difference)}
        </dd>
      </dl>
      <Notice kind="info">{wording}</Notice>
      {s.exceeds_decision && <Notice kind="error">{s.exceeds_decision}</Notice>}
    </Section>
  );
}
