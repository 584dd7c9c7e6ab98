-- 0045_pain_text_recent: for each pain text, the last day it was heard and the last days its ten
-- latest customers raised it, kept by triggers (issue 18), so that the standup page's Opportunities
-- count reads one short range of an index, not a range of pain_heard_last (0031) for every text.
-- The page shows how many opportunities the 12 weeks' pains make and how many are unaddressed:
-- heard from at least evidence.validateAt distinct customers (3 by default) since the window's start.
-- Counting each text's customers since that day was a seek into pain_heard_last_by_text a text, on
-- cold pages: ~1.4 ms of the report's CPU in a fresh process on both 100k bench journals (200 texts),
-- ~0.2 ms from here. A text's customers since a day are those of its `recent` days on or after it
-- while fewer than ten are (the ten are the latest), so for a validateAt of ten or less "at least
-- validateAt" is answered from this row alone; above ten the report reads pain_heard_last as before.
-- `recent` is the days as written (YYYY-MM-DD, ten characters each), one after another, no separator.
-- Kept from pain_heard_last by three triggers on it: each change to a text's rows recomputes that
-- text's row from the view. src/db/summaries.ts lists it (pm doctor checks it; pm import and sync
-- rebuild it after pain_heard_last). It holds pain texts as written, as pain_heard_last does: pm
-- forget's redaction rewrites the pains, and so these rows.

-- a journal set back to an older version runs this again: it starts anew
DROP TRIGGER IF EXISTS pain_text_recent_after_insert;
DROP TRIGGER IF EXISTS pain_text_recent_after_update;
DROP TRIGGER IF EXISTS pain_text_recent_after_delete;
DROP VIEW IF EXISTS pain_text_recent_now;
DROP TABLE IF EXISTS pain_text_recent;

CREATE TABLE pain_text_recent (
  text   TEXT PRIMARY KEY,
  -- the last day the text was heard (pain_heard_last's row of contact 0)
  last   TEXT NOT NULL,
  -- the last days of its ten latest customers or prospects ('' when none)
  recent TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- the texts heard since a day, each with its recent days, from the index alone
CREATE INDEX pain_text_recent_by_last ON pain_text_recent(last, recent);

-- the ten days as the subquery gives them (its LIMIT keeps it whole, and in its order); the report
-- counts those on or after a day whatever their order. Written without an aggregate's ORDER BY
-- (SQLite 3.44), so that an older sqlite3 can still read the journal's schema.
CREATE VIEW pain_text_recent_now AS
  SELECT h.text, h.last, coalesce((SELECT group_concat(c.last, '') FROM (
      SELECT last FROM pain_heard_last INDEXED BY pain_heard_last_by_text
      WHERE text = h.text AND contact_id <> 0 ORDER BY last DESC LIMIT 10) c), '') AS recent
  FROM pain_heard_last h WHERE h.contact_id = 0;

INSERT INTO pain_text_recent SELECT * FROM pain_text_recent_now;

-- each deletes, then inserts: an INSERT OR IGNORE into pain_heard_last (its delete trigger) makes
-- the statements of these triggers ignore conflicts too, and an INSERT OR REPLACE here would keep the
-- stale row
CREATE TRIGGER pain_text_recent_after_insert AFTER INSERT ON pain_heard_last BEGIN
  DELETE FROM pain_text_recent WHERE text = NEW.text;
  INSERT INTO pain_text_recent SELECT * FROM pain_text_recent_now WHERE text = NEW.text;
END;

CREATE TRIGGER pain_text_recent_after_update AFTER UPDATE ON pain_heard_last BEGIN
  DELETE FROM pain_text_recent WHERE text IN (OLD.text, NEW.text);
  INSERT INTO pain_text_recent SELECT * FROM pain_text_recent_now WHERE text IN (OLD.text, NEW.text);
END;

CREATE TRIGGER pain_text_recent_after_delete AFTER DELETE ON pain_heard_last BEGIN
  DELETE FROM pain_text_recent WHERE text = OLD.text;
  INSERT INTO pain_text_recent SELECT * FROM pain_text_recent_now WHERE text = OLD.text;
END;
