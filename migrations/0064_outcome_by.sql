-- 0064_outcome_by: who recorded each decision (fresh-eyes wave 13 H16). Pat validated H3 while Dana
-- killed it the same day; after pm sync it was killed on both journals, and neither could tell whose
-- "killed" it was: an outcome said what and why, never who. Written by pm hyp validate, invalidate,
-- kill and reopen (user.name, else the OS login, as an interview's `by`), carried by exports and
-- pm sync (the outcome's `by`); outcomes recorded before this version have none (null). Set when the
-- outcome is written and never changed, so change tracking (0015) needs no column of it.
ALTER TABLE outcomes ADD COLUMN by TEXT;
