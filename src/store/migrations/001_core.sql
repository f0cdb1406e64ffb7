-- Schema version 1: the hospital, its trainees and their courses, applications by 年度 with each trainee's
-- claim, cost entries and salary months, and the history of every change.
-- Amounts are integer yen; dates ISO text (YYYY-MM-DD), months YYYY-MM.

CREATE TABLE hospital (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    prefecture_code TEXT,
    address TEXT,
    founder_type TEXT,
    beds INTEGER CHECK (beds IS NULL OR beds >= 0),
    employs_qualified_nurse INTEGER NOT NULL DEFAULT 0 CHECK (employs_qualified_nurse IN (0, 1)),
    representative TEXT,
    -- 担当者: has_contact tells "no contact given" from "a contact with every field blank".
    has_contact INTEGER NOT NULL DEFAULT 0 CHECK (has_contact IN (0, 1)),
    contact_department TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    contact_email TEXT,
    purpose TEXT
);

-- 届出: 受理記号, 受理番号, 算定開始年月日, in the order the hospital lists them.
CREATE TABLE filing (
    id INTEGER PRIMARY KEY,
    hospital_id INTEGER NOT NULL REFERENCES hospital (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    symbol TEXT NOT NULL,
    number TEXT,
    since TEXT,
    UNIQUE (hospital_id, position)
);

-- A nurse of the hospital; her courses and claims hang off her.
CREATE TABLE trainee (
    id INTEGER PRIMARY KEY,
    hospital_id INTEGER NOT NULL REFERENCES hospital (id),
    name TEXT NOT NULL CHECK (trim(name) <> '')
);
CREATE INDEX trainee_hospital ON trainee (hospital_id);

-- A course she takes toward a qualification; it may span several 年度.
CREATE TABLE course (
    id INTEGER PRIMARY KEY,
    trainee_id INTEGER NOT NULL REFERENCES trainee (id),
    qualification TEXT NOT NULL,
    institution TEXT,
    exam_fiscal_year INTEGER,
    enrolled_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'completed', 'withdrawn')),
    CHECK (ends_on >= enrolled_on)
);
CREATE INDEX course_trainee ON course (trainee_id);

-- One application: a hospital, a program, a 年度.
CREATE TABLE application (
    id INTEGER PRIMARY KEY,
    hospital_id INTEGER NOT NULL REFERENCES hospital (id),
    program TEXT NOT NULL,
    fiscal_year INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'decided', 'reported')),
    -- 交付決定額, once the decision has come.
    grant_decided INTEGER CHECK (grant_decided IS NULL OR grant_decided >= 0),
    UNIQUE (hospital_id, program, fiscal_year)
);

-- A course claimed in one application: the trainee's row of the 所要額調書 for that 年度.
CREATE TABLE claim (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    course_id INTEGER NOT NULL REFERENCES course (id),
    position INTEGER NOT NULL,
    tuition_completed_in_year INTEGER NOT NULL DEFAULT 0 CHECK (tuition_completed_in_year IN (0, 1)),
    certified INTEGER NOT NULL DEFAULT 0 CHECK (certified IN (0, 1)),
    salary_kind TEXT NOT NULL DEFAULT 'trainee' CHECK (salary_kind IN ('trainee', 'substitute')),
    -- 基準額 used in earlier 年度 (the lifetime cap).
    prior_years_standard_used INTEGER NOT NULL DEFAULT 0 CHECK (prior_years_standard_used >= 0),
    UNIQUE (application_id, course_id)
);
CREATE INDEX claim_application ON claim (application_id, position);
CREATE INDEX claim_course ON claim (course_id);

-- Once-only items already claimed in an earlier 年度.
CREATE TABLE prior_item (
    claim_id INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item TEXT NOT NULL,
    PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;

-- A receipt or an amount entered for one item.
CREATE TABLE cost_entry (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    item TEXT NOT NULL CHECK (item IN
        ('admission', 'tuition', 'exam_fee', 'registration_fee', 'salary', 'other_costs', 'other_income')),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    paid_on TEXT,
    memo TEXT
);
CREATE INDEX cost_entry_claim ON cost_entry (claim_id);

-- 人件費 month by month; the kind (受講者/代替) is the claim's.
CREATE TABLE salary_month (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    memo TEXT,
    UNIQUE (claim_id, month)
);

-- Every change, kept when what it describes is removed (no foreign keys on purpose).
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    editor_kind TEXT NOT NULL CHECK (editor_kind IN ('administrator', 'nurse')),
    editor_name TEXT,
    hospital_id INTEGER,
    application_id INTEGER,
    subject TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX change_log_hospital ON change_log (hospital_id, id);
