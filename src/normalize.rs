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
