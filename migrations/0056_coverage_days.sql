-- 0056_coverage_days: the customer conversations of each day per segment and per stage, and the last
-- customer conversation of each (stage, account), kept by triggers. `pm coverage` counts the
-- window's conversations per segment and stage, with their distinct accounts: the window's ~7,000
-- conversations grouped by (account, stage), then each group's account read for its segment, ~10 ms
-- of CPU in a fresh process on the harsh 100k bench journal (COUNTS, src/db/coverage.ts).
-- Conversations add up day by day: a window's are the sum of its days' (a few hundred rows). Distinct
-- accounts do not, but a window that runs to the last customer conversation is "since its first
-- day" (as 0052 for the pains, 0053 for the personas): an account is heard in it when its last
-- customer conversation is on or after the start, for a segment the one kept on the account
-- (last_direct, 0004), for a stage the one kept below. A window with later conversations (--as-of a
-- past day) counts the interviews as before.
-- Only conversations with an account count (as COUNTS: a segment is an account's). A conversation
-- added, removed or changed moves its day's counts and recounts its (stage, account)'s last day; an
-- account's segment changed moves its conversations' counts to the new one. src/db/summaries.ts
-- lists both (pm doctor checks them; pm import and sync rebuild them).

-- a journal set back to an older version runs this again: it starts anew
DROP TRIGGER IF EXISTS coverage_days_after_insert;
DROP TRIGGER IF EXISTS coverage_days_after_update;
DROP TRIGGER IF EXISTS coverage_days_after_delete;
DROP TRIGGER IF EXISTS coverage_days_after_segment;
DROP VIEW IF EXISTS coverage_days_now;
DROP VIEW IF EXISTS coverage_stage_last_now;
DROP TABLE IF EXISTS coverage_days;
DROP TABLE IF EXISTS coverage_stage_last;
DROP INDEX IF EXISTS accounts_heard_without_segment;

-- dim: 0 a segment (the account's, trimmed), 1 a stage (as written); key 0 for none (a key column,
-- compared with =); n: that day's customer conversations with an account, never 0 (the row goes)
CREATE TABLE coverage_days (
  day TEXT NOT NULL,
  dim INTEGER NOT NULL,
  key ANY NOT NULL,
  n   INTEGER NOT NULL,
  PRIMARY KEY (day, dim, key)
) STRICT, WITHOUT ROWID;

-- stage: as written, or 0 for none
CREATE TABLE coverage_stage_last (
  stage      ANY NOT NULL,
  account_id INTEGER NOT NULL,
  last       TEXT NOT NULL,
  PRIMARY KEY (stage, account_id)
) STRICT, WITHOUT ROWID;

-- a stage's accounts last heard on or after a day
CREATE INDEX coverage_stage_last_by_last ON coverage_stage_last(stage, last);

-- the accounts without a segment counted by pm coverage, by their last customer conversation (those
-- with one: accounts_by_segment); segment and cadence_days, so that its rows are read alone (SQLite
-- reads a partial index alone only when it holds the columns of its WHERE)
CREATE INDEX accounts_heard_without_segment ON accounts(last_direct, segment, cadence_days)
  WHERE (segment IS NULL OR trim(segment) = '') AND cadence_days IS NOT 0;

CREATE VIEW coverage_days_now AS
  SELECT i.date AS day, 0 AS dim, coalesce(nullif(trim(a.segment), ''), 0) AS key, count(*) AS n
    FROM interviews i CROSS JOIN accounts a ON a.id = i.account_id
    WHERE i.kind = 'customer' GROUP BY 1, 3
  UNION ALL SELECT date, 1, coalesce(stage, 0), count(*) FROM interviews
    WHERE kind = 'customer' AND account_id IS NOT NULL GROUP BY 1, 3;

CREATE VIEW coverage_stage_last_now AS
  SELECT coalesce(stage, 0) AS stage, account_id, max(date) AS last FROM interviews
    WHERE kind = 'customer' AND account_id IS NOT NULL GROUP BY 1, 2;

INSERT INTO coverage_days SELECT * FROM coverage_days_now;
INSERT INTO coverage_stage_last SELECT * FROM coverage_stage_last_now;

CREATE TRIGGER coverage_days_after_insert AFTER INSERT ON interviews
WHEN NEW.kind = 'customer' AND NEW.account_id IS NOT NULL BEGIN
  INSERT INTO coverage_days SELECT NEW.date, 0, coalesce(nullif(trim(segment), ''), 0), 1
    FROM accounts WHERE id = NEW.account_id
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO coverage_days VALUES (NEW.date, 1, coalesce(NEW.stage, 0), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO coverage_stage_last VALUES (coalesce(NEW.stage, 0), NEW.account_id, NEW.date)
    ON CONFLICT DO UPDATE SET last = excluded.last WHERE excluded.last > last;
END;

-- the old row's day counted one less, the new row's one more; the old and the new (stage, account)'s
-- last days counted again from the conversations left
CREATE TRIGGER coverage_days_after_update AFTER UPDATE OF date, kind, account_id, stage ON interviews
WHEN OLD.kind = 'customer' AND OLD.account_id IS NOT NULL OR NEW.kind = 'customer' AND NEW.account_id IS NOT NULL
BEGIN
  UPDATE coverage_days SET n = n - 1
    WHERE OLD.kind = 'customer' AND day = OLD.date AND (dim, key) IN
      (SELECT 0, coalesce(nullif(trim(segment), ''), 0) FROM accounts WHERE id = OLD.account_id
       UNION ALL SELECT 1, coalesce(OLD.stage, 0) WHERE OLD.account_id IS NOT NULL);
  DELETE FROM coverage_days WHERE day = OLD.date AND n <= 0;
  INSERT INTO coverage_days SELECT NEW.date, 0, coalesce(nullif(trim(segment), ''), 0), 1
    FROM accounts WHERE id = NEW.account_id AND NEW.kind = 'customer'
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO coverage_days SELECT NEW.date, 1, coalesce(NEW.stage, 0), 1
    WHERE NEW.kind = 'customer' AND NEW.account_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
  DELETE FROM coverage_stage_last WHERE (stage, account_id) IN
    (VALUES (coalesce(OLD.stage, 0), OLD.account_id), (coalesce(NEW.stage, 0), NEW.account_id));
  INSERT INTO coverage_stage_last
    SELECT coalesce(x.stage, 0), x.account_id, max(i.date)
    FROM (SELECT OLD.stage AS stage, OLD.account_id AS account_id UNION SELECT NEW.stage, NEW.account_id) x
    CROSS JOIN interviews i INDEXED BY interviews_by_account_kind_date
      ON i.account_id = x.account_id AND i.kind = 'customer'
    WHERE i.stage IS x.stage GROUP BY 1, 2;
END;

CREATE TRIGGER coverage_days_after_delete AFTER DELETE ON interviews
WHEN OLD.kind = 'customer' AND OLD.account_id IS NOT NULL BEGIN
  UPDATE coverage_days SET n = n - 1
    WHERE day = OLD.date AND (dim, key) IN
      (SELECT 0, coalesce(nullif(trim(segment), ''), 0) FROM accounts WHERE id = OLD.account_id
       UNION ALL SELECT 1, coalesce(OLD.stage, 0));
  DELETE FROM coverage_days WHERE day = OLD.date AND n <= 0;
  DELETE FROM coverage_stage_last WHERE stage = coalesce(OLD.stage, 0) AND account_id = OLD.account_id;
  INSERT INTO coverage_stage_last
    SELECT coalesce(OLD.stage, 0), OLD.account_id, max(date)
    FROM interviews INDEXED BY interviews_by_account_kind_date
    WHERE account_id = OLD.account_id AND kind = 'customer' AND stage IS OLD.stage
    HAVING count(*) > 0;
END;

-- an account's conversations counted under its new segment (days it has none of are left alone)
CREATE TRIGGER coverage_days_after_segment AFTER UPDATE OF segment ON accounts
WHEN coalesce(nullif(trim(OLD.segment), ''), 0) IS NOT coalesce(nullif(trim(NEW.segment), ''), 0) BEGIN
  UPDATE coverage_days SET n = n - x.moved
    FROM (SELECT date AS day, count(*) AS moved FROM interviews INDEXED BY interviews_by_account_kind_date
          WHERE account_id = NEW.id AND kind = 'customer' GROUP BY date) x
    WHERE coverage_days.day = x.day AND coverage_days.dim = 0
      AND coverage_days.key = coalesce(nullif(trim(OLD.segment), ''), 0);
  DELETE FROM coverage_days WHERE dim = 0 AND key = coalesce(nullif(trim(OLD.segment), ''), 0) AND n <= 0
    AND day IN (SELECT date FROM interviews INDEXED BY interviews_by_account_kind_date
                WHERE account_id = NEW.id AND kind = 'customer');
  INSERT INTO coverage_days
    SELECT date, 0, coalesce(nullif(trim(NEW.segment), ''), 0), count(*)
    FROM interviews INDEXED BY interviews_by_account_kind_date
    WHERE account_id = NEW.id AND kind = 'customer' GROUP BY date
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
