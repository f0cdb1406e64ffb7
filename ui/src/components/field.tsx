// A form field checked as it is typed and saved as it is typed: each keystroke is checked by the Rust side
// without saving (the screens show the figures it would give); a text the check accepts is saved once typing
// pauses (SAVE_AFTER_MS), when the field is left (Tab, Enter, a click elsewhere) or when the screen closes, so a
// crash loses at most the last pause. A refused text keeps what was typed, shows the reason beside the field,
// is marked 未保存 and listed in 書類作成 (state.ts: unsaved) until it is corrected, also after leaving the screen. While an
// IME is composing (かな漢字変換), nothing is checked: half-typed 「１２」 or 「れいわ」 are wrong only for a moment.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

import { api, CommandError, type Snapshot } from "../ipc";
import { parseRoute } from "../route";
import { clearUnsaved, markUnsaved, setSnapshot, unsavedOf, useSnapshot } from "../state";
import { HistoryButton } from "./history";

/** Checks (`dryRun`) or saves the text typed. */
export type Commit = (text: string, dryRun: boolean) => Promise<Snapshot>;

let sequence = 0;

/** How long typing pauses before an accepted text is saved. */
const SAVE_AFTER_MS = 600;

export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;
}

interface FieldProps {
  path: string;
  label: string;
  /** What is stored, as shown when the field is not being edited. */
  value: string;
  commit: Commit;
  hint?: string;
  multiline?: boolean;
  inputMode?: "numeric" | "text" | "tel" | "email";
  suffix?: string;
  wide?: boolean;
  placeholder?: string;
  /** Shown but not editable (a month outside the course). */
  disabled?: boolean;
  /** A trainee's cost item whose change history 「履歴」 shows. */
  history?: { index: number; item: string };
}

/** Why the open application's figures cannot be edited now (提出済, 交付決定, …); `null` when they can. */
export function useFrozen(): string | null {
  return useSnapshot().snapshot?.frozen ?? null;
}

export function Field(props: FieldProps) {
  const [text, setText] = useState(unsavedOf(props.path)?.text ?? props.value);
  const [message, setMessage] = useState<string | null>(unsavedOf(props.path)?.message ?? null);
  const pendingSave = useRef<{ timer: number; value: string } | null>(null);
  const editing = useRef(false);
  const composing = useRef(false);
  const latest = useRef(0);
  const element = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const id = fieldId(props.path);
  const checkRef = useRef<(value: string) => void>(() => {});
  const frozen = useFrozen();

  // Composition events are listened to directly: they have no on… property, so a JSX handler would be
  // registered under the wrong event name.
  useEffect(() => {
    const input = element.current;
    if (!input) return;
    const start = () => {
      composing.current = true;
    };
    const end = () => {
      composing.current = false;
      setText(input.value);
      checkRef.current(input.value);
    };
    input.addEventListener("compositionstart", start);
    input.addEventListener("compositionend", end);
    return () => {
      input.removeEventListener("compositionstart", start);
      input.removeEventListener("compositionend", end);
    };
  }, []);

  // Show the stored value whenever the user is not in the middle of typing here (and has no refused text).
  useEffect(() => {
    if (!editing.current && message === null) setText(props.value);
  }, [props.value, message]);

  const cancelSave = () => {
    if (pendingSave.current) clearTimeout(pendingSave.current.timer);
    pendingSave.current = null;
  };

  // Closing the screen (or the trainee) saves what was accepted and not yet saved.
  useEffect(
    () => () => {
      const pending = pendingSave.current;
      cancelSave();
      if (pending) void props.commit(pending.value, false).then(setSnapshot, () => {});
    },
    [],
  );

  async function check(value: string, dryRun = true) {
    const mine = ++sequence;
    latest.current = mine;
    if (!dryRun) cancelSave();
    try {
      const snapshot = await props.commit(value, dryRun);
      if (latest.current !== mine) return;
      setMessage(null);
      setSnapshot(snapshot);
      if (dryRun) {
        cancelSave();
        pendingSave.current = { value, timer: window.setTimeout(() => void check(value, false), SAVE_AFTER_MS) };
      } else {
        clearUnsaved(props.path);
      }
    } catch (error) {
      if (latest.current !== mine) return;
      const reason = error instanceof CommandError ? error.message : String(error);
      setText(value);
      setMessage(reason);
      markUnsaved({ path: props.path, label: props.label, text: value, message: reason, screen: parseRoute(location.hash).screen });
      // The figures go back to what is stored (an earlier check may have shown those of a valid prefix).
      setSnapshot(await api.getSnapshot());
    }
  }

  checkRef.current = (value: string) => void check(value);

  const onInput = (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setText(value);
    editing.current = true;
    cancelSave();
    if (composing.current || (event as InputEvent).isComposing) return;
    void check(value);
  };

  const common = {
    id,
    "data-path": props.path,
    value: text,
    placeholder: props.placeholder,
    disabled: props.disabled || frozen !== null,
    title: frozen ?? undefined,
    "aria-invalid": message !== null,
    "aria-describedby": message !== null ? `${id}-message` : props.hint ? `${id}-hint` : undefined,
    onInput,
    ref: element,
    onChange: (event: Event) => {
      // Left the field (or pressed Enter) with a changed text: save it.
      const value = (event.currentTarget as HTMLInputElement).value;
      setText(value);
      void check(value, false);
    },
    onFocus: () => {
      editing.current = true;
    },
    onBlur: () => {
      editing.current = false;
      // Once accepted, the field shows the value as stored and formatted (1,200,000, never 「35,000円 円」).
      if (message === null && pendingSave.current === null) setText(props.value);
    },
  };

  return (
    <div class={`field${props.wide ? " wide" : ""}${message !== null ? " invalid" : ""}`}>
      <label for={id}>
        {props.label}
        {message !== null && <span class="badge unsaved">未保存</span>}
      </label>
      {props.history && <HistoryButton index={props.history.index} item={props.history.item} label={props.label} />}
      <div class="control">
        {props.multiline ? (
          <textarea rows={3} {...common} />
        ) : (
          <input type="text" inputMode={props.inputMode} autoComplete="off" {...common} />
        )}
        {props.suffix && <span class="suffix">{props.suffix}</span>}
      </div>
      {message !== null ? (
        <p class="message" id={`${id}-message`} role="alert">
          {message}
        </p>
      ) : (
        props.hint && (
          <p class="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )
      )}
    </div>
  );
}

/** A yes/no choice saved when it is changed. */
export function Toggle(props: { path: string; label: string; checked: boolean; commit: Commit; hint?: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const id = fieldId(props.path);
  const frozen = useFrozen();
  return (
    <div class={`field toggle${message ? " invalid" : ""}`}>
      <label for={id}>
        <input
          type="checkbox"
          id={id}
          data-path={props.path}
          checked={props.checked}
          disabled={frozen !== null}
          title={frozen ?? undefined}
          onChange={async (event) => {
            const checked = (event.currentTarget as HTMLInputElement).checked;
            try {
              setSnapshot(await props.commit(checked ? "true" : "false", false));
              setMessage(null);
            } catch (error) {
              (event.currentTarget as HTMLInputElement).checked = !checked;
              setMessage(error instanceof Error ? error.message : String(error));
            }
          }}
        />
        {props.label}
      </label>
      {message ? <p class="message" role="alert">{message}</p> : props.hint && <p class="hint">{props.hint}</p>}
    </div>
  );
}

/** A choice from a list, saved when it is changed. */
export function Choice(props: {
  path: string;
  label: string;
  value: string;
  options: { id: string; label: string }[];
  commit: Commit;
  blank?: string;
  hint?: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const id = fieldId(props.path);
  const frozen = useFrozen();
  return (
    <div class={`field${message ? " invalid" : ""}`}>
      <label for={id}>{props.label}</label>
      <div class="control">
        <select
          id={id}
          data-path={props.path}
          value={props.value}
          disabled={frozen !== null}
          title={frozen ?? undefined}
          onChange={async (event) => {
            try {
              setSnapshot(await props.commit((event.currentTarget as HTMLSelectElement).value, false));
              setMessage(null);
            } catch (error) {
              setMessage(error instanceof Error ? error.message : String(error));
            }
          }}
        >
          {props.blank !== undefined && <option value="">{props.blank}</option>}
          {props.options.map((option) => (
            <option value={option.id} selected={option.id === props.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {message ? <p class="message" role="alert">{message}</p> : props.hint && <p class="hint">{props.hint}</p>}
    </div>
  );
}

export function Section(props: { title: string; children: ComponentChildren; description?: string }) {
  return (
    <section class="card">
      <h2>{props.title}</h2>
      {props.description && <p class="description">{props.description}</p>}
      {props.children}
    </section>
  );
}

/** A message for a whole action (export, import…), announced to screen readers. */
export function Notice(props: { kind: "error" | "ok" | "info"; children: ComponentChildren }) {
  return (
    <p class={`notice ${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.children}
    </p>
  );
}
