#!/usr/bin/env python3
"""Peers for bench/50-store.sh, what a user (or a developer) would otherwise use:

  edit DB            the same edit as Hojo's (one receipt and its history line, one transaction, WAL with
                     synchronous FULL) through Python's sqlite3; prints the median of 200 in ms
  sheet-make DB XLSX every cost entry of the database as one spreadsheet (what a hospital keeping its costs in
                     Excel would have)
  sheet-load XLSX HOSPITAL YEAR
                     opens that spreadsheet and sums one hospital-year per trainee and item, as Hojo's case does
"""
import sqlite3
import statistics
import sys
import time


def edit(db):
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    claim = conn.execute("SELECT min(id) FROM claim").fetchone()[0]
    times = []
    for index in range(200):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO cost_entry (claim_id, item, amount, paid_on, memo) VALUES (?, 'other_costs', ?, '2026-06-01', 'peer')",
            (claim, 1000 + index),
        )
        conn.execute(
            "INSERT INTO change_log (at, editor_kind, editor_name, hospital_id, application_id, subject, field, old_value, new_value)"
            " VALUES ('2026-06-01T00:00:00Z', 'nurse', '看護', 1, 1, 'peer', 'cost_entry', NULL, 'peer')"
        )
        conn.execute("COMMIT")
        times.append((time.perf_counter() - started) * 1000)
    print("%.2f" % statistics.median(times))


def sheet_make(db, xlsx):
    from openpyxl import Workbook

    conn = sqlite3.connect(db)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("費用")
    sheet.append(["病院", "年度", "受講者", "費目", "金額", "支払日", "メモ"])
    rows = conn.execute(
        """SELECT h.name, a.fiscal_year, t.name, e.item, e.amount, e.paid_on, e.memo
           FROM cost_entry e JOIN claim c ON c.id = e.claim_id JOIN application a ON a.id = c.application_id
           JOIN hospital h ON h.id = a.hospital_id JOIN course co ON co.id = c.course_id JOIN trainee t ON t.id = co.trainee_id
           UNION ALL
           SELECT h.name, a.fiscal_year, t.name, 'salary:' || m.month, m.amount, NULL, m.memo
           FROM salary_month m JOIN claim c ON c.id = m.claim_id JOIN application a ON a.id = c.application_id
           JOIN hospital h ON h.id = a.hospital_id JOIN course co ON co.id = c.course_id JOIN trainee t ON t.id = co.trainee_id"""
    )
    for row in rows:
        sheet.append(list(row))
    book.save(xlsx)


def sheet_load(xlsx, hospital, year):
    from openpyxl import load_workbook

    book = load_workbook(xlsx, read_only=True)
    sums = {}
    for row in book["費用"].iter_rows(min_row=2, values_only=True):
        if row[0] == hospital and row[1] == int(year):
            key = (row[2], row[3].split(":")[0])
            sums[key] = sums.get(key, 0) + row[4]
    print(len({trainee for trainee, _ in sums}))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "edit":
        edit(sys.argv[2])
    elif command == "sheet-make":
        sheet_make(sys.argv[2], sys.argv[3])
    elif command == "sheet-load":
        sheet_load(sys.argv[2], sys.argv[3], sys.argv[4])
