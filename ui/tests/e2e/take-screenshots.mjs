// Takes a screenshot of every screen of the real app into docs/images/app-*.png, with the example application
// entered through the screens on a temporary database. Run through scripts/screenshots (Xvfb, D-Bus session);
// the binary's absolute path is the first argument.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { addTrainee, fillCosts, fillHospital, startApplication } from "./fill.mjs";
import { addTraining, fillTrainingCosts, fillTrainingHospital, startTraining, typeOver } from "./fill-training.mjs";
import { App } from "./webdriver.mjs";
import { addReceipt, recordDecision, reportFields, replace, requestChange, startReport, step, submit } from "./year-steps.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const binary = path.resolve(process.argv[2]);
const out = path.join(root, "docs/images");
const data = mkdtempSync(path.join(tmpdir(), "hojo-screenshots-"));

const app = await App.launch(binary, { HOJO_DB: path.join(data, "hojo.sqlite3") });
const save = async (name) => {
  await app.execute("window.scrollTo(0, 0); document.activeElement?.blur();");
  writeFileSync(path.join(out, `app-${name}.png`), await app.screenshot());
  console.log(`docs/images/app-${name}.png`);
};
try {
  await app.find("main h1");
  await save("welcome");
  await startApplication(app);
  await fillHospital(app);
  await save("hospital");
  await addTrainee(app);
  await save("trainees");
  await fillCosts(app);
  await save("costs");
  for (const screen of ["eligibility", "calculation", "documents", "nurse", "settings"]) {
    await app.go(screen);
    await save(screen);
  }
  // The application's life (進行状況): 作成中, then 交付決定 lower than asked (a 変更交付申請 needed, 計画と実績),
  // the 変更交付申請 being prepared, the report's fields on 受講者 and the 精算 on 書類作成.
  await app.go("progress");
  await save("progress");
  await submit(app);
  await app.go("costs");
  await save("costs-frozen");
  await recordDecision(app);
  await save("progress-decided");
  await app.execute("document.querySelector('table.comparison')?.closest('section')?.scrollIntoView(); document.activeElement?.blur();");
  writeFileSync(path.join(out, "app-progress-comparison.png"), await app.screenshot());
  console.log("docs/images/app-progress-comparison.png");
  await requestChange(app);
  await app.go("costs");
  await replace(app, '[data-path="trainees[0].tuition"]', "800,000");
  await app.click("main h1");
  await app.click('.field:has([data-path="trainees[0].tuition"]) .history-button');
  await app.find(".history-list");
  await save("costs-history");
  await step(app, "変更交付決定を記録する", { decided_on: "R6.12.10", number: "6保医政第2345号", amount: "2,250,000" }, "decided");
  await startReport(app);
  await app.go("costs");
  await replace(app, '[data-path="trainees[0].salary"]', "3400000");
  await app.click("main h1");
  // The report's receipts on 経費: one typed as people write it (和暦, full-width digits), the item's 実績 their sum.
  await addReceipt(app, "tuition", "受講料", { paid_on: "令和6年4月10日", payee: "日本看護協会看護研修学校", description: "前期授業料", amount: "４００，０００" }, "400,000円");
  await app.execute("document.querySelector('.receipts[data-item=\"tuition\"]')?.scrollIntoView(); document.activeElement?.blur();");
  writeFileSync(path.join(out, "app-costs-receipts.png"), await app.screenshot());
  console.log("docs/images/app-costs-receipts.png");
  await reportFields(app);
  await app.execute("document.querySelector('[data-path=\"trainees[0].report.course_status\"]')?.scrollIntoView()");
  writeFileSync(path.join(out, "app-trainees-report.png"), await app.screenshot());
  console.log("docs/images/app-trainees-report.png");
  await step(app, "受入済額を記録する", { amount: "1,000,000" }, null);
  await app.find('[data-record="received"]');
  await save("progress-reporting");
  await app.go("documents");
  await app.find('[data-figure="settle.total"]');
  await save("documents-report");
  // A refused amount, with its message beside the field (and the cursor in it).
  await app.go("costs");
  await typeOver(app, '[data-path="trainees[0].exam_fee"]', "５万円くらい");
  await app.find("#field-trainees-0-exam-fee-message");
  writeFileSync(path.join(out, "app-costs-invalid.png"), await app.screenshot());
  console.log("docs/images/app-costs-invalid.png");

  // The 研修会 program (kanwa-training) of the same hospital's database, into docs/images/app-training-*.png.
  await startTraining(app);
  await fillTrainingHospital(app);
  await save("training-hospital");
  await addTraining(app);
  await save("training-trainings");
  await fillTrainingCosts(app);
  await save("training-costs");
  for (const screen of ["eligibility", "calculation", "documents"]) {
    await app.go(screen);
    await save(`training-${screen}`);
  }
  await app.go("costs");
  await typeOver(app, '[data-path="workings.lecturer_fee[0].unit_price"]', "三万円");
  await app.find("#field-workings-lecturer-fee-0-unit-price-message");
  writeFileSync(path.join(out, "app-training-costs-invalid.png"), await app.screenshot());
  console.log("docs/images/app-training-costs-invalid.png");
  await typeOver(app, '[data-path="workings.lecturer_fee[0].unit_price"]', "30000");
  await app.waitForText('[data-figure="I"]', "456,000円");
  // はじめに with both programs' applications saved and the program choice of 「別の年度・別の病院」 open.
  await app.go("welcome");
  await app.click("details.card summary");
  await save("training-welcome");
} finally {
  await app.close();
  rmSync(data, { recursive: true, force: true });
}
