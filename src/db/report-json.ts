// The rows behind `pm report --json` (issue 18). JSON is complete: on a journal of years that is
// thousands of accounts going cold, killed hypotheses with their late links and follow-ups due, each
// also a flag with its message. Read as JavaScript rows, built into report objects and stringified,
// those lists were much of the command's cost (objects, garbage collection). Here SQLite writes each
// of their entries as the very text JSON.stringify(report, null, 2) would (json_quote escapes as
// JSON.stringify does; every number is an integer but confidence scores, written from a table),
// already indented for its place in the document, each list joined into one text read as bytes;
// src/render/report-json.ts splices them in. The open hypotheses and their flags too, unless one has
// links dated after --as-of. Everything else (counts, themes, segments, bets, the best opportunities)
// is read and built as for the other views (src/core/report.ts). test/unit/report-json.test.ts holds
// the two documents equal, byte for byte.
import type { DB } from './journal.js';
import {
  loggedAfterSql,
  outcomeAfter,
  reportOpenHypotheses,
  runningBets,
  statementRevisedAfter,
} from './hypothesis-stats.js';
import { namedOpportunities, opportunityHypotheses } from './opportunities.js';
import { bestPains, contactRows, reportSql, segmentRows, weeklyRows, themeRows, WIDER_PAINS } from './report.js';
import { withPainKey } from './pain-key.js';
import type { JsonLists, JsonText } from '../core/report-json.js';
import { NONE_UNREAD, type OutcomeRow, type ReportQuery, type ReportRows } from '../core/report.js';
import { accountCadenceSql, goingColdSql } from './standing.js';
import { addDays } from '../core/dates.js';
import { decidedTwice } from './contested.js';
import { CONFIDENCE_SCORES, type ConfidenceLevel as Level } from '../core/confidence.js';

const NL = '\n';

/** A SQL string literal. */
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A text column or expression as JSON (json_quote escapes as JSON.stringify does; NULL is null). */
const str = (e: string) => `json_quote(${e})`;

/**
 * An integer expression as JSON, written by format()'s %d: %s would first make each number a text of
 * its own, an allocation a field (~16,000 entries, ~30,000 numbers on the harsh 100k).
 */
const int = (e: string): Field => ({ spec: '%d', arg: e });

/** A hypothesis's id (`H` and its row id) as JSON, written by the pattern: no text made and quoted a row. */
const HID: Field = { spec: '"H%d"', arg: 'id' };

/**
 * A text JSON writes as it is, between quotes, never NULL: an id (`I12`), a date or a word of a CHECKed
 * list (channel, kind); the schema allows no character JSON escapes in them. Written by the pattern,
 * not quoted a row.
 */
const plain = (e: string): Field => ({ spec: '"%s"', arg: e });

/** A field's JSON text: a SQL expression giving it, or a format() conversion and its argument. */
type Field = string | { spec: string; arg: string };

/** Whole days from one ISO date to another (daysBetween), as an integer. */
const days = (from: string, to: string) => `CAST(julianday(${to}) - julianday(${from}) AS INTEGER)`;

/** `n day` or `n days` (plural in src/core/report.ts). */
const plural = (n: string, one: string) => `(${n}) || CASE WHEN (${n}) = 1 THEN ' ${one}' ELSE ' ${one}s' END`;

/**
 * A JSON object, as JSON.stringify(…, null, 2) writes it at `indent` spaces: each field a SQL
 * expression giving its JSON text. The opening brace is not indented (the caller places it).
 */
function object(indent: number, fields: [string, Field][]): string {
  const pad = ' '.repeat(indent + 2);
  // one format() makes the text in one piece: each || copies all the text before it
  const spec = (v: Field) => (typeof v === 'string' ? '%s' : v.spec);
  const layout = fields.map(([key, value]) => `${NL}${pad}"${key}": ${spec(value)}`).join(',');
  const args = fields.map(([, v]) => (typeof v === 'string' ? v : v.arg));
  return `format(${lit(`{${layout}${NL}${' '.repeat(indent)}}`)}, ${args.join(', ')})`;
}

/** A flag at its place in the report's `flags` (indent 4). */
const flag = (kind: string, subject: string, message: string) =>
  object(4, [
    ['kind', lit(`"${kind}"`)],
    ['subject', str(subject)],
    ['message', `json_quote(${message})`],
  ]);

/**
 * A flag of hypothesis `H<id>` whose message holds nothing a user wrote (ids, enums, dates, numbers:
 * nothing JSON escapes), made by one format() instead of json_quote of text joined by `||`, each `||` a
 * copy (the open, killed and refuted lists' statements ~1.7 ms less on the harsh 100k, its 6,000 such
 * flags). `message` is a format() pattern of plain text (`%d`, `%s`), `args` its arguments; `lead`
 * opens the text (a list's separator). test/unit/report-json.test.ts holds the document to
 * JSON.stringify's.
 */
const plainFlag = (kind: string, message: string, args: string[], lead = '') => {
  const pattern = `${lead}{${NL}      "kind": "${kind}",${NL}      "subject": "H%d",${NL}      "message": `;
  return `format(${lit(`${pattern}${JSON.stringify(message)}${NL}    }`)}, ${['id', ...args].join(', ')})`;
};

/** The `s` of `n days`, or nothing for one (plural in src/core/report.ts), for a format() pattern's `day%s`. */
const pluralS = (n: string) => `CASE WHEN (${n}) = 1 THEN '' ELSE 's' END`;
/** A verb's `s` when its subject is one: `1 customer refutes it` (customersWho, src/core/report.ts). */
const verbS = (n: string) => `CASE WHEN (${n}) = 1 THEN 's' ELSE '' END`;

/** whereFrom (src/core/interviews.ts): `account via source`, or whichever there is. */
const whereFrom = (account: string, source: string) =>
  `CASE WHEN ${account} IS NOT NULL AND ${source} IS NOT NULL THEN ${account} || ' via ' || ${source}
    ELSE coalesce(${account}, ${source}, '') END`;

/**
 * The people of a conversation or follow-up (interview `i`) as their entry's `with` at indent 6, for
 * src/db/report.ts's `names`: as its JSON array is listed (json_group_array, in the same order), nulls
 * left out, made by SQLite from the rows rather than from that array (~0.4 ms of the conversations'
 * statement, ~0.3 of the follow-ups', on either 100k journal).
 */
const WITH = `(SELECT CASE WHEN count(c.name) = 0 THEN '[]' ELSE ${lit(`[${NL}        `)} ||
    group_concat(json_quote(c.name), ${lit(`,${NL}        `)}) || ${lit(`${NL}      ]`)} END
  FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
  WHERE ic.interview_id = i.id AND c.name IS NOT NULL)`;

/**
 * A list of interview ids joined by ', ' (or NULL: none) as a JSON array at indent 8 (an entry of
 * hypotheses.killed or refutedAfterValidation): ids hold neither quotes nor commas.
 */
const ids = (list: string) =>
  `CASE WHEN ${list} IS NULL THEN '[]' ELSE ${lit(`[${NL}          "`)} || replace(${list}, ', ', ${lit(
    `",${NL}          "`,
  )}) || ${lit(`"${NL}        ]`)} END`;

/**
 * levelOf (src/core/confidence.ts): the level one direction's evidence reaches, from its customers,
 * their accounts, its other links and its strongest basis (0 said, 1 did, 2 paid), as `text` of it.
 */
const level = (customers: string, accounts: string, other: string, basis: string, text: (l: Level) => string) =>
  `CASE WHEN ${customers} > 0 AND ${basis} = 2 THEN ${text('commitment')}
    WHEN ${customers} > 0 AND ${basis} = 1 THEN ${text('behaviour')}
    WHEN ${customers} >= @validateAt AND ${accounts} >= 2 THEN ${text('customers')}
    WHEN ${customers} > 0 THEN ${text('anecdotal')} WHEN ${other} > 0 THEN ${text('opinion')} ELSE ${text('none')} END`;

/** An open hypothesis's confidence (confidenceOf) at its place: each level with its score as JSON writes it. */
const CONFIDENCE = `'{${NL}          "level": ' || ${level('cs', 'accS', 'otherSupports', 'bs', (l) =>
  lit(`"${l}",${NL}          "score": ${JSON.stringify(CONFIDENCE_SCORES[l])}`),
)} || ${lit(`,${NL}          "refutedAt": `)} || ${level('cr', 'accR', 'otherRefutes', 'br', (l) =>
  lit(l === 'none' ? 'null' : `"${l}"`),
)} || ${lit(`${NL}        }`)}`;

/**
 * One row: a list's entries (objects at `indent`) and the flags they raise (at 4), each joined into
 * one JSON text and read as bytes (NULL: none). `rows` gives the list's rows in its order, with an
 * ORDER BY and a LIMIT: SQLite keeps the order of such a subquery, and group_concat takes the rows
 * as they come. So the rows are sorted narrow and formatted after (sorting the texts, as an
 * aggregate's ORDER BY does, cost ~4 ms more on 3,498 accounts), and one text a list crosses into
 * JavaScript, which writes it as it is (a row each, joined there, cost strings and their copies).
 */
function aggregated(rows: string, indent: number, entry: string, raised: string | null): string {
  return `
WITH y AS MATERIALIZED (${rows})
SELECT CAST(group_concat(${entry}, ${lit(`,${NL}${' '.repeat(indent)}`)}) AS BLOB),
  ${raised === null ? 'NULL' : `CAST(group_concat(${raised}, ${lit(`,${NL}    `)}) AS BLOB)`}
FROM y`;
}

/**
 * An account going cold and its flag, from its row with `d` (days since its latest customer
 * conversation) and COLD_QUOTED: its name quoted once, for the entry, the flag's subject and its
 * message, which opens with the name (json_quote of the name and the plain text after it is the
 * quoted name without its closing quote, then that text: dates and numbers, nothing JSON escapes).
 * Quoting the name three times cost ~0.4 ms of the harsh 100k's 3,498 accounts going cold.
 */
const COLD_QUOTED = 'json_quote(account) AS quoted';
const COLD_ENTRY = object(4, [
  ['account', 'quoted'],
  ['lastDirect', plain('lastDirect')],
  ['daysSince', int('d')],
  ['cadenceDays', int('cadenceDays')],
  ['segment', str('segment')],
]);
const COLD_FLAG = `format(${lit(
  `{${NL}      "kind": "account-cold",${NL}      "subject": %s,${NL}      "message": ` +
    `%!.*s: no customer conversation for %d day%s, since %s (cadence: %d day%s)"${NL}    }`,
)}, quoted, length(quoted) - 1, quoted, d, ${pluralS('d')}, lastDirect, cadenceDays, ${pluralS('cadenceDays')})`;

/**
 * The accounts going cold without --by, for their list's ORDER BY: those on the journal's cadence
 * whose kept latest customer conversation is before @coldBefore (@asOf less the cadence; '' when it is
 * off) are a range of accounts_going_cold (0054), in the list's order with what it shows, the rows of
 * a sort merged with those of the others: the accounts with a cadence of their own, and those whose
 * kept conversation is after @asOf (looked up), judged as src/db/report.ts's `accounts` judges every
 * one. Read from the accounts' rows and sorted, the harsh 100k's 3,498 of 6,001 took ~2.5 ms more.
 * goingColdSql compares days, this the dates pm writes (report-json.test.ts holds the two equal).
 */
const COLD_NOW = `SELECT name AS account, segment, @accountCadence AS cadenceDays, last_direct AS lastDirect
  FROM accounts INDEXED BY accounts_going_cold WHERE cadence_days IS NULL AND last_direct < @coldBefore
UNION ALL
SELECT account, segment, cadenceDays, lastDirect FROM (
  SELECT a.name AS account, a.segment, ${accountCadenceSql('a.cadence_days', '@accountCadence')} AS cadenceDays,
    CASE WHEN a.last_direct <= @asOf THEN a.last_direct ELSE (SELECT i.date FROM interviews i
      WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf ORDER BY i.date DESC LIMIT 1)
    END AS lastDirect
  FROM (SELECT id FROM accounts INDEXED BY accounts_own_cadence WHERE cadence_days IS NOT NULL
    UNION ALL SELECT id FROM accounts INDEXED BY accounts_by_last_direct
      WHERE cadence_days IS NULL AND last_direct > @asOf) x
  CROSS JOIN accounts a ON a.id = x.id)
WHERE ${goingColdSql('lastDirect', 'cadenceDays', '@asOf')}`;

/** The bytes that lead a character past U+FFFF in UTF-8. */
const PAST_FFFF = [0xf0, 0xf1, 0xf2, 0xf3, 0xf4];

/**
 * Whether the killed and refuted lists' entries kept by triggers (0044) are the lists as of @asOf:
 * they hold every link dated after each decision, and every killed hypothesis whatever its day
 * (with no outcome after @asOf, the caller's condition, every decision is on or before it).
 */
const DECIDED_LATER = `SELECT EXISTS (SELECT 1 FROM hypothesis_links
  WHERE status IN ('killed', 'invalidated') AND (last_link > @asOf OR created_on > @asOf)
    OR status = 'validated' AND last_refuted > @asOf)`;

/** A list's kept entries and flags (0044), each joined into one text in the list's order. */
const KEPT_DECIDED = `SELECT CAST(group_concat(entry, ${lit(`,${NL}      `)}) AS BLOB),
  CAST(group_concat(flag, ${lit(`,${NL}    `)}) AS BLOB)
FROM (SELECT entry, flag FROM report_decided WHERE list = @list
  ORDER BY date DESC, decided_on DESC, hypothesis_id LIMIT -1)`;

/**
 * The period's themes (src/db/report.ts's themesKept, each day's themes kept by 0060) as their entries'
 * JSON text, in the report's order (src/core/report.ts: most accounts, signals and interviews first,
 * then by name), with what sends them to JavaScript instead: a pain keyed otherwise (themesKept's
 * `other`), two themes tied on all four (the report's sort leaves their order to the sort), or a name or
 * segment past ASCII (JavaScript lowers and orders them by UTF-16 code unit, SQLite's lower() and
 * BINARY by ASCII and code point). Built in JavaScript, the ~180 themes' rows, their segments parsed and
 * sorted and their objects were ~0.4 MB of young objects on either 100k journal: with them --json
 * had two young collections where the text view has one.
 */
const themesJson = (kept: string) => `
WITH k(kind, theme, accounts, signals, interviews, segs, other) AS MATERIALIZED (${kept}),
${WIDER_PAINS("SELECT theme AS name FROM k WHERE kind = 'pain' AND accounts = 1 AND signals = 0", false)},
s AS (SELECT * FROM k ORDER BY accounts DESC, signals DESC, interviews DESC, lower(theme) LIMIT -1)
SELECT CAST(group_concat(${object(4, [
  ['theme', str('theme')],
  ['kind', plain('kind')],
  ['accounts', int('accounts')],
  ['signals', int('signals')],
  [
    'segments',
    // names() and [...new Set(segments)].sort(): distinct, no null, in order
    `(SELECT CASE WHEN count(*) = 0 THEN '[]' ELSE ${lit(`[${NL}        `)} ||
      group_concat(json_quote(value), ${lit(`,${NL}        `)}) || ${lit(`${NL}      ]`)} END
      FROM (SELECT DISTINCT value FROM json_each(segs) WHERE value IS NOT NULL ORDER BY value LIMIT -1))`,
  ],
  ['interviews', "ifnull(interviews, 'null')"],
  [
    'flags',
    // a pain's over the Opportunities' window too (markHeardWider, src/db/report.ts)
    `CASE WHEN accounts = 1 AND signals = 0 AND NOT (kind = 'pain' AND theme IN wider)
      THEN ${lit(`[${NL}        "single-account"${NL}      ]`)} ELSE '[]' END`,
  ],
])}, ${lit(`,${NL}    `)}) AS BLOB),
  max(other) OR max(length(theme) <> octet_length(theme) OR length(segs) <> octet_length(segs))
    OR EXISTS (SELECT 1 FROM k GROUP BY accounts, signals, interviews, lower(theme) HAVING count(*) > 1)
FROM s`;

/** Whether `pm report --json` as of `asOf` reads the killed and refuted lists as kept (0044). */
export function decidedKept(db: DB, asOf: string): boolean {
  return db.prepare(DECIDED_LATER).pluck().get({ asOf }) === 0;
}

/**
 * What leads each flag an open hypothesis raises in the open list's joined flags, the first one's
 * included, which readJson cuts (a view of the bytes, no copy): cut in SQL (substr), each
 * hypothesis's flags were walked a character at a time and copied once more.
 */
const OPEN_FLAGS_LEAD = `,${NL}    `;

/** The statements, by section, with or without --by. */
export function reportJsonSql(by: boolean) {
  const SQL = reportSql(by, true, WITH);
  // the later links to a killed or invalidated hypothesis, and the customer evidence refuting a
  // validated one, as src/db/report.ts reads them when the kept statuses hold (a link refuting a killed
  // one confirms the decision: only supporting ones are late)
  // one rule of "after" for both lists (loggedAfterSql: that day too, when logged after the decision)
  const lateIds =
    `FROM evidence e WHERE e.hypothesis_id = h.id AND e.date >= h.decided_on AND e.date <= @asOf ` +
    `AND e.direction = 'supports' AND ${loggedAfterSql('e', 'h.id', 'h.decided_on')}`;
  const refutingIds =
    `FROM evidence e WHERE e.hypothesis_id = h.id AND e.date >= h.decided_on AND e.date <= @asOf ` +
    `AND e.direction = 'refutes' AND e.kind = 'customer' AND ${loggedAfterSql('e', 'h.id', 'h.decided_on')}`;
  // in date order as evidence_by_date (0039) holds them, taken as they come: an aggregate's ORDER BY
  // sorted each hypothesis's links in a temporary b-tree of its own, even from that index. SQLite does
  // not promise that group_concat keeps a subquery's order (it does, for a subquery it does not
  // flatten: LIMIT -1 keeps it whole); test/unit/report-json.test.ts compares the lists with
  // JSON.stringify's, links written out of date order, so an SQLite that stopped doing so is caught
  const idList = (e: string) =>
    `(SELECT group_concat(x, ', ') FROM (
      SELECT 'I' || e.interview_id AS x ${e} ORDER BY e.date, e.interview_id LIMIT -1))`;
  return {
    // latest first (the statement's own order)
    conversations: aggregated(
      SQL.conversations,
      4,
      object(4, [
        ['id', plain('id')],
        ['date', plain('date')],
        ['channel', plain('channel')],
        ['kind', plain('kind')],
        ['by', str('by')],
        ['with', 'names'],
        ['account', str('account')],
        ['source', str('source')],
        ['summary', str('summary')],
      ]),
      null,
    ),

    // oldest contact first, then by name
    overdueAccounts: aggregated(
      `SELECT *, ${COLD_QUOTED}, ${days('lastDirect', '@asOf')} AS d FROM (${by ? SQL.accounts : COLD_NOW}
      ORDER BY lastDirect, account COLLATE BINARY LIMIT -1)`,
      4,
      COLD_ENTRY,
      COLD_FLAG,
    ),

    // killed and invalidated, latest decision first (by its outcome's day, then as
    // reportDecidedHypotheses reads them), with the links logged after the decision. Schema 44
    // (report_decided) keeps these entries, and refutedAfterValidation's, as JSON text spelled out
    // again in its view: a key or flag changed here needs a migration replaying report_decided_now
    // (report-json.test.ts and summaries.test.ts fail until it does)
    killed: aggregated(
      `SELECT h.id, h.statement, h.status, h.decided_on, o.date, o.reason,
        CASE WHEN t.last_date >= h.decided_on THEN ${idList(lateIds)} END AS late
      FROM hypotheses h
        CROSS JOIN outcomes o ON o.id = (SELECT o2.id FROM outcomes o2 WHERE o2.hypothesis_id = h.id
          ORDER BY o2.date DESC, o2.id DESC LIMIT 1)
        LEFT JOIN evidence_totals t ON t.hypothesis_id = h.id
      WHERE h.status IN ('killed', 'invalidated') AND h.created_on <= @asOf
      ORDER BY o.date DESC, h.decided_on DESC, h.id LIMIT -1`,
      6,
      object(6, [
        ['id', HID],
        ['statement', str('statement')],
        ['outcome', str('status')],
        ['date', str("coalesce(date, '')")],
        ['reason', str("coalesce(reason, '')")],
        [
          'flags',
          `CASE WHEN late IS NULL THEN '[]' ELSE ${lit(`[${NL}          "evidence-after-kill"${NL}        ]`)} END`,
        ],
        ['evidenceAfter', ids('late')],
      ]),
      `CASE WHEN late IS NOT NULL THEN ${plainFlag(
        'evidence-after-kill',
        'H%d was %s on %s, but %s logged after %s it: reopen it, or unlink',
        ['id', 'status', "coalesce(date, '')", 'late', "CASE WHEN instr(late, ',') THEN 'support' ELSE 'supports' END"],
      )} END`,
    ),

    // the LIMIT keeps SQLite from flattening the subquery into the one around it, which listed each
    // hypothesis's refuting links twice, for WHERE and for the row (~1.3 ms of ~6 on the harsh 100k)
    refutedAfterValidation: aggregated(
      `SELECT * FROM (
        SELECT h.id, h.statement, h.decided_on, ${idList(refutingIds)} AS late
        FROM hypotheses h
          CROSS JOIN evidence_totals t ON t.hypothesis_id = h.id AND t.last_date >= h.decided_on AND t.refutes > 0
        WHERE h.status = 'validated'
        LIMIT -1)
      WHERE late IS NOT NULL
      ORDER BY decided_on DESC, id LIMIT -1`,
      6,
      object(6, [
        ['id', HID],
        ['statement', str('statement')],
        ['validatedOn', str('decided_on')],
        ['flags', lit(`[${NL}          "evidence-after-validate"${NL}        ]`)],
        ['evidenceAfter', ids('late')],
      ]),
      plainFlag(
        'evidence-after-validate',
        'H%d was validated on %s, but customer evidence logged after refutes it (%s): reopen it ' +
          '(pm hyp reopen H%d --reason "…")',
        ['id', 'decided_on', 'late', 'id'],
      ),
    ),

    // every open hypothesis (by id), as src/core/report.ts lists and flags it from its kept evidence
    // totals (hypothesisFlags, confidenceOf, hypothesisMessage); one row: the entries, the flags they
    // raise (a running bet holds stale, past-decide-by and ready-to-kill), each led by its separator
    // (OPEN_FLAGS_LEAD, the first one's cut by the caller), and whether one has links dated after
    // @judged (1), whose kept totals count them: the caller then builds them as before. @judged is a
    // past period's end (else @asOf): those open then, their ages and date flags counted to @asOf. x is read as a
    // co-routine, its columns computed once a row as it goes, not written into a temporary table and
    // read back (~0.6 ms of ~7.5 on the harsh 100k; the LIMIT keeps SQLite from flattening it into y
    // and z, which would compute each of its columns at every use)
    open: `
WITH x AS (
  SELECT h.id, h.statement, h.created_on AS createdOn, h.decide_by AS decideBy,
    coalesce(t.supports, 0) AS supports, coalesce(t.refutes, 0) AS refutes,
    coalesce(t.other_supports, 0) AS otherSupports, coalesce(t.other_refutes, 0) AS otherRefutes,
    t.last_evidence AS lastEvidence, coalesce(t.customers_supporting, 0) AS cs,
    coalesce(t.customers_refuting, 0) AS cr, coalesce(t.accounts_supporting, 0) AS accS,
    coalesce(t.accounts_refuting, 0) AS accR, t.basis_supporting AS bs, t.basis_refuting AS br,
    h.bet_until, h.bet_reason, h.bet_since, h.decided_on AS reopenedOn,
    CASE WHEN h.bet_until IS NULL OR h.bet_since > @judged THEN NULL WHEN @asOf <= h.bet_until THEN 'running'
      ELSE 'due' END AS bet,
    ${days("max(h.created_on, coalesce(t.last_evidence, ''), coalesce(h.decided_on, ''))", '@asOf')} AS quiet,
    coalesce(h.decided_on > h.created_on, 0) AS reopened,
    ${days('h.decide_by', '@asOf')} AS past,
    t.last_date > @judged AS later
  -- in id order, read as stored: through the index on status they came by date, to be sorted again
  -- (~1.5 ms more on the harsh 100k's 1,590 open hypotheses of 3,000, 0.3 ms on today's 428 of 2,000)
  FROM hypotheses h NOT INDEXED LEFT JOIN evidence_totals t ON t.hypothesis_id = h.id
  WHERE h.status = 'open' AND h.created_on <= @judged
  ORDER BY h.id
  LIMIT -1),
-- SQLite writes y's and z's columns out where they are used: the long ones are used once each
y AS (SELECT *, quiet > @staleDays AS stale, cs >= @validateAt AND accS >= 2 AND cr = 0 AS ready,
    cr >= @killAt AS kill, bet IS 'running' AS holding,
    -- someone else's (@others, H14): listed with its flags, none raised on this page
    id NOT IN (SELECT value FROM json_each(@others)) AS mine
  FROM x),
z AS (SELECT *,
    (CASE WHEN stale THEN ${lit(`,${NL}          "stale"`)} ELSE '' END ||
      CASE WHEN past > 0 THEN ${lit(`,${NL}          "past-decide-by"`)}
        WHEN past = 0 THEN ${lit(`,${NL}          "decide-soon",${NL}          "decide-today"`)}
        WHEN -past <= @soonDays THEN ${lit(`,${NL}          "decide-soon"`)} ELSE '' END ||
      CASE WHEN ready THEN ${lit(`,${NL}          "ready-to-validate"`)} ELSE '' END ||
      CASE WHEN kill THEN ${lit(`,${NL}          "ready-to-kill"`)} ELSE '' END ||
      CASE WHEN supports + refutes = 0 THEN ${lit(`,${NL}          "no-evidence"`)} ELSE '' END ||
      CASE bet WHEN 'running' THEN ${lit(`,${NL}          "bet"`)} WHEN 'due' THEN ${lit(`,${NL}          "bet-due"`)}
        ELSE '' END) AS fl,
    CASE WHEN NOT mine THEN '' ELSE (CASE WHEN stale AND NOT holding THEN ${plainFlag(
      'stale',
      'H%d is stale: %s for %d day%s (stale after %d)',
      [
        'id',
        `CASE WHEN lastEvidence > max(createdOn, coalesce(reopenedOn, '')) THEN 'no new customer evidence'
          WHEN reopened THEN 'no customer evidence since it was reopened'
          ELSE 'no customer evidence since it was created' END`,
        'quiet',
        pluralS('quiet'),
        '@staleDays',
      ],
      OPEN_FLAGS_LEAD,
    )} ELSE '' END ||
      CASE WHEN past > 0 AND NOT holding THEN ${plainFlag(
        'past-decide-by',
        'H%d was to be decided by %s (%d day%s ago): validate, invalidate or kill it',
        ['id', 'decideBy', 'past', pluralS('past')],
        OPEN_FLAGS_LEAD,
      )} ELSE '' END ||
      CASE WHEN past = 0 AND NOT holding THEN ${plainFlag(
        'decide-today',
        'H%d is to be decided today (its decide-by): validate, invalidate or kill it',
        ['id'],
        OPEN_FLAGS_LEAD,
      )} ELSE '' END ||
      CASE WHEN ready THEN ${plainFlag(
        'ready-to-validate',
        'H%d is ready to validate: %d customer%s from %d account%s support%s it, none refute ' +
          '(pm hyp validate H%d --reason "…")',
        ['id', 'cs', pluralS('cs'), 'accS', pluralS('accS'), verbS('cs'), 'id'],
        OPEN_FLAGS_LEAD,
      )} ELSE '' END ||
      CASE WHEN kill AND NOT holding THEN ${plainFlag(
        'ready-to-kill',
        'H%d is ready to kill: %d customer%s refute%s it (pm hyp kill H%d --reason "…")',
        ['id', 'cr', pluralS('cr'), verbS('cr'), 'id'],
        OPEN_FLAGS_LEAD,
      )} ELSE '' END) END AS raised
  FROM y)
SELECT CAST(group_concat(${object(6, [
      ['id', HID],
      ['statement', str('statement')],
      ['ageDays', int(days('createdOn', '@asOf'))],
      ['supports', int('supports')],
      ['refutes', int('refutes')],
      ['customersSupporting', int('cs')],
      ['customersRefuting', int('cr')],
      ['lastEvidence', str('lastEvidence')],
      ['decideBy', str('decideBy')],
      ['flags', `coalesce('[' || nullif(substr(fl, 2), '') || ${lit(`${NL}        ]`)}, '[]')`],
      ['accountsSupporting', int('accS')],
      ['otherSupports', int('otherSupports')],
      ['otherRefutes', int('otherRefutes')],
      ['confidence', CONFIDENCE],
      [
        'bet',
        `CASE WHEN bet IS NULL THEN 'null' ELSE ${object(8, [
          ['until', str('bet_until')],
          ['reason', str('bet_reason')],
          ['since', str('bet_since')],
        ])} END`,
      ],
    ])}, ${lit(`,${NL}      `)}) AS BLOB),
  CAST(group_concat(raised, '') AS BLOB),
  max(later)
FROM z`,

    // the earliest due first (the statement's own order)
    followUps: aggregated(
      SQL.followUps,
      4,
      object(4, [
        ['id', plain('id')],
        ['date', plain('date')],
        ['followUp', plain('followUp')],
        ['with', 'names'],
        ['account', str('account')],
        ['source', str('source')],
        ['summary', str('summary')],
        ['daysOverdue', int(days('followUp', '@asOf'))],
      ]),
      flag(
        'follow-up-due',
        'id',
        // names: the entry's `with` (WITH above), JSON text; json_each gives them in its order, which
        // group_concat keeps as they come (an ORDER BY n.key sorted each follow-up's few names in a
        // temporary b-tree of their own: ~0.2 ms of the harsh 100k's 692; report-json.test.ts holds
        // the messages to the simple path's)
        `id || ': follow-up with ' || coalesce((SELECT group_concat(n.value, ', ') || ' (' ||
            ${whereFrom('account', 'source')} || ')' FROM json_each(names) n WHERE n.value IS NOT NULL),
            ${whereFrom('account', 'source')}) || ' was due ' ||
          CASE WHEN followUp = @asOf THEN 'today'
            ELSE followUp || ' (' || ${plural(days('followUp', '@asOf'), 'day')} || ' ago)' END`,
      ),
    ),
  } as const;
}

/**
 * What `pm report --json` prints, read in one snapshot: the rows buildReport makes the report of,
 * with the long lists left empty, and those lists as JSON text. Null when the statuses the triggers
 * keep do not hold as of q.asOf (an outcome or a statement's revision dated after it) or the accounts'
 * cadence is no whole number: src/db/report.ts then reads every row as before.
 */
export function reportJsonRows(db: DB, q: ReportQuery): { rows: ReportRows; lists: JsonLists } | null {
  if (!Number.isSafeInteger(q.accountCadence)) return null;
  // a statement revised since asOf is shown as it stood: src/db/report.ts's rows know how
  const read = () => (outcomeAfter(db, q.judgedOn) || statementRevisedAfter(db, q.judgedOn) ? null : readJson(db, q));
  return db.inTransaction ? read() : db.transaction(read)();
}

function readJson(db: DB, q: ReportQuery): { rows: ReportRows; lists: JsonLists } | null {
  const SQL = reportSql(q.by !== null, true);
  const JSON_SQL = reportJsonSql(q.by !== null);
  const by = q.by === null ? {} : { by: q.by };
  const period = { start: q.start, end: q.end, ...by };
  const firsts = contactRows(db, SQL, { ...period, asOf: q.asOf });
  // the hypotheses as they stood on q.judgedOn (a past period's end): each list read as of that day
  const judged = q.judgedOn;
  // each list's entries and flags as one text (null: none)
  const read = (sql: string, p: object) => db.prepare(sql).raw().get(p) as [Buffer | null, Buffer | null];
  const conversations = read(JSON_SQL.conversations, { ...period, rows: -1 });
  let cold: [Buffer | null, Buffer | null] = read(JSON_SQL.overdueAccounts, {
    asOf: q.asOf,
    ...(q.by === null ? { coldBefore: q.accountCadence > 0 ? addDays(q.asOf, -q.accountCadence) : '' } : by),
    accountCadence: BigInt(q.accountCadence),
  });
  // src/core/report.ts orders names by UTF-16 code unit, case first (accounts.name is NOCASE, hence
  // COLLATE BINARY), SQLite by code point: they differ only for a name with a character past U+FFFF
  // against one from U+E000 to U+FFFF, on the same day; then they are read a row each and sorted here.
  // Such a character is four bytes in UTF-8, led by F0-F4, which json_quote leaves as they are: looked
  // for in the entries' text (a segment holding one sorts them here too, as they would be), where a
  // GLOB of each name cost ~0.6 ms of the harsh 100k's 3,498
  if (cold[0] !== null && PAST_FFFF.some((b) => cold[0]!.includes(b))) cold = coldSorted(db, q, by);
  // the killed and refuted lists as kept by triggers (0044), unless a link or a hypothesis is dated
  // after asOf: then made as of it
  const kept = decidedKept(db, judged);
  const killed = kept ? read(KEPT_DECIDED, { list: 'killed' }) : read(JSON_SQL.killed, { asOf: judged });
  const refuted = kept
    ? read(KEPT_DECIDED, { list: 'refuted' })
    : read(JSON_SQL.refutedAfterValidation, { asOf: judged });
  const followUps = read(JSON_SQL.followUps, { asOf: q.asOf, ...by, rows: -1 });
  // the open hypotheses as JSON text too, unless one has links dated after asOf (its counts are then
  // recounted as of asOf: built as before); those held as bets are also read as rows, for the bets.
  // The statement tells, as it reads each one's totals anyway: a scan of the totals of its own cost
  // ~0.5 ms on the harsh 100k, where a report as of a day with later links makes the text in vain
  const judge = Object.fromEntries(Object.entries(q.judge).map(([k, v]) => [k, BigInt(v)]));
  const [entries, flags, later] = db
    .prepare(JSON_SQL.open)
    .raw()
    .get({ asOf: q.asOf, judged, ...judge, others: JSON.stringify(q.othersHypotheses ?? []) }) as [
    Buffer | null,
    Buffer | null,
    number | null,
  ];
  let open: JsonLists['open'] = null;
  let hypotheses = [] as ReportRows['hypotheses'];
  if (later === 1) hypotheses = reportOpenHypotheses(db, judged, true);
  else {
    // the flags, each led by OPEN_FLAGS_LEAD: '' when no hypothesis raises one (NULL: none is open)
    open = { entries, flags: flags === null || flags.length === 0 ? null : flags.subarray(OPEN_FLAGS_LEAD.length) };
    const bets = [...runningBets(db).keys()];
    if (bets.length > 0) hypotheses = reportOpenHypotheses(db, judged, true, null, bets);
  }
  // the themes as JSON text where SQLite orders and writes them as the report would (themesJson)
  let themes: JsonText | null = null;
  let themeList: ReportRows['themes'] | null = null;
  if ('themesKept' in SQL) {
    const [text, elsewhere] = withPainKey(db)
      .prepare(themesJson(SQL.themesKept as string))
      .raw()
      .get({ ...period, ostart: q.opportunities.start, oend: q.opportunities.end }) as [Buffer | null, number | null];
    if (elsewhere !== 1) [themes, themeList] = [text, []];
  }
  const json: JsonLists = {
    conversations: conversations[0],
    overdueAccounts: cold[0],
    killed: killed[0],
    refutedAfterValidation: refuted[0],
    followUps: followUps[0],
    open,
    themes,
    flags: { accounts: cold[1], killed: killed[1], refuted: refuted[1], followUps: followUps[1] },
  };
  const named = namedOpportunities(db);
  const backing = opportunityHypotheses(db, q.asOf);
  const rows: ReportRows = {
    ...firsts,
    ...weeklyRows(db, SQL, q, by),
    conversations: [],
    accounts: [],
    hypotheses,
    unread: { ...NONE_UNREAD },
    decided: db.prepare(SQL.decided).all({ start: q.start, end: q.end }) as OutcomeRow[],
    lateEvidence: [],
    refutedAfterValidation: [],
    themes: themeList ?? themeRows(db, SQL, period, q.opportunities, q.by),
    followUps: [],
    segments: segmentRows(db, q),
    contested: decidedTwice(db, judged),
    // the best five, as the markdown view reads them (the pains of those that may rank among them)
    opportunities: { ...bestPains(db, q, named, backing), named, hypotheses: backing },
  };
  return { rows, lists: json };
}

/** The accounts going cold a row each, sorted as src/core/report.ts sorts them: entries and flags joined. */
function coldSorted(db: DB, q: ReportQuery, by: { by?: string }): [Buffer | null, Buffer | null] {
  const SQL = reportSql(q.by !== null, true);
  const rows = db
    .prepare(`SELECT lastDirect, account, ${COLD_ENTRY}, ${COLD_FLAG} FROM (
      SELECT *, ${COLD_QUOTED}, ${days('lastDirect', '@asOf')} AS d FROM (${SQL.accounts}))`)
    .raw()
    .all({ asOf: q.asOf, ...by, accountCadence: BigInt(q.accountCadence) }) as string[][];
  const before = (x: string[], y: string[]) => x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
  rows.sort((x, y) => (before(x, y) ? -1 : 1));
  const joined = (k: number) => Buffer.from(rows.map((r) => r[k]).join(`,${NL}    `));
  return [joined(2), joined(3)];
}
