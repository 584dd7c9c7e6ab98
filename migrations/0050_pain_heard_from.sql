-- 0050_pain_heard_from: for each pain text, each customer or prospect and each account it was heard
-- from, with the last day it was heard from them at least low, medium, high and blocker, kept by
-- triggers (issue 18), so that the report's best opportunities (markdown, HTML, --full, JSON) and the
-- week's markdown export count a text's customers by severity and its accounts without DISTINCT.
-- They ranked the 12 weeks' spellings from pain_hearings (0027): ~11,400 rows a window on both 100k
-- bench journals, sorted by text and counted five times DISTINCT (customers giving it at least each
-- severity, accounts), ~8.5 ms of CPU in a fresh process. For a window that ends on or after the last
-- day any pain was heard (as of today, the usual case), "heard from them at least medium in the
-- window" is "the last day heard from them at least medium is on or after the window's start": one
-- range of the index by (text, low) a text, each row one customer or account (~4 ms there).
-- A window with later hearings (--as-of a past day) or an interviewer (--by) reads pain_hearings as
-- before. `who` is the contact's id, or minus the account's (a customer conversation's pain row);
-- a day is '' when never heard from them at that severity. ~110,000 rows on a 100k journal. Kept from
-- pain_hearings by two triggers on it: a hearing added moves its days forward, one removed on a kept
-- day recomputes the row by the index on pain_hearings (text, contact_id, date). src/db/summaries.ts
-- lists it (pm doctor checks it against pain_heard_from_now; pm import and sync rebuild it after
-- pain_hearings). It holds pain texts as written: pm forget's redaction rewrites the pains, and so
-- these rows.

-- a journal set back to an older version runs this again: it starts anew
DROP TRIGGER IF EXISTS pain_heard_from_after_insert;
DROP TRIGGER IF EXISTS pain_heard_from_after_delete;
DROP VIEW IF EXISTS pain_heard_from_now;
DROP TABLE IF EXISTS pain_heard_from;

CREATE TABLE pain_heard_from (
  text    TEXT NOT NULL,
  -- a customer or prospect present (contacts.id), or minus the account of a customer conversation
  who     INTEGER NOT NULL,
  -- the last day heard from them at least low (so at all), medium, high and blocker ('' when never)
  low     TEXT NOT NULL,
  medium  TEXT NOT NULL,
  high    TEXT NOT NULL,
  blocker TEXT NOT NULL,
  PRIMARY KEY (text, who)
) STRICT, WITHOUT ROWID;

-- a text's customers and accounts heard since a day, with their other days, from the index alone
CREATE INDEX pain_heard_from_by_text ON pain_heard_from(text, low, who, medium, high, blocker);

CREATE VIEW pain_heard_from_now AS
  SELECT text, CASE WHEN contact_id <> 0 THEN contact_id ELSE -account_id END AS who, max(date) AS low,
    coalesce(max(CASE WHEN rank >= 1 THEN date END), '') AS medium,
    coalesce(max(CASE WHEN rank >= 2 THEN date END), '') AS high,
    coalesce(max(CASE WHEN rank >= 3 THEN date END), '') AS blocker
  FROM pain_hearings WHERE contact_id <> 0 OR account_id IS NOT NULL
  GROUP BY text, who;

INSERT INTO pain_heard_from SELECT * FROM pain_heard_from_now;

CREATE TRIGGER pain_heard_from_after_insert AFTER INSERT ON pain_hearings
WHEN NEW.contact_id <> 0 OR NEW.account_id IS NOT NULL BEGIN
  INSERT INTO pain_heard_from (text, who, low, medium, high, blocker)
    VALUES (NEW.text, CASE WHEN NEW.contact_id <> 0 THEN NEW.contact_id ELSE -NEW.account_id END, NEW.date,
      CASE WHEN NEW.rank >= 1 THEN NEW.date ELSE '' END, CASE WHEN NEW.rank >= 2 THEN NEW.date ELSE '' END,
      CASE WHEN NEW.rank >= 3 THEN NEW.date ELSE '' END)
    ON CONFLICT (text, who) DO UPDATE SET low = max(low, excluded.low), medium = max(medium, excluded.medium),
      high = max(high, excluded.high), blocker = max(blocker, excluded.blocker)
    WHERE excluded.low > low OR excluded.medium > medium OR excluded.high > high OR excluded.blocker > blocker;
END;

-- only a removed hearing on one of the kept days can move it back (or leave the text unheard by them);
-- the row is then made again from the others (an account's from the text's pain rows)
CREATE TRIGGER pain_heard_from_after_delete AFTER DELETE ON pain_hearings
WHEN OLD.contact_id <> 0 OR OLD.account_id IS NOT NULL BEGIN
  DELETE FROM pain_heard_from
    WHERE text = OLD.text AND who = CASE WHEN OLD.contact_id <> 0 THEN OLD.contact_id ELSE -OLD.account_id END
      AND OLD.date IN (low, medium, high, blocker);
  INSERT OR IGNORE INTO pain_heard_from (text, who, low, medium, high, blocker)
    SELECT * FROM (SELECT OLD.text, CASE WHEN OLD.contact_id <> 0 THEN OLD.contact_id ELSE -OLD.account_id END,
        max(date) AS low, coalesce(max(CASE WHEN rank >= 1 THEN date END), ''),
        coalesce(max(CASE WHEN rank >= 2 THEN date END), ''), coalesce(max(CASE WHEN rank >= 3 THEN date END), '')
      FROM pain_hearings
      WHERE text = OLD.text AND contact_id = OLD.contact_id AND (OLD.contact_id <> 0 OR account_id = OLD.account_id)
        AND NOT EXISTS (SELECT 1 FROM pain_heard_from WHERE text = OLD.text
          AND who = CASE WHEN OLD.contact_id <> 0 THEN OLD.contact_id ELSE -OLD.account_id END))
    WHERE low IS NOT NULL;
END;
