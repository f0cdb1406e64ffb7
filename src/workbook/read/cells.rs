//! One sheet's cells as the case needs them: text, amounts, dates, 年度, 病床数. People edit these cells in
//! Excel or LibreOffice, so each reader takes what those programs store (numbers, date serials, text typed as
//! 「１２０，０００」 or 「令和6年4月1日」) and refuses the rest with the sheet, the cell and what to type.

use std::collections::{HashMap, HashSet};

use calamine::Data;
use chrono::NaiveDate;

use super::ImportError;
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::typed_input::{parse_date, parse_yen, to_half_width};
use crate::workbook::layout::Cell;

/// The cells of one sheet that lie where the layout can put something (see `super::load`).
pub struct Sheet {
    name: &'static str,
    cells: HashMap<(u32, u32), Data>,
    /// Formula cells saved without their result (by a program that writes formulas but does not compute
    /// them, or strips the results): what they show is unknown, and must not be taken for an empty cell.
    uncached: HashSet<(u32, u32)>,
}

impl Sheet {
    pub fn new(name: &'static str, cells: HashMap<(u32, u32), Data>, uncached: HashSet<(u32, u32)>) -> Sheet {
        Sheet { name, cells, uncached }
    }

    /// An amount a person could change in Excel is still what Hojo holds; else the cell is named, with the
    /// `document` to make again once the amount is corrected in Hojo.
    pub fn check_amount(&self, cell: Cell, label: &str, amount: Yen, document: &str) -> Result<(), ImportError> {
        let shown = self.amount(cell)?;
        if shown == amount {
            return Ok(());
        }
        Err(ImportError::Cell {
            sheet: self.name.to_string(),
            cell: cell.a1(),
            message: format!(
                "{label}が {} に書き換えられています（Hojo の記録では {}）。金額は Hojo で直してから{document}を作り直してください (an amount was changed in the workbook)",
                shown.format_yen(),
                amount.format_yen()
            ),
        })
    }

    /// What the cell holds; a formula without its result is refused, naming the cell and what to do.
    fn value(&self, cell: Cell) -> Result<&Data, ImportError> {
        let at = (cell.row, u32::from(cell.col));
        if self.uncached.contains(&at) {
            return Err(self.error(
                cell,
                "数式の計算結果が保存されていません（数式の結果を保存しないソフトで保存されたようです）。Excel か LibreOffice で開いて保存し直すか、数式ではなく値を入力してください (a formula without its cached result)",
            ));
        }
        Ok(self.cells.get(&at).unwrap_or(&Data::Empty))
    }

    fn error(&self, cell: Cell, message: impl Into<String>) -> ImportError {
        ImportError::Cell { sheet: self.name.to_string(), cell: cell.a1(), message: message.into() }
    }

    /// The cell as plain text, whatever it holds (for the data sheet, written as text).
    pub fn raw_text(&self, cell: Cell) -> Result<String, ImportError> {
        Ok(match self.value(cell)? {
            Data::String(text) => text.clone(),
            Data::Float(number) if number.fract() == 0.0 => format!("{number:.0}"),
            Data::Int(number) => number.to_string(),
            Data::Bool(flag) => flag.to_string(),
            _ => String::new(),
        })
    }

    /// Text as typed; an empty cell is `None`. A number typed into a text cell (a phone number without
    /// hyphens) is taken as its digits.
    pub fn text(&self, cell: Cell) -> Result<Option<String>, ImportError> {
        match self.value(cell)? {
            Data::Empty => Ok(None),
            Data::String(text) if text.is_empty() => Ok(None),
            Data::String(text) => Ok(Some(text.clone())),
            Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => Ok(Some(format!("{number:.0}"))),
            Data::Float(number) => Ok(Some(number.to_string())),
            Data::Int(number) => Ok(Some(number.to_string())),
            Data::Bool(flag) => Ok(Some(if *flag { "TRUE" } else { "FALSE" }.to_string())),
            Data::DateTime(_) | Data::DateTimeIso(_) => Ok(self.optional_date(cell)?.map(crate::era::format_date)),
            Data::DurationIso(text) => Ok(Some(text.clone())),
            Data::Error(error) => Err(self
                .error(cell, format!("エラー値（{error}）になっています。文字を入力し直してください (error value)"))),
        }
    }

    /// An amount in whole yen, 0 or more; an empty cell is 0円.
    pub fn amount(&self, cell: Cell) -> Result<Yen, ImportError> {
        let number =
            match self.value(cell)? {
                Data::Empty => return Ok(Yen::ZERO),
                Data::Float(number) => *number,
                Data::Int(number) => *number as f64,
                Data::String(text) => {
                    return parse_yen(text).or_else(|error| match error {
                        crate::typed_input::AmountInputError::Empty => Ok(Yen::ZERO),
                        other => Err(self.error(cell, format!("{other} (not an amount)"))),
                    });
                }
                other => return Err(self.error(
                    cell,
                    format!(
                        "金額のセルに「{other}」が入っています。120000 のように数字で入力してください (not an amount)"
                    ),
                )),
            };
        if number < 0.0 {
            return Err(self.error(cell, "金額がマイナスです。0円以上で入力してください (negative amount)"));
        }
        if number.fract() != 0.0 {
            return Err(
                self.error(cell, format!("「{number}」: 金額は1円単位の整数で入力してください (not whole yen)"))
            );
        }
        if number > 100_000_000_000.0 {
            return Err(self.error(cell, "金額が大きすぎます (amount too large)"));
        }
        Ok(Yen::new(number as i64))
    }

    /// A date that must be there.
    pub fn date(&self, cell: Cell) -> Result<NaiveDate, ImportError> {
        self.optional_date(cell)?.ok_or_else(|| {
            self.error(cell, "日付が入力されていません。令和6年4月1日 のように入力してください (date missing)")
        })
    }

    /// A date: a date cell, a serial number, or text as people type it (令和6年4月1日, R6.4.1, 2024/4/1).
    pub fn optional_date(&self, cell: Cell) -> Result<Option<NaiveDate>, ImportError> {
        match self.value(cell)? {
            Data::Empty => Ok(None),
            Data::String(text) if text.trim().is_empty() => Ok(None),
            Data::DateTime(datetime) => self.serial(cell, datetime.as_f64()).map(Some),
            Data::Float(serial) => self.serial(cell, *serial).map(Some),
            Data::Int(serial) => self.serial(cell, *serial as f64).map(Some),
            Data::DateTimeIso(text) | Data::String(text) => {
                let text = text.split('T').next().unwrap_or(text);
                parse_date(text).map(Some).map_err(|error| self.error(cell, format!("{error} (not a date)")))
            }
            other => Err(self.error(
                cell,
                format!("日付のセルに「{other}」が入っています。令和6年4月1日 のように入力してください (not a date)"),
            )),
        }
    }

    /// 年度: written as its 1 April (shown 令和7年度); typed as 令和7年度, 2025年度 or 2025.
    pub fn fiscal_year(&self, cell: Cell) -> Result<Option<FiscalYear>, ImportError> {
        let wrong = || self.error(cell, "年度として読めません。令和7年度 のように入力してください (not a fiscal year)");
        match self.value(cell)? {
            Data::String(text) => {
                let text = to_half_width(text.trim());
                if text.is_empty() {
                    return Ok(None);
                }
                let stem = text.strip_suffix("年度").unwrap_or(&text);
                if let Ok(year) = stem.parse::<i32>() {
                    return if (1900..=9999).contains(&year) { Ok(Some(FiscalYear::new(year))) } else { Err(wrong()) };
                }
                let date = parse_date(&format!("{stem}年4月1日")).map_err(|_| wrong())?;
                Ok(Some(FiscalYear::of(date)))
            }
            Data::Int(year) if (1900..=9999).contains(year) => Ok(Some(FiscalYear::new(*year as i32))),
            Data::Float(year) if (1900.0..=9999.0).contains(year) && year.fract() == 0.0 => {
                Ok(Some(FiscalYear::new(*year as i32)))
            }
            _ => Ok(self.optional_date(cell)?.map(FiscalYear::of)),
        }
    }

    /// 病床数: a whole number; 「120床」 typed as text is accepted.
    pub fn beds(&self, cell: Cell) -> Result<Option<u32>, ImportError> {
        let wrong = || self.error(cell, "病床数は 120 のように整数で入力してください (beds must be a whole number)");
        match self.value(cell)? {
            Data::Empty => Ok(None),
            Data::Float(number) if number.fract() == 0.0 && (0.0..=1e7).contains(number) => Ok(Some(*number as u32)),
            Data::Int(number) => u32::try_from(*number).map(Some).map_err(|_| wrong()),
            Data::String(text) => {
                let text = to_half_width(text.trim());
                let digits = text.strip_suffix('床').unwrap_or(&text).replace(',', "");
                if digits.is_empty() {
                    return Ok(None);
                }
                digits.trim().parse().map(Some).map_err(|_| wrong())
            }
            _ => Err(wrong()),
        }
    }

    fn serial(&self, cell: Cell, serial: f64) -> Result<NaiveDate, ImportError> {
        // Excel's day 0 is 1899-12-30 for every date after 1900-02-28 (the fictitious 1900-02-29 lies before).
        let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or(NaiveDate::MIN);
        if !(61.0..=2_958_465.0).contains(&serial) {
            return Err(
                self.error(cell, "日付が範囲外です。令和6年4月1日 のように入力してください (date out of range)")
            );
        }
        base.checked_add_days(chrono::Days::new(serial.floor() as u64))
            .ok_or_else(|| self.error(cell, "日付が範囲外です (date out of range)"))
    }
}
