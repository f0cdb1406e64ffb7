// 進行状況: where each 年度's application stands (作成中 → 提出済 → 交付決定 → (変更交付申請) → 実績報告作成中 →
// 実績報告済 → 確定), what to do next and by when, and the forms that move the open one on. Every step is the
// library's (Store::advance): the screen sends what was typed, the Rust side parses it (和暦, 全角) and refuses
// with a Japanese message naming the field; the screen computes no date and no figure.
import { useState } from "preact/hooks";

import { ask } from "../components/dialog";
import { HistoryOf } from "../components/history";
import { Notice, Section } from "../components/field";
import { formatAmount, formatDate, formatYen } from "../format";
import { api, CommandError } from "../ipc";
import { linkTo } from "../route";
import { apply, setSnapshot, useSnapshot } from "../state";
import type { LifecycleStep } from "../bindings/LifecycleStep";
import type { Progress as ProgressView } from "../bindings/Progress";
import type { Status } from "../bindings/Status";
import type { YearProgress } from "../bindings/YearProgress";
import { refreshProgress, useProgress } from "../progress-state";
import { PlanAgainstActual } from "./plan-actual";
import { StepForm } from "./step-form";

/** The steps of a 年度 in order; 変更交付申請中 is taken only when the plan changes. */
const TIMELINE: { status: Status; label: string; optional?: boolean }[] = [
  { status: "draft", label: "作成中" },
  { status: "submitted", label: "提出済" },
  { status: "decided", label: "交付決定" },
  { status: "change_requested", label: "変更交付申請", optional: true },
  { status: "reporting", label: "実績報告作成中" },
  { status: "reported", label: "実績報告済" },
  { status: "settled", label: "確定" },
];

/** Where 一つ前に戻す goes (the library's Lifecycle::apply decides; this is only the question's wording). */
const PREVIOUS: Record<Status, string | null> = {
  draft: null,
  submitted: "作成中",
  decided: "提出済",
  change_requested: "交付決定",
  reporting: "交付決定",
  reported: "実績報告作成中",
  settled: "実績報告済",
};

const ORDER: Record<Status, number> = {
  draft: 0,
  submitted: 1,
  decided: 2,
  change_requested: 3,
  reporting: 4,
  reported: 5,
  settled: 6,
};

export function Progress() {
  const { progress, error } = useProgress();
  const open = progress?.years.find((year) => year.open) ?? null;
  return (
    <div class="screen progress">
      <h1 tabIndex={-1}>進行状況</h1>
      <p class="lead">
        年度ごとの申請が、交付申請から額の確定までのどこにあるか、次に何をいつまでにするかを示します。交付決定通知書などが届いたら、ここで記録して次へ進めます。
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      {progress && <Years years={progress.years} />}
      {open && <OpenYear year={open} progress={progress!} />}
    </div>
  );
}

function Years(props: { years: YearProgress[] }) {
  const [message, setMessage] = useState<string | null>(null);
  if (props.years.length === 0) {
    return (
      <Section title="年度ごとの申請">
        <p class="empty">保存された申請はまだありません（データベースを使っていないときは、開いている申請だけを示します）。</p>
      </Section>
    );
  }
  return (
    <Section title="年度ごとの申請">
      <table class="table years">
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">事業</th>
            <th scope="col">状態</th>
            <th scope="col">次にすること</th>
            <th scope="col">期限</th>
            <th scope="col">
              <span class="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.years.map((year) => {
            const next = year.next_steps.find((step) => step.step !== "step_back" && step.step !== "set_received") ?? null;
            return (
              <tr class={year.open ? "open" : ""} data-year={year.fiscal_year} aria-current={year.open ? "true" : undefined}>
                <th scope="row">{year.fiscal_year_label}</th>
                <td>{year.program_label}</td>
                <td>
                  <span class={`status status-${year.lifecycle.status}`}>{year.status_label}</span>
                </td>
                <td>{next ? next.label : "—"}</td>
                <td class={next?.overdue ? "overdue" : ""}>
                  {next?.due ? formatDate(next.due) : "—"}
                  {next?.overdue && <strong class="overdue-badge">期限切れ</strong>}
                </td>
                <td>
                  {year.open ? (
                    <span class="muted">開いています</span>
                  ) : (
                    <button
                      type="button"
                      class="small"
                      onClick={async () => {
                        try {
                          await apply(api.openApplication(year.application_id));
                          setMessage(null);
                        } catch (error) {
                          setMessage(error instanceof Error ? error.message : String(error));
                        }
                      }}
                    >
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
    </Section>
  );
}

/** The dates a step was taken on, for the timeline. */
function dateOf(year: YearProgress, status: Status): string | null {
  const lifecycle = year.lifecycle;
  const initial = lifecycle.decisions.find((record) => record.kind === "initial");
  const changes = lifecycle.decisions.filter((record) => record.kind === "change");
  switch (status) {
    case "submitted":
      return lifecycle.submitted_on;
    case "decided":
      return initial?.decision.decided_on ?? null;
    case "change_requested":
      return changes[changes.length - 1]?.decision.decided_on ?? lifecycle.change?.requested_on ?? null;
    case "reported":
      return lifecycle.reported_on;
    case "settled":
      return lifecycle.confirmation?.confirmed_on ?? null;
    default:
      return null;
  }
}

function Timeline(props: { year: YearProgress }) {
  const status = props.year.lifecycle.status;
  const changeDecided = props.year.lifecycle.decisions.some((record) => record.kind === "change");
  const changed = changeDecided || status === "change_requested";
  return (
    <ol class="timeline" aria-label="申請の流れ">
      {TIMELINE.map((entry) => {
        // 変更交付申請 sits between 交付決定 and 実績報告: done when a change was decided, current while requested.
        const current = entry.status === status;
        const done = !current && (entry.optional ? changeDecided : ORDER[entry.status] < ORDER[status]);
        const skipped = entry.optional && !changed;
        const date = done || current ? dateOf(props.year, entry.status) : null;
        return (
          <li
            class={`${current ? "current" : done ? "done" : "todo"}${skipped ? " optional" : ""}`}
            aria-current={current ? "step" : undefined}
            data-status={entry.status}
          >
            <span class="dot" aria-hidden="true">
              {done ? "✓" : ""}
            </span>
            <span class="name">{entry.optional ? `（${entry.label}）` : entry.label}</span>
            {date && <span class="date">{formatDate(date)}</span>}
            {current && <span class="now">いまここ</span>}
          </li>
        );
      })}
    </ol>
  );
}

function OpenYear(props: { year: YearProgress; progress: ProgressView }) {
  const { year, progress } = props;
  const { snapshot } = useSnapshot();
  const status = year.lifecycle.status;
  const [outcome, setOutcome] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const advance = async (step: LifecycleStep, done: string) => {
    setSnapshot(await api.advance(step));
    refreshProgress();
    setOutcome({ kind: "ok", text: done });
  };
  const stepBack = async () => {
    // Back from a 変更交付決定 is back to 変更交付申請中.
    const previous = status === "decided" && year.lifecycle.decisions.length > 1 ? "変更交付申請中" : PREVIOUS[status];
    if (!previous) return;
    if (!(await ask(`「${year.status_label}」から「${previous}」に戻します。記録を間違えたときに使います。戻したことは履歴に残ります。`, "一つ前に戻す"))) return;
    try {
      await advance({ kind: "step_back" }, `「${previous}」に戻しました。`);
    } catch (error) {
      setOutcome({ kind: "error", text: error instanceof CommandError ? error.message : String(error) });
    }
  };
  const decision = year.lifecycle.decisions[year.lifecycle.decisions.length - 1]?.decision ?? null;
  const canGoBack = PREVIOUS[status] !== null;
  const forward = year.next_steps.filter((step) => step.step !== "step_back" && step.step !== "set_received");
  return (
    <>
      <Section title={`${year.fiscal_year_label}の申請（${year.status_label}）`}>
        <Timeline year={year} />
        {snapshot?.frozen && <Notice kind="info">{snapshot.frozen}</Notice>}
        <h3>次にすること</h3>
        {forward.length === 0 ? (
          <p class="empty">この年度の手続きはすべて終わりました。</p>
        ) : (
          <ul class="next-steps">
            {forward.map((step) => (
              <li class={step.overdue ? "overdue" : ""} data-step={step.step}>
                <strong>{step.label}</strong>
                {step.due && (
                  <span class="due">
                    期限 {formatDate(step.due)}
                    {step.overdue && <strong class="overdue-badge">期限を過ぎています</strong>}
                  </span>
                )}
                <p class="hint">{step.explanation}</p>
              </li>
            ))}
          </ul>
        )}
        {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      </Section>

      {status === "draft" && (
        <StepForm
          title="提出を記録する"
          description="交付申請書を都に提出したら、その日を記録します。提出した内容（計画）はそのまま保存され、以後は変更できなくなります。"
          fields={[{ name: "submitted_on", label: "提出日", hint: "令和6年5月10日、R6.5.10、2024-05-10 のどれでも入力できます" }]}
          button="提出済にする"
          step={(v) => ({ kind: "submit", submitted_on: v.submitted_on })}
          onDone={() => setOutcome({ kind: "ok", text: "提出を記録しました。交付決定通知書が届いたら、決定の内容を記録してください。" })}
        />
      )}
      {status === "submitted" && (
        <StepForm
          title="交付決定を記録する"
          description="交付決定通知書のとおりに入力します。交付決定額は申請額より少ないことがあります。"
          fields={DECISION_FIELDS}
          button="交付決定を記録する"
          step={(v) => ({ kind: "record_decision", decided_on: v.decided_on, number: v.number, amount: v.amount })}
          onDone={() => setOutcome({ kind: "ok", text: "交付決定を記録しました。" })}
        />
      )}
      {status === "decided" && (
        <>
          {progress.change_needed.length > 0 && (
            <Notice kind="error">
              変更交付申請が必要です: {progress.change_needed.join(" ")}
            </Notice>
          )}
          <StepForm
            title="変更交付申請を始める"
            description="受講者の追加・中止や、経費が交付決定額を超えるときは、年度内に変更交付申請をします。始めると各画面で計画（変更後）を直せるようになり、「書類作成」で変更交付申請書（変更前・変更後）を作れます。"
            fields={[
              { name: "requested_on", label: "申請日" },
              { name: "reason", label: "変更の理由", multiline: true, wide: true },
            ]}
            button="変更交付申請を始める"
            step={(v) => ({ kind: "request_change", requested_on: v.requested_on, reason: v.reason })}
            onDone={() => setOutcome({ kind: "ok", text: "変更交付申請を始めました。受講者・経費の画面で変更後の計画を入力してください。" })}
          />
          <section class="card">
            <h2>実績報告を始める</h2>
            <p class="description">
              実績報告では、各画面の金額が実際に支払った額になります（計画の額から始まります）。年度の途中から始めて、支払いのたびに入力できます。
            </p>
            <button
              type="button"
              class="primary"
              onClick={async () => {
                try {
                  await advance({ kind: "start_report" }, "実績報告を始めました。経費の画面で実際に支払った額を、受講者の画面で受講状況を入力してください。");
                } catch (error) {
                  setOutcome({ kind: "error", text: error instanceof Error ? error.message : String(error) });
                }
              }}
            >
              実績報告を始める
            </button>
          </section>
        </>
      )}
      {status === "change_requested" && (
        <>
          {year.lifecycle.change && (
            <Notice kind="info">
              変更交付申請中（申請日 {formatDate(year.lifecycle.change.requested_on)}）。理由: {year.lifecycle.change.reason}
              。<a href={linkTo("documents")}>「書類作成」</a>で変更交付申請書を作れます。
            </Notice>
          )}
          <StepForm
            title="変更交付決定を記録する"
            description="変更交付決定通知書のとおりに入力します。この額が新しい交付決定額になり、変更後の計画が保存されます。"
            fields={DECISION_FIELDS}
            button="変更交付決定を記録する"
            step={(v) => ({ kind: "record_change_decision", decided_on: v.decided_on, number: v.number, amount: v.amount })}
            onDone={() => setOutcome({ kind: "ok", text: "変更交付決定を記録しました。" })}
          />
        </>
      )}
      {(status === "decided" || status === "change_requested" || status === "reporting") && (
        <StepForm
          key={`received-${year.lifecycle.received}`}
          title="受入済額を記録する"
          description={`都から既に受け取った額（概算払）です。まだ受け取っていなければ 0 円のままにします。いまの記録: ${formatYen(year.lifecycle.received)}`}
          fields={[{ name: "amount", label: "受入済額", inputMode: "numeric", suffix: "円", initial: formatAmount(year.lifecycle.received) }]}
          button="受入済額を記録する"
          step={(v) => ({ kind: "set_received", amount: v.amount })}
          onDone={() => setOutcome({ kind: "ok", text: "受入済額を記録しました。" })}
        />
      )}
      {status === "reporting" && (
        <StepForm
          title="実績報告の提出を記録する"
          description="実績報告書を都に提出したら、その日を記録します。報告の内容は保存され、以後は変更できなくなります。"
          fields={[{ name: "reported_on", label: "実績報告 提出日" }]}
          button="実績報告済にする"
          step={(v) => ({ kind: "submit_report", reported_on: v.reported_on })}
          onDone={() => setOutcome({ kind: "ok", text: "実績報告の提出を記録しました。額の確定通知が届いたら記録してください。" })}
        />
      )}
      {status === "reported" && (
        <StepForm
          title="額の確定を記録する"
          description="補助金の額の確定通知書のとおりに入力します。"
          fields={[
            { name: "confirmed_on", label: "確定通知日" },
            { name: "number", label: "文書番号", placeholder: "7保医政第567号" },
            { name: "amount", label: "確定額", inputMode: "numeric", suffix: "円" },
          ]}
          button="確定を記録する"
          step={(v) => ({ kind: "record_confirmation", confirmed_on: v.confirmed_on, number: v.number, amount: v.amount })}
          onDone={() => setOutcome({ kind: "ok", text: "額の確定を記録しました。次の年度はこの確定した額から始まります。" })}
        />
      )}

      {(decision || year.lifecycle.confirmation) && (
        <Section title="決定の記録">
          <dl class="figures records">
            {year.lifecycle.decisions.map((record) => (
              <>
                <dt>{record.kind === "initial" ? "交付決定" : "変更交付決定"}</dt>
                <dd data-record={record.kind}>
                  {formatDate(record.decision.decided_on)} {record.decision.number} {formatYen(record.decision.amount)}
                </dd>
              </>
            ))}
            <dt>受入済額</dt>
            <dd data-record="received">{formatYen(year.lifecycle.received)}</dd>
            {year.lifecycle.confirmation && (
              <>
                <dt>額の確定</dt>
                <dd data-record="confirmation">
                  {formatDate(year.lifecycle.confirmation.confirmed_on)} {year.lifecycle.confirmation.number}{" "}
                  {formatYen(year.lifecycle.confirmation.amount)}
                </dd>
              </>
            )}
          </dl>
          <HistoryOf id="history-lifecycle" label="状態と記録" load={api.lifecycleHistory} what={(change) => RECORD_LABEL[change.field] ?? change.field} />
        </Section>
      )}

      {progress.comparison && <PlanAgainstActual comparison={progress.comparison} reporting={ORDER[status] >= ORDER.reporting} />}

      {canGoBack && (
        <section class="card">
          <h2>間違えたとき</h2>
          <p class="description">記録を間違えたときは、一つ前の状態に戻せます（一度に一つずつ）。戻したことは履歴に残ります。</p>
          <button type="button" class="danger" onClick={stepBack}>
            一つ前に戻す
          </button>
        </section>
      )}
    </>
  );
}

/** How the history names each record of the application's life (the store's fields). */
const RECORD_LABEL: Record<string, string> = {
  "application.status": "状態",
  "application.submitted_on": "提出日",
  "application.decision": "交付決定",
  "application.change_request": "変更交付申請",
  "application.received": "受入済額",
  "application.reported_on": "実績報告日",
  "application.confirmation": "額の確定",
};

const DECISION_FIELDS = [
  { name: "decided_on", label: "決定日" },
  { name: "number", label: "文書番号", placeholder: "6保医政第1234号" },
  { name: "amount", label: "交付決定額", inputMode: "numeric" as const, suffix: "円" },
];
