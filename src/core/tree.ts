// The opportunity–solution tree (issue 17; Teresa Torres): the outcome the team works toward
// (setting product.outcome), the opportunities customers raised under it by worth-solving score,
// and under each the hypotheses made for it (`pm hyp add … --for NAME`). Open hypotheses made for
// no opportunity hang apart, so that every bet the team is testing appears somewhere. Pure.
import type { Confidence } from './confidence.js';
import type { HypothesisFlag, HypothesisRecord, HypothesisStatus } from './hypotheses.js';
import type { NamedOpportunity, Opportunity, Window } from './opportunities.js';

/** A hypothesis as the tree shows it. */
export interface TreeHypothesis {
  id: string;
  statement: string;
  status: HypothesisStatus;
  /** how far its supporting evidence goes, and the refuting evidence's level (src/core/confidence.ts) */
  confidence: Confidence;
  supports: number;
  refutes: number;
  customersSupporting: number;
  customersRefuting: number;
  flags: HypothesisFlag[];
}

/** An opportunity with its hypotheses; one not heard in the window has zero counts and null dates. */
export interface TreeOpportunity extends Omit<Opportunity, 'hypotheses' | 'firstHeard' | 'lastHeard'> {
  firstHeard: string | null;
  lastHeard: string | null;
  hypotheses: TreeHypothesis[];
}

export interface Tree {
  outcome: string | null;
  window: Window;
  opportunities: TreeOpportunity[];
  /** open hypotheses made for no opportunity */
  unlinked: TreeHypothesis[];
}

export function treeHypothesis(r: HypothesisRecord): TreeHypothesis {
  return {
    id: r.id,
    statement: r.statement,
    status: r.status,
    confidence: r.confidence,
    supports: r.supports,
    refutes: r.refutes,
    customersSupporting: r.customersSupporting,
    customersRefuting: r.customersRefuting,
    flags: r.flags,
  };
}

/** Open first, then validated, then the rest; by id within each. */
const STATUS_ORDER: Record<HypothesisStatus, number> = { open: 0, validated: 1, invalidated: 2, killed: 3 };

function byStatusThenId(a: HypothesisRecord, b: HypothesisRecord): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || Number(a.id.slice(1)) - Number(b.id.slice(1));
}

/**
 * The tree: the window's opportunities in their ranking, each with every hypothesis made for it
 * (open ones first), then the named opportunities that hypotheses address but no pain in the
 * window raised (by name), then the open hypotheses that address none.
 */
export function buildTree(
  outcome: string | null,
  w: Window,
  ranked: Opportunity[],
  named: NamedOpportunity[],
  hypotheses: HypothesisRecord[],
): Tree {
  const byUuid = new Map(named.map((n) => [n.uuid, n]));
  const forOpportunity = new Map<string, HypothesisRecord[]>();
  const unlinked: HypothesisRecord[] = [];
  for (const h of hypotheses) {
    if (h.opportunityUuids.length === 0) {
      if (h.status === 'open') unlinked.push(h);
      continue;
    }
    for (const uuid of h.opportunityUuids) {
      const name = byUuid.get(uuid)?.name;
      if (name === undefined) continue;
      const list = forOpportunity.get(name);
      if (list) list.push(h);
      else forOpportunity.set(name, [h]);
    }
  }
  const nodes = (name: string) => (forOpportunity.get(name) ?? []).sort(byStatusThenId).map(treeHypothesis);
  const opportunities: TreeOpportunity[] = ranked.map((o) => ({ ...o, hypotheses: nodes(o.opportunity) }));
  const heard = new Set(ranked.map((o) => o.opportunity));
  for (const n of named) {
    if (heard.has(n.name) || !forOpportunity.has(n.name)) continue;
    opportunities.push({
      opportunity: n.name,
      aliases: n.aliases.map((a) => a.name),
      score: 0,
      customers: 0,
      accounts: 0,
      segments: [],
      stages: [],
      signals: 0,
      severity: { low: 0, medium: 0, high: 0, blocker: 0 },
      firstHeard: null,
      lastHeard: null,
      hypotheses: nodes(n.name),
      flags: [],
    });
  }
  return { outcome, window: w, opportunities, unlinked: unlinked.sort(byStatusThenId).map(treeHypothesis) };
}
