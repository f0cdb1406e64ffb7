//! The layout of the application workbook: sheet names, cells, labels, widths and number formats, all here.
//!
//! Tokyo's official template for this program is not public; this layout follows the 様式 Tokyo and the
//! prefectures use for the same kind of subsidy (spec/workbook.md). When the official template comes, this file
//! is what changes: the writers and the reader take every position and every fixed word from here.

use crate::program::CheckId;

/// A cell, written and read 0-based; built from its A1 name so this file reads like the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub row: u32,
    pub col: u16,
}

impl Cell {
    pub const fn new(row: u32, col: u16) -> Cell {
        Cell { row, col }
    }

    /// The same column, `rows` further down.
    pub const fn down(self, rows: u32) -> Cell {
        Cell { row: self.row + rows, col: self.col }
    }

    /// `D8`
    pub fn a1(self) -> String {
        format!("{}{}", column_name(self.col), self.row + 1)
    }

    /// `$D$8`
    pub fn absolute(self) -> String {
        format!("${}${}", column_name(self.col), self.row + 1)
    }
}

/// `A` for 0, `AA` for 26.
pub fn column_name(col: u16) -> String {
    let mut name = Vec::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    name.iter().rev().collect()
}

/// Parses an A1 name at compile time ("D8" → row 7, col 3). Only for the constants below.
pub const fn a1(name: &str) -> Cell {
    let bytes = name.as_bytes();
    let mut index = 0;
    let mut col: u32 = 0;
    while index < bytes.len() && bytes[index].is_ascii_uppercase() {
        col = col * 26 + (bytes[index] - b'A' + 1) as u32;
        index += 1;
    }
    let mut row: u32 = 0;
    while index < bytes.len() {
        assert!(bytes[index].is_ascii_digit(), "A1 names are letters then digits");
        row = row * 10 + (bytes[index] - b'0') as u32;
        index += 1;
    }
    assert!(col > 0 && row > 0, "A1 names need a column and a row");
    Cell { row: row - 1, col: (col - 1) as u16 }
}

/// A column by letter, at compile time ("J" → 9).
pub const fn col(letters: &str) -> u16 {
    let bytes = letters.as_bytes();
    let mut index = 0;
    let mut col: u32 = 0;
    while index < bytes.len() {
        assert!(bytes[index].is_ascii_uppercase(), "column letters are A to Z");
        col = col * 26 + (bytes[index] - b'A' + 1) as u32;
        index += 1;
    }
    assert!(col > 0, "a column needs a letter");
    (col - 1) as u16
}

// ---------------------------------------------------------------------------------------------------------
// The whole workbook

pub const FONT_NAME: &str = "ＭＳ 明朝";
pub const FONT_SIZE: f64 = 10.5;
/// Headings above tables (受講者1　看護 花子…) and the addressee.
pub const SUBTITLE_SIZE: f64 = 12.0;
/// Shift-JIS charset, so Excel picks the Japanese face.
pub const FONT_CHARSET: u8 = 128;
/// Default row height in pixels for a 10.5pt font, and the default column width in pixels.
pub const DEFAULT_ROW_PX: u32 = 18;
pub const DEFAULT_COLUMN_PX: u32 = 64;
/// Height of one line of wrapped text, in points.
pub const LINE_HEIGHT_PT: f64 = 14.0;
/// 15 mm, in inches (rust_xlsxwriter's unit).
pub const MARGIN_INCHES: f64 = 15.0 / 25.4;
/// rust_xlsxwriter's paper index for A4.
pub const PAPER_A4: u8 = 9;

pub const AMOUNT_FORMAT: &str = "#,##0";
pub const BEDS_FORMAT: &str = "#,##0\"床\"";
/// 令和6年4月1日 in Excel and LibreOffice alike (the `[$-ja-JP-x-gannen]` form shows a serial in LibreOffice).
pub const DATE_FORMAT: &str = "[$-411]ggge\"年\"m\"月\"d\"日\"";
pub const MONTH_FORMAT: &str = "[$-411]ggge\"年\"m\"月\"";
/// A 年度 is written as its first day (1 April) shown as 令和7年度.
pub const FISCAL_YEAR_FORMAT: &str = "[$-411]ggge\"年度\"";

/// The mark of a draft, top right of every sheet and in the page header.
pub const DRAFT_MARK: &str = "下書き";
pub const DRAFT_HEADER: &str = "&R&\"ＭＳ 明朝,太字\"&14下書き（提出用ではありません）";

/// The order of the sheets in the workbook.
pub const SHEET_NAMES: [&str; 5] = [FORM1.name, PLAN.name, BUDGET.name, BREAKDOWN.name, ROSTER.name];

// ---------------------------------------------------------------------------------------------------------
// 第1号様式: 交付申請書 (A4 portrait)

pub struct Form1 {
    pub name: &'static str,
    pub landscape: bool,
    /// Column widths in character units, from column A.
    pub widths: &'static [f64],
    pub print_last: Cell,
    pub draft: Cell,
    pub form_label: (Cell, &'static str),
    pub date: Cell,
    pub date_placeholder: &'static str,
    pub addressee: Cell,
    /// Appended to the program's addressee: 東京都知事 殿
    pub addressee_suffix: &'static str,
    pub address_label: (Cell, &'static str),
    pub address: Cell,
    pub hospital_label: (Cell, &'static str),
    pub hospital: Cell,
    pub representative_label: (Cell, &'static str),
    pub representative: Cell,
    /// Last column of the merged value cells of the applicant block.
    pub applicant_last_col: u16,
    pub title: Cell,
    pub body: Cell,
    /// Merged title and body run to this column.
    pub text_last_col: u16,
    pub ki: (Cell, &'static str),
    pub amount_label: (Cell, &'static str),
    pub amount_prefix: (Cell, &'static str),
    pub amount: Cell,
    pub amount_suffix: (Cell, &'static str),
    pub attachments_label: (Cell, &'static str),
    pub attachments: Cell,
    pub attachment_names: &'static [&'static str],
}

pub const FORM1: Form1 = Form1 {
    name: "第1号様式",
    landscape: false,
    widths: &[2.0, 4.0, 14.0, 6.0, 18.0, 16.0, 16.0, 18.0, 2.0],
    print_last: a1("I30"),
    draft: a1("H1"),
    form_label: (a1("B1"), "第1号様式"),
    date: a1("G3"),
    date_placeholder: "令和　　年　　月　　日",
    addressee: a1("B5"),
    addressee_suffix: "　殿",
    address_label: (a1("E7"), "所在地"),
    address: a1("F7"),
    hospital_label: (a1("E8"), "名称"),
    hospital: a1("F8"),
    representative_label: (a1("E9"), "代表者職氏名"),
    representative: a1("F9"),
    applicant_last_col: col("H"),
    title: a1("B12"),
    body: a1("B14"),
    text_last_col: col("H"),
    ki: (a1("B17"), "記"),
    amount_label: (a1("B19"), "１　交付申請額"),
    amount_prefix: (a1("D19"), "金"),
    amount: a1("E19"),
    amount_suffix: (a1("F19"), "円"),
    attachments_label: (a1("B21"), "２　添付書類"),
    attachments: a1("C22"),
    attachment_names: &[
        "(1) 事業計画書（別紙1）",
        "(2) 所要額調書（別紙2）",
        "(3) 対象経費の支出予定額内訳（別紙3）",
        "(4) 受講者名簿（別紙4）",
        "(5) 受講（入学）決定通知書の写し",
        "(6) 経費の見積書等の写し",
    ],
};

/// 令和6年度東京都緩和ケア関連専門看護師等資格取得支援事業補助金交付申請書
pub fn form1_title(year_name: &str, grant_name: &str) -> String {
    format!("{year_name}{grant_name}{FORM1_TITLE_TAIL}")
}

/// Where a title too long for one line breaks: before 交付申請書, as printed 様式 do.
pub const FORM1_TITLE_TAIL: &str = "交付申請書";
/// The title's size in points.
pub const FORM1_TITLE_SIZE: f64 = 12.0;

/// 令和6年度において標記補助金の交付を受けたいので、関係書類を添えて申請します。
pub fn form1_body(year_name: &str) -> String {
    format!("{year_name}において標記補助金の交付を受けたいので、関係書類を添えて申請します。")
}

/// Where a 様式's body may break when it needs more than one line.
pub const BODY_BREAKS: &[&str] = &["標記補助金", "下記のとおり", "関係書類", "交付決定を", "申請します", "報告します"];

/// The defined name on the 交付申請額 cell.
pub const NAME_APPLIED_AMOUNT: &str = "交付申請額";

// ---------------------------------------------------------------------------------------------------------
// 別紙1: 事業計画書 (A4 portrait)

pub struct Plan {
    pub name: &'static str,
    pub landscape: bool,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: (Cell, &'static str),
    /// Label column and first value column of the two-column table.
    pub label_col: u16,
    pub value_col: u16,
    pub hospital: (u32, &'static str),
    pub founder: (u32, &'static str),
    pub address: (u32, &'static str),
    pub beds: (u32, &'static str),
    /// 届出状況: a heading row, a header row, then one row per filing the program requires.
    pub filings_heading: (u32, &'static str),
    pub filings_header: [&'static str; 4],
    /// The filing rows: (row, hospital check id whose symbols are shown, label).
    pub filing_rows: [(u32, CheckId, &'static str); 2],
    /// Columns of the filing rows: 受理記号, 受理番号, 算定開始年月日.
    pub filing_symbol_col: u16,
    pub filing_number_col: u16,
    pub filing_since_col: u16,
    pub not_filed: &'static str,
    /// 除外要件の確認: (row, check id, what is confirmed, text when met, text when not met).
    pub exclusions_heading: (u32, &'static str),
    pub exclusions: [(u32, CheckId, &'static str, &'static str, &'static str); 4],
    pub exclusion_status_col: u16,
    pub needs_confirmation: &'static str,
    pub purpose: (u32, &'static str),
    /// The purpose gets at least this many lines of room.
    pub purpose_min_lines: usize,
    pub trainee_count: (u32, &'static str),
    pub contact_heading: (u32, &'static str),
    pub department: (u32, &'static str),
    pub contact_name: (u32, &'static str),
    pub phone: (u32, &'static str),
    pub email: (u32, &'static str),
    /// After the table: open points (要確認) and, in a draft, what is not met.
    pub notes_row: u32,
    pub open_points_heading: &'static str,
    pub blocking_heading: &'static str,
}

pub const PLAN: Plan = Plan {
    name: "別紙1_事業計画書",
    landscape: false,
    widths: &[2.0, 26.0, 16.0, 14.0, 18.0, 16.0, 2.0],
    last_col: col("F"),
    draft: a1("F1"),
    sheet_label: (a1("B1"), "別紙1"),
    title: (a1("B2"), "事業計画書"),
    label_col: col("B"),
    value_col: col("C"),
    hospital: (3, "病院名"),
    founder: (4, "開設者"),
    address: (5, "所在地"),
    beds: (6, "病床数"),
    filings_heading: (8, "届出状況"),
    filings_header: ["区分", "受理記号", "受理番号", "算定開始年月日"],
    filing_rows: [(10, CheckId::H3, "地域包括ケア病棟入院料"), (11, CheckId::H4, "がん性疼痛緩和指導管理料")],
    filing_symbol_col: col("C"),
    filing_number_col: col("D"),
    filing_since_col: col("E"),
    not_filed: "届出なし",
    exclusions_heading: (13, "除外要件の確認"),
    exclusions: [
        (14, CheckId::X2, "緩和ケア病棟入院料", "届出なし", "届出あり"),
        (15, CheckId::X3, "緩和ケア診療加算", "届出なし", "届出あり"),
        (16, CheckId::X4, "対象資格を有する看護師の雇用", "雇用なし", "雇用あり"),
        (17, CheckId::X1, "開設者が国・独立行政法人であること", "該当しない", "該当する"),
    ],
    exclusion_status_col: col("E"),
    needs_confirmation: "要確認",
    purpose: (19, "事業の目的及び効果"),
    purpose_min_lines: 4,
    trainee_count: (20, "受講者数"),
    contact_heading: (22, "担当者"),
    department: (23, "所属"),
    contact_name: (24, "氏名"),
    phone: (25, "電話番号"),
    email: (26, "メールアドレス"),
    notes_row: 28,
    open_points_heading: "確認が必要な事項（東京都に確認のうえ申請してください）",
    blocking_heading: "要件を満たしていない事項（この下書きのままでは申請できません）",
};

// ---------------------------------------------------------------------------------------------------------
// 別紙2: 所要額調書 (A4 landscape)

pub struct Budget {
    pub name: &'static str,
    pub landscape: bool,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: Cell,
    pub hospital: (Cell, &'static str),
    pub unit: (Cell, &'static str),
    pub header_row: u32,
    pub first_row: u32,
    pub total_label: &'static str,
    pub name_col: u16,
    pub qualification_col: u16,
    pub total_cost_col: u16,
    pub other_income_col: u16,
    pub net_cost_col: u16,
    pub eligible_col: u16,
    pub standard_col: u16,
    pub selected_col: u16,
    pub base_col: u16,
    pub rate_col: u16,
    pub subsidy_col: u16,
    /// Header texts from column B to L.
    pub headers: [&'static str; 11],
    /// 備考 under the table.
    pub footnotes: &'static [&'static str],
}

pub const BUDGET: Budget = Budget {
    name: "別紙2_所要額調書",
    landscape: true,
    widths: &[2.0, 16.0, 20.0, 13.0, 13.0, 13.0, 13.0, 13.0, 13.0, 13.0, 8.0, 13.0, 2.0],
    last_col: col("L"),
    draft: a1("L1"),
    sheet_label: (a1("B1"), "別紙2"),
    title: a1("B2"),
    hospital: (a1("B4"), "病院名"),
    unit: (a1("L5"), "（単位：円）"),
    header_row: 5,
    first_row: 6,
    total_label: "合計",
    name_col: col("B"),
    qualification_col: col("C"),
    total_cost_col: col("D"),
    other_income_col: col("E"),
    net_cost_col: col("F"),
    eligible_col: col("G"),
    standard_col: col("H"),
    selected_col: col("I"),
    base_col: col("J"),
    rate_col: col("K"),
    subsidy_col: col("L"),
    headers: [
        "受講者氏名",
        "対象資格",
        "(A)\n総事業費",
        "(B)\n寄付金その他\nの収入額",
        "(C)\n差引額\n(A)－(B)",
        "(D)\n対象経費の\n支出予定額",
        "(E)\n基準額",
        "(F)\n選定額",
        "(G)\n補助基本額",
        "(H)\n補助率",
        "(I)\n補助所要額",
    ],
    footnotes: &[
        "(F) 選定額は、経費ごとに支出予定額と基準額を比べて少ない方の合計と (E) 基準額の少ない方。",
        "(G) 補助基本額は (C) と (F) の少ない方（マイナスのときは0円）。(I) は (G)×(H) の千円未満切捨て。",
    ],
};

/// 令和6年度 東京都緩和ケア関連専門看護師等資格取得支援事業 所要額調書
pub fn budget_title(year_name: &str, program_name: &str) -> String {
    format!("{year_name}　{program_name}　所要額調書")
}

/// The defined name on the total of (I).
pub const NAME_SUBSIDY_TOTAL: &str = "補助所要額合計";

// ---------------------------------------------------------------------------------------------------------
// 別紙3: 対象経費の支出予定額内訳 (A4 landscape)

pub struct Breakdown {
    pub name: &'static str,
    pub landscape: bool,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: (Cell, &'static str),
    pub hospital: (Cell, &'static str),
    pub unit: (Cell, &'static str),
    /// The first trainee block starts here; blocks follow one another with `block_gap` empty rows.
    pub first_block_row: u32,
    pub block_gap: u32,
    pub label_col: u16,
    pub amount_col: u16,
    pub standard_col: u16,
    pub selected_col: u16,
    pub note_col: u16,
    pub header: [&'static str; 5],
    /// 人件費（受講者給与費）: the salary row names its kind.
    pub salary_label: fn(&str, &str) -> String,
    pub other_costs_label: &'static str,
    pub other_costs_note: &'static str,
    pub total_label: &'static str,
    /// 備考 of an item that does not count in the 認定審査 年度 after the course (T3); the 合計 leaves it out.
    pub exam_year_note: &'static str,
    /// The 基準額 used so far (a program with a 基準額 over all 年度): header, then the rows below.
    pub cap_header: [&'static str; 3],
    pub cap_lifetime: (&'static str, &'static str),
    pub cap_prior: (&'static str, &'static str),
    pub cap_this_year: (&'static str, &'static str),
    pub cap_left: (&'static str, &'static str),
    pub prior_items_label: &'static str,
    pub prior_items_none: &'static str,
    pub months_header: [&'static str; 3],
    pub month_counted: &'static str,
    pub month_outside_course: &'static str,
    pub month_outside_year: &'static str,
    /// The 合計 under the months: of every month when all count, else of those that count.
    pub months_total: &'static str,
    pub months_total_counted: &'static str,
    pub months_total_note: &'static str,
    /// 受講者1　看護 花子（緩和ケア認定看護師）
    pub heading_prefix: &'static str,
}

pub const BREAKDOWN: Breakdown = Breakdown {
    name: "別紙3_支出予定額内訳",
    landscape: true,
    widths: &[2.0, 30.0, 14.0, 14.0, 14.0, 40.0, 2.0],
    last_col: col("F"),
    draft: a1("F1"),
    sheet_label: (a1("B1"), "別紙3"),
    title: (a1("B2"), "対象経費の支出予定額内訳"),
    hospital: (a1("B3"), "病院名"),
    unit: (a1("F3"), "（単位：円）"),
    first_block_row: 4,
    block_gap: 1,
    label_col: col("B"),
    amount_col: col("C"),
    standard_col: col("D"),
    selected_col: col("E"),
    note_col: col("F"),
    header: ["経費区分", "支出予定額", "基準額", "選定額", "備考"],
    salary_label: salary_item_label,
    other_costs_label: "その他（対象外経費）",
    other_costs_note: "教材費・旅費等（補助対象外）",
    total_label: "合計",
    exam_year_note: "課程修了後の認定審査の年度のため計上しない",
    cap_header: ["基準額の使用状況（全年度）", "金額", "備考"],
    cap_lifetime: ("基準額の総額（全年度）", "受講者1人あたり、全年度を通じた基準額の上限"),
    cap_prior: ("前年度までの選定額", "前年度までの交付申請で選定した額の合計"),
    cap_this_year: ("本年度の選定額", "別紙2の (F) 選定額"),
    cap_left: ("基準額の残額", "次年度以降に使える基準額"),
    prior_items_label: "前年度までに計上済みの経費",
    prior_items_none: "なし",
    months_header: ["人件費の月別内訳（月）", "金額", "備考"],
    month_counted: "計上",
    month_outside_course: "受講期間外のため計上しない",
    month_outside_year: "年度外のため計上しない",
    months_total: "合計",
    months_total_counted: "合計（計上する月）",
    months_total_note: "人件費の支出予定額に計上",
    heading_prefix: "受講者",
};

/// The rows of one trainee's block on 別紙3 (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownBlock {
    pub heading_row: u32,
    pub header_row: u32,
    /// One row per program item, in the program's order.
    pub item_rows: Vec<u32>,
    pub other_costs_row: u32,
    pub total_row: u32,
    /// The 基準額 used so far: present for every block.
    pub cap: CapRows,
    /// The 人件費 monthly table, present when the salary is given month by month: a header, a row per month
    /// in calendar order, and their 合計.
    pub months_header_row: Option<u32>,
    pub month_rows: Vec<u32>,
    pub months_total_row: Option<u32>,
    /// The first row after the block.
    pub end_row: u32,
}

/// The rows of the 基準額 used so far. The total and the rest are shown only for a program with a 基準額 over
/// all 年度 (12,300,000円 per trainee).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapRows {
    pub header_row: u32,
    pub lifetime_row: Option<u32>,
    pub prior_row: u32,
    pub this_year_row: Option<u32>,
    pub left_row: Option<u32>,
    pub prior_items_row: u32,
}

/// Where each trainee's block lies on 別紙3, from the number of items, whether the program has a 基準額 over
/// all 年度, and the number of salary months per trainee. The writer and the reader both use this, so they
/// agree on every row.
pub fn breakdown_blocks(item_count: usize, lifetime_cap: bool, month_counts: &[usize]) -> Vec<BreakdownBlock> {
    let mut row = BREAKDOWN.first_block_row;
    let mut blocks = Vec::with_capacity(month_counts.len());
    for &months in month_counts {
        let items = item_count as u32;
        let heading_row = row;
        let header_row = row + 1;
        let item_rows: Vec<u32> = (0..items).map(|index| row + 2 + index).collect();
        let other_costs_row = row + 2 + items;
        let total_row = other_costs_row + 1;
        let mut next = total_row + 2;
        let mut take = |present: bool| {
            let taken = present.then_some(next);
            next += u32::from(present);
            taken
        };
        let cap_header = take(true).unwrap_or_default();
        let lifetime_row = take(lifetime_cap);
        let prior_row = take(true).unwrap_or_default();
        let this_year_row = take(lifetime_cap);
        let left_row = take(lifetime_cap);
        let prior_items_row = take(true).unwrap_or_default();
        let cap = CapRows { header_row: cap_header, lifetime_row, prior_row, this_year_row, left_row, prior_items_row };
        let (months_header_row, month_rows, months_total_row) = if months > 0 {
            let header = prior_items_row + 2;
            let rows: Vec<u32> = (0..months as u32).map(|index| header + 1 + index).collect();
            let total = header + 1 + months as u32;
            (Some(header), rows, Some(total))
        } else {
            (None, Vec::new(), None)
        };
        let end_row = months_total_row.unwrap_or(prior_items_row) + 1;
        blocks.push(BreakdownBlock {
            heading_row,
            header_row,
            item_rows,
            other_costs_row,
            total_row,
            cap,
            months_header_row,
            month_rows,
            months_total_row,
            end_row,
        });
        row = end_row + BREAKDOWN.block_gap;
    }
    blocks
}

fn salary_item_label(item: &str, kind: &str) -> String {
    format!("{item}（{kind}）")
}

// ---------------------------------------------------------------------------------------------------------
// 別紙4: 受講者名簿 (A4 portrait)

pub struct Roster {
    pub name: &'static str,
    pub landscape: bool,
    pub widths: &'static [f64],
    pub last_col: u16,
    pub draft: Cell,
    pub sheet_label: (Cell, &'static str),
    pub title: (Cell, &'static str),
    pub header_row: u32,
    pub first_row: u32,
    pub number_col: u16,
    pub name_col: u16,
    pub qualification_col: u16,
    pub institution_col: u16,
    pub course_col: u16,
    pub enrolled_col: u16,
    pub ends_col: u16,
    pub exam_year_col: u16,
    pub salary_kind_col: u16,
    pub headers: [&'static str; 9],
}

pub const ROSTER: Roster = Roster {
    name: "別紙4_受講者名簿",
    landscape: false,
    widths: &[2.0, 5.0, 12.0, 13.0, 16.0, 24.0, 17.0, 17.0, 12.0, 15.0, 2.0],
    last_col: col("J"),
    draft: a1("J1"),
    sheet_label: (a1("B1"), "別紙4"),
    title: (a1("B2"), "受講者名簿"),
    header_row: 3,
    first_row: 4,
    number_col: col("B"),
    name_col: col("C"),
    qualification_col: col("D"),
    institution_col: col("E"),
    course_col: col("F"),
    enrolled_col: col("G"),
    ends_col: col("H"),
    exam_year_col: col("I"),
    salary_kind_col: col("J"),
    headers: [
        "番号",
        "氏名",
        "対象資格",
        "教育機関名",
        "課程",
        "入学（受講開始）\n年月日",
        "課程の修了\n予定年月日",
        "認定審査\n受審予定年度",
        "人件費の\n区分",
    ],
};

/// Where fixed labels (資格, 課程, 人件費の区分) may break when their column is too narrow for one line.
pub const LABEL_BREAKS: &[&str] = &["認定看護師", "専門看護師", "教育課程", "組み込んだ", "給与費", "（"];

// ---------------------------------------------------------------------------------------------------------
// The hidden data sheet: what the 様式 has no visible place for (see docs/workbook.md).

pub struct DataSheet {
    pub name: &'static str,
    pub title: (Cell, &'static str),
    pub notice: (Cell, &'static str),
    pub header_row: u32,
    pub header: [&'static str; 3],
    pub first_row: u32,
    pub key_col: u16,
    pub value_col: u16,
    pub label_col: u16,
    /// The first row holds this key and value: the layout the reader understands.
    pub version_key: &'static str,
    pub version: &'static str,
}

pub const DATA: DataSheet = DataSheet {
    name: "hojo_data",
    title: (a1("A1"), "申請書の読み込み用データ（Hojo）"),
    notice: (
        a1("A2"),
        "このシートは、補助金申請アシスタント Hojo がこの申請書を読み込み直すときに使う控えで、通常は表示されません。様式に記入欄のない項目（資格・人件費の区分などの識別子、受講料・認定の条件、月別に入力した人件費の月）を置いています。申請の内容は第1号様式と別紙1〜4に記載したとおりです。",
    ),
    header_row: 3,
    header: ["項目", "値", "説明"],
    first_row: 4,
    key_col: 0,
    value_col: 1,
    label_col: 2,
    version_key: "layout",
    version: "hojo-workbook/2",
};

/// Earlier layouts the reader recognises, to say why it does not read them.
pub const EARLIER_VERSIONS: &[&str] = &["hojo-workbook/1"];

/// Quoted for use in a formula: `'別紙2_所要額調書'!L9`.
pub fn sheet_ref(sheet: &str, cell: Cell) -> String {
    format!("'{sheet}'!{}", cell.a1())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_names_parse_to_zero_based_cells() {
        assert_eq!(a1("A1"), Cell::new(0, 0));
        assert_eq!(a1("L9"), Cell::new(8, 11));
        assert_eq!(a1("AA10"), Cell::new(9, 26));
        assert_eq!(col("J"), 9);
        assert_eq!(Cell::new(8, 11).a1(), "L9");
        assert_eq!(Cell::new(9, 26).absolute(), "$AA$10");
    }

    #[test]
    fn sheet_names_are_valid_excel_names() {
        for name in SHEET_NAMES.iter().chain([&DATA.name]) {
            assert!(name.chars().count() <= 31, "{name}");
            assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\', '\'']), "{name}");
        }
    }

    #[test]
    fn every_column_of_each_sheet_has_a_width() {
        assert!(FORM1.widths.len() > usize::from(FORM1.print_last.col));
        assert!(PLAN.widths.len() > usize::from(PLAN.last_col));
        assert!(BUDGET.widths.len() > usize::from(BUDGET.last_col));
        assert!(BREAKDOWN.widths.len() > usize::from(BREAKDOWN.last_col));
        assert!(ROSTER.widths.len() > usize::from(ROSTER.last_col));
    }
}
