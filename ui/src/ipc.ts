// The only file that talks to the Rust side: every command of src-tauri, typed with the generated bindings.
// Screens import these functions, never @tauri-apps/api itself.
import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";

import type { AppError } from "./bindings/AppError";
import type { Backup } from "./bindings/Backup";
import type { Candidate } from "./bindings/Candidate";
import type { Exported } from "./bindings/Exported";
import type { MeiboApplied } from "./bindings/MeiboApplied";
import type { MeiboSummary } from "./bindings/MeiboSummary";
import type { ProgramInfo } from "./bindings/ProgramInfo";
import type { Snapshot } from "./bindings/Snapshot";

export type { AppError, Backup, Candidate, Exported, MeiboApplied, MeiboSummary, ProgramInfo, Snapshot };

/** A refused command: the Japanese message and the field it belongs to. */
export class CommandError extends Error {
  readonly path: string | null;
  constructor(error: AppError) {
    super(error.message);
    this.path = error.path;
  }
}

async function command<T>(name: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(name, args);
  } catch (error) {
    if (error && typeof error === "object" && "message" in error) {
      throw new CommandError(error as AppError);
    }
    throw new CommandError({ message: String(error), path: null });
  }
}

export const api = {
  getSnapshot: () => command<Snapshot>("get_snapshot"),
  programInfo: () => command<ProgramInfo>("program_info"),
  startCase: (fiscalYear: number, hospitalName: string) =>
    command<Snapshot>("start_case", { fiscalYear, hospitalName }),
  setHospitalField: (field: string, value: string, dryRun = false) =>
    command<Snapshot>("set_hospital_field", { field, value, dryRun }),
  addFiling: (symbol: string, number: string, since: string) =>
    command<Snapshot>("add_filing", { symbol, number, since }),
  removeFiling: (index: number) => command<Snapshot>("remove_filing", { index }),
  addTrainee: (name: string) => command<Snapshot>("add_trainee", { name }),
  removeTrainee: (index: number) => command<Snapshot>("remove_trainee", { index }),
  setTraineeField: (index: number, field: string, value: string, dryRun = false, asNurse = false) =>
    command<Snapshot>("set_trainee_field", { index, field, value, asNurse, dryRun }),
  setSalaryMonth: (index: number, month: string, value: string, dryRun = false) =>
    command<Snapshot>("set_salary_month", { index, month, value, dryRun }),
  setSalaryMonthly: (index: number, monthly: boolean) => command<Snapshot>("set_salary_monthly", { index, monthly }),
  setPriorItem: (index: number, item: string, claimed: boolean) =>
    command<Snapshot>("set_prior_item", { index, item, claimed }),
  exportCaseJson: (path: string) => command<null>("export_case_json", { path }),
  importCaseJson: (path: string) => command<Snapshot>("import_case_json", { path }),
  openFolder: (path: string) => command<null>("open_folder", { path }),
  exportWorkbook: (path: string, draft: boolean) => command<Exported>("export_workbook", { path, draft }),
  meiboOpen: (path: string) => command<MeiboSummary>("meibo_open", { path }),
  meiboSearch: (query: string) => command<Candidate[]>("meibo_search", { query }),
  meiboApply: (number: string, dryRun = false) => command<MeiboApplied>("meibo_apply", { number, dryRun }),
  listBackups: () => command<Backup[]>("list_backups"),
  backupNow: () => command<Backup[]>("backup_now"),
  restoreBackup: (path: string) => command<Snapshot>("restore_backup", { path }),
  exportTraineeCosts: (index: number, path: string) => command<null>("export_trainee_costs", { index, path }),
  importTraineeCosts: (path: string) => command<Snapshot>("import_trainee_costs", { path }),
  appReady: () => command<null>("app_ready"),
};

/** The save dialog; `null` when the user cancels. */
export async function chooseSavePath(title: string, defaultPath: string, extension: string, kind: string) {
  return (await save({ title, defaultPath, filters: [{ name: kind, extensions: [extension] }] })) ?? null;
}

/** The open dialog for one file; `null` when the user cancels. */
export async function chooseOpenPath(title: string, extensions: string[], kind: string) {
  const chosen = await open({ title, multiple: false, directory: false, filters: [{ name: kind, extensions }] });
  return typeof chosen === "string" ? chosen : null;
}
