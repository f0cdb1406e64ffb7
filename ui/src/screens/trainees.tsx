// 受講者: the trainees, each with qualification, institution, course dates, and her own checks.
import { useEffect, useState } from "preact/hooks";

import type { ContinuingCourse } from "../bindings/ContinuingCourse";

import { ask, offerUndo } from "../components/dialog";
import { Choice, Field, Section } from "../components/field";
import { TraineeReport } from "./trainee-report";
import { formatDate, formatFiscalYear, formatYen } from "../format";
import { api, CommandError } from "../ipc";
import { selectTrainee, useSelectedTrainee } from "../route";
import { apply, useSnapshot } from "../state";
import { ChecksTable, OVERALL_LABEL } from "./eligibility";

export function TraineePicker(props: { label: string }) {
  const { snapshot } = useSnapshot();
  const trainees = snapshot!.case!.trainees;
  const selected = useSelectedTrainee(trainees.length);
  if (trainees.length === 0) return null;
  return (
    <div class="picker" role="tablist" aria-label={props.label}>
      {trainees.map((trainee, index) => (
        <button
          type="button"
          role="tab"
          aria-selected={index === selected}
          tabIndex={index === selected ? 0 : -1}
          onClick={() => selectTrainee(index)}
          onKeyDown={(event) => {
            const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
            if (step !== 0) {
              const next = (index + step + trainees.length) % trainees.length;
              selectTrainee(next);
              requestAnimationFrame(() => (document.querySelectorAll(".picker [role=tab]")[next] as HTMLElement)?.focus());
            }
          }}
        >
          {trainee.name}
        </button>
      ))}
    </div>
  );
}

export function Trainees() {
  const { snapshot, program } = useSnapshot();
  const case_ = snapshot!.case!;
  const selected = useSelectedTrainee(case_.trainees.length);
  const trainee = case_.trainees[selected];
  const checks = snapshot!.eligibility?.trainees[selected];
  const set = (field: string) => (value: string, dry: boolean) => api.setTraineeField(selected, field, value, dry);
  return (
    <div class="screen">
      <h1 tabIndex={-1}>受講者</h1>
      <p class="lead">資格を取るために受講する看護師を登録します。経費は「経費」の画面で入力します。</p>
      <Continuing />
      <AddTrainee />
      {case_.trainees.length > 0 && (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">氏名</th>
              <th scope="col">対象資格</th>
              <th scope="col">教育機関</th>
              <th scope="col">受講期間</th>
              <th scope="col">判定</th>
            </tr>
          </thead>
          <tbody>
            {case_.trainees.map((t, index) => {
              const verdict = snapshot!.eligibility?.trainees[index]?.verdict;
              return (
                <tr class={index === selected ? "selected" : ""}>
                  <th scope="row">
                    <button type="button" class="link" onClick={() => selectTrainee(index)}>
                      {t.name}
                    </button>
                  </th>
                  <td>{program?.qualifications.find((q) => q.id === t.qualification)?.label ?? t.qualification}</td>
                  <td>{t.institution ?? "未入力"}</td>
                  <td>
                    {formatDate(t.enrolled_on)}〜{formatDate(t.course_ends_on)}
                  </td>
                  <td>{verdict && <span class={`badge overall ${verdict}`}>{OVERALL_LABEL[verdict]}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {trainee && (
        <Section title={`${trainee.name}さんの課程`}>
          <TraineePicker label="受講者を選ぶ" />
          <div class="grid" key={selected}>
            <Field path={`trainees[${selected}].name`} label="氏名" value={trainee.name} commit={set("name")} />
            <Choice
              path={`trainees[${selected}].qualification`}
              label="対象資格"
              value={trainee.qualification}
              // The course goes under the choice: inside it, the long names were cut off.
              options={(program?.qualifications ?? []).map((q) => ({ id: q.id, label: q.label }))}
              hint={program?.qualifications.find((q) => q.id === trainee.qualification)?.course}
              commit={set("qualification")}
            />
            <Field
              path={`trainees[${selected}].institution`}
              label="教育機関名"
              value={trainee.institution ?? ""}
              commit={set("institution")}
              placeholder="例: 日本看護協会看護研修学校"
              wide
            />
            <Field
              path={`trainees[${selected}].enrolled_on`}
              label="入学（受講開始）年月日"
              value={formatDate(trainee.enrolled_on)}
              commit={set("enrolled_on")}
              hint="令和6年4月8日、R6.4.8、2024-04-08 のどれでも入力できます"
            />
            <Field
              path={`trainees[${selected}].course_ends_on`}
              label="修了予定年月日"
              value={formatDate(trainee.course_ends_on)}
              commit={set("course_ends_on")}
            />
            <Field
              path={`trainees[${selected}].exam_fiscal_year`}
              label="認定審査の受審予定年度"
              value={trainee.exam_fiscal_year ? formatFiscalYear(trainee.exam_fiscal_year) : ""}
              commit={set("exam_fiscal_year")}
              placeholder="例: 令和7年度"
              hint="令和7年度、R7、2025 のどれでも入力できます。受講を始める年度より前は選べません"
            />
          </div>
          {checks && <ChecksTable checks={checks.checks} caption={`${trainee.name}さんの要件`} />}
          {case_.stage === "report" ? (
            // The library refuses it too: the report accounts for every trainee of the decision.
            <p class="hint withdrawn-hint">
              実績報告では受講者を削除できません。途中でやめたときは、下の「受講状況」を「中途退学」にします（支払った経費は実績として残ります）。
            </p>
          ) : (
            <div class="actions danger-zone">
              {/* Out of the Tab order (a Tab after the last field must not land here) and asked before. */}
              <button
                type="button"
                class="danger"
                tabIndex={-1}
                onClick={async () => {
                  const removed = { index: selected, trainee: structuredClone(trainee) };
                  if (!(await ask(`${trainee.name}さんと、その経費をすべて削除します。`, "削除する"))) return;
                  await apply(api.removeTrainee(removed.index));
                  selectTrainee(0);
                  offerUndo(`${removed.trainee.name}さんを削除しました。`, async () => {
                    await apply(api.restoreTrainee(removed.index, removed.trainee));
                    selectTrainee(removed.index);
                  });
                }}
              >
                {trainee.name}さんを削除
              </button>
            </div>
          )}
        </Section>
      )}
      {trainee && case_.stage === "report" && <TraineeReport trainee={trainee} index={selected} />}
    </div>
  );
}

/** The trainees of earlier 年度 whose course or 認定審査 continues into this one, offered with what they carry
 * (前年度までの選定額, 入学料 already counted), so the second 年度 does not start empty (#9 12). */
function Continuing() {
  const { snapshot, program } = useSnapshot();
  const [offered, setOffered] = useState<ContinuingCourse[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const year = snapshot!.case!.fiscal_year;
  const count = snapshot!.case!.trainees.length;
  useEffect(() => {
    void api.continuingCourses().then(
      (found) => {
        setOffered(found);
        setChosen(new Set(found.map((course) => Number(course.course_id))));
      },
      () => setOffered([]),
    );
  }, [year, count]);
  if (offered.length === 0) return null;
  const carry = async () => {
    try {
      await apply(api.carryCourses([...chosen]));
      setMessage(null);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section class="card continuing">
      <h2>前の年度から続く受講者</h2>
      <p class="description">課程や認定審査がこの年度に続く受講者です。選んで加えると、入学料などの計上済みの経費と、前年度までの選定額も引き継ぎます。</p>
      <ul class="continuing-list">
        {offered.map((course) => {
          const id = Number(course.course_id);
          return (
            <li>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(id)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if ((event.currentTarget as HTMLInputElement).checked) next.add(id);
                    else next.delete(id);
                    setChosen(next);
                  }}
                />
                {course.name}（{program?.qualifications.find((q) => q.id === course.qualification)?.label ?? course.qualification}、
                {formatDate(course.enrolled_on)}〜{formatDate(course.course_ends_on)}）
                {course.course_continues ? "" : " 認定審査のみ"}
                ・前年度までの選定額 {formatYen(Number(course.prior_years_standard_used))}
                {course.prior_items.length > 0 && `・計上済み: ${course.prior_items.map((item) => program?.items.find((i) => i.id === item)?.label ?? item).join("、")}`}
                ・{formatFiscalYear(course.carried_from)}（{course.carried_settled ? "実績報告の額" : "算定の額"}）から
              </label>
            </li>
          );
        })}
      </ul>
      <button type="button" class="primary" disabled={chosen.size === 0} onClick={carry}>
        選んだ受講者をこの年度に加える
      </button>
      {message && (
        <p class="message" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}

/** A new trainee starts from what is typed here — nothing assumed (no qualification, no course dates). */
function AddTrainee() {
  const { snapshot, program } = useSnapshot();
  const [name, setName] = useState("");
  const [qualification, setQualification] = useState("");
  const [enrolledOn, setEnrolledOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    try {
      const next = snapshot!.case!.trainees.length;
      await apply(api.addTrainee(name, qualification, enrolledOn, endsOn));
      setName("");
      setQualification("");
      setEnrolledOn("");
      setEndsOn("");
      setMessage(null);
      selectTrainee(next);
      requestAnimationFrame(() => (document.querySelector(`[data-path="trainees[${next}].institution"]`) as HTMLElement | null)?.focus());
    } catch (error) {
      setMessage(error instanceof CommandError ? error.message : String(error));
    }
  };
  return (
    <form class="inline-form card" onSubmit={add} aria-label="受講者を追加">
      <div class={`field${message ? " invalid" : ""}`}>
        <label for="new-trainee">新しい受講者の氏名</label>
        <input id="new-trainee" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} placeholder="例: 看護 花子" aria-describedby={message ? "new-trainee-message" : undefined} />
      </div>
      <div class="field">
        <label for="new-trainee-qualification">対象資格</label>
        <select id="new-trainee-qualification" value={qualification} onChange={(e) => setQualification((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">選んでください</option>
          {(program?.qualifications ?? []).map((q) => (
            <option value={q.id}>{q.label}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="new-trainee-enrolled">入学（受講開始）年月日</label>
        <input id="new-trainee-enrolled" value={enrolledOn} onInput={(e) => setEnrolledOn((e.currentTarget as HTMLInputElement).value)} placeholder="令和6年4月8日" />
      </div>
      <div class="field">
        <label for="new-trainee-ends">修了予定年月日</label>
        <input id="new-trainee-ends" value={endsOn} onInput={(e) => setEndsOn((e.currentTarget as HTMLInputElement).value)} placeholder="令和7年3月14日" />
      </div>
      <button type="submit" class="primary">
        受講者を追加
      </button>
      {message && (
        <p class="message" id="new-trainee-message" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
