-- 0042_merged_names: the name and email each contact merged into another here had (pm contact
-- merge, or a merge that arrived by import or sync), so that this journal can still scrub them when
-- that person is erased. A merge says two contacts are one person and deletes the going contact's
-- row; an erasure made elsewhere arrives naming only the person's UUID, so the journal that merged
-- them had no name left to scrub its own text of: their interviews, now the kept contact's, showed
-- "Kim Yu explained…" until the scrubbed text came back an exchange later (fresh-eyes wave 8 E31).
-- Local to the journal, like logged_here: never exported, imported or synced. Erasing the kept
-- contact (here, or on arrival) scrubs with these names too and deletes them; a merge of the kept
-- contact into a third moves them along. Merges made before this version left nothing: not known.
-- A journal set back to an older version runs this again: what it holds stays.
CREATE TABLE IF NOT EXISTS merged_names (
  uuid TEXT PRIMARY KEY,
  into_uuid TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT
) STRICT;

CREATE INDEX IF NOT EXISTS merged_names_into ON merged_names (into_uuid);
