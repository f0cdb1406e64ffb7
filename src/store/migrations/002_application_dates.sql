-- Schema version 2: what the 実績報告 cites from the application's life — the day it was submitted (提出日), and
-- the 交付決定's date and document number (交付決定日, 指令番号: 「6福保医地第123号」).

ALTER TABLE application ADD COLUMN submitted_on TEXT;
ALTER TABLE application ADD COLUMN decided_on TEXT;
ALTER TABLE application ADD COLUMN decision_number TEXT;
