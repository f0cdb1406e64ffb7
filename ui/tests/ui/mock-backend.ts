// A stand-in for the Rust side in the Chromium tests: answers each command from a snapshot the real engine made
// (tests/fixtures/sakura.json, checked for staleness by src-tauri/tests/bindings.rs), records every call for the
// tests to inspect, and refuses what the real commands refuse in the cases the tests type. It computes no figure:
// the 算定 the screens show is the engine's.
import { mockIPC } from "@tauri-apps/api/mocks";

import fixture from "../fixtures/sakura.json";
import { trainingEdit } from "./mock-training";
import { createLifecycle } from "./mock-lifecycle";
import { formatDate } from "../../src/format";

type Args = Record<string, unknown>;
interface Call {
  cmd: string;
  args: Args;
}

declare global {
  interface Window {
    __calls: Call[];
    __saveAnswer: string | null;
    __openAnswer: string | null;
  }
}

const AMOUNT_FIELDS = ["admission", "tuition", "exam_fee", "registration_fee", "salary", "other_costs", "other_income", "prior_years_standard_used"];

function refuse(message: string, path: string | null = null): never {
  throw { message, path };
}

/** The digits of an amount typed as the real parse_yen accepts it in these tests (full width, commas, 円). */
function amount(text: string, path: string): number {
  const half = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[，,円\s]/g, "");
  if (half === "") refuse("金額が入力されていません。0円なら 0 と入力してください", path);
  if (!/^\d+$/.test(half)) refuse(`「${text.trim()}」は金額として読めません。120000 や 120,000 のように数字で入力してください`, path);
  return Number(half);
}

// A 実績報告 (?start=report): the example's trainee with two receipts of 受講料 (the receipts' part of the mock).
// Dates typed as the library reads them in these tests: 2024-05-10, 令和6年5月10日, R6.5.10, full-width digits.
function half(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}

function date(text: string, path: string): string {
  const t = half(text);
  const iso = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  const era = t.match(/^(?:令和|R)(\d+|元)[年.](\d{1,2})[月.](\d{1,2})日?$/);
  const pad = (n: string | number) => String(n).padStart(2, "0");
  if (iso) return `${iso[1]}-${pad(iso[2])}-${pad(iso[3])}`;
  if (era) return `${2018 + (era[1] === "元" ? 1 : Number(era[1]))}-${pad(era[2])}-${pad(era[3])}`;
  if (t === "") refuse("支払日を入力してください（例: 令和6年5月10日）", path);
  refuse(`「${text.trim()}」は日付として読めません。令和6年5月10日 や 2024-05-10 のように入力してください`, path);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function reportCase(state: any) {
  state.case.stage = "report";
  const trainee = state.case.trainees[0];
  trainee.receipts = [
    { item: "tuition", paid_on: "2024-04-10", payee: "聖路加国際大学", description: "前期授業料", amount: 450000 },
    { item: "tuition", paid_on: "2024-10-10", payee: "", description: "後期授業料", amount: 450000 },
  ];
  state.attachments = [];
  state.nextAttachment = 1;
  receiptsChanged(state);
}

/** What the library does after a receipt edit, for the tests: an item with receipts amounts to their sum, and
 * the review's findings about receipts (a stand-in for hojo::review: a receipt without a payee). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function receiptsChanged(state: any, touched: string[] = []) {
  state.findings = (state.findings ?? []).filter((f: any) => !String(f.path ?? "").includes(".receipts["));
  state.case.trainees.forEach((trainee: any, index: number) => {
    const receipts = trainee.receipts ?? [];
    // An item whose last receipt moved away or went is 0 again.
    for (const item of touched) if (!receipts.some((r: any) => r.item === item)) trainee[item] = 0;
    for (const item of new Set<string>(receipts.map((r: any) => r.item))) {
      trainee[item] = receipts.filter((r: any) => r.item === item).reduce((sum: number, r: any) => sum + r.amount, 0);
    }
    receipts.forEach((receipt: any, position: number) => {
      // As hojo::review names it: the receipt, not one of its fields.
      if (!receipt.payee.trim()) state.findings.push({ severity: "warning", section: "costs", path: `trainees[${index}].receipts[${position}]`, message: `${trainee.name}: ${formatDate(receipt.paid_on)}支払の${receipt.description}の支払先が書かれていません。領収書の発行者（学校名など）を入力してください` });
    });
  });
  return state;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function receiptEdit(state: any, change: Args) {
  if (state.case.stage !== "report") refuse("領収書は実績報告で入力します。交付決定のあと「実績報告を始める」を選んでください");
  const index = Number(change.index);
  const trainee = state.case.trainees[index];
  trainee.receipts ??= [];
  const at = (position: number) => `trainees[${index}].receipts[${position}]`;
  const touched: string[] = trainee.receipts.map((r: any) => r.item);
  switch (change.kind) {
    case "add_receipt": {
      const path = at(trainee.receipts.length);
      const receipt = { item: change.item, paid_on: date(String(change.paid_on), `${path}.paid_on`), payee: String(change.payee).trim(), description: String(change.description).trim(), amount: amount(String(change.amount), `${path}.amount`) };
      trainee.receipts.push(receipt);
      break;
    }
    case "set_receipt": {
      const position = Number(change.receipt);
      const receipt = trainee.receipts[position];
      const field = String(change.field);
      const path = `${at(position)}.${field}`;
      receipt[field] = field === "amount" ? amount(String(change.text), path) : field === "paid_on" ? date(String(change.text), path) : String(change.text).trim();
      break;
    }
    case "remove_receipt": {
      const position = Number(change.receipt);
      trainee.receipts.splice(position, 1);
      // The store removes a receipt's files with it; the files of the later receipts move up with them.
      state.attachments = state.attachments
        .filter((a: any) => !(a.trainee === index && a.receipt === position))
        .map((a: any) => (a.trainee === index && a.receipt > position ? { ...a, receipt: a.receipt - 1 } : a));
      break;
    }
    case "restore_receipt":
      trainee.receipts.splice(Number(change.receipt), 0, change.value);
      state.attachments = state.attachments.map((a: any) => (a.trainee === index && a.receipt >= Number(change.receipt) ? { ...a, receipt: a.receipt + 1 } : a));
      break;
  }
  return receiptsChanged(state, touched);
}

/** What a nurse's cost sheet (hojo-trainee-costs/2) brings in receipts, on a report: one new, one gone. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sheetReceipts(state: any) {
  if (state.case.stage !== "report") return { added_receipts: [], removed_receipts: [], removed_attachments: 0 };
  return {
    added_receipts: [{ item: "tuition", paid_on: "2024-12-01", payee: "聖路加国際大学", description: "実習費", amount: 30000 }],
    removed_receipts: [state.case.trainees[0].receipts[1]],
    removed_attachments: 1,
  };
}

/** The attachment commands: the open dialog answered by window.__openAnswer (null: cancelled). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function attachmentCommand(state: any, cmd: string, args: Args) {
  state.attachments ??= [];
  switch (cmd) {
    case "attach_receipt_file": {
      if (window.__openAnswer === null) return null;
      const trainee = state.case.trainees[Number(args.index)];
      const receipt = trainee.receipts[Number(args.receipt)];
      state.attachments.push({ id: state.nextAttachment++, trainee: Number(args.index), receipt: Number(args.receipt), trainee_name: trainee.name, item: receipt.item, paid_on: receipt.paid_on, file_name: window.__openAnswer.split("/").pop(), size: 5 * 1024 * 1024 });
      return state.attachments;
    }
    case "remove_attachment":
      state.attachments = state.attachments.filter((a: any) => a.id !== args.id);
      return state.attachments;
    case "export_receipt_files":
      return window.__saveAnswer === null ? null : { folder: window.__saveAnswer, files: state.attachments.map((a: any) => `${a.trainee_name.replace(/\s/g, "")}_受講料_${a.paid_on}.pdf`) };
    case "export_attachment":
      return window.__saveAnswer;
    case "open_attachment":
      return null;
    default:
      return state.attachments;
  }
}

export function installMockBackend() {
  const start = new URLSearchParams(location.search).get("start") ?? "sakura";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let state: any = structuredClone(
    start === "empty" ? fixture.empty : start === "ineligible" ? fixture.ineligible : start === "training" ? fixture.training : fixture.snapshot,
  );
  if (start === "report") reportCase(state);
  if (start === "notrainees") {
    state.case.trainees = [];
    state.calculation.trainees = [];
    state.eligibility.trainees = [];
  }
  const life = createLifecycle(state);
  life.decorate(state);
  window.__calls = [];
  window.__saveAnswer = "/home/kango/申請書.xlsx";
  window.__openAnswer = "/home/kango/申請.json";

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Args;
    window.__calls.push({ cmd, args });
    // A dry run answers as a save would, and keeps nothing.
    const saved = state;
    if (args.dryRun === true) state = structuredClone(state);
    try {
      const lifecycle = life.answer(cmd, args, state);
      if (lifecycle !== undefined) return lifecycle;
      if (cmd === "edit_case") life.checkEdit(args.edit as Args);
      const before = cmd === "edit_case" ? structuredClone(state.case?.trainees?.[Number((args.edit as Args).index)]) : null;
      const answered = answer(cmd, args);
      if (cmd === "edit_case" && args.dryRun !== true && before) life.recordEdit(args.edit as Args, before);
      return answered === state ? life.decorate(state) : answered;
    } finally {
      if (args.dryRun === true) state = saved;
    }
  });

  /** hojo::edit::CaseEdit, for the kinds the tests type. */
  function edit(change: Args) {
    const trainees = state.case.trainees;
    const training = trainingEdit(state, change);
    if (training) return training;
    switch (change.kind) {
      case "set_hospital": {
        const field = String(change.field);
        if (field === "beds" && !/^\d*$/.test(String(change.text))) refuse(`「${change.text}」は病床数として読めません。数字で入力してください`, "hospital.beds");
        state.case.hospital[field] = field === "designated_cooperating_hospital" ? (change.text === "" ? null : change.text === "true") : change.text;
        return state;
      }
      case "set_trainee": {
        const field = String(change.field);
        const path = `trainees[${change.index}].${field}`;
        const trainee = trainees[Number(change.index)];
        const flag = change.text === "true" ? true : change.text === "false" ? false : change.text;
        trainee[field] = AMOUNT_FIELDS.includes(field) ? amount(String(change.text), path) : flag;
        return state;
      }
      case "add_trainee": {
        const at = `trainees[${trainees.length}]`;
        if (!String(change.name ?? "").trim()) refuse("氏名を入力してください", `${at}.name`);
        if (!change.qualification) refuse("取得を目指す資格を一覧から選んでください", `${at}.qualification`);
        trainees.push({ ...structuredClone(fixture.snapshot.case.trainees[0]), name: change.name, qualification: change.qualification, institution: null, tuition: 0, admission: 0, salary: 0, other_costs: 0 });
        return state;
      }
      case "set_salary_monthly": {
        const trainee = trainees[Number(change.index)];
        if (change.monthly) {
          const year = state.case.fiscal_year;
          trainee.salary_months = Array.from({ length: 12 }, (_, i) => ({
            month: `${i < 9 ? year : year + 1}-${String(((i + 3) % 12) + 1).padStart(2, "0")}`,
            amount: 0,
          })).filter((m) => m.month >= trainee.enrolled_on.slice(0, 7) && m.month <= trainee.course_ends_on.slice(0, 7));
          trainee.salary = 0;
        } else {
          trainee.salary = trainee.salary_months.reduce((sum: number, m: { amount: number }) => sum + m.amount, 0);
          trainee.salary_months = [];
        }
        return state;
      }
      case "set_salary_month": {
        const trainee = trainees[Number(change.index)];
        const months = trainee.salary_months.filter((m: { month: string }) => m.month !== change.month);
        if (String(change.text).trim() !== "") months.push({ month: change.month, amount: amount(String(change.text), `trainees[${change.index}].salary_months`) });
        trainee.salary_months = months.sort((a: { month: string }, b: { month: string }) => a.month.localeCompare(b.month));
        return state;
      }
      case "set_trainee_report": {
        const trainee = trainees[Number(change.index)];
        const field = change.field === "status" ? "course_status" : String(change.field);
        trainee.report = { ...(trainee.report ?? {}), [field]: change.text === "" ? null : change.text };
        return state;
      }
      case "add_receipt":
      case "set_receipt":
      case "remove_receipt":
      case "restore_receipt":
        return receiptEdit(state, change);
      case "remove_trainee":
        trainees.splice(Number(change.index), 1);
        return state;
      case "restore_trainee":
        trainees.splice(Number(change.index), 0, change.trainee);
        return state;
      case "add_filing":
        state.case.hospital.filings.push({ symbol: change.symbol, number: change.number || null, since: change.since || null });
        return state;
      case "remove_filing":
        state.case.hospital.filings.splice(Number(change.index), 1);
        return state;
      case "restore_filing":
        state.case.hospital.filings.splice(Number(change.index), 0, change.filing);
        return state;
      default:
        return state;
    }
  }

  function answer(cmd: string, args: Args) {
    switch (cmd) {
      case "get_snapshot":
        return state;
      case "program_info":
        return state.case?.program === "kanwa-training" ? fixture.training_program : fixture.program;
      case "list_programs":
        return fixture.programs;
      case "start_case": {
        const name = String(args.hospitalName ?? "").trim();
        if (!name) refuse("病院名を入力してください", "hospital.name");
        state = structuredClone(args.program === "kanwa-training" ? fixture.training_started : fixture.snapshot);
        state.case.hospital.name = name;
        return state;
      }
      case "list_applications":
        // The real backend asks the library which hospital a typed name means; the mock knows one hospital.
        if (typeof args.name === "string" && args.name.trim() !== (state.case?.hospital.name ?? "さくら病院")) return [];
        return [
          { id: 1, hospital_id: 1, hospital_name: state.case?.hospital.name ?? "さくら病院", fiscal_year: 2024, fiscal_year_label: "令和6年度", program: "kanwa-nurse", program_label: "東京都緩和ケア関連専門看護師等資格取得支援事業", status: "draft", status_label: "作成中", trainee_count: 1, training_count: 0, last_changed_at: null },
          { id: 2, hospital_id: 1, hospital_name: state.case?.hospital.name ?? "さくら病院", fiscal_year: 2025, fiscal_year_label: "令和7年度", program: "kanwa-nurse", program_label: "東京都緩和ケア関連専門看護師等資格取得支援事業", status: "draft", status_label: "作成中", trainee_count: 0, training_count: 0, last_changed_at: null },
          // The same hospital's application of the 研修会 program in the same 年度 (issue 12).
          { id: 3, hospital_id: 1, hospital_name: state.case?.hospital.name ?? "さくら病院", fiscal_year: 2024, fiscal_year_label: "令和6年度", program: "kanwa-training", program_label: "東京都がん診療連携協力病院緩和ケア研修会事業", status: "draft", status_label: "作成中", trainee_count: 0, training_count: 2, last_changed_at: null },
        ];
      case "open_application":
        if (args.id === 3) return (state = structuredClone(fixture.training));
        state.case.fiscal_year = args.id === 2 ? 2025 : 2024;
        return state;
      case "continuing_courses":
        return new URLSearchParams(location.search).get("continuing")
          ? [{ course_id: 7, trainee_id: 3, name: "看護 次郎", qualification: "cancer_nursing_cns", enrolled_on: "2023-04-01", course_ends_on: "2025-03-31", exam_fiscal_year: 2025, status: "enrolled", course_continues: true, prior_years_standard_used: 2450000, prior_items: ["admission"], carried_from: 2023, carried_from_status: "reported", carried_settled: true }]
          : [];
      case "carry_courses":
        return state;
      case "edit_case":
        return edit(args.edit as Args);
      case "export_workbook":
        return window.__saveAnswer === null ? null : { path: window.__saveAnswer, open_points: [], blocking: [] };
      case "export_case_json":
      case "export_trainee_costs":
        return window.__saveAnswer;
      case "import_case_json":
        return window.__openAnswer === null ? null : state;
      case "preview_trainee_costs":
        return window.__openAnswer === null ? null : { claim_id: 1, trainee_name: "看護 花子", changes: [{ label: "受講料", item: "tuition", month: null, before: 900000, after: 450000 }], ...sheetReceipts(state) };
      case "import_trainee_costs":
        state.case.trainees[0].tuition = 450000;
        return state;
      case "attach_receipt_file":
      case "list_attachments":
      case "remove_attachment":
      case "open_attachment":
      case "export_attachment":
      case "export_receipt_files":
        return attachmentCommand(state, cmd, args);
      case "open_folder":
      case "app_ready":
        return null;
      default:
        return state;
    }
  }
}
