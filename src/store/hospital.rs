//! The hospital: its profile and 届出 (受理記号, 受理番号, 算定開始年月日). A database may hold several hospitals
//! (a consultant, or a group of hospitals); each application belongs to one.
use serde::Serialize;

use super::Store;
use super::error::{Result, StoreError};
use super::history::{Editor, Record, record};
use super::hospital_rows::{check_hospital, find_by_name, insert_hospital, read_hospital, write_hospital};
use super::ids::HospitalId;
use super::names::name_key;
use crate::case::Hospital;

/// A hospital as listed for choosing one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HospitalSummary {
    pub id: HospitalId,
    pub name: String,
}

impl Store {
    /// The hospitals whose name is `name` once spaces are set aside (half- or full-width, repeated, at either
    /// end), so that 「さくら病院 」 finds 「さくら病院」 instead of starting an empty application. The exact
    /// spelling first; empty when none matches.
    pub fn find_hospital_like(&self, name: &str) -> Result<Vec<HospitalSummary>> {
        let key = name_key(name);
        let mut found: Vec<HospitalSummary> =
            self.hospitals()?.into_iter().filter(|hospital| name_key(&hospital.name) == key).collect();
        found.sort_by_key(|hospital| hospital.name != name);
        Ok(found)
    }

    /// Every hospital in the database, by name.
    pub fn hospitals(&self) -> Result<Vec<HospitalSummary>> {
        let mut statement = self.conn.prepare_cached("SELECT id, name FROM hospital ORDER BY name, id")?;
        let rows =
            statement.query_map([], |row| Ok(HospitalSummary { id: HospitalId(row.get(0)?), name: row.get(1)? }))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The hospital's profile, as a case carries it.
    pub fn hospital(&self, id: HospitalId) -> Result<Hospital> {
        read_hospital(&self.conn, id)
    }

    /// Adds a hospital; refuses a second one of the same name.
    pub fn add_hospital(&mut self, editor: &Editor, hospital: &Hospital) -> Result<HospitalId> {
        check_hospital(hospital)?;
        self.edit(|tx| {
            if find_by_name(tx, &hospital.name)?.is_some() {
                return Err(StoreError::Conflict(format!(
                    "「{}」は既に登録されています。同じ病院を二度登録することはできません",
                    hospital.name
                )));
            }
            let id = insert_hospital(tx, hospital)?;
            record(
                tx,
                editor,
                Record {
                    hospital: Some(id),
                    application: None,
                    subject: hospital.name.clone(),
                    field: "hospital",
                    old: None,
                    new: Some("登録".into()),
                },
            )?;
            Ok(id)
        })
    }

    /// Saves the profile; each changed field goes into the history.
    pub fn save_hospital(&mut self, editor: &Editor, id: HospitalId, hospital: &Hospital) -> Result<()> {
        check_hospital(hospital)?;
        self.edit(|tx| {
            if let Some(other) = find_by_name(tx, &hospital.name)?.filter(|other| *other != id) {
                return Err(StoreError::invalid(
                    "name",
                    "病院名",
                    format!(
                        "「{}」という病院が別に登録されています（番号 {other}）。別の名前にしてください",
                        hospital.name
                    ),
                ));
            }
            write_hospital(tx, editor, id, hospital)
        })
    }
}
