//! 開設者 (X1) guessed from an institution's name. The 名簿 has no 開設者 column, so a guess is all it can give:
//! it is returned beside the hospital, never written into `Hospital::founder_type`, so X1 stays "needs
//! confirmation" until the user confirms the 開設者 (docs/meibo.md, 「開設者の推定」).

use serde::Serialize;

use crate::case::FounderType;

/// A guess at the 開設者 and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FounderGuess {
    pub founder_type: FounderType,
    /// The words of the name the guess rests on: 独立行政法人国立病院機構
    pub evidence: String,
    /// What the user is told: the guess, its ground, and that it must be confirmed.
    pub note: String,
}

/// Words in a name and the 開設者 they suggest, most specific first (地方独立行政法人 before 独立行政法人).
const CLUES: [(&str, FounderType); 23] = [
    ("地方独立行政法人", FounderType::LocalIncorporatedAdministrativeAgency),
    // Since 2022 the 都立病院 are run by 地方独立行政法人東京都立病院機構, whatever the name says.
    ("東京都立", FounderType::LocalIncorporatedAdministrativeAgency),
    ("都立", FounderType::LocalIncorporatedAdministrativeAgency),
    ("独立行政法人", FounderType::IncorporatedAdministrativeAgency),
    ("国立病院機構", FounderType::IncorporatedAdministrativeAgency),
    ("地域医療機能推進機構", FounderType::IncorporatedAdministrativeAgency),
    ("労働者健康安全機構", FounderType::IncorporatedAdministrativeAgency),
    ("国立研究開発法人", FounderType::IncorporatedAdministrativeAgency),
    ("国立大学法人", FounderType::NationalUniversityCorporation),
    ("国立療養所", FounderType::National),
    ("自衛隊", FounderType::National),
    ("防衛医科大学校", FounderType::National),
    ("県立", FounderType::Prefecture),
    ("府立", FounderType::Prefecture),
    ("道立", FounderType::Prefecture),
    ("市立", FounderType::Municipality),
    ("区立", FounderType::Municipality),
    ("町立", FounderType::Municipality),
    ("村立", FounderType::Municipality),
    ("医療法人", FounderType::MedicalCorporation),
    ("社会福祉法人", FounderType::SocialWelfareCorporation),
    ("公益財団法人", FounderType::PublicInterestCorporation),
    ("公益社団法人", FounderType::PublicInterestCorporation),
];

/// Guesses the 開設者 from the name; `None` when the name has no clue (most clinics, 学校法人, 日本赤十字社…).
pub fn guess_founder(name: &str) -> Option<FounderGuess> {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let (evidence, founder_type) = CLUES.iter().find(|(word, _)| compact.contains(word))?;
    let evidence = longest_evidence(&compact, evidence);
    let note = format!(
        "名称の「{evidence}」から開設者を{}と推定しました。名簿には開設者の欄がないため、開設許可証等で確認して選んでください。",
        founder_type.label()
    );
    Some(FounderGuess { founder_type: *founder_type, evidence, note })
}

/// For 独立行政法人 the organisation that follows is the useful part of the evidence: 独立行政法人国立病院機構.
fn longest_evidence(name: &str, word: &str) -> String {
    const ORGANISATIONS: [&str; 3] = ["国立病院機構", "地域医療機能推進機構", "労働者健康安全機構"];
    if word == "独立行政法人"
        && let Some(organisation) = ORGANISATIONS.iter().find(|o| name.contains(*o))
    {
        return format!("{word}{organisation}");
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(name: &str) -> Option<FounderType> {
        guess_founder(name).map(|g| g.founder_type)
    }

    #[test]
    fn national_agencies_are_guessed_as_incorporated_administrative_agencies() {
        assert_eq!(
            guess("独立行政法人国立病院機構\u{3000}埼玉病院"),
            Some(FounderType::IncorporatedAdministrativeAgency)
        );
        assert_eq!(
            guess("独立行政法人地域医療機能推進機構\u{3000}埼玉メディカルセンター"),
            Some(FounderType::IncorporatedAdministrativeAgency)
        );
        assert_eq!(
            guess("国立研究開発法人\u{3000}国立がん研究センター中央病院"),
            Some(FounderType::IncorporatedAdministrativeAgency)
        );
        assert_eq!(
            guess("国立大学法人\u{3000}山梨大学医学部附属病院"),
            Some(FounderType::NationalUniversityCorporation)
        );
    }

    #[test]
    fn local_agencies_are_not_mistaken_for_national_ones() {
        assert_eq!(
            guess("地方独立行政法人\u{3000}山梨県立病院機構\u{3000}山梨県立中央病院"),
            Some(FounderType::LocalIncorporatedAdministrativeAgency)
        );
        assert_eq!(guess("東京都立広尾病院"), Some(FounderType::LocalIncorporatedAdministrativeAgency));
    }

    #[test]
    fn public_and_private_founders() {
        assert_eq!(guess("埼玉県立小児医療センター"), Some(FounderType::Prefecture));
        assert_eq!(guess("川口市立医療センター"), Some(FounderType::Municipality));
        assert_eq!(guess("医療法人社団\u{3000}さくら会\u{3000}さくら病院"), Some(FounderType::MedicalCorporation));
        assert_eq!(guess("社会医療法人\u{3000}財団\u{3000}例会病院"), Some(FounderType::MedicalCorporation));
        assert_eq!(guess("公益社団法人\u{3000}地域医療振興協会"), Some(FounderType::PublicInterestCorporation));
        assert_eq!(guess("田辺医院"), None);
    }

    #[test]
    fn the_note_names_the_evidence_and_asks_for_confirmation() {
        let guess = guess_founder("独立行政法人国立病院機構\u{3000}西埼玉中央病院").unwrap();
        assert_eq!(guess.evidence, "独立行政法人国立病院機構");
        assert!(guess.note.contains("確認"), "{}", guess.note);
        assert!(guess.note.contains("独立行政法人（国立研究開発法人を含む）"), "{}", guess.note);
    }
}
