-- 0053_coverage_persona_last: the last customer conversation of each person, account and conversation
-- with each persona, kept by triggers. `pm coverage` counts the window's conversations, accounts and
-- people per persona: three DISTINCT counts over the window's ~8,000 people present (0046's index),
-- ~7.5 ms of CPU in a fresh process on the harsh 100k bench journal of COUNTS' ~18 (1.45x the floor).
-- Distinct counts over a window do not add up day by day, but a window that runs to the last
-- customer conversation is "since its first day" (as 0052 for the pains): the values whose last day
-- is on or after it, one range of the index below a persona and kind (~1.7 ms). A window with later
-- conversations (--as-of a past day) counts interview_contacts as before.
-- Kept from interview_contacts' copies (0046, 0048): a row added, removed or changed recounts the
-- person's, the account's and the conversation's last day with its old and new persona. src/db/
-- summaries.ts lists it (pm doctor checks it; pm import and sync rebuild it).

-- a journal set back to an older version runs this again: it starts anew
DROP TRIGGER IF EXISTS coverage_persona_last_after_insert;
DROP TRIGGER IF EXISTS coverage_persona_last_after_update;
DROP TRIGGER IF EXISTS coverage_persona_last_after_delete;
DROP VIEW IF EXISTS coverage_persona_last_now;
DROP TABLE IF EXISTS coverage_persona_last;

-- dim: 0 a person (who: contacts.id), 1 an account (accounts.id), 2 a conversation (interviews.id);
-- persona: as written, or 0 for none (a key column, compared with =)
CREATE TABLE coverage_persona_last (
  who     INTEGER NOT NULL,
  dim     INTEGER NOT NULL,
  persona ANY NOT NULL,
  last    TEXT NOT NULL,
  PRIMARY KEY (who, dim, persona)
) STRICT, WITHOUT ROWID;

-- a persona's values last heard on or after a day
CREATE INDEX coverage_persona_last_by_last ON coverage_persona_last(dim, persona, last);

CREATE VIEW coverage_persona_last_now AS
  SELECT contact_id AS who, 0 AS dim, coalesce(persona, 0) AS persona, max(date) AS last FROM interview_contacts
    WHERE kind = 'customer' AND customer = 1 GROUP BY contact_id, persona
  UNION ALL SELECT account_id, 1, coalesce(persona, 0), max(date) FROM interview_contacts
    WHERE kind = 'customer' AND customer = 1 AND account_id IS NOT NULL GROUP BY account_id, persona
  UNION ALL SELECT interview_id, 2, coalesce(persona, 0), max(date) FROM interview_contacts
    WHERE kind = 'customer' AND customer = 1 GROUP BY interview_id, persona;

INSERT INTO coverage_persona_last SELECT * FROM coverage_persona_last_now;

CREATE TRIGGER coverage_persona_last_after_insert AFTER INSERT ON interview_contacts
WHEN NEW.kind = 'customer' AND NEW.customer = 1 BEGIN
  INSERT INTO coverage_persona_last VALUES (NEW.contact_id, 0, coalesce(NEW.persona, 0), NEW.date)
    ON CONFLICT DO UPDATE SET last = excluded.last WHERE excluded.last > last;
  INSERT INTO coverage_persona_last SELECT NEW.account_id, 1, coalesce(NEW.persona, 0), NEW.date
    WHERE NEW.account_id IS NOT NULL
    ON CONFLICT DO UPDATE SET last = excluded.last WHERE excluded.last > last;
  INSERT INTO coverage_persona_last VALUES (NEW.interview_id, 2, coalesce(NEW.persona, 0), NEW.date)
    ON CONFLICT DO UPDATE SET last = excluded.last WHERE excluded.last > last;
END;

-- the old and the new row's three values counted again from the rows left (an account's through its
-- conversations: interview_contacts has no index on it)
CREATE TRIGGER coverage_persona_last_after_update
AFTER UPDATE OF interview_id, contact_id, date, kind, account_id, persona, customer ON interview_contacts
WHEN OLD.kind = 'customer' AND OLD.customer = 1 OR NEW.kind = 'customer' AND NEW.customer = 1 BEGIN
  DELETE FROM coverage_persona_last WHERE persona = coalesce(OLD.persona, 0) AND (who, dim) IN
    (VALUES (OLD.contact_id, 0), (OLD.account_id, 1), (OLD.interview_id, 2));
  DELETE FROM coverage_persona_last WHERE persona = coalesce(NEW.persona, 0) AND (who, dim) IN
    (VALUES (NEW.contact_id, 0), (NEW.account_id, 1), (NEW.interview_id, 2));
  INSERT INTO coverage_persona_last
    SELECT who, dim, coalesce(x.persona, 0), max(ic.date)
    FROM (SELECT OLD.contact_id AS who, 0 AS dim, OLD.persona AS persona
          UNION SELECT NEW.contact_id, 0, NEW.persona) x
    CROSS JOIN interview_contacts ic INDEXED BY interview_contacts_by_contact_kind_date
      ON ic.contact_id = x.who AND ic.kind = 'customer'
    WHERE ic.customer = 1 AND ic.persona IS x.persona GROUP BY 1, 2, 3
    UNION ALL
    SELECT who, dim, coalesce(x.persona, 0), max(ic.date)
    FROM (SELECT OLD.account_id AS who, 1 AS dim, OLD.persona AS persona
          UNION SELECT NEW.account_id, 1, NEW.persona) x
    CROSS JOIN interviews i ON i.account_id = x.who CROSS JOIN interview_contacts ic ON ic.interview_id = i.id
    WHERE ic.account_id = x.who AND ic.kind = 'customer' AND ic.customer = 1 AND ic.persona IS x.persona
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT who, dim, coalesce(x.persona, 0), max(ic.date)
    FROM (SELECT OLD.interview_id AS who, 2 AS dim, OLD.persona AS persona
          UNION SELECT NEW.interview_id, 2, NEW.persona) x
    CROSS JOIN interview_contacts ic ON ic.interview_id = x.who
    WHERE ic.kind = 'customer' AND ic.customer = 1 AND ic.persona IS x.persona GROUP BY 1, 2, 3;
END;

CREATE TRIGGER coverage_persona_last_after_delete AFTER DELETE ON interview_contacts
WHEN OLD.kind = 'customer' AND OLD.customer = 1 BEGIN
  DELETE FROM coverage_persona_last WHERE persona = coalesce(OLD.persona, 0) AND (who, dim) IN
    (VALUES (OLD.contact_id, 0), (OLD.account_id, 1), (OLD.interview_id, 2));
  INSERT INTO coverage_persona_last
    SELECT OLD.contact_id, 0, coalesce(OLD.persona, 0), max(date)
    FROM interview_contacts INDEXED BY interview_contacts_by_contact_kind_date
    WHERE contact_id = OLD.contact_id AND kind = 'customer' AND customer = 1 AND persona IS OLD.persona
    HAVING count(*) > 0
    UNION ALL
    SELECT OLD.account_id, 1, coalesce(OLD.persona, 0), max(ic.date)
    FROM interviews i CROSS JOIN interview_contacts ic ON ic.interview_id = i.id
    WHERE i.account_id = OLD.account_id AND ic.account_id = OLD.account_id AND ic.kind = 'customer'
      AND ic.customer = 1 AND ic.persona IS OLD.persona
    HAVING count(*) > 0
    UNION ALL
    SELECT OLD.interview_id, 2, coalesce(OLD.persona, 0), max(date) FROM interview_contacts
    WHERE interview_id = OLD.interview_id AND kind = 'customer' AND customer = 1 AND persona IS OLD.persona
    HAVING count(*) > 0;
END;
