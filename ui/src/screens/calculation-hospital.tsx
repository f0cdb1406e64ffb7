// 算定 of a program whose row is the hospital (kanwa-training): every letter (A)–(I) of its one row, the items
// with their 積算内訳 (別紙3), and how much of the 基準額 the 対象経費 use. Every figure is the engine's.
import { formatYen } from "../format";
import { linkTo } from "../route";
import { useSnapshot } from "../state";
import { LETTERS, rate } from "./calculation";

export function HospitalCalculation() {
  const { snapshot, program } = useSnapshot();
  const calculation = snapshot!.calculation;
  const row = calculation?.trainees[0];
  if (!calculation || !row) return <div class="screen"><h1 tabIndex={-1}>算定</h1><p>計算できませんでした。</p></div>;
  const case_ = snapshot!.case!;
  const applied = snapshot!.applied_total ?? calculation.total;
  // (B) is the program's own income (受講料収入その他の収入), as its 様式 names it.
  const label = (key: (typeof LETTERS)[number]["key"], fallback: string) =>
    key === "B" && program ? program.other_income_label : fallback;
  const used = row.E > 0 ? Math.min(100, Math.round((row.D / row.E) * 100)) : 0;
  return (
    <div class="screen">
      <h1 tabIndex={-1}>算定</h1>
      <div class="total-banner" role="status">
        <span>交付申請額</span>
        <strong data-figure="total">{formatYen(applied)}</strong>
        <span class="hint">病院の (I) 補助所要額（千円未満切捨て）</span>
      </div>
      <section class="card">
        <h2>所要額調書（別紙2）</h2>
        <div class="scroll">
          <table class="table figures-table">
            <thead>
              <tr>
                <th scope="col">病院</th>
                {LETTERS.map((letter) => (
                  <th scope="col" class={letter.key === "H" ? "rate" : undefined}>
                    ({letter.key})
                    <br />
                    {label(letter.key, letter.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{row.name}</th>
                {LETTERS.map((letter) => (
                  <td class={letter.key === "H" ? "rate" : "amount"} data-figure={`0.${letter.key}`}>
                    {letter.key === "H" ? rate(row.H) : formatYen(row[letter.key] as number)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        {program?.yearly_standard != null && (
          <div class="standard-use" data-figure="standard-use">
            <p>
              基準額 {formatYen(row.E)}（病院・年度ごと、全経費区分の合計）のうち、対象経費 {formatYen(row.D)} を計上しています
              {row.D > row.E ? "（基準額を超える分は補助されません）" : `（残り ${formatYen(row.E - row.D)}）`}。
            </p>
            <div class={`meter${row.D > row.E ? " over" : ""}`} aria-hidden="true">
              <span style={{ width: `${used}%` }} />
            </div>
          </div>
        )}
        {row.warnings.length > 0 && (
          <ul class="warnings">
            {row.warnings.map((warning) => (
              <li>{warning}</li>
            ))}
          </ul>
        )}
      </section>
      <section class="card">
        <h2>支出予定額内訳（別紙3）</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">経費区分</th>
              <th scope="col">支出予定額</th>
              <th scope="col">積算内訳</th>
            </tr>
          </thead>
          <tbody>
            {row.items.map((item) => (
              <tr>
                <th scope="row">
                  <a href={linkTo("costs", `costs.${item.item}`)}>{item.label}</a>
                </th>
                <td class="amount" data-figure={`item.${item.item}`}>{formatYen(item.amount)}</td>
                <td>
                  {(case_.workings?.[item.item] ?? []).map((line) => (
                    <div class="working-text">
                      {line.description} {formatYen(line.unit_price)}×{line.quantity}
                      {line.unit}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">(D) 対象経費の合計</th>
              <td class="amount">{formatYen(row.D)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </section>
    </div>
  );
}
