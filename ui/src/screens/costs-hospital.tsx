// 経費 of a program whose row is the hospital (kanwa-training): each 対象経費 of the program data with its 積算内訳
// lines (講師謝金 30,000円 × 4人; the item amounts to their sum, the library decides) or a plain amount, then the
// costs outside the program and the income (B). Every field is saved as typed; the 算定 beside follows at once.
import type { ItemId } from "../bindings/ItemId";
import type { ItemInfo } from "../bindings/ItemInfo";
import type { WorkingField } from "../bindings/WorkingField";
import type { WorkingLine } from "../bindings/WorkingLine";
import { offerUndo } from "../components/dialog";
import { LiveFigures } from "../components/live-figures";
import { Field, Section } from "../components/field";
import { formatAmount, formatYen } from "../format";
import { api } from "../ipc";
import { apply, useSnapshot } from "../state";

const AMOUNT_HINT = "全角・カンマ付きでも入力できます（例: ３０，０００）";

const setLine = (item: ItemId, index: number, field: WorkingField) => (text: string, dryRun: boolean) =>
  api.editCase({ kind: "set_working_line", item, index, field, text }, dryRun);

const setCost = (item: ItemId | "other_costs" | "other_income") => (text: string, dryRun: boolean) =>
  api.editCase({ kind: "set_cost", item, text }, dryRun);

function focusLater(path: string) {
  requestAnimationFrame(() => (document.querySelector(`[data-path="${CSS.escape(path)}"]`) as HTMLElement | null)?.focus());
}

export function HospitalCosts() {
  const { snapshot, program } = useSnapshot();
  const case_ = snapshot!.case!;
  const row = snapshot!.calculation?.trainees[0];
  return (
    <div class="screen">
      <h1 tabIndex={-1}>経費</h1>
      <p class="lead">
        研修会にかかる経費を、経費区分ごとに入力します。積算内訳（例: 講師謝金 30,000円 × 4人）を入力すると、その合計が経費区分の金額になります。入力しながら右の算定に反映され、そのまま保存されます。
      </p>
      <div class="with-aside">
        <div>
          {(program?.items ?? []).map((item) => (
            <ItemCard item={item} amount={case_.costs?.[item.id] ?? 0} lines={case_.workings?.[item.id] ?? []} />
          ))}
          <Section title="対象外の経費と収入">
            <div class="grid">
              <Field
                path="other_costs"
                label={program?.other_costs_label ?? "その他の経費（対象外）"}
                value={formatAmount(case_.other_costs ?? 0)}
                commit={setCost("other_costs")}
                inputMode="numeric"
                suffix="円"
                hint="総事業費 (A) に含まれますが、補助の対象にはなりません。"
              />
              <Field
                path="other_income"
                label={`${program?.other_income_label ?? "受講料収入その他の収入"} (B)`}
                value={formatAmount(case_.other_income ?? 0)}
                commit={setCost("other_income")}
                inputMode="numeric"
                suffix="円"
                hint="受講料や、同じ経費に充てる他の補助金・寄付金など。"
              />
            </div>
            <p class="hint">{AMOUNT_HINT}</p>
          </Section>
        </div>
        <LiveFigures row={row} title="算定" label="病院の算定" letters={["A", "B", "D", "E", "F"]} />
      </div>
    </div>
  );
}

/** One 対象経費: its 積算内訳 lines, or (until the first line) its amount as one figure. */
function ItemCard(props: { item: ItemInfo; amount: number; lines: WorkingLine[] }) {
  const { item, amount, lines } = props;
  const itemised = lines.length > 0;
  const addLine = async () => {
    const index = lines.length;
    // The first line starts from the amount typed so far (単価 = that amount × 1): nothing typed is lost.
    const first = !itemised && amount > 0;
    await apply(
      first
        ? api.editCase({ kind: "set_working_line", item: item.id, index, field: "unit_price", text: String(amount) })
        : api.editCase({ kind: "set_working_line", item: item.id, index, field: "description", text: "" }),
    );
    focusLater(`workings.${item.id}[${index}].description`);
  };
  return (
    <section class="card cost-item" data-item={item.id}>
      <div class="cost-item-head">
        <h2>{item.label}</h2>
        <span class="cost-item-amount" data-figure={`item.${item.id}`}>
          {formatYen(amount)}
        </span>
      </div>
      {!itemised ? (
        <div class="cost-item-plain">
          <Field
            path={`costs.${item.id}`}
            label={`${item.label}の金額`}
            value={formatAmount(amount)}
            commit={setCost(item.id)}
            inputMode="numeric"
            suffix="円"
            hint="積算内訳を入力すると、その合計が金額になります。"
          />
          <button type="button" onClick={addLine}>
            積算内訳を入力する
          </button>
        </div>
      ) : (
        <>
          <div class="working-lines" role="group" aria-label={`${item.label}の積算内訳`}>
            {lines.map((line, index) => (
              <LineRow key={`${index}/${lines.length}`} item={item} line={line} index={index} />
            ))}
          </div>
          <div class="working-foot">
            <button type="button" onClick={addLine}>
              行を追加
            </button>
            <span class="hint">金額は積算内訳の合計です（単価 × 数量）。</span>
          </div>
        </>
      )}
    </section>
  );
}

function LineRow(props: { item: ItemInfo; line: WorkingLine; index: number }) {
  const { item, line, index } = props;
  const at = (field: WorkingField) => `workings.${item.id}[${index}].${field}`;
  return (
    // Only the first line shows its column names; the others keep them for screen readers (and show the label
    // again when refused, with its 未保存).
    <div class={index === 0 ? "working-line" : "working-line later"} data-line={index}>
      <Field path={at("description")} label="内容" value={line.description} commit={setLine(item.id, index, "description")} placeholder="例: 講師謝金" />
      <Field path={at("unit_price")} label="単価" value={formatAmount(line.unit_price)} commit={setLine(item.id, index, "unit_price")} inputMode="numeric" suffix="円" />
      <Field path={at("quantity")} label="数量" value={String(line.quantity)} commit={setLine(item.id, index, "quantity")} inputMode="numeric" />
      <Field path={at("unit")} label="単位" value={line.unit} commit={setLine(item.id, index, "unit")} placeholder="人" />
      <div class="working-amount">
        <span class="label">金額</span>
        <span data-figure={`line.${item.id}.${index}`}>{formatYen(line.unit_price * line.quantity)}</span>
      </div>
      <button
        type="button"
        class="small"
        tabIndex={-1}
        aria-label={`${item.label}の${index + 1}行目を削除`}
        onClick={async () => {
          const removed = structuredClone(line);
          await apply(api.editCase({ kind: "remove_working_line", item: item.id, index }));
          offerUndo(`${item.label}の積算内訳「${removed.description || `${index + 1}行目`}」を削除しました。`, () =>
            apply(api.editCase({ kind: "restore_working_line", item: item.id, index, line: removed })),
          );
        }}
      >
        削除
      </button>
    </div>
  );
}
