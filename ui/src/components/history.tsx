// 「履歴」 beside a figure: who changed it when, old → new, from the store's history (every change is recorded
// with the edit itself, so the list is complete). Opened on demand: reading the history costs a query.
import { useState } from "preact/hooks";

import { api } from "../ipc";
import type { Change } from "../bindings/Change";

const when = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  era: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** 「履歴」 of a trainee's cost. */
export function HistoryButton(props: { index: number; item: string; label: string }) {
  return (
    <HistoryOf
      id={`history-${props.index}-${props.item}`}
      label={props.label}
      load={() => api.figureHistory(props.index, props.item)}
    />
  );
}

/** 「履歴」 of anything: `load` gives its changes; `what` names each change's value when they are of several. */
export function HistoryOf(props: { id: string; label: string; load: () => Promise<Change[]>; what?: (change: Change) => string }) {
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = props.id;
  const toggle = async () => {
    if (changes) return setChanges(null);
    try {
      setChanges(await props.load());
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <div class="history">
      <button type="button" class="small history-button" aria-expanded={changes !== null} aria-controls={id} onClick={toggle}>
        履歴
      </button>
      {error && <p class="message" role="alert">{error}</p>}
      {changes && (
        <div class="history-list" id={id} role="region" aria-label={`${props.label}の変更履歴`}>
          {changes.length === 0 ? (
            <p class="empty">まだ変更の記録はありません。</p>
          ) : (
            <ol>
              {changes.map((change) => (
                <li>
                  <span class="at">{when.format(new Date(change.at))}</span>{" "}
                  <span class="who">{change.editor.kind === "nurse" ? `${change.editor.name}さん` : "管理者"}</span>{" "}
                  {props.what && <span class="which">{props.what(change)}: </span>}
                  <span class="what">
                    {change.old_value ?? "（なし）"} → {change.new_value ?? "（削除）"}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
