// The progress of the open hospital's 年度 (the `lifecycle` command), shared by 進行状況 and 書類作成: fetched
// on opening, after every change of the snapshot (an edit moves the plan) and after every step.
import { useEffect, useState } from "preact/hooks";

import { api } from "./ipc";
import { useSnapshot } from "./state";
import type { Progress as ProgressView } from "./bindings/Progress";

const refreshers = new Set<() => void>();

/** Fetches the progress again (after a step: the snapshot alone may look unchanged). */
export function refreshProgress() {
  for (const refresh of refreshers) refresh();
}

/** The progress shown: fetched on opening, after every change of the snapshot (an edit moves the plan) and
 * after every step. */
export function useProgress(): { progress: ProgressView | null; error: string | null } {
  const { snapshot } = useSnapshot();
  const [progress, setProgress] = useState<ProgressView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const refresh = () => setTick((t) => t + 1);
    refreshers.add(refresh);
    return () => void refreshers.delete(refresh);
  }, []);
  useEffect(() => {
    let live = true;
    api.progress().then(
      (answer) => live && (setProgress(answer), setError(null)),
      (failure) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => void (live = false);
  }, [snapshot, tick]);
  return { progress, error };
}

