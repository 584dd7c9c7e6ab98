// Evidence counts per hypothesis as of a day (used by hyp list/show, the report and export). Only
// evidence dated on or before asOf counts; the status is the latest outcome dated on or before
// asOf. Customer counts are distinct customer/prospect contacts of customer-contact interviews
// (the same person twice is one customer; a colleague on the call is nobody).
//
// Two set-based statements: the hypotheses with their status, then the evidence counts of those
// that need them. Evidence rows carry their interview's date and kind (migration 0002), so counting
// reads only the evidence table, clustered by hypothesis, and for a day on or after a hypothesis's
// latest link not even that: evidence_totals (migration 0003) holds its counts. Distinct customers
// come from evidence_customers (0003: a customer counts from the first day they gave such evidence,
// so "as of" is a range condition). When no outcome is dated after asOf (a
// report "as of today"), the status is the one the outcome triggers keep in hypotheses.status, read
// through its index, instead of being recomputed from every outcome.
import type { DB } from './journal.js';
import type { Bet, HypothesisFacts, HypothesisStatus } from '../core/hypotheses.js';
import type { ConfidenceInputs } from '../core/confidence.js';

export interface HypothesisRow extends HypothesisFacts {
  rowid: number;
}

const COLUMNS = `h.id AS rowid, 'H' || h.id AS id, h.uuid, h.statement, h.kind, h.criteria,
  h.created_on AS createdOn, h.decide_by AS decideBy, h.by,
  h.bet_until AS betUntil, h.bet_reason AS betReason, h.bet_since AS betSince,
  (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM hypothesis_tags t WHERE t.hypothesis_id = h.id ORDER BY
    position)) AS tags`;
// what the report reads: turning rows into JavaScript values costs microseconds a column, and a
// journal of years holds thousands of hypotheses
const LEAN_COLUMNS =
  "h.id AS rowid, 'H' || h.id AS id, h.statement, h.created_on AS createdOn, h.decide_by AS decideBy";

// the latest outcome on or before asOf, by date then entry
const LATEST =
  `(SELECT o.id FROM outcomes o WHERE o.hypothesis_id = h.id AND o.date <= @asOf ORDER BY o.date ` +
  `DESC, o.id DESC LIMIT 1)`;

// with `tagged`, only the hypotheses carrying one of the tags in @tags (a JSON array, as stored)
const TAGGED =
  'AND h.id IN (SELECT hypothesis_id FROM hypothesis_tags WHERE tag IN (SELECT value FROM json_each(@tags)))';

/** Status from the outcomes dated on or before asOf: for a report made as of a past day. */
const hypothesesAsOf = (columns: string, tagged = false) => `
SELECT x.*, CASE WHEN o.outcome IS NULL OR o.outcome = 'reopened' THEN 'open' ELSE o.outcome END AS status,
  o.outcome, o.date AS outcomeDate, o.reason AS outcomeReason
FROM (SELECT ${columns}, ${LATEST} AS latest FROM hypotheses h
      WHERE h.id BETWEEN @lo AND @hi AND h.created_on <= @asOf ${tagged ? TAGGED : ''}) x
LEFT JOIN outcomes o ON o.id = x.latest
ORDER BY x.rowid`;

/**
 * Status as the triggers keep it: valid when no outcome is dated after asOf. The first @first by id
 * (-1: all): `pm hyp list` on a terminal shows 50 of the harsh 100k journal's 1,590 open hypotheses,
 * and reading the others' records cost it ~40 ms in a fresh process.
 */
const hypothesesNow = (columns: string, tagged = false) => `
SELECT x.*, o.outcome, o.date AS outcomeDate, o.reason AS outcomeReason
FROM (SELECT ${columns}, h.status,
        (SELECT o.id FROM outcomes o WHERE o.hypothesis_id = h.id ORDER BY o.date DESC, o.id DESC LIMIT 1) AS latest
      FROM hypotheses h
      WHERE h.id BETWEEN @lo AND @hi AND h.created_on <= @asOf AND h.status IN (SELECT value FROM
        json_each(@statuses)) ${tagged ? TAGGED : ''}
      ORDER BY h.id LIMIT @first) x
LEFT JOIN outcomes o ON o.id = x.latest
ORDER BY x.rowid`;

/** How many hypotheses hypothesesNow would give without @first. */
const HOW_MANY_NOW = (tagged: boolean) => `SELECT count(*) FROM hypotheses h
  WHERE h.created_on <= @asOf AND h.status IN (SELECT value FROM json_each(@statuses)) ${tagged ? TAGGED : ''}`;

/** Evidence counts of the hypotheses whose ids are in @ids (a JSON array). */
const COUNTS = `
WITH ids AS MATERIALIZED (SELECT value AS id FROM json_each(@ids)),
-- hypotheses whose summary holds as of @asOf (no link dated after it): one row each
summed AS MATERIALIZED (
  SELECT t.hypothesis_id, t.supports, t.refutes, t.other_supports AS otherSupports, t.other_refutes AS otherRefutes,
    t.last_evidence AS lastEvidence, t.customers_supporting AS customersSupporting,
    t.customers_refuting AS customersRefuting, t.accounts_supporting AS accountsSupporting,
    t.accounts_refuting AS accountsRefuting, t.basis_supporting AS basisSupporting, t.basis_refuting AS basisRefuting
  FROM ids CROSS JOIN evidence_totals t ON t.hypothesis_id = ids.id
  WHERE t.last_date <= @asOf
),
-- the others, counted from their evidence rows as of @asOf
rest AS MATERIALIZED (SELECT id FROM ids WHERE id NOT IN (SELECT hypothesis_id FROM summed)),
counts AS (
  SELECT e.hypothesis_id,
    sum(e.kind = 'customer' AND e.direction = 'supports') AS supports,
    sum(e.kind = 'customer' AND e.direction = 'refutes') AS refutes,
    sum(e.kind <> 'customer' AND e.direction = 'supports') AS otherSupports,
    sum(e.kind <> 'customer' AND e.direction = 'refutes') AS otherRefutes,
    max(CASE WHEN e.kind = 'customer' THEN e.date END) AS lastEvidence,
    max(CASE WHEN e.kind = 'customer' AND e.direction = 'supports'
      THEN CASE e.basis WHEN 'paid' THEN 2 WHEN 'did' THEN 1 ELSE 0 END END) AS basisSupporting,
    max(CASE WHEN e.kind = 'customer' AND e.direction = 'refutes'
      THEN CASE e.basis WHEN 'paid' THEN 2 WHEN 'did' THEN 1 ELSE 0 END END) AS basisRefuting
  FROM rest CROSS JOIN evidence e ON e.hypothesis_id = rest.id
  WHERE e.date <= @asOf
  GROUP BY e.hypothesis_id
),
people AS (
  -- one row per hypothesis, direction and customer, with the first day they gave such evidence
  SELECT ec.hypothesis_id,
    sum(ec.direction = 'supports') AS customersSupporting,
    sum(ec.direction = 'refutes') AS customersRefuting,
    count(DISTINCT CASE WHEN ec.direction = 'supports' THEN ec.account_id END) AS accountsSupporting,
    count(DISTINCT CASE WHEN ec.direction = 'refutes' THEN ec.account_id END) AS accountsRefuting
  FROM rest CROSS JOIN evidence_customers ec ON ec.hypothesis_id = rest.id
  WHERE ec.first_date <= @asOf
  GROUP BY ec.hypothesis_id
)
SELECT hypothesis_id AS rowid, supports, refutes, otherSupports, otherRefutes, lastEvidence,
  customersSupporting, customersRefuting, accountsSupporting, accountsRefuting, basisSupporting, basisRefuting
FROM summed
UNION ALL
SELECT k.hypothesis_id, k.supports, k.refutes, k.otherSupports, k.otherRefutes, k.lastEvidence,
  coalesce(p.customersSupporting, 0), coalesce(p.customersRefuting, 0), coalesce(p.accountsSupporting, 0),
  coalesce(p.accountsRefuting, 0), k.basisSupporting, k.basisRefuting
FROM counts k LEFT JOIN people p ON p.hypothesis_id = k.hypothesis_id`;

type Counts = Pick<
  HypothesisRow,
  | 'supports'
  | 'refutes'
  | 'otherSupports'
  | 'otherRefutes'
  | 'lastEvidence'
  | 'customersSupporting'
  | 'customersRefuting'
  | 'accountsSupporting'
  | 'accountsRefuting'
  | 'basisSupporting'
  | 'basisRefuting'
>;

const NO_EVIDENCE: Counts = {
  supports: 0,
  refutes: 0,
  otherSupports: 0,
  otherRefutes: 0,
  lastEvidence: null,
  customersSupporting: 0,
  customersRefuting: 0,
  accountsSupporting: 0,
  accountsRefuting: 0,
  basisSupporting: null,
  basisRefuting: null,
};

const ALL_STATUSES: HypothesisStatus[] = ['open', 'validated', 'invalidated', 'killed'];

/**
 * Which of the hypotheses of a status a listing wants: those carrying one of `tags` (spelled as
 * stored), and of those the first `first` by id (the listing's order).
 */
export interface Choice {
  tags?: string[];
  first?: number;
}

/** How many hypotheses of these statuses, created on or before asOf, hypothesisStats would give without `first`. */
export function hypothesisCount(
  db: DB,
  asOf: string,
  statuses: HypothesisStatus[] = ALL_STATUSES,
  tags?: string[],
): number {
  const params = { asOf, ...(tags === undefined ? {} : { tags: JSON.stringify(tags) }) };
  if (outcomeAfter(db, asOf)) {
    const all = db
      .prepare(hypothesesAsOf('h.id AS rowid', tags !== undefined))
      .all({ ...params, lo: 0, hi: Number.MAX_SAFE_INTEGER }) as { status: HypothesisStatus }[];
    return all.filter((r) => statuses.includes(r.status)).length;
  }
  const count = db.prepare(HOW_MANY_NOW(tags !== undefined)).pluck();
  return count.get({ ...params, statuses: JSON.stringify(statuses) }) as number;
}

/**
 * Every hypothesis created on or before asOf (or just one, by row id), with its evidence counts.
 * With `countsForOpenOnly` (the report), evidence is counted only for hypotheses open as of asOf
 * and decided ones carry zero counts: the report shows no counts for them, and on a journal of
 * years most hypotheses are decided, so the report's work stays proportional to what is open.
 */
export function hypothesisStats(
  db: DB,
  asOf: string,
  /** one hypothesis's row id, a list of them, or null: every one */
  only: number | number[] | null = null,
  opts: { countsForOpenOnly?: boolean; statuses?: HypothesisStatus[] } & Choice = {},
): HypothesisRow[] {
  const statuses = opts.statuses ?? ALL_STATUSES;
  return statsOf(db, asOf, only, COLUMNS, statuses, Boolean(opts.countsForOpenOnly), opts).map((r) => {
    const { betUntil, betReason, betSince, ...rest } = r as StatsRow & BetColumns;
    return {
      ...rest,
      tags: r.tags === null || r.tags === undefined ? [] : r.tags.split('\u001f'),
      bet: betUntil === null ? null : { until: betUntil, reason: betReason!, since: betSince! },
    };
  }) as HypothesisRow[];
}

interface BetColumns {
  betUntil: string | null;
  betReason: string | null;
  betSince: string | null;
}

/**
 * The bets held on hypotheses open now, by row id. Bets are few (bets.max): they are read apart,
 * through their partial index (migration 0006), rather than from every open hypothesis's row.
 */
export function runningBets(db: DB): Map<number, Bet> {
  const rows = db
    .prepare(
      `SELECT h.id, h.bet_until, h.bet_reason, h.bet_since FROM hypotheses h
       WHERE h.bet_until IS NOT NULL AND h.status = 'open' ORDER BY h.bet_until, h.id`,
    )
    .raw()
    .all() as [number, string, string, string][];
  return new Map(rows.map(([id, until, reason, since]) => [id, { until, reason, since }]));
}

export type ReportHypothesisRow = Omit<HypothesisRow, 'uuid' | 'kind' | 'criteria' | 'tags' | 'by'>;

/** Basis ranks as SQLite returns them (null: no customer evidence that way). */
type Rank = 0 | 1 | 2 | null;

/** Has any outcome been recorded for a day after asOf? If not, the statuses the triggers keep hold as of asOf. */
export function outcomeAfter(db: DB, asOf: string): boolean {
  return db.prepare('SELECT 1 FROM outcomes WHERE date > ? LIMIT 1').pluck().get(asOf) !== undefined;
}

/** Was a hypothesis's statement revised after asOf? The report then shows the one that stood (src/db/report.ts). */
export function statementRevisedAfter(db: DB, asOf: string): boolean {
  return (
    db
      .prepare("SELECT 1 FROM hypothesis_revisions WHERE field = 'statement' AND date > ? LIMIT 1")
      .pluck()
      .get(asOf) !== undefined
  );
}

/**
 * The report's open hypotheses when the statuses hold as of asOf: dates from the index on status
 * (migration 0004) and evidence totals (0003), without each hypothesis's row.
 */
const OPEN_NOW = `
SELECT h.id AS rowid, h.created_on AS createdOn, h.decide_by AS decideBy,
  coalesce(t.supports, 0) AS supports, coalesce(t.refutes, 0) AS refutes,
  coalesce(t.other_supports, 0) AS otherSupports, coalesce(t.other_refutes, 0) AS otherRefutes,
  t.last_evidence AS lastEvidence, coalesce(t.customers_supporting, 0) AS customersSupporting,
  coalesce(t.customers_refuting, 0) AS customersRefuting, coalesce(t.accounts_supporting, 0) AS accountsSupporting,
  coalesce(t.accounts_refuting, 0) AS accountsRefuting, t.basis_supporting AS basisSupporting,
  t.basis_refuting AS basisRefuting, h.decided_on AS reopenedOn
FROM hypotheses h LEFT JOIN evidence_totals t ON t.hypothesis_id = h.id
WHERE h.status = 'open' AND h.created_on <= @asOf
ORDER BY h.id`;

/** OPEN_NOW of the hypotheses in @ids (a JSON array of row ids) alone. */
const OPEN_NOW_OF = OPEN_NOW.replace(
  "WHERE h.status = 'open'",
  "WHERE h.id IN (SELECT value FROM json_each(@ids)) AND h.status = 'open'",
);

/** Open hypotheses whose evidence totals include links dated after asOf (usually none). */
const OPEN_NOW_LATER_LINKS = `
SELECT t.hypothesis_id FROM evidence_totals t JOIN hypotheses h ON h.id = t.hypothesis_id
WHERE t.last_date > @asOf AND h.status = 'open' AND h.created_on <= @asOf`;

/** OPEN_NOW_LATER_LINKS among the hypotheses in @ids: looked up by id, not every total scanned. */
const OPEN_NOW_LATER_LINKS_OF = OPEN_NOW_LATER_LINKS.replace(
  'WHERE t.last_date',
  'WHERE t.hypothesis_id IN (SELECT value FROM json_each(@ids)) AND t.last_date',
);

const STATEMENTS = `SELECT h.id, h.statement FROM hypotheses h WHERE h.id IN (SELECT value FROM json_each(@ids))`;

/**
 * What the report needs of open hypotheses: every one open as of asOf, with its evidence counts.
 * With `statements`, only the first that many (and those held as bets) carry their statement (the
 * text view shows ten; the rest are there for their flags): the counts and dates then come from an
 * index alone (migration 0004), without reading each hypothesis's row. With `ids` (when the
 * statuses hold as of asOf), only those hypotheses (src/db/report.ts counts the others).
 */
export function reportOpenHypotheses(
  db: DB,
  asOf: string,
  now = !outcomeAfter(db, asOf),
  statements: number | null = null,
  ids: number[] | null = null,
): ReportHypothesisRow[] {
  // bets are read apart (few, from their index); as of a past day, a hypothesis open then but
  // decided since has none: a decision ends its bet
  const bets = runningBets(db);
  if (!now)
    return (statsOf(db, asOf, null, LEAN_COLUMNS, ['open'], true) as ReportHypothesisRow[]).map((r) =>
      Object.assign(r, { bet: bets.get(r.rowid) ?? null }),
    );
  // rows as arrays, in OPEN_NOW's column order: better-sqlite3 builds an object a row in C++ at
  // about twice the cost of building it below (the bench journal has 428 open hypotheses)
  const counted = (
    ids === null
      ? db.prepare(OPEN_NOW).raw().all({ asOf })
      : db
          .prepare(OPEN_NOW_OF)
          .raw()
          .all({ asOf, ids: JSON.stringify(ids) })
  ) as [
    number,
    string,
    string,
    number,
    number,
    number,
    number,
    string | null,
    number,
    number,
    number,
    number,
    Rank,
    Rank,
    string | null,
  ][];
  // totals that include links dated after asOf: count those hypotheses' evidence as of asOf
  const recount = (
    ids === null
      ? db.prepare(OPEN_NOW_LATER_LINKS).pluck().all({ asOf })
      : db
          .prepare(OPEN_NOW_LATER_LINKS_OF)
          .pluck()
          .all({ asOf, ids: JSON.stringify(ids) })
  ) as number[];
  const recounted =
    recount.length === 0
      ? new Map<number, Counts>()
      : new Map(
          (db.prepare(COUNTS).all({ asOf, ids: JSON.stringify(recount) }) as (Counts & { rowid: number })[]).map(
            (c) => [c.rowid, c],
          ),
        );
  // a view lists bets apart from the other open hypotheses: their statements, and as many more
  // rows as there are bets among the first, so that the other list still has its rows
  const wanted = statements === null ? counted : counted.filter((r, k) => k < statements + bets.size || bets.has(r[0]));
  const text = new Map(
    db
      .prepare(STATEMENTS)
      .raw()
      .all({ ids: JSON.stringify(wanted.map((r) => r[0])) }) as [number, string][],
  );
  const later = new Set(recount);
  return counted.map((r) => {
    const rowid = r[0];
    const c = later.has(rowid) ? (recounted.get(rowid) ?? NO_EVIDENCE) : null;
    return {
      rowid,
      id: `H${rowid}`,
      statement: text.get(rowid) ?? '',
      createdOn: r[1],
      decideBy: r[2],
      status: 'open',
      // an open hypothesis's latest outcome, if any, reopened it (its day restarts the stale clock)
      outcome: r[14] === null ? null : 'reopened',
      outcomeDate: r[14],
      outcomeReason: null,
      supports: c ? c.supports : r[3],
      refutes: c ? c.refutes : r[4],
      otherSupports: c ? c.otherSupports : r[5],
      otherRefutes: c ? c.otherRefutes : r[6],
      lastEvidence: c ? c.lastEvidence : r[7],
      customersSupporting: c ? c.customersSupporting : r[8],
      customersRefuting: c ? c.customersRefuting : r[9],
      accountsSupporting: c ? c.accountsSupporting : r[10],
      accountsRefuting: c ? c.accountsRefuting : r[11],
      basisSupporting: c ? c.basisSupporting : r[12],
      basisRefuting: c ? c.basisRefuting : r[13],
      bet: bets.get(rowid) ?? null,
    };
  });
}

// the report shows no evidence counts for decided hypotheses: zeros, read with the row (adding
// them to a thousand row objects afterwards cost milliseconds)
const NO_EVIDENCE_COLUMNS = `0 AS supports, 0 AS refutes, 0 AS otherSupports, 0 AS otherRefutes, NULL AS lastEvidence,
  0 AS customersSupporting, 0 AS customersRefuting, 0 AS accountsSupporting, 0 AS accountsRefuting,
  NULL AS basisSupporting, NULL AS basisRefuting, NULL AS bet`;

/**
 * Killed and invalidated hypotheses when the statuses hold as of asOf: the first @rows (-1: all),
 * latest decision first (then by id), in the order report_decided (0044) keeps its killed list in:
 * its `date` is the latest outcome's, which is the decision day (hypotheses.decided_on, 0004), so
 * its index walks them latest decision first and stops at the @rows-th; choosing them from the
 * index on status sorted every killed and invalidated hypothesis (~1,000 on a 100k journal) for the
 * ten a page shows (~0.6 -> 0.3 ms).
 */
const DECIDED_NOW = `
SELECT x.rowid, x.id, x.statement, x.createdOn, x.decideBy, x.status, o.outcome, o.date AS outcomeDate, o.reason AS
  outcomeReason,
  ${NO_EVIDENCE_COLUMNS}
FROM (SELECT ${LEAN_COLUMNS}, h.status, k.decided_on
      -- the first @rows from the index alone, then their rows
      FROM (SELECT d.hypothesis_id AS id, d.decided_on FROM report_decided d INDEXED BY report_decided_order
              CROSS JOIN hypotheses h ON h.id = d.hypothesis_id
            WHERE d.list = 'killed' AND h.created_on <= @asOf
            ORDER BY d.date DESC, d.decided_on DESC, d.hypothesis_id
            LIMIT @rows) k
      CROSS JOIN hypotheses h ON h.id = k.id) x
CROSS JOIN outcomes o ON o.id = (SELECT o2.id FROM outcomes o2 WHERE o2.hypothesis_id = x.rowid ORDER BY o2.date DESC,
  o2.id DESC LIMIT 1)
ORDER BY x.decided_on DESC, x.rowid`;

const DECIDED_NOW_FLAGS_ONLY = `
SELECT h.id, h.created_on, h.decide_by, h.status, h.decided_on
FROM hypotheses h
WHERE h.id IN (SELECT value FROM json_each(@ids)) AND h.status IN ('killed', 'invalidated') AND h.created_on <= @asOf
ORDER BY h.decided_on DESC, h.id`;

/**
 * The killed and invalidated hypotheses as of asOf, latest decision first (no evidence counts: the
 * report shows none for them). With `rows`, only the first `rows` of them and those whose ids are
 * in `also` (row ids, read without statement or reason: they are there for their flags) are read,
 * and `total` counts them all.
 */
export function reportDecidedHypotheses(
  db: DB,
  asOf: string,
  rows: number | null,
  also: number[],
  now = !outcomeAfter(db, asOf),
): { rows: ReportHypothesisRow[]; total: number } {
  if (!now) {
    // as of a past day, the statuses the triggers keep do not hold: recompute them all (rare)
    const all = (
      db.prepare(hypothesesAsOf(LEAN_COLUMNS)).all({ asOf, lo: 0, hi: Number.MAX_SAFE_INTEGER }) as StatsRow[]
    )
      .filter((r) => r.status === 'killed' || r.status === 'invalidated')
      .sort((x, y) => (x.outcomeDate! > y.outcomeDate! ? -1 : x.outcomeDate! < y.outcomeDate! ? 1 : x.rowid - y.rowid));
    const wanted = new Set(also);
    return {
      rows: (rows === null ? all : all.filter((r, k) => k < rows || wanted.has(r.rowid))).map(withoutEvidence),
      total: all.length,
    };
  }
  const first = rows === 0 ? [] : (db.prepare(DECIDED_NOW).all({ asOf, rows: rows ?? -1 }) as ReportHypothesisRow[]);
  if (rows === null) return { rows: first, total: first.length };
  const seen = new Set(first.map((r) => r.rowid));
  const missing = also.filter((id) => !seen.has(id));
  // past the rows shown, a decided hypothesis is there for its flag alone: its decision and day
  // are the status and decision day kept on it, read from the index, without statement or reason
  // rows as arrays, the constant columns added here (an object a row built in C++ costs more)
  const more =
    missing.length === 0
      ? []
      : (
          db
            .prepare(DECIDED_NOW_FLAGS_ONLY)
            .raw()
            .all({ asOf, ids: JSON.stringify(missing) }) as [number, string, string, 'killed' | 'invalidated', string][]
        ).map(
          ([rowid, createdOn, decideBy, status, decidedOn]): ReportHypothesisRow => ({
            rowid,
            id: `H${rowid}`,
            statement: '',
            createdOn,
            decideBy,
            status,
            outcome: status,
            outcomeDate: decidedOn,
            outcomeReason: '',
            supports: 0,
            refutes: 0,
            otherSupports: 0,
            otherRefutes: 0,
            lastEvidence: null,
            customersSupporting: 0,
            customersRefuting: 0,
            accountsSupporting: 0,
            accountsRefuting: 0,
            basisSupporting: null,
            basisRefuting: null,
            bet: null,
          }),
        );
  const total = db
    .prepare(`SELECT count(*) FROM hypotheses h WHERE h.status IN ('killed', 'invalidated') AND h.created_on <= @asOf`)
    .pluck()
    .get({ asOf }) as number;
  return { rows: [...first, ...more], total };
}

/** A decided hypothesis as the report carries it: the report shows no evidence counts for those. */
const withoutEvidence = (r: StatsRow): ReportHypothesisRow => Object.assign(r, NO_EVIDENCE, { bet: null });

type StatsRow = Omit<HypothesisRow, 'tags'> & { tags?: string | null };

function statsOf(
  db: DB,
  asOf: string,
  only: number | number[] | null,
  columns: string,
  statuses: HypothesisStatus[],
  countsForOpenOnly: boolean,
  choice: Choice = {},
): StatsRow[] {
  const range =
    only === null
      ? { lo: 0, hi: Number.MAX_SAFE_INTEGER }
      : typeof only === 'number'
        ? { lo: only, hi: only }
        : { ids: JSON.stringify(only) };
  // a list of row ids: each seeks its row (pm tree's few dozen, once in a statement)
  const chosen = (sql: string) =>
    'ids' in range ? sql.replace('h.id BETWEEN @lo AND @hi', 'h.id IN (SELECT value FROM json_each(@ids))') : sql;
  const laterOutcome = outcomeAfter(db, asOf);
  const tagged = choice.tags !== undefined;
  const tags = tagged ? { tags: JSON.stringify(choice.tags) } : {};
  const first = choice.first ?? -1;
  const rows = (
    laterOutcome
      ? (db.prepare(chosen(hypothesesAsOf(columns, tagged))).all({ asOf, ...range, ...tags }) as StatsRow[])
          .filter((r) => statuses.includes(r.status))
          .slice(0, first < 0 ? undefined : first)
      : db
          .prepare(chosen(hypothesesNow(columns, tagged)))
          .all({ asOf, ...range, ...tags, first, statuses: JSON.stringify(statuses) })
  ) as StatsRow[];
  const counted = countsForOpenOnly ? rows.filter((r) => r.status === 'open') : rows;
  const counts = new Map<number, Counts>();
  if (counted.length > 0) {
    const ids = JSON.stringify(counted.map((r) => r.rowid));
    for (const c of db.prepare(COUNTS).all({ asOf, ids }) as (Counts & { rowid: number })[]) counts.set(c.rowid, c);
  }
  return rows.map((r) => Object.assign(r, counts.get(r.rowid) ?? NO_EVIDENCE));
}

/** The status as of a day of each hypothesis whose UUID is given, by UUID, without counting any evidence. */
export function hypothesisStatuses(db: DB, asOf: string, uuids: string[]): Map<string, HypothesisStatus> {
  const laterOutcome = outcomeAfter(db, asOf);
  const params = { asOf, uuids: JSON.stringify(uuids) };
  const chosen = 'h.uuid IN (SELECT value FROM json_each(@uuids)) AND h.created_on <= @asOf';
  const rows = (
    laterOutcome
      ? db
          .prepare(`SELECT h.uuid, CASE WHEN o.outcome IS NULL OR o.outcome = 'reopened' THEN 'open' ELSE o.outcome
            END AS status
        FROM hypotheses h LEFT JOIN outcomes o ON o.id = ${LATEST} WHERE ${chosen}`)
          .all(params)
      : db.prepare(`SELECT h.uuid, h.status FROM hypotheses h WHERE ${chosen}`).all(params)
  ) as { uuid: string; status: HypothesisStatus }[];
  return new Map(rows.map((r) => [r.uuid, r.status]));
}

/**
 * The evidence counts confidence is computed from (src/core/confidence.ts), as of a day, of the
 * hypotheses whose row ids are given: the markdown export shows each hypothesis's confidence.
 */
export function confidenceInputs(db: DB, asOf: string, rowids: number[]): Map<number, ConfidenceInputs> {
  const found = new Map<number, ConfidenceInputs>();
  if (rowids.length === 0) return found;
  for (const c of db.prepare(COUNTS).all({ asOf, ids: JSON.stringify(rowids) }) as (Counts & { rowid: number })[])
    found.set(c.rowid, c);
  for (const id of rowids) if (!found.has(id)) found.set(id, NO_EVIDENCE);
  return found;
}

/**
 * SQL for loggedAfter (src/core/hypotheses.ts): evidence row `e` of hypothesis `h` came after the
 * decision made on `day` (the hypothesis's latest outcome): dated after it, or dated that day and its
 * interview's UUID (version 7, time-ordered) after that outcome's. The report's statements
 * (src/db/report.ts, report-json.ts) and the kept entries of 0061 and 0074 write this rule for
 * evidence-after-validate and evidence-after-kill.
 */
export const loggedAfterSql = (e: string, h: string, day: string): string =>
  `(${e}.date > ${day} OR ${e}.date = ${day} AND (SELECT i.uuid FROM interviews i WHERE i.id = ${e}.interview_id) > ` +
  `(SELECT o.uuid FROM outcomes o WHERE o.hypothesis_id = ${h} AND o.date = ${day} ORDER BY o.id DESC LIMIT 1))`;
