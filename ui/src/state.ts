// The snapshot every screen renders: replaced by the answer of each command, so a change shows everywhere at once.
import { useEffect, useState } from "preact/hooks";

import { api, type ProgramInfo, type Snapshot } from "./ipc";

let current: Snapshot | null = null;
let program: ProgramInfo | null = null;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function setSnapshot(snapshot: Snapshot) {
  // The program's rules are those of the application's program and 年度: another of either asks for them again.
  const yearChanged =
    current?.case?.fiscal_year !== snapshot.case?.fiscal_year || current?.case?.program !== snapshot.case?.program;
  current = snapshot;
  if (yearChanged) {
    void api.programInfo().then((info) => {
      program = info;
      notify();
    });
  }
  notify();
}

export async function loadSnapshot() {
  setSnapshot(await api.getSnapshot());
  program = await api.programInfo();
  notify();
}

/** Runs a command that answers with a snapshot and shows the answer. */
export async function apply(change: Promise<Snapshot>) {
  setSnapshot(await change);
}

/** A text the user typed that was refused: kept on its field (also after leaving the screen) and listed in
 * 書類作成 until it is corrected, so nothing typed vanishes without a word. */
export interface Unsaved {
  path: string;
  label: string;
  text: string;
  message: string;
  /** The screen the field is on (`#/costs?path=…` opens it with the cursor there). */
  screen: string;
}

// Kept per application (hospital, program, 年度): a text refused in one application is never shown, nor listed in
// 書類作成, in another opened after it — and is there again when that one is reopened.
const unsaved = new Map<string, Unsaved>();

function owner(): string {
  const case_ = current?.case;
  return case_ ? `${case_.hospital.name}/${case_.program}/${case_.fiscal_year}` : "";
}

export function markUnsaved(entry: Unsaved) {
  unsaved.set(`${owner()}|${entry.path}`, entry);
  notify();
}

export function clearUnsaved(path: string) {
  if (unsaved.delete(`${owner()}|${path}`)) notify();
}

export function unsavedOf(path: string): Unsaved | undefined {
  return unsaved.get(`${owner()}|${path}`);
}

export function unsavedFields(): Unsaved[] {
  const prefix = `${owner()}|`;
  return [...unsaved.entries()].filter(([key]) => key.startsWith(prefix)).map(([, entry]) => entry);
}

export function useSnapshot(): { snapshot: Snapshot | null; program: ProgramInfo | null } {
  const [, setTick] = useState(0);
  const rendered = { snapshot: current, program };
  useEffect(() => {
    const listener = () => setTick((tick) => tick + 1);
    listeners.add(listener);
    // A snapshot that arrived between this render and now would otherwise go unseen.
    if (current !== rendered.snapshot || program !== rendered.program) listener();
    return () => void listeners.delete(listener);
  }, []);
  return rendered;
}
