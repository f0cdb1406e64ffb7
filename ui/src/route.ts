// Screens are addressed by the URL hash (#/costs), so links work with the keyboard and history; a link to a field
// (#/costs?path=trainees[0].tuition) opens its screen, selects its trainee and puts the cursor in it.
import { useEffect, useState } from "preact/hooks";

import type { RowKind } from "./bindings/RowKind";

export type ScreenId =
  | "welcome"
  | "hospital"
  | "eligibility"
  | "trainees"
  | "trainings"
  | "costs"
  | "calculation"
  | "documents"
  | "progress"
  | "nurse"
  | "settings";

// `rows`: the screen belongs only to programs whose 算定 row is a trainee (受講者, 受講者用) or the hospital (研修会);
// the others serve every program. The open application's program decides (screensFor).
export const SCREENS: { id: ScreenId; label: string; key: string; rows?: RowKind }[] = [
  { id: "welcome", label: "はじめに", key: "1" },
  { id: "hospital", label: "病院情報", key: "2" },
  { id: "eligibility", label: "対象確認", key: "3" },
  { id: "trainees", label: "受講者", key: "4", rows: "trainee" },
  { id: "trainings", label: "研修会", key: "4", rows: "hospital" },
  { id: "costs", label: "経費", key: "5" },
  { id: "calculation", label: "算定", key: "6" },
  { id: "documents", label: "書類作成", key: "7" },
  { id: "progress", label: "進行状況", key: "0" },
  { id: "nurse", label: "受講者用", key: "8", rows: "trainee" },
  { id: "settings", label: "設定", key: "9" },
];

/** The screens of a program by what its row is (the nurse program's before any application is open). */
export function screensFor(rows: RowKind | undefined): typeof SCREENS {
  return SCREENS.filter((screen) => !screen.rows || screen.rows === (rows ?? "trainee"));
}

export interface Route {
  screen: ScreenId;
  path: string | null;
}

export function parseRoute(hash: string): Route {
  const [screen, query] = hash.replace(/^#\/?/, "").split("?");
  const known = SCREENS.find((s) => s.id === screen);
  const path = new URLSearchParams(query ?? "").get("path");
  return { screen: known ? known.id : "welcome", path };
}

export function linkTo(screen: ScreenId, path?: string | null): string {
  return path ? `#/${screen}?path=${encodeURIComponent(path)}` : `#/${screen}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", onChange);
    onChange();
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

/** The trainee index a path names: trainees[2].tuition → 2. */
export function traineeOf(path: string | null): number | null {
  const match = path?.match(/^trainees\[(\d+)\]/);
  return match ? Number(match[1]) : null;
}

// The trainee chosen on 受講者 / 経費 / 受講者用, kept across screens.
let selected = 0;
const listeners = new Set<() => void>();

export function selectTrainee(index: number) {
  selected = index;
  for (const listener of listeners) listener();
}

export function useSelectedTrainee(count: number): number {
  const [, setTick] = useState(0);
  const rendered = selected;
  useEffect(() => {
    const listener = () => setTick((tick) => tick + 1);
    listeners.add(listener);
    if (selected !== rendered) listener();
    return () => void listeners.delete(listener);
  }, []);
  return Math.min(selected, Math.max(0, count - 1));
}
