// 計画と実績: per trainee and item, the planned amount (the plan the decision rests on: the submitted one, or the
// 変更後 plan once a 変更交付決定 came) and the amount as it stands now (the actual amounts once reporting), side
// by side with the difference. Every figure is the library's (hojo::compare::plan_against_actual).
import { Section } from "../components/field";
import { formatYen } from "../format";
import type { Comparison } from "../bindings/Comparison";
import type { Figures } from "../bindings/Figures";

function difference(amount: number): string {
  if (amount === 0) return "±0円";
  return amount > 0 ? `+${formatYen(amount)}` : `△${formatYen(-amount)}`;
}

function Cells(props: { figures: { planned: number; actual: number; difference: number }; at: string }) {
  const { figures, at } = props;
  return (
    <>
      <td class="amount" data-figure={`${at}.planned`}>{formatYen(figures.planned)}</td>
      <td class="amount" data-figure={`${at}.actual`}>{formatYen(figures.actual)}</td>
      <td class={`amount ${figures.difference > 0 ? "up" : figures.difference < 0 ? "down" : "same"}`} data-figure={`${at}.difference`}>
        {difference(figures.difference)}
      </td>
    </>
  );
}

const PRESENCE: Record<string, string> = { added: "追加", removed: "計画から外れた" };

export function PlanAgainstActual(props: { comparison: Comparison; reporting: boolean }) {
  const { comparison, reporting } = props;
  const actual = reporting ? "実績" : "いまの計画";
  const total: Figures = comparison.total;
  return (
    <Section
      title="計画と実績"
      description={`交付決定のもとになった計画（提出した内容、変更交付決定の後は変更後の計画）と、${actual}の額を並べます。差は「${actual} − 計画」で、△は減ったことを示します。`}
    >
      <table class="table comparison">
        <thead>
          <tr>
            <th scope="col">受講者・経費</th>
            <th scope="col">計画</th>
            <th scope="col">{actual}</th>
            <th scope="col">差</th>
          </tr>
        </thead>
        {comparison.rows.map((row, index) => (
          <tbody data-row={index}>
            <tr class="row-head">
              <th scope="rowgroup" colSpan={4}>
                {row.name}
                {PRESENCE[row.presence] && <span class="badge warn">{PRESENCE[row.presence]}</span>}
                {row.withdrew && <span class="badge warn">中途退学</span>}
              </th>
            </tr>
            {row.items
              .filter((item) => item.planned !== 0 || item.actual !== 0)
              .map((item) => (
                <tr data-item={item.item}>
                  <th scope="row" class="item">{item.label}</th>
                  <Cells figures={item} at={`${index}.${item.item}`} />
                </tr>
              ))}
            <tr class="subtotal">
              <th scope="row" class="item">(F) 選定額</th>
              <Cells figures={row.selected} at={`${index}.F`} />
            </tr>
            <tr class="subtotal">
              <th scope="row" class="item">(I) {reporting ? "精算額" : "補助所要額"}</th>
              <Cells figures={row.subsidy} at={`${index}.I`} />
            </tr>
          </tbody>
        ))}
        <tfoot>
          <tr class="total">
            <th scope="row">{reporting ? "精算額合計（計画は交付申請額）" : "交付申請額"}</th>
            <Cells figures={total} at="total" />
          </tr>
        </tfoot>
      </table>
      {(comparison.added.length > 0 || comparison.withdrawn.length > 0) && (
        <ul class="changes">
          {comparison.added.map((name) => (
            <li>{name}さんは計画にいない受講者です（追加）。</li>
          ))}
          {comparison.withdrawn.map((name) => (
            <li>{name}さんは計画から外れたか、受講をやめています。</li>
          ))}
        </ul>
      )}
    </Section>
  );
}
