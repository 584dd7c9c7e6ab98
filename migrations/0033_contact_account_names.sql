-- 0033_contact_account_names: each contact's account's name kept on the contact's row by triggers
-- (issue 18), for shell completion's list of contacts. A TAB with nothing typed where a contact is
-- expected lists every contact with their account (12,000 on the harsh 100k bench journal, 1.25×
-- the floor in the quiet run of wave 7 against a budget of 1.2): the account's name looked up for
-- each contact, 12,000 seeks of accounts_names, was ~3 ms of the statement's ~6 ms of CPU in a fresh
-- connection. With the name on the row, schema 24's index (rebuilt here with it) answers the list by
-- itself. Kept by three triggers: a contact added or moved to another account takes its account's
-- name, an account renamed gives its contacts the new one (contacts_by_account_name finds them).
-- src/db/summaries.ts lists it (pm doctor checks it against contacts_account_name_now; pm import and
-- sync rebuild it). It holds an account's name, never a person's.
ALTER TABLE contacts ADD COLUMN account_name TEXT NOT NULL DEFAULT '';

CREATE VIEW contacts_account_name_now AS
  SELECT c.id AS contact_id, a.name AS account_name FROM contacts c JOIN accounts a ON a.id = c.account_id;

UPDATE contacts SET account_name = (SELECT a.name FROM accounts a WHERE a.id = contacts.account_id);

DROP INDEX IF EXISTS contacts_for_completion;
CREATE INDEX contacts_for_completion ON contacts(name_key, account_id, id, name, role, account_name)
  WHERE forgotten = 0;

-- no trigger follows contacts.account_name: these updates set off nothing further
CREATE TRIGGER contacts_account_name_after_insert AFTER INSERT ON contacts BEGIN
  UPDATE contacts SET account_name = (SELECT a.name FROM accounts a WHERE a.id = NEW.account_id) WHERE id = NEW.id;
END;

CREATE TRIGGER contacts_account_name_after_move AFTER UPDATE OF account_id ON contacts BEGIN
  UPDATE contacts SET account_name = (SELECT a.name FROM accounts a WHERE a.id = NEW.account_id) WHERE id = NEW.id;
END;

CREATE TRIGGER contacts_account_name_after_rename AFTER UPDATE OF name ON accounts BEGIN
  UPDATE contacts SET account_name = NEW.name WHERE account_id = NEW.id;
END;
