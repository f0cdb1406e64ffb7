// The 算定 of one row beside its cost fields (経費 of a trainee, or of the hospital for a hospital-row program),
// updated as amounts are typed: the same letters as 算定, with the row's warnings.
import type { RowCalculation } from "../bindings/RowCalculation";
import { formatYen } from "../format";
import { linkTo } from "../route";

type Letter = "A" | "B" | "D" | "E" | "F";

const LABELS: Record<Letter, string> = {
  A: "(A) 総事業費",
  B: "(B) 収入",
  D: "(D) 対象経費",
  E: "(E) 基準額",
  F: "(F) 選定額",
};

export function LiveFigures(props: {
  row: RowCalculation | undefined;
  title: string;
  label: string;
  /** The letters shown before (I); (B) only where the row's income is typed on the same screen. */
  letters: Letter[];
}) {
  const { row } = props;
  return (
    <aside class="card live" aria-live="polite" aria-label={props.label}>
      <h2>{props.title}</h2>
      {row ? (
        <dl class="figures">
          {props.letters.map((letter) => (
            <>
              <dt>{LABELS[letter]}</dt>
              <dd data-figure={letter}>{formatYen(row[letter])}</dd>
            </>
          ))}
          <dt class="total">(I) 補助所要額</dt>
          <dd class="total" data-figure="I">
            {formatYen(row.I)}
          </dd>
        </dl>
      ) : (
        <p>計算できませんでした。</p>
      )}
      {row && row.warnings.length > 0 && (
        <ul class="warnings">
          {row.warnings.map((warning) => (
            <li>{warning}</li>
          ))}
        </ul>
      )}
      <a href={linkTo("calculation")}>算定の詳細を見る</a>
    </aside>
  );
}
