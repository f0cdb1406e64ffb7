// Prepares the example application (examples/sakura-hospital.json's figures) through the real screens, as a user
// would with the keyboard and mouse: shared by the end-to-end test and the screenshots.

export const HOSPITAL = "医療法人社団 例会 さくら病院";

export async function startApplication(app) {
  await app.type("#start-name", HOSPITAL);
  await app.click('#start-year option[value="2024"]');
  await app.click(".start-form button[type=submit]");
  await app.waitForText("main h1", "病院情報");
}

export async function fillHospital(app) {
  await app.type('[data-path="hospital.address"]', "東京都新宿区西新宿二丁目8番1号");
  await app.click('[data-path="hospital.founder_type"] option[value="medical_corporation"]');
  await app.type('[data-path="hospital.beds"]', "１２０");
  await app.type('[data-path="hospital.representative"]', "理事長 東京 太郎");
  await app.type('[data-path="hospital.purpose"]', "地域の緩和ケア提供体制の強化のため、緩和ケア認定看護師を育成する。");
  await app.type('[data-path="hospital.contact.department"]', "看護部");
  await app.type('[data-path="hospital.contact.name"]', "東京 花子");
  await app.type('[data-path="hospital.contact.phone"]', "03-0000-0000");
  await app.type('[data-path="hospital.contact.email"]', "kango@example.jp");
  for (const [symbol, number, since] of [["地包ケア１", "第19号", "令和4年10月1日"], ["がん疼", "", ""]]) {
    await app.type("#filing-symbol", symbol);
    await app.type("#filing-number", number);
    await app.type("#filing-since", since);
    await app.click('form[aria-label="届出を追加"] button[type=submit]');
    await app.waitForText(".table", symbol);
  }
}

export async function addTrainee(app) {
  await app.go("trainees");
  await app.type("#new-trainee", "看護 花子");
  await app.click('#new-trainee-qualification option[value="palliative_care_cn"]');
  await app.type("#new-trainee-enrolled", "R6.4.8");
  await app.type("#new-trainee-ends", "令和7年3月14日");
  await app.click('form[aria-label="受講者を追加"] button[type=submit]');
  await app.find('[data-path="trainees[0].institution"]');
  await app.type('[data-path="trainees[0].institution"]', "日本看護協会看護研修学校");
  await app.type('[data-path="trainees[0].exam_fiscal_year"]', "2025");
}

export async function fillCosts(app) {
  await app.go("costs");
  await app.type('[data-path="trainees[0].admission"]', "１００，０００");
  await app.type('[data-path="trainees[0].tuition"]', "900,000");
  await app.click('[data-path="trainees[0].tuition_completed_in_year"]');
  await app.type('[data-path="trainees[0].salary"]', "3,600,000円");
  await app.type('[data-path="trainees[0].other_costs"]', "50000");
  await app.waitForText('[data-figure="I"]', "2,300,000円");
}

export async function fillExample(app) {
  await startApplication(app);
  await fillHospital(app);
  await addTrainee(app);
  await fillCosts(app);
}
