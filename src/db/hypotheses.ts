// Hypotheses, their tags, revisions, outcomes and evidence links: the queries behind `pm hyp`.
import type { DB } from './journal.js';
import { hypothesisCount, hypothesisStats, loggedAfterSql } from './hypothesis-stats.js';
import { opportunitiesByHypothesis } from './opportunities.js';
import type { Config } from '../core/config.js';
import {
  hypothesisRecord,
  revisedAsOf,
  type Bet,
  type Direction,
  type EvidenceEntry,
  type HypothesisKind,
  type HypothesisRecord,
  type HypothesisStatus,
  type LatestOutcome,
  type Outcome,
  type OutcomeEntry,
  type Revision,
  type StatusFilter,
  type Strength,
} from '../core/hypotheses.js';
import type { InterviewKind } from '../core/interviews.js';
import type { Basis } from '../core/confidence.js';
import { nameKey } from '../core/identity.js';

export interface NewHypothesis {
  uuid: string;
  statement: string;
  kind: HypothesisKind;
  criteria: string | null;
  createdOn: string;
  decideBy: string;
  tags: string[];
  /** who adds it (user.name, else the OS login) */
  by: string;
}

export function insertHypothesis(db: DB, h: NewHypothesis): number {
  const rowid = Number(
    db
      .prepare(
        `INSERT INTO hypotheses(uuid, statement, kind, criteria, created_on, decide_by, by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(h.uuid, h.statement, h.kind, h.criteria, h.createdOn, h.decideBy, h.by).lastInsertRowid,
  );
  setHypothesisTags(db, rowid, h.tags);
  return rowid;
}

/** A hypothesis's tags, in their order. */
export function hypothesisTags(db: DB, rowid: number): string[] {
  return db
    .prepare('SELECT tag FROM hypothesis_tags WHERE hypothesis_id = ? ORDER BY position')
    .pluck()
    .all(rowid) as string[];
}

export function setHypothesisTags(db: DB, rowid: number, tags: string[]): void {
  db.prepare('DELETE FROM hypothesis_tags WHERE hypothesis_id = ?').run(rowid);
  const insert = db.prepare('INSERT INTO hypothesis_tags(hypothesis_id, position, tag) VALUES (?, ?, ?)');
  tags.forEach((tag, i) => {
    insert.run(rowid, i, tag);
  });
}

/** What the write commands need to check a change: the row, its latest outcome, whether it has evidence. */
export interface HypothesisState
  extends Pick<HypothesisRecord, 'id' | 'statement' | 'kind' | 'criteria' | 'createdOn' | 'decideBy' | 'status'> {
  rowid: number;
  hasEvidence: boolean;
  latest: LatestOutcome | null;
}

export function hypothesisState(db: DB, rowid: number): HypothesisState | undefined {
  const row = db
    .prepare(`
    SELECT h.id AS rowid, 'H' || h.id AS id, h.statement, h.kind, h.criteria, h.created_on AS createdOn,
      h.decide_by AS decideBy, h.status,
      EXISTS (SELECT 1 FROM evidence e WHERE e.hypothesis_id = h.id) AS hasEvidence,
      o.outcome, o.date, o.reason
    FROM hypotheses h
    LEFT JOIN (SELECT outcome, date, reason FROM outcomes WHERE hypothesis_id = @rowid ORDER BY date DESC, id DESC
      LIMIT 1) o
    WHERE h.id = @rowid`)
    .get({ rowid }) as
    | (Omit<HypothesisState, 'latest' | 'hasEvidence'> & {
        hasEvidence: number;
        outcome: Outcome | null;
        date: string | null;
        reason: string | null;
      })
    | undefined;
  if (!row) return undefined;
  const { outcome, date, reason, hasEvidence, ...rest } = row;
  return {
    ...rest,
    hasEvidence: hasEvidence === 1,
    latest: outcome && date ? { outcome, date, reason: reason ?? '' } : null,
  };
}

export interface HypothesisChanges {
  statement?: string;
  kind?: HypothesisKind;
  criteria?: string | null;
  decideBy?: string;
}

const COLUMNS: Record<keyof HypothesisChanges, string> = {
  statement: 'statement',
  kind: 'kind',
  criteria: 'criteria',
  decideBy: 'decide_by',
};

export function updateHypothesis(db: DB, rowid: number, changes: HypothesisChanges): void {
  const keys = (Object.keys(changes) as (keyof HypothesisChanges)[]).filter((k) => changes[k] !== undefined);
  if (keys.length === 0) return;
  const set = keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ');
  db.prepare(`UPDATE hypotheses SET ${set} WHERE id = @rowid`).run({ ...changes, rowid });
}

export function addRevision(db: DB, rowid: number, r: Revision): void {
  db.prepare('INSERT INTO hypothesis_revisions(hypothesis_id, date, field, before, after) VALUES (?, ?, ?, ?, ?)').run(
    rowid,
    r.date,
    r.field,
    r.before,
    r.after,
  );
}

/** Revisions by hypothesis row id, oldest first (all of them, one hypothesis's, or those of a list of row ids). */
export function revisionsByHypothesis(db: DB, only: number | number[] | null = null): Map<number, Revision[]> {
  const rows = (
    Array.isArray(only)
      ? db
          .prepare(`
    SELECT hypothesis_id AS rowid, date, field, before, after FROM hypothesis_revisions
    WHERE hypothesis_id IN (SELECT value FROM json_each(@ids)) ORDER BY hypothesis_id, id`)
          .all({ ids: JSON.stringify(only) })
      : db
          .prepare(`
    SELECT hypothesis_id AS rowid, date, field, before, after FROM hypothesis_revisions
    WHERE @only IS NULL OR hypothesis_id = @only ORDER BY hypothesis_id, id`)
          .all({ only })
  ) as (Revision & { rowid: number })[];
  const map = new Map<number, Revision[]>();
  for (const { rowid, ...r } of rows) {
    const list = map.get(rowid);
    if (list) list.push(r);
    else map.set(rowid, [r]);
  }
  return map;
}

/** Which hypotheses: of one status (or all), with a tag (case-insensitive), or just one (by row id). */
export interface RecordFilter {
  status?: StatusFilter;
  tag?: string;
  /** one row id, or a list of them (hypothesisRecordsOf) */
  only?: number | number[];
  /** of those, the first this many by id (the order of `pm hyp list`) */
  first?: number;
}

const statusesOf = (status: StatusFilter): HypothesisStatus[] | undefined => (status === 'all' ? undefined : [status]);

/** How a tag is spelled on the hypotheses that carry it, compared by key ("Billing", "billing", "ＢＩＬＬＩＮＧ"). */
function tagSpellings(db: DB, tag: string): string[] {
  const key = nameKey(tag);
  const tags = db.prepare('SELECT DISTINCT tag FROM hypothesis_tags').pluck().all() as string[];
  return tags.filter((t) => nameKey(t) === key);
}

/**
 * The hypotheses carrying every tag of `tags` (case-insensitive), or `whole` as one tag (a tag kept
 * with its comma from before pm split "p,q" into two): row ids, read from the tags alone, so that
 * `pm hyp list --tag p,q` builds only their records (review wave 12 R6: it built all 3,000).
 */
export function hypothesesTagged(db: DB, tags: string[], whole: string): number[] {
  const holding = (tag: string) => {
    const spellings = tagSpellings(db, tag);
    if (spellings.length === 0) return new Set<number>();
    return new Set(
      db
        .prepare('SELECT hypothesis_id FROM hypothesis_tags WHERE tag IN (SELECT value FROM json_each(?))')
        .pluck()
        .all(JSON.stringify(spellings)) as number[],
    );
  };
  const [first, ...rest] = tags.map(holding);
  const all = [...first].filter((id) => rest.every((set) => set.has(id)));
  return [...new Set([...all, ...holding(whole)])].sort((a, b) => a - b);
}

/**
 * The records of these hypotheses (row ids, created by asOf), as hypothesisRecords makes them one by
 * one, read together: pm tree shows a few dozen, and each read alone prepared its five statements
 * again (~7 ms for the tree's first ten open hypotheses on the 100k journal).
 */
export function hypothesisRecordsOf(db: DB, asOf: string, config: Config, rowids: number[]): HypothesisRecord[] {
  return rowids.length === 0 ? [] : hypothesisRecords(db, asOf, config, { only: rowids });
}

/** The records every hyp command prints, as of a day, filtered by status and tag (case-insensitive). */
export function hypothesisRecords(db: DB, asOf: string, config: Config, filter: RecordFilter = {}): HypothesisRecord[] {
  const only = filter.only ?? null;
  const status = filter.status ?? 'all';
  const tag = filter.tag === undefined ? undefined : nameKey(filter.tag);
  // the status, the tag and (`first`: a terminal's page) the first rows are chosen in SQL: `pm hyp
  // list` (open ones) and pm tree read no decided hypothesis's evidence, a page no other's record
  const tags = filter.tag === undefined ? undefined : tagSpellings(db, filter.tag);
  const rows = hypothesisStats(db, asOf, only, { statuses: statusesOf(status), tags, first: filter.first }).filter(
    (row) =>
      (status === 'all' || row.status === status) && (tag === undefined || row.tags.some((t) => nameKey(t) === tag)),
  );
  const chosen = filter.first === undefined ? only : rows.map((r) => r.rowid);
  const revisions = revisionsByHypothesis(db, chosen);
  const opportunities = opportunitiesByHypothesis(db, only);
  const oneSegment = singleSegmentHypotheses(
    db,
    asOf,
    rows.filter((r) => r.customersSupporting >= 2).map((r) => r.rowid),
  );
  // as of a past day (the tree of a past week's export), the statement and criterion that stood then
  return rows.map((row) =>
    revisedAsOf(
      hypothesisRecord(
        row,
        revisions.get(row.rowid) ?? [],
        asOf,
        config,
        oneSegment.has(row.rowid),
        opportunities.get(row.rowid) ?? [],
      ),
      asOf,
    ),
  );
}

/** How many hypotheses hypothesisRecords would give without `first`. */
export function hypothesisTotal(db: DB, asOf: string, filter: { status?: StatusFilter; tag?: string }): number {
  const tags = filter.tag === undefined ? undefined : tagSpellings(db, filter.tag);
  return hypothesisCount(db, asOf, statusesOf(filter.status ?? 'all'), tags);
}

/**
 * Of these hypotheses (row ids), those whose supporting customers as of asOf are at least two and
 * all in one segment: their accounts' segment, each of them set and the same (single-segment).
 */
export function singleSegmentHypotheses(db: DB, asOf: string, rowids: number[]): Set<number> {
  if (rowids.length === 0) return new Set();
  const found = db
    .prepare(
      `SELECT ec.hypothesis_id FROM evidence_customers ec JOIN accounts a ON a.id = ec.account_id
       WHERE ec.hypothesis_id IN (SELECT value FROM json_each(@ids)) AND ec.direction = 'supports'
         AND ec.first_date <= @asOf
       GROUP BY ec.hypothesis_id
       HAVING count(*) >= 2 AND count(a.segment) = count(*) AND count(DISTINCT a.segment COLLATE NOCASE) = 1`,
    )
    .pluck()
    .all({ ids: JSON.stringify(rowids), asOf }) as number[];
  return new Set(found);
}

/**
 * The flags a decided hypothesis's links since its decision raise (afterDecision, src/core/hypotheses.ts,
 * the rule pm hyp show and the report apply), for a list of records: one statement for all of them,
 * reading only each decided one's evidence dated after its decision (the primary key's range), where
 * afterDecision needs every link of each. A record's flags with it added; open ones as they are.
 */
export function withDecidedFlags(db: DB, asOf: string, records: HypothesisRecord[]): HypothesisRecord[] {
  const decided = records
    .filter((r) => r.status !== 'open' && r.decision !== null)
    .map((r) => [Number(r.id.slice(1)), r.status, r.decision!.date]);
  if (decided.length === 0) return records;
  const flagged = new Set(
    db
      .prepare(
        `SELECT d.value ->> 0 FROM json_each(@decided) d
         WHERE EXISTS (SELECT 1 FROM evidence e WHERE e.hypothesis_id = d.value ->> 0
           AND e.date >= d.value ->> 2 AND e.date <= @asOf
           AND CASE WHEN d.value ->> 1 = 'validated' THEN e.direction = 'refutes' AND e.kind = 'customer'
             ELSE e.direction = 'supports' END
           AND ${loggedAfterSql('e', 'e.hypothesis_id', 'd.value ->> 2')})`,
      )
      .pluck()
      .all({ decided: JSON.stringify(decided), asOf }) as number[],
  );
  return records.map((r) =>
    flagged.has(Number(r.id.slice(1)))
      ? { ...r, flags: [...r.flags, r.status === 'validated' ? 'evidence-after-validate' : 'evidence-after-kill'] }
      : r,
  );
}

/** Set (or replace) a hypothesis's conviction bet, or end it (null). */
export function setBet(db: DB, rowid: number, bet: Bet | null): void {
  db.prepare('UPDATE hypotheses SET bet_until = ?, bet_reason = ?, bet_since = ? WHERE id = ?').run(
    bet?.until ?? null,
    bet?.reason ?? null,
    bet?.since ?? null,
    rowid,
  );
}

/** The hypothesis's bet as stored (whatever its status), or null. */
export function betOf(db: DB, rowid: number): Bet | null {
  const r = db.prepare('SELECT bet_until, bet_reason, bet_since FROM hypotheses WHERE id = ?').raw().get(rowid) as
    | [string | null, string | null, string | null]
    | undefined;
  return r && r[0] !== null ? { until: r[0], reason: r[1]!, since: r[2]! } : null;
}

/** The bets held on open hypotheses, soonest deadline first, with their ids and statements. */
export function openBets(db: DB): (Bet & { rowid: number; id: string; statement: string })[] {
  return db
    .prepare(
      `SELECT h.id AS rowid, 'H' || h.id AS id, h.statement, h.bet_until AS until, h.bet_reason AS reason,
         h.bet_since AS since
       FROM hypotheses h WHERE h.bet_until IS NOT NULL AND h.status = 'open' ORDER BY h.bet_until, h.id`,
    )
    .all() as (Bet & { rowid: number; id: string; statement: string })[];
}

export function insertOutcome(
  db: DB,
  o: { uuid: string; rowid: number; outcome: Outcome; date: string; reason: string; by: string },
): void {
  db.prepare('INSERT INTO outcomes(uuid, hypothesis_id, outcome, date, reason, by) VALUES (?, ?, ?, ?, ?, ?)').run(
    o.uuid,
    o.rowid,
    o.outcome,
    o.date,
    o.reason,
    o.by,
  );
}

export function outcomesOf(db: DB, rowid: number): OutcomeEntry[] {
  return db
    .prepare('SELECT uuid, outcome, date, reason, by FROM outcomes WHERE hypothesis_id = ? ORDER BY date, id')
    .all(rowid) as OutcomeEntry[];
}

/** A hypothesis's evidence, oldest first, with who was there and the interview's summary. */
export function evidenceOf(db: DB, rowid: number): EvidenceEntry[] {
  const rows = db
    .prepare(`
    SELECT 'I' || i.id AS interviewId, i.uuid AS interviewUuid, i.date, i.channel, i.kind AS interviewKind,
      a.name AS account, i.source, e.direction, e.strength, e.basis, i.summary,
      (SELECT json_group_array(name) FROM (SELECT c.name FROM interview_contacts ic JOIN contacts c ON c.id =
        ic.contact_id
        WHERE ic.interview_id = i.id ORDER BY c.name COLLATE NOCASE, c.id)) AS withJson
    FROM evidence e JOIN interviews i ON i.id = e.interview_id LEFT JOIN accounts a ON a.id = i.account_id
    WHERE e.hypothesis_id = ? ORDER BY i.date, i.id`)
    .all(rowid) as (Omit<EvidenceEntry, 'with' | 'counts'> & { withJson: string })[];
  return rows.map(({ withJson, ...r }) => ({
    ...r,
    counts: r.interviewKind === 'customer',
    with: JSON.parse(withJson) as string[],
  }));
}

/** Killed and invalidated hypotheses with their deciding outcome, for the graveyard check. */
export function graveyard(
  db: DB,
): { id: string; statement: string; status: HypothesisStatus; date: string; reason: string }[] {
  return db
    .prepare(`
    SELECT 'H' || h.id AS id, h.statement, h.status, o.date, o.reason
    FROM hypotheses h
    JOIN outcomes o ON o.id = (SELECT id FROM outcomes WHERE hypothesis_id = h.id ORDER BY date DESC, id DESC LIMIT 1)
    WHERE h.status IN ('killed', 'invalidated') ORDER BY h.id`)
    .all() as ReturnType<typeof graveyard>;
}

export interface InterviewBrief {
  rowid: number;
  id: string;
  date: string;
  kind: InterviewKind;
}

/** What linking needs to know about an interview: its display id and whether it is customer contact. */
export function interviewBrief(db: DB, rowid: number): InterviewBrief | undefined {
  return db.prepare("SELECT id AS rowid, 'I' || id AS id, date, kind FROM interviews WHERE id = ?").get(rowid) as
    | InterviewBrief
    | undefined;
}

export interface EvidenceLink {
  direction: Direction;
  strength: Strength;
  basis: Basis;
}

export function evidenceLink(db: DB, hypothesisRowId: number, interviewRowId: number): EvidenceLink | undefined {
  return db
    .prepare('SELECT direction, strength, basis FROM evidence WHERE hypothesis_id = ? AND interview_id = ?')
    .get(hypothesisRowId, interviewRowId) as EvidenceLink | undefined;
}

export function unlinkEvidence(db: DB, hypothesisRowId: number, interviewRowId: number): boolean {
  return (
    db.prepare('DELETE FROM evidence WHERE hypothesis_id = ? AND interview_id = ?').run(hypothesisRowId, interviewRowId)
      .changes > 0
  );
}

/** The day a hypothesis was created, by row id (undefined: no such row). */
/** The hypotheses dated after `today` (a teammate a time zone ahead added them), by id. */
export function hypothesesDatedAfter(db: DB, today: string): { rowid: number; createdOn: string }[] {
  return db
    .prepare('SELECT id AS rowid, created_on AS createdOn FROM hypotheses WHERE created_on > ? ORDER BY id')
    .all(today) as { rowid: number; createdOn: string }[];
}

export function hypothesisCreatedOn(db: DB, rowid: number): string | undefined {
  return db.prepare('SELECT created_on FROM hypotheses WHERE id = ?').pluck().get(rowid) as string | undefined;
}
