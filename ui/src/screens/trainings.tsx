// 研修会 (a program whose row is the hospital, kanwa-training): the 緩和ケア研修会 the hospital holds in the 年度,
// each with every field of the case's Training, saved as typed; the check about them (K2) on top.
import { useState } from "preact/hooks";

import type { Training } from "../bindings/Training";
import type { TrainingField } from "../bindings/TrainingField";
import { offerUndo } from "../components/dialog";
import { Field, Section, Toggle } from "../components/field";
import { formatDate, formatFiscalYear } from "../format";
import { api, CommandError } from "../ipc";
import { linkTo } from "../route";
import { apply, useSnapshot } from "../state";
import { ChecksTable } from "./eligibility";

const DATE_HINT = "令和6年10月12日、R6.10.12、2024-10-12 のどれでも入力できます";

const setTraining = (index: number, field: TrainingField) => (text: string, dryRun: boolean) =>
  api.editCase({ kind: "set_training", index, field, text }, dryRun);

export function Trainings() {
  const { snapshot, program } = useSnapshot();
  const case_ = snapshot!.case!;
  const year = case_.fiscal_year;
  const trainings = case_.trainings ?? [];
  const checks = (snapshot!.eligibility?.checks ?? []).filter((check) => program?.training_checks.includes(check.id));
  return (
    <div class="screen">
      <h1 tabIndex={-1}>研修会</h1>
      <p class="lead">
        {formatFiscalYear(year)}（{year}年4月1日〜{year + 1}年3月31日）に開く緩和ケア研修会を登録します。事業計画書に載り、要件の確認に使います。経費は
        <a href={linkTo("costs")}>「経費」</a>で入力します。
      </p>
      {checks.length > 0 && (
        <section class="card">
          <h2>研修会の要件</h2>
          <ChecksTable checks={checks} caption="研修会の要件" />
        </section>
      )}
      <AddTraining />
      {trainings.length === 0 ? (
        <p class="empty">研修会はまだ登録されていません。名称と開催日を入力して追加してください。</p>
      ) : (
        // Keyed by position and count: after a removal no field keeps the text (or the pending save) of another.
        trainings.map((training, index) => (
          <TrainingCard key={`${index}/${trainings.length}`} training={training} index={index} year={year} />
        ))
      )}
    </div>
  );
}

function TrainingCard(props: { training: Training; index: number; year: number }) {
  const { training, index, year } = props;
  const at = (field: TrainingField) => `trainings[${index}].${field}`;
  const outside = training.held_on < `${year}-04-01` || training.held_on > `${year + 1}-03-31`;
  return (
    <Section title={`研修会 ${index + 1}　${training.title}`}>
      {outside && (
        <p class="badge needs_confirmation" data-path={`trainings[${index}].outside`}>
          開催日が{formatFiscalYear(year)}の外です（年度内の研修会だけが要件を満たします）
        </p>
      )}
      <div class="grid">
        <Field path={at("title")} label="研修会の名称" value={training.title} commit={setTraining(index, "title")} wide />
        <Field
          path={at("held_on")}
          label="開催（予定）日"
          value={formatDate(training.held_on)}
          commit={setTraining(index, "held_on")}
          hint={DATE_HINT}
        />
        <Field
          path={at("venue")}
          label="会場"
          value={training.venue ?? ""}
          commit={setTraining(index, "venue")}
          placeholder="例: 本院講堂"
        />
        <Field
          path={at("planned_participants")}
          label="定員（受講予定者数）"
          value={training.planned_participants === 0 ? "" : String(training.planned_participants)}
          commit={setTraining(index, "planned_participants")}
          inputMode="numeric"
          suffix="人"
        />
      </div>
      <Toggle
        path={at("follows_guideline")}
        label="国の「がん等の診療に携わる医師等に対する緩和ケア研修会の開催指針」に準拠して開催する"
        checked={training.follows_guideline}
        commit={setTraining(index, "follows_guideline")}
        hint="準拠しない研修会は、要件を満たすか東京都への確認が必要になります。"
      />
      <div class="actions danger-zone">
        {/* One click, undone from the notice; out of the Tab order so a Tab and Enter never delete. */}
        <button
          type="button"
          class="danger"
          tabIndex={-1}
          onClick={async () => {
            const removed = structuredClone(training);
            await apply(api.editCase({ kind: "remove_training", index }));
            offerUndo(`研修会「${removed.title}」を削除しました。`, () =>
              apply(api.editCase({ kind: "restore_training", index, training: removed })),
            );
          }}
        >
          この研修会を削除
        </button>
      </div>
    </Section>
  );
}

/** A new 研修会 starts from its name and date, as the library asks; the rest is filled in its card. */
function AddTraining() {
  const { snapshot } = useSnapshot();
  const [title, setTitle] = useState("");
  const [heldOn, setHeldOn] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    try {
      const next = snapshot!.case!.trainings?.length ?? 0;
      await apply(api.editCase({ kind: "add_training", title, held_on: heldOn }));
      setTitle("");
      setHeldOn("");
      setMessage(null);
      requestAnimationFrame(() => (document.querySelector(`[data-path="trainings[${next}].venue"]`) as HTMLElement | null)?.focus());
    } catch (error) {
      setMessage(error instanceof CommandError ? error.message : String(error));
    }
  };
  return (
    <form class="inline-form card" onSubmit={add} aria-label="研修会を追加">
      <div class={`field${message ? " invalid" : ""}`}>
        <label for="new-training-title">研修会の名称</label>
        <input
          id="new-training-title"
          value={title}
          onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
          placeholder="例: 緩和ケア研修会"
          aria-describedby={message ? "new-training-message" : undefined}
        />
      </div>
      <div class="field">
        <label for="new-training-date">開催（予定）日</label>
        <input
          id="new-training-date"
          value={heldOn}
          onInput={(e) => setHeldOn((e.currentTarget as HTMLInputElement).value)}
          placeholder="令和6年10月12日"
        />
      </div>
      <button type="submit" class="primary">
        研修会を追加
      </button>
      {message && (
        <p class="message" id="new-training-message" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
