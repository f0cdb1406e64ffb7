// 受講者 on a 実績報告: what the report says of each trainee beyond the amounts (事業実績書) — her 受講状況 at the
// end of the 年度, 修了年月日, 認定年月日 and 事業の成果. Only a report case has them (the library refuses them on
// an application), so they are shown from 実績報告作成中 on.
import { Choice, Field, Section } from "../components/field";
import { formatDate } from "../format";
import { api } from "../ipc";
import type { Trainee } from "../bindings/Trainee";

const COURSE_STATUS = [
  { id: "enrolled", label: "在学中" },
  { id: "completed", label: "修了" },
  { id: "withdrawn", label: "中途退学" },
];

export function TraineeReport(props: { trainee: Trainee; index: number }) {
  const { trainee, index } = props;
  const at = (field: string) => `trainees[${index}].report.${field}`;
  const report = trainee.report ?? {};
  return (
    <Section title={`${trainee.name}さんの実績`} description="実績報告書（事業実績書）に書く内容です。年度末の受講状況を選び、修了・認定の日を入力します。">
      <div class="grid" key={index}>
        <Choice
          path={at("course_status")}
          label="受講状況"
          value={report.course_status ?? ""}
          blank="選んでください"
          options={COURSE_STATUS}
          commit={(value, dry) => api.setTraineeReport(index, "status", value, dry)}
        />
        <Field
          path={at("completed_on")}
          label="修了年月日"
          value={formatDate(report.completed_on)}
          commit={(value, dry) => api.setTraineeReport(index, "completed_on", value, dry)}
          hint="修了したときに入力します。令和7年3月14日、R7.3.14 のどれでも入力できます"
        />
        <Field
          path={at("certified_on")}
          label="認定年月日"
          value={formatDate(report.certified_on)}
          commit={(value, dry) => api.setTraineeReport(index, "certified_on", value, dry)}
          hint="認定されたときに入力します（結果待ちなら空のまま）"
        />
        <Field
          path={at("outcome")}
          label="事業の成果"
          value={report.outcome ?? ""}
          commit={(value, dry) => api.setTraineeReport(index, "outcome", value, dry)}
          multiline
          wide
        />
      </div>
    </Section>
  );
}
