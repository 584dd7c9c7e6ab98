-- 0027_pain_hearings: the window's pains with the customers who raised them, kept by triggers as one
-- narrow row a fact and read from one covering index by date (issue 18). pm opportunities, pm tree, the
-- week's markdown export and the report's Opportunities gathered the 12 weeks' pains (~5,800 on the
-- harsh 100k bench journal) with their accounts' segments, then the customers present at each (~11,000
-- facts: an interview_contacts seek and a contact's row each), in two statements of ~17 ms of CPU in a
-- fresh process. Counts of distinct customers and accounts over the window do not add up week by week,
-- so the facts are kept one by one rather than summed: a row a pain of a customer conversation or
-- signal (contact_id 0: its interview's kind, account, stage and the account's segment) and a row a
-- customer or prospect present where a customer conversation raised it (their segment, the severity's
-- rank), so that a window is one range of one index grouped by text. The view computes it from
-- scratch (pm doctor compares, pm import and sync rebuild it once after a bulk write:
-- src/db/summaries.ts); each trigger recomputes the rows of the pain or conversation it touches.
-- Segments are copies: a contact's or account's new segment (pm forget clears one) rewrites them.

-- a journal set back to an older version runs this again: it starts anew
DROP TRIGGER IF EXISTS pain_hearings_after_pain_insert;
DROP TRIGGER IF EXISTS pain_hearings_after_pain_update;
DROP TRIGGER IF EXISTS pain_hearings_after_pain_delete;
DROP TRIGGER IF EXISTS pain_hearings_after_people_insert;
DROP TRIGGER IF EXISTS pain_hearings_after_people_update;
DROP TRIGGER IF EXISTS pain_hearings_after_people_delete;
DROP TRIGGER IF EXISTS pain_hearings_after_interview_update;
DROP TRIGGER IF EXISTS pain_hearings_after_interview_delete;
DROP TRIGGER IF EXISTS pain_hearings_after_contact_update;
DROP TRIGGER IF EXISTS pain_hearings_after_account_update;
DROP VIEW IF EXISTS pain_hearings_now;
DROP TABLE IF EXISTS pain_hearings;

CREATE TABLE pain_hearings (
  interview_id INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  -- 0: the pain itself; else a customer or prospect present
  contact_id   INTEGER NOT NULL,
  date         TEXT NOT NULL,
  text         TEXT NOT NULL,
  kind         TEXT NOT NULL,
  -- the pain's row of a customer conversation: its account and journey stage (NULL when none)
  account_id   INTEGER,
  stage        TEXT,
  -- the account's segment (the pain's row of a customer conversation) or the person's; NULL when none
  segment      TEXT,
  -- low 0, medium 1, high 2, blocker 3
  rank         INTEGER NOT NULL,
  PRIMARY KEY (interview_id, position, contact_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX pain_hearings_by_date ON pain_hearings(date, text, contact_id, rank, kind, account_id, stage, segment);

CREATE VIEW pain_hearings_now AS
  SELECT p.interview_id, p.position, 0 AS contact_id, i.date, p.text, i.kind,
    CASE WHEN i.kind = 'customer' THEN i.account_id END AS account_id,
    CASE WHEN i.kind = 'customer' THEN nullif(i.stage, '') END AS stage,
    CASE WHEN i.kind = 'customer' THEN nullif(a.segment, '') END AS segment,
    CASE p.severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END AS rank
  FROM pains p JOIN interviews i ON i.id = p.interview_id LEFT JOIN accounts a ON a.id = i.account_id
  WHERE i.kind IN ('customer', 'indirect')
  UNION ALL
  SELECT p.interview_id, p.position, c.id, i.date, p.text, i.kind, NULL, NULL, nullif(c.segment, ''),
    CASE p.severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END
  FROM pains p JOIN interviews i ON i.id = p.interview_id
    JOIN interview_contacts ic ON ic.interview_id = p.interview_id JOIN contacts c ON c.id = ic.contact_id
  WHERE i.kind = 'customer' AND c.role IN ('customer', 'prospect');

INSERT INTO pain_hearings SELECT * FROM pain_hearings_now;

-- a pain written, rewritten (pm edit, pm forget's redaction) or removed
CREATE TRIGGER pain_hearings_after_pain_insert AFTER INSERT ON pains BEGIN
  DELETE FROM pain_hearings WHERE interview_id = NEW.interview_id AND position = NEW.position;
  INSERT INTO pain_hearings SELECT * FROM pain_hearings_now
    WHERE interview_id = NEW.interview_id AND position = NEW.position;
END;

CREATE TRIGGER pain_hearings_after_pain_update AFTER UPDATE ON pains BEGIN
  DELETE FROM pain_hearings WHERE interview_id = OLD.interview_id AND position = OLD.position;
  DELETE FROM pain_hearings WHERE interview_id = NEW.interview_id AND position = NEW.position;
  INSERT INTO pain_hearings SELECT * FROM pain_hearings_now
    WHERE interview_id = NEW.interview_id AND position = NEW.position;
END;

CREATE TRIGGER pain_hearings_after_pain_delete AFTER DELETE ON pains BEGIN
  DELETE FROM pain_hearings WHERE interview_id = OLD.interview_id AND position = OLD.position;
END;

-- someone added to or removed from a conversation (a merge of contacts moves them)
CREATE TRIGGER pain_hearings_after_people_insert AFTER INSERT ON interview_contacts BEGIN
  DELETE FROM pain_hearings WHERE interview_id = NEW.interview_id;
  INSERT INTO pain_hearings SELECT * FROM pain_hearings_now WHERE interview_id = NEW.interview_id;
END;

CREATE TRIGGER pain_hearings_after_people_update AFTER UPDATE OF interview_id, contact_id ON interview_contacts BEGIN
  DELETE FROM pain_hearings WHERE interview_id IN (OLD.interview_id, NEW.interview_id);
  INSERT INTO pain_hearings SELECT * FROM pain_hearings_now WHERE interview_id IN (OLD.interview_id, NEW.interview_id);
END;

CREATE TRIGGER pain_hearings_after_people_delete AFTER DELETE ON interview_contacts BEGIN
  DELETE FROM pain_hearings WHERE interview_id = OLD.interview_id;
  INSERT INTO pain_hearings SELECT * FROM pain_hearings_now WHERE interview_id = OLD.interview_id;
END;

-- a conversation's new date, kind, account or stage (a merge of accounts moves conversations), or its end
CREATE TRIGGER pain_hearings_after_interview_update AFTER UPDATE OF date, kind, account_id, stage ON interviews
BEGIN
  DELETE FROM pain_hearings WHERE interview_id = NEW.id;
  INSERT INTO pain_hearings SELECT * FROM pain_hearings_now WHERE interview_id = NEW.id;
END;

CREATE TRIGGER pain_hearings_after_interview_delete AFTER DELETE ON interviews BEGIN
  DELETE FROM pain_hearings WHERE interview_id = OLD.id;
END;

-- a person's new role or segment: the rows of their conversations
CREATE TRIGGER pain_hearings_after_contact_update AFTER UPDATE OF role, segment ON contacts BEGIN
  DELETE FROM pain_hearings WHERE interview_id IN (SELECT interview_id FROM interview_contacts
    WHERE contact_id = NEW.id);
  INSERT INTO pain_hearings SELECT * FROM pain_hearings_now WHERE interview_id IN (SELECT interview_id
    FROM interview_contacts WHERE contact_id = NEW.id);
END;

-- an account's new segment: the rows of its conversations
CREATE TRIGGER pain_hearings_after_account_update AFTER UPDATE OF segment ON accounts BEGIN
  DELETE FROM pain_hearings WHERE interview_id IN (SELECT id FROM interviews WHERE account_id = NEW.id);
  INSERT INTO pain_hearings SELECT * FROM pain_hearings_now WHERE interview_id IN (SELECT id FROM interviews
    WHERE account_id = NEW.id);
END;
