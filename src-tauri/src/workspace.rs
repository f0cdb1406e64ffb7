//! The app's state: the open application and where it is kept. Every edit is applied to a copy, kept, and only
//! then shown, so a refused edit or a failed write leaves both the screen and the stored data as they were.

use std::sync::{Mutex, MutexGuard};

use hojo::case::{Case, Hospital};
use hojo::fiscal_year::FiscalYear;
use hojo::program::Program;

use crate::error::{AppError, AppResult};
use crate::snapshot::{Snapshot, Storage, snapshot};

pub struct Workspace {
    inner: Mutex<Inner>,
}

struct Inner {
    case: Option<Case>,
    storage: Storage,
}

impl Workspace {
    /// A workspace that keeps the application in memory only (until the database is wired in).
    pub fn in_memory() -> Workspace {
        let storage = Storage { database: "（メモリ上のみ）".to_string(), backups: String::new(), persistent: false };
        Workspace { inner: Mutex::new(Inner { case: None, storage }) }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave a half-applied edit (edits go to a copy): keep going.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn snapshot(&self) -> Snapshot {
        let inner = self.lock();
        snapshot(inner.case.as_ref(), inner.storage.clone())
    }

    pub fn case(&self) -> Option<Case> {
        self.lock().case.clone()
    }

    /// Starts the application of a 年度 for a hospital.
    pub fn start_case(&self, fiscal_year: i32, hospital_name: &str) -> AppResult<Snapshot> {
        if hospital_name.trim().is_empty() {
            return Err(AppError::at("hospital.name", "病院名を入力してください"));
        }
        let program = Program::get("kanwa-nurse")?;
        let year = FiscalYear::new(fiscal_year);
        program.rules_for(year).map_err(|error| AppError::at("fiscal_year", error.to_string()))?;
        let hospital = Hospital { name: hospital_name.trim().to_string(), prefecture_code: Some("13".to_string()), ..Hospital::default() };
        self.replace(Case::new(&program.id, year, hospital))
    }

    /// Replaces the open application (a case file read by 「JSONで読み込む」).
    pub fn replace(&self, case: Case) -> AppResult<Snapshot> {
        let mut inner = self.lock();
        inner.case = Some(case);
        Ok(snapshot(inner.case.as_ref(), inner.storage.clone()))
    }

    /// Applies one edit to a copy of the open application, keeps it, and returns what the screens show.
    pub fn edit<T>(&self, change: impl FnOnce(&mut Case) -> AppResult<T>) -> AppResult<Snapshot> {
        let mut inner = self.lock();
        let mut case = inner.case.clone().ok_or_else(crate::error::no_case)?;
        change(&mut case)?;
        inner.case = Some(case);
        Ok(snapshot(inner.case.as_ref(), inner.storage.clone()))
    }
}
