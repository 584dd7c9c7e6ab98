-- 0032_logged_here: which interviews were logged in this journal (by pm log), so that `last` means
-- the conversation the user logged most recently here, not whatever arrived last. `last` was the
-- highest id: after `pm import` of a teammate's export (or a `pm sync`), their interview came after
-- the one just logged, and `pm edit last --summary …` changed the teammate's record, which then
-- travelled back to them as the newer version (fresh-eyes E19). Local to the journal: never
-- exported, imported or synced (record kinds are listed in src/db/tracking.ts; this is none). A row
-- an interview; deleting the interview deletes it. Ids of logs only grow (AUTOINCREMENT), so the
-- highest row is the latest log.
-- Before this version pm did not record it: an interview already here counts as logged here when
-- this journal's own device has a version of it (it was logged or changed here since schema 15;
-- an interview that came by import or sync and was never touched here has none). A journal set back
-- to an older version runs this again: it starts anew.
DROP TABLE IF EXISTS logged_here;

CREATE TABLE logged_here (
  interview_id INTEGER PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE
) STRICT;

INSERT INTO logged_here (interview_id)
  SELECT i.id FROM interviews i
  JOIN record_versions v ON v.kind = 'interview' AND v.key = i.uuid
  WHERE instr(v.vv, '"' || (SELECT device FROM sync_clock WHERE id = 1) || '"') > 0;
