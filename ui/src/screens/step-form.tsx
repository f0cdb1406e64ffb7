// One form of 進行状況 that moves the application one step on: the texts as typed go to the Rust side, which
// parses them (和暦, 全角, カンマ) and refuses with a Japanese message naming the field; what was typed is kept.
import { useState } from "preact/hooks";

import { fieldId } from "../components/field";
import { api, CommandError } from "../ipc";
import { setSnapshot } from "../state";
import type { LifecycleStep } from "../bindings/LifecycleStep";
import { refreshProgress } from "../progress-state";

export interface StepField {
  name: string;
  label: string;
  hint?: string;
  placeholder?: string;
  inputMode?: "numeric" | "text";
  suffix?: string;
  multiline?: boolean;
  wide?: boolean;
  initial?: string;
}

const DATE_HINT = "令和6年7月1日、R6.7.1、2024-07-01 のどれでも入力できます";

export function StepForm(props: {
  title: string;
  description: string;
  fields: StepField[];
  button: string;
  step: (values: Record<string, string>) => LifecycleStep;
  onDone: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(props.fields.map((field) => [field.name, field.initial ?? ""])),
  );
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = `step-${props.fields.map((f) => f.name).join("-")}-${props.button.length}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      setSnapshot(await api.advance(props.step(values)));
      refreshProgress();
      setError(null);
      props.onDone();
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      const path = failure instanceof CommandError ? failure.path : null;
      // The library names the step's field (`amount`, or `step.amount`): the message goes beside it.
      const field = props.fields.find((f) => path === f.name || path?.endsWith(`.${f.name}`))?.name ?? null;
      setError({ message, field });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card step-form">
      <h2>{props.title}</h2>
      <p class="description">{props.description}</p>
      <form aria-label={props.title} onSubmit={submit}>
        <div class="grid">
          {props.fields.map((field) => {
            const id = fieldId(`${formId}.${field.name}`);
            const invalid = error?.field === field.name;
            const isDate = /_on$/.test(field.name);
            const hint = field.hint ?? (isDate ? DATE_HINT : undefined);
            const common = {
              id,
              name: field.name,
              value: values[field.name],
              placeholder: field.placeholder,
              "aria-invalid": invalid,
              "aria-describedby": invalid ? `${id}-message` : hint ? `${id}-hint` : undefined,
              onInput: (event: Event) => setValues({ ...values, [field.name]: (event.currentTarget as HTMLInputElement).value }),
            };
            return (
              <div class={`field${field.wide || field.multiline ? " wide" : ""}${invalid ? " invalid" : ""}`}>
                <label for={id}>{field.label}</label>
                <div class="control">
                  {field.multiline ? (
                    <textarea rows={3} {...common} />
                  ) : (
                    <input type="text" inputMode={field.inputMode} autoComplete="off" {...common} />
                  )}
                  {field.suffix && <span class="suffix">{field.suffix}</span>}
                </div>
                {invalid ? (
                  <p class="message" id={`${id}-message`} role="alert">
                    {error!.message}
                  </p>
                ) : (
                  hint && (
                    <p class="hint" id={`${id}-hint`}>
                      {hint}
                    </p>
                  )
                )}
              </div>
            );
          })}
        </div>
        {error && error.field === null && (
          <p class="message" role="alert">
            {error.message}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {props.button}
          </button>
        </div>
      </form>
    </section>
  );
}
