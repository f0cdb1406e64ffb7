//! Names as people type them: a trailing space, a full-width space between family and given name, two spaces.
//! Two names that differ only so are the same hospital or the same nurse. Bottom layer: imports nothing of the
//! store.

use crate::normalize::to_half_width;

/// The form two names are compared in: half-width (spaces and ASCII), runs of white space as one space, none
/// at either end. Kana and kanji are left as typed.
pub(crate) fn name_key(name: &str) -> String {
    to_half_width(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn names_differing_only_in_spaces_have_one_key() {
        for typed in ["さくら病院 ", " さくら病院", "さくら病院\u{3000}", "さくら病院"] {
            assert_eq!(name_key(typed), "さくら病院", "{typed:?}");
        }
        assert_eq!(name_key("看護\u{3000}花子"), name_key("看護  花子"));
        assert_eq!(name_key("看護 花子"), "看護 花子");
        assert_ne!(name_key("看護花子"), name_key("看護 花子"), "a space inside a name is part of it");
    }
}
