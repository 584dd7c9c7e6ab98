-- 0043_deleted_ids: the display id each interview and hypothesis deleted here had, by UUID, so that
-- one brought back (a teammate's change the deletion never saw, or `pm sync resolve … lost`) takes its
-- own id again where it is free: I2 deleted here and kept elsewhere came back as I5, a new-looking
-- interview beside notes that still said I2 (wave 10 E2). Ids stay never reused by another record:
-- only the record that had the id gets it back. Local to the journal, like logged_here: never
-- exported, imported or synced. Deletions made before this version left nothing: such a record comes
-- back under the next id, as before.
CREATE TABLE IF NOT EXISTS deleted_ids (
  kind TEXT NOT NULL CHECK (kind IN ('interview', 'hypothesis')),
  uuid TEXT NOT NULL,
  id   INTEGER NOT NULL,
  PRIMARY KEY (kind, uuid)
) STRICT, WITHOUT ROWID;

-- The tombstones of interviews and hypotheses, found without reading every version: a merge asks
-- whether an arriving link's record was deleted here (src/db/merge.ts, reviveForUnseenLinks), once
-- for a whole import or pull rather than once for each of its links.
CREATE INDEX IF NOT EXISTS record_versions_deleted ON record_versions (kind, key) WHERE deleted = 1;
