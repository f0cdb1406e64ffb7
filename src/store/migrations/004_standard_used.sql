-- Schema version 4: what each trainee's row of a submitted application used, so that the next 年度 knows it
-- without retyping — the 選定額 (F) counted against the lifetime 基準額 (12,300,000円 for kanwa-nurse), and
-- the once-only items (入学料, 認定審査料, 認定登録料) claimed. Recorded when the application leaves 作成中;
-- empty while it is a draft.

ALTER TABLE claim ADD COLUMN standard_used INTEGER CHECK (standard_used IS NULL OR standard_used >= 0);

CREATE TABLE claim_once_item (
    claim_id INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    PRIMARY KEY (claim_id, item)
) WITHOUT ROWID;
