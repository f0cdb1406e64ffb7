// The steps of a 年度 after the application, through the real 進行状況 forms and 経費 as a user fills them:
// shared by the end-to-end tests of a whole 年度 (year.test.mjs) and of receipts (receipts.test.mjs), and the
// screenshots.

/** Replaces what a field holds as a user does: the cursor in it with its text selected, then typing over it.
 * WebDriver's clear is not used: it fires a change of its own, and the field shows the stored value again before
 * the typing. */
export async function replace(app, selector, text) {
  const id = await app.find(selector);
  await app.execute("const e = document.querySelector(arguments[0]); e.focus(); e.select();", [selector]);
  await app.command("POST", `/element/${id}/value`, { text });
}

/** Fills a form of 進行状況 (by its title) and sends it; waits until the timeline shows `status`. */
export async function step(app, title, values, status) {
  await app.go("progress");
  for (const [name, text] of Object.entries(values)) {
    await replace(app, `form[aria-label="${title}"] [name="${name}"]`, text);
  }
  await app.click(`form[aria-label="${title}"] button[type=submit]`);
  if (status) await app.find(`.timeline li[aria-current="step"][data-status="${status}"]`);
}

export async function submit(app) {
  await step(app, "提出を記録する", { submitted_on: "R6.5.10" }, "submitted");
}

/** 交付決定 of 2,000,000円: less than the 2,300,000円 asked. */
export async function recordDecision(app) {
  await step(app, "交付決定を記録する", { decided_on: "令和6年7月1日", number: "6保医政第1234号", amount: "２，０００，０００" }, "decided");
}

export async function requestChange(app) {
  await step(app, "変更交付申請を始める", { requested_on: "2024-11-01", reason: "受講料の改定により、計画の額を見直すため" }, "change_requested");
}

export async function recordChangeDecision(app) {
  await step(app, "変更交付決定を記録する", { decided_on: "R6.12.10", number: "6保医政第2345号", amount: "2,250,000" }, "decided");
}

export async function startReport(app) {
  await app.go("progress");
  await app.click('.card button.primary:not([type=submit])');
  await app.find('.timeline li[aria-current="step"][data-status="reporting"]');
}

/** The report's own fields of 看護 花子 on 受講者. */
export async function reportFields(app) {
  await app.go("trainees");
  await app.click('[data-path="trainees[0].report.course_status"] option[value="completed"]');
  await app.type('[data-path="trainees[0].report.completed_on"]', "令和7年3月14日");
  await app.type('[data-path="trainees[0].report.outcome"]', "緩和ケア認定看護師教育課程を修了し、病棟の疼痛管理の手順を見直した。");
  await app.click("main h1");
}

/** Types a receipt into the row under an item's receipts on 経費 (the first trainee) and adds it, as a user does;
 * waits until the item's total reads `total`. `label` is the item as the form names it (受講料, 認定審査料…). */
export async function addReceipt(app, item, label, receipt, total) {
  for (const field of ["paid_on", "payee", "description", "amount"]) {
    await app.type(`#new-receipt-0-${item}-${field}`, receipt[field]);
  }
  await app.click(`form[aria-label="${label}の領収書を追加"] button[type=submit]`);
  await app.waitForText(`[data-figure="receipts.${item}"]`, total);
}
