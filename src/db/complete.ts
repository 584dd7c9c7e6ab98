// The journal's records that shell completion offers (`pm __complete`, src/complete.ts): ids with
// what they are about, names, tags. Each query reads an index or a small table, so a TAB in a
// journal of 100k interviews costs what opening it costs (docs/performance.md).
import type Database from 'better-sqlite3';
import { type Candidate, idRanges, type LiveKind } from '../core/completion.js';
import { configFromRows, journeyStages } from '../core/config.js';
import { nameKey } from '../core/identity.js';
import { painKey } from '../core/pains.js';
import { LAST_INTERVIEW_ID } from './last-interview.js';

type ConfigRow = { key: string; value: string };

type DB = Database.Database;

/** At most this many ids of one kind; more would scroll past, and cost time to print. */
export const ID_LIMIT = 100;

/** A LIKE pattern matching `prefix` literally at the start. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * The candidates of one kind whose value starts with `prefix` (names: or one of their words does),
 * case-insensitively; the shell narrows them further as it does.
 */
export function liveCandidates(db: DB, kind: LiveKind, prefix: string): Candidate[] {
  switch (kind) {
    case 'interview':
      return interviews(db, prefix);
    case 'hypothesis':
    case 'hypothesis.open':
    case 'hypothesis.decided':
    case 'hypothesis.bet':
      return hypotheses(db, kind, prefix);
    // names are matched and ordered by their keys, as pm compares them (src/core/identity.ts), in
    // the order of the keys' indexes (no sort)
    case 'contact': {
      const joined = contactCandidate('a.name', '');
      return byName(
        db,
        `SELECT CASE WHEN ${joined.shared} THEN ${joined.value} ELSE c.name END,
           CASE WHEN ${joined.shared} THEN c.role ELSE ${joined.about} END
         FROM contacts c JOIN accounts a ON a.id = c.account_id
         WHERE c.forgotten = 0 ${wordStarts('c.name_key', prefix)} ORDER BY c.name_key, c.account_id, c.id`,
        prefix,
      );
    }
    case 'account':
      return byName(
        db,
        `SELECT name, coalesce(segment, '') FROM accounts WHERE 1 ${wordStarts('name_key', prefix)} ORDER BY name_key`,
        prefix,
      );
    case 'tag':
      return tags(db, prefix);
    case 'opportunity':
      return opportunities(db, prefix);
    case 'source':
      return distinct(db, 'interviews', 'source')
        .filter((v) => v.toLowerCase().startsWith(prefix.toLowerCase()))
        .map((v) => [v, ''] as const);
    case 'stage':
      return stages(db, prefix);
    case 'segment':
      return rows(
        db,
        `SELECT segment, '' FROM (SELECT segment FROM accounts UNION SELECT segment FROM contacts)
         WHERE segment LIKE :p ESCAPE '\\' GROUP BY segment COLLATE NOCASE ORDER BY segment COLLATE NOCASE`,
        prefix,
      );
    case 'persona':
      return rows(
        db,
        `SELECT persona, '' FROM contacts WHERE forgotten = 0 AND persona LIKE :p ESCAPE '\\'
         GROUP BY persona COLLATE NOCASE ORDER BY persona COLLATE NOCASE`,
        prefix,
      );
    case 'conflict':
      return rows(
        db,
        `SELECT CAST(id AS TEXT), kind || ' ' || key FROM sync_conflicts
         WHERE CAST(id AS TEXT) LIKE :p ESCAPE '\\' ORDER BY id`,
        prefix,
      );
  }
}

/**
 * A contact's candidate: their name and account (and role when not a customer); or, when another contact
 * (not erased) has the name, "Name (Account)" and their role, as pm show, pm ls --with, pm log --with and
 * pm forget take it: the bare name of namesakes was refused as ambiguous once inserted. Namesakes at
 * one account share the form; pm show's refusal then names each one. `index` is what the namesakes are
 * looked up by (the fast path's covering index), `account` the account's name.
 */
function contactCandidate(account: string, index: string): { shared: string; value: string; about: string } {
  return {
    shared: `EXISTS (SELECT 1 FROM contacts d ${index} WHERE d.forgotten = 0 AND d.name_key = c.name_key
      AND d.id <> c.id)`,
    value: `c.name || ' (' || ${account} || ')'`,
    about: `${account} || CASE WHEN c.role = 'customer' THEN '' ELSE ' · ' || c.role END`,
  };
}

/** The index that answers a contact's line: names, accounts' names and roles of contacts not erased. */
const INDEX = 'INDEXED BY contacts_for_completion';

/**
 * `pm __complete contact`'s lines made by SQLite as one text, when every contact's name and
 * description would be offered as they are stored (the usual case): a TAB with nothing typed lists
 * every contact (12,000 on the harsh 100k bench journal), and better-sqlite3 making two strings of
 * each, then a line of each in JavaScript, was ~25 ms of a completion's ~35 over opening the journal
 * (issue 18). The account's name is the copy kept on the contact's row (0033), so that one index
 * answers it all: looked up in accounts for each contact it was ~3 ms more. Undefined when any line
 * is not offered as stored: then candidateLines(liveCandidates(…)) makes them, with the join.
 * test/unit/completion-lines.test.ts compares the two.
 */
export function contactLines(db: DB, prefix: string): string | undefined {
  const kept = contactCandidate('c.account_name', INDEX);
  let statement: Database.Statement;
  try {
    statement = db.prepare(
      `SELECT group_concat(line, '') FROM (SELECT CASE WHEN ${kept.shared} THEN ${kept.value} || char(9) || c.role
         ELSE c.name || char(9) || ${kept.about} END || char(10) AS line
         FROM contacts c ${INDEX}
         WHERE c.forgotten = 0 ${wordStarts('c.name_key', prefix)} ORDER BY c.name_key, c.account_id, c.id)`,
    );
  } catch {
    // a journal of a schema before 33 (completion never migrates one): no names kept on the rows
    return undefined;
  }
  const text = statement.pluck().get(prefix ? { p: likePrefix(nameKey(prefix)) } : {}) as string | null;
  const out = text ?? '';
  return MISSHAPEN.test(out) || RESHAPING_CHARACTER.test(out) || RESHAPED_LINE.test(out) ? undefined : out;
}

// A line without a tab, or with two: a name or description holding a tab or a line break (each
// contact's line is name, tab, description, line break). Tested on the text: counting the breaks
// and tabs by matching them all made arrays of 12,000 strings (issue 18).
const MISSHAPEN = /(?:^|\n)[^\t\n]*\n|\t[^\t\n]*\t/;

// What would make candidateLines print a line other than `name<TAB>description` as stored
// (src/core/completion.ts offerable, describeLine): a control, bidirectional control or whitespace
// other than the space anywhere; a double space anywhere; a name that starts with a dash or is only
// spaces; a description that is empty, starts or ends with a space, or is longer than 80 UTF-16 units.
const RESHAPING_CHARACTER =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff]/;
const RESHAPED_LINE = / {2}|(?:^|\n)(?:-| *\t)|\t(?: |\n|[^\n]{81})| \n/;

/** The condition that `column` or one of its words starts with the prefix (none for no prefix). */
const wordStarts = (column: string, prefix: string) =>
  prefix ? `AND (${column} LIKE :p ESCAPE '\\' OR ${column} LIKE '% ' || :p ESCAPE '\\')` : '';

function byName(db: DB, sql: string, prefix: string): Candidate[] {
  const statement = db.prepare(sql).raw();
  return (prefix ? statement.all({ p: likePrefix(nameKey(prefix)) }) : statement.all()) as [string, string][];
}

function rows(db: DB, sql: string, prefix: string): Candidate[] {
  return db
    .prepare(sql)
    .raw()
    .all({ p: likePrefix(prefix) }) as [string, string][];
}

/**
 * Ids whose digits start with the prefix's (`I12`: I12, I120–I129, I1200–I1299 …, each a range of
 * the primary key), newest first, at most ID_LIMIT. When some are left out, the ids one digit
 * longer than the prefix (I120 … I129) come too: they differ right after what was typed, so a
 * shell never completes the prefix into the newest ids' common start (I1 into I19…), and they show
 * where to go on typing. `query` selects the candidates where its condition on `id` holds.
 */
function byIdPrefix(db: DB, table: string, letter: string, prefix: string, query: (where: string) => string) {
  const m = new RegExp(`^${letter}?(\\d*)$`, 'i').exec(prefix);
  if (!m) return [];
  const max = (db.prepare(`SELECT max(id) FROM ${table}`).raw().get() as [number | null])[0];
  const ranges = idRanges(m[1], max ?? 0);
  if (!ranges.length) return [];
  const within = ranges.map(([lo, hi]) => `id BETWEEN ${lo} AND ${hi}`).join(' OR ');
  const found = db
    .prepare(`${query(`(${within})`)} ORDER BY id DESC LIMIT ${ID_LIMIT + 1}`)
    .raw()
    .all() as [string, string][];
  if (found.length <= ID_LIMIT) return found;
  const shown = found.slice(0, ID_LIMIT);
  const next = Array.from({ length: 10 }, (_, d) => Number(`${m[1]}${d}`)).filter((id) => id > 0);
  const more = db
    .prepare(`${query(`id IN (${next.join(',')})`)} ORDER BY id`)
    .raw()
    .all() as [string, string][];
  const seen = new Set(shown.map(([id]) => id));
  return [...shown, ...more.filter(([id]) => !seen.has(id))];
}

function interviews(db: DB, prefix: string): Candidate[] {
  // a signal from a source alone has no account
  const about = `i.date || ' · ' || coalesce(a.name, i.source) || ' · ' || i.summary`;
  const from = 'FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id';
  const lastLine = (id: string) =>
    db.prepare(`SELECT 'last', 'I' || i.id || ' · ' || ${about} ${from} WHERE i.id = (${id})`).raw().all() as [
      string,
      string,
    ][];
  let last: [string, string][] = [];
  if ('last'.startsWith(prefix.toLowerCase()))
    try {
      last = lastLine(LAST_INTERVIEW_ID);
    } catch {
      // a journal not yet upgraded to schema 32 (completion never migrates): no logged_here yet, and
      // before it `last` was the newest interview
      last = lastLine('SELECT max(id) FROM interviews');
    }
  // the interview's id is named `id` in the condition and the order: the subquery's column
  const ids = byIdPrefix(
    db,
    'interviews',
    'I',
    prefix,
    (where) => `SELECT value, about FROM (SELECT i.id, 'I' || i.id AS value, ${about} AS about ${from}) WHERE ${where}`,
  );
  return [...last, ...ids];
}

const STATUS: Record<string, string> = {
  hypothesis: '1',
  'hypothesis.open': "status = 'open'",
  'hypothesis.decided': "status <> 'open'",
  'hypothesis.bet': 'bet_until IS NOT NULL',
};

function hypotheses(db: DB, kind: LiveKind, prefix: string): Candidate[] {
  return byIdPrefix(
    db,
    'hypotheses',
    'H',
    prefix,
    (where) =>
      `SELECT 'H' || id, CASE status WHEN 'open' THEN '' ELSE status || ' · ' END || statement
       FROM hypotheses WHERE ${STATUS[kind]} AND ${where}`,
  );
}

/**
 * The distinct values of an indexed column, one spelling each (case aside), in order. They are
 * read one at a time from the index, each step a seek to the next value after the last one: a
 * journal has a few dozen tags or sources on hundreds of thousands of rows, and reading every row
 * to find them costs ~25 ms at 100k interviews; the seeks cost well under one
 * (test/unit/completion.test.ts checks the two give the same).
 */
function distinct(db: DB, table: string, column: string): string[] {
  const v = `${column} COLLATE NOCASE`;
  const rows = db
    .prepare(
      `WITH RECURSIVE next(v) AS (
         SELECT min(${v}) FROM ${table} WHERE ${column} IS NOT NULL
         UNION ALL
         SELECT (SELECT min(${v}) FROM ${table} WHERE ${v} > next.v) FROM next WHERE next.v IS NOT NULL)
       SELECT v FROM next WHERE v IS NOT NULL`,
    )
    .raw()
    .all() as [string][];
  return rows.map(([value]) => value);
}

/**
 * The tags in use, on interviews (from their index) and hypotheses (a small table), one spelling
 * for each tag as pm compares them (src/core/identity.ts: "Billing" and "billing" are one), in
 * the order of those keys.
 */
function tags(db: DB, prefix: string): Candidate[] {
  const spellings = new Map<string, string>();
  const start = nameKey(prefix);
  const hypothesisTags = db.prepare('SELECT tag FROM hypothesis_tags').raw().all() as [string][];
  for (const tag of [...distinct(db, 'interview_tags', 'tag'), ...hypothesisTags.map(([t]) => t)]) {
    const key = nameKey(tag);
    if (!spellings.has(key) && key.startsWith(start)) spellings.set(key, tag);
  }
  return [...spellings.keys()].sort().map((key) => [spellings.get(key)!, ''] as const);
}

/** How many of the newest interviews' pains are offered as opportunities. */
export const PAIN_INTERVIEWS = 1000;

/**
 * Opportunities: the ones named (pm opportunity merge/rename, pm hyp add --for) and the pains of
 * the newest PAIN_INTERVIEWS interviews, one spelling a pain (grouped as opportunities group them,
 * src/core/pains.ts). Not every pain ever written: they have no index by text, and reading them all
 * costs ~40 ms at 100k interviews; the newest are a range of the pains' primary key.
 */
function opportunities(db: DB, prefix: string): Candidate[] {
  // a named one is described by the hypotheses that address it ("named" was jargon: fresh-eyes wave 15 H15)
  const named = db
    .prepare(
      `SELECT o.name, (SELECT group_concat('H' || hypothesis_id, ', ') FROM (SELECT ho.hypothesis_id
         FROM hypothesis_opportunities ho WHERE ho.opportunity_id = o.id ORDER BY ho.hypothesis_id LIMIT 4))
       FROM opportunities o ORDER BY o.name COLLATE NOCASE`,
    )
    .raw()
    .all() as [string, string | null][];
  const pains = db
    .prepare(
      `SELECT text FROM pains WHERE interview_id > (SELECT max(id) FROM interviews) - ${PAIN_INTERVIEWS}
       ORDER BY interview_id DESC, position`,
    )
    .raw()
    .all() as [string][];
  const start = painKey(prefix);
  const seen = new Set<string>();
  const found: Candidate[] = [];
  // every value with what it is about, as every other kind's (a script splits each line at its tab)
  const about = (ids: string | null) =>
    ids === null ? 'no hypothesis yet' : `${ids.includes(',') ? 'hypotheses' : 'hypothesis'} ${ids}`;
  for (const [[text], what] of [
    ...named.map((r) => [r, about(r[1])] as const),
    ...pains.map((r) => [r, about(null)] as const),
  ]) {
    const key = painKey(text);
    if (seen.has(key) || !(key.startsWith(start) || key.includes(` ${start}`))) continue;
    seen.add(key);
    found.push([text, what]);
  }
  return found;
}

/** The stages of the setting journey.stages (its default when it is not set). */
function stages(db: DB, prefix: string): Candidate[] {
  const rows = db.prepare("SELECT key, value FROM config WHERE key = 'journey.stages'").all() as ConfigRow[];
  return journeyStages(configFromRows(rows))
    .filter((s) => s.toLowerCase().startsWith(prefix.toLowerCase()))
    .map((s) => [s, ''] as const);
}
