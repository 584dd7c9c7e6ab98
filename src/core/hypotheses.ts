// The rules for hypotheses, shared by `pm hyp list`, `pm hyp show` and `pm report`: what status a
// hypothesis has, which outcome moves are legal, which flags it raises, and the record every hyp
// command prints. Pure functions.
import { shortRef } from './versions.js';
import { daysBetween } from './dates.js';
import type { Config } from './config.js';
import { UsageError } from '../errors.js';
import type { InterviewKind } from './interviews.js';
import { confidenceOf, type Basis, type BasisRank, type Confidence } from './confidence.js';

export const KINDS = ['value', 'usability', 'feasibility', 'viability'] as const;
export type HypothesisKind = (typeof KINDS)[number];
export const STATUSES = ['open', 'validated', 'invalidated', 'killed'] as const;
export type HypothesisStatus = (typeof STATUSES)[number];
export const OUTCOMES = ['validated', 'invalidated', 'killed', 'reopened'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const STRENGTHS = ['weak', 'medium', 'strong'] as const;
export type Strength = (typeof STRENGTHS)[number];
export type Direction = 'supports' | 'refutes';

export type HypothesisFlag =
  | 'stale'
  | 'past-decide-by'
  | 'decide-soon'
  /** its decide-by is today: the last day to decide in time (actionable; with decide-soon) */
  | 'decide-today'
  | 'ready-to-validate'
  | 'ready-to-kill'
  | 'no-evidence'
  /** a conviction bet runs: its stale, past-decide-by and ready-to-kill are informational */
  | 'bet'
  /** the bet's deadline has passed: decide (actionable) */
  | 'bet-due'
  /** every supporting customer is in one segment (informational; pm hyp list/show) */
  | 'single-segment'
  /** decided ones (pm hyp show; the report's sections 4 and 5): see afterDecision */
  | 'evidence-after-kill'
  | 'evidence-after-validate';

/** How many days ahead an open hypothesis's decide-by raises `decide-soon` (issue 15). */
export const DECIDE_SOON_DAYS = 7;

/** A conviction bet: held against early evidence until a deadline (`pm hyp bet`). */
export interface Bet {
  until: string;
  reason: string;
  since: string;
}

/** The flags a running bet makes informational. */
export const FLAGS_A_BET_HOLDS: readonly HypothesisFlag[] = [
  'stale',
  'past-decide-by',
  'decide-today',
  'ready-to-kill',
];

/**
 * The bet's effect as of a day: `running` from its first day to --until inclusive, `due` from the
 * day after, null when there is none (or it starts after asOf).
 */
export function betState(bet: Bet | null | undefined, asOf: string): 'running' | 'due' | null {
  if (!bet || bet.since > asOf) return null;
  return asOf <= bet.until ? 'running' : 'due';
}

/**
 * Evidence as it counts: `supports`/`refutes` and the customer counts come only from customer
 * contact (a direct conversation with a customer or prospect); the same person in several
 * interviews is one customer. Second-hand signals and stakeholder meetings are counted apart
 * (`otherSupports`/`otherRefutes`) and never raise a flag.
 */
export interface EvidenceStats {
  createdOn: string;
  decideBy: string;
  supports: number;
  refutes: number;
  customersSupporting: number;
  customersRefuting: number;
  /** distinct accounts of the supporting customers */
  accountsSupporting: number;
  /** distinct accounts of the refuting customers */
  accountsRefuting: number;
  otherSupports: number;
  otherRefutes: number;
  /** date of the latest customer-contact evidence, or null */
  lastEvidence: string | null;
  /** the strongest basis of customer evidence each way: 0 said, 1 did, 2 paid; null: none */
  basisSupporting: BasisRank;
  basisRefuting: BasisRank;
}

/** An open hypothesis's latest outcome as of the day judged: 'reopened' and its day, if it was ever decided. */
export interface Reopened {
  outcome?: string | null;
  outcomeDate?: string | null;
}

/**
 * Where an open hypothesis's stale clock starts: its last customer evidence, else its birth. A
 * reopened one is made again at its reopening (decisions.md, "A reopened hypothesis is made again"):
 * the user chose to pursue it that day, with a new decide-by, so evidence from before the kill does
 * not make it stale on the day it is reopened. The report's SQL writes the same rule (src/db/report.ts
 * openFlags, src/db/report-json.ts open).
 */
export function staleSince(s: Pick<EvidenceStats, 'createdOn' | 'lastEvidence'> & Reopened): {
  since: string;
  what: 'new' | 'reopened' | 'created';
} {
  const reopened = s.outcome === 'reopened' && s.outcomeDate != null && s.outcomeDate > s.createdOn;
  const born = reopened ? s.outcomeDate! : s.createdOn;
  if (s.lastEvidence !== null && s.lastEvidence > born) return { since: s.lastEvidence, what: 'new' };
  return { since: born, what: reopened ? 'reopened' : 'created' };
}

/**
 * The flags of an open hypothesis as of a day (contract, report section 3; `decide-soon`, informational:
 * its decide-by is today or within DECIDE_SOON_DAYS days; `decide-today`, actionable: it is today). Only
 * customer-contact evidence counts. Staleness runs from the latest of creation (or reopening) and the last
 * evidence (staleSince): linking an interview older than the hypothesis does not make a hypothesis created
 * today stale.
 */
export function hypothesisFlags(
  s: EvidenceStats & Reopened,
  asOf: string,
  config: Config,
  bet: Bet | null = null,
): HypothesisFlag[] {
  const flags: HypothesisFlag[] = [];
  if (daysBetween(staleSince(s).since, asOf) > config['hypothesis.staleDays']) flags.push('stale');
  if (s.decideBy < asOf) flags.push('past-decide-by');
  else if (daysBetween(asOf, s.decideBy) <= DECIDE_SOON_DAYS) {
    flags.push('decide-soon');
    // the decide-by day is the day to decide: the morning after, the page already says "1 day past" (H11)
    if (s.decideBy === asOf) flags.push('decide-today');
  }
  if (s.customersSupporting >= config['evidence.validateAt'] && s.accountsSupporting >= 2 && s.customersRefuting === 0)
    flags.push('ready-to-validate');
  if (s.customersRefuting >= config['evidence.killAt']) flags.push('ready-to-kill');
  if (s.supports + s.refutes === 0) flags.push('no-evidence');
  const state = betState(bet, asOf);
  if (state === 'running') flags.push('bet');
  else if (state === 'due') flags.push('bet-due');
  return flags;
}

/**
 * What a decided hypothesis's links say since the decision, as the report judges it (contract, report
 * sections 4 and 5): killed or invalidated with interviews logged after the decision (loggedAfter; on or
 * before asOf) supporting it: `evidence-after-kill`; validated with customer evidence refuting it logged
 * after the validation: `evidence-after-validate`. null when open or neither. `pm hyp show` names them
 * with the way out. One rule of "after" for both (fresh-eyes wave 18 H13: a call that afternoon supporting
 * the morning's kill was ignored where one refuting the morning's validation was flagged).
 */
export function afterDecision(
  status: HypothesisStatus,
  decision: { date: string; uuid: string } | null,
  evidence: readonly Pick<EvidenceEntry, 'interviewId' | 'interviewUuid' | 'date' | 'direction' | 'interviewKind'>[],
  asOf: string,
): { flag: 'evidence-after-kill' | 'evidence-after-validate'; interviews: string[] } | null {
  if (decision === null || status === 'open') return null;
  if (status === 'validated') {
    const refuting = evidence.filter(
      (e) => e.direction === 'refutes' && e.interviewKind === 'customer' && e.date <= asOf && loggedAfter(e, decision),
    );
    return refuting.length ? { flag: 'evidence-after-validate', interviews: refuting.map((e) => e.interviewId) } : null;
  }
  // a link refuting a killed idea confirms the decision: only one supporting it puts it in doubt
  const since = evidence.filter((e) => e.direction === 'supports' && e.date <= asOf && loggedAfter(e, decision));
  return since.length ? { flag: 'evidence-after-kill', interviews: since.map((e) => e.interviewId) } : null;
}

/**
 * Whether a conversation came after a decision: dated after its day, or on that day and logged after it.
 * A validation in the morning standup and a customer refuting it that afternoon share a date; their
 * UUIDs are version 7 (src/core/uuid.ts), time-ordered, so the later-logged one sorts after, on every
 * device a sync copies them to. The SQL of the report and pm hyp list writes the same rule
 * (src/db/hypothesis-stats.ts, loggedAfterSql).
 */
export function loggedAfter(e: { date: string; interviewUuid: string }, decision: { date: string; uuid: string }) {
  return e.date > decision.date || (e.date === decision.date && e.interviewUuid > decision.uuid);
}

/**
 * The warning for evidence linked to a decided hypothesis from a conversation dated before the decision:
 * it was known when the team decided, raises no flag (afterDecision), and is no reason to reopen.
 */
export function predatesDecision(id: string, status: HypothesisStatus, decidedOn: string, date: string): string {
  return (
    `${id} was ${status} on ${decidedOn}, after this conversation (${date}): the evidence is recorded as ` +
    'known before the decision, and raises no flag'
  );
}

/** The status after an outcome: reopened means open again. */
export function statusAfter(outcome: Outcome): HypothesisStatus {
  return outcome === 'reopened' ? 'open' : outcome;
}

/**
 * Is `outcome` a legal move from `status`? From open: validate, invalidate or kill. From validated,
 * invalidated or killed: only reopen. Returns null when legal, else why not.
 */
export function illegalMove(status: HypothesisStatus, outcome: Outcome): string | null {
  if (status === 'open') return outcome === 'reopened' ? 'it is already open' : null;
  if (outcome === 'reopened') return null;
  return `it is ${status}; reopen it first`;
}

/** The verb a user types for each outcome (`pm hyp kill`). */
export const OUTCOME_VERBS: Record<Outcome, string> = {
  validated: 'validate',
  invalidated: 'invalidate',
  killed: 'kill',
  reopened: 'reopen',
};

export interface LatestOutcome {
  outcome: Outcome;
  date: string;
  reason: string;
}

/**
 * Check a new outcome against the hypothesis's history and throw a usage error naming the fix:
 * an illegal move, an outcome dated before the latest one, or before the hypothesis existed.
 */
export function checkOutcome(
  h: { id: string; status: HypothesisStatus; createdOn: string; latest: LatestOutcome | null },
  outcome: Outcome,
  date: string,
): void {
  const verb = OUTCOME_VERBS[outcome];
  if (illegalMove(h.status, outcome) !== null) {
    if (h.status === 'open')
      throw new UsageError(
        `${h.id} is already open; only a validated, invalidated or killed hypothesis can be reopened`,
        `try: pm hyp show ${h.id}`,
      );
    const since = h.latest ? ` on ${h.latest.date}` : '';
    throw new UsageError(
      `${h.id} was ${h.status}${since}; it cannot be ${outcome} before it is reopened`,
      `try: pm hyp reopen ${h.id} --reason "…", then pm hyp ${verb} ${h.id} --reason "…"`,
    );
  }
  if (h.latest && date < h.latest.date)
    throw new UsageError(
      `${h.id} was last decided on ${h.latest.date} (${h.latest.outcome}); an outcome cannot be dated before that`,
      `try: --date ${h.latest.date} or later (outcomes are kept in date order)`,
    );
  if (date < h.createdOn)
    throw new UsageError(
      `${h.id} was created on ${h.createdOn}; an outcome cannot be dated before that`,
      `try: --date ${h.createdOn} or later`,
    );
}

/**
 * `H7`, `h7` → 7; anything else → null. A bare `7` too: where only a hypothesis can be meant (pm hyp …,
 * pm guide) a number is one, as `--supports 7` is H7 (`pm hyp show 1` was refused: fresh-eyes wave 14 H19).
 */
export function parseHypothesisId(ref: string): number | null {
  const m = /^h?(\d{1,15})$/i.exec(ref.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * A hypothesis dated after today: a teammate a time zone ahead added it and pm sync brought it before
 * this calendar reached its day (fresh-eyes wave 13 H10). Not counted until then, but said so.
 */
export function datedAhead(id: string, createdOn: string, today: string): string {
  return `${id} is dated ${createdOn}, after today (${today}): a teammate ahead of your time zone added it`;
}

export function unknownHypothesis(ref: string): UsageError {
  const shown = ref.length > 40 ? ref.slice(0, 40) + '…' : ref;
  return parseHypothesisId(ref) === null
    ? new UsageError(`${JSON.stringify(shown)} is not a hypothesis id (H1, H2, …)`, 'try: pm hyp list --status all')
    : new UsageError(`unknown hypothesis H${parseHypothesisId(ref)}`, 'try: pm hyp list --status all');
}

export function parseKind(value: string): HypothesisKind {
  const v = value.trim().toLowerCase();
  if ((KINDS as readonly string[]).includes(v)) return v as HypothesisKind;
  throw new UsageError(`--kind: ${JSON.stringify(value)} is not a kind`, `kinds: ${KINDS.join(', ')}`);
}

export function parseStrength(value: string): Strength {
  const v = value.trim().toLowerCase();
  if ((STRENGTHS as readonly string[]).includes(v)) return v as Strength;
  throw new UsageError(`--strength: ${JSON.stringify(value)} is not a strength`, `strengths: ${STRENGTHS.join(', ')}`);
}

export const STATUS_FILTERS = [...STATUSES, 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function parseStatusFilter(value: string | undefined): StatusFilter {
  if (value === undefined) return 'open';
  const v = value.trim().toLowerCase();
  if ((STATUS_FILTERS as readonly string[]).includes(v)) return v as StatusFilter;
  throw new UsageError(`--status: ${JSON.stringify(value)} is not a status`, `statuses: ${STATUS_FILTERS.join(', ')}`);
}

export interface Revision {
  date: string;
  field: 'statement' | 'criteria';
  before: string | null;
  after: string | null;
}

/**
 * A hypothesis's statement and criterion as they stood at the end of a day, and the revisions made by
 * then: each field is the `before` of its first revision dated after the day (the report's rows apply
 * the same rule to statements in SQL: statementsBefore, src/db/report.ts). A past week's export so
 * shows the bar in force that week. Only revisions are kept, so a field changed without one (before
 * any evidence) reads as it is now.
 */
export function revisedAsOf<T extends { statement: string; criteria: string | null; revisions: Revision[] }>(
  h: T,
  asOf: string,
): T {
  const later = h.revisions.filter((r) => r.date > asOf);
  if (later.length === 0) return h;
  const statement = later.find((r) => r.field === 'statement');
  const criteria = later.find((r) => r.field === 'criteria');
  return {
    ...h,
    statement: statement?.before ?? h.statement,
    criteria: criteria ? criteria.before : h.criteria,
    revisions: h.revisions.filter((r) => r.date <= asOf),
  };
}

/** What the journal knows about a hypothesis as of a day (src/db/hypothesis-stats.ts builds it). */
export interface HypothesisFacts extends EvidenceStats {
  id: string;
  uuid: string;
  statement: string;
  kind: HypothesisKind;
  criteria: string | null;
  status: HypothesisStatus;
  /** the latest outcome on or before asOf, if any */
  outcome: Outcome | null;
  outcomeDate: string | null;
  outcomeReason: string | null;
  tags: string[];
  bet: Bet | null;
  /** who added it (user.name, else the OS login); null: no one's (added before schema 75, or not here) */
  by?: string | null;
}

/**
 * The hypothesis as every hyp command prints it with --json: the export format's keys, then the
 * report's `hypotheses.unvalidated` keys, then what else a script may want.
 */
export interface HypothesisRecord {
  uuid: string;
  id: string;
  /** the reference that means the same in every journal: H-0b12cd (issue 19) */
  ref: string;
  statement: string;
  kind: HypothesisKind;
  criteria: string | null;
  createdOn: string;
  decideBy: string;
  tags: string[];
  revisions: Revision[];
  /** who added it (user.name, else the OS login), or null: no one's (src/db/hypothesis-stats.ts) */
  by: string | null;
  /** the opportunities it addresses (issue 17: the opportunity–solution tree) */
  opportunityUuids: string[];
  status: HypothesisStatus;
  ageDays: number;
  supports: number;
  refutes: number;
  customersSupporting: number;
  customersRefuting: number;
  lastEvidence: string | null;
  flags: HypothesisFlag[];
  /** distinct accounts of the supporting customers */
  accountsSupporting: number;
  /** evidence from second-hand signals and stakeholder meetings: shown, never counted */
  otherSupports: number;
  otherRefutes: number;
  /** the latest outcome (validated, invalidated, killed or reopened), or null */
  decision: LatestOutcome | null;
  /** distinct accounts of the refuting customers */
  accountsRefuting: number;
  /** a conviction bet held on it (open hypotheses only), or null */
  bet: Bet | null;
  /** how far its supporting evidence goes (src/core/confidence.ts), and the refuting evidence's level */
  confidence: Confidence;
  /** the names of the opportunities it addresses, as `opportunityUuids` lists them */
  opportunities: string[];
}

/** An outcome as `pm hyp show` lists it. */
export interface OutcomeEntry {
  uuid: string;
  outcome: Outcome;
  date: string;
  reason: string;
  /** who recorded it (null: recorded before schema 64) */
  by: string | null;
}

/** A piece of a hypothesis's evidence as `pm hyp show` lists it, with its interview. */
export interface EvidenceEntry {
  interviewId: string;
  interviewUuid: string;
  date: string;
  channel: string;
  /** customer (counts), indirect (second-hand) or stakeholder (no customer present) */
  interviewKind: InterviewKind;
  counts: boolean;
  with: string[];
  /** null for a signal from a source alone */
  account: string | null;
  /** a signal's source, or null */
  source: string | null;
  direction: Direction;
  strength: Strength;
  basis: Basis;
  summary: string;
}

/**
 * Flags are about open hypotheses only: a decided one is neither stale nor ready for anything.
 * `singleSegment`: every supporting customer is in one segment (the informational flag).
 */
export function hypothesisRecord(
  f: HypothesisFacts,
  revisions: Revision[],
  asOf: string,
  config: Config,
  singleSegment = false,
  opportunities: { uuid: string; name: string }[] = [],
): HypothesisRecord {
  const open = f.status === 'open';
  const flags = open ? hypothesisFlags(f, asOf, config, f.bet) : [];
  if (singleSegment) flags.push('single-segment');
  return {
    uuid: f.uuid,
    id: f.id,
    ref: shortRef('H', f.uuid),
    statement: f.statement,
    kind: f.kind,
    criteria: f.criteria,
    createdOn: f.createdOn,
    decideBy: f.decideBy,
    tags: f.tags,
    revisions,
    by: f.by ?? null,
    opportunityUuids: opportunities.map((o) => o.uuid),
    status: f.status,
    ageDays: daysBetween(f.createdOn, asOf),
    supports: f.supports,
    refutes: f.refutes,
    customersSupporting: f.customersSupporting,
    customersRefuting: f.customersRefuting,
    lastEvidence: f.lastEvidence,
    flags,
    accountsSupporting: f.accountsSupporting,
    otherSupports: f.otherSupports,
    otherRefutes: f.otherRefutes,
    decision:
      f.outcome && f.outcomeDate ? { outcome: f.outcome, date: f.outcomeDate, reason: f.outcomeReason ?? '' } : null,
    accountsRefuting: f.accountsRefuting,
    bet: open && f.bet !== null && f.bet.since <= asOf ? f.bet : null,
    confidence: confidenceOf(f, config),
    opportunities: opportunities.map((o) => o.name),
  };
}
