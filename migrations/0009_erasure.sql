-- 0009_erasure: an erasure that holds across journals and that finishes (issue 16).
-- * forgotten keeps, besides each erased person's UUID, keyed hashes (HMAC-SHA-256) of their
--   normalised email and name, never the email or name themselves, so that `pm import` recognises
--   the same person arriving under another UUID from a teammate's journal (by email: erased on
--   arrival; by name alone: a warning), and so that the list can travel in exports and sync;
-- * privacy_keys holds the keys those hashes are made with: this journal's own (`own`), and those
--   of journals whose erasures it imported (hashes match only under the key they were made with);
-- * forgotten.pending marks an erasure not finished: 1, the person's text still to scrub; 2, the
--   file still to rewrite (VACUUM, WAL truncated). `pm forget` writes the mark first, and the next pm
--   command that opens the journal finishes what a kill, a full disk or a busy reader interrupted;
-- * written_files lists every backup and export file pm wrote, so that `pm forget` can name those
--   that still hold the person.
-- People erased before this schema keep their UUID only (their email was already gone).

CREATE TABLE privacy_keys (
  id  TEXT PRIMARY KEY,                             -- the key's fingerprint: SHA-256, first 16 hex digits
  key BLOB NOT NULL,                                -- 32 random bytes
  own INTEGER NOT NULL DEFAULT 0 CHECK (own IN (0, 1))
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX privacy_keys_own ON privacy_keys(own) WHERE own = 1;

CREATE TABLE forgotten_new (
  uuid       TEXT PRIMARY KEY,
  key_id     TEXT REFERENCES privacy_keys(id),       -- the key of the hashes below (NULL: no hashes)
  email_hash TEXT,                                  -- hex HMAC of the normalised email (NULL: none known)
  name_hash  TEXT,                                  -- hex HMAC of the normalised name
  erased_on  TEXT,                                  -- YYYY-MM-DD (NULL: erased before schema 9)
  pending    INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1, 2))
) STRICT, WITHOUT ROWID;
INSERT INTO forgotten_new (uuid) SELECT uuid FROM forgotten;
DROP TABLE forgotten;
ALTER TABLE forgotten_new RENAME TO forgotten;
CREATE INDEX forgotten_by_email_hash ON forgotten(email_hash) WHERE email_hash IS NOT NULL;
CREATE INDEX forgotten_pending ON forgotten(pending) WHERE pending > 0;

CREATE TABLE written_files (
  path       TEXT PRIMARY KEY,                      -- absolute
  kind       TEXT NOT NULL CHECK (kind IN ('backup', 'export')),
  written_at TEXT NOT NULL                          -- UTC RFC 3339, the last time pm wrote it
) STRICT, WITHOUT ROWID;
