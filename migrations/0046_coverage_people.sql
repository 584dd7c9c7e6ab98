-- 0046_coverage_people: who was in each conversation carries, beside its date and kind (0013), the
-- conversation's account and the person's persona, and whether the person is a customer or prospect,
-- kept by triggers. `pm coverage` counts the window's customer conversations, accounts and people
-- per persona; read from interviews, a seek of interview_contacts for each conversation and of
-- contacts for each person present, it was the largest part of its one statement (harsh 100k, 12
-- weeks, ~7,700 people present: ~14 ms of CPU in a fresh connection, ~6.7 from the index below
-- alone). Partial: only the customers and prospects present are counted.
ALTER TABLE interview_contacts ADD COLUMN account_id INTEGER;
ALTER TABLE interview_contacts ADD COLUMN persona TEXT;
ALTER TABLE interview_contacts ADD COLUMN customer INTEGER NOT NULL DEFAULT 0;

-- the copies from scratch (what the triggers keep, and what pm doctor compares them with)
CREATE VIEW interview_contacts_people_now AS
  SELECT ic.interview_id, ic.contact_id, i.account_id, c.persona, c.role IN ('customer', 'prospect') AS customer
  FROM interview_contacts ic JOIN interviews i ON i.id = ic.interview_id JOIN contacts c ON c.id = ic.contact_id;

UPDATE interview_contacts SET (account_id, persona, customer) = (SELECT v.account_id, v.persona, v.customer
  FROM interview_contacts_people_now v
  WHERE v.interview_id = interview_contacts.interview_id AND v.contact_id = interview_contacts.contact_id);

CREATE INDEX interview_contacts_customers_by_date ON interview_contacts(kind, date, persona, account_id)
  WHERE customer = 1;

-- a person added to a conversation takes its account, and their persona and role
CREATE TRIGGER interview_contacts_people_after_insert AFTER INSERT ON interview_contacts BEGIN
  UPDATE interview_contacts SET (account_id, persona, customer) = (SELECT v.account_id, v.persona, v.customer
    FROM interview_contacts_people_now v WHERE v.interview_id = NEW.interview_id AND v.contact_id = NEW.contact_id)
  WHERE interview_id = NEW.interview_id AND contact_id = NEW.contact_id;
END;

-- a conversation moved to another account (pm edit)
CREATE TRIGGER interviews_people_after_account AFTER UPDATE OF account_id ON interviews BEGIN
  UPDATE interview_contacts SET account_id = NEW.account_id WHERE interview_id = NEW.id;
END;

-- a person's new persona or role (pm edit, a merge or erasure, an import or sync)
CREATE TRIGGER contacts_people_after_update AFTER UPDATE OF persona, role ON contacts BEGIN
  UPDATE interview_contacts SET persona = NEW.persona, customer = NEW.role IN ('customer', 'prospect')
  WHERE contact_id = NEW.id;
END;
