// A whole 年度 end to end in the real app (scripts/test.d/60-app-e2e.sh): the application prepared through the
// screens, 提出, a 交付決定 lower than asked, a 変更交付申請 with its 変更交付決定, the 実績報告 with the actual
// amounts and the report fields, 受入済額, the 実績報告書 written and its numbers read back from the file on every
// page (openpyxl; `hojo import` and `hojo settle`), 実績報告済, 確定 — then the next 年度 starts from the settled
// figures: the continuing trainee carries the settled 選定額, not the applied one.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";

import { fillExample } from "./fill.mjs";
import { App } from "./webdriver.mjs";
import { recordChangeDecision, recordDecision, reportFields, replace, requestChange, startReport, step, submit } from "./year-steps.mjs";

const binary = process.env.HOJO_APP_BINARY;
const hojo = process.env.HOJO_CLI_BINARY;
const folder = mkdtempSync(path.join(tmpdir(), "hojo-year-"));
const database = path.join(folder, "hojo.sqlite3");
const answers = path.join(folder, "dialog-answers.txt");
let app;

before(async () => {
  assert.ok(binary && path.isAbsolute(binary), "HOJO_APP_BINARY: the app's absolute path");
  writeFileSync(answers, "");
  app = await App.launch(binary, { HOJO_DB: database, HOJO_TEST_DIALOG_ANSWERS: answers });
  await app.find("main h1");
});

after(async () => {
  await app?.close();
  rmSync(folder, { recursive: true, force: true });
});

const caseOf = (year) => {
  const file = path.join(folder, `case-${year}-${Date.now()}.json`);
  execFileSync(hojo, ["db", "case", "--year", String(year), "-o", file, "--db", database]);
  return JSON.parse(readFileSync(file, "utf8"));
};

/** Every sheet of a workbook with its cells' values (cached results of the formulas) and the defined names. */
function readWorkbook(file) {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
sheets = {ws.title: [c for row in ws.iter_rows(values_only=True) for c in row if c is not None] for ws in wb.worksheets}
names = {}
defined_names = wb.defined_names
pairs = defined_names.items() if hasattr(defined_names, "items") else [(d.name, d) for d in defined_names.definedName]
for name, defined in pairs:
    for title, ref in defined.destinations:
        names[name] = wb[title][ref.replace("$", "")].value
print(json.dumps({"sheets": sheets, "names": names}, ensure_ascii=False, default=str))
`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }));
}

test("a 年度 from the application to the settlement, in Hojo alone", async () => {
  await fillExample(app);

  await submit(app);
  // The submitted plan is frozen: 経費 says why and its fields are disabled.
  await app.go("costs");
  await app.waitForText("p.notice.frozen", "提出済");
  assert.equal(await app.execute(`return document.querySelector('[data-path="trainees[0].tuition"]').disabled`), true);

  await recordDecision(app);
  await app.waitForText(".notice.error", "変更交付申請が必要です");
  assert.equal(await app.text('[data-record="initial"]'), "令和6年7月1日 6保医政第1234号 2,000,000円");

  // 変更交付申請: the plan is edited (受講料 900,000 → 800,000: 2,250,000円 asked) and its workbook written.
  await requestChange(app);
  await app.go("costs");
  await replace(app, '[data-path="trainees[0].tuition"]', "800,000");
  await app.waitForText('[data-figure="I"]', "2,250,000円").catch(async (error) => {
    writeFileSync("/tmp/year-app-fail.png", await app.screenshot());
    throw error;
  });
  await app.click("main h1");
  await app.go("progress");
  await app.waitForText('[data-figure="0.tuition.difference"]', "△100,000円");
  const change = path.join(folder, "変更交付申請書.xlsx");
  writeFileSync(answers, change + "\n");
  await app.go("documents");
  await app.click(".card button.primary");
  await app.waitForText(".outcome", "変更交付申請書を書き出しました");
  const changeBook = readWorkbook(change);
  const changeCells = Object.values(changeBook.sheets).flat().map(String);
  assert.ok(changeCells.some((cell) => cell.includes("変更前")) && changeCells.some((cell) => cell.includes("変更後")), "変更前 / 変更後");
  assert.ok(changeCells.some((cell) => cell.includes("受講料の改定")), "the reason");
  await recordChangeDecision(app);
  assert.match(await app.text('[data-record="change"]'), /2,250,000円/);

  // 実績報告: the actual 人件費 was 3,400,000; her course was completed.
  await startReport(app);
  await app.go("costs");
  await replace(app, '[data-path="trainees[0].salary"]', "3400000");
  await app.waitForText('[data-figure="I"]', "2,150,000円");
  await app.click("main h1");
  await reportFields(app);
  await step(app, "受入済額を記録する", { amount: "1,000,000" }, null);
  await app.waitForText('[data-record="received"]', "1,000,000円");

  await app.go("documents");
  await app.waitForText('[data-figure="settle.total"]', "2,150,000円");
  assert.equal(await app.text('[data-figure="settle.confirmed"]'), "2,150,000円");
  assert.equal(await app.text('[data-figure="settle.difference"]'), "△1,150,000円");
  const report = path.join(folder, "実績報告書.xlsx");
  writeFileSync(answers, report + "\n");
  await app.click(".card button.primary");
  await app.waitForText(".outcome", "実績報告書を書き出しました");
  assert.ok(existsSync(report));

  // The numbers on every page of the report.
  const book = readWorkbook(report);
  assert.deepEqual(
    { S: book.names["精算額合計"], K: book.names["交付決定額"], confirmed: book.names["確定額"], difference: book.names["差引過不足額"] },
    { S: 2150000, K: 2250000, confirmed: 2150000, difference: -1150000 },
  );
  const sheet = (prefix) => Object.entries(book.sheets).find(([title]) => title.startsWith(prefix))?.[1] ?? [];
  assert.ok(sheet("第6号様式").includes(2250000) && sheet("第6号様式").includes(2150000), "様式: 交付決定額 and 確定額");
  assert.ok(sheet("別紙1").some((cell) => String(cell).includes("看護 花子")), "事業実績書: the trainee");
  const settlementSheet = Object.entries(book.sheets).find(([title]) => title.includes("精算額調書"))[1];
  for (const amount of [4350000, 4300000, 2150000, 1000000]) assert.ok(settlementSheet.includes(amount), `精算額調書: ${amount}`);
  const spent = Object.entries(book.sheets).find(([title]) => title.includes("支出済額"))[1];
  for (const amount of [100000, 800000, 3400000]) assert.ok(spent.includes(amount), `支出済額内訳: ${amount}`);
  const roster = Object.entries(book.sheets).find(([title]) => title.includes("名簿"))[1];
  assert.ok(roster.some((cell) => String(cell).includes("看護 花子")), "名簿: the trainee");
  // Read back by Hojo itself: the same case, the same 精算.
  const imported = JSON.parse(execFileSync(hojo, ["import", report], { encoding: "utf8" }));
  assert.deepEqual([imported.trainees[0].tuition, imported.trainees[0].salary, imported.received], [800000, 3400000, 1000000]);
  const importedFile = path.join(folder, "report.json");
  writeFileSync(importedFile, JSON.stringify(imported));
  const settled = JSON.parse(execFileSync(hojo, ["settle", importedFile], { encoding: "utf8" }));
  assert.deepEqual([settled.total, settled.decided, settled.confirmed, settled.difference], [2150000, 2250000, 2150000, -1150000]);

  await step(app, "実績報告の提出を記録する", { reported_on: "R7.4.8" }, "reported");
  await step(app, "額の確定を記録する", { confirmed_on: "R7.6.2", number: "7保医政第567号", amount: "2150000" }, "settled");
  await app.waitForText('[data-record="confirmation"]', "2,150,000円");
  await app.waitForText('table.years tr[data-year="2024"]', "確定");
});

test("the next 年度 starts from the settled figures: the continuing trainee carries the settled 選定額", async () => {
  await app.go("welcome");
  await app.click("details.card summary");
  await app.click('#start-year option[value="2025"]');
  await app.waitForText(".start-form button[type=submit]", "令和7年度の申請を新しく始める");
  await app.click(".start-form button[type=submit]");
  await app.waitForText("main h1", "病院情報");
  await app.go("trainees");
  await app.waitForText(".continuing", "看護 花子");
  await app.click(".continuing button.primary");
  await app.find('[data-path="trainees[0].institution"]');
  const second = caseOf(2025);
  assert.equal(second.trainees[0].name, "看護 花子");
  // 入学料 100,000 + 受講料 800,000 + 人件費 3,400,000 actually paid: 4,300,000 (the application said 4,600,000).
  assert.equal(second.trainees[0].prior_years_standard_used, 4300000);
  assert.deepEqual(second.trainees[0].prior_items, ["admission"]);
  await app.go("progress");
  await app.waitForText('table.years tr[data-year="2025"]', "作成中");
  await app.waitForText('table.years tr[data-year="2024"]', "確定");
});
