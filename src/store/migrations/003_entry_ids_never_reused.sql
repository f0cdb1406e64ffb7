-- Schema version 3: ids of cost entries and salary months are never reused. Without AUTOINCREMENT, SQLite gives
-- a new row the id of a just-deleted last row, so a window still showing the deleted entry could edit the new
-- one by mistake. The tables are rebuilt (SQLite cannot add AUTOINCREMENT in place); their rows keep their ids.

CREATE TABLE cost_entry_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    item TEXT NOT NULL CHECK (item IN
        ('admission', 'tuition', 'exam_fee', 'registration_fee', 'salary', 'other_costs', 'other_income')),
    amount INTEGER NOT NULL CHECK (amount >= 0),
    paid_on TEXT,
    memo TEXT
);
INSERT INTO cost_entry_v3 (id, claim_id, item, amount, paid_on, memo)
    SELECT id, claim_id, item, amount, paid_on, memo FROM cost_entry;
DROP TABLE cost_entry;
ALTER TABLE cost_entry_v3 RENAME TO cost_entry;
CREATE INDEX cost_entry_claim ON cost_entry (claim_id);

CREATE TABLE salary_month_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    memo TEXT,
    UNIQUE (claim_id, month)
);
INSERT INTO salary_month_v3 (id, claim_id, month, amount, memo)
    SELECT id, claim_id, month, amount, memo FROM salary_month;
DROP TABLE salary_month;
ALTER TABLE salary_month_v3 RENAME TO salary_month;
