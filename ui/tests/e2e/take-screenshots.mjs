// Takes a screenshot of every screen of the real app into docs/images/app-*.png, with the example application
// loaded. Run through scripts/screenshots (Xvfb, D-Bus session); the binary's path is the first argument.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { App } from "./webdriver.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const binary = path.resolve(process.argv[2]);
const out = path.join(root, "docs/images");
const data = mkdtempSync(path.join(tmpdir(), "hojo-screenshots-"));

const app = await App.launch(binary, { HOJO_DB: path.join(data, "hojo.sqlite3") });
try {
  await app.command("POST", "/window/rect", { width: 1366, height: 768 }).catch(() => {});
  await app.find("main h1");
  const save = async (name) => {
    writeFileSync(path.join(out, `app-${name}.png`), await app.screenshot());
    console.log(`docs/images/app-${name}.png`);
  };
  await save("welcome-empty");
  const imported = await app.invoke("import_case_json", { path: path.join(root, "examples/sakura-hospital.json") });
  if (imported.error) throw new Error(JSON.stringify(imported.error));
  await app.reload();
  for (const screen of ["welcome", "hospital", "eligibility", "trainees", "costs", "calculation", "documents", "nurse", "settings"]) {
    await app.go(screen);
    await save(screen);
  }
  // A refused amount, with its message beside the field.
  await app.go("costs");
  await app.type('[data-path="trainees[0].tuition"]', "９０万");
  await app.find("#field-trainees-0-tuition-message");
  await save("costs-invalid");
} finally {
  await app.close();
}
