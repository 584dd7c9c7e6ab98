// The rows behind `pm report`: one set-based statement per section, each over an index (the
// EXPLAIN QUERY PLAN test in test/unit/report-plan.test.ts keeps them off full scans of
// interviews; the CROSS JOINs pin the join order: interviews by date first, then their account).
// Nothing dated after asOf is read; `by` limits interview-based sections to one interviewer. The
// decisions (who is overdue, which flags) are made by src/core/report.ts, except which accounts are
// going cold (src/db/standing.ts).
//
// The text view shows at most a few rows a section (contract: "at most 10 rows a section, then
// 'and N more'"), so for it the long lists (the period's conversations, killed hypotheses, due
// follow-ups) are read up to that many rows and counted; JSON and markdown read every row. Every
// row that decides a flag or a count is still read either way.
import {
  CUSTOMERS_BY_SEVERITY,
  namedOpportunities,
  opportunityHypotheses,
  painRows,
  painTextCounts,
  painTexts,
  painTextRows,
  painTextTallies,
  keptBest,
  keptTallyRowsOf,
  labelsSince,
  tallyOf,
  type KeyedPainTextSum,
} from './opportunities.js';
import { type DB, readSnapshot } from './journal.js';
import {
  loggedAfterSql,
  outcomeAfter,
  reportDecidedHypotheses,
  reportOpenHypotheses,
  type ReportHypothesisRow,
} from './hypothesis-stats.js';
import { accountCadenceSql, goingColdSql } from './standing.js';
import type {
  ReportQuery,
  ReportRows,
  ConversationRow,
  AccountContactRow,
  OutcomeRow,
  LateEvidenceRow,
  RefutedAfterValidationRow,
  ThemeRow,
  FollowUpRow,
  OpenCounted,
  OpportunityRows,
} from '../core/report.js';
import { REPORT_OPPORTUNITIES } from '../core/report.js';
import { decidedTwice } from './contested.js';
import { addDays } from '../core/dates.js';
import { PAIN_KEY, withPainKey } from './pain-key.js';
import type { SegmentRow } from '../core/coverage.js';
import {
  textsSharingOpportunity,
  type NamedOpportunity,
  type OpportunityHypothesis,
  type PainTextRow,
  type PainTextTally,
  type Window,
} from '../core/opportunities.js';
import { opportunitiesToRank, type PainCount, type PainSummary } from '../core/report-opportunities.js';
import { bornBeforeAny, segmentsSql } from './coverage.js';

// a follow-up is answered by a later customer conversation (dated after it, on or before @asOf) that
// included one of its people, whoever held it (issue 15): the day of the first such conversation is
// kept for each open follow-up (follow_up_answers, 0028), so it is answered as of @asOf when that day
// is on or before it. On the harsh 100k journal (1,718 open follow-ups) counting the 692 due took
// ~2.9 ms of cold SQL when each person present was looked up (their kept latest customer
// conversation, else an index seek); from the kept day, ~0.3 ms.
// A pain's theme is its opportunity (H4): the pains of one the user named, through its key or an alias
// (pm opportunity merge, rename), are one theme named as it is, as grouper (src/core/opportunities.ts)
// groups them. Its group is ' #' and the opportunity's id: no pain's key starts with a space (painKey
// and lower(trim()) trim). An unnamed pain's group is its key. Two seeks into the (mostly empty)
// tables for each key or, read from theme_days, each row of the period (~2,400 in the 100k's week).
// `key` must be qualified: the tables looked into have a column key too.
const THEME_GROUP = (key: string) =>
  `coalesce(' #' || coalesce((SELECT o.id FROM opportunities o WHERE o.key = ${key}),
    (SELECT o.opportunity_id FROM opportunity_aliases o WHERE o.key = ${key})), ${key})`;
// the themes (g: kind, group, accounts, signals, interviews) at or above the @rows-th, in the report's order.
// The @rows-th made once and joined: each reference to a CTE makes SQLite copy and resolve its definition
// again while it prepares the statement (g's, and t's or k's within it), and top is itself read three times
const TOP_THEMES = `nth AS MATERIALIZED (
  SELECT accounts, signals, interviews FROM g ORDER BY accounts DESC, signals DESC, interviews DESC
  LIMIT 1 OFFSET @rows - 1
),
top AS MATERIALIZED (
  SELECT g.* FROM g LEFT JOIN nth
  WHERE nth.accounts IS NULL OR (g.accounts, g.signals, g.interviews) >= (nth.accounts, nth.signals, nth.interviews)
),`;
/** A theme's name: its opportunity's when the user named it, else as the period writes it most (`spelling`). */
const THEME_NAME = (grp: string, spelling: string) =>
  `CASE WHEN ${grp} GLOB ' #*' THEN (SELECT o.name FROM opportunities o WHERE o.id = substr(${grp}, 3))
    ELSE ${spelling} END`;

/** Evidence `e` logged after the decision of `h` (the rule of evidence-after-validate and -kill). */
const LOGGED_AFTER = loggedAfterSql('e', 'h.id', 'h.decided_on');

/**
 * Each listed follow-up's first living customer or prospect, in the order of its `with` (its people's
 * rows, by contact): whom a call that answers it is with (FollowUpRow.reach). Only for the follow-ups
 * a page lists, not in the statement that lists them, which the JSON reads whole (every one due).
 */
const FOLLOW_UP_REACH = `SELECT 'I' || j.value, (SELECT c.name FROM interview_contacts ic
    JOIN contacts c ON c.id = ic.contact_id
  WHERE ic.interview_id = j.value AND c.forgotten = 0 AND c.role IN ('customer', 'prospect')
  ORDER BY ic.contact_id LIMIT 1) FROM json_each(?) j`;

const ANSWERED = `
  AND NOT EXISTS (SELECT 1 FROM follow_up_answers f WHERE f.interview_id = i.id AND f.answered_on <= @asOf)`;

/** How many customers and prospects the period's customer conversations had (reportSql's contact). */
const PERIOD_CUSTOMERS = `(SELECT count(DISTINCT contact_id) FROM interview_contacts
    INDEXED BY interview_contacts_customers_by_date
   WHERE customer = 1 AND kind = 'customer' AND date BETWEEN @start AND @end)`;
/** PERIOD_CUSTOMERS, of the conversations held by @by. */
const PERIOD_CUSTOMERS_BY = `(SELECT count(DISTINCT ic.contact_id) FROM interviews i
    CROSS JOIN interview_contacts ic ON ic.interview_id = i.id
   WHERE i.kind = 'customer' AND i.date BETWEEN @start AND @end AND i.by = @by COLLATE NOCASE
     AND ic.contact_id NOT IN (SELECT id FROM contacts WHERE role NOT IN ('customer', 'prospect')))`;

const NAMES = `(SELECT json_group_array(c.name) FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
    WHERE ic.interview_id = i.id)`;

/**
 * Every statement the report runs, by section, with or without --by (exported for the query-plan
 * test). Without --by the interviewer condition is left out of the statements altogether: written
 * as `(@by IS NULL OR i.by = @by)` it made SQLite read every interview's row for its interviewer
 * where an index alone answers (the accounts' last contacts: 1,000 row reads on the bench journal).
 * `now`: no outcome is dated after --as-of, so the statuses the triggers keep hold. `@rows` is a
 * LIMIT: -1 reads every row. `names`: the conversations' and follow-ups' people (src/db/report-json.ts
 * has them as the JSON text it prints).
 */
export function reportSql(by: boolean, now: boolean, names = NAMES) {
  const BY = by ? 'i.by = @by COLLATE NOCASE' : '1';
  // accounts going cold (src/db/standing.ts): each account's latest customer contact, as kept on
  // the account (migration 0004) when that is on or before @asOf, else (a report as of a past day)
  // looked up; with --by, always looked up.
  const cold = `SELECT account, segment, cadence AS cadenceDays, lastDirect FROM (
  SELECT a.name AS account, a.segment, ${accountCadenceSql('a.cadence_days', '@accountCadence')} AS cadence,
    ${by ? '' : 'CASE WHEN a.last_direct <= @asOf THEN a.last_direct ELSE '}(SELECT i.date FROM interviews i
      WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf AND ${BY}
      ORDER BY i.date DESC LIMIT 1)${by ? '' : ' END'} AS lastDirect
  FROM accounts a)
WHERE ${goingColdSql('lastDirect', 'cadence', '@asOf')}`;
  // the day of the first conversation; with --by, each kind's first from the index on (by, kind, date)
  // (0066), which has no order by date alone: a user who held none read every interview's row
  const firstDate = by
    ? `(SELECT min((SELECT i.date FROM interviews i WHERE ${BY} AND i.kind = k.value AND i.date <= @asOf
      ORDER BY i.date LIMIT 1)) FROM json_each('["customer", "indirect", "stakeholder"]') k)`
    : '(SELECT i.date FROM interviews i WHERE i.date <= @asOf ORDER BY i.date LIMIT 1)';
  return {
    // the period's customers and prospects. Without --by, from the copies each person's row in a
    // conversation keeps of its date and kind and of their role (0046, 0048: interview_contacts_customers_by_date,
    // the index alone), where a seek into interview_contacts for each conversation cost the harsh 100k
    // journal's week (485 people in 447 conversations) ~0.25 ms more in a fresh process. With --by, the
    // interviewer is on the conversation: those present who are not among the few others, read once as
    // a list from their index (contacts_not_customers, 0022)
    contact: `
SELECT
  (SELECT count(*) FROM interviews i WHERE i.kind = 'customer' AND i.date BETWEEN @start AND @end AND ${BY}) AS direct,
  (SELECT count(*) FROM interviews i WHERE i.kind = 'indirect' AND i.date BETWEEN @start AND @end
    AND ${BY}) AS indirect,
  (SELECT count(*) FROM interviews i WHERE i.kind = 'stakeholder' AND i.date BETWEEN @start AND @end
    AND ${BY}) AS stakeholder,
  ${by ? PERIOD_CUSTOMERS_BY : PERIOD_CUSTOMERS} AS customers,
  (SELECT i.date FROM interviews i WHERE i.kind = 'customer' AND i.date <= @asOf AND ${BY}
   ORDER BY i.date DESC LIMIT 1) AS lastDirect,
  ${firstDate} AS firstDate,
  EXISTS (SELECT 1 FROM interviews i WHERE i.date <= @asOf) AS anyInterview,
  EXISTS (SELECT 1 FROM hypotheses h WHERE h.created_on <= @asOf) AS anyHypothesis`,

    // each week's customer contacts; for a week older than the chart, only whether it met the target
    // (@weekTarget, the most any week asks for: that many met any), which the index answers by skipping
    // to that many rows instead of counting all
    directByWeek: `
SELECT CASE
    WHEN w.value ->> 'chart' OR NOT EXISTS (SELECT 1 FROM interviews i WHERE i.kind = 'customer' AND i.date BETWEEN
      w.value ->> 'start' AND w.value ->> 'until' AND ${BY} LIMIT 1 OFFSET @weekTarget - 1)
    THEN (SELECT count(*) FROM interviews i WHERE i.kind = 'customer' AND i.date BETWEEN w.value ->> 'start' AND
      w.value ->> 'until' AND ${BY})
    ELSE @weekTarget END AS n
FROM json_each(@weeks) w
ORDER BY w.key`,

    // customer contacts in each window (@windows: from, until, chart), at most @cap (-1: all) where only
    // reaching the target matters: a cadence longer than the period (ReportQuery.window, the weeks'
    // `from`); a charted week's all, which the chart draws (WeekBar.inWindow)
    inWindows: `
SELECT CASE WHEN w.value ->> 'chart' THEN (SELECT count(*) FROM interviews i WHERE i.kind = 'customer'
    AND i.date BETWEEN w.value ->> 'from' AND w.value ->> 'until' AND ${BY})
  ELSE (SELECT count(*) FROM (SELECT 1 FROM interviews i WHERE i.kind = 'customer'
    AND i.date BETWEEN w.value ->> 'from' AND w.value ->> 'until' AND ${BY} LIMIT @cap)) END AS n
FROM json_each(@windows) w
ORDER BY w.key`,

    conversations: `
SELECT 'I' || i.id AS id, i.date, i.channel, i.kind, i.by, a.name AS account, i.source, i.summary, ${names} AS names
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id
WHERE i.date BETWEEN @start AND @end AND ${BY}
ORDER BY i.date DESC, i.id DESC
LIMIT @rows`,

    accounts: cold,

    // for a view (@rows), the first @rows accounts going cold, oldest contact first, and any tied with
    // the last of them (JavaScript orders ties by name), each row with how many there are in all
    // (none: no row): on a journal of thousands of accounts, most of them going cold, making them all
    // into JavaScript values to show ten cost milliseconds. Without --by, from the indexes of 0025:
    // an account on the journal's cadence whose kept latest contact is on or before @asOf is going
    // cold when that is before @coldBefore (@asOf less the cadence; '' when it is off): goingColdSql
    // for dates as pm writes them; one with a cadence of its own is judged as `cold` judges it, and
    // one whose kept contact is after @asOf is looked up (report-text-rows.test.ts compares the two)
    // Without --by, the accounts on the journal's cadence are not gathered: the first @rows of them
    // come in the index's order and their number is a range counted on it, only those with a cadence
    // of their own or a contact after @asOf are gathered (the harsh 100k: 3,269 and 229 of 6,001; the
    // statement ~1.5 -> ~1.0 ms, gathering and sorting the 3,498 was the rest)
    accountsShown: by
      ? `
WITH cold AS MATERIALIZED (${cold})
SELECT account, segment, cold.cadenceDays, cold.lastDirect, (SELECT count(*) FROM cold) AS total
FROM cold
WHERE cold.lastDirect <= coalesce((SELECT lastDirect FROM cold ORDER BY lastDirect LIMIT 1 OFFSET @rows - 1),
  '9999-12-31')`
      : `
WITH own AS MATERIALIZED (
  SELECT id, last_direct AS lastDirect, cadence_days AS cadence FROM accounts INDEXED BY accounts_own_cadence
  WHERE cadence_days IS NOT NULL AND last_direct <= @asOf AND ${goingColdSql('last_direct', 'cadence_days', '@asOf')}
  UNION ALL
  SELECT id, lastDirect, cadence FROM (
    SELECT a.id, ${accountCadenceSql('a.cadence_days', '@accountCadence')} AS cadence, (SELECT i.date FROM interviews i
      WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf ORDER BY i.date DESC LIMIT 1) AS lastDirect
    FROM (SELECT id, cadence_days FROM accounts INDEXED BY accounts_by_last_direct
        WHERE cadence_days IS NULL AND last_direct > @asOf
      UNION ALL SELECT id, cadence_days FROM accounts INDEXED BY accounts_own_cadence
        WHERE cadence_days IS NOT NULL AND last_direct > @asOf) a)
  WHERE ${goingColdSql('lastDirect', 'cadence', '@asOf')}),
day AS MATERIALIZED (SELECT coalesce((SELECT lastDirect FROM (
    SELECT lastDirect FROM (SELECT last_direct AS lastDirect FROM accounts INDEXED BY accounts_by_last_direct
      WHERE cadence_days IS NULL AND last_direct < @coldBefore ORDER BY last_direct LIMIT max(@rows, 1))
    UNION ALL SELECT lastDirect FROM own)
  ORDER BY lastDirect LIMIT 1 OFFSET @rows - 1), '9999-12-31') AS last)
SELECT a.name AS account, a.segment, x.cadence AS cadenceDays, x.lastDirect,
  (SELECT count(*) FROM accounts INDEXED BY accounts_by_last_direct WHERE cadence_days IS NULL
    AND last_direct < @coldBefore) + (SELECT count(*) FROM own) AS total
FROM (SELECT id, last_direct AS lastDirect, @accountCadence AS cadence FROM accounts INDEXED BY accounts_by_last_direct
    WHERE cadence_days IS NULL AND last_direct < @coldBefore AND last_direct <= (SELECT last FROM day)
  UNION ALL SELECT id, lastDirect, cadence FROM own WHERE lastDirect <= (SELECT last FROM day)) x
CROSS JOIN accounts a ON a.id = x.id`,

    decided: `
SELECT 'H' || h.id AS id, h.statement, o.outcome, o.date, o.reason
FROM outcomes o JOIN hypotheses h ON h.id = o.hypothesis_id
WHERE o.date BETWEEN @start AND @end
ORDER BY o.date DESC, o.id DESC`,

    // interviews logged after a hypothesis was killed or invalidated (its latest outcome as of @asOf:
    // dated after its day, or that day and logged after it, as for a validation) that support it (one
    // refuting it confirms the decision: afterDecision, src/core/hypotheses.ts).
    // When no outcome is dated after @asOf (`now`), the status and decision day kept on each
    // hypothesis (migration 0004) hold; otherwise each one's outcomes are looked up.
    // A hypothesis whose latest link of all is before its decision's day has none after it as of any day.
    lateEvidence: now
      ? `
SELECT 'H' || h.id AS hypothesisId, 'I' || e.interview_id AS interviewId, e.date
FROM hypotheses h
  CROSS JOIN evidence_totals t ON t.hypothesis_id = h.id AND t.last_date >= h.decided_on
  CROSS JOIN evidence e ON e.hypothesis_id = h.id
WHERE h.status IN ('killed', 'invalidated') AND e.date >= h.decided_on AND ${LOGGED_AFTER} AND e.date <= @asOf
  AND e.direction = 'supports'
ORDER BY h.id, e.date, e.interview_id`
      : `
WITH latest AS MATERIALIZED (
  SELECT h.id AS hypothesis_id, o.date
  FROM hypotheses h CROSS JOIN outcomes o ON o.id = (SELECT o2.id FROM outcomes o2
    WHERE o2.hypothesis_id = h.id AND o2.date <= @asOf ORDER BY o2.date DESC, o2.id DESC LIMIT 1)
  WHERE o.outcome IN ('killed', 'invalidated'))
SELECT 'H' || l.hypothesis_id AS hypothesisId, 'I' || e.interview_id AS interviewId, e.date
FROM latest l
  CROSS JOIN evidence_totals t ON t.hypothesis_id = l.hypothesis_id AND t.last_date >= l.date
  CROSS JOIN evidence e ON e.hypothesis_id = l.hypothesis_id
WHERE e.date >= l.date AND ${loggedAfterSql('e', 'l.hypothesis_id', 'l.date')} AND e.date <= @asOf
  AND e.direction = 'supports'
ORDER BY l.hypothesis_id, e.date, e.interview_id`,

    // the first @rows killed and invalidated hypotheses that links dated after their decision still
    // support, latest decision first (then by id), as the report lists them, each with how many there
    // are, when the kept statuses and decision days hold (\`now\`): from the partial index of 0068 on the
    // kept entries whose flag says such a link exists (0044), in the list's order. Only a hypothesis
    // with a link dated after @asOf (its latest link, kept by 0036) has its links read, for one on or
    // before @asOf: reading each one's links (the harsh 100k journal's 870, twice) cost ~1.7 ms.
    lateKilled: `
WITH late AS (
  SELECT d.hypothesis_id AS id, d.decided_on FROM report_decided d INDEXED BY report_decided_late
    CROSS JOIN hypothesis_links h ON h.hypothesis_id = d.hypothesis_id
  WHERE d.list = 'killed' AND d.flag IS NOT NULL AND h.created_on <= @asOf
    AND (h.last_link <= @asOf OR EXISTS (SELECT 1 FROM evidence e WHERE e.hypothesis_id = d.hypothesis_id
      AND e.date >= d.decided_on AND ${loggedAfterSql('e', 'd.hypothesis_id', 'd.decided_on')} AND e.date <= @asOf
      AND e.direction = 'supports')))
SELECT id, (SELECT count(*) FROM late) FROM late ORDER BY decided_on DESC, id LIMIT @rows`,

    // lateKilled from 0068's index alone: right when nothing is dated after @asOf (no conversation, so
    // no link; no killed or invalidated hypothesis made), each kept entry's flag then being a link on or
    // before it. Its rows' third column says whether that holds (else lateKilled is read): the harsh 100k
    // journal's 870 entries each looked up in hypothesis_links for the count cost ~0.35 ms of ~0.6
    lateKilledKept: `
SELECT d.hypothesis_id, (SELECT count(*) FROM report_decided INDEXED BY report_decided_late
    WHERE list = 'killed' AND flag IS NOT NULL),
  EXISTS (SELECT 1 FROM interviews WHERE date > @asOf)
    OR EXISTS (SELECT 1 FROM hypotheses WHERE status IN ('killed', 'invalidated') AND created_on > @asOf)
FROM report_decided d INDEXED BY report_decided_late
WHERE d.list = 'killed' AND d.flag IS NOT NULL
ORDER BY d.decided_on DESC, d.hypothesis_id LIMIT @rows`,

    // lateEvidence (\`now\`) of the hypotheses in @ids (a JSON array of row ids)
    lateEvidenceOf: `
SELECT 'H' || h.id AS hypothesisId, 'I' || e.interview_id AS interviewId, e.date
FROM hypotheses h CROSS JOIN evidence e ON e.hypothesis_id = h.id
WHERE h.id IN (SELECT value FROM json_each(@ids)) AND h.status IN ('killed', 'invalidated')
  AND e.date >= h.decided_on AND ${LOGGED_AFTER} AND e.date <= @asOf AND e.direction = 'supports'
ORDER BY h.id, e.date, e.interview_id`,

    // For a view, the open hypotheses it lists and those it only counts (\`now\`): each open
    // hypothesis's id with the flags hypothesisFlags (src/core/hypotheses.ts) raises, computed from
    // the evidence totals kept beside its status (hypothesis_links, 0036: its partial index alone,
    // in id order; joined to evidence_totals it cost the harsh 100k journal ~0.6 ms more), as one
    // number (id × 128 + OPEN_FLAG bits), by id; 1: set apart (held as
    // a bet, or with links dated after @judged: read, and judged by src/core/report.ts). On a journal
    // of years with 1,590 open hypotheses, reading each as a row of 14 columns to judge it in
    // JavaScript cost ~15 ms; choosing the ones to list in SQL (row_number() over six orders) ~17 ms.
    // Days are compared as the dates pm writes (YYYY-MM-DD): stale when the last evidence, the
    // creation and the reopening (an open one's decision day: staleSince) are before @staleBefore,
    // @asOf less hypothesis.staleDays (more than that many days before @asOf, as daysBetween counts);
    // soon when decide-by is from @asOf to @soonBy, and today (64) too when it is @asOf. julianday()
    // three times a row cost the harsh 100k journal's 1,590 open hypotheses ~0.3 ms. @judged is a past
    // period's end (else @asOf): the hypotheses open then, whose dates still count to @asOf (R5).
    // Stale and soon are written so that SQLite stops at the first comparison that decides them (a
    // CASE choosing the later day, then comparing it, cost ~0.15 ms more on the harsh 100k journal).
    // report-text-rows.test.ts holds the pages made from these counts to those made from every row.
    openFlags: `
SELECT h.hypothesis_id * 128 + coalesce(h.last_link > @judged, 0)
  + 2 * (h.created_on < @staleBefore AND coalesce(h.last_evidence < @staleBefore, 1)
    AND coalesce(h.decided_on < @staleBefore, 1))
  + CASE WHEN h.decide_by < @asOf THEN 4 WHEN h.decide_by = @asOf THEN 72 WHEN h.decide_by <= @soonBy THEN 8 ELSE 0 END
  + 16 * (h.customers_supporting >= @validateAt AND h.accounts_supporting >= 2 AND h.customers_refuting = 0)
  + 32 * (h.customers_refuting >= @killAt)
FROM hypothesis_links h INDEXED BY hypothesis_links_open
WHERE h.status = 'open' AND h.created_on <= @judged
ORDER BY h.hypothesis_id`,
    // the open hypotheses held as bets, which openHypotheses sets apart in openFlags' numbers
    openBets: `SELECT id FROM hypotheses WHERE bet_until IS NOT NULL AND status = 'open'`,

    // customer evidence refuting a validated hypothesis (its latest outcome as of @asOf), dated after
    // the validation; as lateEvidence, from the kept status and decision day when `now`
    refutedAfterValidation: now
      ? `
SELECT 'H' || h.id AS hypothesisId, h.statement, h.decided_on AS validatedOn, 'I' || e.interview_id AS interviewId,
  e.date
FROM hypotheses h
  CROSS JOIN evidence_totals t ON t.hypothesis_id = h.id AND t.last_date >= h.decided_on AND t.refutes > 0
  CROSS JOIN evidence e ON e.hypothesis_id = h.id
WHERE h.status = 'validated' AND e.direction = 'refutes' AND e.kind = 'customer'
  AND e.date >= h.decided_on AND ${LOGGED_AFTER} AND e.date <= @asOf
ORDER BY h.id, e.date, e.interview_id`
      : `
WITH latest AS MATERIALIZED (
  SELECT h.id AS hypothesis_id, h.statement, o.date
  FROM hypotheses h CROSS JOIN outcomes o ON o.id = (SELECT o2.id FROM outcomes o2
    WHERE o2.hypothesis_id = h.id AND o2.date <= @asOf ORDER BY o2.date DESC, o2.id DESC LIMIT 1)
  WHERE o.outcome = 'validated')
SELECT 'H' || l.hypothesis_id AS hypothesisId, l.statement, l.date AS validatedOn, 'I' || e.interview_id AS interviewId,
  e.date
FROM latest l CROSS JOIN evidence e ON e.hypothesis_id = l.hypothesis_id
WHERE e.direction = 'refutes' AND e.kind = 'customer' AND e.date >= l.date
  AND ${loggedAfterSql('e', 'l.hypothesis_id', 'l.date')} AND e.date <= @asOf
ORDER BY l.hypothesis_id, e.date, e.interview_id`,

    // for a view (\`now\`): the first @rows validated hypotheses that customer evidence dated after the
    // validation refutes, latest validation first (then by id), as the report lists them, each with how
    // many there are, from the partial index of 0036 on the latest refuting customer link kept on each
    // (scanning each validated hypothesis's links cost the harsh 100k journal ~1.3 ms); then
    // refutedAfterValidation of those in @ids alone
    refutedIds: `
WITH refuted AS (
  SELECT h.hypothesis_id AS id, h.decided_on FROM hypothesis_links h INDEXED BY hypothesis_links_refuted
  WHERE h.status = 'validated' AND h.last_refuted >= h.decided_on
    AND (h.last_refuted > h.decided_on AND h.last_refuted <= @asOf OR EXISTS (SELECT 1 FROM evidence e
      WHERE e.hypothesis_id = h.hypothesis_id AND e.direction = 'refutes' AND e.kind = 'customer'
        AND e.date >= h.decided_on AND ${loggedAfterSql('e', 'h.hypothesis_id', 'h.decided_on')} AND e.date <= @asOf)))
SELECT id, (SELECT count(*) FROM refuted) FROM refuted ORDER BY decided_on DESC, id LIMIT @rows`,

    refutedOf: `
SELECT 'H' || h.id AS hypothesisId, h.statement, h.decided_on AS validatedOn, 'I' || e.interview_id AS interviewId,
  e.date
FROM hypotheses h CROSS JOIN evidence e ON e.hypothesis_id = h.id
WHERE h.id IN (SELECT value FROM json_each(@ids)) AND h.status = 'validated' AND e.direction = 'refutes'
  AND e.kind = 'customer' AND e.date >= h.decided_on AND ${LOGGED_AFTER} AND e.date <= @asOf
ORDER BY h.id, e.date, e.interview_id`,

    // tags (case-insensitively) and pains (by painKey, as opportunities group them: case and spacing aside)
    // raised in the period; the sources of signals ("Capterra") are counted apart from accounts, case-insensitively.
    // Each tag's and pain's account gives its segment from the narrow index of 0030 (the planner would
    // read each account's row). Segments are accounts' (decisions.md): a contact's own segment, a copy
    // made when the contact was, is not counted (fresh-eyes E9: 3 segments from 2 accounts)
    themes: `
WITH p AS (
  -- what customers raised, directly or through signals: a meeting among colleagues is no market
  SELECT i.id, i.date, i.account_id, lower(i.source) AS source FROM interviews i
  WHERE i.date BETWEEN @start AND @end AND i.kind <> 'stakeholder' AND ${BY}
),
-- each text's key computed once: a JavaScript function called for each of the week's pains cost
-- ~1.2 µs a call (~2 ms for the harsh 100k journal's 1,500), where the texts are a few hundred
keys AS MATERIALIZED (
  SELECT k.text, ${THEME_GROUP('k.key')} AS grp FROM (
    SELECT text, ${PAIN_KEY('text')} AS key
    FROM (SELECT DISTINCT x.text FROM p JOIN pains x ON x.interview_id = p.id)) k
),
items AS (
  SELECT 'tag' AS kind, coalesce(t.tag_key, lower(t.tag)) AS grp, t.tag AS theme, p.id AS interview_id, p.account_id,
    p.source, p.date
  FROM p JOIN interview_tags t ON t.interview_id = p.id
  UNION ALL
  SELECT 'pain', k.grp, trim(x.text), p.id, p.account_id, p.source, p.date
  FROM p JOIN pains x ON x.interview_id = p.id JOIN keys k ON k.text = x.text
),
-- a theme is named as an opportunity is (commonSpelling, src/core/opportunities.ts): as written most
-- often in the period, then most recently, then first by text; a tag too (E14: one BILLING named
-- the billing of every other interview)
named AS (
  SELECT kind, grp, theme FROM (
    SELECT kind, grp, theme,
      row_number() OVER (PARTITION BY kind, grp ORDER BY count(*) DESC, max(date) DESC, theme) AS n
    FROM items GROUP BY kind, grp, theme)
  WHERE n = 1
)
SELECT it.kind, ${THEME_NAME('it.grp', 'nm.theme')} AS theme,
  count(DISTINCT it.account_id) AS accounts,
  count(DISTINCT it.source) AS signals, count(DISTINCT it.interview_id) AS interviews,
  json_group_array(DISTINCT a.segment) AS accountSegments
FROM items it JOIN named nm ON nm.kind = it.kind AND nm.grp = it.grp
LEFT JOIN accounts a INDEXED BY accounts_segments ON a.id = it.account_id
GROUP BY it.kind, it.grp`,

    // the same from each day's themes kept by 0060 (without --by: it keeps no interviewer), one range of
    // theme_days grouped: no join to the period's interviews, tags and pains, each spelling's count
    // summed from its days (1.7 ms warm against 2.8 on the harsh 100k's week). A pain is kept
    // by lower(trim(text)), painKey's key for a text of printable ASCII without a run of spaces: \`other\`
    // marks another key, and a period with one is read by \`themes\` (themeRows)
    ...(by
      ? {}
      : {
          themesKept: `
WITH t AS (
  SELECT d.kind, d.key, CASE d.kind WHEN 'pain' THEN ${THEME_GROUP('d.key')} ELSE d.key END AS grp, d.day, d.dim,
    d.val, d.n
  FROM theme_days d WHERE d.day BETWEEN @start AND @end
),
g AS (
  SELECT t.kind, t.grp, count(DISTINCT t.val) FILTER (WHERE t.dim = 1) AS accounts,
    count(DISTINCT t.val) FILTER (WHERE t.dim = 2) AS signals, sum(t.n) FILTER (WHERE t.dim = 3) AS interviews,
    json_group_array(DISTINCT a.segment) FILTER (WHERE t.dim = 1) AS accountSegments,
    -- a key's text tested on its spellings' rows (dim 0) alone: every key of a day has one, and the GLOB
    -- on each of the period's rows of every dimension was ~0.5 ms of the statement's ~4 (both 100k journals)
    max(CASE WHEN t.dim = 0 AND t.kind = 'pain' THEN t.key GLOB '*[^ -~]*' OR instr(t.key, '  ') > 0 ELSE 0 END)
      AS other
  FROM t LEFT JOIN accounts a INDEXED BY accounts_segments ON t.dim = 1 AND a.id = t.val
  GROUP BY t.kind, t.grp
),
named AS (
  SELECT kind, grp, theme FROM (
    SELECT kind, grp, val AS theme,
      row_number() OVER (PARTITION BY kind, grp ORDER BY sum(n) DESC, max(day) DESC, val) AS k
    FROM t WHERE dim = 0 GROUP BY kind, grp, val)
  WHERE k = 1
)
SELECT g.kind, ${THEME_NAME('g.grp', 'nm.theme')}, g.accounts, g.signals, g.interviews, g.accountSegments, g.other
FROM g JOIN named nm ON nm.kind = g.kind AND nm.grp = g.grp
ORDER BY g.kind, g.grp`,

          // for a view that lists the first @rows themes (markdown: ReportQuery.themesShown), from the same
          // rows: those at or above the @rows-th by accounts, signals and interviews (the order the report
          // sorts them in, JavaScript breaking the ties by name), each named and given its segments, with how
          // many themes there are and whether a pain is keyed otherwise. Naming and gathering the segments of
          // the week's ~180 themes, and building each as JavaScript values, was most of their cost for the
          // ten shown.
          themesShown: `
WITH t AS MATERIALIZED (
  SELECT d.kind, d.key, CASE d.kind WHEN 'pain' THEN ${THEME_GROUP('d.key')} ELSE d.key END AS grp, d.day, d.dim,
    d.val, d.n
  FROM theme_days d WHERE d.day BETWEEN @start AND @end
),
g AS MATERIALIZED (
  SELECT t.kind, t.grp, count(DISTINCT t.val) FILTER (WHERE t.dim = 1) AS accounts,
    count(DISTINCT t.val) FILTER (WHERE t.dim = 2) AS signals, sum(t.n) FILTER (WHERE t.dim = 3) AS interviews,
    max(t.kind = 'pain' AND (t.key GLOB '*[^ -~]*' OR instr(t.key, '  ') > 0)) AS other
  FROM t GROUP BY t.kind, t.grp
),
n AS MATERIALIZED (SELECT count(*) AS themes, max(other) AS other FROM g),
${TOP_THEMES}
named AS (
  SELECT kind, grp, theme FROM (
    SELECT t.kind, t.grp, t.val AS theme,
      row_number() OVER (PARTITION BY t.kind, t.grp ORDER BY sum(t.n) DESC, max(t.day) DESC, t.val) AS k
    FROM t WHERE t.dim = 0 AND (t.kind, t.grp) IN (SELECT kind, grp FROM top)
    GROUP BY t.kind, t.grp, t.val)
  WHERE k = 1
),
segments AS (
  SELECT t.kind, t.grp, json_group_array(DISTINCT a.segment) AS accountSegments
  FROM t LEFT JOIN accounts a INDEXED BY accounts_segments ON a.id = t.val
  WHERE t.dim = 1 AND (t.kind, t.grp) IN (SELECT kind, grp FROM top)
  GROUP BY t.kind, t.grp
)
SELECT top.kind, ${THEME_NAME('top.grp', 'nm.theme')}, top.accounts, top.signals, top.interviews, s.accountSegments,
  n.themes, n.other
FROM n CROSS JOIN top JOIN named nm ON nm.kind = top.kind AND nm.grp = top.grp
  LEFT JOIN segments s ON s.kind = top.kind AND s.grp = top.grp
ORDER BY top.kind, top.grp`,

          // themesShown's answer where no two keys of the period are one opportunity's (no merge or alias
          // joins them; its last column says so, and themesShown answers otherwise): each key is then its
          // own theme, so the period's rows are counted by key straight from the range, and only the
          // first themes' keys are grouped, looked up and named. Putting every row's group into a
          // materialized table first, for the counts of the few merged, was ~1.3 ms of its ~3.6 (cold,
          // today's 100k week).
          themesShownByKey: `
WITH k AS MATERIALIZED (
  SELECT d.kind, d.key, count(DISTINCT d.val) FILTER (WHERE d.dim = 1) AS accounts,
    count(DISTINCT d.val) FILTER (WHERE d.dim = 2) AS signals, sum(d.n) FILTER (WHERE d.dim = 3) AS interviews
  FROM theme_days d WHERE d.day BETWEEN @start AND @end
  GROUP BY d.kind, d.key
),
g AS MATERIALIZED (
  SELECT k.kind, k.key, CASE k.kind WHEN 'pain' THEN ${THEME_GROUP('k.key')} ELSE k.key END AS grp, k.accounts,
    k.signals, k.interviews
  FROM k
),
-- how many themes; a pain keyed otherwise; an opportunity's group of two keys or more (fewer groups than keys)
n AS MATERIALIZED (
  SELECT count(*) AS themes, max(kind = 'pain' AND (key GLOB '*[^ -~]*' OR instr(key, '  ') > 0)) AS other,
    count(DISTINCT grp) FILTER (WHERE grp GLOB ' #*') < count(*) FILTER (WHERE grp GLOB ' #*') AS merged
  FROM g
),
${TOP_THEMES}
named AS (
  SELECT kind, key, theme FROM (
    SELECT d.kind, d.key, d.val AS theme,
      row_number() OVER (PARTITION BY d.kind, d.key ORDER BY sum(d.n) DESC, max(d.day) DESC, d.val) AS r
    FROM theme_days d
    WHERE d.day BETWEEN @start AND @end AND d.dim = 0 AND (d.kind, d.key) IN (SELECT kind, key FROM top)
    GROUP BY d.kind, d.key, d.val)
  WHERE r = 1
),
segments AS (
  SELECT d.kind, d.key, json_group_array(DISTINCT a.segment) AS accountSegments
  FROM theme_days d LEFT JOIN accounts a INDEXED BY accounts_segments ON a.id = d.val
  WHERE d.day BETWEEN @start AND @end AND d.dim = 1 AND (d.kind, d.key) IN (SELECT kind, key FROM top)
  GROUP BY d.kind, d.key
)
SELECT top.kind, ${THEME_NAME('top.grp', 'nm.theme')}, top.accounts, top.signals, top.interviews, s.accountSegments,
  n.themes, n.other, n.merged
FROM n CROSS JOIN top JOIN named nm ON nm.kind = top.kind AND nm.key = top.key
  LEFT JOIN segments s ON s.kind = top.kind AND s.key = top.key
ORDER BY top.kind, top.grp`,
        }),

    // how many themes (the standup page): the groups above, without what each one gathers (each text's key
    // computed once, as above)
    themeCount: `
WITH p AS (
  SELECT i.id FROM interviews i
  WHERE i.date BETWEEN @start AND @end AND i.kind <> 'stakeholder' AND ${BY}
)
SELECT count(*) FROM (
  SELECT 'tag' AS kind, coalesce(t.tag_key, lower(t.tag)) AS key FROM p JOIN interview_tags t ON t.interview_id = p.id
  UNION
  SELECT 'pain', ${THEME_GROUP('k.key')} FROM (
    SELECT DISTINCT ${PAIN_KEY('text')} AS key
    FROM (SELECT DISTINCT x.text FROM p JOIN pains x ON x.interview_id = p.id)) k)`,

    followUps: `
SELECT 'I' || i.id AS id, i.date, i.follow_up AS followUp, a.name AS account, i.source, i.summary, ${names} AS names
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id
WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0 AND i.follow_up <= @asOf AND i.date <= @asOf AND ${BY}${ANSWERED}
ORDER BY i.follow_up, i.id
LIMIT @rows`,

    // themeCount from the themes kept by day (0060), without --by (theme_days keeps no interviewer):
    // the period's keys a range of rows, each pain's grouped as above; the second column says a pain's key
    // is one painKey may spell otherwise (beyond printable ASCII, a run of spaces), for themeCount then
    themeCountKept: `
WITH k AS MATERIALIZED (SELECT DISTINCT kind, key FROM theme_days WHERE day BETWEEN @start AND @end AND dim = 3)
SELECT (SELECT count(*) FROM (
    SELECT DISTINCT k.kind, CASE k.kind WHEN 'pain' THEN ${THEME_GROUP('k.key')} ELSE k.key END FROM k)),
  EXISTS (SELECT 1 FROM k WHERE k.kind = 'pain' AND (k.key GLOB '*[^ -~]*' OR instr(k.key, '  ') > 0))`,

    // how many follow-ups are due and unanswered as of @asOf. Without --by, from the answers' own copies
    // of the days (0071), a range of their index alone, where each of the harsh 100k journal's 1,458 open
    // follow-ups due was sought in follow_up_answers for its answer (~0.4 ms in a fresh process)
    followUpCount: by
      ? `
SELECT count(*) FROM interviews i
WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0 AND i.follow_up <= @asOf AND i.date <= @asOf AND
  ${BY}${ANSWERED}`
      : `
SELECT count(*) FROM follow_up_answers INDEXED BY follow_up_answers_due
WHERE follow_up <= @asOf AND date <= @asOf AND (answered_on IS NULL OR answered_on > @asOf)`,
  } as const;
}

// The segments gone silent (ReportQuery.silentBefore: the standup page, which shows segment-silent
// and lists no segments), as segmentsSql gives them when every account counts (without --by, none
// made after --as-of: bornBeforeAny), from accounts_by_segment (0019), a few seeks a segment: each
// segment's first key after the last (the index is in trim(segment) COLLATE NOCASE order), its
// latest kept customer contact on or before @asOf, and those kept after it looked up; only a silent
// segment's accounts are then counted and its spelling chosen. Grouping the harsh 100k journal's
// 5,679 accounts with a segment, each row judged, cost ~2 ms (1,000 accounts: ~0.6); the seeks ~0.3.
// A kept latest contact of NULL is no customer conversation at all (migration 0004's triggers),
// which segmentsSql finds by looking it up. report-text-rows.test.ts holds these to segmentsSql's
// rows, silent or not, on both shapes.
// the hypotheses whose latest outcome by @asOf is a decision dated after @judged (a past period's
// end): open then, if they were open at all (the report reads only those), decided since
const DECIDED_SINCE = `SELECT 'H' || o.hypothesis_id FROM outcomes o
WHERE o.date > @judged AND o.date <= @asOf AND o.outcome <> 'reopened'
  AND o.id = (SELECT o2.id FROM outcomes o2 WHERE o2.hypothesis_id = o.hypothesis_id AND o2.date <= @asOf
    ORDER BY o2.date DESC, o2.id DESC LIMIT 1)`;

const SEGMENT = `segment IS NOT NULL AND trim(segment) <> '' AND cadence_days IS NOT 0`;
const SILENT_SEGMENTS = `
WITH RECURSIVE g(k) AS (
  SELECT (SELECT trim(segment) FROM accounts INDEXED BY accounts_by_segment WHERE ${SEGMENT}
    ORDER BY trim(segment) COLLATE NOCASE LIMIT 1)
  UNION ALL
  SELECT (SELECT trim(segment) FROM accounts INDEXED BY accounts_by_segment WHERE ${SEGMENT}
    AND trim(segment) > g.k COLLATE NOCASE ORDER BY trim(segment) COLLATE NOCASE LIMIT 1)
  FROM g WHERE g.k IS NOT NULL),
heard AS MATERIALIZED (
  SELECT k, max(
    coalesce((SELECT last_direct FROM accounts INDEXED BY accounts_by_segment
      WHERE ${SEGMENT} AND trim(segment) = g.k COLLATE NOCASE AND last_direct <= @asOf
      ORDER BY last_direct DESC LIMIT 1), ''),
    coalesce((SELECT max((SELECT i.date FROM interviews i WHERE i.account_id = a.id AND i.kind = 'customer'
        AND i.date <= @asOf ORDER BY i.date DESC LIMIT 1))
      FROM accounts a INDEXED BY accounts_by_segment
      WHERE ${SEGMENT} AND trim(segment) = g.k COLLATE NOCASE AND last_direct > @asOf), '')) AS last
  FROM g WHERE k IS NOT NULL)
SELECT min(trim(a.segment)) AS segment, count(*) AS accounts, nullif(h.last, '') AS lastHeard
FROM heard h CROSS JOIN accounts a INDEXED BY accounts_by_segment
  ON a.segment IS NOT NULL AND trim(a.segment) <> '' AND a.cadence_days IS NOT 0
    AND trim(a.segment) = h.k COLLATE NOCASE
WHERE h.last < @silentBefore
GROUP BY h.k`;

/**
 * Every segment with accounts (segmentsSql), or for the standup page those gone silent (SILENT_SEGMENTS).
 * The user's own page (q.own) judges them on everyone's customer conversations, as pm coverage does: a
 * segment is silent when the product has not heard it, whoever held the call (fresh-eyes wave 19 H16).
 */
export function segmentRows(db: DB, q: ReportQuery): SegmentRow[] {
  const bornBefore = bornBeforeAny(db, q.bornBefore ?? null);
  const by = q.own ? null : q.by;
  if (q.silentBefore !== undefined && by === null && bornBefore === null)
    return db.prepare(SILENT_SEGMENTS).all({ asOf: q.asOf, silentBefore: q.silentBefore }) as SegmentRow[];
  return db
    .prepare(segmentsSql(by !== null))
    .all({ asOf: q.asOf, ...(by === null ? {} : { by }), bornBefore }) as SegmentRow[];
}

function names(json: string | null): string[] {
  return json ? (JSON.parse(json) as (string | null)[]).filter((n): n is string => n !== null) : [];
}

type ReportStatements = ReturnType<typeof reportSql>;
type Params = Record<string, unknown>;

/** The period's contact counts and the journal's firsts, as ReportRows holds them (every view). */
export function contactRows(
  db: DB,
  SQL: ReportStatements,
  p: Params,
): Pick<ReportRows, 'contact' | 'lastDirect' | 'firstDate' | 'anyInterview' | 'anyHypothesis' | 'later'> {
  const c = db.prepare(SQL.contact).get(p) as {
    direct: number;
    indirect: number;
    stakeholder: number;
    customers: number;
    lastDirect: string | null;
    firstDate: string | null;
    anyInterview: number;
    anyHypothesis: number;
  };
  return {
    contact: { direct: c.direct, indirect: c.indirect, stakeholder: c.stakeholder, customers: c.customers },
    lastDirect: c.lastDirect,
    firstDate: c.firstDate,
    anyInterview: c.anyInterview === 1,
    anyHypothesis: c.anyHypothesis === 1,
    later: c.anyInterview === 0 && c.anyHypothesis === 0 ? laterRecords(db) : null,
  };
}

/** With nothing as of the report's day, what the journal holds after it: all of it (one row). */
function laterRecords(db: DB): ReportRows['later'] {
  const l = db
    .prepare(
      `SELECT (SELECT count(*) FROM interviews) AS interviews, (SELECT count(*) FROM hypotheses) AS hypotheses,
         (SELECT min(d) FROM (SELECT min(date) AS d FROM interviews UNION ALL
                              SELECT min(created_on) FROM hypotheses)) AS "from"`,
    )
    .get() as { interviews: number; hypotheses: number; from: string | null };
  return l.from === null ? null : { interviews: l.interviews, hypotheses: l.hypotheses, from: l.from };
}

/** Customer conversations in each of the report's weeks (`p`: the interviewer, if any). */
/**
 * Each week's customer contacts (directByWeek) and, for a cadence longer than the period, those of its
 * window up to asOf (ReportQuery.window).
 */
export function weeklyRows(
  db: DB,
  SQL: ReportStatements,
  q: ReportQuery,
  p: Params,
): Pick<ReportRows, 'directByWeek' | 'windowDirect'> {
  const directByWeek = weeklyCounts(db, SQL, q, p);
  if (!q.window) return { directByWeek };
  const until = q.window.end < q.asOf ? q.window.end : q.asOf;
  return { directByWeek, windowDirect: inWindows(db, SQL, [{ from: q.window.start, until }], -1, p)[0] };
}

function weeklyCounts(db: DB, SQL: ReportStatements, q: ReportQuery, p: Params): ReportRows['directByWeek'] {
  const counts = db
    .prepare(SQL.directByWeek)
    .pluck()
    .all({ ...p, weeks: JSON.stringify(q.weeks), weekTarget: q.weekTarget }) as number[];
  // a cadence longer than a week: each week's window too, counted up to the target
  const inWindow =
    q.weeks[0]?.from === undefined
      ? null
      : inWindows(db, SQL, q.weeks as { from: string; until: string; chart: boolean }[], q.weekTarget, p);
  return counts.map((direct, k) =>
    inWindow ? { week: q.weeks[k], direct, inWindow: inWindow[k] } : { week: q.weeks[k], direct },
  );
}

/** Customer contacts in each window, at most `cap` (-1: all). */
function inWindows(
  db: DB,
  SQL: ReportStatements,
  windows: { from: string; until: string; chart?: boolean }[],
  cap: number,
  p: Params,
) {
  const only = windows.map((w) => ({ from: w.from, until: w.until, chart: w.chart === true }));
  return db
    .prepare(SQL.inWindows)
    .pluck()
    .all({ ...p, windows: JSON.stringify(only), cap }) as number[];
}

/**
 * `wider(name)`: of the pain themes `names` selects (a column `name`), those whose opportunity was heard
 * from 2 accounts or more over the Opportunities' window (@ostart to @oend), as its Opportunities line
 * counts them: CTEs to put in a WITH. A theme's opportunity is found by its key (PAIN_KEY), an alias's
 * key, else its name (a renamed opportunity's theme bears its name); its spellings are the texts heard
 * since @ostart with one of its keys (~200 texts on the harsh 100k journal), and their pain_hearings rows
 * (0027) of the window are sought by text. Read only for the pains the period heard from one account.
 */
export const WIDER_PAINS = (names: string, by: boolean) => `wt AS MATERIALIZED (
  SELECT text, ${PAIN_KEY('text')} AS key
  FROM pain_text_totals INDEXED BY pain_text_totals_by_last WHERE last >= @ostart
),
ng AS MATERIALIZED (
  SELECT name, key, coalesce((SELECT o.id FROM opportunities o WHERE o.key = n.key),
    (SELECT a.opportunity_id FROM opportunity_aliases a WHERE a.key = n.key),
    (SELECT o.id FROM opportunities o WHERE o.name = n.name ORDER BY o.id LIMIT 1)) AS id
  FROM (SELECT name, ${PAIN_KEY('name')} AS key FROM (${names})) n
),
nk(name, key) AS (
  SELECT ng.name, o.key FROM ng JOIN opportunities o ON o.id = ng.id
  UNION ALL SELECT ng.name, a.key FROM ng JOIN opportunity_aliases a ON a.opportunity_id = ng.id
  UNION ALL SELECT name, key FROM ng WHERE id IS NULL
),
nt AS MATERIALIZED (SELECT nk.name, wt.text FROM nk JOIN wt ON wt.key = nk.key),
wider(name) AS (
  SELECT nt.name FROM nt CROSS JOIN pain_hearings h INDEXED BY pain_hearings_by_text
  WHERE h.text = nt.text AND h.contact_id = 0 AND h.date BETWEEN @ostart AND @oend AND h.account_id IS NOT NULL${
    by ? ' AND h.interview_id IN (SELECT i.id FROM interviews i WHERE i.by = @by COLLATE NOCASE)' : ''
  }
  GROUP BY nt.name HAVING count(DISTINCT h.account_id) >= 2
)`;

/** Marks the pain themes heard from one account whose opportunity the window heard from more (ThemeRow.heardWider). */
function markHeardWider(db: DB, themes: ThemeRow[], w: Pick<Window, 'start' | 'end'>, by: string | null) {
  const lone = themes.filter((t) => t.kind === 'pain' && t.accounts === 1 && t.signals === 0);
  if (lone.length === 0) return;
  const wider = new Set(
    withPainKey(db)
      .prepare(`WITH ${WIDER_PAINS('SELECT value AS name FROM json_each(@names)', by !== null)} SELECT name FROM wider`)
      .pluck()
      .all({
        names: JSON.stringify(lone.map((t) => t.theme)),
        ostart: w.start,
        oend: w.end,
        ...(by === null ? {} : { by }),
      }),
  );
  for (const t of lone) if (wider.has(t.theme)) t.heardWider = true;
}

type ThemeSql = ['tag' | 'pain', string, number, number, number, string | null, number?, number?, number?];

const themeOf = ([kind, theme, accounts, signals, interviews, accountSegments]: ThemeSql): ThemeRow => ({
  kind,
  theme,
  accounts,
  signals,
  interviews,
  segments: names(accountSegments),
});

/** Every theme of the period (tags and pains) with its accounts, signals, interviews and segments. */
export function themeRows(
  db: DB,
  SQL: ReportStatements,
  p: Params,
  w?: Pick<Window, 'start' | 'end'>,
  by: string | null = null,
): ThemeRow[] {
  let rows: ThemeSql[] | undefined;
  if ('themesKept' in SQL) {
    rows = db
      .prepare(SQL.themesKept as string)
      .raw()
      .all(p) as ThemeSql[];
    // a pain keyed otherwise: the period's keys made by painKey
    if (rows.some((r) => r[6] === 1)) rows = undefined;
  }
  rows ??= withPainKey(db).prepare(SQL.themes).raw().all(p) as ThemeSql[];
  const themes = rows.map(themeOf);
  if (w) markHeardWider(db, themes, w, by);
  return themes;
}

/**
 * The themes a view listing the first `shown` may show (ReportQuery.themesShown): those at or above the
 * `shown`-th by accounts, signals and interviews, and how many others there are; null where the kept
 * themes cannot answer (--by, a pain keyed otherwise): themeRows then reads them all.
 */
function shownThemeRows(
  db: DB,
  SQL: ReportStatements,
  p: Params,
  shown: number,
  w: Pick<Window, 'start' | 'end'>,
): [ThemeRow[], number] | null {
  if (!('themesShown' in SQL)) return null;
  let rows = db
    .prepare(SQL.themesShownByKey as string)
    .raw()
    .all({ ...p, rows: shown }) as ThemeSql[];
  // two keys of one opportunity: its themes grouped before they are counted
  if (rows.length > 0 && rows[0][8] === 1)
    rows = db
      .prepare(SQL.themesShown as string)
      .raw()
      .all({ ...p, rows: shown }) as ThemeSql[];
  if (rows.length === 0) return [[], 0];
  if (rows[0][7] === 1) return null;
  const themes = rows.map(themeOf);
  // no --by here (themesShown is the kept themes')
  markHeardWider(db, themes, w, null);
  return [themes, rows[0][6]! - rows.length];
}

/**
 * Read everything the report needs, as plain rows. `rows`: read at most that many rows of the long
 * lists (conversations, killed and invalidated hypotheses, due follow-ups) and count the rest in
 * `unread`; null reads them all. `now` (no outcome dated after asOf) lets it read the statuses and
 * summaries the triggers keep; false recomputes them as of asOf (always right, slower).
 */
export function reportRows(db: DB, q: ReportQuery, rows: number | null = null, now?: boolean): ReportRows {
  // one snapshot: a pm log committed meanwhile must not make a count disagree with the rows read
  return readSnapshot(db, () => readRows(db, q, rows, now));
}

function readRows(db: DB, q: ReportQuery, rows: number | null, now = !outcomeAfter(db, q.judgedOn)): ReportRows {
  // the hypotheses as they stood on q.judgedOn (a past period's end): each read as of that day
  const judged = q.judgedOn;
  const SQL = reportSql(q.by !== null, now);
  const p = { start: q.start, end: q.end, asOf: q.asOf, by: q.by, rows: rows ?? -1 };
  const pick = <K extends keyof typeof p>(...keys: K[]) => {
    const o: Partial<typeof p> = {};
    for (const k of keys) if (k !== 'by' || q.by !== null) o[k] = p[k];
    return o;
  };
  const firsts = contactRows(db, SQL, pick('start', 'end', 'asOf', 'by'));
  const { contact } = firsts;
  const conversations = q.conversationCounts
    ? []
    : (
        db.prepare(SQL.conversations).all(pick('start', 'end', 'by', 'rows')) as (Omit<ConversationRow, 'with'> & {
          names: string;
        })[]
      ).map(({ names: n, ...r }) => ({ ...r, with: names(n) }));
  const { accounts, unreadAccounts } = coldAccounts(db, SQL, {
    ...pick('asOf', 'by', 'rows'),
    accountCadence: q.accountCadence,
  });
  if (q.own && q.by !== null && accounts.length > 0) teammateCalls(db, accounts, q.asOf, q.by);
  const decided = db.prepare(SQL.decided).all(pick('start', 'end')) as OutcomeRow[];
  const { refutedAfterValidation, unreadRefuted } = refutedRows(db, SQL, judged, rows, now);
  const [themes, unreadThemes] = q.themeCounts
    ? [[], 0]
    : ((q.themesShown !== undefined
        ? shownThemeRows(db, SQL, pick('start', 'end', 'by'), q.themesShown, q.opportunities)
        : null) ?? [themeRows(db, SQL, pick('start', 'end', 'by'), q.opportunities, q.by), 0]);
  const followUps = (
    db.prepare(SQL.followUps).all(pick('asOf', 'by', 'rows')) as (Omit<FollowUpRow, 'with'> & { names: string })[]
  ).map(({ names: n, ...r }) => ({ ...r, with: names(n) }));
  if (followUps.length > 0) {
    const reach = new Map(
      db
        .prepare(FOLLOW_UP_REACH)
        .raw()
        .all(JSON.stringify(followUps.map((f) => Number(f.id.slice(1))))) as [string, string | null][],
    );
    for (const f of followUps) f.reach = reach.get(f.id) ?? null;
  }
  const followUpTotal =
    rows === null ? followUps.length : (db.prepare(SQL.followUpCount).pluck().get(pick('asOf', 'by')) as number);
  const { open, openCounted } = openHypotheses(db, SQL, q, rows, now);
  // with no outcome after the day judged (`now`), none was decided since
  const decidedSince =
    now || judged === q.asOf ? [] : (db.prepare(DECIDED_SINCE).pluck().all({ judged, asOf: q.asOf }) as string[]);
  const { killed, lateEvidence, unreadLate } = killedRows(db, SQL, judged, rows, now, q.killedCounts === true);
  const conversationTotal = contact.direct + contact.indirect + contact.stakeholder;
  // a statement revised after the day judged (pm hyp edit --force) is shown as it stood then
  const stood = statementsBefore(db, judged);
  if (stood.size)
    for (const list of [open, killed.rows, decided, refutedAfterValidation] as { statement: string }[][])
      for (const h of list) {
        const id = 'id' in h ? h.id : (h as RefutedAfterValidationRow).hypothesisId;
        h.statement = stood.get(id as string) ?? h.statement;
      }
  const named = namedOpportunities(db);
  const opportunityHypothesisRows = opportunityHypotheses(db, q.asOf);
  return {
    ...firsts,
    ...weeklyRows(db, SQL, q, pick('by')),
    conversations,
    accounts,
    hypotheses: [...open, ...killed.rows],
    unread: {
      conversations: conversationTotal - conversations.length,
      killed: killed.total - killed.rows.length,
      followUps: followUpTotal - followUps.length,
      unvalidated: 0,
      flags: 0,
      accounts: unreadAccounts,
      lateKilled: unreadLate,
      refuted: unreadRefuted,
      themes: q.themeCounts ? themeCount(db, SQL, pick('start', 'end', 'by')) : unreadThemes,
    },
    ...(openCounted ? { openCounted } : {}),
    ...(decidedSince.length ? { decidedSince } : {}),
    decided,
    lateEvidence,
    refutedAfterValidation,
    themes,
    followUps,
    segments: segmentRows(db, q),
    contested: decidedTwice(db, judged),
    opportunities: {
      ...(q.opportunityCounts
        ? {
            pains: [],
            texts:
              (q.by === null ? painTextCounts(db, q.opportunities, named, q.judge.validateAt) : null) ??
              painTexts(db, q.opportunities, q.by),
          }
        : q.opportunityTree !== undefined
          ? bestPains(db, q, named, opportunityHypothesisRows, q.opportunityTree, true)
          : q.opportunityTexts
            ? { pains: [], textRows: painTextTallies(db, q.opportunities, named, q.by) }
            : rows === null
              ? { pains: painRows(db, q.opportunities, q.by) }
              : bestPains(db, q, named, opportunityHypothesisRows)),
      named,
      hypotheses: opportunityHypothesisRows,
    },
  };
}

/**
 * Each hypothesis ('H7') whose statement was revised after asOf, with the statement that stood then:
 * the `before` of its earliest revision dated after it. Empty for a report as of today.
 */
function statementsBefore(db: DB, asOf: string): Map<string, string> {
  const rows = db
    .prepare(`SELECT 'H' || hypothesis_id, before FROM hypothesis_revisions
      WHERE field = 'statement' AND date > ? AND before IS NOT NULL ORDER BY id DESC`)
    .raw()
    .all(asOf) as [string, string][];
  return new Map(rows);
}

/**
 * For a view listing the best few opportunities: how many were heard, from each spelling's summary,
 * and the pains of those that may rank among the best (src/core/report-opportunities.ts).
 */
export function bestPains(
  db: DB,
  q: ReportQuery,
  named: NamedOpportunity[],
  hypotheses: OpportunityHypothesis[],
  best = REPORT_OPPORTUNITIES,
  everyNamed = false,
): Pick<OpportunityRows, 'pains' | 'counted' | 'textRows'> {
  if (q.by === null) {
    // as of today, where each text is its own opportunity, SQLite chooses them (keptBest)
    const addressed = hypotheses
      .filter((h) => h.status === 'open' || h.status === 'validated')
      .map((h) => h.opportunityId);
    const picked = keptBest(db, q.opportunities, { best, everyNamed, validateAt: q.judge.validateAt, addressed });
    if (picked?.rows !== undefined)
      return {
        pains: [],
        textRows: picked.rows.map((t) => tallyOf(labelsSince(t, q.opportunities.start))),
        counted: { heard: picked.heard, unaddressed: picked.unaddressed },
      };
    // each spelling counted by SQLite (those sharing an opportunity read with their ids, to be merged),
    // then the rows of the few that may rank among the best. As of today (no pain heard after the
    // window) both come from the counts kept before each day a text was heard (0052, keptBest's sums: a
    // seek a text), a tally ranking as its rows do; else from pain_hearings (0027).
    const kept = picked === null ? null : picked.sums;
    const sums: (PainTextSum | KeyedPainTextSum)[] = kept ?? painTextSums(db, q.opportunities);
    const shared = textsSharingOpportunity(
      sums.map((r) => r[0]),
      named,
      kept?.map((r) => r[7]),
    );
    const whole = shared.size === 0 ? [] : painTextRows(db, q.opportunities, null, [...shared]);
    const summaries: (PainTextRow | PainCount)[] = [...whole];
    for (const [text, lastHeard, accountCount, c0, c1, c2, c3, key] of sums)
      if (!shared.has(text)) summaries.push({ text, key, lastHeard, accountCount, atLeast: [c0, c1, c2, c3] });
    const chosen = opportunitiesToRank(summaries, named, hypotheses, q.judge.validateAt, best, everyNamed);
    const read = new Map<string, PainTextRow | PainTextTally>(whole.map((r) => [r.text, r]));
    const missing = chosen.texts.filter((t) => !read.has(t));
    if (kept !== null)
      for (const t of keptTallyRowsOf(db, q.opportunities, missing))
        read.set(t[0], tallyOf(labelsSince(t, q.opportunities.start)));
    else if (missing.length) for (const r of painTextRows(db, q.opportunities, null, missing)) read.set(r.text, r);
    const keep = new Set(chosen.texts);
    return {
      pains: [],
      // in the order painTextRows gives them all (by text)
      textRows: sums.filter((r) => keep.has(r[0])).map((r) => read.get(r[0])!),
      counted: { heard: chosen.heard, unaddressed: chosen.unaddressed },
    };
  }
  const { heard, unaddressed, texts } = opportunitiesToRank(
    painSummaries(db, q.opportunities, q.by),
    named,
    hypotheses,
    q.judge.validateAt,
    best,
    everyNamed,
  );
  return {
    pains: texts.length === 0 ? [] : painRows(db, q.opportunities, q.by, texts),
    counted: { heard, unaddressed },
  };
}

/** A spelling's text, latest day, accounts, and customers giving it at least low, medium, high, blocker. */
export type PainTextSum = [string, string, number, number, number, number, number];

/**
 * Each way a pain was written in the window, with only what orders the best opportunities: the
 * latest day heard, how many accounts of customer conversations raised it, and how many customers and
 * prospects gave it at least low, medium, high and blocker (so each one's highest severity), from the
 * window's hearings themselves (pain_hearings, 0027), for any window: harsh 100k, 12 weeks, the
 * statement alone ~10 ms of CPU where painTextRows' is ~13, and ~13 KB of text instead of ~115 KB of
 * id lists to parse and fold into Maps and Sets by code run once a process. As of today the report
 * reads the kept tallies instead (keptTallySums), the same sums.
 */
export function painTextSums(db: DB, w: Pick<Window, 'start' | 'end'>): PainTextSum[] {
  return db
    .prepare(`
SELECT text, max(date), count(DISTINCT account_id) FILTER (WHERE contact_id = 0 AND account_id IS NOT NULL),
  ${CUSTOMERS_BY_SEVERITY}
FROM pain_hearings WHERE date BETWEEN @start AND @end
GROUP BY text`)
    .raw()
    .all({ start: w.start, end: w.end }) as PainTextSum[];
}

/**
 * One row a way a pain was written in the window (painTexts' statement, src/db/opportunities.ts, with
 * more of each): the latest day heard, the accounts of the customer conversations, and each customer
 * and prospect present with the rank of each severity they gave it (id × 4 + rank), grouped by SQLite.
 * The customers and prospects are the people present who are not among the few others
 * (contacts_not_customers, 0022): looking up each one's row cost ~2 ms more.
 */
function painSummaries(db: DB, w: Pick<Window, 'start' | 'end'>, by: string | null): PainSummary[] {
  const FROM = by === null ? 'interviews i INDEXED BY interviews_by_date_kind_account' : 'interviews i';
  const BY = by === null ? '' : 'AND i.by = @by COLLATE NOCASE';
  const rows = db
    .prepare(`
SELECT p.text, max(i.date), group_concat(DISTINCT CASE WHEN i.kind = 'customer' THEN i.account_id END),
  group_concat(DISTINCT ic.contact_id * 4 + CASE p.severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2
    ELSE 3 END)
FROM ${FROM} CROSS JOIN pains p ON p.interview_id = i.id
  LEFT JOIN interview_contacts ic ON i.kind = 'customer' AND ic.interview_id = i.id
    AND ic.contact_id NOT IN (SELECT id FROM contacts WHERE role NOT IN ('customer', 'prospect'))
WHERE i.date BETWEEN @start AND @end AND i.kind IN ('customer', 'indirect') ${BY}
GROUP BY p.text`)
    .raw()
    .all(by === null ? { start: w.start, end: w.end } : { start: w.start, end: w.end, by }) as [
    string,
    string,
    string | null,
    string | null,
  ][];
  const ids = (list: string | null) => (list === null ? [] : list.split(',').map(Number));
  return rows.map(([text, lastHeard, accounts, customers]) => ({
    text,
    lastHeard,
    accounts: ids(accounts),
    customers: ids(customers),
  }));
}

type Statements = ReturnType<typeof reportSql>;

/**
 * Customer evidence refuting validated hypotheses after their validation: every link, or for a
 * view (`rows`, as of today's kept statuses) those of the first `rows` such hypotheses, with how
 * many more there are (`unreadRefuted`): a journal of years may hold hundreds.
 */
function refutedRows(
  db: DB,
  SQL: Statements,
  asOf: string,
  rows: number | null,
  now: boolean,
): { refutedAfterValidation: RefutedAfterValidationRow[]; unreadRefuted: number } {
  if (rows === null || !now)
    return {
      refutedAfterValidation: db.prepare(SQL.refutedAfterValidation).all({ asOf }) as RefutedAfterValidationRow[],
      unreadRefuted: 0,
    };
  const [first, total] = firstAndTotal(db, SQL.refutedIds, asOf, rows);
  return {
    refutedAfterValidation:
      first.length === 0
        ? []
        : (db.prepare(SQL.refutedOf).all({ asOf, ids: JSON.stringify(first) }) as RefutedAfterValidationRow[]),
    unreadRefuted: total - first.length,
  };
}

/** The bits of openFlags' numbers, and the actionable flags in the standup's order of urgency (ACTION_URGENCY). */
const OPEN_FLAG = {
  apart: 1,
  stale: 2,
  'past-decide-by': 4,
  soon: 8,
  'ready-to-validate': 16,
  'ready-to-kill': 32,
  'decide-today': 64,
};
/** One more than the largest value of the bits: each number is id × OPEN_SPAN + bits. */
const OPEN_SPAN = 128;
const BY_URGENCY = ['past-decide-by', 'decide-today', 'ready-to-kill', 'ready-to-validate', 'stale'] as const;

/**
 * The lists a hypothesis with these flag bits is in, as indexes of a counter: 0 every open
 * hypothesis, 1 + k the k-th flag of BY_URGENCY it raises, 1 + 5 + k the most urgent one it raises.
 * Made once for the 128 values: the loop over a journal's open hypotheses runs once, in cold code,
 * where making each one's list of flags and its lists' names as strings cost ~3 µs a hypothesis
 * (~4.4 ms for 1,590); indexes into a typed array cost a tenth of that.
 */
// Flat: the lists of the bits b are LISTS_OF_BITS[LIST_AT[b]] up to LIST_AT[b + 1]; 128 arrays, each grown
// by push, were ~22 KB of young objects at every start of every report. Plain loops: flatMap and spreads
// over the 128 values cost ~0.2 ms
const LIST_AT = new Uint16Array(OPEN_SPAN + 1);
const LISTS_OF_BITS = new Uint8Array(OPEN_SPAN * (2 + BY_URGENCY.length));
for (let bits = 0, at = 0; bits < OPEN_SPAN; bits++) {
  LIST_AT[bits] = at;
  LISTS_OF_BITS[at++] = 0;
  let first = 0;
  for (let k = 0; k < BY_URGENCY.length; k++)
    if (bits & OPEN_FLAG[BY_URGENCY[k]]) {
      LISTS_OF_BITS[at++] = 1 + k;
      if (first === 0) first = 1 + k;
    }
  if (first > 0) LISTS_OF_BITS[at++] = BY_URGENCY.length + first;
  LIST_AT[bits + 1] = at;
}

/**
 * The open hypotheses: every one, or for a view (`rows`, as of today's kept statuses) those it may
 * list (the first `rows` of the list, of each flag and of each most urgent flag) or sets apart,
 * and the others counted from their flags (openFlags).
 */
function openHypotheses(
  db: DB,
  SQL: Statements,
  q: ReportQuery,
  rows: number | null,
  now: boolean,
): { open: ReportHypothesisRow[]; openCounted: OpenCounted | null } {
  if (rows === null || !now) return { open: reportOpenHypotheses(db, q.judgedOn, now, rows), openCounted: null };
  const { staleDays, soonDays, validateAt, killAt } = q.judge;
  const codes = db
    .prepare(SQL.openFlags)
    .pluck()
    .all({
      asOf: q.asOf,
      judged: q.judgedOn,
      staleBefore: addDays(q.asOf, -staleDays),
      soonBy: addDays(q.asOf, soonDays),
      validateAt,
      killAt,
    }) as number[];
  // someone else's (H14): listed among the open, no flag of theirs raised here (src/core/report.ts)
  if (q.othersHypotheses) {
    const others = new Set(q.othersHypotheses);
    for (let k = 0; k < codes.length; k++) {
      const bits = codes[k] % OPEN_SPAN;
      if (bits > 1 && others.has((codes[k] - bits) / OPEN_SPAN)) codes[k] -= bits & ~OPEN_FLAG.apart;
    }
  }
  // set apart: a bet (its flags are held or not by --until: read and judged whole). Found here, a
  // few seeks into the ids, not in the statement: an IN of the bets there cost every row a probe,
  // ~0.3 ms of the harsh 100k journal's ~1 ms for its 1,590 open hypotheses. (Arithmetic, not |:
  // the numbers pass 2^31 for row ids past 16 million.)
  for (const id of db.prepare(SQL.openBets).pluck().all() as number[]) {
    let lo = 0;
    let hi = codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (codes[mid] < id * OPEN_SPAN) lo = mid + 1;
      else hi = mid;
    }
    if (lo < codes.length && codes[lo] - (codes[lo] % OPEN_SPAN) === id * OPEN_SPAN && codes[lo] % 2 === 0)
      codes[lo] += 1;
  }
  // how many hypotheses each list (LISTS_OF_BITS) held before this one, and how many it holds unlisted
  const seen = new Int32Array(1 + 2 * BY_URGENCY.length);
  const unlisted = new Int32Array(seen.length);
  // once every list a value of the bits is in holds `rows`, a hypothesis with those bits is listed
  // nowhere: it is only tallied by its bits (`done`), and its lists' counts made from the tallies
  // after. Most of a journal of years' open hypotheses come after their lists are full, and this
  // loop runs once, in cold code: judging each against its lists cost ~0.7 µs a hypothesis (the
  // harsh 100k journal's 1,590: ~1.1 ms), a tally a tenth of that
  const done = new Uint8Array(OPEN_SPAN);
  const tally = new Int32Array(OPEN_SPAN);
  // plain loops: a closure for each of the 128 values, at each of up to 11 calls, was ~25 KB of young
  // objects a report (the page's one young collection comes sooner for each)
  const fill = () => {
    for (let b = 0; b < OPEN_SPAN; b++) {
      let full = (b & OPEN_FLAG.apart) === 0;
      for (let j = LIST_AT[b]; j < LIST_AT[b + 1] && full; j++) if (seen[LISTS_OF_BITS[j]] < rows) full = false;
      done[b] = full ? 1 : 0;
    }
  };
  fill();
  const ids: number[] = [];
  for (let k = 0; k < codes.length; k++) {
    const bits = codes[k] % OPEN_SPAN;
    if (done[bits] === 1) {
      tally[bits]++;
      continue;
    }
    const id = (codes[k] - bits) / OPEN_SPAN;
    if (bits & OPEN_FLAG.apart) {
      ids.push(id);
      continue;
    }
    // every list it is in counts it, listed or not; it is listed while one of them holds fewer than `rows`
    const from = LIST_AT[bits];
    const to = LIST_AT[bits + 1];
    let listed = false;
    for (let j = from; j < to; j++) if (seen[LISTS_OF_BITS[j]]++ < rows) listed = true;
    if (listed) {
      ids.push(id);
      for (let j = from; j < to; j++) if (seen[LISTS_OF_BITS[j]] === rows) fill();
    } else tally[bits]++;
  }
  let decideSoon = 0;
  for (let b = 0; b < OPEN_SPAN; b++) {
    if (tally[b] === 0) continue;
    for (let j = LIST_AT[b]; j < LIST_AT[b + 1]; j++) unlisted[LISTS_OF_BITS[j]] += tally[b];
    // one due today is a line of Needs action, not among those to decide soon (src/core/report.ts)
    if (b & OPEN_FLAG.soon && !(b & OPEN_FLAG['decide-today'])) decideSoon += tally[b];
  }
  const counted: OpenCounted = { unvalidated: unlisted[0], decideSoon, flags: {}, needs: {} };
  BY_URGENCY.forEach((f, k) => {
    if (unlisted[1 + k] > 0) counted.flags[f] = unlisted[1 + k];
    if (unlisted[1 + BY_URGENCY.length + k] > 0) counted.needs[f] = unlisted[1 + BY_URGENCY.length + k];
  });
  return { open: reportOpenHypotheses(db, q.judgedOn, now, rows, ids), openCounted: counted };
}

// each account's latest customer conversation by someone other than @by after the day given (the
// user's last), on or before @asOf: one seek of interviews_by_account_kind_date an account read
const TEAMMATE_CALLS = `
SELECT j.key, i.by, i.date FROM json_each(@accounts) j
  CROSS JOIN accounts a ON a.name = json_extract(j.value, '$[0]')
  CROSS JOIN interviews i ON i.id = (SELECT i2.id FROM interviews i2
    WHERE i2.account_id = a.id AND i2.kind = 'customer' AND i2.date <= @asOf
      AND i2.date > json_extract(j.value, '$[1]') AND i2.by <> @by COLLATE NOCASE
    ORDER BY i2.date DESC, i2.id DESC LIMIT 1)`;

/**
 * The user's own page: each account going cold that a teammate has called since the user's last call
 * gets that call (AccountContactRow.teammate), which its Needs line names.
 */
function teammateCalls(db: DB, accounts: AccountContactRow[], asOf: string, by: string): void {
  const found = db
    .prepare(TEAMMATE_CALLS)
    .raw()
    .all({ accounts: JSON.stringify(accounts.map((a) => [a.account, a.lastDirect])), asOf, by }) as [
    number,
    string,
    string,
  ][];
  for (const [k, who, date] of found) accounts[k].teammate = { by: who, date };
}

/** The accounts going cold: every one, or for a view (`rows`) the first and how many are left. */
function coldAccounts(
  db: DB,
  SQL: Statements,
  p: { asOf?: string; by?: string | null; rows?: number; accountCadence: number },
): { accounts: AccountContactRow[]; unreadAccounts: number } {
  if (p.rows === undefined || p.rows < 0) {
    const { rows: _, ...all } = p;
    return { accounts: db.prepare(SQL.accounts).all(all) as AccountContactRow[], unreadAccounts: 0 };
  }
  const coldBefore = p.accountCadence > 0 ? addDays(p.asOf ?? '', -p.accountCadence) : '';
  const read = db.prepare(SQL.accountsShown).all(p.by ? p : { ...p, coldBefore }) as (AccountContactRow & {
    total: number;
  })[];
  return {
    accounts: read.map(({ total: _, ...a }) => a),
    unreadAccounts: read.length === 0 ? 0 : read[0].total - read.length,
  };
}

/**
 * The killed and invalidated hypotheses and the links dated after their decision: every one, or
 * for a view (`rows`) the first `rows` of them and of those with such links (latest decision
 * first), with how many more have such links (`unreadLate`).
 */
function killedRows(
  db: DB,
  SQL: Statements,
  asOf: string,
  rows: number | null,
  now: boolean,
  counted = false,
): { killed: { rows: ReportHypothesisRow[]; total: number }; lateEvidence: LateEvidenceRow[]; unreadLate: number } {
  // the longer lists as arrays, made into objects here: better-sqlite3 builds an object a row in
  // C++ at about twice the cost
  const links = (sql: string, p: object) =>
    (db.prepare(sql).raw().all(p) as [string, string, string][]).map(
      ([hypothesisId, interviewId, date]): LateEvidenceRow => ({ hypothesisId, interviewId, date }),
    );
  if (rows === null || !now) {
    const lateEvidence = links(SQL.lateEvidence, { asOf });
    const late = [...new Set(lateEvidence.map((e) => Number(e.hypothesisId.slice(1))))];
    return { killed: reportDecidedHypotheses(db, asOf, rows, late, now), lateEvidence, unreadLate: 0 };
  }
  // a view: of the thousands of links a journal of years may hold after decisions, only those of
  // the hypotheses it lists are read (their ids from the kept decision days, src/db/report.ts)
  const [first, late] = lateKilledFirst(db, SQL, asOf, rows);
  // `counted` (the standup page): none listed, only those with later links read (for their flags)
  const killed = reportDecidedHypotheses(db, asOf, counted ? 0 : rows, first, now);
  const lateEvidence = links(SQL.lateEvidenceOf, { asOf, ids: JSON.stringify(killed.rows.map((h) => h.rowid)) });
  const read = new Set(lateEvidence.map((e) => e.hypothesisId)).size;
  return { killed, lateEvidence, unreadLate: late - read };
}

/**
 * How many themes the period has (the standup page's count): from the themes kept by day when they
 * hold (no --by, every pain's key as painKey makes it), else from the period's tags and pains. The
 * harsh 100k journal's week joined 767 conversations to their tags and pains, ~1 ms in a fresh process.
 */
export function themeCount(db: DB, SQL: Statements, p: { start?: string; end?: string; by?: string | null }): number {
  if (p.by === undefined || p.by === null) {
    const [count, other] = db.prepare(SQL.themeCountKept).raw().get(p) as [number, number];
    if (!other) return count;
  }
  return withPainKey(db).prepare(SQL.themeCount).pluck().get(p) as number;
}

/** The first `rows` killed hypotheses with later links (lateKilled), and how many there are. */
function lateKilledFirst(db: DB, SQL: Statements, asOf: string, rows: number): [number[], number] {
  const read = db.prepare(SQL.lateKilledKept).raw().all({ asOf, rows }) as [number, number, number][];
  if (read.length > 0 && read[0][2] === 1) return firstAndTotal(db, SQL.lateKilled, asOf, rows);
  return [read.map((r) => r[0]), read.length === 0 ? 0 : read[0][1]];
}

/** The ids of a statement's first `rows` rows (id, total), and the total it gives each (0: none). */
function firstAndTotal(db: DB, sql: string, asOf: string, rows: number): [number[], number] {
  const read = db.prepare(sql).raw().all({ asOf, rows }) as [number, number][];
  return [read.map((r) => r[0]), read.length === 0 ? 0 : read[0][1]];
}
