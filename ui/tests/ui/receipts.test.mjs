// A 実績報告's receipts on 経費 and 受講者用 (components/receipts.tsx) in Chromium, the IPC mocked (?start=report:
// the example's trainee with two receipts of 受講料, one without a 支払先). What is typed is sent as typed (the
// library reads 和暦 and full-width digits); a refused amount stays on its field as 未保存; a deletion is undone;
// attached files are listed by name.
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
  page.evaluate((kind) => window.__calls.filter((call) => call.cmd === "edit_case" && call.args.edit.kind === kind), kind);
const tuition = (page) => page.locator('.receipts[data-item="tuition"]');

test("経費 of a report lists each item's receipts, the amount as their sum, and a finding beside its receipt", async () => {
  const page = await browser.open("report", "#/costs");
  const table = tuition(page);
  await table.waitFor();
  assert.equal(await table.locator("tbody tr[data-receipt]").count(), 2);
  assert.equal(await page.locator('[data-figure="receipts.tuition"]').textContent(), "領収書2件の合計 900,000円");
  assert.equal(await page.locator('[data-path="trainees[0].receipts[0].payee"]').inputValue(), "聖路加国際大学");
  assert.equal(await page.locator('[data-path="trainees[0].receipts[0].paid_on"]').inputValue(), "令和6年4月10日");
  // The 受講料 field above is their sum, not typed.
  assert.equal(await page.locator('[data-path="trainees[0].tuition"]').isDisabled(), true);
  const finding = table.locator("tr.receipt-findings li.warning");
  assert.match(await finding.textContent(), /支払先が書かれていません/);
  // Right under the receipt it concerns.
  assert.equal(await table.locator('tr[data-receipt="1"] + tr.receipt-findings').count(), 1);
  assert.deepEqual(page.errors, []);
});

test("a finding about a receipt in 書類作成 opens 経費 with the cursor in that receipt", async () => {
  const page = await browser.open("report", "#/documents");
  await page.locator(".findings li.warning a", { hasText: "支払先が書かれていません" }).click();
  await page.locator("main h1", { hasText: "経費" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-path") === "trainees[0].receipts[1].paid_on");
  await page.evaluate(() => (location.hash = "#/costs?path=" + encodeURIComponent("trainees[0].receipts[1].payee")));
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-path") === "trainees[0].receipts[1].payee");
});

test("a receipt is added as typed (和暦, full-width digits) and the item's sum follows", async () => {
  const page = await browser.open("report", "#/costs");
  const form = page.locator('form[aria-label="入学料の領収書を追加"]');
  await form.locator("input").nth(0).fill("令和６年４月１日");
  await form.locator("input").nth(1).fill("聖路加国際大学");
  await form.locator("input").nth(2).fill("入学金");
  await form.locator("input").nth(3).fill("１００，０００");
  await form.getByRole("button", { name: "領収書を追加" }).click();
  await page.locator('.receipts[data-item="admission"] tbody tr[data-receipt]').waitFor();
  const added = (await edits(page, "add_receipt")).at(-1);
  assert.deepEqual(added.args, {
    edit: { kind: "add_receipt", index: 0, item: "admission", paid_on: "令和６年４月１日", payee: "聖路加国際大学", description: "入学金", amount: "１００，０００" },
    dryRun: false,
    asNurse: false,
  });
  assert.equal(await page.locator('[data-figure="receipts.admission"]').textContent(), "領収書1件の合計 100,000円");
  assert.equal(await form.locator("input").nth(0).inputValue(), "", "the form is empty for the next one");
});

test("a receipt refused when added keeps what was typed, with the reason", async () => {
  const page = await browser.open("report", "#/costs");
  const form = page.locator('form[aria-label="入学料の領収書を追加"]');
  await form.locator("input").nth(0).fill("来週");
  await form.locator("input").nth(3).fill("100000");
  await form.getByRole("button", { name: "領収書を追加" }).click();
  const message = form.locator(".message");
  await message.waitFor();
  assert.match(await message.textContent(), /「来週」は日付として読めません/);
  assert.equal(await form.locator("input").nth(0).getAttribute("aria-invalid"), "true");
  assert.equal(await form.locator("input").nth(0).inputValue(), "来週");
  assert.equal(await form.locator("input").nth(3).inputValue(), "100000");
  assert.equal(await page.locator('.receipts[data-item="admission"] tbody tr[data-receipt]').count(), 0);
});

test("a receipt's amount is edited in place; a refused one stays 未保存 and is listed in 書類作成", async () => {
  const page = await browser.open("report", "#/costs");
  const amount = page.locator('[data-path="trainees[0].receipts[0].amount"]');
  await amount.fill("四十万");
  const message = page.locator("#field-trainees-0-receipts-0-amount-message");
  await message.waitFor();
  assert.match(await message.textContent(), /「四十万」は金額として読めません/);
  assert.equal(await tuition(page).locator(".badge.unsaved").count(), 1);
  await page.click('nav a[href="#/documents"]');
  await page.locator(".findings.unsaved li", { hasText: "四十万" }).waitFor();
  await page.click('nav a[href="#/costs"]');
  assert.equal(await amount.inputValue(), "四十万", "what was typed is still there");
  await amount.fill("４００，０００");
  await amount.press("Tab");
  await page.waitForFunction(() =>
    window.__calls.some((c) => c.cmd === "edit_case" && c.args.edit.kind === "set_receipt" && c.args.edit.text === "４００，０００" && c.args.dryRun === false),
  );
  await page.locator('[data-figure="receipts.tuition"]', { hasText: "850,000円" }).waitFor();
  assert.equal(await tuition(page).locator(".badge.unsaved").count(), 0);
});

test("a receipt deleted in one click is put back by 元に戻す", async () => {
  const page = await browser.open("report", "#/costs");
  await tuition(page).locator('tr[data-receipt="0"] button.danger').click();
  await page.locator(".undo", { hasText: "受講料の領収書" }).waitFor();
  assert.equal(await tuition(page).locator("tbody tr[data-receipt]").count(), 1);
  assert.equal(await page.locator('[data-figure="receipts.tuition"]').textContent(), "領収書1件の合計 450,000円");
  await page.getByRole("button", { name: "元に戻す" }).click();
  await page.locator('[data-figure="receipts.tuition"]', { hasText: "900,000円" }).waitFor();
  const restored = (await edits(page, "restore_receipt")).at(-1).args.edit;
  assert.equal(restored.receipt, 0);
  assert.equal(restored.value.payee, "聖路加国際大学");
});

test("a file is attached to a receipt through the open dialog, listed by name, and removed after asking", async () => {
  const page = await browser.open("report", "#/costs");
  await page.evaluate(() => (window.__openAnswer = "/home/kango/スキャン/領収書_前期.pdf"));
  await tuition(page).locator('tr[data-receipt="0"]').getByRole("button", { name: "ファイルを添付" }).click();
  const listed = tuition(page).locator('tr[data-receipt="0"] [data-attachment="領収書_前期.pdf"]');
  await listed.waitFor();
  assert.match(await listed.textContent(), /5,120 KB/);
  assert.deepEqual((await calls(page, "attach_receipt_file")).at(-1).args, { index: 0, receipt: 0, asNurse: false });
  // A cancelled dialog attaches nothing.
  await page.evaluate(() => (window.__openAnswer = null));
  await tuition(page).locator('tr[data-receipt="1"]').getByRole("button", { name: "ファイルを添付" }).click();
  assert.equal(await tuition(page).locator('tr[data-receipt="1"] [data-attachment]').count(), 0);

  // Deleting a receipt with a file asks first (元に戻す cannot bring the file back); やめる keeps both.
  await tuition(page).locator('tr[data-receipt="0"] button.danger').click();
  await page.locator("dialog.ask[open]", { hasText: "領収書_前期.pdf" }).waitFor();
  await page.getByRole("button", { name: "やめる" }).click();
  assert.equal(await tuition(page).locator("tbody tr[data-receipt]").count(), 2);

  await listed.getByRole("button", { name: "領収書_前期.pdfを外す" }).click();
  await page.locator("dialog.ask[open]").waitFor();
  await page.locator("dialog.ask button.danger").click();
  await listed.waitFor({ state: "detached" });
  assert.equal((await calls(page, "remove_attachment")).length, 1);
});

test("the receipt files are exported into the folder the dialog gave, their names listed", async () => {
  const page = await browser.open("report", "#/costs");
  await page.evaluate(() => (window.__openAnswer = "/home/kango/領収書.pdf"));
  await tuition(page).locator('tr[data-receipt="0"]').getByRole("button", { name: "ファイルを添付" }).click();
  await tuition(page).locator("[data-attachment]").waitFor();
  await page.evaluate(() => (window.__saveAnswer = "/home/kango/領収書等の写し"));
  await page.getByRole("button", { name: "領収書のファイルをフォルダに書き出す" }).click();
  await page.locator(".receipts-export .notice", { hasText: "看護花子_受講料_2024-04-10.pdf" }).waitFor();
});

test("受講者用 shows the same receipts to the nurse, and her edits carry her name", async () => {
  const page = await browser.open("report", "#/nurse");
  await tuition(page).waitFor();
  assert.equal(await tuition(page).locator("tbody tr[data-receipt]").count(), 2);
  // Her figure in a report is the settled one, not an estimate.
  assert.equal(await page.locator("aside.live h2").textContent(), "実績での補助額（精算額）");
  assert.match(await page.locator("aside.live").textContent(), /確定する額は交付決定額までです/);
  const form = page.locator('form[aria-label="その他の経費（教材費・交通費など）の領収書を追加"]');
  await form.locator("input").nth(0).fill("R6.6.1");
  await form.locator("input").nth(1).fill("丸善");
  await form.locator("input").nth(2).fill("教科書");
  await form.locator("input").nth(3).fill("3,300");
  await form.getByRole("button", { name: "領収書を追加" }).click();
  await page.locator('[data-figure="receipts.other_costs"]', { hasText: "3,300円" }).waitFor();
  assert.equal((await edits(page, "add_receipt")).at(-1).args.asNurse, true);
  await page.locator('[data-path="trainees[0].receipts[2].payee"]').fill("丸善書店");
  await page.waitForFunction(() => window.__calls.some((c) => c.cmd === "edit_case" && c.args.edit.kind === "set_receipt" && c.args.asNurse === true));
  await page.evaluate(() => (window.__openAnswer = "/home/kango/レシート.jpg"));
  await page.locator('.receipts[data-item="other_costs"] tr[data-receipt="2"]').getByRole("button", { name: "ファイルを添付" }).click();
  await page.locator('[data-attachment="レシート.jpg"]').waitFor();
  assert.equal((await calls(page, "attach_receipt_file")).at(-1).args.asNurse, true);
});

test("an application (not a report) shows no receipts", async () => {
  const page = await browser.open("sakura", "#/costs");
  await page.locator("main h1", { hasText: "経費" }).waitFor();
  assert.equal(await page.locator(".receipts").count(), 0);
  assert.equal(await page.locator('[data-path="trainees[0].tuition"]').isDisabled(), false);
});

test("the report's receipts fit 1366×768 without a horizontal scroll bar", async () => {
  for (const screen of ["costs", "nurse"]) {
    const page = await browser.open("report", `#/${screen}`);
    await tuition(page).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${screen}: ${overflow}px wider than the window`);
  }
});

test("reading a nurse's cost sheet of a report lists the receipts it adds and removes before reading", async () => {
  const page = await browser.open("report", "#/nurse");
  await page.getByRole("button", { name: "受け取った費用の記録を読み込む" }).click();
  const dialog = page.locator("dialog.ask[open]");
  await dialog.waitFor();
  const text = await dialog.textContent();
  assert.match(text, /領収書を追加: 令和6年12月1日 聖路加国際大学 実習費 30,000円/);
  assert.match(text, /領収書を削除: 令和6年10月10日 支払先なし 後期授業料 450,000円/);
  assert.match(text, /添付ファイル 1件も削除されます/);
  await page.getByRole("button", { name: "読み込む", exact: true }).click();
  await page.getByText("看護 花子さんの費用の記録を読み込みました（4件の変更）").waitFor();
});

test("a receipt entered under the wrong item is moved to another, both sums following", async () => {
  const page = await browser.open("report", "#/costs");
  await page.locator('[data-path="trainees[0].receipts[1].item"]').selectOption("admission");
  await page.locator('.receipts[data-item="admission"] tbody tr[data-receipt="1"]').waitFor();
  assert.equal(await page.locator('[data-figure="receipts.admission"]').textContent(), "領収書1件の合計 450,000円");
  assert.equal(await page.locator('[data-figure="receipts.tuition"]').textContent(), "領収書1件の合計 450,000円");
  const moved = (await edits(page, "set_receipt")).at(-1).args.edit;
  assert.deepEqual(moved, { kind: "set_receipt", index: 0, receipt: 1, field: "item", text: "admission" });
});

test("once the report is submitted (実績報告済) its receipts are listed but no longer added, moved, deleted or attached to", async () => {
  const page = await browser.open("report&status=reported", "#/costs");
  const table = tuition(page);
  await table.waitFor();
  assert.equal(await table.locator("tbody tr[data-receipt]").count(), 2);
  assert.equal(await page.locator('[data-path="trainees[0].receipts[0].amount"]').isDisabled(), true);
  assert.equal(await page.locator('[data-path="trainees[0].receipts[0].item"]').isDisabled(), true);
  assert.equal(await page.getByRole("button", { name: "領収書を追加" }).count(), 0);
  assert.equal(await table.getByRole("button", { name: /削除/ }).count(), 0);
  assert.equal(await table.getByRole("button", { name: "ファイルを添付" }).count(), 0);
  // The folder of receipt files is still exported for the 領収書等の写し.
  assert.equal(await page.getByRole("button", { name: /領収書のファイルを/ }).count(), 1);
  assert.deepEqual(page.errors, []);
});
