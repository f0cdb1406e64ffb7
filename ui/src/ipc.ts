// The only file that talks to the Rust side: every command of src-tauri, typed with the generated bindings.
// Screens import these functions, never @tauri-apps/api itself.
import { invoke } from "@tauri-apps/api/core";

import type { AppError } from "./bindings/AppError";
import type { AttachmentInfo } from "./bindings/AttachmentInfo";
import type { Backup } from "./bindings/Backup";
import type { Candidate } from "./bindings/Candidate";
import type { Change } from "./bindings/Change";
import type { Comparison } from "./bindings/Comparison";
import type { CaseEdit } from "./bindings/CaseEdit";
import type { ContinuingCourse } from "./bindings/ContinuingCourse";
import type { CostItem } from "./bindings/CostItem";
import type { Exported } from "./bindings/Exported";
import type { ExportedReceipts } from "./bindings/ExportedReceipts";
import type { Filing } from "./bindings/Filing";
import type { HospitalField } from "./bindings/HospitalField";
import type { ItemId } from "./bindings/ItemId";
import type { LifecycleStep } from "./bindings/LifecycleStep";
import type { MeiboApplied } from "./bindings/MeiboApplied";
import type { MeiboSummary } from "./bindings/MeiboSummary";
import type { ProgramChoice } from "./bindings/ProgramChoice";
import type { ProgramInfo } from "./bindings/ProgramInfo";
import type { Progress } from "./bindings/Progress";
import type { Receipt } from "./bindings/Receipt";
import type { ReceiptField } from "./bindings/ReceiptField";
import type { SavedApplication } from "./bindings/SavedApplication";
import type { Snapshot } from "./bindings/Snapshot";
import type { Trainee } from "./bindings/Trainee";
import type { TraineeCostsPreview } from "./bindings/TraineeCostsPreview";
import type { TraineeField } from "./bindings/TraineeField";
import type { TraineeReportField } from "./bindings/TraineeReportField";

export type { AppError, AttachmentInfo, Backup, Candidate, Exported, ExportedReceipts, MeiboApplied, MeiboSummary, ProgramChoice, ProgramInfo, Snapshot };

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

/** One edit of the open application, as the library types it (hojo::edit::CaseEdit). */
const edit = (change: CaseEdit, dryRun = false, asNurse = false) =>
  command<Snapshot>("edit_case", { edit: change, dryRun, asNurse });

// The file commands ask the user through a dialog on the Rust side and answer `null` when she cancels: the
// screens never name a path.
export const api = {
  getSnapshot: () => command<Snapshot>("get_snapshot"),
  programInfo: () => command<ProgramInfo>("program_info"),
  /** The programs an application can be started for, by their names from the program data. */
  listPrograms: () => command<ProgramChoice[]>("list_programs"),
  /** `program`: an id `listPrograms` gave (the nurse program's when absent). */
  startCase: (fiscalYear: number, hospitalName: string, program?: string) =>
    command<Snapshot>("start_case", program === undefined ? { fiscalYear, hospitalName } : { fiscalYear, hospitalName, program }),
  /** With `name`: only the applications of the hospital that name means (the library decides, not the screen). */
  listApplications: (name?: string) => command<SavedApplication[]>("list_applications", name === undefined ? {} : { name }),
  openApplication: (id: number) => command<Snapshot>("open_application", { id }),
  continuingCourses: () => command<ContinuingCourse[]>("continuing_courses"),
  carryCourses: (courses: number[]) => command<Snapshot>("carry_courses", { courses }),
  editCase: edit,
  setHospitalField: (field: string, value: string, dryRun = false) =>
    edit({ kind: "set_hospital", field: field as HospitalField, text: value }, dryRun),
  addFiling: (symbol: string, number: string, since: string) => edit({ kind: "add_filing", symbol, number, since }),
  removeFiling: (index: number) => edit({ kind: "remove_filing", index }),
  restoreFiling: (index: number, filing: Filing) => edit({ kind: "restore_filing", index, filing }),
  addTrainee: (name: string, qualification: string, enrolledOn: string, courseEndsOn: string) =>
    edit({ kind: "add_trainee", name, qualification, enrolled_on: enrolledOn, course_ends_on: courseEndsOn }),
  removeTrainee: (index: number) => edit({ kind: "remove_trainee", index }),
  restoreTrainee: (index: number, trainee: Trainee) => edit({ kind: "restore_trainee", index, trainee }),
  setTraineeField: (index: number, field: string, value: string, dryRun = false, asNurse = false) =>
    edit({ kind: "set_trainee", index, field: field as TraineeField, text: value }, dryRun, asNurse),
  setSalaryMonth: (index: number, month: string, value: string, dryRun = false) =>
    edit({ kind: "set_salary_month", index, month, text: value }, dryRun),
  setSalaryMonthly: (index: number, monthly: boolean) => edit({ kind: "set_salary_monthly", index, monthly }),
  setPriorItem: (index: number, item: string, claimed: boolean) =>
    edit({ kind: "set_prior_item", index, item: item as ItemId, claimed }),
  exportCaseJson: (fileName: string) => command<string | null>("export_case_json", { fileName }),
  importCaseJson: () => command<Snapshot | null>("import_case_json"),
  openFolder: () => command<null>("open_folder"),
  exportWorkbook: (draft: boolean, fileName: string) =>
    command<Exported | null>("export_workbook", { draft, fileName }),
  meiboOpen: () => command<MeiboSummary | null>("meibo_open"),
  meiboSearch: (query: string) => command<Candidate[]>("meibo_search", { query }),
  meiboApply: (number: string, dryRun = false) => command<MeiboApplied>("meibo_apply", { number, dryRun }),
  listBackups: () => command<Backup[]>("list_backups"),
  backupNow: () => command<Backup[]>("backup_now"),
  restoreBackup: (path: string) => command<Snapshot>("restore_backup", { path }),
  exportTraineeCosts: (index: number) => command<string | null>("export_trainee_costs", { index }),
  previewTraineeCosts: () => command<TraineeCostsPreview | null>("preview_trainee_costs"),
  importTraineeCosts: () => command<Snapshot>("import_trainee_costs"),
  appReady: () => command<null>("app_ready"),
  // The application's life (進行状況): src-tauri/src/lifecycle_commands.rs.
  progress: () => command<Progress>("lifecycle"),
  advance: (step: LifecycleStep) => command<Snapshot>("advance", { step }),
  planAgainstActual: () => command<Comparison | null>("plan_against_actual"),
  /** Who changed a trainee's cost item when, old → new, newest first. */
  figureHistory: (index: number, item: string) => command<Change[]>("figure_history", { index, item }),
  /** The history of the open application's 状態 and records (提出日, decisions, 受入済額…), oldest first. */
  lifecycleHistory: () => command<Change[]>("lifecycle_history"),
  exportReport: (fileName: string) => command<Exported | null>("export_report", { fileName }),
  exportChangeRequest: (fileName: string) => command<Exported | null>("export_change_request", { fileName }),
  setTraineeReport: (index: number, field: TraineeReportField, text: string, dryRun = false) =>
    edit({ kind: "set_trainee_report", index, field, text }, dryRun),
  ...receipts(),
};

/** A report's receipts (edits of the case) and their attached files (receipt_commands.rs). `asNurse`: made on
 * 受講者用 by the trainee herself. */
function receipts() {
  return {
    addReceipt: (index: number, item: CostItem, typed: { paid_on: string; payee: string; description: string; amount: string }, asNurse = false) =>
      edit({ kind: "add_receipt", index, item, ...typed }, false, asNurse),
    setReceipt: (index: number, receipt: number, field: ReceiptField, text: string, dryRun = false, asNurse = false) =>
      edit({ kind: "set_receipt", index, receipt, field, text }, dryRun, asNurse),
    removeReceipt: (index: number, receipt: number, asNurse = false) => edit({ kind: "remove_receipt", index, receipt }, false, asNurse),
    restoreReceipt: (index: number, receipt: number, value: Receipt, asNurse = false) =>
      edit({ kind: "restore_receipt", index, receipt, value }, false, asNurse),
    attachReceiptFile: (index: number, receipt: number, asNurse = false) =>
      command<AttachmentInfo[] | null>("attach_receipt_file", { index, receipt, asNurse }),
    listAttachments: () => command<AttachmentInfo[]>("list_attachments"),
    removeAttachment: (id: number, asNurse = false) => command<AttachmentInfo[]>("remove_attachment", { id, asNurse }),
    openAttachment: (id: number) => command<null>("open_attachment", { id }),
    exportAttachment: (id: number) => command<string | null>("export_attachment", { id }),
    exportReceiptFiles: () => command<ExportedReceipts | null>("export_receipt_files"),
  };
}
