// Merging changes from elsewhere by version: the one merge `pm import` (a teammate's export) and
// `pm sync` (what others pushed to PostgreSQL) share. A change is one record's version: its content
// as the export format writes it, or a tombstone, or an erasure.
//
// - The newer version of a record wins: one whose version vector holds every change the other
//   holds (it was made knowing it). Two versions made without knowing of each other are concurrent:
//   the later version wins (the device id breaks ties), so every journal converges on the same
//   content whatever the order of exchanges, and the losing one is kept in sync_conflicts (unless
//   both say the same) until `pm sync resolve`.
// - A record from a file without versions is older than any version: it adds what the journal
//   lacks and never overrides what it has (as imports always did).
// - Erasures come first and are never undone: a person erased anywhere is forgotten here as
//   `pm forget` forgets (their interviews scrubbed), and no later change brings them back.
// - An account or contact created on two journals (the same account name; the same email, or the
//   same name in the same account) is one: the one with the smaller UUID stays and the other is
//   merged into it, here and, through the tombstone this writes, everywhere else.
// - A record whose references are missing here (an interview of an account this journal never
//   received) is left out and counted.
//
// Runs in the caller's transaction, with the tracking triggers standing aside (src/db/tracking.ts):
// the versions written are those received, or a new one from here where this journal changed
// what it received (a merge of duplicates, a scrub of an erased person).
import type { Statement } from 'better-sqlite3';
import type { DB } from './journal.js';
import { InterviewWriter, type InterviewContent } from './interview-writer.js';
import { SuspendedSummaries } from './summaries.js';
import { setConfigValue, unsetConfigValue } from './config.js';
import { mergeAccounts, rememberFormerName } from './accounts.js';
import { mergeContacts } from './contacts.js';
import {
  conflictCopy,
  erasedEmailCheck,
  FORGOTTEN_NAME,
  forgetContact,
  hashedScrubber,
  scrubContext,
  scrubOfErased,
  type ScrubContextOf,
  type ErasedPerson,
  type ForgetResult,
} from './forget.js';
import { loadForgottenList, recordErasure } from './erasure.js';
import { sameAsErased, type ForgottenList } from '../core/erasure.js';
import { fieldStamps, readRecords } from './exchange.js';
import { loadInterview } from './interviews.js';
import type { InterviewRecord } from '../core/interviews.js';
import { deviceId, foldLinkVersions, linkVersions, observe, tick, untracked, type VersionsBefore } from './tracking.js';
import {
  compareVectors,
  deviceOf,
  knows,
  laterVersion,
  mergeVectors,
  ORIGIN_VERSION,
  sortedVector,
  STAMPED_FIELDS,
  type FieldVersions,
  type VersionVector,
} from '../core/versions.js';
import type {
  AccountDoc,
  ContactDoc,
  EvidenceDoc,
  HypothesisDoc,
  InterviewDoc,
  OpportunityDoc,
  OutcomeDoc,
  RecordDoc,
  RecordKind,
  SettingDoc,
} from '../core/import-validate.js';
import type { ConfigKey } from '../core/config.js';
import { painKey } from '../core/pains.js';
import { accountKeysRefresher, contactKeysRefresher } from './identity.js';
import { deletedIds, forgetDeletedId, REMEMBER_DELETED_ID, tombstonedRecords } from './deleted-ids.js';
import { mergeVersions, sameFields, stampsFrom, uniteCopies, unitedStamps, type United } from '../core/unite.js';

export interface Change {
  kind: RecordKind;
  key: string;
  rev: string;
  vv: VersionVector;
  deleted: boolean;
  mergedInto: string | null;
  /** the record as the export format writes it; null for a tombstone or an erasure */
  data: RecordDoc | null;
  /** versions of this record that lost to a concurrent one where the change was made (pm sync: LostVersion) */
  lost?: LostVersion[];
}

/**
 * A version that lost a conflict, as the team database names it beside the record that won: its rev,
 * and for an account or contact the fields that lost (the rest of the record merged). Never content:
 * the journal that made the lost version has it (G3: only the journal that met both versions knew).
 */
export interface LostVersion {
  rev: string;
  fields?: string[];
}

export interface KindCounts {
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** records found here under another UUID (a duplicate account or contact), now one */
  matched: number;
  /** records the changes held twice under two UUIDs (an account or contact), now one: nothing of this journal's */
  joined: number;
  /** deletions and merges of records never seen here: remembered, so that those records never arrive */
  unseen: number;
  /** records that refer to something this journal does not have, or to a person erased here */
  leftOut: number;
}

export interface MergeResult {
  kinds: Record<Exclude<RecordKind, 'erasure'>, KindCounts>;
  /** people forgotten here because an erasure arrived */
  erased: number;
  /** this journal's own text those erasures scrubbed, as pm forget does: their interviews, quotes, mentions */
  scrubbedHere: { interviews: number; quotes: number; mentions: number };
  /** versions of people erased here, left out */
  forgottenLeftOut: number;
  /** concurrent changes whose losing version was kept in sync_conflicts */
  conflicts: number;
  /** those of them whose losing version was made here (this journal's edit lost): pm sync names them */
  ownLost: OwnLoss[];
  /**
   * losing versions let go because the record is an erased person's or one of their interviews (its
   * version may hold them: conflictCopy); `own`: this journal made it. pm sync says so on both sides
   * and names the version to the database, so that the journal that made it learns it lost (H5)
   */
  dropped: { kind: RecordKind; key: string; rev: string; own: boolean }[];
  /** the latest version received */
  latest: string | null;
  /** an erased person's interview was rewritten: the file is to be rewritten after the commit */
  rewrite: boolean;
  /** the settings whose value changed here (null: not set, the default), in the order they arrived */
  settingsChanged: SettingChange[];
  /** interviews and hypotheses deleted here that the changes hold as they were: kept deleted (`kind key`) */
  keptDeleted: string[];
  /** those of MergeOptions.undelete brought back (`kind key`) */
  undeleted: string[];
  /** interviews and hypotheses of this journal that the changes deleted, as they were (H20) */
  removed: RemovedRecord[];
}

/** An interview or hypothesis a teammate's deletion removed here: what names it to the user (H20). */
export type RemovedRecord =
  | { kind: 'interview'; record: InterviewRecord }
  | { kind: 'hypothesis'; id: string; statement: string };

/** A conflict kept here whose losing version this journal made: its id in sync_conflicts and its record. */
export interface OwnLoss {
  id: number;
  kind: RecordKind;
  key: string;
}

/** A shared setting changed by a teammate's version (fresh-eyes wave 11 E9: it arrived without a word). */
export interface SettingChange {
  key: string;
  from: string | null;
  to: string | null;
}

export interface MergeOptions {
  /** interviews.created_at for new interviews (default: now) */
  now?: string;
  /** the day conflicts are dated */
  today: string;
  /** new interviews and hypotheses keep the display ids they had where those are free (an empty journal) */
  keepIds?: boolean;
  /** the changes come from a file (not the shared database): those without versions travel on from here */
  fromFile?: boolean;
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /**
   * people erased by this command (before the merge, or by it: pushed here), as they were known:
   * the losing versions kept are scrubbed of them, and the caller drops a draft naming them
   */
  erased?: ErasedPerson[];
  /**
   * false: every row written with the triggers live and the indexes kept, as one pm log writes (the
   * simple path test/unit/import-bulk.test.ts compares the bulk write with)
   */
  bulk?: boolean;
  /**
   * interviews and hypotheses deleted here (`kind key`) to bring back from the changes, as a change of
   * this journal's newer than its deletion: the user undoing their own delete (pm import --undelete)
   */
  undelete?: ReadonlySet<string>;
  /**
   * the versions this journal's records had before an erasure arriving with the changes scrubbed them
   * here (src/db/import.ts): a change is judged against those, as the scrub is no edit of the user's
   */
  scrubbedFrom?: VersionsBefore;
}

/** The order kinds are applied in: what a record refers to comes before it. */
const ORDER: Exclude<RecordKind, 'erasure'>[] = [
  'setting',
  'account',
  'contact',
  'opportunity',
  'hypothesis',
  'interview',
  'evidence',
  'outcome',
];

const emptyCounts = (): KindCounts => ({
  added: 0,
  updated: 0,
  deleted: 0,
  unchanged: 0,
  matched: 0,
  joined: 0,
  unseen: 0,
  leftOut: 0,
});

interface LocalVersion {
  version: string;
  vv: string;
  deleted: number;
  merged_into: string | null;
  dirty: number;
  /** an account's or contact's field stamps (field_versions, JSON) */
  fields: string | null;
}

/** JSON of a record's content, keys in order, without what differs between journals (id, rev, vv). */
export function contentOf(doc: RecordDoc | null): string {
  if (!doc) return 'null';
  const {
    id: _id,
    rev: _rev,
    vv: _vv,
    fieldVersions: _f,
    ...rest
  } = doc as RecordDoc & { id?: unknown; fieldVersions?: unknown };
  return canonicalJson(rest);
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/**
 * What became of a change: added or updated; matched (a duplicate, now merged into a record here);
 * left out (it refers to something missing here); kept erased (a person erased here: their version
 * is recorded, their content never comes back); scrubbed (an erased person's quotes left out: a
 * change of this journal's own, so that it travels on).
 */
/** The kinds whose text is scrubbed of erased people as it is written (Merger.materialize). */
/** the kinds whose text an erasure scrubs (of an arriving record here; of this journal's by pm forget) */
export const SCRUBBED_KINDS: ReadonlySet<string> = new Set(['hypothesis', 'interview', 'outcome', 'opportunity']);

type Applied = 'added' | 'updated' | 'matched' | 'leftOut' | 'keptErased' | 'scrubbed' | 'keptHere' | 'united';

function withoutVersion(doc: RecordDoc): RecordDoc {
  const {
    rev: _rev,
    vv: _vv,
    fieldVersions: _f,
    ...rest
  } = doc as RecordDoc & { rev?: string; vv?: VersionVector; fieldVersions?: FieldVersions };
  return rest as RecordDoc;
}

const isPeople = (kind: RecordKind): kind is 'account' | 'contact' => kind === 'account' || kind === 'contact';

function maxVersion(vv: VersionVector): string {
  return Object.values(vv).reduce((a, b) => laterVersion(a, b), ORIGIN_VERSION);
}

/** Thrown to roll back a merge that changed nothing, so that the journal's file stays as it was. */
class NothingChanged extends Error {
  constructor(readonly result: MergeResult) {
    super('nothing changed');
  }
}

export function mergeChanges(db: DB, changes: Change[], opts: MergeOptions): MergeResult {
  // a savepoint inside the caller's transaction (or a transaction of its own)
  const run = db.transaction(() => untracked(db, () => new Merger(db, opts).run(changes)));
  try {
    return db.inTransaction ? run() : run.immediate();
  } catch (err) {
    if (err instanceof NothingChanged) return err.result;
    throw err;
  }
}

class Merger {
  private readonly writer: InterviewWriter;
  private readonly summaries: SuspendedSummaries;
  private readonly result: MergeResult;
  private readonly s: Record<string, Statement>;
  /** interviews, accounts or contacts changed in place: the summaries are rebuilt whole */
  private changedExisting = false;
  private readonly lastInterview: number;
  /** versions written: none, and the merge is rolled back */
  private writes = 0;
  private readonly erased: ErasedPerson[];
  /** who held or decided what this merge receives (run) */
  private team: string[] = [];
  /** this journal's device: a losing version of it is this journal's own edit (OwnLoss) */
  private readonly device: string;
  /** the tombstones of accounts and contacts merged into another that this merge received, by kind and key */
  private readonly mergedAway = new Map<string, Change>();
  /** the records this journal keeps conflicts of (`kind key`): few, read once rather than asked per change */
  private readonly conflicted: Set<string>;

  constructor(
    private readonly db: DB,
    private readonly opts: MergeOptions,
  ) {
    this.erased = opts.erased ?? [];
    this.device = deviceId(db);
    this.conflicted = new Set(db.prepare("SELECT kind || ' ' || key FROM sync_conflicts").pluck().all() as string[]);
    this.writer = new InterviewWriter(db);
    this.summaries = new SuspendedSummaries(db);
    this.lastInterview = db.prepare('SELECT coalesce(max(id), 0) FROM interviews').pluck().get() as number;
    this.result = {
      kinds: Object.fromEntries(ORDER.map((k) => [k, emptyCounts()])) as MergeResult['kinds'],
      erased: 0,
      scrubbedHere: { interviews: 0, quotes: 0, mentions: 0 },
      forgottenLeftOut: 0,
      conflicts: 0,
      ownLost: [],
      dropped: [],
      latest: null,
      rewrite: false,
      settingsChanged: [],
      keptDeleted: [],
      undeleted: [],
      removed: [],
    };
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      version: p(`SELECT version, vv, deleted, merged_into, dirty, fields FROM record_versions
        LEFT JOIN field_versions USING (kind, key) WHERE kind = ? AND key = ?`),
      putFields: p(`INSERT INTO field_versions (kind, key, fields) VALUES (?, ?, ?)
        ON CONFLICT (kind, key) DO UPDATE SET fields = excluded.fields`),
      putVersion: p(`INSERT INTO record_versions (kind, key, version, vv, deleted, merged_into, dirty)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET version = excluded.version,
        vv = excluded.vv, deleted = excluded.deleted, merged_into = excluded.merged_into, dirty = excluded.dirty`),
      mergedInto: p('SELECT merged_into FROM record_versions WHERE kind = ? AND key = ? AND merged_into IS NOT NULL'),
      conflictsOf: p(`SELECT id, kept_version AS kept, lost_version AS lost, lost_data AS data FROM sync_conflicts
        WHERE kind = ? AND key = ?`),
      dropConflict: p('DELETE FROM sync_conflicts WHERE id = ?'),
      conflict:
        p(`INSERT INTO sync_conflicts (kind, key, kept_version, lost_version, lost_deleted, lost_data, detected_on)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      accountByUuid: p('SELECT id, uuid FROM accounts WHERE uuid = ?'),
      accountByName: p('SELECT id, uuid FROM accounts WHERE name = ? COLLATE NOCASE'),
      insertAccount: p('INSERT INTO accounts (uuid, name, segment, cadence_days) VALUES (?, ?, ?, ?)'),
      updateAccount: p('UPDATE accounts SET uuid = ?, name = ?, segment = ?, cadence_days = ? WHERE id = ?'),
      contactByUuid: p('SELECT id, uuid, forgotten FROM contacts WHERE uuid = ?'),
      contactByEmail: p('SELECT id, uuid, forgotten FROM contacts WHERE email = ? COLLATE NOCASE'),
      contactByName: p(`SELECT id, uuid, forgotten FROM contacts WHERE account_id = ? AND name = ? COLLATE NOCASE
        AND forgotten = 0 AND (email IS NULL OR ? IS NULL OR email = ? COLLATE NOCASE) ORDER BY uuid LIMIT 1`),
      insertContact: p(`INSERT INTO contacts (uuid, name, email, account_id, role, segment, persona, forgotten)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      updateContact: p(`UPDATE contacts SET uuid = ?, name = ?, email = ?, account_id = ?, role = ?, segment = ?,
        persona = ? WHERE id = ?`),
      isForgotten: p('SELECT 1 FROM forgotten WHERE uuid = ?'),
      forget: p('INSERT OR IGNORE INTO forgotten (uuid) VALUES (?)'),
      interviewByUuid: p('SELECT id FROM interviews WHERE uuid = ?'),
      interviewIdFree: p('SELECT NOT EXISTS (SELECT 1 FROM interviews WHERE id = ?)'),
      hypothesisByUuid: p('SELECT id FROM hypotheses WHERE uuid = ?'),
      hypothesisIdFree: p('SELECT NOT EXISTS (SELECT 1 FROM hypotheses WHERE id = ?)'),
      insertHypothesis: p(`INSERT INTO hypotheses (id, uuid, statement, kind, criteria, created_on, decide_by,
        bet_until, bet_reason, bet_since, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      // a version from a pm before schema 75 names no one: it never takes the name this journal knows
      updateHypothesis: p(`UPDATE hypotheses SET statement = ?, kind = ?, criteria = ?, created_on = ?, decide_by = ?,
        bet_until = ?, bet_reason = ?, bet_since = ?, by = coalesce(?, by) WHERE id = ?`),
      clearHypothesisTags: p('DELETE FROM hypothesis_tags WHERE hypothesis_id = ?'),
      addHypothesisTag: p('INSERT INTO hypothesis_tags (hypothesis_id, position, tag) VALUES (?, ?, ?)'),
      clearRevisions: p('DELETE FROM hypothesis_revisions WHERE hypothesis_id = ?'),
      addRevision: p(`INSERT INTO hypothesis_revisions (hypothesis_id, date, field, before, after)
        VALUES (?, ?, ?, ?, ?)`),
      deleteHypothesis: p('DELETE FROM hypotheses WHERE id = ?'),
      putEvidence: p(`INSERT INTO evidence (hypothesis_id, interview_id, direction, strength, basis)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT (hypothesis_id, interview_id) DO UPDATE SET direction = excluded.direction,
        strength = excluded.strength, basis = excluded.basis`),
      deleteEvidence: p('DELETE FROM evidence WHERE hypothesis_id = ? AND interview_id = ?'),
      outcomeByUuid: p('SELECT id FROM outcomes WHERE uuid = ?'),
      insertOutcome: p(
        'INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason, by) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      deleteOutcome: p('DELETE FROM outcomes WHERE id = ?'),
      laterOutcomes: p(`SELECT id, uuid, outcome, date, reason, by FROM outcomes
        WHERE hypothesis_id = ? AND date = ? AND uuid > ? ORDER BY uuid`),
      contactsOf: p(`SELECT c.uuid FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
        WHERE ic.interview_id = ?`),
    };
  }

  run(changes: Change[]): MergeResult {
    // who held the conversations and made the decisions arriving: teammates, living, whose names an
    // erasure's scrub leaves ("Kim Lee Smith" of an erased "Kim Lee": wave 15), as the journal's own
    const team = new Set<string>();
    for (const c of changes)
      if (
        (c.kind === 'interview' || c.kind === 'outcome') &&
        typeof (c.data as { by?: unknown } | null)?.by === 'string'
      )
        team.add((c.data as { by: string }).by);
    this.team = [...team];
    // large batches write with the summary and tracking triggers suspended, each summary rebuilt once
    // at the end; one that more than doubles the interviews (an import into a new journal) builds the
    // interviews' indexes once at the end too (src/db/summaries.ts), and has a page cache of 64 MiB
    // rather than 2: the ~190 MB written by an import of the harsh 100k no longer spill out of it
    // into the WAL while the transaction runs (~0.5 s of system time)
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    if (changes.length > 200 && this.opts.bulk !== false) {
      let adding = 0;
      for (const c of changes) if (c.kind === 'interview') adding++;
      const held = this.db.prepare('SELECT count(*) FROM interviews').pluck().get() as number;
      this.summaries.suspend({ indexes: adding > held, tracking: true });
      if (adding > held) this.db.pragma(`cache_size = ${-64 * 1024}`);
    }
    try {
      return this.apply(changes);
    } finally {
      this.db.pragma(`cache_size = ${cache}`);
    }
  }

  private apply(changes: Change[]): MergeResult {
    for (const c of changes) if (c.rev > (this.result.latest ?? '')) this.result.latest = c.rev;
    for (const c of changes) if (c.kind === 'erasure') this.erase(c);
    for (const c of changes)
      if (c.deleted && c.mergedInto && (c.kind === 'account' || c.kind === 'contact'))
        this.mergedAway.set(`${c.kind} ${c.key}`, c);
    for (const c of this.mergedAway.values()) this.oppositeMerge(c);
    const byKind = new Map<RecordKind, Change[]>();
    for (const c of changes) {
      if (c.kind === 'erasure') continue;
      const list = byKind.get(c.kind);
      if (list) list.push(c);
      else byKind.set(c.kind, [c]);
    }
    this.reviveForUnseenLinks(byKind);
    this.undelete(byKind);
    let done = 0;
    const interviews = byKind.get('interview')?.length ?? 0;
    for (const kind of ORDER) {
      // within a kind: records before tombstones, so a merge finds the record it merges into
      const list = (byKind.get(kind) ?? []).sort((a, b) => Number(a.deleted) - Number(b.deleted));
      for (const c of list) {
        if (this.backForLinks.has(`${c.kind} ${c.key}`)) continue;
        this.one(c);
        if (kind === 'interview' && this.opts.onProgress && ++done % (this.opts.progressEvery ?? 5000) === 0)
          this.opts.onProgress(done, interviews);
      }
    }
    for (const back of this.backForLinks) {
      const [kind, key] = back.split(' ');
      this.restampLinks(kind as RecordKind, key);
    }
    if (this.writes === 0) throw new NothingChanged(this.result);
    if (this.rewrite) {
      // the old text's words out of the full-text index, and its bytes out of the file after the commit
      // (src/db/erasure.ts: a pending = 2 mark is a rewrite owed), as forgetContact leaves them
      this.db.prepare("INSERT INTO interviews_fts(interviews_fts) VALUES ('optimize')").run();
      this.db
        .prepare('UPDATE forgotten SET pending = 2 WHERE uuid = (SELECT min(uuid) FROM forgotten WHERE pending = 0)')
        .run();
      this.result.rewrite = true;
    }
    this.refreshIdentityKeys(changes);
    if (this.result.latest) observe(this.db, this.result.latest);
    this.summaries.resume(this.changedExisting ? {} : { interviews: this.lastInterview });
    return this.result;
  }

  /**
   * The same two accounts or contacts merged in opposite directions here and there (fresh-eyes wave 8
   * E30): both journals said they are one, so one stays everywhere, the one with the smaller UUID, as
   * for records created apart. Settled before anything arrives: where this journal kept the smaller,
   * a change of its own keeps it (newer than the arriving tombstone, which then changes nothing);
   * where it kept the larger, its row takes the smaller's UUID as a change of its own, and the larger's
   * arriving tombstone merges it there. Before, each tombstone deleted the record the other journal
   * kept: interviews with nobody, and two journals different for good.
   */
  private oppositeMerge(c: Change): void {
    const kind = c.kind as 'account' | 'contact';
    const into = c.mergedInto as string;
    if (into === c.key || this.resolve(kind, into) !== c.key) return;
    const table = kind === 'account' ? 'accounts' : 'contacts';
    const rowOf = this.db.prepare(`SELECT id FROM ${table} WHERE uuid = ?`).pluck();
    const local = this.local(kind, c.key);
    if (!local || local.deleted || rowOf.get(c.key) === undefined) return;
    this.changedExisting = true;
    if (c.key < into) {
      this.localChange(kind, c.key, mergeVectors(JSON.parse(local.vv) as VersionVector, c.vv), false, null);
      return;
    }
    if (rowOf.get(into) !== undefined) return;
    this.db.prepare(`UPDATE ${table} SET uuid = ? WHERE uuid = ?`).run(into, c.key);
    // the row's field stamps go with it (they are this journal's fields, now under the smaller UUID)
    this.db.prepare('DELETE FROM field_versions WHERE kind = ? AND key = ?').run(kind, into);
    this.db.prepare('UPDATE field_versions SET key = ? WHERE kind = ? AND key = ?').run(into, kind, c.key);
    this.localChange(kind, into, this.vvOf(kind, into), false, null);
    this.resolved.clear();
  }

  /** For writeRecord: the content written as a change of this journal's (tracked). */
  write(kind: RecordKind, key: string, data: RecordDoc): void {
    this.materialize({ kind, key, rev: ORIGIN_VERSION, vv: {}, deleted: false, mergedInto: null, data });
  }

  removeRecord(kind: RecordKind, key: string): void {
    if (kind === 'hypothesis' || kind === 'interview') foldLinkVersions(this.db, kind, key);
    this.remove({ kind, key, rev: ORIGIN_VERSION, vv: {}, deleted: true, mergedInto: null, data: null });
  }

  /**
   * The identity keys pm keeps beside names and emails (issue 16, src/db/identity.ts) for the
   * accounts and contacts this merge wrote: those it added (no key yet) and those it changed.
   */
  private refreshIdentityKeys(changes: Change[]): void {
    const db = this.db;
    const ids = (table: string, kind: string) => {
      const found = new Set(db.prepare(`SELECT id FROM ${table} WHERE name_key IS NULL`).pluck().all() as number[]);
      for (const key of this.rekey) if (key.startsWith(`${kind} `)) found.add(Number(key.slice(kind.length + 1)));
      const byUuid = db.prepare(`SELECT id FROM ${table} WHERE uuid = ?`).pluck();
      for (const c of changes)
        if (c.kind === kind) {
          const id = byUuid.get(c.key) as number | undefined;
          if (id !== undefined) found.add(id);
        }
      return found;
    };
    const accountKeys = accountKeysRefresher(db);
    for (const id of ids('accounts', 'account')) accountKeys(id);
    const contactKeys = contactKeysRefresher(db);
    for (const id of ids('contacts', 'contact')) contactKeys(id);
  }

  // ------------------------------------------------------------ versions

  private local(kind: RecordKind, key: string): LocalVersion | undefined {
    return this.s.version.get(kind, key) as LocalVersion | undefined;
  }

  private putVersion(
    c: { kind: RecordKind; key: string },
    v: VersionVector,
    deleted: boolean,
    into: string | null,
    dirty: boolean,
  ) {
    this.writes++;
    if (into !== null) this.resolved.clear();
    const sorted = sortedVector(v);
    const version = Object.values(sorted).reduce((a, b) => laterVersion(a, b), ORIGIN_VERSION);
    // what an import writes is this journal's to share from now on, whatever version it came with: the
    // team database may never have had it (a colleague who does not sync); pushed where it has, it
    // changes nothing there (fresh-eyes wave 12 G7: an import's records stayed here for good)
    const share = dirty || Boolean(this.opts.fromFile);
    this.s.putVersion.run(c.kind, c.key, version, JSON.stringify(sorted), deleted ? 1 : 0, into, share ? 1 : 0);
  }

  /** A change made here while merging (a merge of duplicates, a scrub): a new version on top of `base`. */
  private localChange(kind: RecordKind, key: string, base: VersionVector, deleted: boolean, into: string | null) {
    const version = tick(this.db);
    this.putVersion({ kind, key }, { ...base, [version.slice(19)]: version }, deleted, into, true);
  }

  /**
   * resolve()'s answers: an import asks for each interview's people and account (~200k lookups for
   * 100k interviews, ~0.4 s); forgotten whenever this merge writes where a record went (putVersion).
   */
  private readonly resolved = new Map<string, string>();

  /** A losing version kept in sync_conflicts (`data` null: the lost side is a deletion). */
  private keepConflict(kind: RecordKind, key: string, kept: string, lost: string, data: object | null): void {
    const id = Number(
      this.s.conflict.run(kind, key, kept, lost, data ? 0 : 1, data ? JSON.stringify(data) : null, this.opts.today)
        .lastInsertRowid,
    );
    this.conflicted.add(`${kind} ${key}`);
    this.result.conflicts++;
    if (deviceOf(lost) === this.device) this.result.ownLost.push({ id, kind, key });
  }

  /**
   * The version here, made here, lost a conflict in the journal that met it next (G3): that journal
   * kept it and its sync named it beside the version that won, which arrives now knowing it (newer).
   * Kept here too, so that whoever typed it finds it in their own pm sync conflicts and can bring it
   * back; for an account or contact only the fields that lost, the rest as merged.
   */
  private keepOwnLoss(c: Change, local: LocalVersion): void {
    const named = c.lost?.find((l) => l.rev === local.version);
    if (!named || deviceOf(local.version) !== this.device) return;
    const known = this.db.prepare('SELECT 1 FROM sync_conflicts WHERE kind = ? AND key = ? AND lost_version = ?');
    if (known.get(c.kind, c.key, local.version)) return;
    const here = local.deleted ? null : (readRecords(this.db, c.kind, [c.key]).get(c.key) ?? null);
    let lost = here && withoutVersion(here);
    if (lost && c.data && !c.deleted && isPeople(c.kind) && named.fields) {
      const mine = lost as unknown as Record<string, unknown>;
      const fields = named.fields.filter((f) =>
        (STAMPED_FIELDS[c.kind as 'account' | 'contact'] as readonly string[]).includes(f),
      );
      lost = { ...withoutVersion(c.data), ...Object.fromEntries(fields.map((f) => [f, mine[f] ?? null])) } as RecordDoc;
    }
    if (contentOf(lost) === contentOf(c.deleted ? null : c.data)) return;
    const copy = conflictCopy(this.db, c.kind, c.key, lost as Record<string, unknown> | null, this.erased);
    if (copy) this.keepConflict(c.kind, c.key, c.rev, local.version, copy.doc);
    else this.result.dropped.push({ kind: c.kind, key: c.key, rev: local.version, own: true });
  }

  /**
   * A teammate settled a conflict this journal keeps too (fresh-eyes wave 16 H8): their change was made
   * knowing both sides and is what lost (`pm sync resolve ID lost` there). Kept as it was, the list here
   * offered the same text twice, "kept" (the record now) and "lost", and the version the teammate's choice
   * replaced was nowhere. The conflict leaves the list; where the version it replaces is this journal's own
   * (the kept side: the edit made here won at first), that version is the lost side now, said at this
   * sync as any own loss is, so that nothing typed here goes without a word.
   */
  private settleConflicts(c: Change, local: LocalVersion): void {
    if (!this.conflicted.has(`${c.kind} ${c.key}`)) return;
    const incoming = contentOf(c.deleted ? null : c.data);
    const rows = this.s.conflictsOf.all(c.kind, c.key) as {
      id: number;
      kept: string;
      lost: string;
      data: string | null;
    }[];
    for (const row of rows) {
      if (!knows(c.vv, row.kept) || !knows(c.vv, row.lost)) continue;
      if (contentOf(row.data === null ? null : (JSON.parse(row.data) as RecordDoc)) !== incoming) continue;
      this.s.dropConflict.run(row.id);
      if (row.kept !== local.version || deviceOf(local.version) !== this.device) continue;
      const here = local.deleted ? null : (readRecords(this.db, c.kind, [c.key]).get(c.key) ?? null);
      if (contentOf(here) === incoming) continue;
      const mine = here && withoutVersion(here);
      const copy = conflictCopy(this.db, c.kind, c.key, mine as Record<string, unknown> | null, this.erased);
      if (copy) this.keepConflict(c.kind, c.key, c.rev, local.version, copy.doc);
    }
  }

  /** Where references to this account or contact now go (it may have been merged into another). */
  private resolve(kind: 'account' | 'contact', uuid: string): string {
    const known = this.resolved.get(`${kind} ${uuid}`);
    if (known !== undefined) return known;
    let current = uuid;
    for (let i = 0; i < 20; i++) {
      const next = this.s.mergedInto.pluck().get(kind, current) as string | undefined;
      if (!next) break;
      current = next;
    }
    this.resolved.set(`${kind} ${uuid}`, current);
    return current;
  }

  // ------------------------------------------------------------ one change

  private one(c: Change): void {
    const counts = this.result.kinds[c.kind as Exclude<RecordKind, 'erasure'>];
    const local = this.local(c.kind, c.key);
    if (!local) {
      if (c.deleted) {
        // a deletion of something never seen here: remember it, so the record never arrives after it
        this.putVersion(c, c.vv, true, c.mergedInto, false);
        counts.unseen++;
        return;
      }
      const applied = this.materialize(c);
      // a record new here whose text was scrubbed of an erased person is added, not "updated" (eyes2 F4)
      this.count(counts, applied === 'scrubbed' ? 'added' : applied, false);
      if (applied === 'matched' || applied === 'leftOut') return;
      if (applied === 'keptHere') this.putVersion(c, this.pendingVersion!, false, null, true);
      else if (applied === 'scrubbed') this.localChange(c.kind, c.key, c.vv, false, null);
      else this.putVersion(c, c.vv, false, null, false);
      if (applied === 'keptHere' || applied === 'united') this.putStamps(c.kind, c.key, this.pendingStamps);
      else if (isPeople(c.kind)) {
        // a record new here: no row of stamps needed for one that has none (each field as made)
        const stamps = this.stampsReceived(c, undefined);
        if (Object.keys(stamps).length > 0) this.putStamps(c.kind, c.key, stamps);
      }
      return;
    }
    const localVv = JSON.parse(local.vv) as VersionVector;
    // a scrub of this record by an erasure that came with the changes is no edit of the user's: a change
    // made knowing the version before it (a teammate's deletion, or edit) is newer, and takes the
    // record with its own vector (the scrub's version never left this journal); a concurrent one meets
    // the user's version, the later winning (review wave 18 R5: the scrub's, made now, always won)
    const scrubbed = this.opts.scrubbedFrom?.get(`${c.kind} ${c.key}`);
    const order = compareVectors(c.vv, scrubbed?.vv ?? localVv);
    if (order === 'older' || order === 'equal') {
      if (this.outcomeOfRevived(c, local)) {
        this.count(counts, this.materialize(c), false);
        this.localChange('outcome', c.key, mergeVectors(localVv, c.vv), false, null);
      } else if (this.linkOfRevived(c, local)) {
        this.writes++;
        this.count(counts, this.evidence(c.data as EvidenceDoc), false);
      } else if (local.deleted && !c.deleted && (c.kind === 'interview' || c.kind === 'hypothesis')) {
        // deleted here, not "already in the journal": the import names it, with how to bring it back (H4)
        this.result.keptDeleted.push(`${c.kind} ${c.key}`);
      } else if (!(local.deleted && !c.deleted && c.kind === 'outcome')) counts.unchanged++;
      return;
    }
    if ((c.kind === 'hypothesis' || c.kind === 'interview') && c.deleted && !local.deleted && this.linkUnseen(c)) {
      // evidence linked here that the deletion elsewhere never saw (its tombstone's vector does not hold
      // the link's version: made after the deletion, or before it but not yet traded) is a change of the
      // record the deleting journal did not know of, as an edit would be: the record stays, with its
      // links, sent again, and the deletion is the conflict's lost side (fresh-eyes wave 8 E23 addendum;
      // wave 9 for links made before the deletion, and for interviews: before, the links vanished on
      // both journals with no word)
      this.localChange(c.kind, c.key, mergeVectors(localVv, c.vv), false, null);
      const kept = (this.local(c.kind, c.key) as LocalVersion).version;
      if (conflictCopy(this.db, c.kind, c.key, null, this.erased)) {
        this.keepConflict(c.kind, c.key, kept, c.rev, null);
      }
      counts.unchanged++;
      this.restampLinks(c.kind, c.key);
      return;
    }
    if (c.kind === 'outcome' && c.deleted && !local.deleted && this.s.outcomeByUuid.get(c.key) !== undefined) {
      // an outcome's tombstone comes with its hypothesis's deletion (outcomes are never deleted alone):
      // the hypothesis lives here (a later edit beat the deletion), so its decisions stay with it, as a
      // change of this journal's that travels on (fresh-eyes wave 8 E35)
      this.localChange('outcome', c.key, mergeVectors(localVv, c.vv), false, null);
      counts.unchanged++;
      return;
    }
    if (order === 'newer') {
      this.settleConflicts(c, local);
      this.keepOwnLoss(c, local);
      this.take(c, local, c.vv, counts, false);
      return;
    }
    // concurrent: the later version wins; the loser is kept unless both say the same
    const merged = mergeVectors(localVv, c.vv);
    // a merge into another record is final, as an erasure is: it wins over a concurrent edit
    const remoteWins = c.mergedInto
      ? !local.merged_into || laterVersion(c.rev, local.version) === c.rev
      : local.merged_into
        ? false
        : laterVersion(c.rev, scrubbed?.version ?? local.version) === c.rev;
    const localDoc = local.deleted ? null : (readRecords(this.db, c.kind, [c.key]).get(c.key) ?? null);
    const remoteDoc = c.deleted ? null : c.data;
    const people = this.peopleVersions(c, local, localDoc, remoteDoc);
    if (people) {
      this.concurrentFields(c, local, merged, remoteWins, people, counts);
      return;
    }
    if (contentOf(localDoc) !== contentOf(remoteDoc)) {
      const [keptRev, lostRev, lostVersion] = remoteWins
        ? [c.rev, local.version, localDoc]
        : [local.version, c.rev, remoteDoc];
      // listed as the kept record is: without its version, which is the conflict's lost_version
      const lostDoc = lostVersion && withoutVersion(lostVersion);
      // an erased person's record, or an interview they attended, is let go; any other loses their name
      const copy = conflictCopy(this.db, c.kind, c.key, lostDoc as Record<string, unknown> | null, this.erased);
      const own = deviceOf(lostRev) === this.device;
      if (copy) this.keepConflict(c.kind, c.key, keptRev, lostRev, copy.doc);
      else this.result.dropped.push({ kind: c.kind, key: c.key, rev: lostRev, own });
    }
    if (remoteWins) this.take(c, local, merged, counts, true);
    else {
      // this journal's version stays, now knowing the other: it travels on with both in its vector
      this.putVersion(c, merged, Boolean(local.deleted), local.merged_into, true);
      counts.unchanged++;
      if (c.deleted && !local.deleted) this.restampLinks(c.kind, c.key);
      if (local.merged_into && remoteDoc && isPeople(c.kind)) this.fillMergedInto(c.kind, local.merged_into, remoteDoc);
    }
  }

  /**
   * A teammate's edit of an account or contact merged away here, made not knowing of the merge
   * (fresh-eyes wave 8 E29). The teammate's journal, receiving the merge, fills the kept record's
   * empty fields from its copy of the going one (mergeContacts, mergeAccounts); this journal fills
   * them the same from the edit it receives, as a change of its own that travels on, so both end the
   * same. Before, the edit reached the kept record in the teammate's journal only.
   */
  private fillMergedInto(kind: 'account' | 'contact', into: string, edited: RecordDoc): void {
    const key = this.resolve(kind, into);
    const here = readRecords(this.db, kind, [key]).get(key) as Record<string, unknown> | undefined;
    const doc = edited as unknown as Record<string, unknown>;
    if (!here || here.forgotten || doc.forgotten) return;
    const fields = kind === 'account' ? ['segment', 'cadenceDays'] : ['email', 'segment', 'persona'];
    const filled = fields.filter((f) => (here[f] ?? null) === null && (doc[f] ?? null) !== null);
    // an email another contact here has is theirs (the teammate's journal could not have held both)
    const taken = (e: unknown) => this.s.contactByEmail.get(e) !== undefined;
    const fill = filled.filter((f) => f !== 'email' || !taken(doc.email));
    if (fill.length === 0) return;
    const data = { ...here, ...Object.fromEntries(fill.map((f) => [f, doc[f]])), uuid: key } as unknown as RecordDoc;
    const applied = this.materialize({
      kind,
      key,
      rev: ORIGIN_VERSION,
      vv: {},
      deleted: false,
      mergedInto: null,
      data,
    });
    if (applied !== 'updated' && applied !== 'scrubbed') return;
    this.changedExisting = true;
    this.rekey.add(`${kind} ${this.db.prepare(`SELECT id FROM ${kind}s WHERE uuid = ?`).pluck().get(key) as number}`);
    this.filledHere(kind, key, here);
  }

  /**
   * The kept record of a merge, with fields filled here (from the going record, or from an edit of
   * it): a change of this journal's, each filled field stamped with it, so that it travels on and the
   * other journals hold the same (fresh-eyes wave 8 E29).
   */
  private filledHere(kind: 'account' | 'contact', key: string, before: Record<string, unknown> | undefined): void {
    const after = readRecords(this.db, kind, [key]).get(key) as Record<string, unknown> | undefined;
    if (!before || !after || after.forgotten) return;
    const changed = STAMPED_FIELDS[kind].filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    if (changed.length === 0) return;
    const base = this.local(kind, key);
    this.localChange(kind, key, base ? (JSON.parse(base.vv) as VersionVector) : {}, false, null);
    const version = (this.local(kind, key) as LocalVersion).version;
    const stamps: FieldVersions = { ...fieldStamps(base?.fields ?? null) };
    for (const f of changed) stamps[f] = version;
    this.putStamps(kind, key, stamps);
  }

  /**
   * Links go with their interview or hypothesis when it is deleted, without tombstones of their own
   * (their key is read from the deleted row). When a later edit elsewhere brings the record back, the
   * links that journal still has must come back here too, or the two journals differ for good
   * (fresh-eyes E23). Two halves: the journal whose edit won sends its links again as changes of its
   * own (restampLinks, for syncs, which send only what changed); the journal where the record comes
   * back takes a link it holds an equal version of when its row is gone (this, for an import of a
   * whole export, which holds the links unchanged).
   */
  private readonly revived = new Set<string>();

  /** an erased person's interview was rewritten: the file is rewritten after the commit */
  private rewrite = false;

  /**
   * Does this journal hold a link of the record that `c`, its tombstone, never saw? `pm delete` folds
   * the links' vectors into the record's before its tombstone is made (foldLinkVersions), so a link
   * the deleting journal had is covered; one it never had has a version its device's entry lacks. A
   * tombstone of an earlier pm folded nothing: its record then stays for any link here (kept, not lost).
   */
  private linkUnseen(c: Change): boolean {
    const links = linkVersions(this.db, c.kind as 'hypothesis' | 'interview', c.key);
    return links.some(({ version }) => (c.vv[deviceOf(version)] ?? '') < version);
  }

  /** interviews and hypotheses brought back by reviveForUnseenLinks (`kind key`): their own change is applied */
  private readonly backForLinks = new Set<string>();

  /**
   * The other half of linkUnseen (wave 10 E2): a link changed (or made) elsewhere arrives for an
   * interview or hypothesis deleted here, and this journal's tombstone does not hold the link's version,
   * so the deletion never saw that change. As for a tombstone meeting such a link, the record stays:
   * it comes back here from the content the changes carry (an export holds it whole; pm sync fetches
   * it, src/db/remote.ts), as a change of this journal's knowing both, its links sent again, and the
   * deletion is the conflict's lost side here. Before, the link was left out with no word, the record
   * came back an exchange later under a new id, and nothing said why. Only where the record's own
   * version is one the deletion saw: a record changed elsewhere meanwhile is a concurrent edit (one()).
   */
  private reviveForUnseenLinks(byKind: Map<RecordKind, Change[]>): void {
    const links = byKind.get('evidence');
    if (!links) return;
    const deleted = tombstonedRecords(this.db);
    if (deleted.size === 0) return;
    for (const link of links) {
      if (link.deleted) continue;
      const [interview, hypothesis] = link.key.split('/');
      for (const [kind, key] of [
        ['interview', interview],
        ['hypothesis', hypothesis],
      ] as const) {
        if (!deleted.has(`${kind} ${key}`) || this.backForLinks.has(`${kind} ${key}`)) continue;
        const local = this.local(kind, key);
        if (!local?.deleted) continue;
        const tombstone = JSON.parse(local.vv) as VersionVector;
        if ((tombstone[deviceOf(link.rev)] ?? '') >= link.rev) continue;
        const record = byKind.get(kind)?.find((c) => c.key === key && !c.deleted && c.data);
        if (!record || !['older', 'equal'].includes(compareVectors(record.vv, tombstone))) continue;
        const applied = this.materialize(record);
        if (applied === 'leftOut' || applied === 'matched') continue;
        this.changedExisting = true;
        this.revived.add(`${kind} ${key}`);
        this.backForLinks.add(`${kind} ${key}`);
        this.localChange(kind, key, mergeVectors(tombstone, record.vv), false, null);
        this.result.kinds[kind].added++;
        const kept = (this.local(kind, key) as LocalVersion).version;
        if (conflictCopy(this.db, kind, key, null, this.erased)) {
          this.keepConflict(kind, key, kept, local.version, null);
        }
      }
    }
  }

  /**
   * The interviews and hypotheses the user asked back (MergeOptions.undelete; fresh-eyes wave 14 H4):
   * deleted here, held by the changes, they come back as reviveForUnseenLinks brings a record back:
   * written from the file's content (an erased person in it is scrubbed as in any arriving record),
   * as a change of this journal's knowing the deletion, so a teammate who received the deletion takes
   * it back too, and their links and a hypothesis's outcomes with them. Any other deletion stays.
   */
  private undelete(byKind: Map<RecordKind, Change[]>): void {
    for (const wanted of this.opts.undelete ?? []) {
      const [kind, key] = wanted.split(' ') as ['interview' | 'hypothesis', string];
      if (this.backForLinks.has(wanted)) {
        this.result.undeleted.push(wanted);
        continue;
      }
      const local = this.local(kind, key);
      const record = byKind.get(kind)?.find((c) => c.key === key && !c.deleted && c.data);
      if (!local?.deleted || !record) continue;
      const applied = this.materialize(record);
      if (applied === 'leftOut' || applied === 'matched') continue;
      this.changedExisting = true;
      this.revived.add(wanted);
      this.backForLinks.add(wanted);
      this.localChange(kind, key, mergeVectors(JSON.parse(local.vv) as VersionVector, record.vv), false, null);
      this.result.kinds[kind].added++;
      this.result.undeleted.push(wanted);
    }
  }

  /** An outcome of a hypothesis brought back by this merge, deleted here with it (fresh-eyes wave 8 E35). */
  private outcomeOfRevived(c: Change, local: LocalVersion): boolean {
    if (c.kind !== 'outcome' || c.deleted || !local.deleted || this.revived.size === 0) return false;
    return this.revived.has(`hypothesis ${(c.data as OutcomeDoc).hypothesisUuid}`);
  }

  private linkOfRevived(c: Change, local: LocalVersion): boolean {
    if (c.kind !== 'evidence' || c.deleted || local.deleted || this.revived.size === 0) return false;
    const [i, h] = c.key.split('/');
    return this.revived.has(`interview ${i}`) || this.revived.has(`hypothesis ${h}`);
  }

  /** This journal's links of an interview or hypothesis, as new changes of its own (see revived). */
  private restampLinks(kind: RecordKind, key: string): void {
    if (kind !== 'interview' && kind !== 'hypothesis') return;
    const links = this.db
      .prepare(
        `SELECT i.uuid || '/' || h.uuid FROM evidence e
          JOIN interviews i ON i.id = e.interview_id JOIN hypotheses h ON h.id = e.hypothesis_id
          WHERE ${kind === 'interview' ? 'i' : 'h'}.uuid = ?`,
      )
      .pluck()
      .all(key) as string[];
    for (const link of links) {
      const known = this.local('evidence', link);
      this.localChange('evidence', link, known ? (JSON.parse(known.vv) as VersionVector) : {}, false, null);
    }
  }

  /**
   * Two concurrent versions of one account or contact, both live (neither deleted, merged away nor
   * erased): compared field by field, as two copies created apart are (unite). null for any other.
   */
  private peopleVersions(
    c: Change,
    local: LocalVersion,
    localDoc: RecordDoc | null,
    remoteDoc: RecordDoc | null,
  ): [AccountDoc | ContactDoc, AccountDoc | ContactDoc] | null {
    if (c.kind !== 'account' && c.kind !== 'contact') return null;
    if (!localDoc || !remoteDoc || c.mergedInto || local.merged_into) return null;
    if ((localDoc as ContactDoc).forgotten || (remoteDoc as ContactDoc).forgotten) return null;
    // a contact's account as this journal knows it (the version may name one merged away since)
    const remote =
      c.kind === 'contact'
        ? { ...(remoteDoc as ContactDoc), accountUuid: this.resolve('account', (remoteDoc as ContactDoc).accountUuid) }
        : (remoteDoc as AccountDoc);
    return [localDoc as AccountDoc | ContactDoc, remote];
  }

  /**
   * Concurrent versions of an account or contact (fresh-eyes E2, E16, reviewer R4), merged field by
   * field against what both last shared (mergeVersions, src/core/unite.ts): a field changed on one
   * side takes that change, an emptied one included, with no conflict; a field both changed
   * differently keeps the later change, and the merged record with the other value is the conflict.
   * A version from an earlier pm's file has no field stamps: the rule for copies made apart then
   * (the later version's fields, each it left empty filled from the other). Content neither version
   * had is a change of this journal's, made knowing both: the other journals take it whole.
   */
  private concurrentFields(
    c: Change,
    local: LocalVersion,
    merged: VersionVector,
    remoteWins: boolean,
    [localDoc, remoteDoc]: [AccountDoc | ContactDoc, AccountDoc | ContactDoc],
    counts: KindCounts,
  ): void {
    const kind = c.kind as 'account' | 'contact';
    const fields = STAMPED_FIELDS[kind];
    const mine = { doc: localDoc, stamps: fieldStamps(local.fields), vv: JSON.parse(local.vv) as VersionVector };
    const theirStamps = (c.data as AccountDoc | ContactDoc).fieldVersions;
    const winner = remoteWins ? remoteDoc : localDoc;
    let result: { content: AccountDoc | ContactDoc; lost: AccountDoc | ContactDoc | null; stamps: FieldVersions };
    if (theirStamps)
      result = mergeVersions(fields, mine, { doc: remoteDoc, stamps: theirStamps, vv: c.vv }, remoteWins);
    else {
      const united = uniteCopies(winner, remoteWins ? localDoc : remoteDoc);
      result = { ...united, stamps: stampsFrom(fields, united.content, mine, c.rev) };
    }
    const { content, lost, stamps } = result;
    if (lost) this.keepUnitedLoser(kind, c.key, remoteWins ? [c.rev, local.version] : [local.version, c.rev], lost);
    if (sameFields(content, winner)) {
      if (remoteWins) this.take(c, local, merged, counts, true);
      else {
        this.putVersion(c, merged, false, null, true);
        counts.unchanged++;
      }
      this.putStamps(kind, c.key, stamps);
      return;
    }
    const applied = this.materialize({ ...c, data: { ...content, uuid: c.key } });
    this.count(counts, applied, true);
    if (applied === 'matched' || applied === 'leftOut') return;
    this.localChange(kind, c.key, merged, false, null);
    this.putStamps(kind, c.key, stamps);
  }

  /** An account's or contact's field stamps (field_versions), as they now stand. */
  private putStamps(kind: RecordKind, key: string, stamps: FieldVersions): void {
    this.s.putFields.run(kind, key, JSON.stringify(Object.fromEntries(Object.entries(stamps).sort())));
  }

  /**
   * The field stamps of an account or contact received whole: those it came with; from an earlier
   * pm's file (none), each field that differs from the record here stamped with the version received
   * (a record from a file without versions: none, as made).
   */
  private stampsReceived(c: Change, local: LocalVersion | undefined): FieldVersions {
    const d = c.data as AccountDoc | ContactDoc;
    if (d.fieldVersions) return d.fieldVersions;
    if (c.rev === ORIGIN_VERSION) return {};
    const fields = STAMPED_FIELDS[c.kind as 'account' | 'contact'];
    const here = local && !local.deleted ? readRecords(this.db, c.kind, [c.key]).get(c.key) : undefined;
    if (!here) return Object.fromEntries(fields.map((f) => [f, c.rev]));
    return stampsFrom(fields, d, { doc: here as AccountDoc | ContactDoc, stamps: fieldStamps(local!.fields) }, c.rev);
  }

  /** Apply the received version over the local one; `vv` is what the record's vector becomes. */
  private take(c: Change, local: LocalVersion, vv: VersionVector, counts: KindCounts, dirty: boolean): void {
    if (local.deleted && !c.deleted) this.revived.add(`${c.kind} ${c.key}`);
    if (c.deleted) {
      if (!local.deleted) this.remove(c);
      counts.deleted++;
      this.putVersion(c, vv, true, c.mergedInto, dirty);
      return;
    }
    const stamps = isPeople(c.kind) ? this.stampsReceived(c, local) : null;
    const applied = this.materialize(c);
    this.count(counts, applied, !local.deleted);
    if (applied === 'matched' || applied === 'leftOut') return;
    if (applied === 'keptHere') this.putVersion(c, mergeVectors(vv, this.pendingVersion!), false, null, true);
    else if (applied === 'scrubbed') this.localChange(c.kind, c.key, vv, false, null);
    else this.putVersion(c, vv, false, null, dirty);
    if (applied === 'keptHere' || applied === 'united') this.putStamps(c.kind, c.key, this.pendingStamps);
    else if (stamps) this.putStamps(c.kind, c.key, stamps);
  }

  private count(counts: KindCounts, applied: Applied, existed: boolean): void {
    if (applied === 'matched' || applied === 'keptHere' || applied === 'united') {
      // two records the changes brought, found to be one: nothing of this journal's was matched
      if (this.joinedOwn) counts.joined++;
      else counts.matched++;
      this.joinedOwn = false;
    } else if (applied === 'leftOut' || applied === 'keptErased') counts.leftOut++;
    else if (applied === 'added' && !existed) counts.added++;
    else counts.updated++;
  }

  // ------------------------------------------------------------ erasures

  /** Erase a contact of this journal's as pm forget does, and remember it (its erasure travels on). */
  private forgetHere(id: number): void {
    const person = this.db.prepare('SELECT uuid, name, email FROM contacts WHERE id = ?').get(id) as {
      uuid: string;
      name: string;
      email: string | null;
    };
    this.scrubbedHere(forgetContact(this.db, id, this.erased));
    recordErasure(this.db, person, this.opts.today, 2);
    this.changedExisting = true;
  }

  /** What erasing one of this journal's people scrubbed of its own text (import's counts say so). */
  private scrubbedHere(r: ForgetResult): void {
    const here = this.result.scrubbedHere;
    here.interviews += r.interviews;
    here.quotes += r.quotes;
    here.mentions += r.mentions;
  }

  private erase(c: Change): void {
    const known = this.local('erasure', c.key);
    if (!known) {
      // a person this journal merged into another is that other (fresh-eyes wave 8 E31): erased too
      const into = this.resolve('contact', c.key);
      const row = this.s.contactByUuid.get(into) as { id: number; forgotten: number } | undefined;
      // as pm forget does: scrubbed, and remembered (with this journal's hashes); the file is
      // rewritten once the merge is committed (pending 2: by the caller, else the next pm command)
      if (row && !row.forgotten) this.forgetHere(row.id);
      if (into !== c.key || !row || row.forgotten) this.s.forget.run(c.key);
      this.writes++;
      this.result.erased++;
      this.putVersion(c, c.vv, false, null, false);
    }
  }

  // ------------------------------------------------------------ content

  /** erasedEmailCheck, built at the first contact with an email written (after this merge's erasures) */
  private erasedEmail: ((email: string) => boolean) | null | undefined;

  /** hashedScrubber, built at the first record written (after this merge's erasures); null: nobody erased */
  private scrubber: ReturnType<typeof hashedScrubber> | undefined;

  /** scrubOfErased's reads of the journal, made at the first record it scrubs (after the contacts) */
  private scrubAt: ScrubContextOf | undefined;

  /**
   * Write a record's content. Whatever arrives after an erasure (a teammate's newer edit naming the
   * erased person, say) is written scrubbed of the people this journal knows by hashes only, as
   * losing versions are (conflictCopy): 'scrubbed', so the record gets a new version of this
   * journal's, which travels on and brings the others the scrubbed text. Contacts and accounts are
   * left as they come (an erased contact is let go by UUID; a namesake is another person unless at
   * the erased person's account with no email telling them apart: contact()), but for an erased
   * person's email, which is that person whatever the name beside it.
   */
  private materialize(c: Change): Applied {
    // an email is a person: one this journal erased does not come back on another contact (E31)
    const email = c.kind === 'contact' ? (c.data as ContactDoc | null)?.email : null;
    if (email) {
      if (this.erasedEmail === undefined) this.erasedEmail = erasedEmailCheck(this.db);
      if (this.erasedEmail?.(email)) {
        const applied = this.materializeAs({ ...c, data: { ...(c.data as ContactDoc), email: null } });
        return applied === 'added' || applied === 'updated' ? 'scrubbed' : applied;
      }
    }
    if (c.data && SCRUBBED_KINDS.has(c.kind)) {
      if (this.scrubber === undefined) this.scrubber = hashedScrubber(this.db, undefined, this.team);
      // in a conversation an erased person attended, a one-word name of theirs is them (F11)
      const attendedBy = c.kind === 'interview' ? (c.data as InterviewDoc).contactUuids : undefined;
      let scrubbed = this.scrubber?.(c.data, { attendedBy });
      // the people erased by this merge (or by the command running it) are known by name until it ends
      if (this.erased.length > 0) {
        this.scrubAt ??= scrubContext(this.db, this.team);
        scrubbed = scrubOfErased(c.kind, c.key, scrubbed ?? c.data, this.erased, this.scrubAt);
      }
      if (scrubbed !== undefined && JSON.stringify(scrubbed) !== JSON.stringify(c.data)) {
        const applied = this.materializeAs({ ...c, data: scrubbed as RecordDoc });
        return applied === 'added' || applied === 'updated' ? 'scrubbed' : applied;
      }
    }
    return this.materializeAs(c);
  }

  private storedSetting(key: string): string | null {
    return (this.db.prepare('SELECT value FROM config WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  private materializeAs(c: Change): Applied {
    switch (c.kind) {
      case 'setting': {
        const d = c.data as SettingDoc;
        // a setting the journal left at its default is added (an empty journal took the file's), not updated
        const stored = this.storedSetting(d.key);
        setConfigValue(this.db, d.key as ConfigKey, d.value);
        if (stored !== String(d.value))
          this.result.settingsChanged.push({ key: d.key, from: stored, to: String(d.value) });
        return stored !== null ? 'updated' : 'added';
      }
      case 'account':
        return this.account(c.data as AccountDoc);
      case 'contact':
        return this.contact(c.data as ContactDoc);
      case 'hypothesis':
        return this.hypothesis(c.data as HypothesisDoc);
      case 'interview':
        return this.interview(c.data as InterviewDoc);
      case 'evidence':
        return this.evidence(c.data as EvidenceDoc);
      case 'outcome':
        return this.outcome(c.data as OutcomeDoc);
      case 'opportunity':
        return this.opportunity(c.data as OpportunityDoc);
      default:
        return 'leftOut';
    }
  }

  private remove(c: Change): void {
    const db = this.db;
    switch (c.kind) {
      case 'setting': {
        const stored = this.storedSetting(c.key);
        unsetConfigValue(db, c.key as ConfigKey);
        if (stored !== null) this.result.settingsChanged.push({ key: c.key, from: stored, to: null });
        return;
      }
      case 'account':
      case 'contact': {
        const find = c.kind === 'account' ? this.s.accountByUuid : this.s.contactByUuid;
        type Found = { id: number; forgotten?: number };
        const row = find.get(c.key) as Found | undefined;
        const target = c.mergedInto && (find.get(this.resolve(c.kind, c.mergedInto)) as Found | undefined);
        if (row && target && row.id !== target.id) {
          this.changedExisting = true;
          const into = this.resolve(c.kind, c.mergedInto as string);
          const before = readRecords(db, c.kind, [into]).get(into) as Record<string, unknown> | undefined;
          if (c.kind === 'account') mergeAccounts(db, row.id, target.id);
          else {
            // this journal's copy of a person erased where the two were made one: erased here too, as
            // pm forget does (their interviews scrubbed, the file rewritten), before it joins them
            const gone = target.forgotten && !row.forgotten ? row.id : undefined;
            // and the other way (fresh-eyes wave 8 E31): a person erased here whom a teammate made one
            // with another is that other too; kept, the other would carry their email and quotes back
            const other = row.forgotten && !target.forgotten ? target.id : gone;
            if (other !== undefined) {
              this.forgetHere(other);
              this.result.erased++;
            }
            mergeContacts(db, row.id, target.id);
          }
          // the kept record's empty fields filled from the going one: a change of this journal's
          this.filledHere(c.kind, into, before);
        }
        return;
      }
      case 'interview': {
        const id = this.s.interviewByUuid.pluck().get(c.key) as number | undefined;
        if (id !== undefined) {
          this.changedExisting = true;
          const record = loadInterview(db, id);
          if (record) this.result.removed.push({ kind: 'interview', record });
          this.writer.remove(id);
        }
        return;
      }
      case 'hypothesis': {
        const id = this.s.hypothesisByUuid.pluck().get(c.key) as number | undefined;
        if (id !== undefined) {
          const statement = db.prepare('SELECT statement FROM hypotheses WHERE id = ?').pluck().get(id) as string;
          this.result.removed.push({ kind: 'hypothesis', id: `H${id}`, statement });
          this.db.prepare(REMEMBER_DELETED_ID.hypothesis).run(id);
          this.s.deleteHypothesis.run(id);
        }
        return;
      }
      case 'evidence': {
        const [i, h] = c.key.split('/');
        const iid = this.s.interviewByUuid.pluck().get(i) as number | undefined;
        const hid = this.s.hypothesisByUuid.pluck().get(h) as number | undefined;
        if (iid !== undefined && hid !== undefined) this.s.deleteEvidence.run(hid, iid);
        return;
      }
      case 'outcome': {
        const id = this.s.outcomeByUuid.pluck().get(c.key) as number | undefined;
        if (id !== undefined) this.s.deleteOutcome.run(id);
        return;
      }
      case 'opportunity':
        db.prepare('DELETE FROM opportunities WHERE uuid = ?').run(c.key);
        return;
    }
  }

  /**
   * Two records that are one (an account or contact made on two journals): the one with the smaller
   * UUID stays, the other becomes a tombstone merged into it, here and (through the tombstone)
   * everywhere. What it holds (src/core/unite.ts): a copy made knowing the other (a union made
   * elsewhere) whole; two copies made apart, the later one's fields, each it left empty filled from
   * the other, and where both typed a field differently the other copy is kept as a conflict. Every
   * journal that unites the two decides the same, so all end with the same record. `write` puts
   * `doc`'s fields into the row here, under the staying UUID.
   */
  private unite<D extends AccountDoc | ContactDoc>(
    kind: 'account' | 'contact',
    d: D,
    existing: { id: number; uuid: string },
    write: (uuid: string, rowId: number, doc: D) => void,
  ): Applied {
    const inVv = d.vv ?? {};
    const mine = this.local(kind, existing.uuid);
    const myVv: VersionVector = mine ? JSON.parse(mine.vv) : {};
    const [myVersion, inVersion] = [maxVersion(myVv), maxVersion(inVv)];
    const staying = existing.uuid < d.uuid ? existing.uuid : d.uuid;
    const going = staying === d.uuid ? existing.uuid : d.uuid;
    const here = readRecords(this.db, kind, [existing.uuid]).get(existing.uuid) as D;
    this.joinedOwn = this.addedRows.has(`${kind} ${existing.id}`);
    // a copy whose vector holds every change of the other's was made knowing it: a union made
    // elsewhere and changed since, say (a vector with no change, from a file without versions,
    // knows nothing: the copy made apart from it is not one made knowing it)
    const order = compareVectors(inVv, myVv);
    const inKnew = order === 'newer' && Object.keys(myVv).length > 0;
    const iKnew = order === 'older' && Object.keys(inVv).length > 0;
    const inLater = inKnew || (!iKnew && (inVersion > myVersion || (inVersion === myVersion && staying === d.uuid)));
    const [later, earlier]: D[] = inLater ? [d, here] : [here, d];
    const { content, lost }: United<D> =
      inKnew || iKnew ? { content: later, lost: null } : uniteCopies(later, earlier, { names: true });
    // the going record's tombstone: the one the journal that united them first wrote, when it came
    // along (both journals then hold the same version of it), else one of this journal's
    const goingVv = going === d.uuid ? inVv : myVv;
    const away = this.mergedAway.get(`${kind} ${going}`);
    if (away?.mergedInto === staying && ['newer', 'equal'].includes(compareVectors(away.vv, goingVv)))
      this.putVersion(away, away.vv, true, staying, false);
    else this.localChange(kind, going, goingVv, true, staying);
    this.changedExisting = true;
    const table = kind === 'account' ? 'accounts' : 'contacts';
    if (staying !== existing.uuid)
      this.db.prepare(`UPDATE ${table} SET uuid = ? WHERE id = ?`).run(staying, existing.id);
    const asHere = sameFields(content, here);
    const asIncoming = sameFields(content, d);
    if (!asHere) {
      write(staying, existing.id, content);
      // its name or email may be the other copy's now: its keys follow (fresh-eyes wave 8 E28)
      this.rekey.add(`${kind} ${existing.id}`);
    }
    if (lost) this.keepUnitedLoser(kind, staying, inLater ? [inVersion, myVersion] : [myVersion, inVersion], lost);
    let made = mergeVectors(myVv, inVv);
    let ticked = '';
    if (staying === existing.uuid ? !asHere : !asHere && !asIncoming) {
      // the staying record with content it did not have: a change of this journal's
      ticked = tick(this.db);
      made = { ...made, [deviceOf(ticked)]: ticked };
    }
    // each field's stamp (schema 35): a copy from an earlier pm's file has none, so each of its
    // fields is stamped with its version (one from a file without versions: as made)
    const hereStamps = fieldStamps(mine?.fields ?? null);
    const inStamps =
      d.fieldVersions ??
      (inVersion === ORIGIN_VERSION ? {} : Object.fromEntries(STAMPED_FIELDS[kind].map((f) => [f, inVersion])));
    const [stayStamps, goStamps, goVersion] =
      staying === d.uuid ? [inStamps, hereStamps, myVersion] : [hereStamps, inStamps, inVersion];
    this.pendingStamps = unitedStamps(
      STAMPED_FIELDS[kind],
      content,
      { doc: staying === d.uuid ? d : here, stamps: stayStamps },
      { stamps: goStamps, version: goVersion === ORIGIN_VERSION ? ticked : goVersion },
    );
    if (staying === d.uuid) {
      if (asIncoming) return 'united'; // the incoming record, as it came, found here under another UUID
      // the row here, under the incoming UUID, knowing both histories
      this.pendingVersion = made;
      return 'keptHere';
    }
    // the record here stays; with content from the other copy, or a loser kept, it knows both
    if (!asHere || lost) {
      this.putVersion({ kind, key: staying }, made, false, null, true);
      this.putStamps(kind, staying, this.pendingStamps);
    }
    return 'matched';
  }

  /**
   * The other copy of a record united here, where both typed a field differently: kept as the
   * losing side of a conflict (`pm sync conflicts`; `pm sync resolve ID lost` writes it back),
   * under the staying UUID, without anything of a person erased here.
   */
  private keepUnitedLoser(
    kind: 'account' | 'contact',
    key: string,
    [keptVersion, lostVersion]: [string, string],
    lost: AccountDoc | ContactDoc,
  ): void {
    const { rev: _rev, vv: _vv, fieldVersions: _f, ...fields } = lost;
    const copy = conflictCopy(this.db, kind, key, { ...fields, uuid: key }, this.erased);
    if (!copy?.doc) return;
    this.keepConflict(kind, key, keptVersion, lostVersion, copy.doc);
  }

  /** accounts and contacts this merge added (`kind rowid`): a record matched to one of them is joined, not matched */
  private readonly addedRows = new Set<string>();
  /** rows ("contact 12") whose fields a union rewrote: their identity keys are refreshed at the end */
  private readonly rekey = new Set<string>();
  /** set by unite() when the record it matched is one this merge added */
  private joinedOwn = false;

  /** set by unite() when a row took an incoming UUID: that record's vector */
  private pendingVersion: VersionVector | null = null;
  /** set by unite(): the united record's field stamps */
  private pendingStamps: FieldVersions = {};

  private account(d: AccountDoc): Applied {
    const cadenceOf = (a: AccountDoc) => (a.cadenceDays === 'off' ? 0 : a.cadenceDays);
    const cadence = cadenceOf(d);
    const write = (uuid: string, id: number, a: AccountDoc = d) =>
      this.s.updateAccount.run(uuid, a.name, a.segment, cadenceOf(a), id);
    const row = this.s.accountByUuid.get(d.uuid) as { id: number; uuid: string } | undefined;
    const byName = this.s.accountByName.get(d.name) as { id: number; uuid: string } | undefined;
    if (byName && byName.id !== row?.id) {
      if (!row) return this.unite('account', d, byName, write);
      // renamed onto another account's name: the two are one
      const [keep, go] = row.uuid < byName.uuid ? [row, byName] : [byName, row];
      this.localChange('account', go.uuid, this.vvOf('account', go.uuid), true, keep.uuid);
      mergeAccounts(this.db, go.id, keep.id);
      this.changedExisting = true;
      if (keep === byName) return 'matched';
    }
    if (row) {
      // a teammate's rename: the name this journal knew stays a way to it (account_names, schema 73)
      rememberFormerName(this.db, row.id, d.name);
      write(d.uuid, row.id);
      this.changedExisting = true;
      return 'updated';
    }
    this.addedRows.add(`account ${this.s.insertAccount.run(d.uuid, d.name, d.segment, cadence).lastInsertRowid}`);
    return 'added';
  }

  private vvOf(kind: RecordKind, key: string): VersionVector {
    const v = this.local(kind, key);
    return v ? JSON.parse(v.vv) : {};
  }

  private contact(d: ContactDoc): Applied {
    const accountUuid = this.resolve('account', d.accountUuid);
    const account = this.s.accountByUuid.get(accountUuid) as { id: number } | undefined;
    if (!account) return 'leftOut';
    const row = this.s.contactByUuid.get(d.uuid) as { id: number; uuid: string; forgotten: number } | undefined;
    if (row?.forgotten) {
      // erased here: no change brings them back
      this.result.forgottenLeftOut++;
      return 'keptErased';
    }
    if (!row && this.s.isForgotten.get(d.uuid) && !d.forgotten) {
      // erased here; only their placeholder ("Forgotten contact", no email) may come, to keep attributions
      this.result.forgottenLeftOut++;
      return 'leftOut';
    }
    const forgotten = d.forgotten ? 1 : 0;
    if (row && forgotten) {
      // erased where this version was made: forgotten here too
      this.scrubbedHere(forgetContact(this.db, row.id, this.erased));
      this.result.erased++;
      this.changedExisting = true;
      return 'keptErased';
    }
    const byEmail = d.email
      ? (this.s.contactByEmail.get(d.email) as { id: number; uuid: string; forgotten: number } | undefined)
      : undefined;
    const same =
      byEmail ??
      (row || forgotten
        ? undefined
        : (this.s.contactByName.get(account.id, d.name, d.email, d.email) as
            | { id: number; uuid: string; forgotten: number }
            | undefined));
    if (same && same.id !== row?.id && !same.forgotten) {
      if (row) {
        const [keep, go] = row.uuid < same.uuid ? [row, same] : [same, row];
        this.localChange('contact', go.uuid, this.vvOf('contact', go.uuid), true, keep.uuid);
        mergeContacts(this.db, go.id, keep.id);
        this.changedExisting = true;
        if (keep === same) return 'matched';
      } else
        return this.unite('contact', { ...d, accountUuid }, same, (uuid, id, c) => {
          const accountId = (this.s.accountByUuid.get(c.accountUuid) as { id: number } | undefined)?.id;
          this.s.updateContact.run(
            uuid,
            c.name,
            c.email,
            accountId ?? account.id,
            c.role,
            c.segment,
            c.persona ?? null,
            id,
          );
        });
    }
    if (!row && !forgotten && !(same && !same.forgotten) && this.erasedNamesake(d, account.id)) {
      // the name of a person erased here, at their account, no email telling them apart: by the rule
      // that unites copies made apart, them (fresh-eyes E11). Kept as "Forgotten contact", and their
      // UUID erased, a change of this journal's that travels back to the journal that sent them
      this.s.insertContact.run(d.uuid, FORGOTTEN_NAME, null, account.id, d.role, null, null, 1);
      recordErasure(this.db, d, this.opts.today, 0);
      this.localChange('erasure', d.uuid, {}, false, null);
      this.result.erased++;
      return 'scrubbed';
    }
    if (row) {
      this.s.updateContact.run(d.uuid, d.name, d.email, account.id, d.role, d.segment, d.persona ?? null, row.id);
      this.changedExisting = true;
      return 'updated';
    }
    const inserted = this.s.insertContact.run(
      d.uuid,
      d.name,
      d.email,
      account.id,
      d.role,
      d.segment,
      d.persona ?? null,
      forgotten,
    );
    this.addedRows.add(`contact ${inserted.lastInsertRowid}`);
    if (forgotten) this.s.forget.run(d.uuid);
    return 'added';
  }

  /** This journal's erased people, by hash (built at the first contact that may be one of them). */
  private forgottenList: ForgottenList | undefined;

  /**
   * Is `d`, new here, a person erased here by the rule that unites copies made apart (sameAsErased)?
   * From a teammate's sync also by the name dressed with a title, a parenthesis or symbols, as a name
   * typed here is ("Dr. Kim Lee", logged by a teammate before the erasure reached them): only a
   * contact new here, so none this journal holds is erased, and never a longer name ("Kim Lee Smith").
   * Not from a file: a restore from this journal's own export brings back whom it kept (review R1).
   */
  private erasedNamesake(d: ContactDoc, accountId: number): boolean {
    this.forgottenList ??= loadForgottenList(this.db);
    const m = this.opts.fromFile ? this.forgottenList.match(d) : this.forgottenList.matchTyped(d);
    if (m?.by !== 'name') return false;
    const at = this.db
      .prepare(
        'SELECT a.name FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.uuid = ? AND c.forgotten = 1',
      )
      .pluck()
      .get(m.entry.uuid) as string | undefined;
    const account = this.db.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(accountId) as string;
    return sameAsErased(m, { email: d.email, account }, at);
  }

  /** deleted_ids, read at the first record added */
  private deleted: Map<string, number> | undefined;

  /** The id a record deleted here had (NaN: none); given back, it is no longer a deleted one. */
  private deletedId(kind: 'interview' | 'hypothesis', uuid: string): number {
    this.deleted ??= deletedIds(this.db);
    const id = this.deleted.get(`${kind} ${uuid}`);
    if (id === undefined) return Number.NaN;
    forgetDeletedId(this.db, kind, uuid);
    // an id below the last one found: the summaries after it are not all that changed (resume())
    this.changedExisting = true;
    return id;
  }

  private hypothesis(d: HypothesisDoc): Applied {
    const bet = [d.bet?.until ?? null, d.bet?.reason ?? null, d.bet?.since ?? null];
    let id = this.s.hypothesisByUuid.pluck().get(d.uuid) as number | undefined;
    const added = id === undefined;
    if (id === undefined) {
      // an empty journal keeps the file's ids; one that deleted this record gives it its id back
      const wanted =
        this.opts.keepIds && d.id ? Number(/^H(\d+)$/i.exec(d.id)?.[1]) : this.deletedId('hypothesis', d.uuid);
      const free = Number.isSafeInteger(wanted) && wanted > 0 && this.s.hypothesisIdFree.pluck().get(wanted) === 1;
      id = Number(
        this.s.insertHypothesis.run(
          free ? wanted : null,
          d.uuid,
          d.statement,
          d.kind,
          d.criteria,
          d.createdOn,
          d.decideBy,
          ...bet,
          d.by ?? null,
        ).lastInsertRowid,
      );
    } else {
      this.s.updateHypothesis.run(d.statement, d.kind, d.criteria, d.createdOn, d.decideBy, ...bet, d.by ?? null, id);
      this.s.clearHypothesisTags.run(id);
      this.s.clearRevisions.run(id);
    }
    d.tags.forEach((tag, position) => {
      this.s.addHypothesisTag.run(id, position, tag);
    });
    for (const r of d.revisions) this.s.addRevision.run(id, r.date, r.field, r.before, r.after);
    // the opportunities it addresses (issue 17), those this journal has
    this.db.prepare('DELETE FROM hypothesis_opportunities WHERE hypothesis_id = ?').run(id);
    for (const o of d.opportunityUuids ?? [])
      this.db
        .prepare(`INSERT OR IGNORE INTO hypothesis_opportunities (hypothesis_id, opportunity_id)
          SELECT ?, id FROM opportunities WHERE uuid = ?`)
        .run(id, o);
    return added ? 'added' : 'updated';
  }

  private interview(d: InterviewDoc): Applied {
    // a signal from a source alone has no account
    const account =
      d.accountUuid === null
        ? { id: null }
        : (this.s.accountByUuid.get(this.resolve('account', d.accountUuid)) as { id: number } | undefined);
    if (!account) return 'leftOut';
    const contactIds: number[] = [];
    let erasedPresent = false;
    for (const u of d.contactUuids) {
      const c = this.s.contactByUuid.get(this.resolve('contact', u)) as { id: number; forgotten: number } | undefined;
      if (c) {
        contactIds.push(c.id);
        if (c.forgotten) erasedPresent = true;
      } else if (this.s.isForgotten.get(u)) erasedPresent = true;
    }
    // an erased person's interviews keep no quotes, wherever they come from
    const quotes = erasedPresent ? [] : d.quotes;
    const content: InterviewContent = {
      date: d.date,
      channel: d.channel,
      accountId: account.id,
      source: d.source ?? null,
      by: d.by,
      minutes: d.minutes,
      summary: d.summary,
      notes: d.notes,
      followUp: d.followUp,
      followUpDone: d.followUpDone,
      stage: d.stage ?? null,
      contactIds,
      pains: d.pains,
      quotes,
      tags: d.tags,
    };
    const id = this.s.interviewByUuid.pluck().get(d.uuid) as number | undefined;
    const scrubbed = erasedPresent && d.quotes.length > 0;
    if (id === undefined) {
      const wanted =
        this.opts.keepIds && d.id ? Number(/^I(\d+)$/i.exec(d.id)?.[1]) : this.deletedId('interview', d.uuid);
      const free = Number.isSafeInteger(wanted) && wanted > 0 && this.s.interviewIdFree.pluck().get(wanted) === 1;
      this.writer.insert(d.uuid, content, this.opts.now ?? new Date().toISOString(), [], free ? wanted : undefined);
      return scrubbed ? 'scrubbed' : 'added';
    }
    this.changedExisting = true;
    const { contactIds: people, pains, tags, ...fields } = content;
    // an erased person's interview rewritten (a scrubbed version from the journal that erased them,
    // fresh-eyes wave 8 E31): what it held before is theirs, so the file is rewritten as pm forget's is
    if (erasedPresent) this.rewrite = true;
    this.writer.update(id, { fields, contactIds: people, lists: { pains, quotes, tags } });
    return scrubbed ? 'scrubbed' : 'updated';
  }

  private evidence(d: EvidenceDoc): Applied {
    const iid = this.s.interviewByUuid.pluck().get(d.interviewUuid) as number | undefined;
    const hid = this.s.hypothesisByUuid.pluck().get(d.hypothesisUuid) as number | undefined;
    if (iid === undefined || hid === undefined) return 'leftOut';
    this.s.putEvidence.run(hid, iid, d.direction, d.strength, d.basis ?? 'said');
    return 'added';
  }

  /**
   * An opportunity the user named (issue 17): by UUID; its name and aliases as they came. A name
   * another opportunity here already has stays that one's (the pains cannot count for two).
   */
  private opportunity(d: OpportunityDoc): Applied {
    const db = this.db;
    const row = db.prepare('SELECT id FROM opportunities WHERE uuid = ?').pluck().get(d.uuid) as number | undefined;
    const owner = (key: string) =>
      db
        .prepare(`SELECT id FROM opportunities WHERE key = @key
          UNION ALL SELECT opportunity_id FROM opportunity_aliases WHERE key = @key LIMIT 1`)
        .pluck()
        .get({ key }) as number | undefined;
    const key = painKey(d.name);
    const taken = owner(key);
    let id = row;
    if (id === undefined) {
      if (taken !== undefined) {
        // the name is one of an opportunity here: that one; the names merged into it join it
        for (const alias of d.aliases) {
          const aliasKey = painKey(alias);
          if (owner(aliasKey) !== undefined) continue;
          db.prepare('INSERT INTO opportunity_aliases (key, opportunity_id, name) VALUES (?, ?, ?)').run(
            aliasKey,
            taken,
            alias,
          );
          this.writes++;
        }
        return 'matched';
      }
      id = Number(
        db.prepare('INSERT INTO opportunities (uuid, name, key) VALUES (?, ?, ?)').run(d.uuid, d.name, key)
          .lastInsertRowid,
      );
    } else if (taken === undefined || taken === id)
      db.prepare('UPDATE opportunities SET name = ?, key = ? WHERE id = ?').run(d.name, key, id);
    db.prepare('DELETE FROM opportunity_aliases WHERE opportunity_id = ?').run(id);
    for (const alias of d.aliases) {
      const aliasKey = painKey(alias);
      if (owner(aliasKey) === undefined)
        db.prepare('INSERT INTO opportunity_aliases (key, opportunity_id, name) VALUES (?, ?, ?)').run(
          aliasKey,
          id,
          alias,
        );
    }
    return row === undefined ? 'added' : 'updated';
  }

  private outcome(d: OutcomeDoc): Applied {
    const hid = this.s.hypothesisByUuid.pluck().get(d.hypothesisUuid) as number | undefined;
    if (hid === undefined) return 'leftOut';
    const id = this.s.outcomeByUuid.pluck().get(d.uuid) as number | undefined;
    // an outcome changed elsewhere is written anew, so the status triggers see it
    if (id !== undefined) this.s.deleteOutcome.run(id);
    this.s.insertOutcome.run(d.uuid, hid, d.outcome, d.date, d.reason, d.by ?? null);
    // outcomes of one day in the order of their UUIDs (v7: when each was recorded), in every journal,
    // whatever order they arrived in (fresh-eyes wave 8 E32): the status is the latest by date, then
    // entry, so those of that day recorded after this one are entered again after it
    const later = this.s.laterOutcomes.all(hid, d.date, d.uuid) as {
      id: number;
      uuid: string;
      outcome: string;
      date: string;
      reason: string;
      by: string | null;
    }[];
    for (const o of later) {
      this.s.deleteOutcome.run(o.id);
      this.s.insertOutcome.run(o.uuid, hid, o.outcome, o.date, o.reason, o.by);
    }
    return id === undefined ? 'added' : 'updated';
  }
}

/**
 * Write a record as this journal's own change (tracked: its tables' triggers give it a new version,
 * newer than every version here), or delete it (`data` null): `pm sync resolve … lost`.
 */
export function writeRecord(db: DB, kind: RecordKind, key: string, data: RecordDoc | null): void {
  const merger = new Merger(db, { today: '' });
  if (data) merger.write(kind, key, data);
  else merger.removeRecord(kind, key);
}

/** The changes a document carries (an export, or what `pm sync` pulled). */
export function changesOf(doc: {
  accounts: AccountDoc[];
  contacts: ContactDoc[];
  interviews: InterviewDoc[];
  hypotheses: HypothesisDoc[];
  evidence: EvidenceDoc[];
  outcomes: OutcomeDoc[];
  opportunities?: OpportunityDoc[];
  settings: SettingDoc[];
  deleted: { kind: Exclude<RecordKind, 'erasure'>; key: string; rev: string; vv: VersionVector; mergedInto?: string }[];
  forgotten?: { uuid: string }[];
}): Change[] {
  const out: Change[] = [];
  const push = (kind: RecordKind, key: string, d: RecordDoc) =>
    out.push({ kind, key, rev: d.rev ?? ORIGIN_VERSION, vv: d.vv ?? {}, deleted: false, mergedInto: null, data: d });
  for (const { uuid } of doc.forgotten ?? [])
    out.push({ kind: 'erasure', key: uuid, rev: ORIGIN_VERSION, vv: {}, deleted: false, mergedInto: null, data: null });
  for (const d of doc.settings) push('setting', d.key, d);
  for (const d of doc.accounts) push('account', d.uuid, d);
  for (const d of doc.contacts) push('contact', d.uuid, d);
  for (const d of doc.opportunities ?? []) push('opportunity', d.uuid, d);
  for (const d of doc.hypotheses) push('hypothesis', d.uuid, d);
  for (const d of doc.interviews) push('interview', d.uuid, d);
  for (const d of doc.evidence) push('evidence', `${d.interviewUuid}/${d.hypothesisUuid}`, d);
  for (const d of doc.outcomes) push('outcome', d.uuid, d);
  for (const t of doc.deleted)
    out.push({
      kind: t.kind,
      key: t.key,
      rev: t.rev,
      vv: t.vv,
      deleted: true,
      mergedInto: t.mergedInto ?? null,
      data: null,
    });
  return out;
}
