//! The trainee checks: T1 a 対象資格, T2 entered on or after the first admissible date, T3 the course overlaps
//! the 年度.

use super::{Check, Verdict};
use crate::case::Trainee;
use crate::era::format_date;
use crate::fiscal_year::FiscalYear;
use crate::program::{CheckId, Rules};

pub fn check_trainee(trainee: &Trainee, rules: &Rules, year: FiscalYear) -> Vec<Check> {
    vec![qualification(trainee, rules), enrollment(trainee, rules), period(trainee, year)]
}

fn qualification(trainee: &Trainee, rules: &Rules) -> Check {
    let label = "対象資格であること";
    match rules.qualification(&trainee.qualification) {
        Some(q) => Check::new(CheckId::T1, label, Verdict::Met, format!("{}は対象資格です。", q.label)),
        None => {
            let known: Vec<&str> = rules.qualifications.iter().map(|q| q.label.as_str()).collect();
            let reason =
                format!("「{}」は対象資格ではありません。対象は{}です。", trainee.qualification, known.join("・"));
            Check::new(CheckId::T1, label, Verdict::NotMet, reason)
        }
    }
}

fn enrollment(trainee: &Trainee, rules: &Rules) -> Check {
    let Some(first) = rules.first_enrollment_date else {
        return Check::new(
            CheckId::T2,
            "対象となる入学日であること",
            Verdict::Met,
            "入学日の制限はありません。".into(),
        );
    };
    let label = format!("{}以降の入学であること", format_date(first));
    let entered = format_date(trainee.enrolled_on);
    if trainee.enrolled_on >= first {
        Check::new(CheckId::T2, &label, Verdict::Met, format!("入学日は{entered}です。"))
    } else {
        let reason = format!(
            "入学日が{entered}です。{}以降に入学した方が対象です（{}入学分から）。",
            format_date(first),
            FiscalYear::of(first).japanese_name()
        );
        Check::new(CheckId::T2, &label, Verdict::NotMet, reason)
    }
}

fn period(trainee: &Trainee, year: FiscalYear) -> Check {
    let label = format!("受講期間が{}にかかること（又は認定審査の年度であること）", year.japanese_name());
    let span = format!("{}〜{}", format_date(trainee.enrolled_on), format_date(trainee.course_ends_on));
    if trainee.course_overlaps(year) {
        Check::new(CheckId::T3, &label, Verdict::Met, format!("受講期間は{span}です。"))
    } else if trainee.is_exam_year_after_course(year) {
        let reason = format!(
            "受講期間（{span}）の後の、認定審査を受ける年度です。この年度は認定審査料・認定登録料だけが対象になります。"
        );
        Check::new(CheckId::T3, &label, Verdict::Met, reason)
    } else {
        let reason = format!(
            "受講期間（{span}）が{}と重なりません。受講期間のある年度か、認定審査を受ける年度（認定審査受審予定年度）に申請してください。",
            year.japanese_name()
        );
        Check::new(CheckId::T3, &label, Verdict::NotMet, reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::Program;
    use chrono::NaiveDate;

    fn rules() -> &'static Rules {
        Program::get("kanwa-nurse").unwrap().rules_for(FiscalYear::new(2024)).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn trainee(enrolled_on: NaiveDate, course_ends_on: NaiveDate) -> Trainee {
        Trainee { enrolled_on, course_ends_on, ..crate::case::sample_trainee() }
    }

    fn verdict_of(t: &Trainee, id: &str, year: i32) -> Verdict {
        check_trainee(t, rules(), FiscalYear::new(year)).into_iter().find(|c| c.id.id() == id).unwrap().verdict
    }

    #[test]
    fn t2_entry_on_the_first_day_counts_the_day_before_does_not() {
        assert_eq!(verdict_of(&trainee(date(2024, 4, 1), date(2025, 3, 14)), "T2", 2024), Verdict::Met);
        assert_eq!(verdict_of(&trainee(date(2024, 3, 31), date(2025, 3, 14)), "T2", 2024), Verdict::NotMet);
    }

    #[test]
    fn t1_every_listed_qualification_and_nothing_else() {
        for id in ["cancer_nursing_cns", "palliative_care_cn", "cancer_pain_cn"] {
            let t = Trainee { qualification: id.into(), ..trainee(date(2024, 4, 8), date(2025, 3, 14)) };
            assert_eq!(verdict_of(&t, "T1", 2024), Verdict::Met, "{id}");
        }
        let other = Trainee { qualification: "wound_care_cn".into(), ..trainee(date(2024, 4, 8), date(2025, 3, 14)) };
        assert_eq!(verdict_of(&other, "T1", 2024), Verdict::NotMet);
    }

    #[test]
    fn t3_the_exam_year_after_the_course_is_met() {
        let course =
            Trainee { exam_fiscal_year: Some(FiscalYear::new(2025)), ..trainee(date(2024, 4, 8), date(2025, 3, 14)) };
        assert_eq!(verdict_of(&course, "T3", 2025), Verdict::Met);
        assert_eq!(verdict_of(&course, "T3", 2026), Verdict::NotMet);
    }

    #[test]
    fn t3_the_course_must_touch_the_fiscal_year() {
        let course = trainee(date(2024, 4, 8), date(2026, 3, 20));
        assert_eq!(verdict_of(&course, "T3", 2024), Verdict::Met);
        assert_eq!(verdict_of(&course, "T3", 2025), Verdict::Met);
        assert_eq!(verdict_of(&course, "T3", 2026), Verdict::NotMet);
        let ends_on_first_day = trainee(date(2024, 4, 8), date(2025, 4, 1));
        assert_eq!(verdict_of(&ends_on_first_day, "T3", 2025), Verdict::Met);
    }
}
