-- Schema version 6: the application's life through its 年度 (docs/rules.md, 「申請の流れ」). The 状態 widens to
-- seven (作成中・提出済・交付決定・変更交付申請中・実績報告作成中・実績報告済・確定); the decisions (交付決定 and each
-- 変更交付決定), the 変更交付申請, 受入済額, 実績報告日 and the 額の確定通知 are kept; the case is frozen as JSON when it
-- is submitted, when a 変更交付決定 is made on it, and when its report is submitted; and each trainee's claim holds
-- her 実績報告 (受講状況, 修了年月日, 認定年月日, 事業の成果).
--
-- SQLite cannot change a CHECK constraint in place: the application table is rebuilt (foreign keys are off while
-- migrations run, so the claims, 研修会 and costs that refer to it by name find the new table). Its 交付決定額,
-- 交付決定日 and 指令番号 move to the decision table (a decision needs its date: a 交付決定額 entered without one
-- before this version is kept with the 提出日, or the 年度's first day, as its date, and said in its number).

CREATE TABLE application_v6 (
    id INTEGER PRIMARY KEY,
    hospital_id INTEGER NOT NULL REFERENCES hospital (id),
    program TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
        ('draft', 'submitted', 'decided', 'change_requested', 'reporting', 'reported', 'settled')),
    submitted_on TEXT,
    -- 受入済額 (概算払 received so far).
    received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
    reported_on TEXT,
    -- 額の確定通知: all three or none.
    confirmed_on TEXT,
    confirmation_number TEXT,
    confirmed_amount INTEGER CHECK (confirmed_amount IS NULL OR confirmed_amount >= 0),
    CHECK ((confirmed_on IS NULL) = (confirmed_amount IS NULL) AND (confirmed_on IS NULL) = (confirmation_number IS NULL)),
    UNIQUE (hospital_id, program, fiscal_year)
);
INSERT INTO application_v6 (id, hospital_id, program, fiscal_year, status, submitted_on)
    SELECT id, hospital_id, program, fiscal_year, status, submitted_on FROM application;

-- 交付決定 (initial) and 変更交付決定 (change), in the order they came; the last is the one in force (K).
CREATE TABLE decision (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('initial', 'change')),
    decided_on TEXT NOT NULL,
    number TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0)
);
CREATE INDEX decision_application ON decision (application_id, id);
INSERT INTO decision (application_id, kind, decided_on, number, amount)
    SELECT id, 'initial',
        coalesce(decided_on, submitted_on, printf('%04d-04-01', fiscal_year)),
        coalesce(decision_number, CASE WHEN decided_on IS NULL THEN '（決定日・文書番号の記録なし）' ELSE '' END),
        grant_decided
    FROM application WHERE grant_decided IS NOT NULL AND status <> 'draft'
    ORDER BY id;

DROP TABLE application;
ALTER TABLE application_v6 RENAME TO application;

-- The latest 変更交付申請 of an application (an earlier one stays in the history).
CREATE TABLE change_request (
    application_id INTEGER PRIMARY KEY REFERENCES application (id) ON DELETE CASCADE,
    requested_on TEXT NOT NULL,
    reason TEXT NOT NULL
) WITHOUT ROWID;

-- The case as it was submitted (the plan), as a 変更交付決定 was made on it (the 変更後 plan), and as its report was
-- submitted: hojo-case/1 JSON, the same text a case file holds.
CREATE TABLE frozen_case (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('submitted', 'change', 'report')),
    frozen_at TEXT NOT NULL,
    case_json TEXT NOT NULL
);
CREATE INDEX frozen_case_application ON frozen_case (application_id, kind, id);

-- A trainee's 実績報告: 受講状況 at the end of the 年度, 修了年月日, 認定年月日, 事業の成果 (read when the application
-- is a report).
ALTER TABLE claim ADD COLUMN report_course_status TEXT
    CHECK (report_course_status IS NULL OR report_course_status IN ('enrolled', 'completed', 'withdrawn'));
ALTER TABLE claim ADD COLUMN report_completed_on TEXT;
ALTER TABLE claim ADD COLUMN report_certified_on TEXT;
ALTER TABLE claim ADD COLUMN report_outcome TEXT;
