// A stand-in for the Rust side in the Chromium tests: answers each command from a snapshot the real engine made
// (tests/fixtures/sakura.json, checked for staleness by src-tauri/tests/bindings.rs), records every call for the
// tests to inspect, and refuses what the real commands refuse in the cases the tests type. It computes no figure:
// the 算定 the screens show is the engine's.
import { mockIPC } from "@tauri-apps/api/mocks";

import fixture from "../fixtures/sakura.json";

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
  if (half === "") refuse("金額が空です。0円なら 0 と入力してください", path);
  if (!/^\d+$/.test(half)) refuse(`「${text.trim()}」は金額として読めません。120000 や 120,000 のように数字で入力してください`, path);
  return Number(half);
}

export function installMockBackend() {
  const start = new URLSearchParams(location.search).get("start") ?? "sakura";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let state: any = structuredClone(start === "empty" ? fixture.empty : fixture.snapshot);
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
      return answer(cmd, args);
    } finally {
      if (args.dryRun === true) state = saved;
    }
  });

  function answer(cmd: string, args: Args) {
    switch (cmd) {
      case "get_snapshot":
        return state;
      case "program_info":
        return fixture.program;
      case "start_case": {
        const name = String(args.hospitalName ?? "").trim();
        if (!name) refuse("病院名を入力してください", "hospital.name");
        state = structuredClone(fixture.snapshot);
        state.case.hospital.name = name;
        return state;
      }
      case "set_hospital_field": {
        const field = String(args.field);
        if (field === "beds" && !/^\d*$/.test(String(args.value))) refuse(`「${args.value}」は病床数として読めません。数字で入力してください`, "hospital.beds");
        state.case.hospital[field] = args.value;
        return state;
      }
      case "set_trainee_field": {
        const field = String(args.field);
        const path = `trainees[${args.index}].${field}`;
        const trainee = state.case.trainees[Number(args.index)];
        trainee[field] = AMOUNT_FIELDS.includes(field) ? amount(String(args.value), path) : args.value;
        return state;
      }
      case "add_trainee": {
        if (!String(args.name ?? "").trim()) refuse("受講者の氏名を入力してください", `trainees[${state.case.trainees.length}].name`);
        state.case.trainees.push({ ...structuredClone(fixture.snapshot.case.trainees[0]), name: args.name });
        return state;
      }
      case "plugin:dialog|save":
        return window.__saveAnswer;
      case "plugin:dialog|open":
        return window.__openAnswer;
      case "export_workbook":
        return { path: args.path, open_points: [], blocking: [] };
      case "export_case_json":
      case "open_folder":
      case "app_ready":
        return null;
      default:
        return state;
    }
  }
}
