-- 0003_evidence_customers: who gave customer evidence on each hypothesis, once per person and
-- direction, with the first day they did. "Distinct customers supporting H3 as of a day" becomes a
-- count of these rows (first_date <= the day) instead of joining every evidence row to the people
-- present: on a five-year journal that join was the largest part of `pm report`. Kept by triggers,
-- which recompute the rows of the hypotheses a change touches (a few dozen evidence rows each);
-- `pm import` drops them for its bulk insert and rebuilds the table once.

CREATE TABLE evidence_customers (
  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
  direction     TEXT NOT NULL CHECK (direction IN ('supports', 'refutes')),
  contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  account_id    INTEGER NOT NULL,
  first_date    TEXT NOT NULL,
  PRIMARY KEY (hypothesis_id, direction, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX evidence_customers_by_contact ON evidence_customers(contact_id);

INSERT INTO evidence_customers (hypothesis_id, direction, contact_id, account_id, first_date)
  SELECT e.hypothesis_id, e.direction, c.id, c.account_id, min(e.date)
  FROM evidence e JOIN interview_contacts ic ON ic.interview_id = e.interview_id JOIN contacts c ON c.id = ic.contact_id
  WHERE e.kind = 'customer' AND c.role IN ('customer', 'prospect')
  GROUP BY e.hypothesis_id, e.direction, c.id;

-- a link's date, kind or direction changed (this includes every new link: the copy trigger of
-- 0002 sets its date and kind right after the insert)
CREATE TRIGGER evidence_customers_after_evidence_update AFTER UPDATE OF date, kind, direction ON evidence BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id = NEW.hypothesis_id;
  INSERT INTO evidence_customers (hypothesis_id, direction, contact_id, account_id, first_date)
    SELECT e.hypothesis_id, e.direction, c.id, c.account_id, min(e.date)
    FROM evidence e JOIN interview_contacts ic ON ic.interview_id = e.interview_id JOIN contacts c ON c.id = ic.contact_id
    WHERE e.hypothesis_id = NEW.hypothesis_id AND e.kind = 'customer' AND c.role IN ('customer', 'prospect')
    GROUP BY e.hypothesis_id, e.direction, c.id;
END;

CREATE TRIGGER evidence_customers_after_evidence_delete AFTER DELETE ON evidence BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id = OLD.hypothesis_id;
  INSERT INTO evidence_customers (hypothesis_id, direction, contact_id, account_id, first_date)
    SELECT e.hypothesis_id, e.direction, c.id, c.account_id, min(e.date)
    FROM evidence e JOIN interview_contacts ic ON ic.interview_id = e.interview_id JOIN contacts c ON c.id = ic.contact_id
    WHERE e.hypothesis_id = OLD.hypothesis_id AND e.kind = 'customer' AND c.role IN ('customer', 'prospect')
    GROUP BY e.hypothesis_id, e.direction, c.id;
END;

-- the people present at an interview changed
CREATE TRIGGER evidence_customers_after_presence_insert AFTER INSERT ON interview_contacts BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id IN (SELECT hypothesis_id FROM evidence WHERE interview_id = NEW.interview_id);
  INSERT INTO evidence_customers (hypothesis_id, direction, contact_id, account_id, first_date)
    SELECT e.hypothesis_id, e.direction, c.id, c.account_id, min(e.date)
    FROM evidence e JOIN interview_contacts ic ON ic.interview_id = e.interview_id JOIN contacts c ON c.id = ic.contact_id
    WHERE e.hypothesis_id IN (SELECT hypothesis_id FROM evidence WHERE interview_id = NEW.interview_id)
      AND e.kind = 'customer' AND c.role IN ('customer', 'prospect')
    GROUP BY e.hypothesis_id, e.direction, c.id;
END;

CREATE TRIGGER evidence_customers_after_presence_delete AFTER DELETE ON interview_contacts BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id IN (SELECT hypothesis_id FROM evidence WHERE interview_id = OLD.interview_id);
  INSERT INTO evidence_customers (hypothesis_id, direction, contact_id, account_id, first_date)
    SELECT e.hypothesis_id, e.direction, c.id, c.account_id, min(e.date)
    FROM evidence e JOIN interview_contacts ic ON ic.interview_id = e.interview_id JOIN contacts c ON c.id = ic.contact_id
    WHERE e.hypothesis_id IN (SELECT hypothesis_id FROM evidence WHERE interview_id = OLD.interview_id)
      AND e.kind = 'customer' AND c.role IN ('customer', 'prospect')
    GROUP BY e.hypothesis_id, e.direction, c.id;
END;

-- a person's role or account changed
CREATE TRIGGER evidence_customers_after_contact_update AFTER UPDATE OF role, account_id ON contacts BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id IN (
    SELECT e.hypothesis_id FROM interview_contacts ic JOIN evidence e ON e.interview_id = ic.interview_id WHERE ic.contact_id = NEW.id);
  INSERT INTO evidence_customers (hypothesis_id, direction, contact_id, account_id, first_date)
    SELECT e.hypothesis_id, e.direction, c.id, c.account_id, min(e.date)
    FROM evidence e JOIN interview_contacts ic ON ic.interview_id = e.interview_id JOIN contacts c ON c.id = ic.contact_id
    WHERE e.hypothesis_id IN (
        SELECT e2.hypothesis_id FROM interview_contacts ic2 JOIN evidence e2 ON e2.interview_id = ic2.interview_id WHERE ic2.contact_id = NEW.id)
      AND e.kind = 'customer' AND c.role IN ('customer', 'prospect')
    GROUP BY e.hypothesis_id, e.direction, c.id;
END;
