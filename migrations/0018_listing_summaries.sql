-- 0018_listing_summaries: each contact's and each account's counts and latest conversations, kept
-- on their rows by triggers, for pm contacts and pm accounts (issue 18). Listing every contact (12,000
-- on the harsh 100k bench journal) grouped the whole index of who was in each conversation, and
-- listing every account (6,000) grouped every interview and every contact, at each run: ~30 ms of
-- SQL each. With these columns a listing reads one row a contact (or account) and its account. The
-- dates hold "as of" any day on or after them: a listing as of an earlier day looks that one up
-- (src/db/contacts.ts, src/db/accounts.ts). The views compute them from scratch (pm doctor compares,
-- pm import rebuilds them once after its bulk write: src/db/summaries.ts).

ALTER TABLE contacts ADD COLUMN interviews INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN last_direct TEXT;
ALTER TABLE contacts ADD COLUMN last_interview TEXT;

-- from the copies of each conversation's date and kind on interview_contacts (0013), by its index on
-- (contact_id, kind, date)
CREATE VIEW contacts_activity_now AS
  SELECT c.id AS contact_id,
    (SELECT count(*) FROM interview_contacts ic WHERE ic.contact_id = c.id) AS interviews,
    (SELECT max(ic.date) FROM interview_contacts ic WHERE ic.contact_id = c.id AND ic.kind = 'customer')
      AS last_direct,
    (SELECT max(ic.date) FROM interview_contacts ic WHERE ic.contact_id = c.id) AS last_interview
  FROM contacts c;

UPDATE contacts SET (interviews, last_direct, last_interview) = (SELECT v.interviews, v.last_direct, v.last_interview
  FROM contacts_activity_now v WHERE v.contact_id = contacts.id);

-- someone added to or removed from a conversation, and a conversation's new date or kind (copied onto
-- interview_contacts by 0013's triggers)
CREATE TRIGGER contacts_activity_after_insert AFTER INSERT ON interview_contacts BEGIN
  UPDATE contacts SET (interviews, last_direct, last_interview) = (SELECT v.interviews, v.last_direct,
    v.last_interview FROM contacts_activity_now v WHERE v.contact_id = contacts.id)
  WHERE id = NEW.contact_id;
END;

CREATE TRIGGER contacts_activity_after_update AFTER UPDATE OF contact_id, date, kind ON interview_contacts BEGIN
  UPDATE contacts SET (interviews, last_direct, last_interview) = (SELECT v.interviews, v.last_direct,
    v.last_interview FROM contacts_activity_now v WHERE v.contact_id = contacts.id)
  WHERE id IN (OLD.contact_id, NEW.contact_id);
END;

CREATE TRIGGER contacts_activity_after_delete AFTER DELETE ON interview_contacts BEGIN
  UPDATE contacts SET (interviews, last_direct, last_interview) = (SELECT v.interviews, v.last_direct,
    v.last_interview FROM contacts_activity_now v WHERE v.contact_id = contacts.id)
  WHERE id = OLD.contact_id;
END;

-- an account's people and conversations (its last direct customer contact is kept since 0004)
ALTER TABLE accounts ADD COLUMN contacts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN interviews INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN last_interview TEXT;

CREATE VIEW accounts_activity_now AS
  SELECT a.id AS account_id,
    (SELECT count(*) FROM contacts c WHERE c.account_id = a.id) AS contacts,
    (SELECT count(*) FROM interviews i WHERE i.account_id = a.id) AS interviews,
    (SELECT max(i.date) FROM interviews i WHERE i.account_id = a.id) AS last_interview
  FROM accounts a;

UPDATE accounts SET (contacts, interviews, last_interview) = (SELECT v.contacts, v.interviews, v.last_interview
  FROM accounts_activity_now v WHERE v.account_id = accounts.id);

CREATE TRIGGER accounts_activity_after_interview_insert AFTER INSERT ON interviews BEGIN
  UPDATE accounts SET (contacts, interviews, last_interview) = (SELECT v.contacts, v.interviews, v.last_interview
    FROM accounts_activity_now v WHERE v.account_id = accounts.id)
  WHERE id = NEW.account_id;
END;

CREATE TRIGGER accounts_activity_after_interview_update AFTER UPDATE OF date, account_id ON interviews BEGIN
  UPDATE accounts SET (contacts, interviews, last_interview) = (SELECT v.contacts, v.interviews, v.last_interview
    FROM accounts_activity_now v WHERE v.account_id = accounts.id)
  WHERE id IN (OLD.account_id, NEW.account_id);
END;

CREATE TRIGGER accounts_activity_after_interview_delete AFTER DELETE ON interviews BEGIN
  UPDATE accounts SET (contacts, interviews, last_interview) = (SELECT v.contacts, v.interviews, v.last_interview
    FROM accounts_activity_now v WHERE v.account_id = accounts.id)
  WHERE id = OLD.account_id;
END;

CREATE TRIGGER accounts_activity_after_contact_insert AFTER INSERT ON contacts BEGIN
  UPDATE accounts SET (contacts, interviews, last_interview) = (SELECT v.contacts, v.interviews, v.last_interview
    FROM accounts_activity_now v WHERE v.account_id = accounts.id)
  WHERE id = NEW.account_id;
END;

CREATE TRIGGER accounts_activity_after_contact_update AFTER UPDATE OF account_id ON contacts BEGIN
  UPDATE accounts SET (contacts, interviews, last_interview) = (SELECT v.contacts, v.interviews, v.last_interview
    FROM accounts_activity_now v WHERE v.account_id = accounts.id)
  WHERE id IN (OLD.account_id, NEW.account_id);
END;

CREATE TRIGGER accounts_activity_after_contact_delete AFTER DELETE ON contacts BEGIN
  UPDATE accounts SET (contacts, interviews, last_interview) = (SELECT v.contacts, v.interviews, v.last_interview
    FROM accounts_activity_now v WHERE v.account_id = accounts.id)
  WHERE id = OLD.account_id;
END;
