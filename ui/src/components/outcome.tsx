// The answer to a button that writes or reads a file (書類作成): what happened in a notice under the buttons,
// and 「フォルダを開く」 when a file was written. Cancelling the dialog leaves the last answer as it was.
import { useState } from "preact/hooks";

import { api } from "../ipc";
import { Notice } from "./field";

export type Outcome = { kind: "ok" | "error"; text: string; folder?: boolean } | null;

/** The last outcome and `run`, which shows an action's outcome or its refusal's message (null: cancelled). */
export function useOutcome(): [Outcome, (action: () => Promise<Outcome>) => Promise<void>] {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = async (action: () => Promise<Outcome>) => {
    try {
      const result = await action();
      if (result) setOutcome(result);
    } catch (error) {
      setOutcome({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    }
  };
  return [outcome, run];
}

export function OutcomeNotice(props: { outcome: Outcome; run: (action: () => Promise<Outcome>) => Promise<void> }) {
  const { outcome, run } = props;
  if (!outcome) return null;
  return (
    <div class="outcome">
      <Notice kind={outcome.kind}>{outcome.text}</Notice>
      {outcome.folder && (
        <button type="button" onClick={() => run(async () => (await api.openFolder(), null))}>
          フォルダを開く
        </button>
      )}
    </div>
  );
}
