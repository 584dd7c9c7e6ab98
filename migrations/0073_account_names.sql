-- 0073_account_names: the names an account had before pm account rename or merge (here, or a teammate's
-- arriving by import or sync), so that the name a PM always typed still finds the account it became.
-- Without them pm show "Acme Inc." said nothing called after pm account merge "Acme Inc." Acme, and
-- pm log --account "Acme Inc." made a new account of that name, splitting again what the merge had
-- joined; the account's tombstone holds only the UUID it went into. Keyed by the name's key
-- (src/core/identity.ts), as accounts are found; read only when a name matches no account. A merge
-- moves the going account's former names to the kept one, and a name taken again by an account is no
-- longer a former name. Local to the journal, like merged_names: never exported, imported or synced
-- (each journal records the renames and merges it applies, its own and arriving ones; an account this
-- journal never held left it no name to point from). An account name is not a person: pm forget leaves
-- them, as it leaves accounts' names. Renames and merges made before this version left nothing.
-- A journal set back to an older version runs this again: what it holds stays.
CREATE TABLE IF NOT EXISTS account_names (
  name_key TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  PRIMARY KEY (name_key, account_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS account_names_account ON account_names (account_id);
