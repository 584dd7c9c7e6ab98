-- 0031_pain_heard_last: the last day each pain text was heard, and heard from each customer or
-- prospect, kept by triggers (issue 18), so that the report's Opportunities count reads ~200 rows a
-- window, not ~11,000. The standup page shows only how many opportunities the 12 weeks' pains make
-- and how many are unaddressed (enough distinct customers, no open or validated hypothesis): it read
-- every pain_hearings row of the window (0027) with its customer ids and counted them in JavaScript,
-- ~7.5 ms of CPU in a fresh process on the harsh 100k bench journal, the largest single cost of
-- `pm report`. For a window that ends on or after the last day any pain was heard (as of today, the
-- usual case), "the customers who raised a text in the window" are those whose last day with it is
-- on or after the window's start: a range of the index by (text, last) a text, the texts heard being
-- the rows of contact 0 (the pain itself, as in pain_hearings) from that day on (~0.8 ms there).
-- A window with later hearings (--as-of a past day) or an interviewer (--by) reads pain_hearings as
-- before. A row a (text, contact) ever heard: ~60,000 on a 100k journal. Kept from pain_hearings by
-- two triggers on it: a hearing added moves the day forward, one removed recomputes the day from the
-- others by the index on pain_hearings (text, contact_id, date). src/db/summaries.ts lists it (pm
-- doctor checks it against pain_heard_last_now; pm import and sync rebuild it after pain_hearings).
-- It holds pain texts as written: pm forget's redaction rewrites the pains, and so these rows.

-- a journal set back to an older version runs this again: it starts anew
DROP TRIGGER IF EXISTS pain_heard_last_after_insert;
DROP TRIGGER IF EXISTS pain_heard_last_after_delete;
DROP VIEW IF EXISTS pain_heard_last_now;
DROP TABLE IF EXISTS pain_heard_last;
DROP INDEX IF EXISTS pain_hearings_by_text;

CREATE INDEX pain_hearings_by_text ON pain_hearings(text, contact_id, date);

CREATE TABLE pain_heard_last (
  text       TEXT NOT NULL,
  -- 0: the pain itself (any customer conversation or signal); else a customer or prospect present
  contact_id INTEGER NOT NULL,
  last       TEXT NOT NULL,
  PRIMARY KEY (text, contact_id)
) STRICT, WITHOUT ROWID;

-- the texts heard since a day (contact 0), then each one's customers heard since that day
CREATE INDEX pain_heard_last_by_contact ON pain_heard_last(contact_id, last);
CREATE INDEX pain_heard_last_by_text ON pain_heard_last(text, last);

CREATE VIEW pain_heard_last_now AS
  SELECT text, contact_id, max(date) AS last FROM pain_hearings GROUP BY text, contact_id;

INSERT INTO pain_heard_last SELECT * FROM pain_heard_last_now;

CREATE TRIGGER pain_heard_last_after_insert AFTER INSERT ON pain_hearings BEGIN
  INSERT INTO pain_heard_last (text, contact_id, last) VALUES (NEW.text, NEW.contact_id, NEW.date)
    ON CONFLICT (text, contact_id) DO UPDATE SET last = excluded.last WHERE excluded.last > last;
END;

-- only a removed hearing on the kept day can move it back (or leave the text unheard by them)
CREATE TRIGGER pain_heard_last_after_delete AFTER DELETE ON pain_hearings BEGIN
  DELETE FROM pain_heard_last WHERE text = OLD.text AND contact_id = OLD.contact_id AND last <= OLD.date;
  INSERT OR IGNORE INTO pain_heard_last (text, contact_id, last)
    SELECT * FROM (SELECT OLD.text, OLD.contact_id, max(date) AS last FROM pain_hearings
      WHERE text = OLD.text AND contact_id = OLD.contact_id) WHERE last IS NOT NULL;
END;
