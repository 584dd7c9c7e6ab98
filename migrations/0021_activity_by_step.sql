-- 0021_activity_by_step: the counts schema 18 keeps on contacts and accounts move by one with each
-- row, and their dates come from index seeks, instead of every change recounting everything the
-- contact or account has. Found by review: merging a contact with 8,000 conversations into another
-- recounted the kept one's conversations for every row moved (pm contact merge 0.6 s -> 16 s of
-- CPU, pm account merge 0.4 s -> 5 s, on a 10k journal). The views stay the one definition (pm
-- doctor compares, pm import rebuilds, the triggers read their dates): a latest conversation is now
-- the latest of each kind's, one seek each on the index on (contact_id, kind, date), or on
-- (account_id, kind, date) for an account — '' is the kind a person's row has for the instant before
-- 0013's trigger copies the conversation's. The triggers read only the dates of a view (SQLite
-- computes no column a query does not use) and keep the counts themselves; their names stay those
-- src/db/summaries.ts lists.

DROP VIEW contacts_activity_now;
CREATE VIEW contacts_activity_now AS
  SELECT c.id AS contact_id,
    (SELECT count(*) FROM interview_contacts ic WHERE ic.contact_id = c.id) AS interviews,
    (SELECT max(ic.date) FROM interview_contacts ic WHERE ic.contact_id = c.id AND ic.kind = 'customer')
      AS last_direct,
    (SELECT max(d) FROM (SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = c.id AND kind = 'customer') AS d
        UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = c.id AND kind = 'indirect')
        UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = c.id AND kind = 'stakeholder')
        UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = c.id AND kind = '')))
      AS last_interview
  FROM contacts c;

DROP VIEW accounts_activity_now;
CREATE VIEW accounts_activity_now AS
  SELECT a.id AS account_id,
    (SELECT count(*) FROM contacts c WHERE c.account_id = a.id) AS contacts,
    (SELECT count(*) FROM interviews i WHERE i.account_id = a.id) AS interviews,
    (SELECT max(d) FROM (SELECT (SELECT max(date) FROM interviews WHERE account_id = a.id AND kind = 'customer') AS d
        UNION ALL SELECT (SELECT max(date) FROM interviews WHERE account_id = a.id AND kind = 'indirect')
        UNION ALL SELECT (SELECT max(date) FROM interviews WHERE account_id = a.id AND kind = 'stakeholder')))
      AS last_interview
  FROM accounts a;

DROP TRIGGER contacts_activity_after_insert;
CREATE TRIGGER contacts_activity_after_insert AFTER INSERT ON interview_contacts BEGIN
  UPDATE contacts SET interviews = interviews + 1, (last_direct, last_interview) =
    (SELECT v.last_direct, v.last_interview FROM contacts_activity_now v WHERE v.contact_id = contacts.id)
  WHERE id = NEW.contact_id;
END;

DROP TRIGGER contacts_activity_after_update;
CREATE TRIGGER contacts_activity_after_update AFTER UPDATE OF contact_id, date, kind ON interview_contacts BEGIN
  UPDATE contacts SET interviews = interviews + (id = NEW.contact_id) - (id = OLD.contact_id), (last_direct, last_interview) =
    (SELECT v.last_direct, v.last_interview FROM contacts_activity_now v WHERE v.contact_id = contacts.id)
  WHERE id IN (OLD.contact_id, NEW.contact_id);
END;

DROP TRIGGER contacts_activity_after_delete;
CREATE TRIGGER contacts_activity_after_delete AFTER DELETE ON interview_contacts BEGIN
  UPDATE contacts SET interviews = interviews - 1, (last_direct, last_interview) =
    (SELECT v.last_direct, v.last_interview FROM contacts_activity_now v WHERE v.contact_id = contacts.id)
  WHERE id = OLD.contact_id;
END;

DROP TRIGGER accounts_activity_after_interview_insert;
CREATE TRIGGER accounts_activity_after_interview_insert AFTER INSERT ON interviews BEGIN
  UPDATE accounts SET interviews = interviews + 1, last_interview =
    (SELECT v.last_interview FROM accounts_activity_now v WHERE v.account_id = accounts.id)
  WHERE id = NEW.account_id;
END;

DROP TRIGGER accounts_activity_after_interview_update;
CREATE TRIGGER accounts_activity_after_interview_update AFTER UPDATE OF date, account_id ON interviews BEGIN
  UPDATE accounts SET interviews = interviews + (id IS NEW.account_id) - (id IS OLD.account_id), last_interview =
    (SELECT v.last_interview FROM accounts_activity_now v WHERE v.account_id = accounts.id)
  WHERE id IN (OLD.account_id, NEW.account_id);
END;

DROP TRIGGER accounts_activity_after_interview_delete;
CREATE TRIGGER accounts_activity_after_interview_delete AFTER DELETE ON interviews BEGIN
  UPDATE accounts SET interviews = interviews - 1, last_interview =
    (SELECT v.last_interview FROM accounts_activity_now v WHERE v.account_id = accounts.id)
  WHERE id = OLD.account_id;
END;

DROP TRIGGER accounts_activity_after_contact_insert;
CREATE TRIGGER accounts_activity_after_contact_insert AFTER INSERT ON contacts BEGIN
  UPDATE accounts SET contacts = contacts + 1
  WHERE id = NEW.account_id;
END;

DROP TRIGGER accounts_activity_after_contact_update;
CREATE TRIGGER accounts_activity_after_contact_update AFTER UPDATE OF account_id ON contacts BEGIN
  UPDATE accounts SET contacts = contacts + (id IS NEW.account_id) - (id IS OLD.account_id)
  WHERE id IN (OLD.account_id, NEW.account_id);
END;

DROP TRIGGER accounts_activity_after_contact_delete;
CREATE TRIGGER accounts_activity_after_contact_delete AFTER DELETE ON contacts BEGIN
  UPDATE accounts SET contacts = contacts - 1
  WHERE id = OLD.account_id;
END;
