// End to end on the real app for the 研修会 program (kanwa-training, issue 12): chosen at はじめに, the hospital, a
// 研修会 and the costs with 積算内訳 lines entered through the screens, (I) read on 算定, the workbook exported (its
// 様式 chosen by the program) and read back with the command line; then the nurse program of the same hospital and
// 年度 is started beside it in the same database and works, and the 研修会 application is still there.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

import { addTrainee, fillCosts } from "./fill.mjs";
import { fillTrainingExample, TRAINING_HOSPITAL, typeOver } from "./fill-training.mjs";
import { appInFreshFolder } from "./session.mjs";

const hojo = process.env.HOJO_CLI_BINARY;
const session = appInFreshFolder("hojo-e2e-training-");
const { folder, database, answers } = session;

const storedCase = (program, name) => {
  const exported = path.join(folder, `${program}-${name}.json`);
  execFileSync(hojo, ["db", "case", "--year", "2024", "--program", program, "-o", exported, "--db", database]);
  return JSON.parse(readFileSync(exported, "utf8"));
};

test("a 研修会 application prepared through the screens gives (I) on 算定 and the same amounts in its workbook", async () => {
  await fillTrainingExample(session.app);

  await session.app.go("calculation");
  await session.app.waitForText('[data-figure="total"]', "456,000円");
  assert.equal(await session.app.text('[data-figure="0.A"]'), "476,000円");
  assert.equal(await session.app.text('[data-figure="0.D"]'), "456,000円");
  assert.equal(await session.app.text('[data-figure="0.E"]'), "2,434,000円");
  assert.equal(await session.app.text('[data-figure="0.H"]'), "10分の10");
  assert.equal(await session.app.text('[data-figure="0.I"]'), "456,000円");

  await session.app.go("eligibility");
  await session.app.waitForText(".verdict-banner", "病院の判定: 対象");

  const workbook = path.join(folder, "研修会申請書.xlsx");
  writeFileSync(answers, workbook + "\n");
  await session.app.go("documents");
  await session.app.waitForText("main", "足りない項目はありません");
  await session.app.click("button.primary");
  await session.app.waitForText(".outcome", "に書き出しました");
  assert.ok(existsSync(workbook));

  const imported = JSON.parse(execFileSync(hojo, ["import", workbook], { encoding: "utf8" }));
  assert.equal(imported.program, "kanwa-training");
  assert.equal(imported.hospital.name, TRAINING_HOSPITAL);
  assert.equal(imported.trainings[0].title, "けやき総合病院 緩和ケア研修会");
  assert.equal(imported.costs.lecturer_fee, 240000);
  assert.equal(imported.costs.venue, 50000);
  const caseFile = path.join(folder, "imported.json");
  writeFileSync(caseFile, JSON.stringify(imported));
  const calc = JSON.parse(execFileSync(hojo, ["calc", caseFile], { encoding: "utf8" }));
  assert.equal(calc.total, 456000);

  const stored = storedCase("kanwa-training", "first");
  assert.deepEqual(stored.workings.lecturer_fee.map((line) => [line.description, line.unit_price, line.quantity, line.unit]), [
    ["講師謝金", 30000, 4, "人"],
    ["ファシリテーター謝金", 15000, 8, "人"],
  ]);
  assert.equal(stored.trainings[0].planned_participants, 24);
  assert.equal(stored.trainings[0].follows_guideline, true);
  assert.equal(stored.hospital.designated_cooperating_hospital, true);
});

test("a 単価 that cannot be read is refused beside its field in the real window and nothing is saved", async () => {
  await session.app.go("costs");
  await typeOver(session.app, '[data-path="workings.lecturer_fee[0].unit_price"]', "三万");
  await session.app.waitForText("#field-workings-lecturer-fee-0-unit-price-message", "金額として読めません");
  assert.equal(await session.app.text('[data-figure="item.lecturer_fee"]'), "240,000円", "the stored amount stays");
  assert.equal(await session.app.text('[data-figure="I"]'), "456,000円");
  await typeOver(session.app, '[data-path="workings.lecturer_fee[0].unit_price"]', "30,000");
  await session.app.waitForText('[data-figure="I"]', "456,000円");
});

test("the nurse program of the same hospital and 年度 starts beside it and works; the 研修会 application stays", async () => {
  await session.app.go("welcome");
  await session.app.click("details.card summary");
  await session.app.click('details.card input[type=radio][value="kanwa-nurse"]');
  await session.app.click('details.card #start-year option[value="2024"]');
  await session.app.waitForText("details.card .start-form button[type=submit]", "令和6年度の申請を新しく始める");
  await session.app.click("details.card .start-form button[type=submit]");
  await session.app.waitForText("main h1", "病院情報");
  await session.app.waitForText("nav.sidebar", "受講者用");
  await session.app.find("#filing-symbol");
  await addTrainee(session.app);
  await fillCosts(session.app);
  await session.app.go("calculation");
  await session.app.waitForText('[data-figure="total"]', "2,300,000円");

  // はじめに lists both applications of the hospital, each with its program and count.
  await session.app.go("welcome");
  await session.app.waitForText("table.saved-applications", "研修会 1件");
  await session.app.waitForText("table.saved-applications", "受講者 1人");
  const nurse = storedCase("kanwa-nurse", "second");
  assert.equal(nurse.hospital.name, TRAINING_HOSPITAL);
  assert.equal(nurse.trainees[0].tuition, 900000);
  const training = storedCase("kanwa-training", "second");
  assert.equal(training.costs.lecturer_fee, 240000, "the 研修会 application is untouched");

  // And back to it from the list.
  await session.app.click('table.saved-applications tr:not(.selected) button');
  await session.app.waitForText("main h1", "病院情報");
  await session.app.go("calculation");
  await session.app.waitForText('[data-figure="total"]', "456,000円");
});
