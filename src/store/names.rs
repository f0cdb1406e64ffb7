//! Names as people type them: a trailing space, a full-width space between family and given name, two spaces.
//! Two names that differ only so are the same hospital or the same nurse. Bottom layer: imports nothing of the
//! store.

/// The domain's one rule of when two typed names are the same (`normalize::name_key`).
pub(crate) use crate::normalize::name_key;

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
