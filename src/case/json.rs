//! Reading and writing case files as JSON. Every problem names its place (a JSON path such as
//! `trainees[0].admission`) and says, in Japanese and in English, what was expected.

use std::fmt;

use super::Case;

/// One thing wrong with a case, at one place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Problem {
    /// JSON path: `trainees[0].enrolled_on`; empty for the whole file.
    pub path: String,
    pub message_ja: String,
    pub message_en: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message_ja: impl Into<String>, message_en: impl Into<String>) -> Problem {
        Problem { path: path.into(), message_ja: message_ja.into(), message_en: message_en.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = if self.path.is_empty() { "(ファイル全体)" } else { &self.path };
        write!(f, "{place}: {} ({})", self.message_ja, self.message_en)
    }
}

/// A case that could not be read or is not valid; holds every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct CaseError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.problems.iter().map(Problem::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl From<Problem> for CaseError {
    fn from(problem: Problem) -> CaseError {
        CaseError { problems: vec![problem] }
    }
}

/// Reads a case from the bytes of a file and validates it against its program's rules.
pub fn parse_case(bytes: &[u8]) -> Result<Case, CaseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::new(
            "",
            "ファイルが空です。hojo-case/1 形式のJSONを指定してください",
            "the file is empty; expected a hojo-case/1 JSON file",
        )
        .into());
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let mut case: Case = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let english = error.inner().to_string();
        let english = english.split(" at line ").next().unwrap_or(&english).to_string();
        let japanese = translate(error.inner());
        // Our own messages (dates, months, filings) are Japanese already; give the English reader the gist.
        let english = if english == japanese { "invalid value".to_string() } else { english };
        Problem::new(path, japanese, english)
    })?;
    deserializer.end().map_err(|error| {
        Problem::new(
            "",
            format!("JSONの後に余分な文字があります（{}行{}列）", error.line(), error.column()),
            error.to_string(),
        )
    })?;
    // An item given by its receipts only gets its amount before the amounts are checked against them.
    case.normalize();
    super::validate(&case)?;
    Ok(case)
}

/// The case as pretty-printed JSON, the form the app exports.
pub fn to_json(case: &Case) -> String {
    // Serializing plain data with string keys cannot fail.
    serde_json::to_string_pretty(case).unwrap_or_default()
}

/// serde_json's English message in Japanese words a hospital user understands.
fn translate(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let english = error.to_string();
    let at = format!("（{}行{}列）", error.line(), error.column());
    match error.classify() {
        Category::Syntax => {
            format!("JSONとして読めません{at}。ファイルが壊れていないか、JSONファイルを選んだか確かめてください")
        }
        Category::Eof => format!("JSONが途中で終わっています{at}。ファイルが最後まで保存されているか確かめてください"),
        Category::Io => "ファイルを読めませんでした".to_string(),
        Category::Data => translate_data_error(&english),
    }
}

fn translate_data_error(english: &str) -> String {
    let quoted = |text: &str| text.split('`').nth(1).unwrap_or("").to_string();
    if english.starts_with("unknown field") {
        let expected = english.split("expected ").nth(1).map(|rest| rest.split(" at line").next().unwrap_or(rest));
        let hint = expected
            .map(|names| format!("。使える項目: {}", names.replace('`', "").replace("one of ", "")))
            .unwrap_or_default();
        format!("知らない項目「{}」があります（綴りを確かめてください{hint}）", quoted(english))
    } else if english.starts_with("missing field") {
        format!("必須の項目「{}」がありません", quoted(english))
    } else if english.starts_with("invalid type") {
        let expected = english.split("expected ").nth(1).unwrap_or("").split(" at line").next().unwrap_or("");
        format!("値の種類が違います（{}が必要です）", expected_in_japanese(expected))
    } else if english.starts_with("unknown variant") {
        let expected = english.split("expected ").nth(1).unwrap_or("").split(" at line").next().unwrap_or("");
        format!(
            "「{}」は使えない値です。次のどれかを書いてください: {}",
            quoted(english),
            expected.replace('`', "").replace("one of ", "")
        )
    } else if english.starts_with("invalid value") {
        let expected = english.split("expected ").nth(1).unwrap_or("").split(" at line").next().unwrap_or("");
        format!("値が範囲外です（{}が必要です）", expected_in_japanese(expected))
    } else {
        // Our own messages (dates, months, filings) are already Japanese; keep them, minus the position suffix.
        english.split(" at line ").next().unwrap_or(english).to_string()
    }
}

fn expected_in_japanese(expected: &str) -> String {
    match expected {
        "i64" | "u32" | "i32" | "u64" => "整数（円単位の金額や床数は 120000 のように引用符なしの数字）".to_string(),
        "a string" => "文字列（\"…\" で囲んだ文字）".to_string(),
        "a boolean" => "true か false".to_string(),
        "a sequence" => "リスト（[ … ]）".to_string(),
        "a map" | "struct Case" | "struct Hospital" | "struct Trainee" | "struct Contact" | "struct SalaryMonth" => {
            "オブジェクト（{ … }）".to_string()
        }
        other if other.starts_with("struct") => "オブジェクト（{ … }）".to_string(),
        other => other.to_string(),
    }
}
