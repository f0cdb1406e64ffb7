// 進行状況 and the screens of the application's life in Chromium, on the mock backend (mock-lifecycle.ts): the
// timeline and the next step with its due date, each form moving the application on (a refused text kept with
// its message beside the field), 一つ前に戻す asked in the page, frozen fields disabled with the reason, 計画と実績,
// the report fields on 受講者, the 精算 and the report workbook on 書類作成, and a figure's 「履歴」.
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
const open = (status, hash = "#/progress", extra = "") =>
  browser.open(`sakura${status ? `&status=${status}` : ""}${extra}`, hash);

test("進行状況 opens from its link: every 年度 with its 状態, the timeline at 作成中 and the next step", async () => {
  const page = await open(null, "#/welcome");
  await page.click('nav a[href="#/progress"]');
  await page.locator("main h1", { hasText: "進行状況" }).waitFor();
  await page.locator("table.years tbody tr").first().waitFor();
  assert.equal(await page.locator("table.years tbody tr").count(), 2);
  assert.match(await page.locator('table.years tr[data-year="2024"]').textContent(), /作成中.*提出したことを記録する/);
  assert.match(await page.locator('table.years tr[data-year="2023"]').textContent(), /確定/);
  assert.equal(await page.locator('.timeline li[aria-current="step"]').getAttribute("data-status"), "draft");
  assert.equal(await page.locator(".timeline li").count(), 7);
  assert.deepEqual(page.errors, []);
});

test("a 提出日 that is not a date is refused beside the field and kept; a 和暦 date submits and freezes the figures", async () => {
  const page = await open(null);
  const form = page.locator('form[aria-label="提出を記録する"]');
  await form.locator('input[name="submitted_on"]').fill("来週");
  await form.locator("button[type=submit]").click();
  const message = form.locator('.field.invalid .message[role="alert"]');
  await message.waitFor();
  assert.match(await message.textContent(), /提出日「来週」は日付として読めません/);
  assert.equal(await form.locator('input[name="submitted_on"]').inputValue(), "来週");

  await form.locator('input[name="submitted_on"]').fill("R6.5.10");
  await form.locator("button[type=submit]").click();
  await page.locator('.timeline li[aria-current="step"][data-status="submitted"]').waitFor();
  assert.deepEqual((await calls(page, "advance")).at(-1).args.step, { kind: "submit", submitted_on: "R6.5.10" });
  assert.match(await page.locator('.timeline li[data-status="submitted"]').textContent(), /令和6年5月10日/);

  // Frozen: 経費 says why and its fields cannot be typed in.
  await page.click('nav a[href="#/costs"]');
  await page.locator("main h1", { hasText: "経費" }).waitFor();
  assert.match(await page.locator("p.notice.frozen").textContent(), /「提出済」のため、内容を変えられません/);
  assert.equal(await page.locator('[data-path="trainees[0].tuition"]').isDisabled(), true);
  assert.match(await page.locator('[data-path="trainees[0].tuition"]').getAttribute("title"), /提出済/);
  assert.deepEqual(page.errors, []);
});

test("交付決定 lower than asked is recorded; the 変更交付申請 is then said to be needed, with 計画と実績", async () => {
  const page = await open("submitted");
  const form = page.locator('form[aria-label="交付決定を記録する"]');
  await form.locator('input[name="decided_on"]').fill("令和6年7月1日");
  await form.locator('input[name="number"]').fill("6保医政第1234号");
  await form.locator('input[name="amount"]').fill("abc");
  await form.locator("button[type=submit]").click();
  await form.locator(".field.invalid").waitFor();
  assert.match(await form.locator(".field.invalid label").textContent(), /交付決定額/);
  await form.locator('input[name="amount"]').fill("２，０００，０００");
  await form.locator("button[type=submit]").click();
  await page.locator('.timeline li[aria-current="step"][data-status="decided"]').waitFor();
  assert.match(await page.locator('[data-record="initial"]').textContent(), /令和6年7月1日 6保医政第1234号 2,000,000円/);
  // The history of the 状態 where the records are.
  await page.getByRole("button", { name: "履歴" }).click();
  assert.match(await page.locator("#history-lifecycle").textContent(), /管理者 状態: 提出済 → 交付決定/);
  assert.match(await page.locator(".notice.error").first().textContent(), /変更交付申請が必要です.*2,300,000円.*2,000,000円/);
  // 計画と実績: the submitted plan beside the plan as it stands.
  assert.equal(await page.locator('[data-figure="0.tuition.planned"]').textContent(), "900,000円");
  assert.equal(await page.locator('[data-figure="total.planned"]').textContent(), "2,300,000円");
  assert.equal(await page.locator('[data-figure="total.difference"]').textContent(), "±0円");
  assert.deepEqual(page.errors, []);
});

test("an overdue step is shown in red with its due date", async () => {
  const page = await open("decided", "#/progress", "&overdue=1");
  const step = page.locator('.next-steps li[data-step="request_change"]');
  await step.waitFor();
  assert.match(await step.getAttribute("class"), /overdue/);
  assert.match(await step.textContent(), /期限 令和7年3月31日.*期限を過ぎています/);
  const color = await step.locator(".due").evaluate((element) => getComputedStyle(element).color);
  assert.equal(color, "rgb(179, 38, 30)");
  assert.match(await page.locator('table.years tr[data-year="2024"] td.overdue').textContent(), /期限切れ/);
});

test("変更交付申請 starts from 交付決定; its 変更交付決定 brings the application back to 交付決定 with the new amount", async () => {
  const page = await open("decided");
  const form = page.locator('form[aria-label="変更交付申請を始める"]');
  await form.locator('input[name="requested_on"]').fill("2024-11-01");
  await form.locator('textarea[name="reason"]').fill("受講料の増額のため");
  await form.locator("button[type=submit]").click();
  await page.locator('.timeline li[aria-current="step"][data-status="change_requested"]').waitFor();
  // The rows are editable again (the 変更後 plan).
  await page.click('nav a[href="#/costs"]');
  await page.locator("main h1", { hasText: "経費" }).waitFor();
  assert.equal(await page.locator('[data-path="trainees[0].tuition"]').isDisabled(), false);
  await page.click('nav a[href="#/documents"]');
  await page.getByRole("button", { name: "変更交付申請書を書き出す" }).click();
  await page.locator(".outcome .notice.ok").waitFor();
  assert.equal((await calls(page, "export_change_request")).length, 1);

  await page.click('nav a[href="#/progress"]');
  const decision = page.locator('form[aria-label="変更交付決定を記録する"]');
  await decision.locator('input[name="decided_on"]').fill("R6.12.10");
  await decision.locator('input[name="number"]').fill("6保医政第2345号");
  await decision.locator('input[name="amount"]').fill("2300000");
  await decision.locator("button[type=submit]").click();
  await page.locator('.timeline li[aria-current="step"][data-status="decided"]').waitFor();
  assert.match(await page.locator('[data-record="change"]').textContent(), /2,300,000円/);
  assert.match(await page.locator('.timeline li[data-status="change_requested"]').getAttribute("class"), /done/);
});

test("一つ前に戻す asks in the page: やめる keeps the 状態, 一つ前に戻す steps back", async () => {
  const page = await open("submitted");
  await page.getByRole("button", { name: "一つ前に戻す" }).click();
  await page.locator("dialog.ask[open]").waitFor();
  assert.match(await page.locator("#ask-message").textContent(), /「提出済」から「作成中」に戻します/);
  await page.locator("dialog.ask button:not(.danger)").click();
  assert.equal((await calls(page, "advance")).length, 0);
  await page.getByRole("button", { name: "一つ前に戻す" }).click();
  await page.locator("dialog.ask[open] button.danger").click();
  await page.locator('.timeline li[aria-current="step"][data-status="draft"]').waitFor();
  assert.deepEqual((await calls(page, "advance")).at(-1).args.step, { kind: "step_back" });
});

test("a report: 受講者 asks the 受講状況 and dates, 書類作成 shows the 精算 and writes the 実績報告書", async () => {
  const page = await open("reporting", "#/trainees");
  await page.locator("main h1", { hasText: "受講者" }).waitFor();
  await page.getByText("看護 花子さんの実績").waitFor();
  // A trainee who withdrew is kept and marked 中途退学: the report offers no 削除, and says so.
  assert.equal(await page.getByRole("button", { name: "看護 花子さんを削除" }).count(), 0);
  assert.match(await page.locator(".withdrawn-hint").textContent(), /「中途退学」にします/);
  await page.selectOption('[data-path="trainees[0].report.course_status"]', "completed");
  await page.locator('[data-path="trainees[0].report.completed_on"]').fill("2025-03-14");
  await page.locator('[data-path="trainees[0].report.completed_on"]').press("Tab");
  const reports = (await calls(page, "edit_case")).filter((call) => call.args.edit.kind === "set_trainee_report");
  assert.ok(reports.some((call) => call.args.edit.field === "status" && call.args.edit.text === "completed"));
  await page.waitForFunction(() =>
    window.__calls.some((c) => c.cmd === "edit_case" && c.args.edit.field === "completed_on" && !c.args.dryRun),
  );

  await page.click('nav a[href="#/documents"]');
  await page.locator('[data-figure="settle.total"]').waitFor();
  assert.equal(await page.locator('[data-figure="settle.total"]').textContent(), "2,300,000円");
  assert.equal(await page.locator('[data-figure="settle.decided"]').textContent(), "2,000,000円");
  assert.equal(await page.locator('[data-figure="settle.confirmed"]').textContent(), "2,000,000円");
  assert.equal(await page.locator('[data-figure="settle.received"]').textContent(), "1,000,000円");
  assert.equal(await page.locator('[data-figure="settle.difference"]').textContent(), "△1,000,000円");
  assert.match(await page.locator(".card").filter({ hasText: "精算額合計" }).textContent(), /1,000,000円を精算払として請求します/);
  await page.getByRole("button", { name: "実績報告書を書き出す" }).click();
  await page.locator(".outcome .notice.ok").waitFor();
  assert.match((await calls(page, "export_report"))[0].args.fileName, /実績報告書\.xlsx$/);
  assert.deepEqual(page.errors, []);
});

test("「履歴」 beside a cost shows who changed it, old → new", async () => {
  const page = await open(null, "#/costs");
  const tuition = page.locator('[data-path="trainees[0].tuition"]');
  await tuition.fill("950000");
  await tuition.press("Tab");
  await page.waitForFunction(() => window.__calls.some((c) => c.cmd === "edit_case" && c.args.edit.field === "tuition" && !c.args.dryRun));
  const field = page.locator(".field", { has: tuition });
  await field.getByRole("button", { name: "履歴" }).click();
  const list = field.locator(".history-list");
  await list.waitFor();
  assert.match(await list.textContent(), /管理者.*受講料 900,000円 → 受講料 950,000円/);
  assert.deepEqual((await calls(page, "figure_history"))[0].args, { index: 0, item: "tuition" });
});

test("進行状況 and the report's screens fit 1366×768 without a horizontal scroll bar, in every 状態", async () => {
  for (const status of ["draft", "submitted", "decided", "change_requested", "reporting", "reported", "settled"]) {
    const page = await open(status, "#/progress", "&overdue=1");
    await page.locator(".timeline").waitFor();
    for (const screen of ["progress", "documents", "trainees", "costs"]) {
      await page.click(`nav a[href="#/${screen}"]`);
      await page.locator("main h1").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${screen} at ${status} overflows by ${overflow}px`);
    }
    assert.deepEqual(page.errors, [], status);
    await page.close();
  }
});
