//! The `hospital` table and its 届出 (`filing`): finding, inserting, reading and writing one, with the checks and
//! the history of a profile's changes. Rows only: no Store.

use rusqlite::{Connection, OptionalExtension, params};

use super::checks::yes_no;
use super::error::{Result, StoreError};
use super::history::{Editor, Record, record};
use super::ids::HospitalId;
use super::sql::{bool_int, corrupt_value, date_text, parse_stored_date};
use crate::case::Filing;
use crate::case::{Contact, FounderType, Hospital};

pub(crate) fn find_by_name(conn: &Connection, name: &str) -> Result<Option<HospitalId>> {
    Ok(conn
        .query_row("SELECT id FROM hospital WHERE name = ?1 ORDER BY id LIMIT 1", [name], |row| row.get(0))
        .optional()?
        .map(HospitalId))
}

pub(crate) fn insert_hospital(conn: &Connection, hospital: &Hospital) -> Result<HospitalId> {
    conn.execute("INSERT INTO hospital (name) VALUES (?1)", [&hospital.name])?;
    let id = HospitalId(conn.last_insert_rowid());
    store_profile(conn, id, hospital)?;
    Ok(id)
}

/// Writes the profile over the stored one and records what changed.
pub(crate) fn write_hospital(conn: &Connection, editor: &Editor, id: HospitalId, hospital: &Hospital) -> Result<()> {
    let old = read_hospital(conn, id)?;
    store_profile(conn, id, hospital)?;
    let subject = format!("病院「{}」", hospital.name);
    for (field, old_value, new_value) in profile_differences(&old, hospital) {
        record(
            conn,
            editor,
            Record {
                hospital: Some(id),
                application: None,
                subject: subject.clone(),
                field,
                old: old_value,
                new: new_value,
            },
        )?;
    }
    Ok(())
}

fn store_profile(conn: &Connection, id: HospitalId, hospital: &Hospital) -> Result<()> {
    let contact = hospital.contact.as_ref();
    let updated = conn.execute(
        "UPDATE hospital SET name = ?2, prefecture_code = ?3, address = ?4, founder_type = ?5, beds = ?6,
             employs_qualified_nurse = ?7, representative = ?8, has_contact = ?9, contact_department = ?10,
             contact_name = ?11, contact_phone = ?12, contact_email = ?13, purpose = ?14,
             designated_cooperating_hospital = ?15
         WHERE id = ?1",
        params![
            id.0,
            hospital.name,
            hospital.prefecture_code,
            hospital.address,
            hospital.founder_type.map(FounderType::id),
            hospital.beds,
            bool_int(hospital.employs_qualified_nurse),
            hospital.representative,
            bool_int(contact.is_some()),
            contact.and_then(|c| c.department.as_deref()),
            contact.and_then(|c| c.name.as_deref()),
            contact.and_then(|c| c.phone.as_deref()),
            contact.and_then(|c| c.email.as_deref()),
            hospital.purpose,
            hospital.designated_cooperating_hospital.map(bool_int),
        ],
    )?;
    if updated == 0 {
        return Err(StoreError::not_found("病院"));
    }
    conn.execute("DELETE FROM filing WHERE hospital_id = ?1", [id.0])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO filing (hospital_id, position, symbol, number, since) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, filing) in hospital.filings.iter().enumerate() {
        insert.execute(params![id.0, position as i64, filing.symbol, filing.number, filing.since.map(date_text)])?;
    }
    Ok(())
}

pub(crate) fn read_hospital(conn: &Connection, id: HospitalId) -> Result<Hospital> {
    let mut hospital = conn
        .prepare_cached(
            "SELECT name, prefecture_code, address, founder_type, beds, employs_qualified_nurse, representative,
                    has_contact, contact_department, contact_name, contact_phone, contact_email, purpose,
                    designated_cooperating_hospital
             FROM hospital WHERE id = ?1",
        )?
        .query_row([id.0], |row| {
            let founder: Option<String> = row.get(3)?;
            let founder_type = match founder {
                None => None,
                Some(text) => Some(FounderType::from_id(&text).ok_or_else(|| {
                    corrupt_value(StoreError::Corrupt {
                        detail: format!("開設者の種別「{text}」が読めません")
                    })
                })?),
            };
            let contact = if row.get::<_, bool>(7)? {
                Some(Contact { department: row.get(8)?, name: row.get(9)?, phone: row.get(10)?, email: row.get(11)? })
            } else {
                None
            };
            Ok(Hospital {
                name: row.get(0)?,
                prefecture_code: row.get(1)?,
                address: row.get(2)?,
                founder_type,
                beds: row.get(4)?,
                filings: Vec::new(),
                employs_qualified_nurse: row.get(5)?,
                representative: row.get(6)?,
                contact,
                purpose: row.get(12)?,
                designated_cooperating_hospital: row.get(13)?,
            })
        })
        .optional()?
        .ok_or_else(|| StoreError::not_found("病院"))?;
    let mut statement =
        conn.prepare_cached("SELECT symbol, number, since FROM filing WHERE hospital_id = ?1 ORDER BY position")?;
    let rows = statement.query_map([id.0], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?, row.get::<_, Option<String>>(2)?))
    })?;
    for row in rows {
        let (symbol, number, since) = row?;
        let since = since.as_deref().map(parse_stored_date).transpose()?;
        hospital.filings.push(Filing { symbol, number, since });
    }
    Ok(hospital)
}

/// Refuses a profile that no application could use, naming the field.
pub(crate) fn check_hospital(hospital: &Hospital) -> Result<()> {
    if hospital.name.trim().is_empty() {
        return Err(StoreError::invalid("name", "病院名", "空です。病院の正式名称を入力してください"));
    }
    if let Some(code) = &hospital.prefecture_code
        && crate::prefecture::by_code(code).is_none()
    {
        return Err(StoreError::invalid(
            "prefecture_code",
            "都道府県コード",
            format!("「{code}」は使えません。01から47までの2桁で入力してください（東京都は 13）"),
        ));
    }
    if hospital.filings.iter().any(|filing| filing.symbol.trim().is_empty()) {
        return Err(StoreError::invalid(
            "filings",
            "届出",
            "受理記号が空の届出があります。受理記号を入力するか、その行を削除してください",
        ));
    }
    Ok(())
}

type Difference = (&'static str, Option<String>, Option<String>);

fn profile_differences(old: &Hospital, new: &Hospital) -> Vec<Difference> {
    fn filings(hospital: &Hospital) -> Option<String> {
        let parts: Vec<String> = hospital
            .filings
            .iter()
            .map(|filing| {
                let mut text = filing.symbol.clone();
                if let Some(number) = &filing.number {
                    text.push_str(&format!(" {number}"));
                }
                if let Some(since) = filing.since {
                    text.push_str(&format!(" {}から", crate::era::format_date(since)));
                }
                text
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join("、"))
    }
    fn contact(hospital: &Hospital) -> Option<String> {
        hospital.contact.as_ref().map(|c| {
            [&c.department, &c.name, &c.phone, &c.email]
                .iter()
                .map(|part| part.as_deref().unwrap_or(""))
                .collect::<Vec<_>>()
                .join(" / ")
        })
    }
    let fields: [(&'static str, Option<String>, Option<String>); 11] = [
        ("hospital.name", Some(old.name.clone()), Some(new.name.clone())),
        ("hospital.prefecture_code", old.prefecture_code.clone(), new.prefecture_code.clone()),
        ("hospital.address", old.address.clone(), new.address.clone()),
        (
            "hospital.founder_type",
            old.founder_type.map(|f| f.label().to_string()),
            new.founder_type.map(|f| f.label().to_string()),
        ),
        ("hospital.beds", old.beds.map(|b| format!("{b}床")), new.beds.map(|b| format!("{b}床"))),
        ("hospital.filings", filings(old), filings(new)),
        (
            "hospital.employs_qualified_nurse",
            Some(yes_no(old.employs_qualified_nurse)),
            Some(yes_no(new.employs_qualified_nurse)),
        ),
        ("hospital.representative", old.representative.clone(), new.representative.clone()),
        ("hospital.contact", contact(old), contact(new)),
        ("hospital.purpose", old.purpose.clone(), new.purpose.clone()),
        (
            "hospital.designated_cooperating_hospital",
            old.designated_cooperating_hospital.map(yes_no),
            new.designated_cooperating_hospital.map(yes_no),
        ),
    ];
    fields.into_iter().filter(|(_, old, new)| old != new).collect()
}
