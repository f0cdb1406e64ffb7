//! 病床数 as the 名簿 writes it: groups separated by 「／」, each 「種別　区分　数」 with one ideographic space between
//! the three parts, any of which may be blank: 「一般　　120／療養　　51」, 「一般　一般　393／一般　感染　6」,
//! 「　一般　4」, 「一般　　」 (a kind with no count). A clinic without beds has an empty cell.

use serde::Serialize;

use crate::typed_input::to_half_width;

/// The beds of one institution, group by group as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Beds {
    pub groups: Vec<BedGroup>,
    /// The text as the 名簿 wrote it.
    pub text: String,
}

/// One group: 「一般　感染　6」 is kind 一般, detail 感染, 6 beds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BedGroup {
    /// 一般, 療養, 精神, 結核, 一般（感染）, その他 — the first part, or the second where the first is blank.
    pub kind: String,
    /// The second part where the first is given: 一般, 療養, 感染 (blank in most files).
    pub detail: String,
    /// `None` where the 名簿 leaves the number blank.
    pub count: Option<u32>,
}

impl Beds {
    /// The total over every group with a number; `None` when no group has one (a clinic without beds, or a
    /// 名簿 that names the kind but not the number).
    pub fn total(&self) -> Option<u32> {
        let counts: Vec<u32> = self.groups.iter().filter_map(|group| group.count).collect();
        if counts.is_empty() { None } else { Some(counts.iter().fold(0u32, |sum, n| sum.saturating_add(*n))) }
    }

    /// Beds by kind, summed over groups of the same kind, in the order the kinds first appear.
    pub fn by_kind(&self) -> Vec<(String, u32)> {
        let mut kinds: Vec<(String, u32)> = Vec::new();
        for group in &self.groups {
            let Some(count) = group.count else { continue };
            match kinds.iter_mut().find(|(kind, _)| *kind == group.kind) {
                Some((_, sum)) => *sum = sum.saturating_add(count),
                None => kinds.push((group.kind.clone(), count)),
            }
        }
        kinds
    }

    /// Groups whose text has something other than a kind, a detail and a number (reported as a warning).
    pub fn unreadable_groups(text: &str) -> Vec<String> {
        split_groups(text).filter(|group| parse_group(group).is_none()).map(str::to_string).collect()
    }
}

/// Reads the 病床数 cell. Groups that cannot be read are left out (see [`Beds::unreadable_groups`]).
pub fn parse_beds(text: &str) -> Beds {
    let groups = split_groups(text).filter_map(parse_group).collect();
    Beds { groups, text: text.to_string() }
}

fn split_groups(text: &str) -> impl Iterator<Item = &str> {
    text.split(['／', '/']).filter(|group| !group.trim().is_empty())
}

/// 「一般　感染　6」 → (一般, 感染, 6). The parts are separated by single ideographic spaces; the number is the last
/// part and may be blank or written in full-width digits.
fn parse_group(group: &str) -> Option<BedGroup> {
    let parts: Vec<&str> = group.split(['\u{3000}', ' ']).collect();
    let (number, names) = parts.split_last()?;
    let number = to_half_width(number.trim());
    let count = if number.is_empty() { None } else { Some(number.parse::<u32>().ok()?) };
    let names: Vec<&str> = names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()).collect();
    let (kind, detail) = match names[..] {
        [] => return None,
        [kind] => (kind, ""),
        [kind, detail] => (kind, detail),
        _ => return None,
    };
    // A blank first part with a second one (「　一般　4」) names the kind in the second place.
    Some(BedGroup { kind: kind.to_string(), detail: detail.to_string(), count })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(kind: &str, detail: &str, count: Option<u32>) -> BedGroup {
        BedGroup { kind: kind.into(), detail: detail.into(), count }
    }

    #[test]
    fn reads_general_and_long_term_care_beds() {
        let beds = parse_beds("一般\u{3000}\u{3000}120／療養\u{3000}\u{3000}51");
        assert_eq!(beds.groups, vec![group("一般", "", Some(120)), group("療養", "", Some(51))]);
        assert_eq!(beds.total(), Some(171));
        assert_eq!(beds.by_kind(), vec![("一般".into(), 120), ("療養".into(), 51)]);
    }

    #[test]
    fn reads_kind_and_detail() {
        let beds = parse_beds("一般\u{3000}一般\u{3000}393／一般\u{3000}感染\u{3000}6／療養\u{3000}\u{3000}50");
        assert_eq!(beds.groups[1], group("一般", "感染", Some(6)));
        assert_eq!(beds.total(), Some(449));
        assert_eq!(beds.by_kind(), vec![("一般".into(), 399), ("療養".into(), 50)]);
    }

    #[test]
    fn a_blank_first_part_takes_the_kind_from_the_second() {
        let beds = parse_beds("\u{3000}一般\u{3000}4");
        assert_eq!(beds.groups, vec![group("一般", "", Some(4))]);
    }

    #[test]
    fn a_kind_without_a_number_counts_nothing() {
        assert_eq!(parse_beds("一般\u{3000}\u{3000}").total(), None);
        let partly = parse_beds("一般\u{3000}一般\u{3000}167／精神\u{3000}精神\u{3000}／結核\u{3000}\u{3000}");
        assert_eq!(partly.total(), Some(167));
        assert_eq!(partly.groups.len(), 3);
    }

    #[test]
    fn an_empty_cell_is_no_beds() {
        assert_eq!(parse_beds("").total(), None);
        assert_eq!(parse_beds("\u{3000}\u{3000}").total(), None);
    }

    #[test]
    fn full_width_digits_read() {
        assert_eq!(parse_beds("一般\u{3000}\u{3000}１２０").total(), Some(120));
    }

    #[test]
    fn nonsense_is_reported_not_counted() {
        assert_eq!(parse_beds("一般\u{3000}\u{3000}百床").total(), None);
        assert_eq!(
            Beds::unreadable_groups("一般\u{3000}\u{3000}百床／療養\u{3000}\u{3000}5"),
            vec!["一般\u{3000}\u{3000}百床"]
        );
    }
}
