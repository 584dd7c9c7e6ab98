-- 0075_hypothesis_by: who added each hypothesis (fresh-eyes wave 18 H14's rest). After pm import of a
-- teammate's export, or a pm sync, their hypotheses' decide-by, bet and stale flags became the user's
-- actions on their own standup page and their cron's pm report --check exit 3: a hypothesis said what
-- and when, never whose. Written by pm hyp add (user.name, else the OS login, as an interview's and an
-- outcome's `by`), carried by exports and pm sync (the hypothesis's `by`); null: no one's (a file from
-- a pm before this version), whose actions stay on every page as before.
-- The hypotheses already here are the journal's own user's when only this journal's own device has
-- versions of them (added here since schema 15, as 0032 tells the interviews logged here, and changed by
-- no one else), named by user.name when it is set; a hypothesis that arrived, touched here or not, or one
-- of a journal without user.name, stays no one's: a teammate's idea whose decide-by was moved here was
-- named this user's, and that name went back to her journal with the next change (review wave 19 R2).
-- That naming is local (no new version: the teammates' copies learn it with the record's next change);
-- later changes of `by` are tracked (user.name set claims the OS login's, an erasure scrubs a name): the
-- trigger as trackingTriggersSql() makes it, `by` added.
-- the trigger goes first: the naming below is no change of the record's (a journal set back to an older
-- version runs this again, its trigger already tracking `by`)
DROP TRIGGER IF EXISTS track_hypotheses_update;

ALTER TABLE hypotheses ADD COLUMN by TEXT;

UPDATE hypotheses SET by = (SELECT value FROM config WHERE key = 'user.name')
WHERE uuid IN (SELECT v.key FROM record_versions v WHERE v.kind = 'hypothesis'
  AND instr(v.vv, '"' || (SELECT device FROM sync_clock WHERE id = 1) || '"') > 0
  AND NOT EXISTS (SELECT 1 FROM json_each(v.vv) j
    WHERE j.key <> (SELECT device FROM sync_clock WHERE id = 1)));

-- the report looks up the hypotheses someone else added (few: none on a journal of one's own)
CREATE INDEX IF NOT EXISTS hypotheses_by ON hypotheses (by) WHERE by IS NOT NULL;

CREATE TRIGGER track_hypotheses_update AFTER UPDATE OF statement, kind, criteria, created_on, decide_by, bet_until, bet_reason, bet_since, by ON hypotheses WHEN (SELECT tracking FROM sync_clock) BEGIN
  UPDATE sync_clock SET
    counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > ms THEN 0 ELSE counter + 1 END,
    ms = max(ms, CAST(unixepoch('subsec') * 1000 AS INTEGER));
  INSERT INTO record_versions (kind, key, version, vv, deleted, dirty)
    SELECT 'hypothesis', k, v, json_object(device, v), 0, 1
    FROM (SELECT NEW.uuid AS k, printf('%012x%06x.', ms, counter) || device AS v, device FROM sync_clock)
    WHERE k IS NOT NULL
    ON CONFLICT (kind, key) DO UPDATE SET version = excluded.version,
      vv = json_set(vv, '$."' || substr(excluded.version, 20) || '"', excluded.version),
      deleted = excluded.deleted, merged_into = NULL, dirty = 1;
END;
