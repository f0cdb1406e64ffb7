// 受講者用: a nurse's own view — her costs as she pays them and her expected subsidy.
import { Field, Section } from "../components/field";
import { formatAmount, formatDate, formatYen } from "../format";
import { api } from "../ipc";
import { linkTo, useSelectedTrainee } from "../route";
import { useSnapshot } from "../state";
import { TraineePicker } from "./trainees";

export function Nurse() {
  const { snapshot, program } = useSnapshot();
  const case_ = snapshot!.case!;
  const selected = useSelectedTrainee(case_.trainees.length);
  const trainee = case_.trainees[selected];
  const row = snapshot!.calculation?.trainees[selected];
  if (!trainee) {
    return (
      <div class="screen">
        <h1 tabIndex={-1}>受講者用</h1>
        <p class="empty">
          受講者がまだ登録されていません。管理者が<a href={linkTo("trainees")}>「受講者」</a>で登録します。
        </p>
      </div>
    );
  }
  const at = (field: string) => `trainees[${selected}].${field}`;
  const set = (field: string) => (value: string) => api.setTraineeField(selected, field, value);
  return (
    <div class="screen">
      <h1 tabIndex={-1}>受講者用</h1>
      <p class="lead">看護師本人が、自分の受講にかかった費用を支払ったときに記録する画面です。見込みの補助額もわかります。</p>
      <TraineePicker label="あなたの名前を選んでください" />
      <div class="with-aside" key={selected}>
        <div>
          <Section title={`${trainee.name}さんの受講`}>
            <p>
              {program?.qualifications.find((q) => q.id === trainee.qualification)?.label}・{trainee.institution ?? "教育機関 未入力"}
              <br />
              {formatDate(trainee.enrolled_on)}〜{formatDate(trainee.course_ends_on)}
            </p>
          </Section>
          <Section title="支払った費用">
            <div class="grid">
              {(program?.items ?? [])
                .filter((item) => !item.monthly)
                .map((item) => (
                  <Field
                    path={at(item.id)}
                    label={item.label}
                    value={formatAmount((trainee as unknown as Record<string, number>)[item.id] ?? 0)}
                    commit={set(item.id)}
                    inputMode="numeric"
                    suffix="円"
                  />
                ))}
              <Field path={at("other_costs")} label="教材費・交通費など" value={formatAmount(trainee.other_costs)} commit={set("other_costs")} inputMode="numeric" suffix="円" />
            </div>
            <p class="hint">領収書の金額をそのまま入力してください。全角数字やカンマ付きでも構いません。</p>
          </Section>
        </div>
        <aside class="card live" aria-live="polite">
          <h2>見込みの補助額</h2>
          {row && (
            <>
              <p class="big" data-figure="nurse.I">{formatYen(row.I)}</p>
              <p class="hint">
                対象経費 {formatYen(row.D)} のうち基準額までの {formatYen(row.F)} の2分の1（千円未満切捨て）。交付が決まる額は東京都の審査によります。
              </p>
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
