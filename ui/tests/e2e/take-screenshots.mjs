// Takes a screenshot of every screen of the real app into docs/images/app-*.png, with the example application
// entered through the screens on a temporary database. Run through scripts/screenshots (Xvfb, D-Bus session);
// the binary's absolute path is the first argument.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { addTrainee, fillCosts, fillHospital, startApplication } from "./fill.mjs";
import { App } from "./webdriver.mjs";

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
  // A refused amount, with its message beside the field (and the cursor in it).
  await app.go("costs");
  await app.type('[data-path="trainees[0].exam_fee"]', "５万円くらい");
  await app.find("#field-trainees-0-exam-fee-message");
  writeFileSync(path.join(out, "app-costs-invalid.png"), await app.screenshot());
  console.log("docs/images/app-costs-invalid.png");
} finally {
  await app.close();
  rmSync(data, { recursive: true, force: true });
}
