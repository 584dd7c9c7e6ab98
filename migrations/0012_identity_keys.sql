-- 0012_identity_keys: one person, however their name is spelled in Unicode (issue 16, finding 13).
-- "José Peña" typed in NFC and in NFD, with a zero-width space inside, or in full-width letters
-- became as many contacts, and `pm forget` typed in NFC left the NFD twin. pm now stores names,
-- emails and tags in NFC without invisible characters, and compares them by a key (NFKC,
-- case-folded, invisibles removed: src/core/identity.ts) that SQLite cannot compute, so the key is
-- kept beside each name by pm's writers (src/db/identity.ts), and indexed:
-- * contacts.name_key, contacts.email_key and accounts.name_key: what pm log, pm import and every
--   lookup by name or email compare;
-- * contacts.look_key and accounts.look_key: the UTS #39 skeleton of the key ("Jоsé" with a
--   Cyrillic о has the skeleton of "José"), for the "did you mean" warning and pm doctor;
-- * interview_tags.tag_key: what pm ls --tag, the report's themes and tag suggestions group by.
-- NULL (a row written by another program) is what pm doctor reports and --repair fills.
-- The rows are filled after the schema's migrations, in the same transaction, by pm's code
-- (src/db/identity.ts, migrateIdentities): it cleans the stored names and tags, fills the keys,
-- merges the twins that are exactly one name (same NFC text without invisible characters): accounts
-- always (their names are unique), contacts only when they are in the same account with the same
-- role and no two different emails, and rebuilds the search index of the interviews whose text it
-- now folds (src/db/fts.ts). Twins it does not merge are warnings of pm doctor.
ALTER TABLE contacts ADD COLUMN name_key TEXT;
ALTER TABLE contacts ADD COLUMN email_key TEXT;
ALTER TABLE contacts ADD COLUMN look_key TEXT;
ALTER TABLE accounts ADD COLUMN name_key TEXT;
ALTER TABLE accounts ADD COLUMN look_key TEXT;
ALTER TABLE interview_tags ADD COLUMN tag_key TEXT;
CREATE INDEX contacts_by_name_key ON contacts(name_key, account_id) WHERE forgotten = 0;
CREATE INDEX contacts_by_email_key ON contacts(email_key) WHERE email_key IS NOT NULL;
CREATE INDEX contacts_by_look_key ON contacts(look_key) WHERE look_key IS NOT NULL;
CREATE INDEX accounts_by_name_key ON accounts(name_key);
CREATE INDEX accounts_by_look_key ON accounts(look_key);
CREATE INDEX interview_tags_by_key ON interview_tags(tag_key, interview_id);
