// The report's best opportunities without ranking every one. Markdown, HTML and the full text view
// list the best REPORT_OPPORTUNITIES of the 12 weeks and say how many were heard; ranking them all
// (src/core/opportunities.ts) needs every pain of the window as a row with its customers, which
// cost the harsh 100k journal's markdown report ~30 ms of its ~45 ms over the standup page. The
// order's keys but the name (score, customers, accounts, latest day heard) and the counts come from
// one summary row a spelling made by SQLite (src/db/report.ts); only the opportunities that may rank
// among the best are then read and ranked in full. test/unit/report-text-rows.test.ts holds the pages
// made this way to those made by ranking every pain, on both bench shapes.
import type { NamedOpportunity, OpportunityHypothesis } from './opportunities.js';
import { painKey, SEVERITIES, SEVERITY_WEIGHT } from './pains.js';

/** One way a pain was written in the window, summed up (src/db/report.ts painSummaries). */
export interface PainSummary {
  text: string;
  /** its painKey, when SQLite made it */
  key?: string;
  /** the latest day it was heard, signals included */
  lastHeard: string;
  /** the accounts of the customer conversations that raised it */
  accounts: number[];
  /**
   * the customers and prospects present where customer conversations raised it, each as contact row
   * id × 4 + the rank of a severity given (low 0 … blocker 3): once for each severity given
   */
  customers: number[];
}

/**
 * A way a pain was written in the window that alone makes its opportunity (no other text of the
 * window shares its key or named opportunity), counted by SQLite (src/db/report.ts painTextSums): its
 * accounts, and its customers by the highest severity each gave it, as how many gave at least low,
 * medium, high and blocker.
 */
export interface PainCount {
  text: string;
  /** its painKey, when SQLite made it */
  key?: string;
  lastHeard: string;
  accountCount: number;
  atLeast: [number, number, number, number];
}

interface Summed {
  named: NamedOpportunity | null;
  texts: string[];
  /** each customer's highest severity's rank (made for a group of summaries, not for a text counted) */
  customers: Map<number, number> | null;
  accounts: Set<number> | null;
  /** the group's only text, counted (customers and accounts above then stay null) */
  counted: PainCount | null;
  lastHeard: string;
  score: number;
  customerCount: number;
  accountCount: number;
}

const WEIGHT = SEVERITIES.map((s) => SEVERITY_WEIGHT[s]);

/** rankOpportunities' order (compareOpportunities) without its last key, the name. */
function before(a: Summed, b: Summed): number {
  return (
    b.score - a.score ||
    b.customerCount - a.customerCount ||
    b.accountCount - a.accountCount ||
    (a.lastHeard > b.lastHeard ? -1 : a.lastHeard < b.lastHeard ? 1 : 0)
  );
}

/**
 * How many opportunities the spellings make and how many are unaddressed, as rankOpportunities
 * counts them, and the spellings of those that may rank among the best `best`: the first `best` by
 * every key but the name, and any tied with the last of them. `everyNamed`: the first `best` of those
 * without a name, and every named one (pm tree shows every opportunity with a hypothesis, and those
 * are named), which hold the first `best` of all.
 */
export function opportunitiesToRank(
  summaries: (PainSummary | PainCount)[],
  named: NamedOpportunity[],
  hypotheses: OpportunityHypothesis[],
  validateAt: number,
  best: number,
  everyNamed = false,
): { heard: number; unaddressed: number; texts: string[] } {
  const byKey = new Map<string, NamedOpportunity>();
  for (const n of named) {
    byKey.set(n.key, n);
    for (const a of n.aliases) byKey.set(a.key, n);
  }
  const groups = new Map<string, Summed>();
  for (const s of summaries) {
    const key = s.key ?? painKey(s.text);
    const n = byKey.get(key) ?? null;
    const groupKey = n ? `#${n.id}` : key;
    let g = groups.get(groupKey);
    if (g === undefined) {
      g = {
        named: n,
        texts: [],
        customers: null,
        accounts: null,
        counted: null,
        lastHeard: s.lastHeard,
        score: 0,
        customerCount: 0,
        accountCount: 0,
      };
      groups.set(groupKey, g);
    }
    g.texts.push(s.text);
    if (s.lastHeard > g.lastHeard) g.lastHeard = s.lastHeard;
    if ('atLeast' in s) g.counted = s;
    if (g.counted !== null && g.texts.length > 1)
      throw new Error(`bug: ${JSON.stringify(g.counted.text)} counted alone but shares its opportunity`);
    if ('atLeast' in s) continue;
    g.accounts ??= new Set();
    g.customers ??= new Map();
    for (const a of s.accounts) g.accounts.add(a);
    for (const code of s.customers) {
      const id = Math.floor(code / 4);
      const rank = code % 4;
      const was = g.customers.get(id);
      if (was === undefined || rank > was) g.customers.set(id, rank);
    }
  }
  const addressed = new Set<number>();
  for (const h of hypotheses) if (h.status === 'open' || h.status === 'validated') addressed.add(h.opportunityId);
  let unaddressed = 0;
  const list = [...groups.values()];
  for (const g of list) {
    const c = g.counted;
    if (c === null) {
      for (const rank of g.customers!.values()) g.score += WEIGHT[rank];
      g.customerCount = g.customers!.size;
      g.accountCount = g.accounts!.size;
    } else {
      // those whose highest severity is exactly each rank: at least it, less at least the next
      for (let rank = 0; rank < 4; rank++) g.score += WEIGHT[rank] * (c.atLeast[rank] - (c.atLeast[rank + 1] ?? 0));
      g.customerCount = c.atLeast[0];
      g.accountCount = c.accountCount;
    }
    if (g.customerCount >= validateAt && !(g.named && addressed.has(g.named.id))) unaddressed++;
  }
  const pool = everyNamed ? list.filter((g) => g.named === null) : list;
  pool.sort(before);
  const last = pool[Math.min(best, pool.length) - 1];
  const texts = last === undefined ? [] : pool.filter((g) => before(g, last) <= 0).flatMap((g) => g.texts);
  if (everyNamed) for (const g of list) if (g.named !== null) texts.push(...g.texts);
  return { heard: groups.size, unaddressed, texts };
}
