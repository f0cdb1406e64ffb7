// 算定: the 所要額調書 live — A–I per trainee, each item's 基準額 and 選定額, the total, how far each trainee is from
// the 12,300,000円 cap, and a chart of the costs against the 基準額.
import type { RowCalculation } from "../bindings/RowCalculation";
import { formatYen } from "../format";
import { linkTo } from "../route";
import { useSnapshot } from "../state";

// In 別紙2's order: (H) 補助率 stands between (G) and (I).
export const LETTERS: { key: "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I"; label: string }[] = [
  { key: "A", label: "総事業費" },
  { key: "B", label: "寄付金その他の収入額" },
  { key: "C", label: "差引額 (A−B)" },
  { key: "D", label: "対象経費の支出予定額" },
  { key: "E", label: "基準額" },
  { key: "F", label: "選定額" },
  { key: "G", label: "補助基本額" },
  { key: "H", label: "補助率" },
  { key: "I", label: "補助所要額" },
];

/** 補助率 as the 様式 writes it: 1/2 → 2分の1, 10/10 → 10分の10. */
export function rate(text: string): string {
  const [numerator, denominator] = text.split("/");
  return text === "1/1" ? "10分の10" : denominator ? `${denominator}分の${numerator}` : text;
}

export function Calculation() {
  const { snapshot, program } = useSnapshot();
  const calculation = snapshot!.calculation;
  if (!calculation) return <div class="screen"><h1 tabIndex={-1}>算定</h1><p>計算できませんでした。</p></div>;
  const cap = program?.lifetime_cap ?? null;
  // A trainee who is 対象外 keeps her row, but her (I) is never part of the 交付申請額 (the library's review).
  const excluded = (index: number) => snapshot!.eligibility?.trainees[index]?.verdict === "not_eligible";
  const included = calculation.trainees.filter((_, index) => !excluded(index));
  const applied = snapshot!.applied_total ?? calculation.total;
  const cell = (row: RowCalculation, key: (typeof LETTERS)[number]["key"]) =>
    key === "H" ? rate(row.H) : formatYen(row[key] as number);
  return (
    <div class="screen">
      <h1 tabIndex={-1}>算定</h1>
      <div class="total-banner" role="status">
        <span>交付申請額</span>
        <strong data-figure="total">{formatYen(applied)}</strong>
        <span class="hint">対象の受講者の (I) 補助所要額の合計（千円未満切捨て）</span>
      </div>
      {snapshot!.excluded.length > 0 && (
        <ul class="excluded" data-figure="excluded">
          {snapshot!.excluded.map((row) => (
            <li>
              {row.name}さんは対象外のため、(I) 補助所要額 {formatYen(row.subsidy)} は交付申請額に含めていません。
              <a href={linkTo("trainees")}>「受講者」</a>で要件を確かめてください。
            </li>
          ))}
        </ul>
      )}
      {calculation.trainees.length === 0 ? (
        <p class="empty">
          受講者がまだいません。<a href={linkTo("trainees")}>「受講者」</a>で追加してください。
        </p>
      ) : (
        <>
          <section class="card">
            <h2>所要額調書（別紙2）</h2>
            <div class="scroll">
              <table class="table figures-table">
                <thead>
                  <tr>
                    <th scope="col">受講者</th>
                    {LETTERS.map((letter) => (
                      <th scope="col" class={letter.key === "H" ? "rate" : undefined}>
                        ({letter.key})
                        <br />
                        {letter.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {calculation.trainees.map((row, index) => (
                    <tr class={excluded(index) ? "excluded" : undefined}>
                      <th scope="row">
                        <a href={linkTo("costs", `trainees[${index}].admission`)}>{row.name}</a>
                        {excluded(index) && <span class="badge overall not_eligible">対象外・合計に含めない</span>}
                      </th>
                      {LETTERS.map((letter) => (
                        <td class={letter.key === "H" ? "rate" : "amount"} data-figure={`${index}.${letter.key}`}>
                          {cell(row, letter.key)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{included.length < calculation.trainees.length ? "合計（対象の受講者）" : "合計"}</th>
                    {LETTERS.map((letter) =>
                      letter.key === "H" ? (
                        <td class="rate" />
                      ) : (
                        <td class="amount" data-figure={`sum.${letter.key}`}>
                          {formatYen(letter.key === "I" ? applied : included.reduce((sum, row) => sum + (row[letter.key as Exclude<typeof letter.key, "H">] as number), 0))}
                        </td>
                      ),
                    )}
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
          {calculation.trainees.map((row, index) => (
            <TraineeDetail row={row} index={index} cap={cap} />
          ))}
        </>
      )}
    </div>
  );
}

function TraineeDetail(props: { row: RowCalculation; index: number; cap: number | null }) {
  const { row, index, cap } = props;
  return (
    <section class="card">
      <h2>
        {row.name}さんの内訳（別紙3）
      </h2>
      <div class="detail">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">経費区分</th>
              <th scope="col">支出予定額</th>
              <th scope="col">うち対象経費</th>
              <th scope="col">基準額</th>
              <th scope="col">選定額</th>
              <th scope="col">備考</th>
            </tr>
          </thead>
          <tbody>
            {row.items.map((item) => (
              <tr>
                <th scope="row">
                  <a href={linkTo("costs", `trainees[${index}].${item.item}`)}>{item.label}</a>
                </th>
                <td class="amount">{formatYen(item.amount)}</td>
                <td class="amount">{formatYen(item.eligible)}</td>
                <td class="amount">{item.standard === null ? "—" : formatYen(item.standard)}</td>
                <td class="amount">{formatYen(item.selected)}</td>
                <td>{item.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Chart row={row} />
      </div>
      {cap !== null && row.lifetime_standard_left !== null && (
        <p class="cap" data-figure={`${index}.cap`}>
          基準額の総額 {formatYen(cap)} まで、この年度の選定額を計上した後であと <strong>{formatYen(row.lifetime_standard_left)}</strong>
          （前年度までと今年度で {formatYen(cap - row.lifetime_standard_left)} を使用）
        </p>
      )}
      {row.warnings.length > 0 && (
        <ul class="warnings">
          {row.warnings.map((warning) => (
            <li>{warning}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Costs against 基準額, one pair of bars per item; plain SVG, no library. */
function Chart(props: { row: RowCalculation }) {
  const items = props.row.items.filter((item) => item.amount > 0 || (item.standard ?? 0) > 0);
  const max = Math.max(1, ...items.map((item) => Math.max(item.amount, item.standard ?? 0)));
  const rowHeight = 34;
  const labelWidth = 96;
  const width = 380;
  const barWidth = width - labelWidth - 10;
  const height = items.length * rowHeight + 30;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`${props.row.name}さんの経費と基準額のグラフ`}>
        {items.map((item, i) => {
          const y = i * rowHeight + 4;
          const amount = (item.amount / max) * barWidth;
          const standard = ((item.standard ?? 0) / max) * barWidth;
          return (
            <g>
              <text x={labelWidth - 8} y={y + 17} text-anchor="end" class="chart-label">
                {item.label}
              </text>
              <rect x={labelWidth} y={y} width={Math.max(standard, 1)} height={12} class="bar-standard" />
              <rect x={labelWidth} y={y + 13} width={Math.max(amount, item.amount > 0 ? 2 : 0)} height={12} class={item.amount > (item.standard ?? Infinity) ? "bar-cost over" : "bar-cost"} />
            </g>
          );
        })}
        <g transform={`translate(${labelWidth}, ${height - 14})`}>
          <rect x={0} y={0} width={12} height={10} class="bar-standard" />
          <text x={16} y={9} class="chart-legend">基準額</text>
          <rect x={80} y={0} width={12} height={10} class="bar-cost" />
          <text x={96} y={9} class="chart-legend">支出予定額</text>
          <rect x={190} y={0} width={12} height={10} class="bar-cost over" />
          <text x={206} y={9} class="chart-legend">基準額を超える</text>
        </g>
      </svg>
    </figure>
  );
}
