// A 実績報告's receipts, as nurses keep them: for each cost item of a trainee, its payments (支払日, 支払先,
// 内容（但し書き）, 金額) and the scan or PDF attached to each. Used by 経費 (the administrator) and 受講者用 (the
// nurse herself, `asNurse`), so both edit receipts the same way. Each cell is checked and saved as typed (Field);
// the item's amount is the sum of its receipts, computed by the library. Dates are sent as typed: the library
// reads 和暦 and full-width digits. The review's findings about a receipt are shown under it.
import { useEffect, useState } from "preact/hooks";

import { Field, Notice, Section, useFrozen } from "./field";
import { ask, offerUndo } from "./dialog";
import { formatAmount, formatDate, formatYen } from "../format";
import { api, CommandError, type AttachmentInfo } from "../ipc";
import { apply, useSnapshot } from "../state";
import type { CostItem } from "../bindings/CostItem";
import type { Receipt } from "../bindings/Receipt";
import type { ReceiptField } from "../bindings/ReceiptField";
import type { Trainee } from "../bindings/Trainee";
import type { TraineeCostsPreview } from "../bindings/TraineeCostsPreview";

// The attachments of the open application, shared by every table (one list, refreshed after a change).
let attachments: AttachmentInfo[] = [];
let listedFor = "";
const listeners = new Set<() => void>();

function setAttachments(list: AttachmentInfo[]) {
  attachments = list;
  for (const listener of listeners) listener();
}

/** Lists the attachments again when the receipts they hang on have changed (added, removed, moved). */
function useAttachments(signature: string): AttachmentInfo[] {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((tick) => tick + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  useEffect(() => {
    if (signature === listedFor) return;
    listedFor = signature;
    api.listAttachments().then(setAttachments, () => setAttachments([]));
  }, [signature]);
  return attachments;
}

/** The items a receipt can be for, in the order of the program's items, then その他の経費. */
function receiptItems(program: ReturnType<typeof useSnapshot>["program"], trainee: Trainee): ItemChoice[] {
  const items: ItemChoice[] = (program?.items ?? [])
    .filter((item) => !item.monthly || trainee.salary_months.length === 0)
    .map((item) => ({ id: item.id, label: item.label }));
  return [...items, { id: "other_costs", label: "その他の経費（教材費・交通費など）" }];
}

/** The receipts a nurse's cost sheet would add or remove, as lines of the question asked before reading it. */
export function receiptChanges(preview: TraineeCostsPreview): string[] {
  const line = (receipt: Receipt) => `${formatDate(receipt.paid_on)} ${receipt.payee || "支払先なし"} ${receipt.description} ${formatYen(receipt.amount)}`;
  return [
    ...preview.added_receipts.map((receipt) => `・領収書を追加: ${line(receipt)}`),
    ...preview.removed_receipts.map((receipt) => `・領収書を削除: ${line(receipt)}`),
    ...(preview.removed_attachments > 0 ? [`・削除される領収書の添付ファイル ${preview.removed_attachments}件も削除されます`] : []),
  ];
}

/** Said under an amount given by its receipts. */
export const RECEIPTS_HINT = "領収書の合計です。金額は下の「領収書」で入力・修正してください。";

/** Whether an item's amount is given by its receipts (its field then shows their sum and is not typed). */
export function givenByReceipts(trainee: Trainee, item: CostItem): boolean {
  return (trainee.receipts ?? []).some((receipt) => receipt.item === item);
}

/** The receipts of one trainee, item by item; shown on a 実績報告 only (an application has planned amounts). */
export function ReceiptsSection(props: { index: number; asNurse?: boolean }) {
  const { snapshot, program } = useSnapshot();
  const case_ = snapshot!.case!;
  const trainee = case_.trainees[props.index];
  const signature = `${case_.hospital.name}|${case_.fiscal_year}|${case_.trainees.map((t) => (t.receipts ?? []).length).join(",")}`;
  const listed = useAttachments(signature);
  if (case_.stage !== "report" || !trainee) return null;
  const items = receiptItems(program, trainee);
  return (
    <Section
      title={`${trainee.name}さんの領収書`}
      description="支払いごとに、領収書に書かれた支払日・支払先・内容（但し書き）・金額を入力します。経費の金額は領収書の合計になります。領収書のスキャンやPDFを添付すると、データベースに一緒に保存されます。"
    >
      {items.map((item) => (
        <ItemReceipts index={props.index} item={item.id} label={item.label} asNurse={props.asNurse ?? false} attachments={listed} items={items} />
      ))}
      <ExportFolder />
    </Section>
  );
}

const COLUMNS: { field: ReceiptField; label: string; numeric?: boolean; placeholder: string }[] = [
  { field: "paid_on", label: "支払日", placeholder: "例: R6.4.10" },
  { field: "payee", label: "支払先", placeholder: "例: ○○大学" },
  { field: "description", label: "内容（但し書き）", placeholder: "例: 前期授業料" },
  { field: "amount", label: "金額", numeric: true, placeholder: "例: 450,000" },
];

function shown(receipt: Receipt, field: ReceiptField): string {
  switch (field) {
    case "paid_on":
      return formatDate(receipt.paid_on);
    case "amount":
      return formatAmount(receipt.amount);
    case "payee":
      return receipt.payee;
    case "description":
      return receipt.description;
    default:
      return String(receipt.item);
  }
}

type ItemChoice = { id: CostItem; label: string };

function ItemReceipts(props: { index: number; item: CostItem; label: string; asNurse: boolean; attachments: AttachmentInfo[]; items: ItemChoice[] }) {
  const { snapshot } = useSnapshot();
  const trainee = snapshot!.case!.trainees[props.index];
  const { index, item, asNurse } = props;
  const [message, setMessage] = useState<string | null>(null);
  // Each receipt with its position among all her receipts (the edits name that position).
  const rows = (trainee.receipts ?? []).map((receipt, position) => ({ receipt, position })).filter((row) => row.receipt.item === item);
  const total = (trainee as unknown as Record<string, number>)[item] ?? 0;
  const at = (position: number, field?: string) => `trainees[${index}].receipts[${position}]${field ? `.${field}` : ""}`;
  const findingsOf = (position: number) =>
    snapshot!.findings.filter((finding) => finding.path !== null && (finding.path === at(position) || finding.path.startsWith(`${at(position)}.`)));
  const run = async (action: () => Promise<void>) => {
    try {
      await action();
      setMessage(null);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  // 実績報告済・確定: the receipts are what was reported; they stay listed and their files open, nothing changes.
  const frozen = useFrozen() !== null;
  const remove = (receipt: Receipt, position: number) =>
    run(async () => {
      const files = props.attachments.filter((file) => file.trainee === index && file.receipt === position);
      // An attached file cannot be put back by 元に戻す: then the deletion is asked first.
      if (files.length > 0 && !(await ask(`${formatDate(receipt.paid_on)}・${receipt.payee || "支払先なし"}の領収書を削除します。添付ファイル（${files.map((f) => f.file_name).join("、")}）も削除されます。`, "削除する"))) return;
      await apply(api.removeReceipt(index, position, asNurse));
      if (files.length === 0) {
        offerUndo(`${props.label}の領収書（${formatDate(receipt.paid_on)}・${formatYen(receipt.amount)}）を削除しました`, () =>
          apply(api.restoreReceipt(index, position, receipt, asNurse)),
        );
      }
    });
  const attach = (position: number) =>
    run(async () => {
      const list = await api.attachReceiptFile(index, position, asNurse);
      if (list) setAttachments(list);
    });
  const detach = (file: AttachmentInfo) =>
    run(async () => {
      if (!(await ask(`添付ファイル「${file.file_name}」を外します。領収書の入力はそのまま残ります。`, "外す"))) return;
      setAttachments(await api.removeAttachment(file.id, asNurse));
    });
  return (
    <div class="receipts" data-item={item}>
      <h3>
        {props.label}
        <span class="receipts-total" data-figure={`receipts.${item}`}>
          {rows.length > 0 ? `領収書${rows.length}件の合計 ${formatYen(total)}` : "領収書なし"}
        </span>
      </h3>
      {rows.length > 0 && (
        <table class="table receipts-table">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th scope="col">{column.label}</th>
              ))}
              <th scope="col">添付</th>
              <th scope="col">
                <span class="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ receipt, position }) => {
              const files = props.attachments.filter((file) => file.trainee === index && file.receipt === position);
              const findings = findingsOf(position);
              return (
                <>
                  <tr data-receipt={position} class={findings.length > 0 ? "flagged" : undefined}>
                    {COLUMNS.map((column) => (
                      <td class={column.numeric ? "amount" : undefined}>
                        <Field
                          path={at(position, column.field)}
                          label={`${column.label}（${props.label}）`}
                          value={shown(receipt, column.field)}
                          commit={(text, dry) => api.setReceipt(index, position, column.field, text, dry, asNurse)}
                          inputMode={column.numeric ? "numeric" : undefined}
                          suffix={column.numeric ? "円" : undefined}
                        />
                      </td>
                    ))}
                    <td class="attachments">
                      {files.map((file) => (
                        <span class="attachment" data-attachment={file.file_name}>
                          <button type="button" class="link" onClick={() => run(async () => void (await api.openAttachment(file.id)))}>
                            {file.file_name}
                          </button>
                          <span class="hint">（{Math.max(1, Math.round(file.size / 1024)).toLocaleString("ja-JP")} KB）</span>
                          {!frozen && (
                            <button type="button" class="small" aria-label={`${file.file_name}を外す`} onClick={() => detach(file)}>
                              外す
                            </button>
                          )}
                        </span>
                      ))}
                      {!frozen && (
                        <button type="button" class="small" onClick={() => attach(position)}>
                          ファイルを添付
                        </button>
                      )}
                    </td>
                    <td>
                      <div class="receipt-actions">
                        {/* A payment entered under the wrong item is moved, not typed again. */}
                        <label class="visually-hidden" for={`receipt-item-${index}-${position}`}>
                          費目（{formatDate(receipt.paid_on)}の領収書）
                        </label>
                        <select
                          id={`receipt-item-${index}-${position}`}
                          data-path={at(position, "item")}
                          title={frozen ? undefined : "費目を変える"}
                          disabled={frozen}
                          onChange={(event) => {
                            const chosen = (event.currentTarget as HTMLSelectElement).value;
                            void run(() => apply(api.setReceipt(index, position, "item", chosen, false, asNurse)));
                          }}
                        >
                          {props.items.map((choice) => (
                            <option value={choice.id} selected={choice.id === item}>
                              {choice.label.replace(/（.*$/, "")}
                            </option>
                          ))}
                        </select>
                        {!frozen && (
                          <button type="button" class="small danger" aria-label={`${formatDate(receipt.paid_on)}の領収書を削除`} onClick={() => remove(receipt, position)}>
                            削除
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                  {findings.length > 0 && (
                    <tr class="receipt-findings">
                      <td colSpan={COLUMNS.length + 2}>
                        <ul class="findings">
                          {findings.map((finding) => (
                            <li class={finding.severity}>{finding.message}</li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  )}
                </>
              );
            })}
          </tbody>
        </table>
      )}
      {!frozen && <NewReceipt index={index} item={item} label={props.label} asNurse={asNurse} position={(trainee.receipts ?? []).length} />}
      {message && <Notice kind="error">{message}</Notice>}
    </div>
  );
}

type Typed = { paid_on: string; payee: string; description: string; amount: string };
const BLANK: Typed = { paid_on: "", payee: "", description: "", amount: "" };

/** The row that adds a receipt: nothing is saved until 「追加」, and a refused one keeps what was typed. */
function NewReceipt(props: { index: number; item: CostItem; label: string; asNurse: boolean; position: number }) {
  const [typed, setTyped] = useState<Typed>(BLANK);
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const prefix = `new-receipt-${props.index}-${props.item}`;
  const add = async (event: Event) => {
    event.preventDefault();
    try {
      await apply(api.addReceipt(props.index, props.item, typed, props.asNurse));
      setTyped(BLANK);
      setProblem(null);
      (document.getElementById(`${prefix}-paid_on`) as HTMLInputElement | null)?.focus();
    } catch (error) {
      const path = error instanceof CommandError ? error.path : null;
      const field = COLUMNS.find((column) => path?.endsWith(`.${column.field}`))?.field ?? null;
      setProblem({ field, message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <form class="new-receipt" onSubmit={add} aria-label={`${props.label}の領収書を追加`}>
      {COLUMNS.map((column) => {
        const id = `${prefix}-${column.field}`;
        const wrong = problem?.field === column.field;
        return (
          <div class={`field${wrong ? " invalid" : ""}`}>
            <label for={id}>{column.label}</label>
            <div class="control">
              <input
                id={id}
                type="text"
                autoComplete="off"
                inputMode={column.numeric ? "numeric" : undefined}
                placeholder={column.placeholder}
                value={typed[column.field as keyof Typed]}
                aria-invalid={wrong}
                aria-describedby={wrong ? `${prefix}-message` : undefined}
                onInput={(event) => setTyped({ ...typed, [column.field]: (event.currentTarget as HTMLInputElement).value })}
              />
              {column.numeric && <span class="suffix">円</span>}
            </div>
          </div>
        );
      })}
      <button type="submit">領収書を追加</button>
      {problem && (
        <p class="message" id={`${prefix}-message`} role="alert">
          {problem.message}
        </p>
      )}
    </form>
  );
}

/** 「領収書のファイルを書き出す」: every attached file into one folder, for the 領収書等の写し beside the report. */
function ExportFolder() {
  const [outcome, setOutcome] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const exportFiles = async () => {
    try {
      const exported = await api.exportReceiptFiles();
      if (!exported) return;
      setOutcome({
        kind: "ok",
        text:
          exported.files.length === 0
            ? "添付されたファイルはありません。"
            : `${exported.folder} に${exported.files.length}件書き出しました（${exported.files.join("、")}）。実績報告書の「領収書等の写し」として添えてください。`,
      });
    } catch (error) {
      setOutcome({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="actions receipts-export">
      <button type="button" onClick={exportFiles}>
        領収書のファイルをフォルダに書き出す
      </button>
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
    </div>
  );
}
