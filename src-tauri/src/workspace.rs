//! The app's state: the open application and the database it lives in. Every edit is the library's typed edit
//! (`hojo::edit::CaseEdit`), applied by the store in one transaction with its history (`Store::apply_edit`), and
//! the screens are then shown the case as the database holds it — so a refused edit or a failed write changes
//! nothing anywhere.
//! Without a database (it could not be opened) the application is kept in memory and the screens say so.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use hojo::case::{Case, Hospital};
use hojo::edit::CaseEdit;
use hojo::fiscal_year::FiscalYear;
use hojo::program::Program;
use hojo::store::{
    ApplicationId, ContinuingCourse, CourseId, Editor, HospitalId, ImportMode, SavedApplication, Store, backup_dir,
};

use crate::error::store_error;
use crate::error::{AppError, AppResult, no_case};
use crate::snapshot::{Snapshot, Storage, snapshot};

/// Where the open application lives in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub hospital: HospitalId,
    pub application: ApplicationId,
}

pub struct Workspace {
    inner: Mutex<Inner>,
}

struct Inner {
    case: Option<Case>,
    db: Option<Db>,
    storage: Storage,
    /// The file written last (its folder is what 「フォルダを開く」 opens).
    last_written: Option<PathBuf>,
    /// A nurse's cost sheet whose changes the user is being shown, read in when she agrees.
    pending_costs: Option<hojo::store::TraineeCosts>,
}

struct Db {
    store: Store,
    place: Option<Place>,
}

impl Inner {
    /// The snapshot of the open application, with its 状態 from the database.
    fn show(&self) -> Snapshot {
        self.status_of(snapshot(self.case.as_ref(), self.storage.clone()))
    }

    /// Adds the open application's 状態 and, when its figures are frozen, why (the screens disable the fields and
    /// say so). A 状態 that cannot be read leaves them empty: the store still refuses a frozen edit.
    fn status_of(&self, mut shown: Snapshot) -> Snapshot {
        let place = self.db.as_ref().and_then(|db| db.place.map(|place| (db, place)));
        if let (Some((db, place)), Some(_)) = (place, self.case.as_ref())
            && let Ok(lifecycle) = db.store.lifecycle(place.application)
        {
            shown.status = Some(lifecycle.status);
            shown.frozen = lifecycle.status.edit_refusal();
        }
        shown
    }
}

impl Workspace {
    /// A workspace that keeps the application in memory only; `problem` says why, when a database failed.
    pub fn in_memory(problem: Option<String>) -> Workspace {
        let storage = Storage { database: String::new(), backups: String::new(), persistent: false, problem };
        Workspace {
            inner: Mutex::new(Inner { case: None, db: None, storage, last_written: None, pending_costs: None }),
        }
    }

    /// Opens (or creates) the database and the application the user last worked on (by the history).
    pub fn open(path: &Path) -> AppResult<Workspace> {
        let store = Store::open(path).map_err(store_error)?;
        let storage = Storage {
            database: path.display().to_string(),
            backups: backup_dir(path).display().to_string(),
            persistent: true,
            problem: None,
        };
        let place = store
            .last_worked_on()
            .map_err(store_error)?
            .or(store.application_list().map_err(store_error)?.into_iter().next())
            .map(|saved| Place { hospital: saved.hospital_id, application: saved.id });
        let case = place.map(|place| store.load_case(place.application)).transpose().map_err(store_error)?;
        Ok(Workspace {
            inner: Mutex::new(Inner {
                case,
                db: Some(Db { store, place }),
                storage,
                last_written: None,
                pending_costs: None,
            }),
        })
    }

    /// The database named by HOJO_DB, else the app-data folder's; in memory (saying why) when it cannot be opened.
    pub fn open_default() -> Workspace {
        match hojo::store::resolve_db_path(None) {
            None => {
                Workspace::in_memory(Some("ホームフォルダが分からないため、データベースを作れませんでした".to_string()))
            }
            Some(path) => Workspace::open(&path).unwrap_or_else(|error| {
                Workspace::in_memory(Some(format!(
                    "データベース {} を開けませんでした: {}",
                    path.display(),
                    error.message
                )))
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave a half-applied edit (edits go to a copy): keep going.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn snapshot(&self) -> Snapshot {
        self.lock().show()
    }

    pub fn case(&self) -> Option<Case> {
        self.lock().case.clone()
    }

    /// Remembers a file the user had written (through a dialog) and returns it for the screen to show.
    pub fn remember_written(&self, path: PathBuf) -> String {
        let shown = path.display().to_string();
        self.lock().last_written = Some(path);
        shown
    }

    pub fn keep_cost_sheet(&self, sheet: hojo::store::TraineeCosts) {
        self.lock().pending_costs = Some(sheet);
    }

    pub fn take_cost_sheet(&self) -> Option<hojo::store::TraineeCosts> {
        self.lock().pending_costs.take()
    }

    pub fn last_written(&self) -> Option<PathBuf> {
        self.lock().last_written.clone()
    }

    pub fn database_path(&self) -> Option<PathBuf> {
        self.lock().db.as_ref().map(|db| db.store.path().to_path_buf())
    }

    /// Starts (or reopens) the application of a 年度 and program for a hospital; one hospital holds applications
    /// of several programs, each 年度 its own.
    pub fn start_case(&self, fiscal_year: i32, hospital_name: &str, program: &str) -> AppResult<Snapshot> {
        let name = hospital_name.trim();
        if name.is_empty() {
            return Err(AppError::at("hospital.name", "病院名を入力してください"));
        }
        let program = Program::get(program).map_err(|error| AppError::at("program", error.to_string()))?;
        let year = FiscalYear::new(fiscal_year);
        program.rules_for(year).map_err(|error| AppError::at("fiscal_year", error.to_string()))?;
        let hospital =
            Hospital { name: name.to_string(), prefecture_code: Some("13".to_string()), ..Hospital::default() };
        let mut inner = self.lock();
        let case = match inner.db.as_mut() {
            None => Case::new(&program.id, year, hospital),
            Some(db) => {
                let editor = Editor::Administrator;
                // 「さくら病院 」 with a stray space is the same hospital, not a new empty one.
                let existing = db.store.find_hospital_like(name).map_err(store_error)?.into_iter().next();
                let hospital_id = match existing {
                    Some(found) => found.id,
                    None => db.store.add_hospital(&editor, &hospital).map_err(store_error)?,
                };
                let application =
                    db.store.start_application(&editor, hospital_id, &program.id, year).map_err(store_error)?;
                db.place = Some(Place { hospital: hospital_id, application });
                db.store.load_case(application).map_err(store_error)?
            }
        };
        inner.case = Some(case);
        Ok(inner.show())
    }

    /// The saved applications, the most recently changed first (はじめに lists them).
    pub fn saved_applications(&self, name: Option<&str>) -> AppResult<Vec<SavedApplication>> {
        let inner = self.lock();
        let Some(db) = inner.db.as_ref() else { return Ok(Vec::new()) };
        let list = db.store.application_list().map_err(store_error)?;
        let Some(name) = name else { return Ok(list) };
        let hospitals: Vec<_> =
            db.store.find_hospital_like(name).map_err(store_error)?.into_iter().map(|hospital| hospital.id).collect();
        Ok(list.into_iter().filter(|saved| hospitals.contains(&saved.hospital_id)).collect())
    }

    /// Opens a saved application.
    pub fn open_application(&self, id: ApplicationId) -> AppResult<Snapshot> {
        let mut inner = self.lock();
        let db = inner
            .db
            .as_mut()
            .ok_or_else(|| AppError::new("データベースが開かれていないため、保存した申請はありません"))?;
        let saved = db
            .store
            .application_list()
            .map_err(store_error)?
            .into_iter()
            .find(|saved| saved.id == id)
            .ok_or_else(|| AppError::new("その申請は見つかりません。一覧を開き直してください"))?;
        let case = db.store.load_case(id).map_err(store_error)?;
        db.place = Some(Place { hospital: saved.hospital_id, application: id });
        inner.case = Some(case);
        Ok(inner.show())
    }

    /// The trainees of earlier 年度 whose course or 認定審査 continues into the open application's 年度, with what
    /// they carry (前年度までの選定額, once-only items counted), for the screen to offer (#9 12).
    pub fn continuing_courses(&self) -> AppResult<Vec<ContinuingCourse>> {
        let inner = self.lock();
        let (Some(case), Some(Db { store, place: Some(place) })) = (inner.case.as_ref(), inner.db.as_ref()) else {
            return Ok(Vec::new());
        };
        store.continuing_courses(place.hospital, &case.program, case.fiscal_year).map_err(store_error)
    }

    /// Adds the chosen continuing courses to the open application (one transaction), then shows it.
    pub fn carry_courses(&self, courses: &[CourseId]) -> AppResult<Snapshot> {
        let mut inner = self.lock();
        let Some(Db { store, place: Some(place) }) = inner.db.as_mut() else { return Err(no_case()) };
        store.carry_courses(&Editor::Administrator, place.application, courses).map_err(store_error)?;
        let case = store.load_case(place.application).map_err(store_error)?;
        inner.case = Some(case);
        Ok(inner.show())
    }

    /// Replaces the open application with a case file's (「JSONを読み込む」): in the database, the hospital's
    /// application of that 年度 is replaced (the old one stays in the history and the backups).
    pub fn replace(&self, case: Case) -> AppResult<Snapshot> {
        let mut inner = self.lock();
        let case = match inner.db.as_mut() {
            None => case,
            Some(db) => {
                let outcome =
                    db.store.import_case(&Editor::Administrator, &case, ImportMode::Replace).map_err(store_error)?;
                db.place = Some(Place { hospital: outcome.hospital_id, application: outcome.application_id });
                db.store.load_case(outcome.application_id).map_err(store_error)?
            }
        };
        inner.case = Some(case);
        Ok(inner.show())
    }

    /// What the screens would show with the edit, without keeping it: the check as the user types, before the
    /// edit is saved (the prefix 「５」 of 「５万円」 is never stored).
    pub fn preview(&self, edit: &CaseEdit) -> AppResult<Snapshot> {
        let inner = self.lock();
        let mut case = inner.case.clone().ok_or_else(no_case)?;
        hojo::edit::apply(&mut case, edit)?;
        Ok(inner.status_of(snapshot(Some(&case), inner.storage.clone())))
    }

    /// Applies one edit: through the store in one transaction when there is a database, else to the case in
    /// memory; either way by the library's rules, and a refused edit changes nothing.
    pub fn apply(&self, editor: &Editor, edit: &CaseEdit) -> AppResult<Snapshot> {
        let mut inner = self.lock();
        let mut case = inner.case.clone().ok_or_else(no_case)?;
        let stored = match inner.db.as_mut() {
            Some(Db { store, place: Some(place) }) => {
                store.apply_edit(editor, place.application, edit).map_err(store_error)?
            }
            _ => {
                hojo::edit::apply(&mut case, edit)?;
                case
            }
        };
        inner.case = Some(stored);
        Ok(inner.show())
    }

    /// Reads the database with the open application's place, changing nothing (進行状況, a figure's history);
    /// without a database the read is not run and gives `None`.
    pub fn read_store<T>(
        &self,
        read: impl FnOnce(&Store, Option<Place>) -> AppResult<Option<T>>,
    ) -> AppResult<Option<T>> {
        let inner = self.lock();
        match inner.db.as_ref() {
            Some(db) => read(&db.store, db.place),
            None => Ok(None),
        }
    }

    /// Runs something with the database (backups, a nurse's cost file), then reloads the open application.
    pub fn with_store<T>(&self, action: impl FnOnce(&mut Store, Option<Place>) -> AppResult<T>) -> AppResult<T> {
        let mut inner = self.lock();
        let db =
            inner.db.as_mut().ok_or_else(|| AppError::new("データベースが開かれていないため、この操作はできません"))?;
        let result = action(&mut db.store, db.place)?;
        let case = match db.place {
            Some(place) => Some(db.store.load_case(place.application).map_err(store_error)?),
            None => None,
        };
        if case.is_some() {
            inner.case = case;
        }
        Ok(result)
    }
}
