//! The layout of the workbook of a program whose row is the hospital itself (kanwa-training, spec/workbook.md
//! 「kanwa-training」): 交付申請書, 事業計画書 with each 研修会, 所要額調書 of one row, 支出予定額内訳 by 経費区分 with
//! its 積算内訳. The 交付申請書 takes its places from the application's 第1号様式 (`layout::FORM1`); the words come
//! from the program data (its name, its items, its addressee).

use crate::workbook::case_sheet::CaseSheet;
use crate::workbook::layout::{Cell, a1, col};

/// The visible sheets in their order (checked as Excel names by the tests).
#[cfg(test)]
pub const SHEET_NAMES: [&str; 4] = [FORM_NAME, PLAN.name, BUDGET_NAME, BREAKDOWN.name];

pub const FORM_NAME: &str = "第1号様式";
pub const ATTACHMENTS: &[&str] = &[
    "(1) 事業計画書（別紙1）",
    "(2) 所要額調書（別紙2）",
    "(3) 対象経費の支出予定額内訳（別紙3）",
    "(4) 研修会の開催要項（案）",
    "(5) 経費の見積書等の写し",
];

// ---------------------------------------------------------------------------------------------------------
// 別紙1: 事業計画書 (A4 portrait)

pub struct Plan {
    pub name: &'static str,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: (Cell, &'static str),
    pub label_col: u16,
    pub value_col: u16,
    pub hospital: (u32, &'static str),
    pub founder: (u32, &'static str),
    pub address: (u32, &'static str),
    pub designated: (u32, &'static str),
    pub designated_yes: &'static str,
    pub designated_no: &'static str,
    pub not_entered: &'static str,
    pub trainings_heading: (u32, &'static str),
    pub trainings_header: [&'static str; 5],
    /// The first row of the 研修会 table; the rows below it follow the table.
    pub first_training_row: u32,
    pub follows_yes: &'static str,
    pub follows_no: &'static str,
    pub no_training: &'static str,
    /// After the table (one empty row): 事業の目的及び効果, then the 担当者.
    pub purpose: &'static str,
    pub purpose_min_lines: usize,
    pub contact_heading: &'static str,
    pub contact: [&'static str; 4],
}

pub const PLAN: Plan = Plan {
    name: "別紙1_事業計画書",
    widths: &[2.0, 30.0, 18.0, 20.0, 9.0, 19.0, 2.0],
    last_col: col("F"),
    draft: a1("F1"),
    sheet_label: (a1("B1"), "別紙1"),
    title: (a1("B2"), "事業計画書"),
    label_col: col("B"),
    value_col: col("C"),
    hospital: (3, "病院名"),
    founder: (4, "開設者"),
    address: (5, "所在地"),
    designated: (6, "がん診療連携協力病院の指定"),
    designated_yes: "指定あり",
    designated_no: "指定なし",
    not_entered: "未入力",
    trainings_heading: (8, "緩和ケア研修会の開催計画"),
    trainings_header: ["研修会の名称", "開催予定日", "会場", "定員", "開催指針への準拠"],
    first_training_row: 10,
    follows_yes: "準拠する",
    follows_no: "準拠しない",
    no_training: "（研修会が入力されていません）",
    purpose: "事業の目的及び効果",
    purpose_min_lines: 4,
    contact_heading: "担当者",
    contact: ["所属", "氏名", "電話番号", "メールアドレス"],
};

/// 別紙1 of the 実績報告書: the 事業計画書's sheet on what was held — 開催日 and 受講者数 (a report case's
/// `held_on` and `planned_participants` are what happened).
pub const REPORT_RESULTS: Plan = Plan {
    name: "別紙1_事業実績書",
    title: (a1("B2"), "事業実績書"),
    trainings_heading: (8, "緩和ケア研修会の開催実績"),
    trainings_header: ["研修会の名称", "開催日", "会場", "受講者数", "開催指針への準拠"],
    follows_yes: "準拠した",
    follows_no: "準拠しなかった",
    no_training: "（開催した研修会が入力されていません）",
    ..PLAN
};

// ---------------------------------------------------------------------------------------------------------
// 別紙2: 所要額調書 — the application's columns (`layout::BUDGET`), one row: the hospital.

pub const BUDGET_NAME: &str = "別紙2_所要額調書";
pub const BUDGET_HEADERS: [&str; 2] = ["申請者（病院名）", "事業"];
pub const BUDGET_SUBJECT: &str = "緩和ケア研修会";
/// 備考 under the table.
pub const BUDGET_FOOTNOTES: &[&str] = &[
    "(E) 基準額は1病院1年度あたりの額。(F) 選定額は (D) と (E) の少ない方。",
    "(G) 補助基本額は (C) と (F) の少ない方（マイナスのときは0円）。(I) は (G)×(H) の千円未満切捨て。",
];

// ---------------------------------------------------------------------------------------------------------
// 別紙3: 対象経費の支出予定額内訳 (A4 portrait)

pub struct Breakdown {
    pub name: &'static str,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: (Cell, &'static str),
    pub unit: (Cell, &'static str),
    pub header_row: u32,
    pub first_row: u32,
    pub label_col: u16,
    pub amount_col: u16,
    pub working_col: u16,
    pub header: [&'static str; 3],
    pub eligible_total: &'static str,
    pub total: &'static str,
}

pub const BREAKDOWN: Breakdown = Breakdown {
    name: "別紙3_支出予定額内訳",
    widths: &[2.0, 24.0, 16.0, 56.0, 2.0],
    last_col: col("D"),
    draft: a1("D1"),
    sheet_label: (a1("B1"), "別紙3"),
    title: (a1("B2"), "対象経費の支出予定額内訳"),
    unit: (a1("D3"), "（単位：円）"),
    header_row: 3,
    first_row: 4,
    label_col: col("B"),
    amount_col: col("C"),
    working_col: col("D"),
    header: ["経費区分", "支出予定額", "積算内訳"],
    eligible_total: "対象経費　計",
    total: "合計（総事業費）",
};

/// 別紙3 of the 実績報告書: the same table on what was paid.
pub const REPORT_BREAKDOWN: Breakdown = Breakdown {
    name: "別紙3_支出済額内訳",
    title: (a1("B2"), "対象経費の支出済額内訳"),
    header: ["経費区分", "支出済額", "積算内訳"],
    ..BREAKDOWN
};

/// The rows of 別紙3: one per program item, the 対象経費 計, その他, the 合計.
pub struct BreakdownRows {
    pub items: Vec<u32>,
    pub eligible_total: u32,
    pub other_costs: u32,
    pub total: u32,
}

pub fn breakdown_rows(item_count: usize) -> BreakdownRows {
    let items: Vec<u32> = (0..item_count as u32).map(|index| BREAKDOWN.first_row + index).collect();
    let eligible_total = BREAKDOWN.first_row + item_count as u32;
    BreakdownRows { items, eligible_total, other_costs: eligible_total + 1, total: eligible_total + 2 }
}

/// The hidden sheet: the case file, for reading the workbook back.
pub const DATA: CaseSheet = CaseSheet {
    name: "hojo_case",
    version: "hojo-hospital-workbook/1",
    notice: "このシートは、補助金申請アシスタント Hojo がこの申請書を読み込み直すときに使う控え（ケースファイル）で、通常は表示されません。申請の内容は第1号様式と別紙1〜3に記載したとおりです。",
};
