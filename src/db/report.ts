// The rows behind `pm report`: one set-based statement per section, each over an index (the
// EXPLAIN QUERY PLAN test in test/unit/report-plan.test.ts keeps them off full scans of
// interviews; the CROSS JOINs pin the join order: interviews by date first, then their account). Nothing dated after asOf is read; `by` limits interview-based sections to one
// interviewer. The decisions (who is overdue, which flags) are made by src/core/report.ts.
import type { DB } from './journal.js';
import { reportHypothesisStats } from './hypothesis-stats.js';
import type { ReportQuery, ReportRows, ConversationRow, AccountContactRow, OutcomeRow, LateEvidenceRow, ThemeRow, FollowUpRow } from '../core/report.js';


const BY = `(@by IS NULL OR i.by = @by COLLATE NOCASE)`;
const NAMES = `(SELECT json_group_array(c.name) FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
    WHERE ic.interview_id = i.id)`;

/** Every statement the report runs, by section (exported for the query-plan test). */
export const REPORT_SQL = {
  contact: `
SELECT
  (SELECT count(*) FROM interviews i WHERE i.kind = 'customer' AND i.date BETWEEN @start AND @end AND ${BY}) AS direct,
  (SELECT count(*) FROM interviews i WHERE i.kind = 'indirect' AND i.date BETWEEN @start AND @end AND ${BY}) AS indirect,
  (SELECT count(*) FROM interviews i WHERE i.kind = 'stakeholder' AND i.date BETWEEN @start AND @end AND ${BY}) AS stakeholder,
  (SELECT count(DISTINCT c.id) FROM interviews i
     JOIN interview_contacts ic ON ic.interview_id = i.id
     JOIN contacts c ON c.id = ic.contact_id AND c.role IN ('customer', 'prospect')
   WHERE i.kind = 'customer' AND i.date BETWEEN @start AND @end AND ${BY}) AS customers,
  (SELECT i.date FROM interviews i WHERE i.kind = 'customer' AND i.date <= @asOf AND ${BY}
   ORDER BY i.date DESC LIMIT 1) AS lastDirect,
  EXISTS (SELECT 1 FROM interviews i WHERE i.date <= @asOf) AS anyInterview,
  EXISTS (SELECT 1 FROM hypotheses h WHERE h.created_on <= @asOf) AS anyHypothesis`,

  directByDay: `
SELECT i.date AS date, count(*) AS n FROM interviews i
WHERE i.kind = 'customer' AND i.date BETWEEN @windowStart AND @asOf AND ${BY}
GROUP BY i.date ORDER BY i.date`,

  conversations: `
SELECT 'I' || i.id AS id, i.date, i.channel, i.kind, i.by, a.name AS account, i.summary, ${NAMES} AS names
FROM interviews i CROSS JOIN accounts a ON a.id = i.account_id
WHERE i.date BETWEEN @start AND @end AND ${BY}
ORDER BY i.date DESC, i.id DESC`,

  accounts: `
WITH last AS MATERIALIZED (
  SELECT a.name AS account, a.segment, a.cadence_days AS cadenceDays,
    (SELECT i.date FROM interviews i WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf AND ${BY}
     ORDER BY i.date DESC LIMIT 1) AS lastDirect
  FROM accounts a)
SELECT account, segment, cadenceDays, lastDirect FROM last WHERE lastDirect IS NOT NULL`,

  decided: `
SELECT 'H' || h.id AS id, h.statement, o.outcome, o.date, o.reason
FROM outcomes o JOIN hypotheses h ON h.id = o.hypothesis_id
WHERE o.date BETWEEN @start AND @end
ORDER BY o.date DESC, o.id DESC`,

  // interviews dated after a hypothesis was killed or invalidated (its latest outcome) that still link to it
  lateEvidence: `
WITH latest AS (
  SELECT hypothesis_id, outcome, date FROM (
    SELECT o.hypothesis_id, o.outcome, o.date,
      row_number() OVER (PARTITION BY o.hypothesis_id ORDER BY o.date DESC, o.id DESC) AS n
    FROM outcomes o WHERE o.date <= @asOf)
  WHERE n = 1 AND outcome IN ('killed', 'invalidated'))
SELECT 'H' || l.hypothesis_id AS hypothesisId, 'I' || e.interview_id AS interviewId, e.date
FROM latest l CROSS JOIN evidence e ON e.hypothesis_id = l.hypothesis_id
WHERE e.date > l.date AND e.date <= @asOf
ORDER BY l.hypothesis_id, e.date, e.interview_id`,

  // tags (case-insensitively) and pains (trimmed, case-insensitively) raised in the period
  themes: `
WITH p AS (
  -- what customers raised, directly or through signals: a meeting among colleagues is no market
  SELECT i.id, i.account_id FROM interviews i WHERE i.date BETWEEN @start AND @end AND i.kind <> 'stakeholder' AND ${BY}
),
items AS (
  SELECT 'tag' AS kind, lower(t.tag) AS key, t.tag AS theme, p.id AS interview_id, p.account_id
  FROM p JOIN interview_tags t ON t.interview_id = p.id
  UNION ALL
  SELECT 'pain', lower(trim(x.text)), trim(x.text), p.id, p.account_id
  FROM p JOIN pains x ON x.interview_id = p.id
)
SELECT it.kind, min(it.theme) AS theme, count(DISTINCT it.account_id) AS accounts,
  count(DISTINCT it.interview_id) AS interviews,
  json_group_array(DISTINCT a.segment) AS accountSegments,
  json_group_array(DISTINCT c.segment) AS contactSegments
FROM items it CROSS JOIN accounts a ON a.id = it.account_id
LEFT JOIN interview_contacts ic ON ic.interview_id = it.interview_id
LEFT JOIN contacts c ON c.id = ic.contact_id
GROUP BY it.kind, it.key`,

  followUps: `
SELECT 'I' || i.id AS id, i.date, i.follow_up AS followUp, a.name AS account, i.summary, ${NAMES} AS names
FROM interviews i CROSS JOIN accounts a ON a.id = i.account_id
WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0 AND i.follow_up <= @asOf AND i.date <= @asOf AND ${BY}
ORDER BY i.follow_up, i.id`,
} as const;

function names(json: string | null): string[] {
  return json ? (JSON.parse(json) as (string | null)[]).filter((n): n is string => n !== null) : [];
}

/** Read everything the report needs, as plain rows. */
export function reportRows(db: DB, q: ReportQuery): ReportRows {
  const p = { start: q.start, end: q.end, asOf: q.asOf, windowStart: q.windowStart, by: q.by };
  const pick = <K extends keyof ReportQuery>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, p[k]]));
  const contact = db.prepare(REPORT_SQL.contact).get(pick('start', 'end', 'asOf', 'by')) as {
    direct: number; indirect: number; stakeholder: number; customers: number; lastDirect: string | null; anyInterview: number; anyHypothesis: number;
  };
  const directByDay = db.prepare(REPORT_SQL.directByDay).all(pick('windowStart', 'asOf', 'by')) as { date: string; n: number }[];
  const conversations = (db.prepare(REPORT_SQL.conversations).all(pick('start', 'end', 'by')) as (Omit<ConversationRow, 'with'> & { names: string })[])
    .map(({ names: n, ...r }) => ({ ...r, with: names(n) }));
  const accounts = db.prepare(REPORT_SQL.accounts).all(pick('asOf', 'by')) as AccountContactRow[];
  const decided = db.prepare(REPORT_SQL.decided).all(pick('start', 'end')) as OutcomeRow[];
  const lateEvidence = db.prepare(REPORT_SQL.lateEvidence).all(pick('asOf')) as LateEvidenceRow[];
  const themes = (db.prepare(REPORT_SQL.themes).all(pick('start', 'end', 'by')) as
    (Omit<ThemeRow, 'segments'> & { accountSegments: string; contactSegments: string })[])
    .map(({ accountSegments, contactSegments, ...r }) => ({ ...r, segments: [...names(accountSegments), ...names(contactSegments)] }));
  const followUps = (db.prepare(REPORT_SQL.followUps).all(pick('asOf', 'by')) as (Omit<FollowUpRow, 'with'> & { names: string })[])
    .map(({ names: n, ...r }) => ({ ...r, with: names(n) }));
  const hypotheses = reportHypothesisStats(db, q.asOf);
  return {
    contact: { direct: contact.direct, indirect: contact.indirect, stakeholder: contact.stakeholder, customers: contact.customers },
    lastDirect: contact.lastDirect,
    anyInterview: contact.anyInterview === 1,
    anyHypothesis: contact.anyHypothesis === 1,
    directByDay,
    conversations,
    accounts,
    hypotheses,
    decided,
    lateEvidence,
    themes,
    followUps,
  };
}
