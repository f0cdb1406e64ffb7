//! The layout of the 変更交付申請書 workbook (settlement.md 「変更交付申請」): the 申請書 itself, the 変更前後対照表
//! with 変更前 (the plan the decision rests on) and 変更後 (the new plan) side by side, and two hidden case
//! sheets. All places and fixed words are here; the 都's numbering of this 様式 is not public, so its number is
//! one constant.

use crate::workbook::case_sheet::CaseSheet;
use crate::workbook::layout::{Cell, a1, col};

/// 第3号様式: the number a prefectural 要綱 usually gives the 変更交付申請書 (a choice; docs/workbook.md).
pub const FORM_NUMBER: &str = "第3号様式";

/// The visible sheets in their order.
pub const SHEET_NAMES: [&str; 2] = [FORM.name, TABLE.name];

// ---------------------------------------------------------------------------------------------------------
// 第3号様式: 変更交付申請書 (A4 portrait), the places of the 実績報告書's 第6号様式 with two more amounts

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
    /// 1 変更前交付決定額, 2 変更後交付申請額, 3 増減額: label, then 金 · amount · 円 (one column further right than
    /// the 実績報告書's amounts: the labels are longer).
    pub decided_label: (Cell, &'static str),
    pub decided: Cell,
    pub requested_label: (Cell, &'static str),
    pub requested: Cell,
    pub change_label: (Cell, &'static str),
    pub change: Cell,
    pub yen_prefix: &'static str,
    pub yen_suffix: &'static str,
    /// 4 変更の理由: the label, then the reason typed over `reason`…`text_last_col`, at least `reason_min_lines`.
    pub reason_label: (Cell, &'static str),
    pub reason: Cell,
    pub reason_min_lines: usize,
    pub attachments_label: (Cell, &'static str),
    pub attachments: Cell,
    pub attachment_names: &'static [&'static str],
}

pub const FORM: Form = Form {
    name: "第3号様式_変更交付申請書",
    widths: &[2.0, 4.0, 14.0, 6.0, 18.0, 16.0, 16.0, 18.0, 2.0],
    print_last: a1("I34"),
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
    decided_label: (a1("B19"), "１　変更前交付決定額"),
    decided: a1("F19"),
    requested_label: (a1("B21"), "２　変更後交付申請額"),
    requested: a1("F21"),
    change_label: (a1("B23"), "３　増減額"),
    change: a1("F23"),
    yen_prefix: "金",
    yen_suffix: "円",
    reason_label: (a1("B25"), "４　変更の理由"),
    reason: a1("C26"),
    reason_min_lines: 3,
    attachments_label: (a1("B28"), "５　添付書類"),
    attachments: a1("C29"),
    attachment_names: &[
        "(1) 変更前後対照表（別紙1）",
        "(2) 交付決定通知書の写し",
        "(3) 変更の内容が分かる書類（受講決定通知書・経費の見積書等の写し）",
    ],
};

impl Form {
    /// The cell of the hospital's name: right of its label (the merged cells start there).
    pub const fn hospital_value(&self) -> Cell {
        Cell::new(self.hospital.0.row, self.hospital.0.col + 1)
    }
}

/// 令和6年度東京都緩和ケア関連専門看護師等資格取得支援事業補助金変更交付申請書
pub fn form_title(year_name: &str, grant_name: &str) -> String {
    format!("{year_name}{grant_name}{FORM_TITLE_TAIL}")
}

pub const FORM_TITLE_TAIL: &str = "変更交付申請書";

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
