// The window: the list of screens on the left, the chosen screen on the right.
import { useEffect, useRef } from "preact/hooks";

import { SCREENS, linkTo, selectTrainee, traineeOf, useRoute, type ScreenId } from "./route";
import { useSnapshot } from "./state";
import { DialogHost } from "./components/dialog";
import { Calculation } from "./screens/calculation";
import { Costs } from "./screens/costs";
import { Documents } from "./screens/documents";
import { Eligibility } from "./screens/eligibility";
import { Hospital } from "./screens/hospital";
import { Nurse } from "./screens/nurse";
import { Settings } from "./screens/settings";
import { Trainees } from "./screens/trainees";
import { Welcome } from "./screens/welcome";
import { formatFiscalYear } from "./format";

const SCREEN_VIEWS: Record<ScreenId, () => preact.JSX.Element> = {
  welcome: Welcome,
  hospital: Hospital,
  eligibility: Eligibility,
  trainees: Trainees,
  costs: Costs,
  calculation: Calculation,
  documents: Documents,
  nurse: Nurse,
  settings: Settings,
};

export function App() {
  const route = useRoute();
  const { snapshot } = useSnapshot();
  const main = useRef<HTMLElement>(null);
  const hasCase = Boolean(snapshot?.case);

  // Alt+1…9 opens a screen from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const screen = SCREENS.find((s) => s.key === event.key);
      if (screen) {
        event.preventDefault();
        location.hash = linkTo(screen.id);
      }
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);

  // After a screen change, put the cursor on the field a link named, or on the screen's title.
  useEffect(() => {
    const trainee = traineeOf(route.path);
    if (trainee !== null) selectTrainee(trainee);
    requestAnimationFrame(() => {
      // A path of a whole record (a receipt: trainees[0].receipts[1]) puts the cursor in its first field.
      const target = route.path
        ? ((document.querySelector(`[data-path="${CSS.escape(route.path)}"]`) ??
            document.querySelector(`[data-path^="${CSS.escape(route.path)}."]`)) as HTMLElement | null)
        : null;
      const heading = main.current?.querySelector("h1") as HTMLElement | null;
      (target ?? heading)?.focus();
      target?.scrollIntoView({ block: "center" });
    });
  }, [route.screen, route.path, hasCase]);

  const View = SCREEN_VIEWS[route.screen];
  const needsCase = route.screen !== "welcome" && route.screen !== "settings";
  return (
    <div class="layout">
      <nav class="sidebar" aria-label="画面">
        <div class="brand">
          <img src="/icon.png" alt="" width={36} height={36} />
          <div>
            <strong>Hojo</strong>
            <span>補助金申請アシスタント</span>
          </div>
        </div>
        {snapshot?.case && (
          <p class="current-case">
            {snapshot.case.hospital.name}
            <br />
            {formatFiscalYear(snapshot.case.fiscal_year)}
          </p>
        )}
        <ol>
          {SCREENS.map((screen) => (
            <li>
              <a
                href={linkTo(screen.id)}
                aria-current={route.screen === screen.id ? "page" : undefined}
                aria-keyshortcuts={`Alt+${screen.key}`}
                class={!hasCase && screen.id !== "welcome" && screen.id !== "settings" ? "inactive" : ""}
              >
                <span class="key">{screen.key}</span>
                {screen.label}
              </a>
            </li>
          ))}
        </ol>
        <p class="shortcut-help">Alt＋数字で画面を切り替えられます</p>
      </nav>
      <main ref={main}>
        {snapshot === null ? (
          <p class="loading">読み込んでいます…</p>
        ) : needsCase && !snapshot.case ? (
          <NoCase />
        ) : (
          <View />
        )}
      </main>
      <DialogHost />
    </div>
  );
}

function NoCase() {
  return (
    <div class="screen">
      <h1 tabIndex={-1}>申請がまだありません</h1>
      <p>
        まず<a href={linkTo("welcome")}>「はじめに」</a>で病院名と年度を入力して、申請を始めてください。
      </p>
    </div>
  );
}
