// The mock backend's part for the application's life (src-tauri/src/lifecycle_commands.rs): the 状態 and its
// records, the steps the real Store::advance takes in the cases the tests type, the plan frozen at 提出, and the
// figure history. `?status=decided` (or any status id) starts there; `?overdue=1` marks the next step overdue.
// Labels and explanations are the library's wording (hojo::lifecycle::StepKind::label) in short. The figures it
// answers are the fixture's (the engine's); the mock only subtracts for the differences.
/* eslint-disable @typescript-eslint/no-explicit-any */

type Args = Record<string, unknown>;

const ORDER = ["draft", "submitted", "decided", "change_requested", "reporting", "reported", "settled"];
const LABEL: Record<string, string> = {
  draft: "作成中",
  submitted: "提出済",
  decided: "交付決定",
  change_requested: "変更交付申請中",
  reporting: "実績報告作成中",
  reported: "実績報告済",
  settled: "確定",
};
const REFUSAL: Record<string, string> = {
  submitted: "この申請は「提出済」のため、内容を変えられません。直すには「作成中に戻す」で提出を取り消してください。",
  decided: "この申請は「交付決定」のため、内容を変えられません。計画が変わったときは「変更交付申請を始める」、実績を入れるときは「実績報告を始める」を選んでください",
  reported: "この申請は「実績報告済」のため、内容を変えられません。",
  settled: "この申請は「確定」のため、内容を変えられません。",
};
const ITEMS: [string, string][] = [
  ["admission", "入学料"],
  ["tuition", "受講料"],
  ["exam_fee", "認定審査料"],
  ["registration_fee", "認定登録料"],
  ["salary", "人件費"],
];

function refuse(message: string, path: string | null = null): never {
  throw { message, path };
}

/** 2024-07-01, R6.7.1 or 令和6年7月1日 → 2024-07-01, as the real typed_input reads them in these tests. */
function date(text: string, path: string, label: string): string {
  const half = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (half === "") refuse(`${label}を入力してください`, path);
  const iso = half.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  const era = half.match(/^(?:R|令和)(\d+)[.年](\d+)[.月](\d+)日?$/);
  const parts = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : era ? [2018 + Number(era[1]), Number(era[2]), Number(era[3])] : null;
  if (!parts) refuse(`${label}「${text.trim()}」は日付として読めません。令和6年7月1日、R6.7.1、2024-07-01 のように入力してください`, path);
  return `${parts[0]}-${String(parts[1]).padStart(2, "0")}-${String(parts[2]).padStart(2, "0")}`;
}

function yen(text: string, path: string, label: string): number {
  const half = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[，,円\s]/g, "");
  if (half === "") refuse(`${label}を入力してください。0円なら 0 と入力してください`, path);
  if (!/^\d+$/.test(half)) refuse(`${label}「${text.trim()}」は金額として読めません。数字で入力してください`, path);
  return Number(half);
}

export function createLifecycle(initialState: any) {
  const params = new URLSearchParams(location.search);
  // `?start=report` (the receipts' tests) opens a 実績報告 being written: 実績報告作成中.
  const start = params.get("status") ?? (params.get("start") === "report" ? "reporting" : null);
  const overdue = params.get("overdue") === "1";
  const lifecycle: any = {
    status: "draft",
    submitted_on: null,
    decisions: [],
    change: null,
    received: 0,
    reported_on: null,
    confirmation: null,
  };
  let plan: any = null;
  // A status to start from: the records the steps before it would have left.
  const at = start && ORDER.includes(start) ? ORDER.indexOf(start) : 0;
  if (at >= 1) {
    lifecycle.submitted_on = "2024-05-10";
    plan = structuredClone(initialState);
  }
  if (at >= 2) lifecycle.decisions.push({ kind: "initial", decision: { decided_on: "2024-07-01", number: "6保医政第1234号", amount: 2000000 } });
  if (at === 3) lifecycle.change = { requested_on: "2024-11-01", reason: "受講料の増額のため" };
  if (at >= 4) lifecycle.received = 1000000;
  if (at >= 5) lifecycle.reported_on = "2025-04-08";
  if (at >= 6) lifecycle.confirmation = { confirmed_on: "2025-06-02", number: "7保医政第567号", amount: 2000000 };
  lifecycle.status = ORDER[at];
  const history: any[] = [];
  let historyId = 1;

  function decorate(state: any) {
    if (!state) return state;
    state.status = state.case ? lifecycle.status : null;
    state.frozen = state.case ? (REFUSAL[lifecycle.status] ?? null) : null;
    if (state.case) {
      state.case.stage = ORDER.indexOf(lifecycle.status) >= 4 ? "report" : "application";
      const decision = lifecycle.decisions[lifecycle.decisions.length - 1]?.decision;
      if (state.case.stage === "report" && decision) {
        state.case.decision = decision;
        state.case.received = lifecycle.received;
      }
    }
    return state;
  }

  function nextSteps(year: number) {
    const step = (kind: string, label: string, due: string | null, explanation: string) => ({ step: kind, label, due, overdue: overdue && due !== null, explanation });
    const end = `${year + 1}-03-31`;
    const report = `${year + 1}-04-10`;
    const steps: any[] = [];
    switch (lifecycle.status) {
      case "draft":
        steps.push(step("submit", "提出したことを記録する", null, "交付申請書を提出したら、その日を記録します。"));
        break;
      case "submitted":
        steps.push(step("record_decision", "交付決定を記録する", null, "交付決定通知書が届いたら記録します。"));
        break;
      case "decided":
        steps.push(step("request_change", "変更交付申請を始める", end, "計画が変わったときは年度内に。"));
        steps.push(step("start_report", "実績報告を始める", report, "実際に支払った額を入力します。"));
        break;
      case "change_requested":
        steps.push(step("record_change_decision", "変更交付決定を記録する", null, "変更交付決定通知書が届いたら記録します。"));
        break;
      case "reporting":
        steps.push(step("submit_report", "実績報告を提出したことを記録する", report, "翌年度4月10日までに提出します。"));
        break;
      case "reported":
        steps.push(step("record_confirmation", "確定通知を記録する", null, "確定通知が届いたら記録します。"));
        break;
    }
    return steps;
  }

  function comparison(state: any) {
    if (!plan || ORDER.indexOf(lifecycle.status) < 2) return null;
    const figures = (planned: number, actual: number) => ({ planned, actual, difference: actual - planned });
    const rows = state.case.trainees.map((trainee: any, index: number) => {
      const before = plan.case.trainees.find((t: any) => t.name === trainee.name);
      const items = ITEMS.map(([item, label]) => {
        const planned = before?.[item] ?? 0;
        return { item, label, planned, actual: trainee[item], difference: trainee[item] - planned, selected: figures(planned, trainee[item]) };
      });
      const F = state.calculation.trainees[index]?.F ?? 0;
      const I = state.calculation.trainees[index]?.I ?? 0;
      const plannedRow = plan.calculation.trainees[index];
      return {
        name: trainee.name,
        qualification: trainee.qualification,
        presence: before ? "both" : "added",
        withdrew: trainee.report?.course_status === "withdrawn",
        items,
        total_cost: figures(plannedRow?.A ?? 0, state.calculation.trainees[index]?.A ?? 0),
        eligible_cost: figures(plannedRow?.D ?? 0, state.calculation.trainees[index]?.D ?? 0),
        selected: figures(plannedRow?.F ?? 0, F),
        subsidy: figures(plannedRow?.I ?? 0, I),
      };
    });
    return {
      program: state.case.program,
      fiscal_year: state.case.fiscal_year,
      rows,
      total: figures(plan.applied_total, state.applied_total),
      added: rows.filter((row: any) => row.presence === "added").map((row: any) => row.name),
      withdrawn: [],
    };
  }

  function progress(state: any) {
    if (!state.case) return { years: [], change_needed: [], comparison: null, settlement: null };
    const year = state.case.fiscal_year;
    const decision = lifecycle.decisions[lifecycle.decisions.length - 1]?.decision ?? null;
    const changeNeeded =
      decision && state.applied_total > decision.amount && ["decided", "change_requested"].includes(lifecycle.status)
        ? [`今の計画の交付申請額（${state.applied_total.toLocaleString("ja-JP")}円）が交付決定額（${decision.amount.toLocaleString("ja-JP")}円）を上回っています。年度内に変更交付申請をしてください`]
        : [];
    const reporting = ORDER.indexOf(lifecycle.status) >= 4 && decision;
    const confirmed = reporting ? Math.min(state.applied_total, decision.amount) : 0;
    return {
      years: [
        {
          application_id: 1,
          fiscal_year: year,
          fiscal_year_label: year === 2025 ? "令和7年度" : "令和6年度",
          program_label: "東京都緩和ケア関連専門看護師等資格取得支援事業",
          status_label: LABEL[lifecycle.status],
          lifecycle: structuredClone(lifecycle),
          next_steps: nextSteps(year),
          open: true,
        },
        {
          application_id: 0,
          fiscal_year: year - 1,
          fiscal_year_label: year === 2025 ? "令和6年度" : "令和5年度",
          program_label: "東京都緩和ケア関連専門看護師等資格取得支援事業",
          status_label: "確定",
          lifecycle: { status: "settled", submitted_on: null, decisions: [], change: null, received: 0, reported_on: null, confirmation: null },
          next_steps: [],
          open: false,
        },
      ],
      change_needed: changeNeeded,
      comparison: comparison(state),
      settlement: reporting
        ? {
            calculation: state.calculation,
            total: state.applied_total,
            decided: decision.amount,
            confirmed,
            received: lifecycle.received,
            difference: lifecycle.received - confirmed,
            excluded: [],
            exceeds_decision: state.applied_total > decision.amount ? "精算額合計が交付決定額を上回っています。確定額は交付決定額までです" : null,
          }
        : null,
    };
  }

  const lifeHistory: any[] = [];
  function advance(step: any, state: any) {
    const answer = take(step, state);
    if (lifecycle.status !== before) {
      lifeHistory.push({ id: historyId++, at: "2024-07-02T00:30:00.000Z", editor: { kind: "administrator" }, hospital_id: 1, application_id: 1, subject: "令和6年度の申請", field: "application.status", old_value: LABEL[before], new_value: LABEL[lifecycle.status] });
    }
    return answer;
  }
  let before = lifecycle.status;

  function take(step: any, state: any) {
    const status = lifecycle.status;
    before = status;
    const wrong = () => refuse(`いまの状態（${LABEL[status]}）からはこの操作はできません`);
    switch (step.kind) {
      case "submit":
        if (status !== "draft") wrong();
        lifecycle.submitted_on = date(step.submitted_on, "submitted_on", "提出日");
        plan = structuredClone(state);
        lifecycle.status = "submitted";
        break;
      case "record_decision":
      case "record_change_decision": {
        if (status !== (step.kind === "record_decision" ? "submitted" : "change_requested")) wrong();
        const decided_on = date(step.decided_on, "decided_on", "決定日");
        if (!String(step.number).trim()) refuse("文書番号を入力してください（例: 6保医政第1234号）", "number");
        const amount = yen(String(step.amount), "amount", "交付決定額");
        lifecycle.decisions.push({ kind: step.kind === "record_decision" ? "initial" : "change", decision: { decided_on, number: step.number.trim(), amount } });
        if (step.kind === "record_change_decision") {
          plan = structuredClone(state);
          lifecycle.change = null;
        }
        lifecycle.status = "decided";
        break;
      }
      case "request_change":
        if (status !== "decided") wrong();
        lifecycle.change = { requested_on: date(step.requested_on, "requested_on", "申請日"), reason: step.reason };
        if (!String(step.reason).trim()) refuse("変更の理由を入力してください", "reason");
        lifecycle.status = "change_requested";
        break;
      case "start_report":
        if (status !== "decided") wrong();
        lifecycle.status = "reporting";
        break;
      case "set_received":
        lifecycle.received = yen(String(step.amount), "amount", "受入済額");
        break;
      case "submit_report":
        if (status !== "reporting") wrong();
        lifecycle.reported_on = date(step.reported_on, "reported_on", "実績報告の提出日");
        lifecycle.status = "reported";
        break;
      case "record_confirmation": {
        if (status !== "reported") wrong();
        const confirmed_on = date(step.confirmed_on, "confirmed_on", "確定通知日");
        lifecycle.confirmation = { confirmed_on, number: step.number, amount: yen(String(step.amount), "amount", "確定額") };
        lifecycle.status = "settled";
        break;
      }
      case "step_back":
        if (status === "draft") wrong();
        lifecycle.status = status === "reporting" ? "decided" : ORDER[ORDER.indexOf(status) - 1];
        if (status === "submitted") plan = null;
        break;
    }
    return decorate(state);
  }

  return {
    decorate,
    /** Refuses an edit of a frozen application, as Store::apply_edit does. */
    checkEdit(change: Args) {
      if (REFUSAL[lifecycle.status] && change.kind !== "set_trainee_report") refuse(REFUSAL[lifecycle.status]);
    },
    recordEdit(change: Args, before: any) {
      if (change.kind !== "set_trainee") return;
      const item = ITEMS.find(([id]) => id === change.field);
      if (!item) return;
      history.push({
        id: historyId++,
        at: "2024-06-03T01:15:00.000Z",
        editor: { kind: "administrator" },
        hospital_id: 1,
        application_id: 1,
        subject: `「${before.name}」さんの${item[1]}`,
        field: "cost_entry",
        old_value: `${item[1]} ${Number(before[item[0]]).toLocaleString("ja-JP")}円`,
        new_value: `${item[1]} ${Number(change.text).toLocaleString("ja-JP")}円`,
      });
    },
    /** The commands of lifecycle_commands.rs; `undefined` for the others. */
    answer(cmd: string, args: Args, state: any): unknown {
      switch (cmd) {
        case "lifecycle":
          return progress(state);
        case "advance":
          return advance(args.step, state);
        case "plan_against_actual":
          return comparison(state);
        case "lifecycle_history":
          return lifeHistory;
        case "figure_history":
          return history.filter((entry) => entry.subject.endsWith(ITEMS.find(([id]) => id === args.item)?.[1] ?? "?"));
        case "export_report":
        case "export_change_request":
          return (window as any).__saveAnswer === null ? null : { path: (window as any).__saveAnswer, open_points: [], blocking: [] };
        default:
          return undefined;
      }
    },
  };
}
