// Evidence counts per hypothesis as of a day, in one set-based query (used by hyp list/show and by
// the report). Only interviews dated on or before asOf count; the status is the latest outcome
// dated on or before asOf. Customer counts are distinct customer/prospect contacts of customer-
// contact interviews (the same person twice is one customer; a colleague on the call is nobody).
import type { DB } from './journal.js';
import type { HypothesisFacts } from '../core/hypotheses.js';

export interface HypothesisRow extends HypothesisFacts {
  rowid: number;
}

// Evidence rows carry their interview's date and kind (migration 0002), so counting reads only the
// evidence table, clustered by hypothesis; CROSS JOIN fixes the join order, and one hypothesis is
// picked with a range on the primary keys, which an "@only IS NULL OR …" test would keep from using.
const SQL = `
WITH latest AS MATERIALIZED (
  SELECT hypothesis_id, outcome, date, reason FROM (
    SELECT o.*, row_number() OVER (PARTITION BY hypothesis_id ORDER BY date DESC, id DESC) AS n
    FROM outcomes o WHERE o.hypothesis_id BETWEEN @lo AND @hi AND o.date <= @asOf)
  WHERE n = 1
),
hs AS MATERIALIZED (
  SELECT h.id, CASE WHEN l.outcome IS NULL OR l.outcome = 'reopened' THEN 'open' ELSE l.outcome END AS status
  FROM hypotheses h LEFT JOIN latest l ON l.hypothesis_id = h.id
  WHERE h.id BETWEEN @lo AND @hi AND h.created_on <= @asOf
),
ev AS MATERIALIZED (
  SELECT e.hypothesis_id, e.direction, e.kind AS ikind, e.date, e.interview_id
  FROM hs CROSS JOIN evidence e ON e.hypothesis_id = hs.id
  WHERE (@openOnly = 0 OR hs.status = 'open') AND e.date <= @asOf
),
counts AS (
  SELECT hypothesis_id,
    sum(ikind = 'customer' AND direction = 'supports') AS supports,
    sum(ikind = 'customer' AND direction = 'refutes') AS refutes,
    sum(ikind <> 'customer' AND direction = 'supports') AS other_supports,
    sum(ikind <> 'customer' AND direction = 'refutes') AS other_refutes,
    max(CASE WHEN ikind = 'customer' THEN date END) AS last_evidence
  FROM ev GROUP BY hypothesis_id
),
people AS (
  SELECT ev.hypothesis_id,
    count(DISTINCT CASE WHEN ev.direction = 'supports' THEN c.id END) AS customers_supporting,
    count(DISTINCT CASE WHEN ev.direction = 'refutes' THEN c.id END) AS customers_refuting,
    count(DISTINCT CASE WHEN ev.direction = 'supports' THEN c.account_id END) AS accounts_supporting
  FROM ev
  CROSS JOIN interview_contacts ic ON ic.interview_id = ev.interview_id
  CROSS JOIN contacts c ON c.id = ic.contact_id
  WHERE ev.ikind = 'customer' AND c.role IN ('customer', 'prospect')
  GROUP BY ev.hypothesis_id
)
SELECT h.id AS rowid, 'H' || h.id AS id, h.uuid, h.statement, h.kind, h.criteria,
  h.created_on AS createdOn, h.decide_by AS decideBy, hs.status,
  l.outcome AS outcome, l.date AS outcomeDate, l.reason AS outcomeReason,
  coalesce(k.supports, 0) AS supports, coalesce(k.refutes, 0) AS refutes,
  coalesce(p.customers_supporting, 0) AS customersSupporting,
  coalesce(p.customers_refuting, 0) AS customersRefuting,
  coalesce(p.accounts_supporting, 0) AS accountsSupporting,
  coalesce(k.other_supports, 0) AS otherSupports, coalesce(k.other_refutes, 0) AS otherRefutes,
  k.last_evidence AS lastEvidence,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM hypothesis_tags t WHERE t.hypothesis_id = h.id ORDER BY position)) AS tags
FROM hs CROSS JOIN hypotheses h ON h.id = hs.id
LEFT JOIN counts k ON k.hypothesis_id = h.id
LEFT JOIN people p ON p.hypothesis_id = h.id
LEFT JOIN latest l ON l.hypothesis_id = h.id
ORDER BY h.id`;

/**
 * Every hypothesis created on or before asOf (or just one, by row id), with its evidence counts.
 * With `countsForOpenOnly` (the report), evidence is counted only for hypotheses open as of asOf
 * and decided ones carry zero counts: the report shows no counts for them, and on a journal of
 * years most hypotheses are decided, so this keeps the report's work proportional to what is open.
 */
export function hypothesisStats(db: DB, asOf: string, only: number | null = null, opts: { countsForOpenOnly?: boolean } = {}): HypothesisRow[] {
  const range = only === null ? { lo: 0, hi: Number.MAX_SAFE_INTEGER } : { lo: only, hi: only };
  const rows = db.prepare(SQL).all({ asOf, ...range, openOnly: opts.countsForOpenOnly ? 1 : 0 }) as (Omit<HypothesisRow, 'tags'> & { tags: string })[];
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
}
