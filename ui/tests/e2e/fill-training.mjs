// Prepares an application of the 研修会 program (kanwa-training, issue 12) through the real screens, as a user would:
// the program chosen at はじめに, the hospital with its 協力病院 指定, one 研修会, the costs with 積算内訳 lines.
// Shared by the end-to-end test and the screenshots. The figures: D 456,000円, A 476,000円, I 456,000円.

export const TRAINING_HOSPITAL = "医療法人社団 例会 けやき総合病院";

/** はじめに → the 研修会 program for 令和6年度 (the start form, or the one behind 「別の年度・別の病院」). */
export async function startTraining(app, name = TRAINING_HOSPITAL) {
  await app.go("welcome");
  const inner = await app.execute("return Boolean(document.querySelector('details.card summary'))");
  if (inner) await app.click("details.card summary");
  const scope = inner ? "details.card " : "";
  await app.click(`${scope}input[type=radio][value="kanwa-training"]`);
  await app.type(`${scope}#start-name`, name);
  await app.click(`${scope}#start-year option[value="2024"]`);
  await app.click(`${scope}.start-form button[type=submit]`);
  await app.waitForText("main h1", "病院情報");
  await app.waitForText("nav.sidebar", "研修会");
}

export async function fillTrainingHospital(app) {
  await app.type('[data-path="hospital.address"]', "東京都立川市曙町二丁目1番1号");
  await app.click('[data-path="hospital.founder_type"] option[value="medical_corporation"]');
  await app.click('[data-path="hospital.designated_cooperating_hospital"] option[value="true"]');
  await app.type('[data-path="hospital.representative"]', "理事長 立川 一郎");
  await app.type('[data-path="hospital.purpose"]', "地域の医師等が緩和ケアの基本的な知識と技術を習得する機会をつくり、地域の緩和ケア提供体制を強化する。");
  await app.type('[data-path="hospital.contact.department"]', "緩和ケアセンター");
  await app.type('[data-path="hospital.contact.name"]', "多摩 和子");
  await app.type('[data-path="hospital.contact.phone"]', "042-000-0000");
  await app.type('[data-path="hospital.contact.email"]', "kanwa@example.jp");
}

export async function addTraining(app) {
  await app.go("trainings");
  await app.type("#new-training-title", "けやき総合病院 緩和ケア研修会");
  await app.type("#new-training-date", "令和6年10月12日");
  await app.click('form[aria-label="研修会を追加"] button[type=submit]');
  await app.find('[data-path="trainings[0].venue"]');
  await app.type('[data-path="trainings[0].venue"]', "本院講堂");
  await app.type('[data-path="trainings[0].planned_participants"]', "２４");
  await app.click('[data-path="trainings[0].follows_guideline"]');
  await app.waitForText("table.checks", "開催指針に準拠して開催します");
}

/** Types over what a field shows, as a user does (select it all, type): WebDriver's clear blurs the field, which
 * shows the stored 数量 「1」 again before the 「8」 typed after it. */
export async function typeOver(app, selector, text) {
  await app.click(selector);
  await app.execute(`document.querySelector(arguments[0]).select();`, [selector]);
  const id = await app.find(selector);
  await app.command("POST", `/element/${id}/value`, { text });
}

/** A line of an item's 積算内訳, typed field by field (the line is created by its button first). */
async function typeLine(app, item, index, [description, price, quantity, unit, amount]) {
  const at = (field) => `[data-path="workings.${item}[${index}].${field}"]`;
  await app.find(at("description"));
  await app.type(at("description"), description);
  await typeOver(app, at("unit_price"), price);
  await typeOver(app, at("quantity"), quantity);
  await app.type(at("unit"), unit);
  await app.waitForText(`[data-figure="line.${item}.${index}"]`, amount);
}

export async function fillTrainingCosts(app) {
  await app.go("costs");
  await app.click('.cost-item[data-item="lecturer_fee"] .cost-item-plain button');
  await typeLine(app, "lecturer_fee", 0, ["講師謝金", "30,000", "4", "人", "120,000円"]);
  await app.click('.cost-item[data-item="lecturer_fee"] .working-foot button');
  await typeLine(app, "lecturer_fee", 1, ["ファシリテーター謝金", "１５，０００", "8", "人", "120,000円"]);
  await app.click('.cost-item[data-item="lecturer_travel"] .cost-item-plain button');
  await typeLine(app, "lecturer_travel", 0, ["講師交通費", "6000", "4", "人", "24,000円"]);
  await app.type('[data-path="costs.venue"]', "50,000");
  await app.type('[data-path="costs.meeting_supplies"]', "３０，０００円");
  await app.click('.cost-item[data-item="postage"] .cost-item-plain button');
  await typeLine(app, "postage", 0, ["修了証書等の郵送", "500", "24", "通", "12,000円"]);
  await app.type('[data-path="costs.staff_cost"]', "100000");
  await app.type('[data-path="other_costs"]', "20,000");
  await app.waitForText('[data-figure="item.lecturer_fee"]', "240,000円");
  await app.waitForText('[data-figure="I"]', "456,000円");
}

export async function fillTrainingExample(app) {
  await startTraining(app);
  await fillTrainingHospital(app);
  await addTraining(app);
  await fillTrainingCosts(app);
}
