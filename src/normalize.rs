//! Text as people type it on Japanese keyboards, brought to one form before it is read: full-width ASCII and
//! the ideographic space to half-width.

/// Full-width ASCII (digits, letters, punctuation) and the ideographic space to their half-width forms.
pub fn to_half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '、' => ',',
            '−' => '-',
            _ => c,
        })
        .collect()
}
/// The form two names are compared in: half-width (spaces and ASCII), runs of white space as one space, none
/// at either end; kana and kanji as typed. Two names that differ only so are the same hospital or the same nurse
/// (「さくら病院 」 is さくら病院, 「看護　花子」 is 看護 花子).
pub fn name_key(name: &str) -> String {
    to_half_width(name).split_whitespace().collect::<Vec<_>>().join(" ")
}
