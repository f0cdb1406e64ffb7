// Benchmark: the app's memory (PSS of the app and its WebKit processes) before and after a 5 MB receipt scan is
// attached on 経費 and listed, in the real app on a 実績報告 of its own database. The file is streamed into the
// database (Store::attach), never held by the screens, so the idle memory should grow by less than the file.
// Usage (under Xvfb and a D-Bus session, as bench/60-app.sh runs the app):
//   xvfb-run -a dbus-run-session -- node ui/tests/e2e/bench-receipt-memory.mjs APP_BINARY
// Prints: PSS before, after attaching, after listing again, the growth (MB), and the file's size (MB).
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
  await settle();
  const before = memoryKb(pid);
  writeFileSync(answers, scan + "\n");
  await app.click('.receipts[data-item="tuition"] tr[data-receipt="1"] td.attachments > button');
  await app.find('[data-attachment="領収書_5MB.pdf"]');
  await settle();
  const attached = memoryKb(pid);
  await app.go("nurse");
  await app.go("costs");
  await app.find('[data-attachment="領収書_5MB.pdf"]');
  await settle();
  const listed = memoryKb(pid);
  console.log(`${mb(before.pss)} ${mb(attached.pss)} ${mb(listed.pss)} ${mb(Math.max(attached.pss, listed.pss) - before.pss)} ${mb(SIZE / 1024)}`);
} finally {
  await app.close();
  rmSync(folder, { recursive: true, force: true });
}
