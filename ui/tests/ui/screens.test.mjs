// The screens in Chromium (Debian's), on the built UI with the IPC mocked: every screen opens, the validation
// messages appear beside their fields, an IME composition is not checked half-way, and the keyboard alone
// reaches everything. The figures shown come from tests/fixtures/sakura.json, the engine's own snapshot.
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

test("the document is Japanese and names Japanese fonts with fallbacks", async () => {
  const page = await browser.open("empty");
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  const fonts = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.match(fonts, /Noto Sans CJK JP/);
  assert.match(fonts, /sans-serif$/);
  assert.deepEqual(page.errors, []);
});

test("a blank hospital name is refused with the reason beside the field, then the application starts", async () => {
  const page = await browser.open("empty");
  await page.getByRole("button", { name: "申請を始める" }).click();
  const message = page.locator("#start-message");
  await message.waitFor();
  assert.equal(await message.textContent(), "病院名を入力してください");
  assert.equal(await page.locator("#start-name").getAttribute("aria-describedby"), "start-message");
  await page.locator("#start-name").fill("さくら病院");
  await page.keyboard.press("Enter");
  await page.locator("main h1", { hasText: "病院情報" }).waitFor();
  assert.equal((await calls(page, "start_case")).at(-1).args.hospitalName, "さくら病院");
});

const SCREENS = [
  ["welcome", "はじめに", "申請の手順"],
  ["hospital", "病院情報", "届出（施設基準）"],
  ["eligibility", "対象確認", "病院の判定: 対象"],
  ["trainees", "受講者", "看護 花子さんの課程"],
  ["costs", "経費", "看護 花子さんの対象経費"],
  ["calculation", "算定", "所要額調書（別紙2）"],
  ["documents", "書類作成", "提出前の確認"],
  ["nurse", "受講者用", "見込みの補助額"],
  ["settings", "設定", "バックアップ"],
];

for (const [screen, title, content] of SCREENS) {
  test(`${title} opens from its link and shows its content`, async () => {
    const page = await browser.open("sakura", screen === "settings" ? "#/welcome" : "#/settings");
    await page.click(`nav a[href="#/${screen}"]`);
    await page.locator("main h1", { hasText: title }).waitFor();
    assert.ok(await page.getByText(content, { exact: false }).first().isVisible(), `${content} on ${title}`);
    // The cursor starts at the title (moved there on the frame after the screen is drawn).
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    assert.deepEqual(page.errors, []);
  });
}

test("算定 shows the engine's figures: A to I, the total, the distance to the cap and the chart", async () => {
  const page = await browser.open("sakura", "#/calculation");
  assert.equal(await page.locator('[data-figure="total"]').textContent(), "2,300,000円");
  assert.equal(await page.locator('[data-figure="0.A"]').textContent(), "4,650,000円");
  assert.equal(await page.locator('[data-figure="0.F"]').textContent(), "4,600,000円");
  assert.equal(await page.locator('[data-figure="0.I"]').textContent(), "2,300,000円");
  assert.match(await page.locator('[data-figure="0.cap"]').textContent(), /あと 7,700,000円/);
  assert.equal(await page.locator("figure.chart svg rect.bar-cost").count() > 0, true);
});

test("an amount that is not a number gets its message beside the field; full-width digits with commas are kept", async () => {
  const page = await browser.open("sakura", "#/costs");
  const tuition = page.locator('[data-path="trainees[0].tuition"]');
  await tuition.fill("九十万");
  const message = page.locator("#field-trainees-0-tuition-message");
  await message.waitFor();
  assert.match(await message.textContent(), /「九十万」は金額として読めません/);
  assert.equal(await tuition.getAttribute("aria-invalid"), "true");
  await tuition.fill("９００，０００");
  await message.waitFor({ state: "detached" });
  assert.equal(await tuition.getAttribute("aria-invalid"), "false");
  const checked = (await calls(page, "set_trainee_field")).at(-1);
  assert.deepEqual(checked.args, { index: 0, field: "tuition", value: "９００，０００", asNurse: false, dryRun: true }, "checked as typed, not saved");
  await tuition.press("Tab");
  await page.waitForFunction(() => window.__calls.at(-1)?.args?.dryRun === false);
  const saved = (await calls(page, "set_trainee_field")).at(-1);
  assert.deepEqual(saved.args, { index: 0, field: "tuition", value: "９００，０００", asNurse: false, dryRun: false }, "saved on leaving the field");
});

test("nothing is checked while an IME is composing; the composed text is checked once at the end", async () => {
  const page = await browser.open("sakura", "#/costs");
  const field = page.locator('[data-path="trainees[0].admission"]');
  await field.focus();
  const before = (await calls(page, "set_trainee_field")).length;
  await field.evaluate((input) => {
    input.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true }));
    for (const text of ["ｊ", "じゅ", "じゅうまん"]) {
      input.value = text;
      input.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, data: text }));
    }
  });
  assert.equal((await calls(page, "set_trainee_field")).length, before, "no check while composing");
  assert.equal(await page.locator("#field-trainees-0-admission-message").count(), 0, "no message while composing");
  await field.evaluate((input) => {
    input.value = "１００，０００";
    input.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "１００，０００" }));
  });
  await page.waitForFunction((n) => window.__calls.filter((c) => c.cmd === "set_trainee_field").length > n, before);
  const last = (await calls(page, "set_trainee_field")).at(-1);
  assert.equal(last.args.value, "１００，０００");
  assert.equal(await page.locator("#field-trainees-0-admission-message").count(), 0);
});

test("書類作成 links each finding to its field, and the Excel export goes through the save dialog", async () => {
  const page = await browser.open("sakura", "#/documents");
  await page.getByRole("button", { name: "Excelに書き出す" }).click();
  await page.getByText("/home/kango/申請書.xlsx に書き出しました").waitFor();
  const exported = (await calls(page, "export_workbook")).at(-1);
  assert.deepEqual(exported.args, { path: "/home/kango/申請書.xlsx", draft: false });
  assert.equal((await calls(page, "plugin:dialog|save")).length, 1);
  await page.getByRole("button", { name: "フォルダを開く" }).click();
  await page.waitForFunction(() => window.__calls.some((c) => c.cmd === "open_folder"));
  // The example needs the 開設者 confirmed? Whatever it lacks, each finding is a link to its screen.
  const links = page.locator("ul.findings a");
  if ((await links.count()) > 0) {
    const href = await links.first().getAttribute("href");
    await links.first().click();
    await page.waitForFunction((href) => location.hash === href, href);
  }
});

test("a link to a field opens its screen with the cursor in that field", async () => {
  const page = await browser.open("sakura", "#/costs?path=" + encodeURIComponent("trainees[0].other_income"));
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-path") === "trainees[0].other_income");
});

test("the keyboard alone moves between screens and fills a field", async () => {
  const page = await browser.open("sakura");
  await page.keyboard.press("Alt+5");
  await page.locator("main h1", { hasText: "経費" }).waitFor();
  await page.keyboard.press("Alt+2");
  await page.locator("main h1", { hasText: "病院情報" }).waitFor();
  // Tab from the title reaches the first field of the screen and typing saves it.
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.getAttribute("data-path") === "hospital.name");
  }
  assert.ok(reached, "Tab reaches 病院名");
  await page.keyboard.press("End");
  await page.keyboard.type("分院");
  await page.waitForFunction(() => window.__calls.some((c) => c.cmd === "set_hospital_field" && String(c.args.value).endsWith("分院")));
  // The focused element is always visible with an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
});

test("the screens fit 1366×768 without a horizontal scroll bar", async () => {
  const page = await browser.open("sakura");
  for (const [screen] of SCREENS) {
    await page.click(`nav a[href="#/${screen}"]`);
    await page.locator("main h1").first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${screen} overflows by ${overflow}px`);
  }
});
