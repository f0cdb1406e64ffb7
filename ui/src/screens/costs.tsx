// 経費: per trainee and 年度, the items, the flags, salary month by month with the 受講者/代替 choice. Amounts accept
// full-width digits, commas and 円; each is checked and saved as typed, and the 算定 beside follows at once.
import { useState } from "preact/hooks";

import { LiveFigures } from "../components/live-figures";
import { Field, Section, Toggle } from "../components/field";
import { givenByReceipts, ReceiptsSection, RECEIPTS_HINT } from "../components/receipts";
import { formatAmount, formatMonth, formatYen } from "../format";
import { api } from "../ipc";
import { linkTo, useSelectedTrainee } from "../route";
import { setSnapshot, useSnapshot } from "../state";
import type { Trainee } from "../bindings/Trainee";
import { TraineePicker } from "./trainees";

const AMOUNT_HINT = "全角・カンマ付きでも入力できます（例: １２０，０００）";

function amountText(amount: number): string {
  return formatAmount(amount);
}

export function Costs() {
  const { snapshot, program } = useSnapshot();
  const case_ = snapshot!.case!;
  const selected = useSelectedTrainee(case_.trainees.length);
  const trainee = case_.trainees[selected];
  if (!trainee) {
    return (
      <div class="screen">
        <h1 tabIndex={-1}>経費</h1>
        <p class="empty">
          受講者がまだいません。<a href={linkTo("trainees")}>「受講者」</a>で追加してください。
        </p>
      </div>
    );
  }
  const row = snapshot!.calculation?.trainees[selected];
  const at = (field: string) => `trainees[${selected}].${field}`;
  const set = (field: string) => (value: string, dry: boolean) => api.setTraineeField(selected, field, value, dry);
  // The questions are worded by the program data, as the workbook's notes are.
  const flagRule = (id: string) => program?.flags.find((flag) => flag.id === id);
  const shownFlags = new Set<string>();
  return (
    <div class="screen">
      <h1 tabIndex={-1}>経費</h1>
      <p class="lead">受講者ごとに、この年度に支払う（支払った）金額を入力します。入力しながら右の算定に反映され、そのまま保存されます。</p>
      <TraineePicker label="経費を入力する受講者" />
      <div class="with-aside" key={selected}>
        <div>
          <Section title={`${trainee.name}さんの対象経費`}>
            {(program?.items ?? [])
              .filter((item) => !item.monthly)
              .map((item) => {
                const flag = item.counted_when && !shownFlags.has(item.counted_when) ? item.counted_when : null;
                if (flag) shownFlags.add(flag);
                const value = (trainee as unknown as Record<string, number>)[item.id] ?? 0;
                return (
                  <div class="item-row">
                    <Field
                      path={at(item.id)}
                      label={item.label}
                      value={amountText(value)}
                      commit={set(item.id)}
                      inputMode="numeric"
                      suffix="円"
                      history={{ index: selected, item: item.id }}
                      hint={givenByReceipts(trainee, item.id) ? RECEIPTS_HINT : item.standard !== null ? `基準額 ${formatYen(item.standard)}${item.once ? "（1人1回）" : "（年度ごと）"}` : undefined}
                      disabled={givenByReceipts(trainee, item.id)}
                    />
                    {flag && flagRule(flag) && (
                      <Toggle
                        path={at(flag)}
                        label={flagRule(flag)!.label}
                        hint={flagRule(flag)!.hint}
                        checked={Boolean((trainee as unknown as Record<string, boolean>)[flag])}
                        commit={set(flag)}
                      />
                    )}
                    {item.once && (
                      <Toggle
                        path={`${at("prior_items")}.${item.id}`}
                        label="前年度までに計上済み"
                        checked={trainee.prior_items.includes(item.id)}
                        commit={(value) => api.setPriorItem(selected, item.id, value === "true")}
                      />
                    )}
                  </div>
                );
              })}
          </Section>
          <Salary trainee={trainee} index={selected} />
          <Section title="その他">
            <div class="grid">
              <Field path={at("other_costs")} label="その他の経費（教材費・交通費など対象外）" value={amountText(trainee.other_costs)} commit={set("other_costs")} inputMode="numeric" suffix="円" history={{ index: selected, item: "other_costs" }} hint="総事業費 (A) に含まれますが、補助の対象にはなりません。" disabled={givenByReceipts(trainee, "other_costs")} />
              <Field path={at("other_income")} label="寄付金その他の収入額 (B)" value={amountText(trainee.other_income)} commit={set("other_income")} inputMode="numeric" suffix="円" history={{ index: selected, item: "other_income" }} hint="同じ経費に充てる他の補助金・寄付金など。" />
              <Field path={at("prior_years_standard_used")} label="前年度までの選定額の合計" value={amountText(trainee.prior_years_standard_used)} commit={set("prior_years_standard_used")} inputMode="numeric" suffix="円" hint="2年目以降の受講者のみ。基準額の総額 12,300,000円 の残りを計算します。" />
            </div>
            <p class="hint">{AMOUNT_HINT}</p>
          </Section>
          <ReceiptsSection index={selected} />
        </div>
        <LiveFigures row={row} title={`算定（${trainee.name}さん）`} label="この受講者の算定" letters={["A", "D", "E", "F"]} />
      </div>
    </div>
  );
}

function Salary(props: { trainee: Trainee; index: number }) {
  const { snapshot } = useSnapshot();
  const { trainee, index } = props;
  const monthly = trainee.salary_months.length > 0;
  const at = (field: string) => `trainees[${index}].${field}`;
  const [modeMessage, setModeMessage] = useState<string | null>(null);
  const switchMode = async (toMonthly: boolean) => {
    try {
      setSnapshot(await api.setSalaryMonthly(index, toMonthly));
      setModeMessage(null);
    } catch (error) {
      setModeMessage(error instanceof Error ? error.message : String(error));
    }
  };
  // A month is inside the course when any of its days is.
  const insideCourse = (month: string) => month >= trainee.enrolled_on.slice(0, 7) && month <= trainee.course_ends_on.slice(0, 7);
  const monthsTotal = trainee.salary_months.filter((m) => insideCourse(m.month)).reduce((sum, m) => sum + m.amount, 0);
  const year = snapshot!.case!.fiscal_year;
  const months = Array.from({ length: 12 }, (_, i) => {
    const y = i < 9 ? year : year + 1;
    return `${y}-${String(((i + 3) % 12) + 1).padStart(2, "0")}`;
  });
  return (
    <Section title="人件費" description="受講期間中の給与費です。基準額は年度ごとに 4,900,000円。受講期間と年度の両方に入る月だけが対象になります。">
      <fieldset class="radios">
        <legend>区分</legend>
        {(["trainee", "substitute"] as const).map((kind) => (
          <label>
            <input
              type="radio"
              name={`salary-kind-${index}`}
              data-path={kind === trainee.salary_kind ? at("salary_kind") : undefined}
              checked={trainee.salary_kind === kind}
              onChange={async () => setSnapshot(await api.setTraineeField(index, "salary_kind", kind))}
            />
            {kind === "trainee" ? "受講者の給与費" : "代替看護職員の給与費"}
          </label>
        ))}
      </fieldset>
      <fieldset class="radios">
        <legend>入力のしかた</legend>
        <label>
          <input type="radio" name={`salary-mode-${index}`} checked={!monthly} onChange={() => switchMode(false)} />
          年度の合計で入力
        </label>
        <label>
          <input type="radio" name={`salary-mode-${index}`} checked={monthly} onChange={() => switchMode(true)} />
          月ごとに入力
        </label>
      </fieldset>
      {modeMessage && (
        <p class="message" role="alert">
          {modeMessage}
        </p>
      )}
      {!monthly ? (
        <Field path={at("salary")} label="人件費（年度の合計）" value={formatAmount(trainee.salary)} commit={(v, dry) => api.setTraineeField(index, "salary", v, dry)} inputMode="numeric" suffix="円" hint={givenByReceipts(trainee, "salary") ? RECEIPTS_HINT : AMOUNT_HINT} disabled={givenByReceipts(trainee, "salary")} history={{ index, item: "salary" }} />
      ) : (
        <>
          <p class="hint">空にした月は削除されます。「年度の合計で入力」に切り替えると、受講期間中の月の合計がそのまま年度の合計になります。</p>
          <div class="months">
            {months.map((month) => {
              const entry = trainee.salary_months.find((m) => m.month === month);
              const position = trainee.salary_months.findIndex((m) => m.month === month);
              const outside = !insideCourse(month);
              return (
                <div class={outside ? "month outside" : "month"} data-month={month}>
                  <Field
                    path={position >= 0 ? at(`salary_months[${position}]`) : `${at("salary_months")}.${month}`}
                    label={outside ? `${formatMonth(month)}（受講期間外）` : formatMonth(month)}
                    value={entry ? formatAmount(entry.amount) : ""}
                    commit={(v, dry) => api.setSalaryMonth(index, month, v, dry)}
                    inputMode="numeric"
                    suffix="円"
                    disabled={outside && !entry}
                  />
                </div>
              );
            })}
          </div>
          <p class="months-total" data-figure="months-total">
            受講期間中の月の合計 <strong>{formatYen(monthsTotal)}</strong>
          </p>
        </>
      )}
    </Section>
  );
}
