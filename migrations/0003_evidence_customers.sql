-- 0003_evidence_customers: two summaries of the evidence, so that `pm report` and `pm hyp list`
-- read a row per hypothesis instead of every evidence row (on a five-year journal those reads were
-- the largest part of the report):
-- * evidence_customers: who gave customer evidence on each hypothesis, once per person and
--   direction, with the first day they did; "distinct customers supporting H3 as of a day" is a
--   count of these rows (first_date <= the day) instead of a join of every link to the people present;
-- * evidence_totals: a hypothesis's evidence counts and its latest dates; they hold "as of" any day on
--   or after last_date (a report as of today), and older days still count the evidence rows.
-- Both are what the views evidence_customers_now and evidence_totals_now compute from scratch; triggers
-- copy the views' rows for the hypotheses a change touches (a few dozen evidence rows each), and
-- `pm import` drops the triggers for its bulk insert and copies the views whole once.

CREATE TABLE evidence_customers (
  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
  direction     TEXT NOT NULL CHECK (direction IN ('supports', 'refutes')),
  contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  account_id    INTEGER NOT NULL,
  first_date    TEXT NOT NULL,
  PRIMARY KEY (hypothesis_id, direction, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX evidence_customers_by_contact ON evidence_customers(contact_id);

CREATE TABLE evidence_totals (
  hypothesis_id  INTEGER PRIMARY KEY REFERENCES hypotheses(id) ON DELETE CASCADE,
  supports       INTEGER NOT NULL,  -- links from customer contact
  refutes        INTEGER NOT NULL,
  other_supports INTEGER NOT NULL,  -- links from signals and stakeholder meetings
  other_refutes  INTEGER NOT NULL,
  last_evidence  TEXT,              -- the latest customer-contact link's date
  last_date      TEXT NOT NULL,     -- the latest link's date, whatever its kind
  customers_supporting INTEGER NOT NULL,  -- distinct customers each way (from evidence_customers)
  customers_refuting   INTEGER NOT NULL,
  accounts_supporting  INTEGER NOT NULL
) STRICT;

-- the summaries from scratch; a WHERE on hypothesis_id is pushed into their GROUP BY, so the
-- triggers below read only the evidence of the hypotheses they recompute
CREATE VIEW evidence_customers_now AS
  SELECT e.hypothesis_id, e.direction, c.id AS contact_id, c.account_id, min(e.date) AS first_date
  FROM evidence e JOIN interview_contacts ic ON ic.interview_id = e.interview_id JOIN contacts c ON c.id = ic.contact_id
  WHERE e.kind = 'customer' AND c.role IN ('customer', 'prospect')
  GROUP BY e.hypothesis_id, e.direction, c.id;

-- reads evidence_customers: refresh that first
CREATE VIEW evidence_totals_now AS
  SELECT e.hypothesis_id,
    sum(e.kind = 'customer' AND e.direction = 'supports') AS supports, sum(e.kind = 'customer' AND e.direction = 'refutes') AS refutes,
    sum(e.kind <> 'customer' AND e.direction = 'supports') AS other_supports, sum(e.kind <> 'customer' AND e.direction = 'refutes') AS other_refutes,
    max(CASE WHEN e.kind = 'customer' THEN e.date END) AS last_evidence, max(e.date) AS last_date,
    (SELECT count(*) FROM evidence_customers ec WHERE ec.hypothesis_id = e.hypothesis_id AND ec.direction = 'supports') AS customers_supporting,
    (SELECT count(*) FROM evidence_customers ec WHERE ec.hypothesis_id = e.hypothesis_id AND ec.direction = 'refutes') AS customers_refuting,
    (SELECT count(DISTINCT ec.account_id) FROM evidence_customers ec WHERE ec.hypothesis_id = e.hypothesis_id AND ec.direction = 'supports') AS accounts_supporting
  FROM evidence e GROUP BY e.hypothesis_id;

INSERT INTO evidence_customers SELECT * FROM evidence_customers_now;
INSERT INTO evidence_totals SELECT * FROM evidence_totals_now;

-- a link's date, kind or direction changed (this includes every new link: the copy trigger of
-- 0002 sets its date and kind right after the insert)
CREATE TRIGGER evidence_customers_after_evidence_update AFTER UPDATE OF date, kind, direction ON evidence BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id = NEW.hypothesis_id;
  INSERT INTO evidence_customers SELECT * FROM evidence_customers_now WHERE hypothesis_id = NEW.hypothesis_id;
  DELETE FROM evidence_totals WHERE hypothesis_id = NEW.hypothesis_id;
  INSERT INTO evidence_totals SELECT * FROM evidence_totals_now WHERE hypothesis_id = NEW.hypothesis_id;
END;

CREATE TRIGGER evidence_customers_after_evidence_delete AFTER DELETE ON evidence BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id = OLD.hypothesis_id;
  INSERT INTO evidence_customers SELECT * FROM evidence_customers_now WHERE hypothesis_id = OLD.hypothesis_id;
  DELETE FROM evidence_totals WHERE hypothesis_id = OLD.hypothesis_id;
  INSERT INTO evidence_totals SELECT * FROM evidence_totals_now WHERE hypothesis_id = OLD.hypothesis_id;
END;

-- The people present at an interview changing needs no trigger of its own: the kind triggers of
-- 0001 then update interviews.kind, which 0002 copies onto the evidence rows, which fires the
-- trigger above. A person's account does not touch the interview, hence:
CREATE TRIGGER evidence_customers_after_contact_update AFTER UPDATE OF role, account_id ON contacts BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id IN (
    SELECT e.hypothesis_id FROM interview_contacts ic JOIN evidence e ON e.interview_id = ic.interview_id WHERE ic.contact_id = NEW.id);
  INSERT INTO evidence_customers SELECT * FROM evidence_customers_now WHERE hypothesis_id IN (
    SELECT e.hypothesis_id FROM interview_contacts ic JOIN evidence e ON e.interview_id = ic.interview_id WHERE ic.contact_id = NEW.id);
  DELETE FROM evidence_totals WHERE hypothesis_id IN (
    SELECT e.hypothesis_id FROM interview_contacts ic JOIN evidence e ON e.interview_id = ic.interview_id WHERE ic.contact_id = NEW.id);
  INSERT INTO evidence_totals SELECT * FROM evidence_totals_now WHERE hypothesis_id IN (
    SELECT e.hypothesis_id FROM interview_contacts ic JOIN evidence e ON e.interview_id = ic.interview_id WHERE ic.contact_id = NEW.id);
END;
