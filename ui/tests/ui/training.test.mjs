// The 研修会 program (kanwa-training, issue 12) in Chromium on the mocked IPC: chosen at はじめに by its name, its
// screens (研修会 instead of 受講者, 経費 with 積算内訳, the hospital's 算定), and what is typed there saved as typed or
// kept 未保存 with the reason beside it. The figures shown are the engine's (tests/fixtures/sakura.json).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { startBrowser } from "./browser.mjs";

let browser;
before(async () => {
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

const calls = (page, cmd) => page.evaluate((cmd) => window.__calls.filter((call) => call.cmd === cmd), cmd);
const edits = (page, kind) =>
  page.evaluate((kind) => window.__calls.filter((call) => call.cmd === "edit_case" && call.args.edit.kind === kind && !call.args.dryRun), kind);
const until = (page, predicate, arg) => page.waitForFunction(predicate, arg);

test("はじめに offers both programs by their names and starts the one chosen; the screens follow it", async () => {
  const page = await browser.open("empty");
  const choice = page.locator("fieldset.program-choice");
  await choice.getByText("東京都緩和ケア関連専門看護師等資格取得支援事業").waitFor();
  assert.ok(await choice.getByText("東京都がん診療連携協力病院緩和ケア研修会事業").isVisible());
  await choice.getByLabel(/東京都がん診療連携協力病院緩和ケア研修会事業/).check();
  // The steps below follow the program chosen: 研修会 in place of 受講者.
  await page.waitForFunction(() => document.querySelector("ol.steps")?.textContent?.includes("研修会"));
  await page.locator("#start-name").fill("けやき総合病院");
  await page.getByRole("button", { name: "申請を始める" }).click();
  await page.locator("main h1", { hasText: "病院情報" }).waitFor();
  const started = (await calls(page, "start_case")).at(-1).args;
  assert.deepEqual([started.hospitalName, started.program], ["けやき総合病院", "kanwa-training"]);
  const sidebar = await page.locator("nav.sidebar ol a").allTextContents();
  assert.ok(sidebar.some((label) => label.includes("研修会")), sidebar.join(","));
  assert.ok(!sidebar.some((label) => label.includes("受講者")), "no 受講者 nor 受講者用 for this program");
  assert.match(await page.locator(".current-case").textContent(), /緩和ケア研修会事業/);
  // 病院情報 asks what this program's checks need: the 協力病院 指定 (K1), no 届出 and no 病床数.
  assert.equal(await page.locator("#filing-symbol").count(), 0);
  assert.equal(await page.locator('[data-path="hospital.beds"]').count(), 0);
  await page.locator('[data-path="hospital.designated_cooperating_hospital"]').selectOption("true");
  await until(page, () => window.__calls.some((c) => c.cmd === "edit_case" && c.args.edit.field === "designated_cooperating_hospital" && c.args.edit.text === "true"));
  assert.deepEqual(page.errors, []);
});

test("a 研修会 is added with a 和暦 date, its fields saved as typed, a date that cannot be read kept 未保存", async () => {
  const page = await browser.open("training", "#/trainings");
  await page.locator("main h1", { hasText: "研修会" }).waitFor();
  // The check about the 研修会 (K2) with its Japanese reason, from the engine.
  assert.match(await page.locator("table.checks").textContent(), /K2.*開催指針に準拠して開催します/);
  await page.locator("#new-training-title").fill("第2回 緩和ケア研修会");
  await page.locator("#new-training-date").fill("令和7年2月8日");
  await page.getByRole("button", { name: "研修会を追加" }).click();
  const venue = page.locator('[data-path="trainings[1].venue"]');
  await venue.waitFor();
  await until(page, () => document.activeElement?.getAttribute("data-path") === "trainings[1].venue");
  assert.deepEqual((await edits(page, "add_training")).at(-1).args.edit, { kind: "add_training", title: "第2回 緩和ケア研修会", held_on: "令和7年2月8日" });
  assert.equal(await page.locator('[data-path="trainings[1].held_on"]').inputValue(), "令和7年2月8日");

  await venue.fill("本院講堂");
  await page.locator('[data-path="trainings[1].planned_participants"]').fill("２４");
  await page.locator('[data-path="trainings[1].follows_guideline"]').check();
  await until(page, () => window.__calls.some((c) => c.cmd === "edit_case" && !c.args.dryRun && c.args.edit.field === "follows_guideline" && c.args.edit.text === "true"));
  await page.keyboard.press("Tab");
  await until(page, () => window.__calls.some((c) => c.cmd === "edit_case" && !c.args.dryRun && c.args.edit.field === "planned_participants" && c.args.edit.text === "２４"));

  const date = page.locator('[data-path="trainings[1].held_on"]');
  await date.fill("来月");
  await page.locator("#field-trainings-1-held-on-message").waitFor();
  assert.match(await page.locator("#field-trainings-1-held-on-message").textContent(), /日付として読めません/);
  await page.locator('[data-path="trainings[1].title"]').click();
  assert.equal(await date.inputValue(), "来月", "what was typed is kept");
  assert.ok(await page.locator('label[for="field-trainings-1-held-on"] .badge.unsaved').isVisible());
  // Listed in 書類作成 with a link back to its field on 研修会.
  await page.click('nav a[href="#/documents"]');
  const link = page.locator("ul.findings.unsaved a");
  assert.match(await link.textContent(), /開催（予定）日の「来月」は保存されていません/);
  assert.match(await link.getAttribute("href"), /^#\/trainings\?path=/);
  assert.deepEqual(page.errors, []);
});

test("a removed 研修会 comes back with 元に戻す", async () => {
  const page = await browser.open("training", "#/trainings");
  await page.getByRole("button", { name: "この研修会を削除" }).click();
  await page.getByText("研修会はまだ登録されていません").waitFor();
  await page.getByRole("button", { name: "元に戻す" }).click();
  await page.locator('[data-path="trainings[0].title"]').waitFor();
  const restored = (await edits(page, "restore_training")).at(-1).args.edit;
  assert.equal(restored.training.title, "けやき総合病院 緩和ケア研修会");
  assert.equal(restored.index, 0);
});

test("経費 shows the six 対象経費 by their names, and 積算内訳 lines decide the item's amount", async () => {
  const page = await browser.open("training", "#/costs");
  await page.locator("main h1", { hasText: "経費" }).waitFor();
  const labels = await page.locator(".cost-item h2").allTextContents();
  assert.deepEqual(labels, ["講師報酬", "講師旅費", "会場借上料", "需用費（会議費）", "役務費（郵送代）", "事務費（職員費）"]);
  assert.ok(await page.getByText("その他の経費（対象外）").first().isVisible());
  assert.ok(await page.getByText("受講料収入その他の収入 (B)").first().isVisible());
  assert.equal(await page.locator('[data-figure="I"]').textContent(), "1,040,000円", "the engine's 算定 beside");
  assert.equal(await page.locator('[data-path="workings.lecturer_fee[1].unit_price"]').inputValue(), "15,000");

  // 会場借上料 has no lines: its amount is typed, until 積算内訳 is chosen.
  const venue = page.locator('.cost-item[data-item="venue"]');
  await venue.getByRole("button", { name: "積算内訳を入力する" }).click();
  const description = page.locator('[data-path="workings.venue[0].description"]');
  await description.waitFor();
  await until(page, () => document.activeElement?.getAttribute("data-path") === "workings.venue[0].description");
  await description.fill("会議室借上");
  await page.locator('[data-path="workings.venue[0].unit_price"]').fill("２５，０００");
  await page.locator('[data-path="workings.venue[0].quantity"]').fill("2回");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => document.querySelector('[data-figure="item.venue"]')?.textContent === "50,000円");
  assert.equal(await page.locator('[data-figure="line.venue.0"]').textContent(), "50,000円");
  const saved = (await edits(page, "set_working_line")).map((call) => call.args.edit);
  assert.ok(saved.some((e) => e.item === "venue" && e.index === 0 && e.field === "unit_price" && e.text === "２５，０００"), JSON.stringify(saved));

  // A second line, then removed and put back.
  await venue.getByRole("button", { name: "行を追加" }).click();
  await page.locator('[data-path="workings.venue[1].description"]').waitFor();
  await page.getByRole("button", { name: "会場借上料の2行目を削除" }).click();
  await page.getByRole("button", { name: "元に戻す" }).waitFor();
  assert.equal(await page.locator('[data-path="workings.venue[1].description"]').count(), 0);
  await page.getByRole("button", { name: "元に戻す" }).click();
  await page.locator('[data-path="workings.venue[1].description"]').waitFor();
  assert.equal((await edits(page, "restore_working_line")).at(-1).args.edit.index, 1);
  assert.deepEqual(page.errors, []);
});

test("a 単価 that is not a number is refused beside its field and kept 未保存; a plain amount is saved as typed", async () => {
  const page = await browser.open("training", "#/costs");
  const price = page.locator('[data-path="workings.lecturer_fee[0].unit_price"]');
  await price.fill("三万円");
  const message = page.locator("#field-workings-lecturer-fee-0-unit-price-message");
  await message.waitFor();
  assert.match(await message.textContent(), /金額として読めません/);
  await page.locator('[data-path="workings.lecturer_fee[0].description"]').click();
  assert.equal(await price.inputValue(), "三万円");
  assert.ok(await page.locator(".badge.unsaved").first().isVisible());
  assert.equal(await page.locator('[data-figure="item.lecturer_fee"]').textContent(), "600,000円", "the stored amount is shown");

  await page.locator('[data-path="costs.venue"]').fill("５０，０００");
  await page.locator('[data-path="other_income"]').click();
  await until(page, () => window.__calls.some((c) => c.cmd === "edit_case" && !c.args.dryRun && c.args.edit.kind === "set_cost" && c.args.edit.item === "venue"));
  assert.equal(await page.locator('[data-path="costs.venue"]').inputValue(), "50,000");
});

test("算定 shows every letter (A)–(I) of the hospital's row and the 基準額 used; 対象確認 has no trainees", async () => {
  const page = await browser.open("training", "#/calculation");
  const figure = (key) => page.locator(`[data-figure="0.${key}"]`).textContent();
  assert.equal(await page.locator('[data-figure="total"]').textContent(), "1,040,000円");
  assert.deepEqual(
    await Promise.all(["A", "B", "C", "D", "E", "F", "G", "H", "I"].map(figure)),
    ["1,060,000円", "0円", "1,060,000円", "1,040,000円", "2,434,000円", "1,040,000円", "1,040,000円", "10分の10", "1,040,000円"],
  );
  assert.match(await page.locator("table.figures-table thead").textContent(), /受講料収入その他の収入/);
  assert.match(await page.locator('[data-figure="standard-use"]').textContent(), /残り 1,394,000円/);
  assert.match(await page.locator("main").textContent(), /講師謝金 30,000円×16人/);

  await page.click('nav a[href="#/eligibility"]');
  await page.locator("main h1", { hasText: "対象確認" }).waitFor();
  assert.match(await page.locator("table.checks").textContent(), /K1\s*東京都がん診療連携協力病院であること/);
  assert.equal(await page.getByText("受講者の要件").count(), 0);
});

test("the saved list names each application's program with its 研修会 or 受講者 count, and opens the 研修会 one", async () => {
  const page = await browser.open("sakura");
  const rows = page.locator("table.saved-applications tbody tr");
  await rows.first().waitFor();
  const training = rows.filter({ hasText: "緩和ケア研修会事業" });
  assert.match(await training.textContent(), /令和6年度.*研修会 2件/);
  assert.match(await rows.first().textContent(), /受講者 1人/);
  await training.getByRole("button", { name: "開く" }).click();
  await page.locator("main h1", { hasText: "病院情報" }).waitFor();
  await page.waitForFunction(() => document.querySelector("nav.sidebar")?.textContent?.includes("研修会"));
});

test("a link to 受講者 while a 研修会 application is open says the screen is not part of this program", async () => {
  const page = await browser.open("training", "#/trainees");
  await page.locator("main h1", { hasText: "この事業にはない画面です" }).waitFor();
  assert.deepEqual(page.errors, []);
});

test("a text refused in one application is not listed in another one opened after it", async () => {
  const page = await browser.open("sakura", "#/costs");
  await page.locator('[data-path="trainees[0].tuition"]').fill("九十万");
  await page.locator("#field-trainees-0-tuition-message").waitFor();
  await page.click('nav a[href="#/documents"]');
  await page.locator("ul.findings.unsaved").waitFor();
  await page.click('nav a[href="#/welcome"]');
  const training = page.locator("table.saved-applications tbody tr").filter({ hasText: "緩和ケア研修会事業" });
  await training.getByRole("button", { name: "開く" }).click();
  await page.locator("main h1", { hasText: "病院情報" }).waitFor();
  await page.waitForFunction(() => document.querySelector("nav.sidebar")?.textContent?.includes("研修会"));
  await page.click('nav a[href="#/documents"]');
  await page.locator("main h1", { hasText: "書類作成" }).waitFor();
  assert.equal(await page.locator("ul.findings.unsaved").count(), 0, "the nurse application's text is not this one's");
});
