-- 0052_pain_text_days: what pm opportunities, pm tree and the report's best few opportunities (its
-- markdown and JSON, the week's export) count of each pain text in a window that runs to today, kept
-- by triggers as counts before each day the text was heard (issue 18). They read the window's
-- pain_hearings (0027) and counted them per text: its pains, signals, accounts and customers at each
-- severity or above, distinct over the window, ~10 ms of CPU in a fresh process on the harsh 100k
-- bench journal (11,000 rows, twelve aggregates): pm opportunities and pm tree ~1.5x the floor.
-- Distinct counts over a window do not add up day by day, but a window that runs to today (no pain
-- heard after it) is "since its first day": the values whose last day with the text is on or after
-- it. So, for each text: the last day of each value (pain_facet_last: a customer or prospect at rank
-- 0..3 or above, an account, a signal's interview, a stage, a segment); then, for each day the text
-- was heard, how many pains were heard and how many values were last heard before that day
-- (pain_text_days); and the same before no day at all, the text's totals, with its last day and the
-- stages and segments with their last days (pain_text_totals). A window's counts are the totals less
-- the row of its first day heard: one seek a text, ~200 rows in all (~2 ms). A window with later
-- hearings (--as-of a past day) or an interviewer (--by) reads pain_hearings as before.
-- Kept from pain_hearings: a hearing added moves its values' last days forward (and adds its day's
-- row, counted from the totals less what is on or after that day); one removed recounts the last days
-- it held from the hearings left; a last day that moves changes the counts of the days between its
-- old and new place. src/db/summaries.ts lists the three (pm doctor checks them; pm import and sync
-- rebuild them after pain_hearings). They hold pain texts, stages and segments as written: pm
-- forget's redaction rewrites them with the pains.

-- a journal set back to an older version runs this again: it starts anew
DROP TRIGGER IF EXISTS pain_text_days_after_hearing_insert;
DROP TRIGGER IF EXISTS pain_text_days_after_hearing_delete;
DROP TRIGGER IF EXISTS pain_facet_last_after_insert;
DROP TRIGGER IF EXISTS pain_facet_last_after_update;
DROP TRIGGER IF EXISTS pain_facet_last_after_delete;
DROP VIEW IF EXISTS pain_text_totals_now;
DROP VIEW IF EXISTS pain_text_labels_now;
DROP VIEW IF EXISTS pain_text_days_now;
DROP VIEW IF EXISTS pain_facet_last_now;
DROP VIEW IF EXISTS pain_hearing_facets;
DROP TABLE IF EXISTS pain_text_totals;
DROP TABLE IF EXISTS pain_text_days;
DROP TABLE IF EXISTS pain_facet_last;

-- each hearing's values, by facet: 0..3 a customer or prospect who gave the pain at that rank or above
-- (low 0 … blocker 3), 4 the account of a customer conversation, 5 the interview of a signal, 6 the
-- journey stage, 7 the segment (the account's, or the person's)
CREATE VIEW pain_hearing_facets AS
  SELECT interview_id, position, contact_id, text, date, 0 AS facet, contact_id AS value FROM pain_hearings
    WHERE contact_id <> 0
  UNION ALL SELECT interview_id, position, contact_id, text, date, 1, contact_id FROM pain_hearings
    WHERE contact_id <> 0 AND rank >= 1
  UNION ALL SELECT interview_id, position, contact_id, text, date, 2, contact_id FROM pain_hearings
    WHERE contact_id <> 0 AND rank >= 2
  UNION ALL SELECT interview_id, position, contact_id, text, date, 3, contact_id FROM pain_hearings
    WHERE contact_id <> 0 AND rank >= 3
  UNION ALL SELECT interview_id, position, contact_id, text, date, 4, account_id FROM pain_hearings
    WHERE contact_id = 0 AND account_id IS NOT NULL
  UNION ALL SELECT interview_id, position, contact_id, text, date, 5, interview_id FROM pain_hearings
    WHERE contact_id = 0 AND kind = 'indirect'
  UNION ALL SELECT interview_id, position, contact_id, text, date, 6, stage FROM pain_hearings
    WHERE stage IS NOT NULL
  UNION ALL SELECT interview_id, position, contact_id, text, date, 7, segment FROM pain_hearings
    WHERE segment IS NOT NULL;

CREATE TABLE pain_facet_last (
  text  TEXT NOT NULL,
  facet INTEGER NOT NULL,
  -- a row id (facets 0..5) or a stage or segment (6, 7)
  value ANY NOT NULL,
  last  TEXT NOT NULL,
  PRIMARY KEY (text, facet, value)
) STRICT, WITHOUT ROWID;

-- a text's values last heard on or after a day (a new day's row is counted from the totals by it)
CREATE INDEX pain_facet_last_by_last ON pain_facet_last(text, facet, last);

CREATE VIEW pain_facet_last_now AS
  SELECT text, facet, value, max(date) AS last FROM pain_hearing_facets GROUP BY text, facet, value;

INSERT INTO pain_facet_last SELECT * FROM pain_facet_last_now;

-- for each day a text was heard: its pains heard before that day, and its values last heard before it
CREATE TABLE pain_text_days (
  text     TEXT NOT NULL,
  day      TEXT NOT NULL,
  pains    INTEGER NOT NULL,
  c0       INTEGER NOT NULL,
  c1       INTEGER NOT NULL,
  c2       INTEGER NOT NULL,
  c3       INTEGER NOT NULL,
  accounts INTEGER NOT NULL,
  signals  INTEGER NOT NULL,
  PRIMARY KEY (text, day)
) STRICT, WITHOUT ROWID;

-- each day's own pains and last days, summed over the days before it
CREATE VIEW pain_text_days_now AS
  SELECT text, day, sum(pains) OVER w - pains AS pains, sum(c0) OVER w - c0 AS c0, sum(c1) OVER w - c1 AS c1,
    sum(c2) OVER w - c2 AS c2, sum(c3) OVER w - c3 AS c3, sum(accounts) OVER w - accounts AS accounts,
    sum(signals) OVER w - signals AS signals
  FROM (
    SELECT text, day, sum(pains) AS pains, sum(c0) AS c0, sum(c1) AS c1, sum(c2) AS c2, sum(c3) AS c3,
      sum(accounts) AS accounts, sum(signals) AS signals
    FROM (
      SELECT text, date AS day, 1 AS pains, 0 AS c0, 0 AS c1, 0 AS c2, 0 AS c3, 0 AS accounts, 0 AS signals
        FROM pain_hearings WHERE contact_id = 0
      UNION ALL SELECT text, last, 0, facet = 0, facet = 1, facet = 2, facet = 3, facet = 4, facet = 5
        FROM pain_facet_last WHERE facet < 6)
    GROUP BY text, day)
  WINDOW w AS (PARTITION BY text ORDER BY day ROWS UNBOUNDED PRECEDING);

INSERT INTO pain_text_days SELECT * FROM pain_text_days_now;

-- each text's stages and segments, each with its last day (JSON objects in the key's order: NOT INDEXED
-- reads the rows in it); the triggers below refresh a text's from here
CREATE VIEW pain_text_labels_now AS
  SELECT text,
    (SELECT coalesce(json_group_object(value, last), '{}') FROM pain_facet_last l NOT INDEXED
      WHERE l.text = t.text AND l.facet = 6) AS stages,
    (SELECT coalesce(json_group_object(value, last), '{}') FROM pain_facet_last l NOT INDEXED
      WHERE l.text = t.text AND l.facet = 7) AS segments
  FROM (SELECT DISTINCT text FROM pain_facet_last) t;

-- each text heard: its last day, and its counts before no day at all
CREATE TABLE pain_text_totals (
  text     TEXT PRIMARY KEY,
  last     TEXT NOT NULL,
  pains    INTEGER NOT NULL,
  c0       INTEGER NOT NULL,
  c1       INTEGER NOT NULL,
  c2       INTEGER NOT NULL,
  c3       INTEGER NOT NULL,
  accounts INTEGER NOT NULL,
  signals  INTEGER NOT NULL,
  stages   TEXT NOT NULL,
  segments TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- the texts heard since a day
CREATE INDEX pain_text_totals_by_last ON pain_text_totals(last);

CREATE VIEW pain_text_totals_now AS
  SELECT h.text, h.last, h.pains, coalesce(f.c0, 0) AS c0, coalesce(f.c1, 0) AS c1, coalesce(f.c2, 0) AS c2,
    coalesce(f.c3, 0) AS c3, coalesce(f.accounts, 0) AS accounts, coalesce(f.signals, 0) AS signals,
    coalesce(l.stages, '{}') AS stages, coalesce(l.segments, '{}') AS segments
  FROM (SELECT text, max(date) AS last, count(*) AS pains FROM pain_hearings WHERE contact_id = 0 GROUP BY text) h
  LEFT JOIN (SELECT text, count(*) FILTER (WHERE facet = 0) AS c0, count(*) FILTER (WHERE facet = 1) AS c1,
      count(*) FILTER (WHERE facet = 2) AS c2, count(*) FILTER (WHERE facet = 3) AS c3,
      count(*) FILTER (WHERE facet = 4) AS accounts, count(*) FILTER (WHERE facet = 5) AS signals
    FROM pain_facet_last GROUP BY text) f ON f.text = h.text
  LEFT JOIN pain_text_labels_now l ON l.text = h.text;

INSERT INTO pain_text_totals SELECT * FROM pain_text_totals_now;

-- a value's last day moved: the days between its old and new place count it before them, or no more
CREATE TRIGGER pain_facet_last_after_insert AFTER INSERT ON pain_facet_last BEGIN
  UPDATE pain_text_days SET c0 = c0 + (NEW.facet = 0), c1 = c1 + (NEW.facet = 1), c2 = c2 + (NEW.facet = 2),
    c3 = c3 + (NEW.facet = 3), accounts = accounts + (NEW.facet = 4), signals = signals + (NEW.facet = 5)
    WHERE NEW.facet < 6 AND text = NEW.text AND day > NEW.last;
  UPDATE pain_text_totals SET c0 = c0 + (NEW.facet = 0), c1 = c1 + (NEW.facet = 1), c2 = c2 + (NEW.facet = 2),
    c3 = c3 + (NEW.facet = 3), accounts = accounts + (NEW.facet = 4), signals = signals + (NEW.facet = 5)
    WHERE NEW.facet < 6 AND text = NEW.text;
  UPDATE pain_text_totals SET (stages, segments) = (SELECT stages, segments FROM pain_text_labels_now
    WHERE text = NEW.text) WHERE NEW.facet >= 6 AND text = NEW.text;
END;

CREATE TRIGGER pain_facet_last_after_update AFTER UPDATE OF last ON pain_facet_last BEGIN
  -- moved later: the days up to its new place no longer count it before them; moved back: they do
  UPDATE pain_text_days SET
    c0 = c0 + (NEW.facet = 0) * ((OLD.last > NEW.last) - (OLD.last < NEW.last)),
    c1 = c1 + (NEW.facet = 1) * ((OLD.last > NEW.last) - (OLD.last < NEW.last)),
    c2 = c2 + (NEW.facet = 2) * ((OLD.last > NEW.last) - (OLD.last < NEW.last)),
    c3 = c3 + (NEW.facet = 3) * ((OLD.last > NEW.last) - (OLD.last < NEW.last)),
    accounts = accounts + (NEW.facet = 4) * ((OLD.last > NEW.last) - (OLD.last < NEW.last)),
    signals = signals + (NEW.facet = 5) * ((OLD.last > NEW.last) - (OLD.last < NEW.last))
    WHERE NEW.facet < 6 AND text = NEW.text AND day > min(OLD.last, NEW.last) AND day <= max(OLD.last, NEW.last);
  UPDATE pain_text_totals SET (stages, segments) = (SELECT stages, segments FROM pain_text_labels_now
    WHERE text = NEW.text) WHERE NEW.facet >= 6 AND text = NEW.text;
END;

CREATE TRIGGER pain_facet_last_after_delete AFTER DELETE ON pain_facet_last BEGIN
  UPDATE pain_text_days SET c0 = c0 - (OLD.facet = 0), c1 = c1 - (OLD.facet = 1), c2 = c2 - (OLD.facet = 2),
    c3 = c3 - (OLD.facet = 3), accounts = accounts - (OLD.facet = 4), signals = signals - (OLD.facet = 5)
    WHERE OLD.facet < 6 AND text = OLD.text AND day > OLD.last;
  UPDATE pain_text_totals SET c0 = c0 - (OLD.facet = 0), c1 = c1 - (OLD.facet = 1), c2 = c2 - (OLD.facet = 2),
    c3 = c3 - (OLD.facet = 3), accounts = accounts - (OLD.facet = 4), signals = signals - (OLD.facet = 5)
    WHERE OLD.facet < 6 AND text = OLD.text;
  -- (its text may have no value left: the hearing's trigger then removes the totals)
  UPDATE pain_text_totals SET (stages, segments) = (SELECT coalesce(max(stages), '{}'), coalesce(max(segments), '{}')
    FROM pain_text_labels_now WHERE text = OLD.text) WHERE OLD.facet >= 6 AND text = OLD.text;
END;

CREATE TRIGGER pain_text_days_after_hearing_insert AFTER INSERT ON pain_hearings BEGIN
  INSERT INTO pain_text_totals (text, last, pains, c0, c1, c2, c3, accounts, signals, stages, segments)
    VALUES (NEW.text, NEW.date, 0, 0, 0, 0, 0, 0, 0, '{}', '{}')
    ON CONFLICT (text) DO UPDATE SET last = excluded.last WHERE excluded.last > last;
  UPDATE pain_text_days SET pains = pains + 1 WHERE NEW.contact_id = 0 AND text = NEW.text AND day > NEW.date;
  UPDATE pain_text_totals SET pains = pains + 1 WHERE NEW.contact_id = 0 AND text = NEW.text;
  -- its values, as pain_hearing_facets names them
  INSERT INTO pain_facet_last (text, facet, value, last)
    SELECT NEW.text, facet, value, NEW.date FROM (
      SELECT 0 AS facet, NEW.contact_id AS value WHERE NEW.contact_id <> 0
      UNION ALL SELECT 1, NEW.contact_id WHERE NEW.contact_id <> 0 AND NEW.rank >= 1
      UNION ALL SELECT 2, NEW.contact_id WHERE NEW.contact_id <> 0 AND NEW.rank >= 2
      UNION ALL SELECT 3, NEW.contact_id WHERE NEW.contact_id <> 0 AND NEW.rank >= 3
      UNION ALL SELECT 4, NEW.account_id WHERE NEW.contact_id = 0 AND NEW.account_id IS NOT NULL
      UNION ALL SELECT 5, NEW.interview_id WHERE NEW.contact_id = 0 AND NEW.kind = 'indirect'
      UNION ALL SELECT 6, NEW.stage WHERE NEW.stage IS NOT NULL
      UNION ALL SELECT 7, NEW.segment WHERE NEW.segment IS NOT NULL)
    WHERE true
    ON CONFLICT (text, facet, value) DO UPDATE SET last = excluded.last WHERE excluded.last > last;
  -- a day the text was not heard on yet: the totals less what is on or after it (after the lines above)
  INSERT OR IGNORE INTO pain_text_days (text, day, pains, c0, c1, c2, c3, accounts, signals)
    SELECT t.text, NEW.date,
      t.pains - (SELECT count(*) FROM pain_hearings WHERE text = NEW.text AND contact_id = 0 AND date >= NEW.date),
      t.c0 - (SELECT count(*) FROM pain_facet_last WHERE text = NEW.text AND facet = 0 AND last >= NEW.date),
      t.c1 - (SELECT count(*) FROM pain_facet_last WHERE text = NEW.text AND facet = 1 AND last >= NEW.date),
      t.c2 - (SELECT count(*) FROM pain_facet_last WHERE text = NEW.text AND facet = 2 AND last >= NEW.date),
      t.c3 - (SELECT count(*) FROM pain_facet_last WHERE text = NEW.text AND facet = 3 AND last >= NEW.date),
      t.accounts - (SELECT count(*) FROM pain_facet_last WHERE text = NEW.text AND facet = 4 AND last >= NEW.date),
      t.signals - (SELECT count(*) FROM pain_facet_last WHERE text = NEW.text AND facet = 5 AND last >= NEW.date)
    FROM pain_text_totals t WHERE NEW.contact_id = 0 AND t.text = NEW.text;
END;

CREATE TRIGGER pain_text_days_after_hearing_delete AFTER DELETE ON pain_hearings BEGIN
  -- the last days it held (any of its values': a few more are harmless, recounted alike), recounted
  -- from the hearings left when there was one
  DELETE FROM pain_facet_last WHERE text = OLD.text AND last <= OLD.date
    AND value IN (OLD.contact_id, OLD.account_id, OLD.interview_id, OLD.stage, OLD.segment);
  INSERT OR IGNORE INTO pain_facet_last (text, facet, value, last)
    SELECT text, facet, value, max(date) FROM pain_hearing_facets
    WHERE changes() > 0 AND text = OLD.text
      AND value IN (OLD.contact_id, OLD.account_id, OLD.interview_id, OLD.stage, OLD.segment)
    GROUP BY text, facet, value;
  UPDATE pain_text_days SET pains = pains - 1 WHERE OLD.contact_id = 0 AND text = OLD.text AND day > OLD.date;
  UPDATE pain_text_totals SET pains = pains - 1,
    last = coalesce((SELECT max(date) FROM pain_hearings WHERE text = OLD.text AND contact_id = 0), last)
    WHERE OLD.contact_id = 0 AND text = OLD.text;
  DELETE FROM pain_text_days WHERE OLD.contact_id = 0 AND text = OLD.text AND day = OLD.date
    AND NOT EXISTS (SELECT 1 FROM pain_hearings WHERE text = OLD.text AND contact_id = 0 AND date = OLD.date);
  DELETE FROM pain_text_totals WHERE text = OLD.text
    AND NOT EXISTS (SELECT 1 FROM pain_hearings WHERE text = OLD.text);
END;
