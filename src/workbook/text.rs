//! Japanese text in cells: how wide it is, how much a column holds, and where a line may break.
//!
//! Spreadsheet column widths count half-width characters; a full-width character takes two. Where Hojo wraps
//! its own text (titles, notes, open points) it breaks lines itself with 禁則処理: no line starts with 、 。 ）
//! 」 and the like, no line ends with （ 「, and a run of half-width letters and digits (1,100,000円, R6.4.1)
//! stays whole. Text the user typed is written as typed: its cells wrap, and this module only estimates how
//! many lines they take, to give every row that shows it (the formula copies too) its height.

/// Half-width characters a column `width` wide holds on one line, with a margin. LibreOffice (measured with
/// IPAMincho for ＭＳ 明朝 10.5pt) holds `width` of them, Excel about as many; the margin of one full-width
/// character, a little more in wide columns, covers the difference, so a line Hojo counts as fitting is never
/// wrapped again by the viewer and a row is never too short for the lines it shows.
pub fn line_units(width: f64) -> usize {
    ((width * 0.97).floor() - 1.0).max(2.0) as usize
}

/// The narrowest column (in whole characters) whose lines hold `units` half-width characters.
pub fn width_for(units: usize) -> f64 {
    let mut width = ((units as f64 + 1.0) / 0.97).ceil();
    while line_units(width) < units {
        width += 1.0;
    }
    width
}

/// Characters that must not begin a line (行頭禁則).
const NO_LINE_START: &str =
    "、。，．,.）)」』】〕〉》］]｝}！!？?・：:；;ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐゠–〜～";
/// Characters that must not end a line (行末禁則).
const NO_LINE_END: &str = "（(「『【〔〈《［[｛{";

/// Width in half-width units: 2 for CJK and full-width forms, 1 otherwise.
pub fn char_width(c: char) -> usize {
    let code = c as u32;
    let wide = matches!(code,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

/// Width of a line in half-width units.
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Width of the widest line of a text that may hold line breaks.
pub fn widest_line(text: &str) -> usize {
    text.lines().map(display_width).max().unwrap_or(0)
}

/// Breaks a text into lines no wider than `width` half-width units (a single unbreakable run may be wider),
/// keeping the given line breaks and the 禁則 rules.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, width, &mut lines);
    }
    lines
}

/// Breaks a fixed label at the places a reader expects: at spaces and before each of `break_before`
/// (「認定看護師」, 「（」…), packing as many of those phrases on a line as fit; a phrase wider than the line is
/// broken with [`wrap`]. So 緩和ケア認定看護師 becomes 緩和ケア / 認定看護師 rather than 緩和ケア認定看 / 護師.
pub fn wrap_phrases(text: &str, width: usize, break_before: &[&str]) -> Vec<String> {
    if display_width(text) <= width {
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (space, phrase) in phrases(text, break_before) {
        // A space that separated two phrases stays between them on one line and goes at a break.
        let joined = if line.is_empty() { phrase.clone() } else { format!("{line}{space}{phrase}") };
        if display_width(&joined) <= width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if display_width(&phrase) <= width {
            line = phrase;
        } else {
            let mut pieces = wrap(&phrase, width);
            line = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The width of the widest phrase of a label: the narrowest line it can be broken into without splitting a
/// word (see [`wrap_phrases`]).
pub fn widest_phrase(text: &str, break_before: &[&str]) -> usize {
    phrases(text, break_before).iter().map(|(_, phrase)| display_width(phrase)).max().unwrap_or(0)
}

/// A label's phrases, each with the spaces that came before it: split at spaces and before each of
/// `break_before`.
fn phrases(text: &str, break_before: &[&str]) -> Vec<(String, String)> {
    let mut phrases: Vec<(String, String)> = Vec::new();
    let mut space = String::new();
    let mut current = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == ' ' || c == '\u{3000}' {
            if !current.is_empty() {
                phrases.push((std::mem::take(&mut space), std::mem::take(&mut current)));
            }
            space.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if !current.is_empty() && break_before.iter().any(|word| rest.starts_with(word)) {
            phrases.push((std::mem::take(&mut space), std::mem::take(&mut current)));
        }
        current.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !current.is_empty() {
        phrases.push((space, current));
    }
    phrases
}

/// How many lines a cell of this width shows the text in (at least one).
pub fn line_count(text: &str, width: usize) -> usize {
    wrap(text, width).len().max(1)
}

fn wrap_paragraph(paragraph: &str, width: usize, lines: &mut Vec<String>) {
    let chars: Vec<char> = paragraph.chars().collect();
    if chars.is_empty() {
        lines.push(String::new());
        return;
    }
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        let mut used = 0;
        while end < chars.len() && used + char_width(chars[end]) <= width {
            used += char_width(chars[end]);
            end += 1;
        }
        if end == start {
            end = start + 1; // one character wider than the cell: it goes alone
        }
        if end < chars.len() {
            end = break_point(&chars, start, end);
        }
        lines.push(chars[start..end].iter().collect());
        start = end;
    }
}

/// Moves a break back so that the next line does not start with a 行頭禁則 character, this line does not end
/// with a 行末禁則 one, and a half-width word is not split. Never returns `start` (a line keeps at least one
/// character), so a text that cannot be broken well is broken anyway rather than overflowing forever.
fn break_point(chars: &[char], start: usize, end: usize) -> usize {
    let mut at = end;
    loop {
        let next = chars[at];
        let previous = chars[at - 1];
        let bad = NO_LINE_START.contains(next) || NO_LINE_END.contains(previous) || inside_word(previous, next);
        if !bad {
            return at;
        }
        if at - 1 == start {
            return end;
        }
        at -= 1;
    }
}

fn inside_word(previous: char, next: char) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | '-' | '@' | '_' | '/' | ':');
    word(previous) && word(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_characters_count_twice() {
        assert_eq!(display_width("看護 花子"), 9);
        assert_eq!(display_width("１２０，０００"), 14);
        assert_eq!(display_width("abc"), 3);
    }

    #[test]
    fn no_line_starts_with_a_comma_or_a_full_stop() {
        // 10 units: 「あいうえお」 fills a line exactly, so the 、 would start the next line without 禁則.
        let lines = wrap("あいうえお、かきくけこ。さしすせそ", 10);
        for line in &lines {
            assert!(!line.starts_with(['、', '。']), "{lines:?}");
        }
        assert_eq!(lines.concat(), "あいうえお、かきくけこ。さしすせそ");
    }

    #[test]
    fn no_line_ends_with_an_opening_bracket() {
        let lines = wrap("あいうえ「かきくけこ」", 10);
        assert!(lines.iter().all(|line| !line.ends_with('「')), "{lines:?}");
    }

    #[test]
    fn numbers_are_not_split() {
        let lines = wrap("基準額は1,100,000円です", 12);
        assert!(lines.iter().any(|line| line.contains("1,100,000")), "{lines:?}");
    }

    #[test]
    fn every_line_fits_unless_a_single_character_is_wider() {
        let text = "令和6年度において標記補助金の交付を受けたいので、関係書類を添えて申請します。";
        for width in [4, 7, 20, 41, 80] {
            let lines = wrap(text, width);
            assert_eq!(lines.concat(), text);
            for line in &lines {
                assert!(display_width(line) <= width.max(2) || line.chars().count() == 1, "{width}: {lines:?}");
                assert!(!line.starts_with(['、', '。']), "{width}: {lines:?}");
            }
        }
    }

    #[test]
    fn labels_break_between_their_words() {
        let words = ["認定看護師", "専門看護師", "給与費", "（"];
        assert_eq!(wrap_phrases("緩和ケア認定看護師", 10, &words), vec!["緩和ケア", "認定看護師"]);
        assert_eq!(wrap_phrases("がん看護専門看護師", 10, &words), vec!["がん看護", "専門看護師"]);
        assert_eq!(wrap_phrases("代替看護職員給与費", 12, &words), vec!["代替看護職員", "給与費"]);
        assert_eq!(wrap_phrases("受講者給与費", 12, &words), vec!["受講者給与費"]);
        assert_eq!(wrap_phrases("認定看護師教育課程 A課程", 20, &words), vec!["認定看護師教育課程", "A課程"]);
        // A space between phrases kept on one line stays.
        assert_eq!(wrap_phrases("看護部 教育担当 研修係", 18, &words), vec!["看護部 教育担当", "研修係"]);
        assert_eq!(widest_phrase("代替看護職員給与費", &words), 12);
        for line in wrap_phrases("認定看護師教育課程 B課程（特定行為研修を組み込んだ課程）", 20, &words)
        {
            assert!(display_width(&line) <= 20 && !line.starts_with('）'), "{line}");
        }
    }

    #[test]
    fn a_column_holds_what_its_width_says_less_a_margin() {
        assert_eq!(line_units(10.0), 8);
        assert_eq!(line_units(40.0), 37);
        for units in [10, 19, 20, 34, 60] {
            let width = width_for(units);
            assert!(line_units(width) >= units && line_units(width - 1.0) < units, "{units}: {width}");
        }
    }

    #[test]
    fn given_line_breaks_are_kept() {
        assert_eq!(wrap("一行目\n二行目", 40), vec!["一行目", "二行目"]);
        assert_eq!(line_count("", 10), 1);
    }
}
