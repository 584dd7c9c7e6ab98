// biome-ignore-all lint/suspicious/noExplicitAny: rows read from SQL are shaped by their statements (tests check)
// Reading the journal into the exchange format (contract: "pm export"): a handful of set-based
// queries, never one per record. With a date range, the range's interviews and outcomes come with
// every record they refer to (their accounts and contacts, the hypotheses their evidence or
// outcomes concern, that evidence). Ordering is stable (dates, then display ids or UUIDs), so the
// same journal always exports the same document.
import type { DB } from './journal.js';
import { readConfig } from './journal.js';
import { forgottenEntries } from './erasure.js';
import { CONFIG_KEYS, isConfigKey, type ConfigKey } from '../core/config.js';
import {
  FORMAT,
  FORMAT_VERSION,
  type AccountDoc,
  type ContactDoc,
  type EvidenceDoc,
  type ExportedConfig,
  type HypothesisDoc,
  type InterviewDoc,
  type JournalDoc,
  type OpportunityDoc,
  type OutcomeDoc,
  type RecordDoc,
  type RecordKind,
  type SettingDoc,
  type TombstoneDoc,
} from '../core/import-validate.js';
import { ORIGIN_VERSION, type FieldVersions } from '../core/versions.js';
import type {
  InterviewLines,
  MarkdownHypothesis,
  MarkdownInterview,
  MarkdownOutcome,
  MarkdownRecords,
} from '../core/markdown-records.js';
import type { AccountRef, PersonRef } from '../core/redact.js';
import type { Severity } from '../core/pains.js';
import type { CsvInterview } from '../core/csv.js';
import type { Role } from '../core/contacts.js';
import { answeredBy, answeredSql } from './interviews.js';

/** Inclusive date range; `whole` exports every record, referenced or not. */
export interface ExportRange {
  whole: boolean;
  start: string;
  end: string;
}

export const WHOLE_JOURNAL: ExportRange = { whole: true, start: '0000-01-01', end: '9999-12-31' };

const IN_RANGE = 'i.date BETWEEN @start AND @end';
const SELECTED_INTERVIEWS = `SELECT i.id FROM interviews i WHERE ${IN_RANGE}`;
const SELECTED_OUTCOMES = 'SELECT o.hypothesis_id FROM outcomes o WHERE o.date BETWEEN @start AND @end';

// An exported record's version (`rev`, `vv`), looked up with it by record_versions' primary key
// (kind, key) rather than read into one map of every record's version first: at 100k interviews
// that map was ~80 MB of the export's heap (issue 18).
const VERSION_COLUMNS = 'v.version AS rev, v.vv AS vv';
/** An account's or contact's version with its field stamps (schema 35: `fieldVersions`), by STAMPS_JOIN. */
const STAMPED_COLUMNS = `${VERSION_COLUMNS}, f.fields AS fieldVersions`;
const STAMPS_JOIN = (kind: RecordKind, key: string) =>
  `LEFT JOIN field_versions f ON f.kind = '${kind}' AND f.key = ${key}`;
const VERSION_JOIN = (kind: RecordKind, key: string) =>
  `LEFT JOIN record_versions v ON v.kind = '${kind}' AND v.key = ${key}`;

// Accounts and contacts: every one for the whole journal; for a range, those its interviews refer to
// (two statements rather than `@whole OR …`, which would read every row to test the OR)
const ACCOUNTS = (whole: boolean) => `
SELECT a.uuid, a.name, a.segment, a.cadence_days AS cadenceDays, ${STAMPED_COLUMNS}
FROM accounts a ${VERSION_JOIN('account', 'a.uuid')} ${STAMPS_JOIN('account', 'a.uuid')}
${
  whole
    ? ''
    : `WHERE a.id IN (SELECT i.account_id FROM interviews i WHERE ${IN_RANGE}
              UNION SELECT c.account_id FROM contacts c JOIN interview_contacts ic ON ic.contact_id = c.id
               WHERE ic.interview_id IN (${SELECTED_INTERVIEWS}))`
}
ORDER BY a.uuid`;

const CONTACTS = (whole: boolean) => `
SELECT c.uuid, c.name, c.email, a.uuid AS accountUuid, c.role, c.segment, c.persona, c.forgotten, ${STAMPED_COLUMNS}
FROM contacts c JOIN accounts a ON a.id = c.account_id ${VERSION_JOIN('contact', 'c.uuid')}
  ${STAMPS_JOIN('contact', 'c.uuid')}
${
  whole
    ? ''
    : `WHERE c.id IN (SELECT ic.contact_id FROM interview_contacts ic WHERE ic.interview_id IN ` +
      `(${SELECTED_INTERVIEWS}))`
}
ORDER BY c.uuid`;

/** Records by key (for `pm sync`'s push and the losing side of a conflict). */
const BY_KEYS = (column: string) => `${column} IN (SELECT value FROM json_each(@keys))`;

const ACCOUNTS_BY_KEYS = `SELECT a.uuid, a.name, a.segment, a.cadence_days AS cadenceDays FROM accounts a
WHERE ${BY_KEYS('a.uuid')}`;

const CONTACTS_BY_KEYS = `SELECT c.uuid, c.name, c.email, a.uuid AS accountUuid, c.role, c.segment, c.persona,
  c.forgotten
FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE ${BY_KEYS('c.uuid')}`;

// in the order of their dates, then UUIDs (not display ids, which differ between journals), so that
// journals holding the same records export the same document. `contactIds`: each interview's
// contacts by row id (contactIds), for the whole journal's exports to name from one read of every
// contact (contactsById) rather than each interview's sorted by a temporary b-tree of its own
const INTERVIEWS = (where: string, versions = false, extra = '', contactIds = false) => `
SELECT i.uuid, 'I' || i.id AS id, i.date, i.channel, a.uuid AS accountUuid, i.source, i.by, i.minutes, i.summary,
  i.notes, i.follow_up AS followUp, i.follow_up_done AS followUpDone, i.stage,
  ${
    contactIds
      ? '(SELECT json_group_array(contact_id) FROM interview_contacts WHERE interview_id = i.id) AS contactIds'
      : `(SELECT json_group_array(uuid) FROM (SELECT c.uuid FROM interview_contacts ic JOIN contacts c ON c.id =
     ic.contact_id WHERE ic.interview_id = i.id ORDER BY c.uuid)) AS contactUuids`
  },
  (SELECT json_group_array(json_object('text', text, 'severity', severity))
     FROM (SELECT text, severity FROM pains WHERE interview_id = i.id ORDER BY position)) AS pains,
  (SELECT json_group_array(text) FROM (SELECT text FROM quotes WHERE interview_id = i.id ORDER BY position)) AS quotes,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM interview_tags WHERE interview_id = i.id ORDER BY position)) AS
    tags${versions ? `, ${VERSION_COLUMNS}` : ''}${extra}
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id
  ${versions ? VERSION_JOIN('interview', 'i.uuid') : ''}
WHERE ${where}
ORDER BY i.date, i.uuid`;

// The whole journal's hypotheses (created by its end, or referred to by its links and outcomes), or
// a range's: those its interviews' links and its outcomes refer to, looked up by id rather than
// testing each of the journal's hypotheses against the range
const HYPOTHESIS_COLUMNS = `h.id AS rowid, h.uuid, 'H' || h.id AS id, h.statement, h.kind, h.criteria,
  h.created_on AS createdOn, h.decide_by AS decideBy, h.by,
  h.bet_until AS betUntil, h.bet_reason AS betReason, h.bet_since AS betSince,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM hypothesis_tags WHERE hypothesis_id = h.id ORDER BY position))
    AS tags,
  (SELECT json_group_array(json_object('date', date, 'field', field, 'before', before, 'after', after))
     FROM (SELECT * FROM hypothesis_revisions WHERE hypothesis_id = h.id ORDER BY id)) AS revisions,
  (SELECT json_group_array(uuid) FROM (SELECT o.uuid FROM hypothesis_opportunities ho JOIN opportunities o
     ON o.id = ho.opportunity_id WHERE ho.hypothesis_id = h.id ORDER BY o.uuid)) AS opportunityUuids`;

const HYPOTHESES = (whole: boolean, versions = false) => `
SELECT ${HYPOTHESIS_COLUMNS}${versions ? `, ${VERSION_COLUMNS}` : ''}
FROM hypotheses h${versions ? ` ${VERSION_JOIN('hypothesis', 'h.uuid')}` : ''}
WHERE ${
  whole
    ? `h.created_on <= @end
   OR h.id IN (SELECT e.hypothesis_id FROM evidence e WHERE e.interview_id IN (${SELECTED_INTERVIEWS}))
   OR h.id IN (${SELECTED_OUTCOMES})`
    : `h.id IN (SELECT e.hypothesis_id FROM evidence e WHERE e.interview_id IN (${SELECTED_INTERVIEWS})
   UNION ${SELECTED_OUTCOMES})`
}
ORDER BY h.id`;

// every opportunity the user named, whatever the range: they say how pains group, as the settings do
const OPPORTUNITIES = `
SELECT o.uuid, o.name,
  (SELECT json_group_array(name) FROM (SELECT name FROM opportunity_aliases WHERE opportunity_id = o.id ORDER BY key))
    AS aliases, ${VERSION_COLUMNS}
FROM opportunities o ${VERSION_JOIN('opportunity', 'o.uuid')}
ORDER BY o.uuid`;

const HYPOTHESES_BY_KEYS = `SELECT ${HYPOTHESIS_COLUMNS} FROM hypotheses h WHERE ${BY_KEYS('h.uuid')}`;

const OPPORTUNITIES_BY_KEYS = `SELECT o.uuid, o.name,
  (SELECT json_group_array(name) FROM (SELECT name FROM opportunity_aliases WHERE opportunity_id = o.id ORDER BY key))
    AS aliases
FROM opportunities o WHERE ${BY_KEYS('o.uuid')}`;

const EVIDENCE = `
SELECT i.uuid AS interviewUuid, h.uuid AS hypothesisUuid, e.direction, e.strength, e.basis, ${VERSION_COLUMNS}
FROM evidence e JOIN interviews i ON i.id = e.interview_id JOIN hypotheses h ON h.id = e.hypothesis_id
  ${VERSION_JOIN('evidence', "i.uuid || '/' || h.uuid")}
WHERE ${IN_RANGE}
ORDER BY i.date, i.uuid, h.uuid`;

const EVIDENCE_BY_KEYS = `
SELECT i.uuid AS interviewUuid, h.uuid AS hypothesisUuid, e.direction, e.strength, e.basis
FROM evidence e JOIN interviews i ON i.id = e.interview_id JOIN hypotheses h ON h.id = e.hypothesis_id
WHERE ${BY_KEYS("i.uuid || '/' || h.uuid")}`;

// A range's outcomes, and the earlier ones of the hypotheses it carries (HYPOTHESES): an outcome is
// part of its hypothesis's state, so without them a hypothesis killed before the range would arrive
// open in the importer's journal (fresh-eyes wave 18 H2). None after the range's end: the file says
// what each hypothesis was on its last day.
const OUTCOMES = (whole: boolean) => `
SELECT o.uuid, h.uuid AS hypothesisUuid, o.outcome, o.date, o.reason, o.by, ${VERSION_COLUMNS}
FROM outcomes o JOIN hypotheses h ON h.id = o.hypothesis_id ${VERSION_JOIN('outcome', 'o.uuid')}
WHERE o.date BETWEEN @start AND @end${
  whole
    ? ''
    : ` OR (o.date < @start AND o.hypothesis_id IN (SELECT e.hypothesis_id FROM evidence e WHERE e.interview_id IN
   (${SELECTED_INTERVIEWS}) UNION ${SELECTED_OUTCOMES}))`
}
ORDER BY o.date, o.uuid`;

const OUTCOMES_BY_KEYS = `
SELECT o.uuid, h.uuid AS hypothesisUuid, o.outcome, o.date, o.reason, o.by
FROM outcomes o JOIN hypotheses h ON h.id = o.hypothesis_id WHERE ${BY_KEYS('o.uuid')}`;

type Row = Record<string, any>;

const toAccount = (r: Row): AccountDoc => ({
  uuid: r.uuid,
  name: r.name,
  segment: r.segment,
  cadenceDays: r.cadenceDays === null ? null : r.cadenceDays === 0 ? 'off' : r.cadenceDays,
});

const toContact = (r: Row): ContactDoc => {
  const c: ContactDoc = {
    uuid: r.uuid,
    name: r.name,
    email: r.email,
    accountUuid: r.accountUuid,
    role: r.role,
    segment: r.segment,
    persona: r.persona,
  };
  if (r.forgotten === 1) c.forgotten = true;
  return c;
};

const toInterview = (r: Row, contactUuids: string[] = JSON.parse(r.contactUuids)): InterviewDoc => ({
  uuid: r.uuid,
  id: r.id,
  date: r.date,
  channel: r.channel,
  contactUuids,
  accountUuid: r.accountUuid,
  source: r.source,
  by: r.by,
  minutes: r.minutes,
  summary: r.summary,
  notes: r.notes,
  pains: JSON.parse(r.pains),
  quotes: JSON.parse(r.quotes),
  tags: JSON.parse(r.tags),
  followUp: r.followUp,
  followUpDone: r.followUpDone === 1,
  stage: r.stage,
});

const toHypothesis = (r: Row): HypothesisDoc => ({
  uuid: r.uuid,
  id: r.id,
  statement: r.statement,
  kind: r.kind,
  criteria: r.criteria,
  createdOn: r.createdOn,
  decideBy: r.decideBy,
  tags: JSON.parse(r.tags),
  revisions: JSON.parse(r.revisions),
  bet: r.betUntil === null ? null : { until: r.betUntil, reason: r.betReason, since: r.betSince },
  opportunityUuids: JSON.parse(r.opportunityUuids),
  by: r.by,
});

/** The shared records of one kind with these keys, as the exchange format writes them (no versions). */
export function readRecords(db: DB, kind: RecordKind, keys: string[]): Map<string, RecordDoc> {
  const p = { keys: JSON.stringify(keys) };
  const rows = (sql: string) => db.prepare(sql).all(p) as Row[];
  const out = new Map<string, RecordDoc>();
  if (keys.length === 0) return out;
  switch (kind) {
    case 'setting': {
      const stored = db
        .prepare(`SELECT key, value FROM config WHERE ${BY_KEYS('key')} AND key <> 'user.name'`)
        .all(p) as { key: string; value: string }[];
      const config = readConfig(db);
      for (const r of stored)
        out.set(r.key, { key: r.key as SettingDoc['key'], value: config[r.key as ConfigKey] as string | number });
      break;
    }
    case 'account':
      for (const r of rows(ACCOUNTS_BY_KEYS)) out.set(r.uuid, toAccount(r));
      break;
    case 'contact':
      for (const r of rows(CONTACTS_BY_KEYS)) out.set(r.uuid, toContact(r));
      break;
    case 'interview':
      for (const r of rows(INTERVIEWS(BY_KEYS('i.uuid')))) out.set(r.uuid, toInterview(r));
      break;
    case 'hypothesis':
      for (const r of rows(HYPOTHESES_BY_KEYS)) out.set(r.uuid, toHypothesis(r));
      break;
    case 'evidence':
      for (const r of rows(EVIDENCE_BY_KEYS)) out.set(`${r.interviewUuid}/${r.hypothesisUuid}`, r as EvidenceDoc);
      break;
    case 'outcome':
      for (const r of rows(OUTCOMES_BY_KEYS)) out.set(r.uuid, r as OutcomeDoc);
      break;
    case 'opportunity':
      for (const r of rows(OPPORTUNITIES_BY_KEYS))
        out.set(r.uuid, { uuid: r.uuid, name: r.name, aliases: JSON.parse(r.aliases) } as OpportunityDoc);
      break;
    case 'erasure':
      break;
  }
  return out;
}

/**
 * The record `d` with its version and version vector, read with it (VERSION_COLUMNS) into `r`; an
 * account or contact (STAMPED_COLUMNS) with its field stamps too, `{}` when no field changed since it
 * was made (an export without the key is an earlier pm's).
 */
function versioned<T extends object>(d: T, r: Row): T {
  // a record known only from a file without versions stays without one
  if (r.rev === null || r.rev === ORIGIN_VERSION) return d;
  const v = { ...d, rev: r.rev, vv: JSON.parse(r.vv) };
  return r.fieldVersions === undefined ? v : { ...v, fieldVersions: fieldStamps(r.fieldVersions) };
}

/** field_versions.fields as the export writes it: the fields with a stamp, in the order of their names. */
export function fieldStamps(fields: string | null): FieldVersions {
  const parsed = fields ? (JSON.parse(fields) as Record<string, string | null>) : {};
  return Object.fromEntries(
    Object.entries(parsed)
      .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

// What the whole journal's export carries of record_versions itself: the shared settings' versions
// and the deletions (erasures are in `forgotten`), in the order of kind and key
const SETTINGS_AND_DELETIONS = `
SELECT kind, key, version, vv, deleted, merged_into FROM record_versions
WHERE (kind = 'setting' OR deleted = 1) AND kind <> 'erasure'`;

interface VersionRow {
  kind: RecordKind;
  key: string;
  version: string;
  vv: string;
  deleted: number;
  merged_into: string | null;
}

/**
 * An export reads each page of the journal about once, mostly in order: the page cache SQLite keeps
 * for better-sqlite3 (16 MB) would only add to a whole-journal export's peak memory (~15 MB of it,
 * measured at 100k; no slower with 4 MB). For this connection only.
 */
export function readOnce(db: DB): void {
  db.pragma('cache_size = -4000');
}

/** The journal (or a range of it) in the exchange format. `user.name` is never exported. */
export function exportJournal(db: DB, range: ExportRange, exportedAt: string): JournalDoc {
  const { doc, interviews } = exportParts(db, range, exportedAt);
  doc.interviews = [...interviews()];
  return doc;
}

/**
 * The exchange document without its interviews (an empty list in their place), and the
 * interviews, read as they are iterated: a whole-journal export writes them one at a time rather
 * than holding 100k of them as values (issue 18: 612 MB for JSON, 492 MB for CSV).
 */
export function exportParts(
  db: DB,
  range: ExportRange,
  exportedAt: string,
): { doc: JournalDoc; interviews: () => Iterable<InterviewDoc> } {
  const dated = { start: range.start, end: range.end };
  const all = (sql: string, p: object = dated) => db.prepare(sql).all(p) as Row[];
  const stored = readConfig(db);
  const config = Object.fromEntries(
    CONFIG_KEYS.filter((k) => k !== 'user.name').map((k) => [k, stored[k]]),
  ) as ExportedConfig;
  const accounts = all(ACCOUNTS(range.whole), range.whole ? {} : dated).map((r) => versioned(toAccount(r), r));
  const contacts = all(CONTACTS(range.whole), range.whole ? {} : dated).map((r) => versioned(toContact(r), r));
  const named = range.whole ? contactsById(db) : null;
  function* interviews(): Generator<InterviewDoc> {
    for (const r of db.prepare(INTERVIEWS(IN_RANGE, true, '', named !== null)).iterate(dated) as Iterable<Row>)
      yield versioned(
        named
          ? toInterview(
              r,
              byUuid(JSON.parse(r.contactIds), named).map((c) => c.uuid),
            )
          : toInterview(r),
        r,
      );
  }
  const hypotheses = all(HYPOTHESES(range.whole, true), dated)
    .map((r) => versioned(toHypothesis(r), r))
    .sort((a, b) => compareText(a.createdOn, b.createdOn) || compareText(a.uuid, b.uuid));
  const evidence = all(EVIDENCE, dated).map((r) =>
    versioned<EvidenceDoc>(
      {
        interviewUuid: r.interviewUuid,
        hypothesisUuid: r.hypothesisUuid,
        direction: r.direction,
        strength: r.strength,
        basis: r.basis,
      },
      r,
    ),
  );
  const outcomes = all(OUTCOMES(range.whole), dated).map((r) =>
    versioned<OutcomeDoc>(
      {
        uuid: r.uuid,
        hypothesisUuid: r.hypothesisUuid,
        outcome: r.outcome,
        date: r.date,
        reason: r.reason,
        by: r.by,
      },
      r,
    ),
  );

  // the whole journal also carries the shared settings' versions and the deletions
  const settings: SettingDoc[] = [];
  const deleted: TombstoneDoc[] = [];
  if (range.whole) {
    const rows = db.prepare(SETTINGS_AND_DELETIONS).all() as VersionRow[];
    for (const v of rows.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.key, b.key))) {
      const vv = JSON.parse(v.vv);
      if (v.deleted) {
        const t: TombstoneDoc = { kind: v.kind as TombstoneDoc['kind'], key: v.key, rev: v.version, vv };
        if (v.merged_into) t.mergedInto = v.merged_into;
        deleted.push(t);
      } else if (isConfigKey(v.key) && v.key !== 'user.name')
        settings.push({
          key: v.key as SettingDoc['key'],
          value: stored[v.key] as string | number,
          ...(v.version === ORIGIN_VERSION ? {} : { rev: v.version, vv }),
        });
    }
  }
  const doc: JournalDoc = {
    format: FORMAT,
    version: FORMAT_VERSION,
    exportedAt,
    config,
    accounts,
    contacts,
    interviews: [],
    hypotheses,
    evidence,
    outcomes,
    // every erased person, whatever the range: a teammate's journal must never bring them back
    forgotten: forgottenEntries(db),
    privacyKeys: (
      db.prepare('SELECT id, key FROM privacy_keys ORDER BY own DESC, id').all() as { id: string; key: Buffer }[]
    ).map((k) => ({ id: k.id, key: k.key.toString('hex') })),
    opportunities: all(OPPORTUNITIES, {}).map((r) =>
      versioned<OpportunityDoc>({ uuid: r.uuid, name: r.name, aliases: JSON.parse(r.aliases) }, r),
    ),
    settings,
    deleted,
  };
  return { doc, interviews };
}

// ------------------------------------------------ the whole journal's interviews as JSON text

/** A SQL string literal. */
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * A JSON list at `indent` spaces, as JSON.stringify(…, null, 2) writes it, of `item` (JSON text)
 * for each row of `rows` (a subquery, in its order): `[]` when it has none.
 */
function jsonList(indent: number, item: string, rows: string): string {
  const pad = `\n${' '.repeat(indent + 2)}`;
  return `(SELECT CASE WHEN count(*) = 0 THEN '[]' ELSE ${lit(`[${pad}`)} || group_concat(${item}, ${lit(`,${pad}`)}) ||
    ${lit(`\n${' '.repeat(indent)}]`)} END FROM (${rows}))`;
}

/**
 * A JSON object at `indent` spaces (its opening brace placed by the caller): each field JSON text;
 * `more`, text put after the last field (`,` and fields of its own, or nothing). One format() makes
 * it in one piece: each || copies all the text before it.
 */
function jsonObject(indent: number, fields: [string, string][], more = "''"): string {
  const pad = `\n${' '.repeat(indent + 2)}`;
  const layout = fields.map(([key]) => `${pad}"${key}": %s`).join(',');
  const values = [...fields.map(([, value]) => value), more].join(', ');
  return `format(${lit(`{${layout}%s\n${' '.repeat(indent)}}`)}, ${values})`;
}

const INTERVIEW_INDENT = 4;

/**
 * Each interview of the whole journal as the very text writeJson gives it as a list item
 * (JSON.stringify(toInterview, null, 2), at four spaces), made by SQLite: json_quote escapes as
 * JSON.stringify does (src/db/report-json.ts), the lists are the same subqueries as INTERVIEWS',
 * the version and version vector only when versioned() adds them (the vector's keys are devices'
 * 16 hex digits, never an array index JavaScript would put first). Made in JavaScript (a row of
 * 19 columns, four JSON.parse, an object copied for its version, JSON.stringify and the indent)
 * the 100k journal's interviews cost ~2 s of the ~4 s export.
 */
const INTERVIEW_TEXTS = (() => {
  const at = INTERVIEW_INDENT + 2;
  const str = (e: string) => `json_quote(${e})`;
  const strings = (column: string, table: string) =>
    jsonList(at, str(column), `SELECT ${column} FROM ${table} WHERE interview_id = i.id ORDER BY position`);
  const fields: [string, string][] = [
    ['uuid', str('i.uuid')],
    ['id', str("'I' || i.id")],
    ['date', str('i.date')],
    ['channel', str('i.channel')],
    [
      'contactUuids',
      jsonList(
        at,
        str('uuid'),
        `SELECT c.uuid FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
           WHERE ic.interview_id = i.id ORDER BY c.uuid`,
      ),
    ],
    ['accountUuid', str('a.uuid')],
    ['source', str('i.source')],
    ['by', str('i.by')],
    ['minutes', str('i.minutes')],
    ['summary', str('i.summary')],
    ['notes', str('i.notes')],
    [
      'pains',
      jsonList(
        at,
        jsonObject(at + 2, [
          ['text', str('text')],
          ['severity', str('severity')],
        ]),
        'SELECT text, severity FROM pains WHERE interview_id = i.id ORDER BY position',
      ),
    ],
    ['quotes', strings('text', 'quotes')],
    ['tags', strings('tag', 'interview_tags')],
    ['followUp', str('i.follow_up')],
    ['followUpDone', "CASE WHEN i.follow_up_done = 1 THEN 'true' ELSE 'false' END"],
    ['stage', str('i.stage')],
  ];
  const pad = `\n${' '.repeat(at)}`;
  const vv = `CASE WHEN (SELECT count(*) FROM json_each(v.vv)) = 0 THEN '{}' ELSE
    ${lit(`{${pad}  `)} || (SELECT group_concat(json_quote(key) || ': ' || json_quote(value), ${lit(`,${pad}  `)})
      FROM json_each(v.vv)) || ${lit(`${pad}}`)} END`;
  // versioned(): a record without a version, or with the origin's, is written without one
  const version = `CASE WHEN v.version IS NULL OR v.version = ${lit(ORIGIN_VERSION)} THEN '' ELSE
    ${lit(`,${pad}"rev": `)} || json_quote(v.version) || ${lit(`,${pad}"vv": `)} || ${vv} END`;
  return `
SELECT ${jsonObject(INTERVIEW_INDENT, fields, version)}
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id ${VERSION_JOIN('interview', 'i.uuid')}
WHERE ${IN_RANGE}
ORDER BY i.date, i.uuid`;
})();

/**
 * The range's interviews as writeJson's list items, made by SQLite (INTERVIEW_TEXTS): for an
 * export that is not redacted (redaction rewrites the values). test/unit/export-stream.test.ts holds
 * them to the text JSON.stringify makes of exportParts' interviews, on both bench shapes.
 */
export function* interviewTexts(db: DB, range: ExportRange): Generator<string> {
  yield* db.prepare(INTERVIEW_TEXTS).pluck().iterate({ start: range.start, end: range.end }) as Iterable<string>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// What a CSV row shows of the rest of the document, read with each interview: its account's name,
// its people (the document's contacts: each joined to its account) in the order of contactUuids,
// its links (the hypothesis's display id) in the order of the hypotheses' UUIDs, as the document's
// evidence is ordered. `byId`: people and links by row id, named and put in order from one read of
// every contact and hypothesis (the whole journal: see csvInterviews)
const CSV_COLUMNS = (byId: boolean) => `,
  a.name AS accountName,
  ${
    byId
      ? ''
      : `(SELECT json_group_array(json_array(uuid, name, email, role)) FROM (SELECT c.uuid, c.name, c.email, c.role
     FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id JOIN accounts ca ON ca.id = c.account_id
     WHERE ic.interview_id = i.id ORDER BY c.uuid)) AS people,`
  }
  ${
    byId
      ? `(SELECT json_group_array(json_array(hypothesis_id, direction, strength, basis)) FROM evidence
     WHERE interview_id = i.id) AS links,`
      : `(SELECT json_group_array(json_array(id, direction, strength, basis)) FROM (SELECT 'H' || h.id AS id,
     e.direction, e.strength, e.basis FROM evidence e JOIN hypotheses h ON h.id = e.hypothesis_id
     WHERE e.interview_id = i.id ORDER BY h.uuid)) AS links,`
  }
  ${answeredSql('i', '@end')} AS answered`;

type Person = CsvInterview['people'][number];

/**
 * Every contact (joined to its account, as the document's contacts are) by row id. A whole journal's
 * interviews name their people from it: each interview's people read by SQLite, joined to contacts
 * and sorted by UUID in a temporary b-tree of their own, were ~0.3 s of the 100k CSV export's ~2.3 s
 * of SQL, as much again for the UUIDs alone (JSON); the contacts are 3,000-12,000 rows.
 */
function contactsById(db: DB): Map<number, Person> {
  const rows = db
    .prepare('SELECT c.id, c.uuid, c.name, c.email, c.role FROM contacts c JOIN accounts a ON a.id = c.account_id')
    .raw()
    .all() as [number, string, string, string | null, Role][];
  return new Map(rows.map(([id, uuid, name, email, role]) => [id, { uuid, name, email, role }]));
}

/** These contacts in the order of their UUIDs (SQLite's BINARY order: UUIDs are ASCII). */
function byUuid(ids: number[], contacts: Map<number, Person>): Person[] {
  const people: Person[] = [];
  for (const id of ids) {
    const c = contacts.get(id);
    if (c) people.push(c);
  }
  if (people.length > 1) people.sort((x, y) => compareText(x.uuid, y.uuid));
  return people;
}

/**
 * The range's interviews as the CSV export shows them (src/render/csv.ts), read as they are
 * iterated, each with what its row needs of the rest of the document: a whole-journal CSV export
 * holds no document (its contacts, hypotheses and evidence were ~30 MB of the export's heap). The
 * whole journal's name their people and links from one read of every contact and hypothesis
 * (contactsById; each link's hypothesis joined and sorted by SQLite was ~0.4 s more); a range's are
 * read with each interview (a week's people are fewer than a journal's contacts): the simple path,
 * test/unit/export-stream.test.ts holds the two to the same rows.
 */
export function* csvInterviews(db: DB, range: ExportRange): Generator<CsvInterview> {
  const dated = { start: range.start, end: range.end };
  const contacts = range.whole ? contactsById(db) : null;
  const hypotheses = range.whole
    ? new Map(db.prepare('SELECT id, uuid FROM hypotheses').raw().all() as [number, string][])
    : null;
  const sql = INTERVIEWS(IN_RANGE, false, CSV_COLUMNS(range.whole), range.whole);
  for (const r of db.prepare(sql).iterate(dated) as Iterable<Row>) {
    let i: CsvInterview;
    if (contacts && hypotheses) {
      const people = byUuid(JSON.parse(r.contactIds), contacts);
      i = toInterview(
        r,
        people.map((p) => p.uuid),
      ) as CsvInterview;
      i.people = people;
      const links = (JSON.parse(r.links) as [number, string, string, string][]).flatMap(([id, ...rest]) => {
        const uuid = hypotheses.get(id);
        return uuid === undefined ? [] : [{ uuid, id: `H${id}`, rest }];
      });
      if (links.length > 1) links.sort((x, y) => compareText(x.uuid, y.uuid));
      i.links = links.map(({ id, rest: [direction, strength, basis] }) => ({
        link: `${id}:${direction}:${strength}`,
        basis,
      }));
    } else {
      i = toInterview(r) as CsvInterview;
      i.people = (JSON.parse(r.people) as [string, string, string | null, Role][]).map(([uuid, name, email, role]) => ({
        uuid,
        name,
        email,
        role,
      }));
      i.links = (JSON.parse(r.links) as [string, string, string, string][]).map(([id, direction, strength, basis]) => ({
        link: `${id}:${direction}:${strength}`,
        basis,
      }));
    }
    i.account = r.accountName;
    i.answeredBy = answeredBy(r.answered)?.id ?? null;
    yield i;
  }
}

// ------------------------------------------------------ the CSV export's records as text made by SQLite

/** Whether a CSV field holding `e` is quoted (src/core/csv.ts csvField): it holds `"`, `,`, CR or LF. */
const quoted = (e: string) =>
  `(instr(${e}, '"') OR instr(${e}, ',') OR instr(${e}, char(13)) OR instr(${e}, char(10)))`;

const FORMULA_LIKE = `('=', '+', '-', '@', char(9), char(13))`;

/**
 * The field csvField makes of a text `e` (NULL: an empty field): quoted when `q` (it holds `"`, `,`,
 * CR or LF), its `"` doubled; unless `raw`, a formula-like text gets a leading ' (formulaSafe). `e`
 * is a column or an aggregate, which SQLite computes once however often it is named; the text is
 * copied with its quotes doubled only when quoted.
 */
function csvCell(e: string, raw: boolean, q = quoted(e)): string {
  const formula = raw ? '' : `CASE WHEN substr(${e}, 1, 1) IN ${FORMULA_LIKE} THEN '''' ELSE '' END || `;
  return `CASE WHEN ${e} IS NULL THEN '' WHEN ${q} THEN '"' || ${formula}replace(${e}, '"', '""') || '"'
    ELSE ${formula}${e} END`;
}

/**
 * A list's field (listCell), an aggregate of the rows of its FROM (in their order, or `order`'s): each
 * item with `\` and `;` escaped, joined by "; "; no items (or only NULLs) is an empty field, as is a
 * list where no row has a non-empty `some` (the emails beside `with`: empty items, or none).
 */
function csvList(item: string, raw: boolean, order = '', some = ''): string {
  const escaped = `replace(replace(${item}, '\\', '\\\\'), ';', '\\;')`;
  const all = `group_concat(${escaped}, '; '${order ? ` ORDER BY ${order}` : ''})`;
  const g = some ? `CASE WHEN max(${some} <> '') THEN ${all} END` : all;
  return csvCell(g, raw, `max(${quoted(item)})`);
}

const listOf = (column: string, table: string, raw: boolean) =>
  `(SELECT ${csvList(column, raw)} FROM (SELECT ${column} FROM ${table} WHERE interview_id = i.id ORDER BY position))`;
const LINKS = 'evidence e JOIN hypotheses h ON h.id = e.hypothesis_id WHERE e.interview_id = i.id';

/**
 * Each interview of a range as its CSV record (src/render/csv.ts csvRecords of csvInterviews), made
 * by SQLite: the same fields, escaped as csvField and listCell escape them, people (their names and
 * emails, two fields side by side, from one read of them) and links in the order of their UUIDs, the
 * answer to a follow-up as answeredSql finds it. The kind is the interview's own, which the journal's
 * triggers keep as kindOf decides it (interviews_kind_now: an indirect channel, else a customer or
 * prospect present). Made in JavaScript (a row of 19 columns, four JSON.parse, people and links named
 * and sorted, 23 fields each tested by a regular expression) the 100k journal's rows cost ~1.5 s of
 * the ~3.3 s export. export-stream.test.ts holds the two to the same text on both bench shapes.
 */
const CSV_TEXTS = (raw: boolean) => `
SELECT concat_ws(',',
  'I' || i.id, ${csvCell('i.uuid', raw)}, i.date, i.channel, ${csvCell('a.name', raw)},
  (SELECT ${csvList('c.name', raw, 'c.uuid')} || ',' || ${csvList("coalesce(c.email, '')", raw, 'c.uuid', 'c.email')}
   FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id JOIN accounts ca ON ca.id = c.account_id
   WHERE ic.interview_id = i.id),
  ${csvCell('i.by', raw)}, coalesce(i.minutes, ''), ${csvCell('i.summary', raw)},
  ${listOf('text', 'pains', raw)}, ${listOf('text', 'quotes', raw)}, ${listOf('tag', 'interview_tags', raw)},
  coalesce(i.follow_up, ''),
  CASE WHEN i.follow_up IS NULL THEN '' WHEN i.follow_up_done = 1 THEN 'yes' ELSE 'no' END,
  (SELECT ${csvList("'H' || h.id || ':' || e.direction || ':' || e.strength", raw, 'h.uuid')} FROM ${LINKS}),
  ${csvCell('i.notes', raw)}, ${csvCell('i.source', raw)}, ${csvCell('i.stage', raw)}, i.kind,
  ${listOf('severity', 'pains', raw)},
  (SELECT ${csvList('e.basis', raw, 'h.uuid')} FROM ${LINKS}),
  coalesce('I' || CAST(substr(${answeredSql('i', '@end')}, 12) AS INTEGER), '')
) || char(13, 10)
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id
WHERE ${IN_RANGE}
ORDER BY i.date, i.uuid`;

/**
 * The range's interviews as CSV records made by SQLite (CSV_TEXTS), for an export that is not
 * redacted (redaction rewrites the values: csvInterviews, the simple path).
 */
export function* csvTexts(db: DB, range: ExportRange, raw: boolean): Generator<string> {
  yield* db.prepare(CSV_TEXTS(raw)).pluck().iterate({ start: range.start, end: range.end }) as Iterable<string>;
}

// ---------------------------------------------------------------- the markdown document's records

// The same records as the exchange format's, read for reading: names instead of UUIDs, no emails,
// roles or segments. Each interview is one row, one JSON text made by SQLite: one JSON.parse builds
// its values faster than better-sqlite3 builds them a column at a time (16 columns, five of them
// JSON). The rows come in (date, id) order, read from interviews_by_date as they are iterated, with
// no sort, and nothing of them but the row being written is alive: no text near V8's longest string
// however long the notes, nothing for a young collection to copy. (Until wave 10 they came 100 to a
// JSON text, each batch found again after the last one's date and id and cut short by its notes: a
// bench-journal week's ~560 interviews cost ~9 ms of SQL in 7 statements, ~5 in one pass.)
// An interview's contacts are put in UUID order here rather than by SQLite, which sorted each
// interview's one or two contacts with a sorter of its own (557 sorts a week, ~0.4 ms).
// A whole journal's interviews name their contacts by row id, each named from one read of every
// contact (contactsById): looking up each contact's row for each of 100k interviews cost ~0.15 s of
// the ~1.1 s reading them. A range reads the names with each interview (a week's ~700 people
// present are fewer than the 3,000-12,000 contacts of a bench journal).
const MD_INTERVIEWS = (contactIds: boolean, where = 'i.date BETWEEN @start AND @end') => `
SELECT json_array(i.id, i.date, i.channel, a.uuid, a.name, i.by, i.minutes, i.summary, i.notes,
  i.follow_up, i.follow_up_done,
  ${
    contactIds
      ? '(SELECT json_group_array(contact_id) FROM interview_contacts WHERE interview_id = i.id),'
      : `(SELECT json_group_array(json_array(c.uuid, c.name)) FROM interview_contacts ic JOIN contacts c ON c.id =
    ic.contact_id
     WHERE ic.interview_id = i.id),`
  }
  (SELECT json_group_array(json_array(text, severity)) FROM (SELECT text, severity FROM pains WHERE interview_id =
    i.id ORDER BY position)),
  (SELECT json_group_array(text) FROM (SELECT text FROM quotes WHERE interview_id = i.id ORDER BY position)),
  (SELECT json_group_array(tag) FROM (SELECT tag FROM interview_tags WHERE interview_id = i.id ORDER BY position)),
  (SELECT json_group_array(json_array(hypothesis_id, direction, strength, basis)) FROM (SELECT e.hypothesis_id,
    e.direction,
     e.strength, e.basis FROM evidence e WHERE e.interview_id = i.id ORDER BY e.hypothesis_id)), i.stage, i.source,
  CASE WHEN i.follow_up_done = 0 THEN ${answeredSql('i', '@end')} END, i.kind)
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id
WHERE ${where}
ORDER BY i.date, i.id`;

// A range's interviews as the markdown export writes them (src/render/markdown-export.ts), each row
// [id, date, channel, its contacts' names in UUID order or null, account and source, the lines from By
// to the quotes, notes, summary, links as JSON or null, kind].
// Each text the lines hold as typed (by, summary, tags, stage, pains, quotes) is set between two NULs
// (no stored text holds one: src/core/text.ts): the lines are right when each is one mdInline leaves as
// it is, which the renderer tests before it takes the NULs out. The JSON row, parsed and written a value
// at a time, cost more than SQLite making these lines. Read from after (@afterDate, @afterId), so that
// the rows after an interview read the simple way go on.
const MD_INTERVIEW_TEXTS = `
SELECT i.id, i.date, i.channel,
  (SELECT group_concat(name, ', ') FROM (SELECT c.name FROM interview_contacts ic
    JOIN contacts c ON c.id = ic.contact_id WHERE ic.interview_id = i.id ORDER BY c.uuid)),
  coalesce(a.name || ' via ' || i.source, a.name, i.source, ''),
  '- **By:** ' || coalesce(char(0) || i.by || char(0), 'unknown') ||
    coalesce(' · ' || i.minutes || CASE i.minutes WHEN 1 THEN ' minute' ELSE ' minutes' END, '') ||
  char(10) || '- **Summary:** ' || char(0) || i.summary || char(0) ||
  coalesce(char(10) || '- **Tags:** ' || (SELECT group_concat(char(0) || tag || char(0), ', ') FROM (SELECT tag
    FROM interview_tags WHERE interview_id = i.id ORDER BY position)), '') ||
  CASE WHEN i.stage <> '' THEN char(10) || '- **Stage:** ' || char(0) || i.stage || char(0) ELSE '' END ||
  CASE WHEN i.follow_up <> '' THEN char(10) || '- **Follow-up:** ' || i.follow_up ||
    CASE WHEN i.follow_up_done = 1 THEN ' (done)' ELSE coalesce((SELECT ' · answered by I' ||
      CAST(substr(m, 12) AS INTEGER) || ' on ' || substr(m, 1, 10) FROM (SELECT ${answeredSql('i', '@end')} AS m)),
      '') END
  ELSE '' END || char(10) ||
  coalesce(char(10) || 'Pains:' || char(10) || (SELECT group_concat(char(10) || '- ' || char(0) || text || char(0) ||
    ' (' || severity || ')', '') FROM (SELECT text, severity FROM pains WHERE interview_id = i.id ORDER BY position))
    || char(10), '') ||
  coalesce(char(10) || 'Quotes:' || char(10) || (SELECT group_concat(char(10) || '- “' || char(0) || text ||
    char(0) || '”', '') FROM (SELECT text FROM quotes WHERE interview_id = i.id ORDER BY position)) || char(10), ''),
  i.notes, i.summary,
  nullif((SELECT json_group_array(json_array(hypothesis_id, direction, strength, basis)) FROM (SELECT
    e.hypothesis_id, e.direction, e.strength, e.basis FROM evidence e WHERE e.interview_id = i.id
    ORDER BY e.hypothesis_id)), '[]'), i.kind
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id
WHERE i.date BETWEEN @start AND @end AND (i.date, i.id) > (@afterDate, @afterId)
ORDER BY i.date, i.id`;

const MD_OUTCOMES = `
SELECT o.hypothesis_id, o.outcome, o.date, o.reason FROM outcomes o
WHERE o.date BETWEEN @start AND @end
ORDER BY o.date, o.id`;

const MD_FIRST_DATE = 'SELECT min(i.date) FROM interviews i WHERE i.date BETWEEN @start AND @end';

/** [uuid, name] of every contact, by row id. */
function contactNames(db: DB): Map<number, [string, string]> {
  const rows = db.prepare('SELECT id, uuid, name FROM contacts').raw().all() as [number, string, string][];
  return new Map(rows.map(([id, uuid, name]) => [id, [uuid, name]]));
}

/** The records the markdown export shows of a range (src/core/markdown-records.ts). */
export function markdownRecords(db: DB, range: ExportRange): MarkdownRecords {
  const dated = { start: range.start, end: range.end };
  const hypotheses = (db.prepare(HYPOTHESES(range.whole)).all(dated) as Row[]).map(
    (r): MarkdownHypothesis => ({ ...toHypothesis(r), rowid: r.rowid, id: r.id }),
  );
  const outcomes = (db.prepare(MD_OUTCOMES).raw(true).all(dated) as any[][]).map(
    (r): MarkdownOutcome => ({ hypothesis: r[0], outcome: r[1], date: r[2], reason: r[3] }),
  );
  const contactsById = range.whole ? contactNames(db) : null;
  const valuesOf = (text: string): MarkdownInterview => {
    const r = JSON.parse(text) as any[];
    const contacts =
      contactsById === null
        ? (r[11] as [string, string][])
        : (r[11] as number[]).flatMap((id): [string, string][] => {
            const contact = contactsById.get(id);
            return contact ? [contact] : [];
          });
    if (contacts.length > 1) contacts.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    return {
      id: `I${r[0]}`,
      date: r[1],
      channel: r[2],
      accountUuid: r[3],
      account: r[4],
      source: r[17],
      contacts,
      by: r[5],
      minutes: r[6],
      summary: r[7],
      notes: r[8],
      pains: (r[12] as [string, Severity][]).map(([text, severity]) => ({ text, severity })),
      quotes: r[13],
      tags: r[14],
      followUp: r[9],
      followUpDone: r[10] === 1,
      // answered as of the range's last day, so that a past week's export stays as it was (one
      // done by hand says "(done)": not looked up)
      followUpAnswered: answeredBy(r[18]),
      links: r[15],
      stage: r[16],
      kind: r[19],
    };
  };
  return {
    firstDate: db.prepare(MD_FIRST_DATE).pluck().get(dated) as string | null,
    *interviews() {
      const rows = db.prepare(MD_INTERVIEWS(contactsById !== null)).pluck();
      for (const text of rows.iterate(dated) as Iterable<string>) yield valuesOf(text);
    },
    *lines(asTyped) {
      if (range.whole) {
        yield* this.interviews();
        return;
      }
      const rows = db.prepare(MD_INTERVIEW_TEXTS).raw();
      let after = { ...dated, afterDate: '', afterId: 0 };
      for (;;) {
        let held: InterviewLines | undefined;
        for (const row of rows.iterate(after) as Iterable<InterviewLines>) {
          if (asTyped(row[5])) yield row;
          else {
            held = row;
            break;
          }
        }
        if (held === undefined) return;
        // an interview with a text to escape: read the simple way, then the rest of the range
        const one = db.prepare(MD_INTERVIEWS(false, 'i.id = @id')).pluck();
        yield valuesOf(one.get({ id: held[0], end: range.end }) as string);
        after = { ...dated, afterDate: held[1], afterId: held[0] };
      }
    },
    hypotheses,
    outcomes,
  };
}

/**
 * Every contact (but those already erased) and account of the journal, each with the number of its
 * pseudonym (`Contact 3`): its row id, so that what an export calls Contact 3 stays Contact 3
 * whatever is added, erased or merged later.
 */
export function peopleForRedaction(db: DB): { contacts: PersonRef[]; accounts: AccountRef[]; interviewers: string[] } {
  const userName = db.prepare("SELECT value FROM config WHERE key = 'user.name'").pluck().get() as string | undefined;
  // who held the conversations, in the order of their first one; user.name (who may have held none yet) last
  const interviewers = db
    .prepare('SELECT by FROM interviews WHERE by IS NOT NULL GROUP BY by ORDER BY min(id)')
    .pluck()
    .all() as string[];
  if (userName !== undefined && !interviewers.includes(userName)) interviewers.push(userName);
  // then whoever added a hypothesis (schema 75) or recorded a decision and held no conversation
  for (const by of db
    .prepare(`SELECT by FROM (SELECT by, id FROM hypotheses UNION ALL SELECT by, 1e15 + id FROM outcomes)
      WHERE by IS NOT NULL GROUP BY by ORDER BY min(id)`)
    .pluck()
    .all() as string[])
    if (!interviewers.includes(by)) interviewers.push(by);
  return {
    interviewers,
    contacts: db
      .prepare('SELECT id AS n, uuid, name, email FROM contacts WHERE forgotten = 0 ORDER BY id')
      .all() as PersonRef[],
    accounts: db.prepare('SELECT id AS n, uuid, name FROM accounts ORDER BY id').all() as AccountRef[],
  };
}
