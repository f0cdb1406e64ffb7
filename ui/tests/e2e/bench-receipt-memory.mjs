// Benchmark: the app's memory (PSS of the app and its WebKit processes) before and after a 5 MB receipt scan is
// attached on 経費 and listed, in the real app on a 実績報告 of its own database. The file is streamed into the
// database (Store::attach), never held by the screens, so the idle memory should grow by less than the file.
// Usage (under Xvfb and a D-Bus session, as bench/60-app.sh runs the app):
//   xvfb-run -a dbus-run-session -- node ui/tests/e2e/bench-receipt-memory.mjs APP_BINARY
// Prints four lines, the app with its WebKit processes (`all`) and its own process alone (`app`), each as PSS and
// as USS (private pages): before, after attaching (the list shown), after 20 more listings, the largest growth
// (MB), and the file's size (MB).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { appPid, memoryKb } from "./process.mjs";
import { App } from "./webdriver.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const binary = path.resolve(process.argv[2]);
const folder = mkdtempSync(path.join(tmpdir(), "hojo-bench-receipt-"));
const answers = path.join(folder, "answers.txt");
const scan = path.join(folder, "領収書_5MB.pdf");
const SIZE = 5 * 1024 * 1024;
writeFileSync(scan, randomBytes(SIZE)); // incompressible, as a scan is
writeFileSync(answers, path.join(root, "examples/reports/sakura-hospital-report.json") + "\n");

// Idle memory: the app settles (WebKit's caches, SQLite's) before each reading; the bench, not a test, so it waits.
const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));
const mb = (kb) => (kb / 1024).toFixed(1);

const app = await App.launch(binary, { HOJO_DB: path.join(folder, "hojo.sqlite3"), HOJO_TEST_DIALOG_ANSWERS: answers });
try {
  await app.find("main h1");
  const imported = await app.invoke("import_case_json", {});
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  await app.reload();
  await app.go("costs");
  await app.find('.receipts[data-item="tuition"] tr[data-receipt="1"]');
  const pid = appPid(app.driver.pid, binary);
  // Both screens drawn once before the first reading, so the readings differ by the file, not by a screen
  // WebKit had not drawn yet.
  await app.go("nurse");
  await app.go("costs");
  await app.find('.receipts[data-item="tuition"] tr[data-receipt="1"]');
  // Idle memory is the floor the app comes back to: WebKit's collector and caches add tens of MB for a second or
  // two now and then, so each reading is the smallest of 10 taken 0.5 s apart.
  const reading = async () => {
    const floor = { all: memoryKb(pid), app: memoryKb(pid, true) };
    for (let i = 0; i < 9; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const [key, now] of [["all", memoryKb(pid)], ["app", memoryKb(pid, true)]]) {
        for (const kind of ["pss", "uss"]) floor[key][kind] = Math.min(floor[key][kind], now[kind]);
      }
    }
    return floor;
  };
  await settle();
  const before = await reading();
  writeFileSync(answers, scan + "\n");
  await app.click('.receipts[data-item="tuition"] tr[data-receipt="1"] td.attachments > button');
  await app.find('[data-attachment="領収書_5MB.pdf"]');
  await settle();
  const attached = await reading();
  // Listed again and again, as the screens do after every change of the receipts.
  for (let i = 0; i < 20; i++) await app.invoke("list_attachments", {});
  await settle();
  const listed = await reading();
  const line = (key, kind) =>
    `${mb(before[key][kind])} ${mb(attached[key][kind])} ${mb(listed[key][kind])} ${mb(Math.max(attached[key][kind], listed[key][kind]) - before[key][kind])}`;
  // One line per scope and measure: before, after attaching (the list shown), after 20 more listings, the
  // largest growth; then the file's size.
  for (const key of ["all", "app"]) for (const kind of ["pss", "uss"]) console.log(`${key} ${kind} ${line(key, kind)} file ${mb(SIZE / 1024)}`);
} finally {
  await app.close();
  rmSync(folder, { recursive: true, force: true });
}
