//! 「名簿から読み込む」: the 厚生局's 名簿 is read once (it takes a moment: the screen shows progress), kept while
//! the user searches it by 医療機関番号 or name, and the chosen institution fills the hospital's profile and 届出.

use std::path::Path;
use std::sync::Mutex;

use hojo::case::Case;
use hojo::meibo::{FilingScope, Meibo, ProfileUpdate, rules_for_meibo, update_hospital};
use hojo::program::Program;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{AppError, AppResult};

/// The 名簿 read last, kept for the searches that follow.
#[derive(Default)]
pub struct MeiboState {
    meibo: Mutex<Option<Meibo>>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MeiboSummary {
    /// The file's name (not its folder), as the user chose it.
    pub file_name: String,
    /// The 地方厚生局 of the file's prefectures (関東信越厚生局); `None` when its rows belong to several.
    pub authority: Option<String>,
    /// The prefectures of its rows, by name: 山梨県
    pub prefectures: Vec<String>,
    /// The date the data is as of (「現在」), ISO.
    pub as_of: Option<String>,
    pub institutions: usize,
    /// What was left out while reading, in Japanese.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Candidate {
    /// 医療機関番号
    pub number: String,
    pub name: String,
    /// 所在地 with the prefecture in front (the 名簿 leaves it out): 山梨県甲府市宝一丁目９－１
    pub address: String,
    pub beds: Option<u32>,
    /// The filing conditions (病床数 and 届出: H2–H4, X2, X3) are all met.
    pub meets_filing_conditions: bool,
    /// 受理記号 that satisfied a required filing.
    pub matched_symbols: Vec<String>,
}

/// The most candidates one search shows; a longer list means the user should type more of the name.
pub const MAX_CANDIDATES: usize = 50;

impl MeiboState {
    pub fn open(&self, path: &Path) -> AppResult<MeiboSummary> {
        let meibo = Meibo::open(path)
            .map_err(|error| AppError::new(format!("{} を名簿として読めませんでした。{error}", path.display())))?;
        let summary = MeiboSummary {
            file_name: path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default(),
            authority: meibo.authority.clone(),
            prefectures: meibo
                .prefecture_codes()
                .into_iter()
                .map(|code| hojo::prefecture::name_of(code).unwrap_or(code).to_string())
                .collect(),
            as_of: meibo.as_of.map(|date| date.to_string()),
            institutions: meibo.institutions.len(),
            warnings: meibo.warnings.iter().take(20).map(|warning| warning.to_string()).collect(),
        };
        *self.meibo.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(meibo);
        Ok(summary)
    }

    /// Institutions by 医療機関番号 (7 or 10 digits) or by part of the name, hospitals meeting the conditions first.
    pub fn search(&self, query: &str, case: Option<&Case>) -> AppResult<Vec<Candidate>> {
        let guard = self.meibo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let meibo = guard.as_ref().ok_or_else(|| AppError::new("先に名簿ファイルを選んでください"))?;
        let rules = match case {
            Some(case) => Program::get(&case.program)?.rules_for(case.fiscal_year)?,
            None => rules_for_meibo(Program::get(Program::DEFAULT)?, meibo)?,
        };
        let found: Vec<_> = match meibo.find_by_number(query) {
            Some(institution) => vec![institution],
            None => meibo.search_name(query),
        };
        let mut candidates: Vec<Candidate> = found
            .into_iter()
            .map(|institution| {
                let evaluation = institution.evaluate(rules);
                Candidate {
                    number: institution.number.clone(),
                    name: institution.name.clone(),
                    address: institution.full_address(),
                    beds: institution.beds.total(),
                    meets_filing_conditions: evaluation.meets_filing_conditions,
                    matched_symbols: evaluation.matched_symbols,
                }
            })
            .collect();
        candidates.sort_by_key(|candidate| !candidate.meets_filing_conditions);
        candidates.truncate(MAX_CANDIDATES);
        Ok(candidates)
    }

    /// Fills the hospital from the chosen institution by the library's rule (`hojo::meibo::update_hospital`: 名称,
    /// 都道府県, 所在地, 病床数 and the 届出 the program's rules name, or every 届出 with `FilingScope::All`) and
    /// returns the profile with what changed, before → after, for the user to see before it is applied. What the
    /// 名簿 does not hold (開設者, 代表者, 担当者, 目的, the X4 declaration) is kept: the 名簿 only suggests the
    /// 開設者 (see `founder_hint`).
    pub fn update(&self, case: &Case, number: &str, scope: FilingScope) -> AppResult<ProfileUpdate> {
        let guard = self.meibo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let meibo = guard.as_ref().ok_or_else(|| AppError::new("先に名簿ファイルを選んでください"))?;
        let institution = meibo
            .find_by_number(number)
            .ok_or_else(|| AppError::new(format!("医療機関番号 {number} は名簿にありません")))?;
        let rules = Program::get(&case.program)?.rules_for(case.fiscal_year)?;
        Ok(update_hospital(institution, rules, &case.hospital, scope))
    }

    /// What the institution's name suggests about its 開設者, for the user to confirm on 病院情報.
    pub fn founder_hint(&self, number: &str) -> Option<String> {
        let guard = self.meibo.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let guess = guard.as_ref()?.find_by_number(number)?.founder_guess()?;
        Some(format!("{} 「開設者の種別」で確かめて選んでください。", guess.note))
    }
}
