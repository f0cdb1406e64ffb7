// The window: the list of screens on the left, the chosen screen on the right.
import { useEffect, useRef } from "preact/hooks";

import { linkTo, screensFor, selectTrainee, traineeOf, useRoute, type ScreenId } from "./route";
import { useSnapshot } from "./state";
import { DialogHost } from "./components/dialog";
import { Calculation } from "./screens/calculation";
import { Costs } from "./screens/costs";
import { Documents } from "./screens/documents";
import { Eligibility } from "./screens/eligibility";
import { Hospital } from "./screens/hospital";
import { Nurse } from "./screens/nurse";
import { Progress } from "./screens/progress";
import { Settings } from "./screens/settings";
import { Trainees } from "./screens/trainees";
import { HOSPITAL_ROW_VIEWS, Trainings } from "./screens/hospital-row";
import { Welcome } from "./screens/welcome";
import { formatFiscalYear } from "./format";

const SCREEN_VIEWS: Record<ScreenId, () => preact.JSX.Element> = {
  welcome: Welcome,
  hospital: Hospital,
  eligibility: Eligibility,
  trainees: Trainees,
  trainings: Trainings,
  costs: Costs,
  calculation: Calculation,
  documents: Documents,
  progress: Progress,
  nurse: Nurse,
  settings: Settings,
};

export function App() {
  const route = useRoute();
  const { snapshot, program } = useSnapshot();
  const main = useRef<HTMLElement>(null);
  const hasCase = Boolean(snapshot?.case);
  // The screens follow the open application's program (研修会 instead of 受講者 for kanwa-training); its rules
  // arrive just after a program change, and until then nothing of the other program is drawn.
  const rows = program?.row_kind;
  const screens = screensFor(rows);
  const programReady = !snapshot?.case || program?.id === snapshot.case.program;

  // Alt+1…9 opens a screen of the open program from anywhere.
  const screensRef = useRef(screens);
  screensRef.current = screens;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const screen = screensRef.current.find((s) => s.key === event.key);
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

  const View = (rows === "hospital" && HOSPITAL_ROW_VIEWS[route.screen]) || SCREEN_VIEWS[route.screen];
  const ofProgram = screens.some((screen) => screen.id === route.screen);
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
            {program && program.id === snapshot.case.program && (
              <>
                <br />
                <span class="current-program">{program.name}</span>
              </>
            )}
          </p>
        )}
        <ol>
          {screens.map((screen) => (
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
        {snapshot === null || !programReady ? (
          <p class="loading">読み込んでいます…</p>
        ) : needsCase && !snapshot.case ? (
          <NoCase />
        ) : !ofProgram ? (
          <NotOfProgram name={program?.name ?? ""} />
        ) : (
          <>
            {snapshot.frozen && route.screen !== "progress" && needsCase && (
              <p class="notice info frozen" role="status">
                {snapshot.frozen} <a href={linkTo("progress")}>進行状況を開く</a>
              </p>
            )}
            <View />
          </>
        )}
      </main>
      <DialogHost />
    </div>
  );
}

/** A link to a screen the open application's program does not have (受講者 of the 研修会 program). */
function NotOfProgram(props: { name: string }) {
  return (
    <div class="screen">
      <h1 tabIndex={-1}>この事業にはない画面です</h1>
      <p>
        いま開いている申請（{props.name}）には、この画面はありません。左の一覧から画面を選んでください。
      </p>
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
