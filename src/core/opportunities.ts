// Opportunities (issue 17): the pains customers raised across a window, grouped by their text
// (case- and space-insensitively: painKey) and by the merges the user made, ranked by how much
// solving them is worth. Pure: src/db/opportunities.ts reads the rows, this decides.
//
// The worth-solving score is the sum, over the distinct customers who raised the pain in customer
// conversations of the window, of the weight of the highest severity each gave it (low 1, medium 2,
// high 3, blocker 5). Second-hand signals (support tickets, reviews, sales notes) are counted apart
// and never scored: they say a pain exists, not how many customers it costs.
import { weeksWindow, type Window } from './dates.js';
import type { HypothesisStatus } from './hypotheses.js';
import { painKey, SEVERITIES, SEVERITY_WEIGHT, type Severity } from './pains.js';
import { closest, looseKey } from './text.js';

/** One pain of one interview in the window, as the journal holds it. */
export interface PainRow {
  interviewId: number;
  date: string;
  /** customer: a customer conversation (scored); indirect: a signal (counted apart) */
  kind: 'customer' | 'indirect';
  accountId: number | null;
  accountSegment: string | null;
  /** the journey stage of the interview, where it has one */
  stage: string | null;
  text: string;
  severity: Severity;
  /** the customers and prospects present: [contact row id, their segment] */
  customers: [number, string | null][];
}

/** An opportunity the user named: by a merge, a rename, or a hypothesis made for it. */
export interface NamedOpportunity {
  id: number;
  uuid: string;
  name: string;
  /** painKey(name) */
  key: string;
  /** names merged into it, as they were written, each with its painKey */
  aliases: { key: string; name: string }[];
}

/** A hypothesis made for an opportunity, with its status as of the day. */
export interface OpportunityHypothesis {
  opportunityId: number;
  rowid: number;
  status: HypothesisStatus;
}

export type OpportunityFlag = 'single-account' | 'unaddressed';

/** One opportunity as `pm opportunities --json` prints it (exactly the keys). */
export interface Opportunity {
  opportunity: string;
  aliases: string[];
  score: number;
  customers: number;
  accounts: number;
  segments: string[];
  stages: string[];
  signals: number;
  severity: Record<Severity, number>;
  firstHeard: string;
  lastHeard: string;
  hypotheses: string[];
  flags: OpportunityFlag[];
}

export { DEFAULT_WEEKS, type Window } from './dates.js';

/** The window pains are gathered over (src/core/dates.ts weeksWindow). */
export function opportunityWindow(flags: { weeks?: string; since?: string }, asOf: string): Window {
  return weeksWindow(flags, asOf, 'pm opportunities');
}

interface Group {
  named: NamedOpportunity | null;
  key: string;
  /** the pain as written in the window and how often each way, for an unnamed group's name */
  spellings: Map<string, { count: number; last: string }>;
  /** each customer's highest severity */
  customers: Map<number, Severity>;
  accounts: Set<number>;
  segments: Set<string>;
  stages: Set<string>;
  signalInterviews: Set<number>;
  firstHeard: string;
  lastHeard: string;
  /** the group's only text, counted by SQLite (then the customers, accounts and signals above stay empty) */
  tally?: PainTextTally;
}

/** The rank of a severity: low 0 … blocker 3. */
const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, blocker: 3 };

/**
 * Group the window's pains into opportunities and rank them: by score, then distinct customers,
 * then accounts, then the most recently heard, then by name (case-insensitively), so that the
 * order is the same on every run. An opportunity heard only through signals scores 0 and comes
 * after every one a customer raised.
 */
export function rankOpportunities(
  rows: PainRow[],
  named: NamedOpportunity[],
  hypotheses: OpportunityHypothesis[],
  validateAt: number,
): Opportunity[] {
  const groupOf = grouper(named);
  for (const row of rows) {
    const g = groupOf(row.text, row.date, row.date);
    if (row.date < g.firstHeard) g.firstHeard = row.date;
    if (row.date > g.lastHeard) g.lastHeard = row.date;
    const seen = g.spellings.get(row.text);
    if (seen) {
      seen.count++;
      if (row.date > seen.last) seen.last = row.date;
    } else g.spellings.set(row.text, { count: 1, last: row.date });
    if (row.kind === 'indirect') {
      g.signalInterviews.add(row.interviewId);
      continue;
    }
    const rank = RANK[row.severity];
    for (let k = 0; k < row.customers.length; k++) {
      // indexed, not destructured (an array's iterator, before the JIT has warmed: see painRows)
      const contact = row.customers[k][0];
      const segment = row.customers[k][1];
      const before = g.customers.get(contact);
      if (before === undefined || rank > RANK[before]) g.customers.set(contact, row.severity);
      if (segment) g.segments.add(segment);
    }
    if (row.accountId !== null) g.accounts.add(row.accountId);
    if (row.accountSegment) g.segments.add(row.accountSegment);
    if (row.stage) g.stages.add(row.stage);
  }
  return rankGroups(groupOf.groups, hypotheses, validateAt);
}

/**
 * One way a pain was written in the window, with what the ranking needs of every pain written so,
 * gathered by SQLite (src/db/opportunities.ts painTextRows): a row a text, not a row a pain.
 */
export interface PainTextRow {
  text: string;
  /** how many of the window's pains are written so */
  pains: number;
  firstHeard: string;
  lastHeard: string;
  /** the signals (interview row ids) that raised it */
  signals: number[];
  /** the accounts of the customer conversations that raised it */
  accounts: number[];
  /** the journey stages of those conversations (none empty) */
  stages: string[];
  /** the segments of those accounts and of the customers present (none empty) */
  segments: string[];
  /** each customer or prospect present where it was raised, as contact row id × 4 + the severity's rank */
  customers: number[];
}

/**
 * A way a pain was written in the window that alone makes its opportunity (no other text of the
 * window shares its key or named opportunity), its customers, accounts and signals already counted
 * by SQLite (src/db/opportunities.ts painTextTallies): what rankPainTexts needs of it, without the
 * thousands of ids it would otherwise put into Maps and Sets.
 */
export interface PainTextTally {
  text: string;
  pains: number;
  firstHeard: string;
  lastHeard: string;
  /** how many distinct signals (interviews) raised it */
  signalCount: number;
  /** how many distinct accounts of customer conversations raised it */
  accountCount: number;
  stages: string[];
  segments: string[];
  /** the customers and prospects who raised it, by the highest severity each gave it */
  severity: Record<Severity, number>;
}

/**
 * rankOpportunities from the window's pains gathered a row a text: the same opportunities, in the
 * same order (test/unit/opportunities.test.ts holds the two equal, merges and journals of both bench
 * shapes included). In a fresh process the 100k journal's 12 weeks took ~30 ms of CPU read a row a
 * pain and ranked (~5,800 rows parsed, then grouped before the JIT had warmed to it), ~12 ms so.
 */
export function rankPainTexts(
  texts: (PainTextRow | PainTextTally)[],
  named: NamedOpportunity[],
  hypotheses: OpportunityHypothesis[],
  validateAt: number,
): Opportunity[] {
  const groupOf = grouper(named);
  for (const t of texts) {
    const g = groupOf(t.text, t.firstHeard, t.lastHeard);
    if (t.firstHeard < g.firstHeard) g.firstHeard = t.firstHeard;
    if (t.lastHeard > g.lastHeard) g.lastHeard = t.lastHeard;
    g.spellings.set(t.text, { count: t.pains, last: t.lastHeard });
    if ('severity' in t) {
      g.tally = t;
      for (let k = 0; k < t.segments.length; k++) g.segments.add(t.segments[k]);
      for (let k = 0; k < t.stages.length; k++) g.stages.add(t.stages[k]);
      continue;
    }
    for (let k = 0; k < t.signals.length; k++) g.signalInterviews.add(t.signals[k]);
    for (let k = 0; k < t.customers.length; k++) {
      const contact = Math.floor(t.customers[k] / 4);
      const severity = SEVERITIES[t.customers[k] % 4];
      const before = g.customers.get(contact);
      if (before === undefined || RANK[severity] > RANK[before]) g.customers.set(contact, severity);
    }
    for (let k = 0; k < t.accounts.length; k++) g.accounts.add(t.accounts[k]);
    for (let k = 0; k < t.segments.length; k++) g.segments.add(t.segments[k]);
    for (let k = 0; k < t.stages.length; k++) g.stages.add(t.stages[k]);
  }
  return rankGroups(groupOf.groups, hypotheses, validateAt);
}

/**
 * The group each text belongs to (by painKey, or the named opportunity its key or an alias names),
 * made when first met. A window's pains are mostly the same few hundred texts written again: each
 * text finds its group once (this runs once a process, before the JIT has warmed up to it).
 */
function grouper(
  named: NamedOpportunity[],
): ((text: string, first: string, last: string) => Group) & { groups: Map<string, Group> } {
  const byKey = new Map<string, NamedOpportunity>();
  for (const n of named) {
    byKey.set(n.key, n);
    for (const a of n.aliases) byKey.set(a.key, n);
  }
  const groups = new Map<string, Group>();
  const groupOf = new Map<string, Group>();
  const find = (text: string, first: string, last: string): Group => {
    let g = groupOf.get(text);
    if (g !== undefined) return g;
    const key = painKey(text);
    const n = byKey.get(key) ?? null;
    const groupKey = n ? `#${n.id}` : key;
    g = groups.get(groupKey);
    if (g === undefined) {
      g = {
        named: n,
        key,
        spellings: new Map(),
        customers: new Map(),
        accounts: new Set(),
        segments: new Set(),
        stages: new Set(),
        signalInterviews: new Set(),
        firstHeard: first,
        lastHeard: last,
      };
      groups.set(groupKey, g);
    }
    groupOf.set(text, g);
    return g;
  };
  return Object.assign(find, { groups });
}

function rankGroups(groups: Map<string, Group>, hypotheses: OpportunityHypothesis[], validateAt: number) {
  const hypothesesOf = new Map<number, OpportunityHypothesis[]>();
  for (const h of hypotheses) {
    const list = hypothesesOf.get(h.opportunityId);
    if (list) list.push(h);
    else hypothesesOf.set(h.opportunityId, [h]);
  }

  const segmentsOf = inTextOrder(groups, (g) => g.segments);
  const stagesOf = inTextOrder(groups, (g) => g.stages);
  const out: Opportunity[] = [];
  for (const g of groups.values()) {
    const tally = g.tally;
    if (tally !== undefined && g.spellings.size > 1)
      throw new Error(`bug: ${JSON.stringify(tally.text)} counted alone but shares its opportunity`);
    const severity: Record<Severity, number> = tally
      ? { ...tally.severity }
      : { low: 0, medium: 0, high: 0, blocker: 0 };
    let customers = 0;
    let score = 0;
    if (tally) for (const s of SEVERITIES) customers += severity[s];
    else
      for (const s of g.customers.values()) {
        severity[s]++;
        customers++;
      }
    for (const s of SEVERITIES) score += severity[s] * SEVERITY_WEIGHT[s];
    const accounts = tally ? tally.accountCount : g.accounts.size;
    const linked = g.named ? (hypothesesOf.get(g.named.id) ?? []).sort((a, b) => a.rowid - b.rowid) : [];
    const flags: OpportunityFlag[] = [];
    if (accounts === 1) flags.push('single-account');
    if (customers >= validateAt && !linked.some((h) => h.status === 'open' || h.status === 'validated'))
      flags.push('unaddressed');
    out.push({
      opportunity: g.named ? g.named.name : commonSpelling(g.spellings),
      aliases: g.named ? g.named.aliases.map((a) => a.name) : [],
      score,
      customers,
      accounts,
      segments: segmentsOf(g.segments),
      stages: stagesOf(g.stages),
      signals: tally ? tally.signalCount : g.signalInterviews.size,
      severity,
      firstHeard: g.firstHeard,
      lastHeard: g.lastHeard,
      hypotheses: linked.map((h) => `H${h.rowid}`),
      flags,
    });
  }
  return out.sort(compareOpportunities);
}

/**
 * One way a pain was written in the window, and the customers present where it was raised in customer
 * conversations.
 */
export interface PainText {
  text: string;
  /** painKey(text), when SQLite made it (src/db/pain-key.ts) */
  key?: string;
  /** contact row ids of the customers and prospects; none when only signals raised it */
  customers: number[];
}

/**
 * A way a pain was written in the window that alone makes its opportunity (no other text of the
 * window shares its key or its named opportunity), with how many customers and prospects raised it:
 * all countOpportunities needs of it (src/db/opportunities.ts painTextCounts).
 */
export interface PainTextCount {
  text: string;
  /** painKey(text), when SQLite made it (src/db/pain-key.ts) */
  key?: string;
  /** how many customers and prospects raised it, or at least validateAt when that many did */
  customerCount: number;
}

/** The group (opportunity) a text belongs to: a named one's `#id`, else its painKey. */
function groupKeyOf(named: NamedOpportunity[]): (text: string, key?: string) => string {
  const byKey = new Map<string, NamedOpportunity>();
  for (const n of named) {
    byKey.set(n.key, n);
    for (const a of n.aliases) byKey.set(a.key, n);
  }
  return (text, key = painKey(text)) => {
    const n = byKey.get(key);
    return n ? `#${n.id}` : key;
  };
}

/**
 * The texts whose opportunity holds another of the texts given (merges, aliases, other spellings);
 * `keys`: each text's painKey, when SQLite made them.
 */
export function textsSharingOpportunity(texts: string[], named: NamedOpportunity[], keys?: string[]): Set<string> {
  const groupOf = groupKeyOf(named);
  const first = new Map<string, string>();
  const shared = new Set<string>();
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k];
    const g = groupOf(text, keys?.[k]);
    const before = first.get(g);
    if (before === undefined) first.set(g, text);
    else shared.add(before).add(text);
  }
  return shared;
}

/**
 * How many opportunities the window's pains make and how many of them are unaddressed, as
 * rankOpportunities would count them, from each text's customers alone: the standup page shows
 * only these two numbers, and reading every pain with its account, stage and severity for them cost
 * the 100k journal's report ~40 ms (test/unit/opportunities.test.ts compares the two). A text given
 * with its count of customers must be the only one of its opportunity (textsSharingOpportunity).
 */
export function countOpportunities(
  texts: (PainText | PainTextCount)[],
  named: NamedOpportunity[],
  hypotheses: OpportunityHypothesis[],
  validateAt: number,
): { heard: number; unaddressed: number } {
  const byId = new Map(named.map((n) => [`#${n.id}`, n]));
  const groupOf = groupKeyOf(named);
  const groups = new Map<string, { named: NamedOpportunity | null; customers: Set<number>; counted: number }>();
  for (const t of texts) {
    const groupKey = groupOf(t.text, t.key);
    let g = groups.get(groupKey);
    if (g === undefined) {
      g = { named: byId.get(groupKey) ?? null, customers: new Set(), counted: -1 };
      groups.set(groupKey, g);
    } else if (g.counted >= 0 || 'customerCount' in t)
      throw new Error(`bug: ${JSON.stringify(t.text)} counted alone but shares its opportunity`);
    if ('customerCount' in t) g.counted = t.customerCount;
    else for (const c of t.customers) g.customers.add(c);
  }
  const addressed = new Set<number>();
  for (const h of hypotheses) if (h.status === 'open' || h.status === 'validated') addressed.add(h.opportunityId);
  let unaddressed = 0;
  for (const g of groups.values())
    if (Math.max(g.counted, g.customers.size) >= validateAt && !(g.named && addressed.has(g.named.id))) unaddressed++;
  return { heard: groups.size, unaddressed };
}

/** Highest score first; ties by customers, accounts, the most recently heard, then name. */
export function compareOpportunities(a: Opportunity, b: Opportunity): number {
  return (
    b.score - a.score ||
    b.customers - a.customers ||
    b.accounts - a.accounts ||
    (a.lastHeard > b.lastHeard ? -1 : a.lastHeard < b.lastHeard ? 1 : 0) ||
    byText(a.opportunity, b.opportunity)
  );
}

/**
 * Each group's set (segments, stages) as a list in byText order. Across a window the sets are drawn
 * from a few dozen spellings: those are sorted once, and each set lists the ones it holds in that
 * order. Sorting each group's own (two sorts an opportunity, each comparison lower-casing both
 * strings) ran ~10,000 comparisons through code that runs once a process, cold, and left ~1 MB of
 * young garbage on the 100k bench journal's 12 weeks. Where the spellings are many (free text) next
 * to what the sets hold, each set is sorted on its own. test/unit/opportunities.test.ts holds the two
 * equal.
 */
export function inTextOrder<G>(groups: Map<string, G>, of: (g: G) => Set<string>): (set: Set<string>) => string[] {
  const spellings = new Set<string>();
  let held = 0;
  for (const g of groups.values()) {
    const set = of(g);
    held += set.size;
    for (const s of set) spellings.add(s);
  }
  // listing a set looks up every spelling; sorting it compares ~n log n pairs, each far dearer
  if (groups.size * spellings.size > 8 * held) return (set) => [...set].sort(byText);
  const order = [...spellings].sort(byText);
  return (set) => {
    const out: string[] = [];
    for (let k = 0; k < order.length; k++) if (set.has(order[k])) out.push(order[k]);
    return out;
  };
}

function byText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * An unnamed opportunity is called as its pain was written most often (trimmed); then most recently;
 * then first by text.
 */
function commonSpelling(written: Map<string, { count: number; last: string }>): string {
  const spellings = new Map<string, { count: number; last: string }>();
  for (const [raw, seen] of written) {
    const text = raw.trim();
    const before = spellings.get(text);
    if (!before) spellings.set(text, { ...seen });
    else {
      before.count += seen.count;
      if (seen.last > before.last) before.last = seen.last;
    }
  }
  let best = '';
  let bestSeen = { count: 0, last: '' };
  for (const [text, seen] of spellings) {
    const better =
      seen.count > bestSeen.count ||
      (seen.count === bestSeen.count && (seen.last > bestSeen.last || (seen.last === bestSeen.last && text < best)));
    if (better) {
      best = text;
      bestSeen = seen;
    }
  }
  return best;
}

/** `2 blocker, 1 high, 1 medium`: the customers by their highest severity, the worst first. */
export function severitySummary(severity: Record<Severity, number>): string {
  return [...SEVERITIES]
    .reverse()
    .filter((s) => severity[s] > 0)
    .map((s) => `${severity[s]} ${s}`)
    .join(', ');
}

/**
 * What a name the user typed stands for: an opportunity they named (by its name or an alias), else
 * the pains written so (case- and space-insensitively), else nothing.
 */
export type Resolved = { named: NamedOpportunity } | { key: string; spelling: string } | null;

/** How a pain is written in the journal, and in how many interviews' pains. */
export type Spelling = [text: string, count: number];

/**
 * The pains found by name are called as they are written most often in the journal (then first by
 * text), whatever the case and spacing the name was typed in.
 */
export function resolveOpportunity(name: string, named: NamedOpportunity[], spellings: Spelling[]): Resolved {
  const key = painKey(name);
  for (const n of named) if (n.key === key || n.aliases.some((a) => a.key === key)) return { named: n };
  let best: Spelling | null = null;
  for (const s of spellings) {
    if (painKey(s[0]) !== key) continue;
    const text = s[0].trim();
    if (!best || s[1] > best[1] || (s[1] === best[1] && text < best[0])) best = [text, s[1]];
  }
  return best ? { key, spelling: best[0] } : null;
}

/** Every name an opportunity goes by (named ones, their aliases, pains as written), for "did you mean". */
export function opportunityNames(named: NamedOpportunity[], spellings: Spelling[]): Set<string> {
  const names = new Set<string>();
  for (const n of named) {
    names.add(n.name);
    for (const a of n.aliases) names.add(a.name);
  }
  for (const [s] of spellings) names.add(s.trim());
  return names;
}

/**
 * The names heard before that a new pain is a letter, a hyphen or a plural off ("slow CSV exports"
 * for "slow CSV export"): each would rank as its own opportunity. None when the pain is already
 * known by its key or an alias (it joins what it joined before).
 */
export function nearTwins(pain: string, named: NamedOpportunity[], texts: string[]): string[] {
  const key = painKey(pain);
  if (named.some((n) => n.key === key || n.aliases.some((a) => a.key === key))) return [];
  if (texts.some((t) => painKey(t) === key)) return [];
  const names = [
    ...opportunityNames(
      named,
      texts.map((t): Spelling => [t, 0]),
    ),
  ].filter((n) => painKey(n) !== key);
  // the typo check "did you mean" uses (a letter or two off), not its match on a word's start: a
  // pain that starts another's word ("slow") is a different pain, not a twin
  const twin = closest(looseKey(pain), names.map(looseKey));
  return twin === undefined ? [] : names.filter((n) => looseKey(n) === twin).slice(0, 1);
}
