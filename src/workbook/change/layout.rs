//! The layout of the 変更交付申請書 workbook (settlement.md 「変更交付申請」): the 申請書 itself, the 変更前後対照表
//! with 変更前 (the plan the decision rests on) and 変更後 (the new plan) side by side, and two hidden case
//! sheets. All places and fixed words are here; the 都's numbering of this 様式 is not public, so its number is
//! one constant.

use crate::workbook::case_sheet::CaseSheet;
use crate::workbook::layout::{AmountLine, Cell, FORM1, Letter, TextBox, a1, col};

/// 第3号様式: the number a prefectural 要綱 usually gives the 変更交付申請書 (a choice; docs/workbook.md).
pub const FORM_NUMBER: &str = "第3号様式";

/// The visible sheets in their order.
pub const SHEET_NAMES: [&str; 2] = [FORM.name, TABLE.name];

// ---------------------------------------------------------------------------------------------------------
// 第3号様式: 変更交付申請書 (A4 portrait), the places of the application's 第1号様式 with three amounts and the reason

/// 1 変更前交付決定額 as the 通知書 says, 2 変更後交付申請額, 3 増減額: label, then 金 · amount · 円 (one column
/// further right than the 実績報告書's amounts: the labels are longer).
pub const DECIDED: AmountLine = AmountLine {
    label: (a1("B19"), "１　変更前交付決定額"),
    cell: a1("F19"),
    name: NAME_DECIDED_BEFORE,
    num_format: None,
};
pub const REQUESTED: AmountLine = AmountLine {
    label: (a1("B21"), "２　変更後交付申請額"),
    cell: a1("F21"),
    name: NAME_REQUESTED_AFTER,
    num_format: None,
};
pub const CHANGE: AmountLine = AmountLine {
    label: (a1("B23"), "３　増減額"),
    cell: a1("F23"),
    name: NAME_CHANGE,
    num_format: Some(CHANGE_FORMAT),
};

/// 4 変更の理由: the reason typed over the text's width, at least three lines.
pub const REASON: TextBox = TextBox { label: (a1("B25"), "４　変更の理由"), cell: a1("C26"), min_lines: 3 };

/// The places of the application's 第1号様式, with three amounts and the reason.
pub const FORM: Letter = Letter {
    name: "第3号様式_変更交付申請書",
    print_last: a1("I34"),
    form_label: (a1("B1"), FORM_NUMBER),
    title_tail: "変更交付申請書",
    amounts: &[DECIDED, REQUESTED, CHANGE],
    yen_prefix_right: true,
    text_box: Some(REASON),
    attachments_label: (a1("B28"), "５　添付書類"),
    attachments: a1("C29"),
    ..FORM1
};

pub const ATTACHMENTS: &[&str] = &[
    "(1) 変更前後対照表（別紙1）",
    "(2) 交付決定通知書の写し",
    "(3) 変更の内容が分かる書類（受講決定通知書・経費の見積書等の写し）",
];

/// 令和6年7月1日付6保医政第1234号で交付決定を受けた標記補助金について、下記のとおり変更したいので、関係書類を
/// 添えて申請します。
pub fn form_body(decided_on: &str, number: &str) -> String {
    format!(
        "{decided_on}付{}で交付決定を受けた標記補助金について、下記のとおり変更したいので、関係書類を添えて申請します。",
        number.trim()
    )
}

/// The defined names of the 変更交付申請書.
pub const NAME_DECIDED_BEFORE: &str = "変更前交付決定額";
pub const NAME_REQUESTED_AFTER: &str = "変更後交付申請額";
pub const NAME_CHANGE: &str = "増減額";

// ---------------------------------------------------------------------------------------------------------
// 別紙1: 変更前後対照表 (A4 portrait): a block per row of the 算定 (a trainee, or the hospital), then the totals

pub struct Table {
    pub name: &'static str,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: (Cell, &'static str),
    pub hospital: (Cell, &'static str),
    pub unit: (Cell, &'static str),
    pub first_block_row: u32,
    pub label_col: u16,
    pub before_col: u16,
    pub after_col: u16,
    pub change_col: u16,
    pub note_col: u16,
    pub headers: [&'static str; 5],
    /// The figures of a row under its items, as the 所要額調書 letters them.
    pub figures: [&'static str; 4],
    pub trainee_prefix: &'static str,
    pub hospital_prefix: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub withdrew: &'static str,
    pub total_heading: &'static str,
    pub total_label: &'static str,
}

pub const TABLE: Table = Table {
    name: "別紙1_変更前後対照表",
    widths: &[2.0, 30.0, 15.0, 15.0, 15.0, 18.0, 2.0],
    last_col: col("F"),
    draft: a1("F1"),
    sheet_label: (a1("B1"), "別紙1"),
    title: (a1("B2"), "変更前後対照表"),
    hospital: (a1("B4"), "病院名"),
    unit: (a1("F5"), "（単位：円）"),
    first_block_row: 6,
    label_col: col("B"),
    before_col: col("C"),
    after_col: col("D"),
    change_col: col("E"),
    note_col: col("F"),
    headers: ["経費区分", "変更前", "変更後", "増減", "備考"],
    figures: ["(A) 総事業費", "(D) 対象経費", "(F) 選定額", "(I) 補助所要額"],
    trainee_prefix: "受講者",
    hospital_prefix: "事業者",
    added: "追加",
    removed: "計画から削除",
    withdrew: "中途退学",
    total_heading: "合計",
    total_label: "交付申請額（補助所要額の合計）",
};

/// Rows a block takes: its heading, the header, an item each, the four figures, a blank row.
pub const fn block_rows(items: usize) -> u32 {
    2 + items as u32 + 4 + 1
}

// ---------------------------------------------------------------------------------------------------------
// The hidden sheets: the 変更後 case (with the decision it changes) and the 変更前 plan

pub const AFTER: CaseSheet = CaseSheet {
    name: "hojo_change_after",
    version: "hojo-change-workbook/1",
    notice: "このシートは、補助金申請アシスタント Hojo がこの変更交付申請書を読み込み直すときに使う控え（変更後の計画のケースファイル）で、通常は表示されません。",
};

pub const BEFORE: CaseSheet = CaseSheet {
    name: "hojo_change_before",
    version: "hojo-change-workbook/1",
    notice: "このシートは、補助金申請アシスタント Hojo がこの変更交付申請書を読み込み直すときに使う控え（変更前の計画、交付決定の基になったケースファイル）で、通常は表示されません。",
};

/// 増減: a decrease as △50,000, as 様式 write it.
pub const CHANGE_FORMAT: &str = "#,##0;\"△\"#,##0";
