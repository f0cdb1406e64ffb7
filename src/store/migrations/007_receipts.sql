-- Migration 007: the receipts of a 実績報告 and their scans. A receipt is a cost entry with its 支払日; it now
-- carries its 支払先 and 内容（但し書き）, and its place in the trainee's list of receipts (`position`, so that a
-- receipt put back by 元に戻す returns where it was). Entries without a date stay amounts (the plan's figures).
ALTER TABLE cost_entry ADD COLUMN payee TEXT;
ALTER TABLE cost_entry ADD COLUMN description TEXT;
ALTER TABLE cost_entry ADD COLUMN position INTEGER;

-- The scan or PDF of a receipt, kept in the database itself so that it is written, backed up and restored
-- with the figures it proves (one transaction). `data` is the last column: listing the attachments reads the
-- row's first columns and never the pages of the file. Removing a receipt removes its attachments.
CREATE TABLE attachment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cost_entry_id INTEGER NOT NULL REFERENCES cost_entry (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL CHECK (trim(file_name) <> ''),
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    -- SHA-256 of the data, hex: what was stored is what comes out.
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX attachment_entry ON attachment (cost_entry_id);
