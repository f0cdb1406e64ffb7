-- Schema version 5: the applications of a program whose row is the hospital itself (kanwa-training, the
-- 協力病院緩和ケア研修会): its 研修会, its 対象経費 by item with their 積算内訳, its other costs and income; and the
-- hospital's K1 declaration (東京都がん診療連携協力病院の指定). Nurse-program applications leave these empty.

-- NULL: not declared (the nurse program's case form does not hold it); 0/1: いいえ/はい.
ALTER TABLE hospital ADD COLUMN designated_cooperating_hospital INTEGER
    CHECK (designated_cooperating_hospital IS NULL OR designated_cooperating_hospital IN (0, 1));

-- 研修会, in the application's order.
CREATE TABLE training (
    application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (trim(title) <> ''),
    held_on TEXT NOT NULL,
    venue TEXT,
    planned_participants INTEGER NOT NULL DEFAULT 0 CHECK (planned_participants >= 0),
    follows_guideline INTEGER NOT NULL DEFAULT 0 CHECK (follows_guideline IN (0, 1)),
    PRIMARY KEY (application_id, position)
) WITHOUT ROWID;

-- The application's amounts by item: a program item (`lecturer_fee`, …, as the case's `costs`) or
-- `other_costs` / `other_income`. An absent item is 0. `amount` is NULL for an item the case lists only under
-- its 積算内訳; `itemised` says the item has a 積算内訳 (its lines below, possibly none yet), so a case comes back
-- exactly as given.
CREATE TABLE application_cost (
    application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    amount INTEGER CHECK (amount IS NULL OR amount >= 0),
    itemised INTEGER NOT NULL DEFAULT 0 CHECK (itemised IN (0, 1)),
    PRIMARY KEY (application_id, item)
) WITHOUT ROWID;

-- 積算内訳: an item's lines (講師謝金 30,000円 × 4人), in order.
CREATE TABLE working_line (
    application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    quantity INTEGER NOT NULL CHECK (quantity >= 0),
    unit TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (application_id, item, position)
) WITHOUT ROWID;
