-- 0021_activity_by_step: the counts schema 18 keeps on contacts and accounts move by one with each
-- row, and their dates come from index seeks, instead of every change recounting everything the
-- contact or account has. Found by review: merging a contact with 8,000 conversations into another
-- recounted the kept one's conversations for every row moved (pm contact merge 0.6 s -> 16 s of
-- CPU, pm account merge 0.4 s -> 5 s, on a 10k journal). A person's latest conversation is the
-- latest of each kind's (the index on (contact_id, kind, date) gives each in one seek: '' is the
-- kind a row has for the instant before 0013's trigger copies the conversation's); an account's, of
-- each kind's on the index on (account_id, kind, date). The views of 0018 stay the definition
-- (pm doctor compares, pm import rebuilds); the trigger names stay those src/db/summaries.ts lists.

DROP TRIGGER IF EXISTS contacts_activity_after_insert;
CREATE TRIGGER contacts_activity_after_insert AFTER INSERT ON interview_contacts BEGIN
  UPDATE contacts SET interviews = interviews + 1,
    last_direct = (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'customer'),
    last_interview = (SELECT max(d) FROM (SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'customer') AS d
      UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'indirect')
      UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'stakeholder')
      UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = '')))
  WHERE id = NEW.contact_id;
END;

DROP TRIGGER IF EXISTS contacts_activity_after_update;
CREATE TRIGGER contacts_activity_after_update AFTER UPDATE OF contact_id, date, kind ON interview_contacts BEGIN
  UPDATE contacts SET interviews = interviews + (id = NEW.contact_id) - (id = OLD.contact_id),
    last_direct = (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'customer'),
    last_interview = (SELECT max(d) FROM (SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'customer') AS d
      UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'indirect')
      UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'stakeholder')
      UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = '')))
  WHERE id IN (OLD.contact_id, NEW.contact_id);
END;

DROP TRIGGER IF EXISTS contacts_activity_after_delete;
CREATE TRIGGER contacts_activity_after_delete AFTER DELETE ON interview_contacts BEGIN
  UPDATE contacts SET interviews = interviews - 1,
    last_direct = (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'customer'),
    last_interview = (SELECT max(d) FROM (SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'customer') AS d
      UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'indirect')
      UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = 'stakeholder')
      UNION ALL SELECT (SELECT max(date) FROM interview_contacts WHERE contact_id = contacts.id AND kind = '')))
  WHERE id = OLD.contact_id;
END;

DROP TRIGGER IF EXISTS accounts_activity_after_interview_insert;
CREATE TRIGGER accounts_activity_after_interview_insert AFTER INSERT ON interviews BEGIN
  UPDATE accounts SET interviews = interviews + 1,
    last_interview = (SELECT max(d) FROM (SELECT (SELECT max(date) FROM interviews WHERE account_id = accounts.id AND kind = 'customer') AS d
      UNION ALL SELECT (SELECT max(date) FROM interviews WHERE account_id = accounts.id AND kind = 'indirect')
      UNION ALL SELECT (SELECT max(date) FROM interviews WHERE account_id = accounts.id AND kind = 'stakeholder')))
  WHERE id = NEW.account_id;
END;

DROP TRIGGER IF EXISTS accounts_activity_after_interview_update;
CREATE TRIGGER accounts_activity_after_interview_update AFTER UPDATE OF date, account_id ON interviews BEGIN
  UPDATE accounts SET interviews = interviews + (id IS NEW.account_id) - (id IS OLD.account_id),
    last_interview = (SELECT max(d) FROM (SELECT (SELECT max(date) FROM interviews WHERE account_id = accounts.id AND kind = 'customer') AS d
      UNION ALL SELECT (SELECT max(date) FROM interviews WHERE account_id = accounts.id AND kind = 'indirect')
      UNION ALL SELECT (SELECT max(date) FROM interviews WHERE account_id = accounts.id AND kind = 'stakeholder')))
  WHERE id IN (OLD.account_id, NEW.account_id);
END;

DROP TRIGGER IF EXISTS accounts_activity_after_interview_delete;
CREATE TRIGGER accounts_activity_after_interview_delete AFTER DELETE ON interviews BEGIN
  UPDATE accounts SET interviews = interviews - 1,
    last_interview = (SELECT max(d) FROM (SELECT (SELECT max(date) FROM interviews WHERE account_id = accounts.id AND kind = 'customer') AS d
      UNION ALL SELECT (SELECT max(date) FROM interviews WHERE account_id = accounts.id AND kind = 'indirect')
      UNION ALL SELECT (SELECT max(date) FROM interviews WHERE account_id = accounts.id AND kind = 'stakeholder')))
  WHERE id = OLD.account_id;
END;

DROP TRIGGER IF EXISTS accounts_activity_after_contact_insert;
CREATE TRIGGER accounts_activity_after_contact_insert AFTER INSERT ON contacts BEGIN
  UPDATE accounts SET contacts = contacts + 1
  WHERE id = NEW.account_id;
END;

DROP TRIGGER IF EXISTS accounts_activity_after_contact_update;
CREATE TRIGGER accounts_activity_after_contact_update AFTER UPDATE OF account_id ON contacts BEGIN
  UPDATE accounts SET contacts = contacts + (id IS NEW.account_id) - (id IS OLD.account_id)
  WHERE id IN (OLD.account_id, NEW.account_id);
END;

DROP TRIGGER IF EXISTS accounts_activity_after_contact_delete;
CREATE TRIGGER accounts_activity_after_contact_delete AFTER DELETE ON contacts BEGIN
  UPDATE accounts SET contacts = contacts - 1
  WHERE id = OLD.account_id;
END;
