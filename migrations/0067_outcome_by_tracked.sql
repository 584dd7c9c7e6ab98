-- 0067_outcome_by_tracked: who recorded a decision (0064) may change after all. A PM who joins a team
-- sets user.name, and the decisions this journal recorded under the OS login become theirs, as its
-- calls do, pushed already or not (wave 15; wave 14's R1 took only those not yet pushed, and a decision
-- pushed as "root" stayed "killed by root" on every journal); an erasure takes an erased teammate's name
-- from it. Either is a change of the outcome's, with a new version that pm sync and export carry.
-- (the trigger as trackingTriggersSql() makes it from src/db/tracking.ts's list, `by` added)
DROP TRIGGER IF EXISTS track_outcomes_update;
CREATE TRIGGER track_outcomes_update AFTER UPDATE OF outcome, date, reason, by ON outcomes WHEN (SELECT tracking FROM sync_clock) BEGIN
  UPDATE sync_clock SET
    counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > ms THEN 0 ELSE counter + 1 END,
    ms = max(ms, CAST(unixepoch('subsec') * 1000 AS INTEGER));
  INSERT INTO record_versions (kind, key, version, vv, deleted, dirty)
    SELECT 'outcome', k, v, json_object(device, v), 0, 1
    FROM (SELECT NEW.uuid AS k, printf('%012x%06x.', ms, counter) || device AS v, device FROM sync_clock)
    WHERE k IS NOT NULL
    ON CONFLICT (kind, key) DO UPDATE SET version = excluded.version,
      vv = json_set(vv, '$."' || substr(excluded.version, 20) || '"', excluded.version),
      deleted = excluded.deleted, merged_into = NULL, dirty = 1;
END;
