// 書類作成: what is missing or wrong, each linked to its field; the workbook through a save dialog, then the
// folder; the case file (JSON) out and in.
import { Notice } from "../components/field";
import { formatFiscalYear } from "../format";
import { ask } from "../components/dialog";
import { OutcomeNotice, useOutcome } from "../components/outcome";
import { api } from "../ipc";
import { linkTo, type ScreenId } from "../route";
import { apply, unsavedFields, useSnapshot } from "../state";
import { findingScreen } from "./hospital-row";
import { documentAfterApplication, ReportDocuments } from "./report-documents";

/** The lead's first words once the application is past 交付決定: the document the office files now. */
const LEAD_AFTER_APPLICATION = { change: "変更交付申請書と、", report: "精算の結果と実績報告書、それに" } as const;

export function Documents() {
  const { snapshot, program } = useSnapshot();
  const hospitalRow = program?.row_kind === "hospital";
  const case_ = snapshot!.case!;
  const findings = snapshot!.findings;
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const unsaved = unsavedFields();
  const [outcome, run] = useOutcome();
  const after = documentAfterApplication(snapshot!.status);
  const personal = hospitalRow ? "担当者の氏名や連絡先を含みます。" : "氏名や給与などの個人情報を含みます。";
  // Both programs of one hospital and 年度 would otherwise propose the same file name.
  const baseName = `${formatFiscalYear(case_.fiscal_year)}_${case_.hospital.name}${hospitalRow ? "_緩和ケア研修会" : ""}`.replace(/[\\/:*?"<>|\s]+/g, "_");

  const exportJson = () =>
    run(async () => {
      const path = await api.exportCaseJson(`${baseName}.json`);
      if (!path) return null;
      return { kind: "ok", text: `${path} に書き出しました。${personal}`, folder: true };
    });
  const exportWorkbook = (draft: boolean) =>
    run(async () => {
      const exported = await api.exportWorkbook(draft, `${baseName}${draft ? "_下書き" : ""}.xlsx`);
      if (!exported) return null;
      const notes = exported.open_points.length > 0 ? `\n確認が必要な事項 ${exported.open_points.length}件を別紙1に記載しました。` : "";
      return { kind: "ok", text: `${exported.path} に${draft ? "下書きを" : ""}書き出しました。${personal}${notes}`, folder: true };
    });
  const importJson = () =>
    run(async () => {
      if (!(await ask("いま開いている申請を、読み込むファイルの内容で置き換えます。いまの内容は履歴とバックアップに残ります。", "置き換える"))) return null;
      const snapshot = await api.importCaseJson();
      if (!snapshot) return null;
      await apply(Promise.resolve(snapshot));
      return { kind: "ok", text: "申請データを読み込みました。" };
    });

  return (
    <div class="screen">
      <h1 tabIndex={-1}>書類作成</h1>
      <p class="lead">
        {/* After the decision the document to file is the change or the report; the application stays below. */}
        {after && LEAD_AFTER_APPLICATION[after]}
        {hospitalRow
          ? "申請書類一式（交付申請書・事業計画書・所要額調書・支出予定額内訳）を作ります。"
          : "申請書類一式（交付申請書・事業計画書・所要額調書・支出予定額内訳・受講者名簿）を作ります。"}
      </p>
      <section class="card">
        <h2>提出前の確認</h2>
        {unsaved.length > 0 && (
          <>
            <h3 class="findings-title error">保存されていない入力（{unsaved.length}件）</h3>
            <ul class="findings unsaved">
              {unsaved.map((entry) => (
                <li class="error">
                  <a href={linkTo(entry.screen as ScreenId, entry.path)}>
                    {entry.label}の「{entry.text}」は保存されていません。{entry.message}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        {unsaved.length === 0 && errors.length === 0 && warnings.length === 0 ? (
          <Notice kind="ok">足りない項目はありません。書類を書き出せます。</Notice>
        ) : (
          <>
            {errors.length > 0 && (
              <>
                <h3 class="findings-title error">直す必要があるもの（{errors.length}件）</h3>
                <ul class="findings">
                  {errors.map((finding) => (
                    <li class="error">
                      <a href={linkTo(findingScreen(finding.section, finding.path), finding.path)}>{finding.message}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {warnings.length > 0 && (
              <>
                <h3 class="findings-title warning">確かめてほしいもの（{warnings.length}件）</h3>
                <ul class="findings">
                  {warnings.map((finding) => (
                    <li class="warning">
                      <a href={linkTo(findingScreen(finding.section, finding.path), finding.path)}>{finding.message}</a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
      <ReportDocuments />
      <section class="card">
        <h2>書き出す</h2>
        <div class="actions">
          <button type="button" class="primary" onClick={() => exportWorkbook(false)}>
            Excelに書き出す
          </button>
          {errors.length > 0 && (
            <button type="button" onClick={() => exportWorkbook(true)}>
              下書きとして書き出す
            </button>
          )}
          <button type="button" onClick={exportJson}>
            JSONで書き出す
          </button>
          <button type="button" onClick={importJson}>
            JSONを読み込む
          </button>
        </div>
        <OutcomeNotice outcome={outcome} run={run} />
        <p class="privacy">
          {hospitalRow
            ? "書き出したファイルには担当者の氏名や連絡先が含まれます。保存場所と受け渡しの方法に気をつけてください。"
            : "書き出したファイルには受講者の氏名や給与などの個人情報が含まれます。保存場所と受け渡しの方法に気をつけてください。"}
        </p>
      </section>
    </div>
  );
}
