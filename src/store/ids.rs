//! Row ids, one type per table so that a cost id cannot be passed where a trainee is meant.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "number"))]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

id_type!(
    /// A hospital.
    HospitalId,
    /// One application: a hospital, a program, a 年度.
    ApplicationId,
    /// A nurse of a hospital.
    TraineeId,
    /// A course a nurse takes (it may span several 年度).
    CourseId,
    /// A trainee's course claimed in one application: her row of the 所要額調書 for that 年度.
    ClaimId,
    /// A cost entry (a receipt, or one amount for an item).
    CostId,
    /// One month of 人件費.
    SalaryMonthId,
    /// The scan or PDF of a receipt.
    AttachmentId,
);
