//! The layout of the report workbook (実績報告書, spec/workbook.md): sheet names, cells, labels and widths, all
//! here. The 都's numbering of this 様式 is not public; the number is one constant (`FORM_NUMBER`), so the
//! official one is a change of this file only.

use crate::program::RowKind;
use crate::workbook::case_sheet::CaseSheet;
use crate::workbook::layout::{Cell, a1, col};

/// 第6号様式: the number a prefectural 要綱 usually gives the 実績報告書 (a choice; see docs/workbook.md).
pub const FORM_NUMBER: &str = "第6号様式";

/// The order of the visible sheets (a row per trainee).
pub const SHEET_NAMES: [&str; 5] = [FORM.name, RESULTS.name, SETTLEMENT.name, RECEIPTS.name, ROSTER.name];

/// The order of the visible sheets of a program whose row is the hospital: 事業実績書 and 支出済額内訳 are the
/// application's 事業計画書 and 支出予定額内訳 with the report's words (hospital_row/layout.rs), no 名簿.
pub const HOSPITAL_SHEET_NAMES: [&str; 4] = [
    FORM.name,
    crate::workbook::hospital_row::layout::REPORT_RESULTS.name,
    SETTLEMENT.name,
    crate::workbook::hospital_row::layout::REPORT_BREAKDOWN.name,
];

/// 第6号様式's 添付書類 by the program's row kind.
pub fn attachments(row_kind: RowKind) -> &'static [&'static str] {
    match row_kind {
        RowKind::Trainee => FORM.attachment_names,
        RowKind::Hospital => &[
            "(1) 事業実績書（別紙1）",
            "(2) 精算額調書（別紙2）",
            "(3) 対象経費の支出済額内訳（別紙3）",
            "(4) 研修会の開催状況が分かる書類（プログラム・受講者名簿等）",
            "(5) 領収書等の写し",
        ],
    }
}

// ---------------------------------------------------------------------------------------------------------
// 第6号様式: 実績報告書 (A4 portrait)

pub struct Form {
    pub name: &'static str,
    pub widths: &'static [f64],
    pub print_last: Cell,
    pub draft: Cell,
    pub form_label: Cell,
    pub date: Cell,
    pub date_placeholder: &'static str,
    pub addressee: Cell,
    pub addressee_suffix: &'static str,
    pub address: (Cell, &'static str),
    pub hospital: (Cell, &'static str),
    pub representative: (Cell, &'static str),
    pub applicant_last_col: u16,
    pub title: Cell,
    pub body: Cell,
    pub text_last_col: u16,
    pub ki: (Cell, &'static str),
    /// 1 交付決定額 金 K 円 and 2 精算額 金 確定額 円: label, 金, the amount, 円.
    pub decided_label: (Cell, &'static str),
    pub decided: Cell,
    pub confirmed_label: (Cell, &'static str),
    pub confirmed: Cell,
    pub yen_prefix: &'static str,
    pub yen_suffix: &'static str,
    pub attachments_label: (Cell, &'static str),
    pub attachments: Cell,
    pub attachment_names: &'static [&'static str],
}

pub const FORM: Form = Form {
    name: "第6号様式_実績報告書",
    widths: &[2.0, 4.0, 14.0, 6.0, 18.0, 16.0, 16.0, 18.0, 2.0],
    print_last: a1("I32"),
    draft: a1("H1"),
    form_label: a1("B1"),
    date: a1("G3"),
    date_placeholder: "令和　　年　　月　　日",
    addressee: a1("B5"),
    addressee_suffix: "　殿",
    address: (a1("E7"), "所在地"),
    hospital: (a1("E8"), "名称"),
    representative: (a1("E9"), "代表者職氏名"),
    applicant_last_col: col("H"),
    title: a1("B12"),
    body: a1("B14"),
    text_last_col: col("H"),
    ki: (a1("B17"), "記"),
    decided_label: (a1("B19"), "１　交付決定額"),
    decided: a1("E19"),
    confirmed_label: (a1("B21"), "２　精算額"),
    confirmed: a1("E21"),
    yen_prefix: "金",
    yen_suffix: "円",
    attachments_label: (a1("B23"), "３　添付書類"),
    attachments: a1("C24"),
    attachment_names: &[
        "(1) 事業実績書（別紙1）",
        "(2) 精算額調書（別紙2）",
        "(3) 支出済額内訳（別紙3）",
        "(4) 受講者名簿（実績）（別紙4）",
        "(5) 領収書等の写し",
        "(6) 修了証書・認定証の写し",
    ],
};

impl Form {
    /// The cell of the hospital's name: right of its label (the merged cells start there).
    pub const fn hospital_value(&self) -> Cell {
        Cell::new(self.hospital.0.row, self.hospital.0.col + 1)
    }
}

/// 令和6年度東京都緩和ケア関連専門看護師等資格取得支援事業補助金実績報告書
pub fn form_title(year_name: &str, grant_name: &str) -> String {
    format!("{year_name}{grant_name}{FORM_TITLE_TAIL}")
}

pub const FORM_TITLE_TAIL: &str = "実績報告書";

/// 令和6年7月1日付6保医政第1234号で交付決定を受けた標記補助金について、関係書類を添えて報告します。
pub fn form_body(decided_on: &str, number: &str) -> String {
    format!("{decided_on}付{}で交付決定を受けた標記補助金について、関係書類を添えて報告します。", number.trim())
}

/// The defined names of the report (spec/workbook.md).
pub const NAME_DECIDED: &str = "交付決定額";
pub const NAME_CONFIRMED: &str = "確定額";
pub const NAME_SETTLED_TOTAL: &str = "精算額合計";
pub const NAME_DIFFERENCE: &str = "差引過不足額";

// ---------------------------------------------------------------------------------------------------------
// 別紙1: 事業実績書 (A4 portrait), a block per trainee

pub struct Results {
    pub name: &'static str,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: (Cell, &'static str),
    pub hospital: (Cell, &'static str),
    pub first_block_row: u32,
    pub label_col: u16,
    pub value_col: u16,
    /// The labels of a block's rows, after its heading.
    pub rows: [&'static str; 7],
    pub heading_prefix: &'static str,
    pub not_entered: &'static str,
    pub not_certified: &'static str,
    pub outcome_min_lines: usize,
}

pub const RESULTS: Results = Results {
    name: "別紙1_事業実績書",
    widths: &[2.0, 24.0, 20.0, 20.0, 20.0, 2.0],
    last_col: col("E"),
    draft: a1("E1"),
    sheet_label: (a1("B1"), "別紙1"),
    title: (a1("B2"), "事業実績書"),
    hospital: (a1("B4"), "病院名"),
    first_block_row: 5,
    label_col: col("B"),
    value_col: col("C"),
    rows: ["教育機関名", "課程", "受講期間", "受講状況", "修了年月日", "認定審査の結果", "事業の成果"],
    heading_prefix: "受講者",
    not_entered: "未記入",
    not_certified: "結果待ち（認定前）",
    outcome_min_lines: 3,
};

// ---------------------------------------------------------------------------------------------------------
// 別紙2: 精算額調書 (A4 landscape): the columns of 別紙2 所要額調書, on what was paid

pub struct Settlement {
    pub name: &'static str,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: Cell,
    pub hospital: (Cell, &'static str),
    pub unit: (Cell, &'static str),
    pub header_row: u32,
    pub first_row: u32,
    pub headers: [&'static str; 11],
    /// The first two headers where the row is the hospital (the rest as `headers`).
    pub hospital_headers: [&'static str; 2],
    /// Under the table (after one empty row): K, S, 確定額, R, 差引過(△)不足額, each (label, note).
    pub decided: (&'static str, &'static str),
    pub settled_total: (&'static str, &'static str),
    pub confirmed: (&'static str, &'static str),
    pub received: (&'static str, &'static str),
    pub difference: (&'static str, &'static str),
    /// 差引過(△)不足額's meaning, by its sign.
    pub to_return: &'static str,
    pub to_be_paid: &'static str,
    pub settled: &'static str,
    /// The columns of the summary: label (merged B..E), amount (F), note (G..L).
    pub summary_label_last_col: u16,
    pub summary_amount_col: u16,
    pub summary_note_col: u16,
}

pub const SETTLEMENT: Settlement = Settlement {
    name: "別紙2_精算額調書",
    draft: a1("L1"),
    sheet_label: (a1("B1"), "別紙2"),
    title: a1("B2"),
    hospital: (a1("B4"), "病院名"),
    unit: (a1("L5"), "（単位：円）"),
    header_row: 5,
    first_row: 6,
    headers: [
        "受講者氏名",
        "対象資格",
        "(A)\n総事業費",
        "(B)\n寄付金その他\nの収入額",
        "(C)\n差引額\n(A)－(B)",
        "(D)\n対象経費の\n実支出額",
        "(E)\n基準額",
        "(F)\n選定額",
        "(G)\n補助基本額",
        "(H)\n補助率",
        "(I)\n精算額",
    ],
    hospital_headers: ["報告者（病院名）", "事業"],
    decided: ("交付決定額", "交付決定通知書の額"),
    settled_total: ("精算額合計", "(I) 精算額の合計"),
    confirmed: ("確定額", "精算額合計と交付決定額の少ない方"),
    received: ("受入済額", "概算払などで既に受け入れた額"),
    difference: ("差引過(△)不足額", "受入済額－確定額"),
    to_return: "返還額",
    to_be_paid: "精算払の請求額（△）",
    settled: "過不足なし",
    summary_label_last_col: col("E"),
    summary_amount_col: col("F"),
    summary_note_col: col("G"),
};

/// 令和6年度 東京都緩和ケア関連専門看護師等資格取得支援事業 精算額調書
pub fn settlement_title(year_name: &str, program_name: &str) -> String {
    format!("{year_name}　{program_name}　精算額調書")
}

// ---------------------------------------------------------------------------------------------------------
// 別紙3: 支出済額内訳 (A4 landscape): per trainee and item, the receipts

pub struct Receipts {
    pub name: &'static str,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: (Cell, &'static str),
    pub hospital: (Cell, &'static str),
    pub unit: (Cell, &'static str),
    pub first_block_row: u32,
    pub number_col: u16,
    pub paid_on_col: u16,
    pub description_col: u16,
    pub payee_col: u16,
    pub amount_col: u16,
    pub standard_col: u16,
    pub selected_col: u16,
    pub note_col: u16,
    pub header: [&'static str; 8],
    /// 入学料　計
    pub item_total_suffix: &'static str,
    /// An item paid without receipts listed (an amount entered as a whole).
    pub no_receipts: &'static str,
    pub trainee_total: &'static str,
    pub heading_prefix: &'static str,
}

pub const RECEIPTS: Receipts = Receipts {
    name: "別紙3_支出済額内訳",
    widths: &[2.0, 6.0, 16.0, 28.0, 28.0, 13.0, 13.0, 13.0, 36.0, 2.0],
    last_col: col("I"),
    draft: a1("I1"),
    sheet_label: (a1("B1"), "別紙3"),
    title: (a1("B2"), "支出済額内訳"),
    hospital: (a1("B3"), "病院名"),
    unit: (a1("I3"), "（単位：円）"),
    first_block_row: 4,
    number_col: col("B"),
    paid_on_col: col("C"),
    description_col: col("D"),
    payee_col: col("E"),
    amount_col: col("F"),
    standard_col: col("G"),
    selected_col: col("H"),
    note_col: col("I"),
    header: ["番号", "支払年月日", "内容（但し書き）", "支払先", "金額", "基準額", "選定額", "備考"],
    item_total_suffix: "　計",
    no_receipts: "（領収書の明細なし）",
    trainee_total: "合計",
    heading_prefix: "受講者",
};

// ---------------------------------------------------------------------------------------------------------
// 別紙4: 受講者名簿（実績） (A4 landscape)

pub struct Roster {
    pub name: &'static str,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: (Cell, &'static str),
    pub header_row: u32,
    pub first_row: u32,
    pub headers: [&'static str; 9],
}

pub const ROSTER: Roster = Roster {
    name: "別紙4_受講者名簿_実績",
    widths: &[2.0, 5.0, 14.0, 16.0, 20.0, 24.0, 16.0, 16.0, 15.0, 15.0, 2.0],
    last_col: col("J"),
    draft: a1("J1"),
    sheet_label: (a1("B1"), "別紙4"),
    title: (a1("B2"), "受講者名簿（実績）"),
    header_row: 3,
    first_row: 4,
    headers: [
        "番号",
        "氏名",
        "対象資格",
        "教育機関名",
        "課程",
        "入学（受講開始）\n年月日",
        "修了年月日\n（受講状況）",
        "認定年月日",
        "人件費の\n区分",
    ],
};

// ---------------------------------------------------------------------------------------------------------
// The hidden sheet: the report as Hojo reads it back (its case file).

pub const DATA: CaseSheet = CaseSheet {
    name: "hojo_report",
    version: "hojo-report/1",
    notice: "このシートは、補助金申請アシスタント Hojo がこの実績報告書を読み込み直すときに使う控え（ケースファイル）で、通常は表示されません。報告の内容は第6号様式と別紙1〜4に記載したとおりです。",
};

/// The same hidden sheet in the report of a program whose row is the hospital (別紙1〜3).
pub const HOSPITAL_DATA: CaseSheet = CaseSheet {
    notice: "このシートは、補助金申請アシスタント Hojo がこの実績報告書を読み込み直すときに使う控え（ケースファイル）で、通常は表示されません。報告の内容は第6号様式と別紙1〜3に記載したとおりです。",
    ..DATA
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_excel_names() {
        for name in SHEET_NAMES.iter().chain(&HOSPITAL_SHEET_NAMES).chain([&DATA.name]) {
            assert!(name.chars().count() <= 31, "{name}");
            assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\', '\'']), "{name}");
        }
    }

    #[test]
    fn the_body_names_the_decision() {
        assert_eq!(
            form_body("令和6年7月1日", "6保医政第1234号"),
            "令和6年7月1日付6保医政第1234号で交付決定を受けた標記補助金について、関係書類を添えて報告します。"
        );
        assert_eq!(
            form_body("令和6年7月1日", " "),
            "令和6年7月1日付で交付決定を受けた標記補助金について、関係書類を添えて報告します。"
        );
    }
}
