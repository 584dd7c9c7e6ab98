-- 0059_forgotten_bare_name: beside an erased person's name hash (forgotten.name_hash), the hash of
-- their name's words without a title, parentheses or symbols ("Zoë Ŝtraße" of "Zoë Ŝtraße 👩‍💻"),
-- when it differs. The forgotten list keeps hashes, never names, so a name erased with an emoji could
-- not be recognised when it was typed again without it, and "Zoë Ŝtraße" came back as a new contact
-- at her account. Read only where a name is typed (src/core/erasure.ts matchTyped): import and sync
-- match names whole (review wave 12 R1), and these hashes do not travel with exports or sync.
-- Erasures made before have none (the names are gone). A table of its own rather than a column of
-- forgotten: a journal set back to an older version replays this, and keeps the hashes it holds.
CREATE TABLE IF NOT EXISTS forgotten_bare_names (
  uuid   TEXT PRIMARY KEY,                    -- the erased person's, as in forgotten
  key_id TEXT NOT NULL REFERENCES privacy_keys(id),
  hash   TEXT NOT NULL                        -- hex HMAC of the name's words (src/core/erasure.ts)
) STRICT, WITHOUT ROWID;
