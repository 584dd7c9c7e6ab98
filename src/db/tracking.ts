// Change tracking: every shared record carries a version, set by triggers on the tables that hold
// it, so that every write path (pm log, edit, delete, hyp …, contact and account set/merge, forget,
// config, a future command, even sqlite3 by hand) bumps it without having to remember to.
//
// A version is a hybrid logical clock: the journal's wall time in milliseconds, a counter for
// changes within one millisecond (or while the wall clock lags a version seen from elsewhere), and
// the journal's device id, written so that comparing the strings compares the versions:
// `0192f3a4b5c6000001.9c1f…` (12 hex digits of ms, 6 of counter, '.', 16 of device).
// record_versions holds one row per record kind and key: its latest version, its version vector
// (the latest version from each device that changed it: what tells a concurrent change from a
// newer one), whether it is deleted (a tombstone), and whether it changed here since the last push.
//
// The tables each kind lives in are listed once, below; migrations/0015_change_tracking.sql holds
// the triggers this list generates (test/unit/tracking.test.ts holds the two to one another: a new
// kind is one entry here plus a migration with its triggers from trackingTriggersSql()).
// While pm applies changes from elsewhere (an import, a sync) the triggers stand aside
// (sync_clock.tracking = 0) and the applier writes the versions it received.
import type { DB } from './journal.js';
import { mergeVectors, type VersionVector } from '../core/versions.js';

export interface TrackedTable {
  table: string;
  kind: string;
  /** the record's key, from the row (NEW or OLD); NULL when the record is gone (a cascade) */
  key: (row: 'NEW' | 'OLD') => string;
  /** the columns whose change is a change of the record (not the summaries kept by triggers) */
  columns: string[] | null;
  /** the record's own table: deleting a row deletes the record (a tombstone); else a part of it */
  own: boolean;
  /** only rows for which this holds are shared */
  when?: (row: 'NEW' | 'OLD') => string;
  /** rows are never updated or deleted */
  insertOnly?: boolean;
  /**
   * an account's or contact's columns by the field names of the export format: an update stamps
   * each field it changes with the version it makes (field_versions, schema 35), so that a
   * merge can tell the fields one side changed from those it left as they were (src/core/unite.ts)
   */
  stamped?: Record<string, string>;
}

const parent = (table: string, fk: string) => (row: 'NEW' | 'OLD') =>
  `(SELECT uuid FROM ${table} WHERE id = ${row}.${fk})`;

/** The shared records and the tables they live in. */
export const TRACKED: readonly TrackedTable[] = [
  {
    table: 'config',
    kind: 'setting',
    key: (r) => `${r}.key`,
    columns: ['value'],
    own: true,
    when: (r) => `${r}.key <> 'user.name'`,
  },
  {
    table: 'accounts',
    kind: 'account',
    key: (r) => `${r}.uuid`,
    columns: ['name', 'segment', 'cadence_days'],
    own: true,
    stamped: { name: 'name', segment: 'segment', cadence_days: 'cadenceDays' },
  },
  {
    table: 'contacts',
    kind: 'contact',
    key: (r) => `${r}.uuid`,
    columns: ['name', 'email', 'account_id', 'role', 'segment', 'persona', 'forgotten'],
    own: true,
    stamped: {
      name: 'name',
      email: 'email',
      account_id: 'accountUuid',
      role: 'role',
      segment: 'segment',
      persona: 'persona',
    },
  },
  {
    table: 'interviews',
    kind: 'interview',
    key: (r) => `${r}.uuid`,
    columns: [
      'date',
      'channel',
      'account_id',
      'source',
      'by',
      'minutes',
      'summary',
      'notes',
      'follow_up',
      'follow_up_done',
      'stage',
    ],
    own: true,
  },
  // who was there: its date and kind are copies kept by triggers (0013), not a change of the interview
  {
    table: 'interview_contacts',
    kind: 'interview',
    key: parent('interviews', 'interview_id'),
    columns: ['interview_id', 'contact_id'],
    own: false,
  },
  { table: 'pains', kind: 'interview', key: parent('interviews', 'interview_id'), columns: null, own: false },
  { table: 'quotes', kind: 'interview', key: parent('interviews', 'interview_id'), columns: null, own: false },
  { table: 'interview_tags', kind: 'interview', key: parent('interviews', 'interview_id'), columns: null, own: false },
  {
    table: 'hypotheses',
    kind: 'hypothesis',
    key: (r) => `${r}.uuid`,
    columns: ['statement', 'kind', 'criteria', 'created_on', 'decide_by', 'bet_until', 'bet_reason', 'bet_since', 'by'],
    own: true,
  },
  {
    table: 'hypothesis_tags',
    kind: 'hypothesis',
    key: parent('hypotheses', 'hypothesis_id'),
    columns: null,
    own: false,
  },
  {
    table: 'hypothesis_revisions',
    kind: 'hypothesis',
    key: parent('hypotheses', 'hypothesis_id'),
    columns: null,
    own: false,
  },
  {
    table: 'evidence',
    kind: 'evidence',
    key: (r) => `${parent('interviews', 'interview_id')(r)} || '/' || ${parent('hypotheses', 'hypothesis_id')(r)}`,
    columns: ['direction', 'strength', 'basis'],
    own: true,
  },
  // the opportunities the user named (issue 17), the names merged into them, and which hypotheses
  // address which (a hypothesis's list of opportunities, as its tags are)
  { table: 'opportunities', kind: 'opportunity', key: (r) => `${r}.uuid`, columns: ['name', 'key'], own: true },
  {
    table: 'opportunity_aliases',
    kind: 'opportunity',
    key: parent('opportunities', 'opportunity_id'),
    columns: null,
    own: false,
  },
  {
    table: 'hypothesis_opportunities',
    kind: 'hypothesis',
    key: parent('hypotheses', 'hypothesis_id'),
    columns: null,
    own: false,
  },
  // (by: who recorded it, claimed by user.name and scrubbed by an erasure: schema 67)
  {
    table: 'outcomes',
    kind: 'outcome',
    key: (r) => `${r}.uuid`,
    columns: ['outcome', 'date', 'reason', 'by'],
    own: true,
  },
  // an erasure is a change of its own, never undone: every journal that receives it forgets the person
  { table: 'forgotten', kind: 'erasure', key: (r) => `${r}.uuid`, columns: null, own: true, insertOnly: true },
];

/** The next version: the clock ticks (wall ms, else the counter), in the statement that records it. */
const TICK = `UPDATE sync_clock SET
    counter = CASE WHEN CAST(unixepoch('subsec') * 1000 AS INTEGER) > ms THEN 0 ELSE counter + 1 END,
    ms = max(ms, CAST(unixepoch('subsec') * 1000 AS INTEGER));`;

function record(t: TrackedTable, row: 'NEW' | 'OLD', deleted: boolean): string {
  return `INSERT INTO record_versions (kind, key, version, vv, deleted, dirty)
    SELECT '${t.kind}', k, v, json_object(device, v), ${deleted ? 1 : 0}, 1
    FROM (SELECT ${t.key(row)} AS k, printf('%012x%06x.', ms, counter) || device AS v, device FROM sync_clock)
    WHERE k IS NOT NULL
    ON CONFLICT (kind, key) DO UPDATE SET version = excluded.version,
      vv = json_set(vv, '$."' || substr(excluded.version, 20) || '"', excluded.version),
      deleted = excluded.deleted, merged_into = NULL, dirty = 1;`;
}

/**
 * The fields an update changed, stamped with the version the update was just given (the clock's
 * tick above); the rest keep theirs. A record without a row in field_versions has no stamp: each
 * field as it was made.
 */
function stamp(t: TrackedTable): string {
  const fields = Object.entries(t.stamped ?? {}).map(
    ([column, field]) =>
      `'$.${field}', CASE WHEN OLD.${column} IS NOT NEW.${column} THEN c.v ELSE fields ->> '${field}' END`,
  );
  return `INSERT OR IGNORE INTO field_versions (kind, key, fields) VALUES ('${t.kind}', ${t.key('NEW')}, '{}');
  UPDATE field_versions SET fields = json_set(fields,
    ${fields.join(',\n    ')})
    FROM (SELECT printf('%012x%06x.', ms, counter) || device AS v FROM sync_clock) AS c
    WHERE kind = '${t.kind}' AND key = ${t.key('NEW')};`;
}

function trigger(t: TrackedTable, event: 'insert' | 'update' | 'delete'): string {
  const row = event === 'delete' ? 'OLD' : 'NEW';
  const on = event === 'update' && t.columns ? `UPDATE OF ${t.columns.join(', ')}` : event.toUpperCase();
  const when = [`(SELECT tracking FROM sync_clock)`, ...(t.when ? [t.when(row)] : [])].join(' AND ');
  return `CREATE TRIGGER track_${t.table}_${event} AFTER ${on} ON ${t.table} WHEN ${when} BEGIN
  ${TICK}
  ${record(t, row, event === 'delete' && t.own)}${event === 'update' && t.stamped ? `\n  ${stamp(t)}` : ''}
END;`;
}

/** The triggers that keep the versions of these tables' records (all of them by default). */
export function trackingTriggersSql(tables: readonly TrackedTable[] = TRACKED): string {
  const out: string[] = [];
  for (const t of tables)
    for (const event of t.insertOnly ? (['insert'] as const) : (['insert', 'update', 'delete'] as const))
      out.push(trigger(t, event));
  return out.join('\n\n');
}

/** Every tracking trigger's name. */
export function trackingTriggerNames(tables: readonly TrackedTable[] = TRACKED): string[] {
  return tables.flatMap((t) =>
    (t.insertOnly ? ['insert'] : ['insert', 'update', 'delete']).map((e) => `track_${t.table}_${e}`),
  );
}

// ---------------------------------------------------------------- the clock, from JavaScript

export interface Clock {
  device: string;
  ms: number;
  counter: number;
}

export function readClock(db: DB): Clock {
  return db.prepare('SELECT device, ms, counter FROM sync_clock').get() as Clock;
}

export function deviceId(db: DB): string {
  return db.prepare('SELECT device FROM sync_clock').pluck().get() as string;
}

/** A new version for a change pm records itself (in apply mode, where the triggers stand aside). */
export function tick(db: DB): string {
  db.exec(TICK);
  return db.prepare("SELECT printf('%012x%06x.', ms, counter) || device FROM sync_clock").pluck().get() as string;
}

/** The clock moves past a version seen from elsewhere, so that a later change here is newer. */
export function observe(db: DB, version: string): void {
  const ms = Number.parseInt(version.slice(0, 12), 16);
  const counter = Number.parseInt(version.slice(12, 18), 16);
  if (!Number.isFinite(ms) || !Number.isFinite(counter)) return;
  db.prepare(
    'UPDATE sync_clock SET ms = @ms, counter = @counter WHERE @ms > ms OR (@ms = ms AND @counter > counter)',
  ).run({ ms, counter });
}

/**
 * Run fn with the tracking triggers standing aside (in the caller's transaction): what it writes
 * carries the versions it received, written by the caller, not new ones.
 */
export function untracked<T>(db: DB, fn: () => T): T {
  if (!db.inTransaction) throw new Error('bug: untracked writes outside a transaction');
  db.prepare('UPDATE sync_clock SET tracking = 0').run();
  try {
    return fn();
  } finally {
    db.prepare('UPDATE sync_clock SET tracking = 1').run();
  }
}

/**
 * A merged account or contact: its tombstone (written by the delete trigger) says where it went,
 * so that a reference to it from elsewhere (a teammate's interview not yet merged) finds the record.
 */
export function markMerged(db: DB, kind: 'account' | 'contact', from: string, into: string): void {
  db.prepare('UPDATE record_versions SET merged_into = ? WHERE kind = ? AND key = ? AND deleted = 1').run(
    into,
    kind,
    from,
  );
}

/**
 * Before `pm delete` (or `pm sync resolve … lost` of a deletion) removes a hypothesis or interview:
 * the version vectors of its evidence links folded into its own, so that its tombstone says which
 * links the deletion saw. Links have no tombstones (they go with their record); a journal holding a
 * link the tombstone does not cover (made before the deletion but not yet traded, or after it) keeps
 * the record with it, and the deletion is a conflict (src/db/merge.ts, wave 9).
 */
export function foldLinkVersions(db: DB, kind: 'hypothesis' | 'interview', uuid: string): void {
  const links = linkVersions(db, kind, uuid);
  if (links.length === 0) return;
  const own = db.prepare('SELECT vv FROM record_versions WHERE kind = ? AND key = ?').pluck().get(kind, uuid) as
    | string
    | undefined;
  if (own === undefined) return;
  const folded = links.reduce((vv, l) => mergeVectors(vv, JSON.parse(l.vv) as VersionVector), JSON.parse(own));
  db.prepare('UPDATE record_versions SET vv = ? WHERE kind = ? AND key = ?').run(JSON.stringify(folded), kind, uuid);
}

/** The versions of the evidence links a hypothesis or interview has here. */
export function linkVersions(
  db: DB,
  kind: 'hypothesis' | 'interview',
  uuid: string,
): { version: string; vv: string }[] {
  return db
    .prepare(
      `SELECT v.version, v.vv FROM evidence e JOIN interviews i ON i.id = e.interview_id
        JOIN hypotheses h ON h.id = e.hypothesis_id
        JOIN record_versions v ON v.kind = 'evidence' AND v.key = i.uuid || '/' || h.uuid
        WHERE ${kind === 'hypothesis' ? 'h' : 'i'}.uuid = ?`,
    )
    .all(uuid) as { version: string; vv: string }[];
}

/** A record's version and vector before a change made here (versionsBefore), by `kind key`. */
export type VersionsBefore = Map<string, { version: string; vv: VersionVector }>;

/**
 * Run fn (in the caller's transaction), noting in `into` the version each record of `kinds` had
 * before fn first changed it; a record already noted keeps its first. An erasure arriving with an
 * import scrubs this journal's text before the file's records are merged, and the scrub ticks a
 * version of this journal's: the merge judges the file's versions against the ones noted here, so
 * that the scrub is no edit of the user's (src/db/import.ts; review wave 18 R5). Noted by a trigger of
 * the connection's own (TEMP), gone when fn returns: the tracking triggers of every record kind write
 * record_versions, and only a record fn changes is read.
 */
export function versionsBefore<T>(db: DB, kinds: readonly string[], into: VersionsBefore, fn: () => T): T {
  if (!db.inTransaction) throw new Error('bug: versionsBefore outside a transaction');
  const list = kinds.map((k) => `'${k.replace(/'/g, "''")}'`).join(', ');
  // (no OR IGNORE: the upsert that fires the trigger overrides a conflict clause inside it)
  db.exec(`CREATE TEMP TABLE pm_versions_before (kind TEXT, key TEXT, version TEXT, vv TEXT, PRIMARY KEY (kind, key));
    CREATE TEMP TRIGGER pm_versions_before BEFORE UPDATE OF version ON main.record_versions
    WHEN OLD.kind IN (${list}) BEGIN
      INSERT INTO pm_versions_before SELECT OLD.kind, OLD.key, OLD.version, OLD.vv
        WHERE NOT EXISTS (SELECT 1 FROM pm_versions_before WHERE kind = OLD.kind AND key = OLD.key);
    END;`);
  try {
    const result = fn();
    const rows = db.prepare('SELECT kind, key, version, vv FROM temp.pm_versions_before').all() as {
      kind: string;
      key: string;
      version: string;
      vv: string;
    }[];
    for (const r of rows) {
      const key = `${r.kind} ${r.key}`;
      if (!into.has(key)) into.set(key, { version: r.version, vv: JSON.parse(r.vv) as VersionVector });
    }
    return result;
  } finally {
    db.exec('DROP TRIGGER temp.pm_versions_before; DROP TABLE temp.pm_versions_before;');
  }
}
