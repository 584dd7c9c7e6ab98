-- 0004_report_summaries: what the report reads, kept where one row answers.
--
-- Each account's latest customer contact, kept on the account, so that
-- the report's "accounts going cold" reads one row per account instead of looking up every
-- account's interviews (on a five-year journal with a thousand accounts that was the report's
-- largest read: most of an index). It holds "as of" any day on or after it; the report looks up
-- the interviews for an account only when it is later than the report's --as-of, or with --by.
-- The view computes it from scratch; the triggers copy the view's row for the accounts an interview
-- change touches, and `pm import` drops the triggers for its bulk insert and copies the view once.

ALTER TABLE accounts ADD COLUMN last_direct TEXT;

CREATE VIEW accounts_last_direct_now AS
  SELECT a.id AS account_id,
    (SELECT max(i.date) FROM interviews i WHERE i.account_id = a.id AND i.kind = 'customer') AS last_direct
  FROM accounts a;

UPDATE accounts SET last_direct = (SELECT v.last_direct FROM accounts_last_direct_now v WHERE v.account_id = accounts.id);

-- a new interview's kind is set by the kind triggers of 0001 (an UPDATE of kind, below) as the
-- people present are added; this one covers an interview inserted with its final kind
CREATE TRIGGER accounts_last_direct_after_insert AFTER INSERT ON interviews BEGIN
  UPDATE accounts SET last_direct = (SELECT v.last_direct FROM accounts_last_direct_now v WHERE v.account_id = accounts.id)
  WHERE id = NEW.account_id;
END;

CREATE TRIGGER accounts_last_direct_after_update AFTER UPDATE OF date, kind, account_id ON interviews BEGIN
  UPDATE accounts SET last_direct = (SELECT v.last_direct FROM accounts_last_direct_now v WHERE v.account_id = accounts.id)
  WHERE id IN (OLD.account_id, NEW.account_id);
END;

CREATE TRIGGER accounts_last_direct_after_delete AFTER DELETE ON interviews BEGIN
  UPDATE accounts SET last_direct = (SELECT v.last_direct FROM accounts_last_direct_now v WHERE v.account_id = accounts.id)
  WHERE id = OLD.account_id;
END;

-- the report counts the follow-ups due (those of calls on or before --as-of): with every column it
-- tests in the index, it counts them from the index alone
DROP INDEX interviews_follow_up_open;
CREATE INDEX interviews_follow_up_open ON interviews(follow_up, follow_up_done, date) WHERE follow_up IS NOT NULL AND follow_up_done = 0;

-- the report's themes: the period's interviews, their kind and account, from the index alone
CREATE INDEX interviews_by_date_kind_account ON interviews(date, kind, account_id);

-- each hypothesis's latest decision day (the date of its latest outcome; null: none), kept beside
-- the status that the outcome triggers of 0001 keep (now both in one statement), so that the report
-- lists killed and invalidated hypotheses latest decision first from an index, and finds evidence
-- dated after a decision without looking up every hypothesis's outcomes
ALTER TABLE hypotheses ADD COLUMN decided_on TEXT;

-- status and decision day from scratch: the latest outcome by date, then by entry
CREATE VIEW hypotheses_decision_now AS
  SELECT h.id AS hypothesis_id,
    COALESCE((SELECT CASE o.outcome WHEN 'reopened' THEN 'open' ELSE o.outcome END FROM outcomes o
      WHERE o.hypothesis_id = h.id ORDER BY o.date DESC, o.id DESC LIMIT 1), 'open') AS status,
    (SELECT max(o.date) FROM outcomes o WHERE o.hypothesis_id = h.id) AS decided_on
  FROM hypotheses h;

UPDATE hypotheses SET decided_on = (SELECT v.decided_on FROM hypotheses_decision_now v WHERE v.hypothesis_id = hypotheses.id);
-- by status, with the dates the report tests: it flags every open hypothesis and shows ten, and
-- lists the killed latest decision first, from the index alone
DROP INDEX hypotheses_by_status;
CREATE INDEX hypotheses_by_status ON hypotheses(status, created_on, decide_by, decided_on);

DROP TRIGGER outcomes_status_after_insert;
CREATE TRIGGER outcomes_status_after_insert AFTER INSERT ON outcomes BEGIN
  UPDATE hypotheses SET (status, decided_on) = (SELECT v.status, v.decided_on FROM hypotheses_decision_now v WHERE v.hypothesis_id = hypotheses.id)
  WHERE id = NEW.hypothesis_id;
END;

DROP TRIGGER outcomes_status_after_delete;
CREATE TRIGGER outcomes_status_after_delete AFTER DELETE ON outcomes BEGIN
  UPDATE hypotheses SET (status, decided_on) = (SELECT v.status, v.decided_on FROM hypotheses_decision_now v WHERE v.hypothesis_id = hypotheses.id)
  WHERE id = OLD.hypothesis_id;
END;
