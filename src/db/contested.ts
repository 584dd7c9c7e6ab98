// Two teammates deciding one hypothesis differently on the same day (fresh-eyes wave 13 H16): Pat
// validates H3 at standup, Dana kills it that afternoon; each journal takes the decision recorded last
// (team.md), and neither was told. A sync notes the outcomes it held before pulling, and names each
// arriving decision that contradicts one of the same day already here. The report asks for such
// decisions to be settled (decidedTwice): pm refuses a second decision on a decided hypothesis, so
// two different ones in a row were made apart, and brought together by pm sync or pm import; the
// latest stands until the hypothesis is reopened.
import type { DB } from './journal.js';
import type { ContestedRow } from '../core/report.js';

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

/** Each hypothesis whose two latest outcomes on or before `asOf` are different decisions, latest first. */
export function decidedTwice(db: DB, asOf: string): ContestedRow[] {
  // the hypotheses with two outcomes or more, from outcomes_by_hypothesis alone, then each one's two
  // latest (~0.6 ms on the harsh 100k, where a window over every outcome took ~4). Outcomes of one
  // day stand in the order they were recorded: their ids (src/db/merge.ts enters a day's outcomes
  // again in UUID order when one arrives)
  return db
    .prepare(`
    WITH two AS (
      SELECT hypothesis_id AS hid FROM outcomes WHERE date <= @asOf GROUP BY hypothesis_id HAVING count(*) > 1),
    latest AS (
      SELECT hid,
        (SELECT id FROM outcomes WHERE hypothesis_id = hid AND date <= @asOf ORDER BY date DESC, id DESC LIMIT 1) AS a,
        (SELECT id FROM outcomes WHERE hypothesis_id = hid AND date <= @asOf ORDER BY date DESC, id DESC
          LIMIT 1 OFFSET 1) AS b
      FROM two)
    SELECT 'H' || h.id AS id, h.statement, a.outcome, a.date, a.by,
      b.outcome AS earlier, b.date AS earlierDate, b.by AS earlierBy
    FROM latest l JOIN outcomes a ON a.id = l.a JOIN outcomes b ON b.id = l.b JOIN hypotheses h ON h.id = l.hid
    WHERE a.outcome <> 'reopened' AND b.outcome <> 'reopened' AND a.outcome <> b.outcome
    ORDER BY a.date DESC, h.id`)
    .all({ asOf }) as ContestedRow[];
}
