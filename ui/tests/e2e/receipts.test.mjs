// End to end on the real app (scripts/test.d/60-app-e2e.sh): a 実績報告 in the database, receipts entered on 経費,
// a scan attached through the open dialog (answered by HOJO_TEST_DIALOG_ANSWERS), the folder of receipt files
// exported and its names checked; then the app is killed (SIGKILL, no chance to flush anything) right after a
// receipt and a file were saved, and both are there when it starts again.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { appPid } from "./process.mjs";
import { App } from "./webdriver.mjs";
import { addReceipt } from "./year-steps.mjs";

const binary = process.env.HOJO_APP_BINARY;
const hojo = process.env.HOJO_CLI_BINARY;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const folder = mkdtempSync(path.join(tmpdir(), "hojo-e2e-receipts-"));
const database = path.join(folder, "hojo.sqlite3");
const answers = path.join(folder, "dialog-answers.txt");
const env = { HOJO_DB: database, HOJO_TEST_DIALOG_ANSWERS: answers };
let app;

/** The report as the database holds it, read by the command line (a second process). */
function stored() {
  const out = path.join(folder, `stored-${Date.now()}.json`);
  execFileSync(hojo, ["db", "case", "--year", "2024", "-o", out, "--db", database]);
  return JSON.parse(readFileSync(out, "utf8"));
}

before(async () => {
  assert.ok(binary && path.isAbsolute(binary), "HOJO_APP_BINARY: the app's absolute path");
  writeFileSync(answers, "");
  app = await App.launch(binary, env);
  await app.find("main h1");
});

after(async () => {
  await app?.close().catch(() => {});
  rmSync(folder, { recursive: true, force: true });
});

test("a report's receipts are entered on 経費, a scan attached, and the folder of receipt files exported", async () => {
  // The example 実績報告 read in through 「JSONを読み込む」 (the dialog answered as the user would).
  writeFileSync(answers, path.join(root, "examples/reports/sakura-hospital-report.json") + "\n");
  const imported = await app.invoke("import_case_json", {});
  assert.ok(imported.ok, JSON.stringify(imported.error));
  await app.reload();
  await app.go("costs");
  await app.waitForText('[data-figure="receipts.tuition"]', "900,000円");

  // A receipt typed in 和暦 with full-width digits.
  await addReceipt(app, "exam_fee", "認定審査料", { paid_on: "令和７年２月３日", payee: "日本看護協会", description: "認定審査料", amount: "３０，０００" }, "30,000円");

  // A scan attached to the 前期授業料 receipt through the open dialog.
  const scan = path.join(folder, "前期授業料.pdf");
  writeFileSync(scan, Buffer.from("%PDF-1.4\n% 前期授業料の領収書\n"));
  writeFileSync(answers, scan + "\n");
  await app.click('.receipts[data-item="tuition"] tr[data-receipt="1"] td.attachments > button');
  await app.find('.receipts[data-item="tuition"] [data-attachment="前期授業料.pdf"]');

  // The folder for the 領収書等の写し.
  const out = path.join(folder, "領収書等の写し");
  mkdirSync(out);
  writeFileSync(answers, out + "\n");
  await app.click(".receipts-export button");
  await app.waitForText(".receipts-export .notice", "書き出しました");
  const names = readdirSync(out);
  assert.equal(names.length, 1, names.join(", "));
  assert.match(names[0], /^看護.*花子_受講料_2024-04-10\.pdf$/);
  assert.deepEqual(readFileSync(path.join(out, names[0])), readFileSync(scan));

  const report = stored();
  const receipts = report.trainees[0].receipts;
  assert.ok(receipts.some((r) => r.item === "exam_fee" && r.paid_on === "2025-02-03" && r.amount === 30000), JSON.stringify(receipts));
});

test("a receipt and a file saved just before the app is killed (SIGKILL) are there when it starts again", async () => {
  await app.go("costs");
  await addReceipt(app, "registration_fee", "認定登録料", { paid_on: "R7.3.10", payee: "日本看護協会", description: "認定登録料", amount: "50000" }, "50,000円");
  const scan = path.join(folder, "登録料.png");
  writeFileSync(scan, Buffer.alloc(300_000, 7));
  writeFileSync(answers, scan + "\n");
  await app.click('.receipts[data-item="registration_fee"] tr[data-receipt] td.attachments > button');
  await app.find('[data-attachment="登録料.png"]');

  // Killed at once: the window answered, so the store had committed; nothing else gets a chance to run
  // (SIGKILL; on Windows, TerminateProcess).
  process.kill(appPid(app.driver.pid, binary), "SIGKILL");
  await app.close().catch(() => {});
  app = await App.launch(binary, env);
  await app.find("main h1");
  await app.go("costs");
  await app.waitForText('[data-figure="receipts.registration_fee"]', "50,000円");
  await app.find('[data-attachment="登録料.png"]');
  await app.find('[data-attachment="前期授業料.pdf"]');
  const listed = await app.invoke("list_attachments", {});
  const file = listed.ok.find((info) => info.file_name === "登録料.png");
  assert.equal(file.size, 300_000);
  assert.ok(stored().trainees[0].receipts.some((r) => r.item === "registration_fee" && r.amount === 50000));
});
