-- 0055_sync_resend: what `pm import` wrote into a journal was marked as already shared, so `pm sync`
-- never pushed it (fresh-eyes wave 12 G7): the team never got those records, and a teammate pulling a
-- later call with such a person left it out for want of its contact and account, for good, while both
-- journals said they were in step. Imports now mark what they write to be pushed; a journal already
-- connected to a team database heals at its next sync: it pushes every record it holds once, each
-- with a fresh place in the database's order (sync_resend), so that every teammate pulls them again
-- and takes what it left out. Pushed again where the database has it, a record changes nothing but
-- its place. IF NOT EXISTS / OR IGNORE: a journal set back to an older version runs it again.
CREATE TABLE IF NOT EXISTS sync_resend (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;
INSERT OR IGNORE INTO sync_resend (id) SELECT 1 FROM sync_remote;
UPDATE record_versions SET dirty = 1 WHERE EXISTS (SELECT 1 FROM sync_remote) AND dirty = 0;
