// Two teammates deciding one hypothesis differently on the same day (fresh-eyes wave 13 H16): Pat
// validates H3 at standup, Dana kills it that afternoon; each journal takes the decision recorded last
// (team.md), and neither was told. A sync notes the outcomes it held before pulling, and names each
// arriving decision that contradicts one of the same day already here.
import type { DB } from './journal.js';

export interface ContestedDecision {
  /** the hypothesis's display id here */
  id: string;
  date: string;
  here: string;
  arrived: string;
  /** the status the hypothesis now has */
  status: string;
}

/** The outcomes this journal holds (by UUID): what a pull is compared with. */
export function outcomeUuids(db: DB): Set<string> {
  return new Set(db.prepare('SELECT uuid FROM outcomes').pluck().all() as string[]);
}

/** Each hypothesis that a decision arriving since `before` contradicts a decision of its day here. */
export function contestedDecisions(db: DB, before: Set<string>): ContestedDecision[] {
  // most syncs bring no decision: then nothing more is read (review wave 13 R11)
  if ((db.prepare('SELECT uuid FROM outcomes').pluck().all() as string[]).every((u) => before.has(u))) return [];
  const rows = db
    .prepare(`SELECT o.uuid, o.hypothesis_id AS hyp, o.outcome, o.date, h.status FROM outcomes o
      JOIN hypotheses h ON h.id = o.hypothesis_id WHERE o.outcome <> 'reopened' ORDER BY o.hypothesis_id, o.id`)
    .all() as { uuid: string; hyp: number; outcome: string; date: string; status: string }[];
  const ofHypothesis = new Map<number, typeof rows>();
  for (const r of rows) ofHypothesis.set(r.hyp, [...(ofHypothesis.get(r.hyp) ?? []), r]);
  const found = new Map<number, ContestedDecision>();
  for (const arrived of rows) {
    if (before.has(arrived.uuid) || found.has(arrived.hyp)) continue;
    const here = ofHypothesis
      .get(arrived.hyp)!
      .find((r) => r.date === arrived.date && r.outcome !== arrived.outcome && before.has(r.uuid));
    if (here)
      found.set(arrived.hyp, {
        id: `H${arrived.hyp}`,
        date: arrived.date,
        here: here.outcome,
        arrived: arrived.outcome,
        status: arrived.status,
      });
  }
  return [...found.values()];
}
