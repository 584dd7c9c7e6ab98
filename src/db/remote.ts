// pm sync: the journal shared through PostgreSQL (issue 19). Loaded, with the `pg` client, only when
// a sync command runs.
//
// The database holds one row per record in pm.records: its latest version, version vector, content
// (as the export format writes the record, JSON) or tombstone, and `seq`, the order in which rows
// were pushed. A journal pulls every row whose seq is past its cursor and merges them by version
// (src/db/merge.ts, as pm import does), then pushes what changed here since its last push.
// - Pushes are serialised by a transaction-level advisory lock, and each takes its seq numbers
//   under it, so seq order is commit order: a reader never sees seq 12 committed while 11 is not
//   yet, and a cursor never skips a row.
// - Under that lock a push first pulls what others pushed since this journal's pull and merges it,
//   so what it pushes always knows every version in the database: concurrent changes are found
//   (and their losing side kept) here, never silently overwritten there.
// - Each side commits in one transaction: a pull's merge and its cursor together in the journal; a
//   push's rows together in PostgreSQL. Killed anywhere, the next sync finishes the job: a pushed row
//   not yet marked as pushed here is pushed again and changes nothing (same version), a pull not
//   committed is pulled again.
// - An erasure: under the same lock, the person's row in the database is replaced by the
//   placeholder, and every interview of theirs by the scrubbed version this journal pushes; the
//   database keeps no history, change log or conflict of any row, so no copy remains in a table;
//   VACUUM then clears the dead row versions PostgreSQL keeps until it reuses their space.
// Credentials come from libpq's usual places (PGPASSWORD, ~/.pgpass, PGSSLMODE); the journal stores
// the URL without a password.
import type { Client, ClientConfig } from 'pg';
import { refreshStatistics, statisticsStale, type DB } from './journal.js';
import { JournalError, UsageError } from '../errors.js';
import { fieldStamps, readRecords } from './exchange.js';
import { changesOf, mergeChanges, type LostVersion, type MergeResult } from './merge.js';
import { journalLookup, type Lookalikes, repeatedHypotheses } from './import.js';
import { liveNames, rescrubInterviews, type ErasedPerson } from './forget.js';
import { deviceId, tick } from './tracking.js';
import { tombstonedRecords } from './deleted-ids.js';
import { sortedVector, STAMPED_FIELDS, VERSION_RE, type FieldVersions } from '../core/versions.js';
import { rewriteAfterErasure } from './erasure.js';
import { validateDocument, RECORD_KINDS, type RecordKind } from '../core/import-validate.js';

/** The schema pm keeps in the database; a newer one is refused. */
const REMOTE_SCHEMA = 1;
/** Rows a page when pulling, and a statement when pushing. */
const PAGE = 5000;
/** The advisory lock that serialises pushes (any constant pm alone uses: 'pmsy'). */
const PUSH_LOCK = 0x706d7379;

const INIT_SQL = `
CREATE SCHEMA IF NOT EXISTS pm;
CREATE TABLE IF NOT EXISTS pm.meta (
  id             integer PRIMARY KEY CHECK (id = 1),
  server         uuid NOT NULL,
  seq            bigint NOT NULL DEFAULT 0,
  schema_version integer NOT NULL
);
INSERT INTO pm.meta (id, server, seq, schema_version) VALUES (1, gen_random_uuid(), 0, ${REMOTE_SCHEMA})
  ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS pm.records (
  kind        text NOT NULL,
  key         text NOT NULL,
  rev         text NOT NULL,
  vv          jsonb NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  merged_into text,
  data        jsonb,
  seq         bigint NOT NULL,
  device      text NOT NULL,
  lost        jsonb,
  PRIMARY KEY (kind, key)
);
CREATE INDEX IF NOT EXISTS records_by_seq ON pm.records (seq);
`;

export interface RemoteRow {
  kind: RecordKind;
  key: string;
  rev: string;
  vv: Record<string, string>;
  deleted: boolean;
  merged_into: string | null;
  data: Record<string, unknown> | null;
  seq: string;
  /** the device of the journal that pushed the row (pulled rows) */
  device?: string;
  /** versions of the record that lost to this one where it was pushed from (LostVersion); null: none */
  lost?: unknown;
}

// ---------------------------------------------------------------- the URL and the connection

/**
 * A URL pm could not use, as an error may show it: never its credentials. Whatever sits between `//`
 * (or the scheme) and the last `@` goes, since an unencoded password may hold `/`, `#`, `?` or `@`
 * itself; so does a `password=` parameter.
 */
export function withoutCredentials(url: string): string {
  let out = url;
  const at = url.lastIndexOf('@');
  if (at >= 0) {
    const slashes = url.indexOf('//');
    const start = slashes >= 0 && slashes < at ? slashes + 2 : (/^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].length ?? 0);
    out = `${url.slice(0, start)}…${url.slice(at)}`;
  }
  return out.replace(/([?&;]password=)[^&;]*/gi, '$1…');
}

const PASSWORD_HINT = 'a password with @, #, /, ? or % in it must be percent-encoded, or given in PGPASSWORD instead';

/** The URL as stored: no password (credentials come from PGPASSWORD or ~/.pgpass). */
export function storableUrl(url: string): { url: string; hadPassword: boolean } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(
      `not a PostgreSQL URL: ${JSON.stringify(withoutCredentials(url))}`,
      `write it as postgres://user@host[:port]/database; ${PASSWORD_HINT}`,
    );
  }
  // a fragment is no part of a PostgreSQL URL (a `#` in an unencoded password made one), nor is a
  // URL without `//` (postgres:user:password@host would be a path)
  const scheme = u.protocol === 'postgres:' || u.protocol === 'postgresql:';
  if (!scheme || u.hash !== '' || !/^\s*[a-z]+:\/\//i.test(url))
    throw new UsageError(
      `not a PostgreSQL URL: ${JSON.stringify(withoutCredentials(url))}`,
      `it starts with postgres://; ${PASSWORD_HINT}`,
    );
  const hadPassword = u.password !== '' || u.searchParams.has('password');
  u.password = '';
  u.searchParams.delete('password');
  return { url: u.toString(), hadPassword };
}

/** pg's settings from the URL, then libpq's environment variables (the environment pm runs with). */
function clientConfig(url: string, env: NodeJS.ProcessEnv): ClientConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get('sslmode') ?? env.PGSSLMODE ?? undefined;
  const ssl =
    sslmode === undefined || sslmode === 'disable' || sslmode === 'allow' || sslmode === 'prefer'
      ? undefined
      : sslmode === 'verify-ca' || sslmode === 'verify-full'
        ? { rejectUnauthorized: true }
        : { rejectUnauthorized: false };
  return {
    host: decodeURIComponent(u.hostname) || env.PGHOST || 'localhost',
    port: Number(u.port || env.PGPORT || 5432),
    user: decodeURIComponent(u.username) || env.PGUSER || env.USER,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || env.PGDATABASE || undefined,
    // else pg reads ~/.pgpass (PGPASSFILE) itself
    password: decodeURIComponent(u.password) || env.PGPASSWORD || undefined,
    ssl,
    application_name: 'pm',
    connectionTimeoutMillis: Number(env.PM_SYNC_TIMEOUT_MS) || 15_000,
  };
}

async function connect(url: string, env: NodeJS.ProcessEnv): Promise<Client> {
  // pg is CommonJS and outside the bundle (esbuild.config.mjs): required here, only when a sync runs
  const pg = require('pg') as typeof import('pg');
  const client = new pg.Client(clientConfig(url, env));
  try {
    await client.connect();
  } catch (err) {
    throw new JournalError(
      `cannot reach the PostgreSQL database at ${storableUrl(url).url}: ${(err as Error).message}`,
      'check the URL, the network, and PGPASSWORD or ~/.pgpass (PGSSLMODE=require for most managed databases)',
    );
  }
  return client;
}

async function inTransaction<T>(client: Client, fn: () => Promise<T>, mode = ''): Promise<T> {
  await client.query(`BEGIN ${mode}`);
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function serverMeta(client: Client): Promise<{ server: string; seq: string; schema_version: number }> {
  try {
    const r = await client.query('SELECT server::text, seq::text, schema_version FROM pm.meta WHERE id = 1');
    if (r.rows.length === 0) throw new Error('no pm.meta row');
    const meta = r.rows[0];
    if (meta.schema_version > REMOTE_SCHEMA)
      throw new JournalError(
        `the database's pm schema is newer (${meta.schema_version}) than this pm knows (${REMOTE_SCHEMA})`,
        'upgrade pm',
      );
    return meta;
  } catch (err) {
    if (err instanceof JournalError) throw err;
    throw new JournalError(
      `the database has no pm schema (${(err as Error).message})`,
      'set it up with: pm sync init URL',
    );
  }
}

/**
 * pm.records.lost (G3): a database set up by an earlier pm has no such column. Added here, as pm sync
 * init creates what is missing; a teammate who may not alter the table (not its owner) syncs without
 * it: records travel as before, only a lost version is not named to the journal that made it.
 */
async function lostColumn(client: Client): Promise<boolean> {
  const has = async () =>
    (
      await client.query(`SELECT EXISTS (SELECT 1 FROM information_schema.columns
        WHERE table_schema = 'pm' AND table_name = 'records' AND column_name = 'lost') AS has`)
    ).rows[0].has as boolean;
  if (await has()) return true;
  try {
    await inTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      await client.query('ALTER TABLE pm.records ADD COLUMN IF NOT EXISTS lost jsonb');
    });
    return true;
  } catch {
    return false;
  }
}

/** A pulled row's lost versions, as pm writes them (anything else in that column is ignored). */
function lostVersions(v: unknown): LostVersion[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: LostVersion[] = [];
  for (const l of v as { rev?: unknown; fields?: unknown }[]) {
    if (typeof l?.rev !== 'string' || !VERSION_RE.test(l.rev)) continue;
    const fields = Array.isArray(l.fields) ? l.fields.filter((f): f is string => typeof f === 'string') : undefined;
    out.push(fields ? { rev: l.rev, fields } : { rev: l.rev });
  }
  return out.length > 0 ? out : undefined;
}

// ---------------------------------------------------------------- the journal's side

export interface RemoteState {
  url: string;
  server: string | null;
  cursor: string;
  lastSync: string | null;
}

export function remoteState(db: DB): RemoteState | undefined {
  return db
    .prepare('SELECT url, server, cast(cursor AS TEXT) AS cursor, last_sync AS lastSync FROM sync_remote WHERE id = 1')
    .get() as RemoteState | undefined;
}

export function waitingCount(db: DB): number {
  return db.prepare('SELECT count(*) FROM record_versions WHERE dirty = 1').pluck().get() as number;
}

export function conflictCount(db: DB): number {
  return db.prepare('SELECT count(*) FROM sync_conflicts').pluck().get() as number;
}

interface Pending {
  kind: RecordKind;
  key: string;
  version: string;
  vv: string;
  deleted: number;
  merged_into: string | null;
  /** an account's or contact's field stamps (schema 35) */
  fields: string | null;
}

/** What changed here since the last push, as rows for the database. */
function pendingRows(
  db: DB,
  dropped: { kind: RecordKind; key: string; rev: string }[] = [],
): { rows: Omit<RemoteRow, 'seq'>[]; marks: Pending[] } {
  const pending = db
    .prepare(`SELECT kind, key, version, vv, deleted, merged_into, fields FROM record_versions
      LEFT JOIN field_versions USING (kind, key) WHERE dirty = 1`)
    .all() as Pending[];
  const byKind = new Map<RecordKind, Pending[]>();
  for (const p of pending) {
    const list = byKind.get(p.kind);
    if (list) list.push(p);
    else byKind.set(p.kind, [p]);
  }
  // the losing versions kept here, named beside the record so that the journal that made one learns it
  // lost (G3); an account's or contact's with the fields that lost (the rest merged)
  const conflicts = new Map<string, { rev: string; data: string | null }[]>();
  for (const k of db
    .prepare('SELECT kind, key, lost_version AS rev, lost_data AS data FROM sync_conflicts ORDER BY id')
    .all() as { kind: string; key: string; rev: string; data: string | null }[]) {
    const list = conflicts.get(`${k.kind} ${k.key}`);
    if (list) list.push(k);
    else conflicts.set(`${k.kind} ${k.key}`, [k]);
  }
  // a losing version let go here (an erased person's interview: MergeResult.dropped) is named all the
  // same, without its content, so that its journal says its change lost (H5)
  for (const d of dropped) {
    const list = conflicts.get(`${d.kind} ${d.key}`);
    const k = { kind: d.kind, key: d.key, rev: d.rev, data: null };
    if (list) list.push(k);
    else conflicts.set(`${d.kind} ${d.key}`, [k]);
  }
  const lostOf = (kind: RecordKind, key: string, data: object | null): LostVersion[] | null => {
    const kept = conflicts.get(`${kind} ${key}`);
    if (!kept) return null;
    return kept.map(({ rev, data: lost }) => {
      if (!lost || !data || (kind !== 'account' && kind !== 'contact')) return { rev };
      const [l, d] = [JSON.parse(lost) as Record<string, unknown>, data as Record<string, unknown>];
      const fields = STAMPED_FIELDS[kind].filter((f) => JSON.stringify(l[f] ?? null) !== JSON.stringify(d[f] ?? null));
      return { rev, fields };
    });
  };
  const rows: Omit<RemoteRow, 'seq'>[] = [];
  for (const kind of RECORD_KINDS) {
    const list = byKind.get(kind) ?? [];
    const live = list.filter((p) => !p.deleted && kind !== 'erasure');
    const docs = readRecords(
      db,
      kind,
      live.map((p) => p.key),
    );
    for (const p of list) {
      const data = p.deleted || kind === 'erasure' ? null : (docs.get(p.key) ?? null);
      // a record whose row is gone without a tombstone (a link that went with its interview) is not pushed
      if (!p.deleted && kind !== 'erasure' && data === null) continue;
      if (data) delete (data as { id?: unknown }).id;
      // an account or contact travels with its field stamps, which the merge on the other side reads
      if (data && (kind === 'account' || kind === 'contact'))
        (data as { fieldVersions?: FieldVersions }).fieldVersions = fieldStamps(p.fields);
      rows.push({
        kind,
        key: p.key,
        rev: p.version,
        vv: JSON.parse(p.vv),
        deleted: p.deleted === 1,
        merged_into: p.merged_into,
        data: data as Record<string, unknown> | null,
        lost: lostOf(kind, p.key, data),
      });
    }
  }
  return { rows, marks: pending };
}

/** Rows pulled from the database, as the document pm import reads. */
function documentOf(rows: RemoteRow[]) {
  const doc = {
    format: 'pm-journal',
    version: 1,
    exportedAt: '',
    config: {},
    accounts: [] as unknown[],
    contacts: [] as unknown[],
    interviews: [] as unknown[],
    hypotheses: [] as unknown[],
    evidence: [] as unknown[],
    outcomes: [] as unknown[],
    opportunities: [] as unknown[],
    settings: [] as unknown[],
    deleted: [] as unknown[],
    // an erasure travels as the person's UUID alone: their hashes stay in the journals (issue 16)
    forgotten: [] as { uuid: string; keyId: null; emailHash: null; nameHash: null; erasedOn: null }[],
  };
  const section: Record<string, unknown[]> = {
    setting: doc.settings,
    account: doc.accounts,
    contact: doc.contacts,
    interview: doc.interviews,
    hypothesis: doc.hypotheses,
    evidence: doc.evidence,
    outcome: doc.outcomes,
    opportunity: doc.opportunities,
  };
  for (const r of rows) {
    if (r.kind === 'erasure')
      doc.forgotten.push({ uuid: r.key, keyId: null, emailHash: null, nameHash: null, erasedOn: null });
    else if (r.deleted)
      doc.deleted.push({ kind: r.kind, key: r.key, rev: r.rev, vv: r.vv, mergedInto: r.merged_into ?? undefined });
    else if (r.data && section[r.kind]) section[r.kind].push({ ...r.data, rev: r.rev, vv: r.vv });
  }
  return doc;
}

export interface PullResult {
  rows: number;
  merged: MergeResult | null;
  /** pulled new open hypotheses stating an open one of this journal again (as pm import warns) */
  repeated: Lookalikes['hypotheses'];
}

/** Merge pulled rows into the journal and move its cursor, in one transaction. */
function applyPulled(
  db: DB,
  rows: RemoteRow[],
  cursor: string,
  today: string,
  server: string,
  erased: ErasedPerson[],
): PullResult {
  return db
    .transaction((): PullResult => {
      const state = remoteState(db);
      if (!state || state.server !== server)
        throw new JournalError('the journal was connected to another database meanwhile');
      const empty =
        db
          .prepare('SELECT NOT EXISTS (SELECT 1 FROM interviews) AND NOT EXISTS (SELECT 1 FROM hypotheses)')
          .pluck()
          .get() === 1;
      let merged: MergeResult | null = null;
      let repeated: Lookalikes['hypotheses'] = [];
      if (rows.length > 0) {
        const doc = remoteDocument(rows, db);
        const known = db.prepare('SELECT 1 FROM hypotheses WHERE uuid = ?').pluck();
        const fresh = (doc.hypotheses as { uuid: string }[]).map((h) => h.uuid).filter((u) => !known.get(u));
        const lost = new Map(rows.map((r) => [`${r.kind} ${r.key}`, lostVersions(r.lost)]));
        const changes = changesOf(doc);
        for (const c of changes) c.lost = lost.get(`${c.kind} ${c.key}`);
        // the planner's statistics where the journal outgrew them, before the merge (whose every update
        // they make quick) and after it (a first sync fills the journal at once)
        if (statisticsStale(db)) refreshStatistics(db);
        merged = mergeChanges(db, changes, { today, keepIds: empty, erased });
        if (statisticsStale(db)) refreshStatistics(db);
        repeated = repeatedHypotheses(db, fresh);
      }
      db.prepare('UPDATE sync_remote SET cursor = ? WHERE id = 1 AND cursor < ?').run(cursor, cursor);
      return { rows: rows.length, merged, repeated };
    })
    .immediate();
}

/**
 * The pulled rows checked as an import checks a file. A row pm did not write (another program, a hand
 * edit) is the team database's damage, not the user's input: exit 1, naming the database, and the
 * pull's transaction rolls back, so the journal is as it was.
 */
function remoteDocument(rows: RemoteRow[], db: DB) {
  const source = 'the team database';
  try {
    return validateDocument(documentOf(rows), journalLookup(db), { dangling: true, source });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    throw new JournalError(
      err.message.startsWith(source) ? err.message : `${source}: ${err.message}`,
      'nothing was pulled; a record there was not written by pm: restore the database, or set up a new one ' +
        '(pm sync init URL) and push every journal to it',
    );
  }
}

/**
 * The names of lost versions a row holds stay until the loser has seen them (review R2): the next
 * version of the record, pushed by anyone, names none (or others), and overwriting them left the
 * loser to take that version as newer in silence. A rev named again is named as the new row says (an
 * account's or contact's fields that lost, against its latest data). Stale names are harmless: a
 * journal keeps its loss only while the named rev is its current version, and once (keepOwnLoss).
 */
const KEEP_LOST = `, lost = CASE WHEN pm.records.lost IS NULL OR excluded.lost IS NULL
    THEN COALESCE(excluded.lost, pm.records.lost)
    ELSE excluded.lost || COALESCE((SELECT jsonb_agg(o) FROM jsonb_array_elements(pm.records.lost) o
      WHERE NOT excluded.lost @> jsonb_build_array(jsonb_build_object('rev', o->'rev'))), '[]') END`;

// a row changes only for a newer version (or the same one knowing more): pushed twice, it stays; but
// resent ($3, schema 55), the same version takes a new seq, so that every teammate pulls it again
// (`lost` where the database has the column: lostColumn)
const upsert = (lost: boolean) => `INSERT INTO pm.records (kind, key, rev, vv, deleted, merged_into, data, seq, device
    ${lost ? ', lost' : ''})
  SELECT kind, key, rev, vv, deleted, merged_into, data, seq::bigint, $2 ${lost ? ', lost' : ''}
  FROM jsonb_to_recordset($1::jsonb) AS x(kind text, key text, rev text, vv jsonb, deleted boolean,
    merged_into text, data jsonb, seq text, lost jsonb)
  ON CONFLICT (kind, key) DO UPDATE SET rev = excluded.rev, vv = excluded.vv, deleted = excluded.deleted,
    merged_into = excluded.merged_into, data = excluded.data, seq = excluded.seq, device = excluded.device
    ${lost ? KEEP_LOST : ''}
  WHERE pm.records.rev < excluded.rev OR (pm.records.rev = excluded.rev AND pm.records.vv <> excluded.vv)
    OR ($3 AND pm.records.rev = excluded.rev)`;

// (ordered by the column r.seq, a number, not by the text it is selected as)
const selectRows = (lost: boolean) => `SELECT kind, key, rev, vv, deleted, merged_into, data, r.seq::text AS seq,
  device ${lost ? ', lost' : ''} FROM pm.records r WHERE r.seq > $1 ORDER BY r.seq LIMIT ${PAGE}`;

/**
 * The interviews and hypotheses deleted here that pulled links refer to, as the database holds them
 * (live there: nobody's tombstone pushed yet). A link the deletion here never saw brings its record
 * back (Merger.reviveForUnseenLinks, wave 10 E2), and a pull carries only the rows changed since the
 * cursor: a link changed elsewhere comes without its unchanged interview. Not counted as pulled.
 */
async function recordsOfLinks(client: Client, db: DB, rows: RemoteRow[]): Promise<RemoteRow[]> {
  if (!rows.some((r) => r.kind === 'evidence')) return [];
  const deletedHere = tombstonedRecords(db);
  if (deletedHere.size === 0) return [];
  const pulled = new Set(rows.map((r) => `${r.kind} ${r.key}`));
  const wanted: Record<'interview' | 'hypothesis', Set<string>> = { interview: new Set(), hypothesis: new Set() };
  for (const r of rows) {
    if (r.kind !== 'evidence' || r.deleted) continue;
    const [interview, hypothesis] = r.key.split('/');
    for (const [kind, key] of [
      ['interview', interview],
      ['hypothesis', hypothesis],
    ] as const)
      if (deletedHere.has(`${kind} ${key}`) && !pulled.has(`${kind} ${key}`)) wanted[kind].add(key);
  }
  const found: RemoteRow[] = [];
  for (const kind of ['hypothesis', 'interview'] as const) {
    if (wanted[kind].size === 0) continue;
    const r = await client.query(
      `SELECT kind, key, rev, vv, deleted, merged_into, data, seq::text AS seq FROM pm.records
        WHERE kind = $1 AND key = ANY($2) AND NOT deleted`,
      [kind, [...wanted[kind]]],
    );
    found.push(...(r.rows as RemoteRow[]));
  }
  return found;
}

/**
 * A pulled row pushed as this journal's device that is not this journal's version of the record:
 * another journal syncs with the same device id (a copy of this file on a second machine, or a backup
 * restored beside it, fresh-eyes wave 12 G8). Two writers of one device's versions make concurrent
 * edits look like one after the other, so one is lost with no conflict on either side: refused before
 * anything is merged, with the way to give this journal a device of its own. Its own pushes are behind
 * its cursor, or the versions it still has (a sync killed before it noted its push). Checked on a
 * first sync too, where a copy made before either synced meets what the other pushed (G8's edge): a
 * journal back from another database, whose records changed meanwhile, is then taken for a copy, and
 * re-keying it is harmless.
 * And a row pushed by a teammate whose vector holds a version of this device later than any this
 * journal made of that record: the copy's version, taken by the teammate before they edited. Its
 * entry would make their edit look as if it knew this journal's own edit made meanwhile, which would
 * be lost with no conflict (seen after a copy had synced). A journal's entry in a record's vector
 * only grows with its versions of that record or, for a deleted hypothesis or interview, of its evidence
 * links (latestHere), which it all has; a record unknown here is not checked (a teammate's union of two
 * copies gives the staying one this device's entry from the going one).
 */
function refuseCopy(db: DB, url: string, rows: RemoteRow[]): void {
  const me = deviceId(db);
  const here = db.prepare('SELECT version, vv FROM record_versions WHERE kind = ? AND key = ?');
  const entry = (vv: string): string => (JSON.parse(vv) as Record<string, string>)[me] ?? '';
  // an evidence link's key is interview/hypothesis; unlinked ones too (their tombstones), as the
  // deleting journal may have folded the link before it heard of the unlink
  const linksOf = {
    interview: db.prepare(
      `SELECT vv FROM record_versions WHERE kind = 'evidence' AND key > ? || '/' AND key < ? || '0'`,
    ),
    hypothesis: db.prepare(
      `SELECT vv FROM record_versions WHERE kind = 'evidence' AND substr(key, -length(?) - 1) = '/' || ?`,
    ),
  };
  /**
   * This journal's latest version of a record as a teammate's version of it can hold it: a deleted
   * hypothesis's or interview's tombstone folds its links' vectors (foldLinkVersions), so it carries
   * this journal's later version of a link made here after the record's own last edit (review R1).
   */
  const latestHere = (kind: string, key: string, vv: string, mine: string): string => {
    let latest = entry(vv);
    if (mine <= latest || (kind !== 'interview' && kind !== 'hypothesis')) return latest;
    for (const link of linksOf[kind].all(key, key) as { vv: string }[]) {
      const v = entry(link.vv);
      if (v > latest) latest = v;
    }
    return latest;
  };
  for (const r of rows) {
    const mine = r.vv[me];
    // most rows were never this device's: no read (a new teammate's first pull of a whole journal)
    if (r.device !== me && mine === undefined) continue;
    const local = here.get(r.kind, r.key) as { version: string; vv: string } | undefined;
    if (
      (r.device === me && local?.version !== r.rev) ||
      (local && mine !== undefined && mine > latestHere(r.kind, r.key, local.vv, mine))
    )
      throw new JournalError(
        `another journal syncs as this one (device ${me.slice(0, 6)}…): a copy of this file, a backup ` +
          'restored while this one still syncs, or this journal back from syncing with another database ' +
          'with its records changed meanwhile; nothing was pulled or pushed',
        `give this journal its own device: pm sync init ${url} --new-device (and stop syncing the other copy, ` +
          'if there is one)',
      );
  }
}

async function fetchSince(
  client: Client,
  cursor: string,
  lost: boolean,
): Promise<{ rows: RemoteRow[]; cursor: string }> {
  const rows: RemoteRow[] = [];
  let at = cursor;
  const select = selectRows(lost);
  for (;;) {
    const page = (await client.query(select, [at])).rows as RemoteRow[];
    rows.push(...page);
    if (page.length < PAGE) break;
    at = page[page.length - 1].seq;
  }
  return { rows, cursor: rows.length ? rows[rows.length - 1].seq : cursor };
}

// ---------------------------------------------------------------- the commands' work

export interface InitResult {
  url: string;
  hadPassword: boolean;
  created: boolean;
  server: string;
}

/** pm sync init URL: the schema pm in the database (idempotent), and the journal connected to it. */
export async function initRemote(
  journal: () => DB,
  env: NodeJS.ProcessEnv,
  url: string,
  newDevice = false,
  leave?: { me: string } | null,
): Promise<InitResult> {
  const stored = storableUrl(url);
  const client = await connect(url, env);
  try {
    const existed = await client.query("SELECT to_regclass('pm.records') IS NOT NULL AS existed");
    if (leave) await refuseOtherTeam(journal(), client, stored.url, existed.rows[0].existed === true, leave.me);
    await inTransaction(client, async () => {
      // two teammates running init at once: one creates, the other finds it made
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      await client.query(INIT_SQL);
    });
    const meta = await serverMeta(client);
    await lostColumn(client);
    const db = journal();
    db.transaction(() => {
      const before = remoteState(db);
      if (newDevice) {
        // a copy's own device from now on. Its changes not yet pushed are made again under it, without
        // the old device's entry, which the other copy wrote too: they then meet whatever the other
        // copy did to those records as concurrent (the later kept, the other in pm sync conflicts),
        // never as one after the other (one lost unseen); at worst a conflict with the version both
        // copies started from, which pm sync resolve ID kept lets go
        const old = deviceId(db);
        db.prepare('UPDATE sync_clock SET device = lower(hex(randomblob(8)))').run();
        const dirty = db.prepare('SELECT kind, key, vv FROM record_versions WHERE dirty = 1').all() as {
          kind: string;
          key: string;
          vv: string;
        }[];
        const put = db.prepare('UPDATE record_versions SET version = ?, vv = ? WHERE kind = ? AND key = ?');
        for (const d of dirty) {
          const v = tick(db);
          const { [old]: _copied, ...others } = JSON.parse(d.vv) as Record<string, string>;
          put.run(v, JSON.stringify(sortedVector({ ...others, [v.slice(19)]: v })), d.kind, d.key);
        }
      }
      if (!before || before.server !== meta.server) {
        // a first or another database: everything here is pushed to it, and all of it pulled from the
        // start (what an import wrote before pm 55 was not marked to be pushed: G7)
        db.prepare('UPDATE record_versions SET dirty = 1').run();
      }
      db.prepare(`INSERT INTO sync_remote (id, url, server, cursor) VALUES (1, @url, @server, 0)
        ON CONFLICT (id) DO UPDATE SET url = @url,
          cursor = CASE WHEN server IS @server THEN cursor ELSE 0 END, server = @server`).run({
        url: stored.url,
        server: meta.server,
      });
    }).immediate();
    return { url: stored.url, hadPassword: stored.hadPassword, created: !existed.rows[0].existed, server: meta.server };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A journal that syncs with one database, connected to another: the next sync would push all it
 * holds, teammates' customers and the shared settings included, into the other team's database, for
 * good (fresh-eyes wave 13 H19). Refused, before anything is created there, unless --switch says so;
 * the same database under another URL (a host alias, ?sslmode=require) is not another team.
 */
async function refuseOtherTeam(db: DB, client: Client, url: string, hasSchema: boolean, me: string): Promise<void> {
  const before = remoteState(db);
  if (!before || before.url === url) return;
  if (hasSchema && before.server !== null && (await serverMeta(client)).server === before.server) return;
  const records = db.prepare('SELECT count(*) FROM record_versions WHERE deleted = 0').pluck().get() as number;
  const others = db
    .prepare('SELECT count(*) FROM interviews WHERE by IS NOT @me COLLATE NOCASE')
    .pluck()
    .get({ me }) as number;
  const logged = others ? `, ${others} interview${others === 1 ? '' : 's'} logged by others` : '';
  const what = `${records} record${records === 1 ? '' : 's'}${logged}`;
  throw new UsageError(
    `this journal syncs with ${before.url}: connecting it to ${url} would push all it holds there (${what}), ` +
      "and its settings would become that team's",
    `to join that team with a journal of your own: pm --db NEW.db sync init ${url}; ` +
      `to move this one, everything in it: pm sync init ${url} --switch`,
  );
}

export interface SyncResult {
  pulled: number;
  pushed: number;
  merged: MergeResult[];
  /** pulled new hypotheses stating an open one here again */
  repeated: Lookalikes['hypotheses'];
  conflicts: number;
  erasuresPushed: number;
  /** people erased here because an erasure arrived, as they were known (never printed: for the draft check) */
  erased: ErasedPerson[];
}

/** pm sync: pull what others pushed, then push what changed here. `journal()` opens the journal for writing. */
export async function runSync(journal: () => DB, env: NodeJS.ProcessEnv, today: string): Promise<SyncResult> {
  const db = journal();
  const state = remoteState(db);
  if (!state)
    throw new UsageError('this journal is not connected to a database', 'try: pm sync init URL (to connect it, once)');
  const client = await connect(state.url, env);
  const result: SyncResult = {
    pulled: 0,
    pushed: 0,
    merged: [],
    conflicts: 0,
    erasuresPushed: 0,
    erased: [],
    repeated: [],
  };
  try {
    const meta = await serverMeta(client);
    if (state.server !== meta.server)
      throw new JournalError(
        `the database at ${state.url} is not the one this journal synced with (it was set up anew?)`,
        `connect again, which pushes everything here to it: pm sync init ${state.url}`,
      );
    const withLost = await lostColumn(client);
    // 1. pull, without the lock: the bulk of a first sync, in one snapshot
    const pulled = await inTransaction(
      client,
      () => fetchSince(client, state.cursor, withLost),
      'ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
    refuseCopy(db, state.url, pulled.rows);
    const linked = await recordsOfLinks(client, db, pulled.rows);
    const first = applyPulled(db, [...linked, ...pulled.rows], pulled.cursor, today, meta.server, result.erased);
    result.pulled += first.rows - linked.length;
    if (first.merged) result.merged.push(first.merged);
    result.repeated.push(...first.repeated);

    // 2. push, under the lock: first what others pushed meanwhile, then what changed here
    const pushed = await inTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      const delta = await fetchSince(client, remoteState(db)!.cursor, withLost);
      refuseCopy(db, state.url, delta.rows);
      const also = await recordsOfLinks(client, db, delta.rows);
      const second = applyPulled(db, [...also, ...delta.rows], delta.cursor, today, meta.server, result.erased);
      result.pulled += second.rows - also.length;
      if (second.merged) result.merged.push(second.merged);
      result.repeated.push(...second.repeated);

      // a person erased here: their interviews are scrubbed also of what the database knows of them
      const erasing = db
        .prepare("SELECT key FROM record_versions WHERE kind = 'erasure' AND dirty = 1")
        .pluck()
        .all() as string[];
      if (erasing.length > 0) {
        const known = await client.query(
          "SELECT key, data FROM pm.records WHERE kind = 'contact' AND key = ANY($1) AND NOT deleted",
          [erasing],
        );
        db.transaction(() => {
          const live = liveNames(db);
          for (const row of known.rows as { key: string; data: { name?: string; email?: string | null } | null }[])
            if (row.data?.name) rescrubInterviews(db, row.key, row.data.name, row.data.email ?? null, live);
        }).immediate();
      }

      const { rows, marks } = pendingRows(
        db,
        result.merged.flatMap((m) => m.dropped.filter((d) => !d.own)),
      );
      if (rows.length === 0) return null;
      const end = BigInt(
        (await client.query('UPDATE pm.meta SET seq = seq + $1 WHERE id = 1 RETURNING seq::text AS seq', [rows.length]))
          .rows[0].seq,
      );
      const start = end - BigInt(rows.length) + 1n;
      const me = deviceId(db);
      const resend = db.prepare('SELECT 1 FROM sync_resend').get() !== undefined;
      for (let i = 0; i < rows.length; i += PAGE) {
        const page = rows.slice(i, i + PAGE).map((r, k) => ({ ...r, seq: (start + BigInt(i + k)).toString() }));
        await client.query(upsert(withLost), [JSON.stringify(page), me, resend]);
      }
      result.pushed = rows.length;
      result.erasuresPushed = rows.filter((r) => r.kind === 'erasure').length;
      return { end: end.toString(), marks };
    });
    // 3. committed there, marked here (killed between the two, the next sync pushes the same again)
    if (pushed)
      db.transaction(() => {
        const mark = db.prepare(
          'UPDATE record_versions SET dirty = 0 WHERE kind = ? AND key = ? AND version = ? AND vv = ?',
        );
        for (const m of pushed.marks) mark.run(m.kind, m.key, m.version, m.vv);
        db.prepare('DELETE FROM sync_resend').run();
        // everything up to `end` is in this journal now: others' rows were pulled under the lock
        db.prepare('UPDATE sync_remote SET cursor = ? WHERE id = 1 AND cursor < ?').run(pushed.end, pushed.end);
      }).immediate();
    db.prepare("UPDATE sync_remote SET last_sync = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = 1").run();
    // people erased elsewhere and forgotten here: their old bytes go from the journal's files too
    if (result.merged.some((m) => m.erased > 0 || m.rewrite)) rewriteAfterErasure(db);
    if (result.erasuresPushed > 0) {
      // dead row versions still hold what the erasure replaced until VACUUM (best effort: may need the owner)
      await client.query('VACUUM pm.records').catch(() => undefined);
    }
    result.conflicts = result.merged.reduce((n, m) => n + m.conflicts, 0);
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface RemoteStatus {
  url: string;
  lastSync: string | null;
  /** changes here not yet pushed */
  waiting: number;
  conflicts: number;
  /** others' changes waiting to be pulled, when the database could be reached */
  toPull: number | null;
  reachable: boolean;
  error?: string;
}

/** pm sync status: the remote, the last sync, what waits each way, conflicts. */
export async function remoteStatus(db: DB, env: NodeJS.ProcessEnv): Promise<RemoteStatus | null> {
  const state = remoteState(db);
  if (!state) return null;
  const status: RemoteStatus = {
    url: state.url,
    lastSync: state.lastSync,
    waiting: waitingCount(db),
    conflicts: conflictCount(db),
    toPull: null,
    reachable: false,
  };
  let client: Client | undefined;
  try {
    client = await connect(state.url, env);
    const r = await client.query('SELECT count(*)::int AS n FROM pm.records WHERE seq > $1 AND device <> $2', [
      state.cursor,
      deviceId(db),
    ]);
    status.toPull = r.rows[0].n;
    status.reachable = true;
  } catch (err) {
    status.error = (err as Error).message;
  } finally {
    await client?.end().catch(() => undefined);
  }
  return status;
}
