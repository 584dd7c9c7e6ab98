// Interviews: the record every command prints (export keys + `with` + `account`) and the listing
// filters of `pm ls` (the writes are in src/db/interview-writer.ts). One SQL statement builds whole records
// (lists gathered by correlated subqueries inside SQLite), so a listing is never a query per row.
import type { DB } from './journal.js';
import { UsageError } from '../errors.js';
import { NO_WIDTH } from '../io.js';
import { localId } from './refs.js';
import { LAST_INTERVIEW_ID } from './last-interview.js';
import { shortRef } from '../core/versions.js';
import type { Channel } from '../core/channels.js';
import type { EvidenceLink, InterviewLine, InterviewRecord } from '../core/interviews.js';
import { nameKey } from '../core/identity.js';

/**
 * The conversation that answered interview `i`'s follow-up, as the report's "Follow-ups due" reads it
 * (src/db/report.ts): the first customer conversation after it that included one of its people, on or
 * before `asOf` (a parameter name, with its @) when given, else whenever (no conversation is dated
 * after today); as `date id` (the id padded, so that the least text is the first), else NULL. "After"
 * is by day, then by the order the journal logged them (its id: a call later the same day, logged
 * after it, answers it; schema 72). For each person one seek of the index on (contact, kind, date),
 * which holds the interview's id next (WITHOUT ROWID), so their first is the index's first: no sort,
 * and no reading of their later conversations.
 */
export function answeredSql(i: string, asOf?: string): string {
  return `CASE WHEN ${i}.follow_up IS NOT NULL THEN (SELECT min((
    SELECT printf('%s %012d', later.date, later.interview_id) FROM interview_contacts later
    WHERE later.contact_id = ic.contact_id AND later.kind = 'customer'
      AND (later.date, later.interview_id) > (${i}.date, ${i}.id)${asOf ? ` AND later.date <= ${asOf}` : ''}
    ORDER BY later.date, later.interview_id LIMIT 1)) FROM interview_contacts ic WHERE ic.interview_id = ${i}.id) END`;
}

/** The id and date of the conversation that answered a follow-up, from answeredSql's text. */
export function answeredBy(text: string | null): { id: string; date: string } | null {
  if (text === null) return null;
  return { id: `I${Number(text.slice(11))}`, date: text.slice(0, 10) };
}

const RECORD_SELECT = `
SELECT i.id AS rowid, i.uuid, 'I' || i.id AS id, i.date, i.channel, i.kind, a.uuid AS accountUuid, a.name AS account,
  i.source, i.by, i.minutes, i.summary, i.notes, i.follow_up AS followUp, i.follow_up_done AS followUpDone, i.stage,
  (SELECT json_group_array(json_array(c.uuid, c.name)) FROM (
     SELECT c.uuid, c.name FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
     WHERE ic.interview_id = i.id ORDER BY c.id) c) AS people,
  (SELECT json_group_array(json_object('text', text, 'severity', severity))
     FROM (SELECT text, severity FROM pains WHERE interview_id = i.id ORDER BY position)) AS pains,
  (SELECT json_group_array(text) FROM (SELECT text FROM quotes WHERE interview_id = i.id ORDER BY position)) AS quotes,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM interview_tags WHERE interview_id = i.id ORDER BY position)) AS
    tags,
  (SELECT json_group_array(json_array('H' || hypothesis_id, direction, strength, basis)) FROM (
     SELECT hypothesis_id, direction, strength, basis FROM evidence WHERE interview_id = i.id ORDER BY hypothesis_id))
       AS evidence
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id`;

interface RawRecord {
  rowid: number;
  uuid: string;
  id: string;
  date: string;
  channel: Channel;
  kind: InterviewRecord['kind'];
  accountUuid: string | null;
  account: string | null;
  source: string | null;
  by: string | null;
  minutes: number | null;
  summary: string;
  notes: string | null;
  followUp: string | null;
  followUpDone: number;
  stage: string | null;
  people: string;
  pains: string;
  quotes: string;
  tags: string;
  evidence: string;
}

function toRecord(r: RawRecord): InterviewRecord {
  const people = JSON.parse(r.people) as [string, string][];
  const evidence = (
    JSON.parse(r.evidence) as [string, EvidenceLink['direction'], EvidenceLink['strength'], EvidenceLink['basis']][]
  ).map(([hypothesis, direction, strength, basis]) => ({ hypothesis, direction, strength, basis }));
  return {
    uuid: r.uuid,
    id: r.id,
    ref: shortRef('I', r.uuid),
    date: r.date,
    channel: r.channel,
    contactUuids: people.map((p) => p[0]),
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
    followUpAnsweredBy: null,
    followUpAnsweredOn: null,
    with: people.map((p) => p[1]),
    account: r.account,
    kind: r.kind,
    evidence,
  };
}

/**
 * Fill in which conversations answered the records' follow-ups, read apart for the records that
 * have one: as one more column of the records' statement it made pm ls --json on harsh 100k ~17%
 * dearer in CPU even when NULL (measured), as an apart read of its ~20k follow-ups ~3%.
 */
function withAnswers(db: DB, records: InterviewRecord[]): InterviewRecord[] {
  const owed = records.filter((r) => r.followUp !== null);
  if (owed.length === 0) return records;
  const answers = new Map(
    db
      .prepare(`SELECT i.id, ${answeredSql('i')} FROM json_each(?) j CROSS JOIN interviews i ON i.id = j.value`)
      .raw()
      .all(JSON.stringify(owed.map((r) => Number(r.id.slice(1))))) as [number, string | null][],
  );
  for (const r of owed) {
    const answer = answeredBy(answers.get(Number(r.id.slice(1))) ?? null);
    r.followUpAnsweredBy = answer?.id ?? null;
    r.followUpAnsweredOn = answer?.date ?? null;
  }
  return records;
}

export function loadInterview(db: DB, rowid: number): InterviewRecord | undefined {
  const row = db.prepare(`${RECORD_SELECT} WHERE i.id = ?`).get(rowid) as RawRecord | undefined;
  return row && withAnswers(db, [toRecord(row)])[0];
}

export interface InterviewFilters {
  since?: string;
  until?: string;
  /** contact name or email, case-insensitive */
  with?: string;
  account?: string;
  /** a signal's source, case-insensitive */
  source?: string;
  channel?: string;
  /** every one of these tags (`--tag billing,sso`: both), or the tag `tagWhole` */
  tags?: string[];
  /** a tag with its commas, as a journal may hold one from before they split (`--tag "a,b"`) */
  tagWhole?: string;
  hypothesis?: number;
  by?: string;
  /** interviews of these accounts/contacts only (show) */
  accountId?: number;
  contactId?: number;
  /** interviews with any of these contacts (pm ls --with "Name (Account)") */
  contactIds?: number[];
  limit?: number;
}

/** Interviews matching the filters, newest first (date DESC, id DESC). */
export function listInterviews(db: DB, f: InterviewFilters): InterviewRecord[] {
  const { sql, params } = listingSql(RECORD_SELECT, f);
  return withAnswers(db, (db.prepare(sql).all(params) as RawRecord[]).map(toRecord));
}

// who was there as the line shows them, joined by SQLite: the subquery reads interview_contacts in
// its key's order (interview, contact), which is the contacts' row order the records list them in,
// so neither a sort nor a JSON text is needed for each line
const LINE_SELECT = `
SELECT 'I' || i.id AS id, i.date, i.channel, i.kind, a.name AS account, i.source, i.summary,
  (SELECT group_concat(name, ', ') FROM (
     SELECT c.name FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
     WHERE ic.interview_id = i.id ORDER BY ic.contact_id)) AS who
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id`;

/**
 * What the listing's lines show, and only that: `pm ls` into a pipe prints every interview, and
 * whole records (notes, pains, quotes, tags, links) of 100k of them took 2.5 s and 367 MB (issue 18).
 * Same filters and order as listInterviews; an account's come from its own index (0023).
 */
export function* interviewLines(db: DB, f: InterviewFilters): Generator<InterviewLine> {
  const { sql, params } = listingSql(LINE_SELECT, f);
  type Raw = [
    string,
    string,
    InterviewLine['channel'],
    InterviewLine['kind'],
    string | null,
    string | null,
    string,
    string | null,
  ];
  // indexed, not destructured: in code this cold, destructuring an array goes through its iterator
  // (~2 ms over an account's 4,037 rows)
  for (const r of db.prepare(sql).raw().iterate(params) as Iterable<Raw>)
    yield {
      id: r[0],
      date: r[1],
      channel: r[2],
      kind: r[3],
      account: r[4],
      source: r[5],
      summary: r[6],
      who: r[7] ?? '',
    };
}

/**
 * A cell cut to `width` columns after a whole word, as clipWords (src/render/wrap.ts) cuts text of
 * one-column characters that starts with no space: the words before the last space within `width`
 * columns, less trailing spaces and , ; : · - and an ellipsis added; a first word that long cut with
 * an ellipsis. The last space's place: what is left once the trailing run of every other character
 * in the cell is trimmed.
 */
function clipSql(cell: string, width: string): string {
  return `CASE WHEN length(${cell}) <= ${width} THEN ${cell} ELSE (
    SELECT CASE WHEN p >= 2 THEN rtrim(substr(${cell}, 1, p - 1), ' ,;:·-') ELSE substr(${cell}, 1, ${width} - 1) END
      || '…' FROM (SELECT length(rtrim(s, replace(s, ' ', ''))) AS p FROM (SELECT substr(${cell}, 1, ${width}) AS s)))
    END`;
}

// a cell SQLite can lay out as the table would: characters of one column each that safeLine leaves
// as they are (printable ASCII, Latin-1 but for the no-break space), and no leading space
const ODD_CELL = (cell: string) => `${cell} GLOB '*[^ -~¡-ÿ]*'`;

const PLAIN_ROW = `
SELECT 'I' || i.id AS id, i.date AS date, i.channel AS channel,
  coalesce((SELECT group_concat(name, ', ') FROM (
     SELECT c.name FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
     WHERE ic.interview_id = i.id ORDER BY ic.contact_id)), '') AS who,
  CASE WHEN a.name IS NOT NULL AND i.source IS NOT NULL THEN a.name || ' via ' || i.source
    ELSE coalesce(a.name, i.source, '') END AS place,
  i.summary AS summary
FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id`;

/**
 * `pm ls` into a pipe as SQLite writes it: every line plainLines (src/render/interviews.ts) would
 * make, as one text of UTF-8 bytes, and how many interviews match. A pipe's listing is every row
 * (1,588 for --since 2w on the harsh 100k journal), and making each row a JavaScript array, then its
 * cells, widths and line, then writing them, cost ~9 µs a row with young garbage collections
 * copying every row still alive (issue 18: `pm ls --since 2w` 1.46× the floor). The same widths
 * (each column's widest cell, who at most 24 and where at most 20 unless the width is NO_WIDTH),
 * cuts (clipSql), padding and trailing spaces trimmed; `text` is null (lay the lines out in
 * JavaScript) when a cell holds anything else (a wide or invisible character, a control, a leading
 * space) or the columns at their full width are wider than `room`. listing-fast-paths.test.ts holds the two equal.
 */
export function plainListing(db: DB, f: InterviewFilters, room: number): { count: number; text: Buffer | null } {
  const { sql, params } = listingSql(PLAIN_ROW, f);
  // the columns' maxima hold on a terminal or at $COLUMNS; into a pipe or a file nothing is cut
  const capped = room < NO_WIDTH;
  const widths = `SELECT count(*) AS n, max(length(date)) AS dw, max(length(id)) AS iw,
      min(max(CASE WHEN who = '' THEN 1 ELSE length(who) END), @whoMax) AS pw, min(max(length(place)), @placeMax) AS lw,
      max(length(channel)) AS cw, max(length(summary)) AS sw,
      max(${ODD_CELL('who')} OR who GLOB ' *' OR ${ODD_CELL('place')} OR place GLOB ' *' OR ${ODD_CELL('summary')})
        AS odd
    FROM r`;
  // the rows come out of r in its order (a materialized subquery with an ORDER BY keeps it)
  const [count, text] = db
    .prepare(
      `WITH r AS MATERIALIZED (${sql}), w AS (${widths})
      SELECT n, CASE WHEN n = 0 OR odd OR dw + 1 + iw + 2 + pw + 2 + lw + 2 + cw + 2 + sw > @room THEN NULL ELSE (
        SELECT CAST(group_concat(rtrim(printf('%!-*s %!-*s  %!-*s  %!-*s  %!-*s  %s',
          dw, date, iw, id, pw, shownWho, lw, shownPlace, cw, channel, summary), ' '), char(10)) || char(10) AS BLOB)
        FROM (SELECT date, id, channel, summary,
          CASE WHEN who = '' THEN '—' ELSE ${clipSql('who', 'pw')} END AS shownWho,
          ${clipSql('place', 'lw')} AS shownPlace
          FROM r)) END
      FROM w`,
    )
    .raw()
    .get({ ...params, room, whoMax: capped ? 24 : room, placeMax: capped ? 20 : room }) as [number, Buffer | null];
  return { count, text };
}

/** The name as a conversation held by `name` (case aside) writes it ("Ann Ash" for "ann ash"), if any. */
export function heldAs(db: DB, name: string): string | undefined {
  return db.prepare('SELECT by FROM interviews WHERE by = ? COLLATE NOCASE LIMIT 1').pluck().get(name) as
    | string
    | undefined;
}

/** Every name conversations were held under (for "did you mean"). */
export function interviewerNames(db: DB): string[] {
  return db.prepare('SELECT DISTINCT by FROM interviews').pluck().all() as string[];
}

/** How many interviews the listing's filters match (its limit aside): the terminal page's hint. */
export function countInterviews(db: DB, f: InterviewFilters): number {
  const { sql, params } = listingSql('SELECT count(*) FROM interviews i LEFT JOIN accounts a ON a.id = i.account_id', {
    ...f,
    limit: undefined,
  });
  return db.prepare(sql).pluck().get(params) as number;
}

function listingSql(select: string, f: InterviewFilters): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.since) {
    where.push('i.date >= @since');
    params.since = f.since;
  }
  if (f.until) {
    where.push('i.date <= @until');
    params.until = f.until;
  }
  if (f.channel) {
    where.push('i.channel = @channel');
    params.channel = f.channel;
  }
  if (f.by) {
    where.push('i.by = @by COLLATE NOCASE');
    params.by = f.by;
  }
  if (f.account) {
    where.push('a.name_key = @account');
    params.account = nameKey(f.account);
  }
  if (f.source) {
    where.push('i.source = @source');
    params.source = f.source;
  }
  if (f.accountId !== undefined) {
    where.push('i.account_id = @accountId');
    params.accountId = f.accountId;
  }
  if (f.with) {
    where.push(`i.id IN (SELECT ic.interview_id FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
      WHERE c.name_key = @with OR c.email_key = @with)`);
    params.with = nameKey(f.with);
  }
  if (f.contactId !== undefined) {
    where.push('i.id IN (SELECT interview_id FROM interview_contacts WHERE contact_id = @contactId)');
    params.contactId = f.contactId;
  }
  if (f.contactIds !== undefined) {
    where.push(`i.id IN (SELECT interview_id FROM interview_contacts
      WHERE contact_id IN (SELECT value FROM json_each(@contactIds)))`);
    params.contactIds = JSON.stringify(f.contactIds);
  }
  if (f.tags?.length) {
    const tagged = (param: string) => `i.id IN (SELECT interview_id FROM interview_tags WHERE tag_key = @${param})`;
    const all = f.tags.map((tag, n) => {
      params[`tag${n}`] = nameKey(tag);
      return tagged(`tag${n}`);
    });
    if (f.tagWhole !== undefined) params.tagWhole = nameKey(f.tagWhole);
    where.push(`(${all.join(' AND ')}${f.tagWhole === undefined ? '' : ` OR ${tagged('tagWhole')}`})`);
  }
  if (f.hypothesis !== undefined) {
    where.push('i.id IN (SELECT interview_id FROM evidence WHERE hypothesis_id = @hypothesis)');
    params.hypothesis = f.hypothesis;
  }
  let sql = `${select}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY i.date DESC, i.id DESC`;
  if (f.limit !== undefined) {
    sql += ' LIMIT @limit';
    params.limit = f.limit;
  }
  return { sql, params };
}

/** Records for row ids, in the order given (search keeps its ranking). */
export function loadInterviews(db: DB, rowids: number[]): InterviewRecord[] {
  if (rowids.length === 0) return [];
  const rows = db
    .prepare(`${RECORD_SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rowids)) as RawRecord[];
  const byId = new Map(withAnswers(db, rows.map(toRecord)).map((r) => [Number(r.id.slice(1)), r]));
  return rowids.map((id) => byId.get(id)).filter((r): r is InterviewRecord => r !== undefined);
}

/** The interview `last` means (src/db/last-interview.ts); null: no interviews. */
export function lastInterviewId(db: DB): number | null {
  return db.prepare(LAST_INTERVIEW_ID).pluck().get() as number | null;
}

/**
 * An earlier interview that the one just written repeats: the same day, channel, account, people and
 * summary (a command run twice: up-arrow and Enter, a script re-run). Its display id, or null. Read by
 * interviews_by_date: only that day's interviews are looked at.
 */
export function repeatedInterview(db: DB, id: number): string | null {
  const twin = db
    .prepare(
      `SELECT 'I' || o.id FROM interviews i JOIN interviews o ON o.date = i.date AND o.id <> i.id
       WHERE i.id = @id AND o.channel = i.channel AND o.account_id IS i.account_id AND o.summary = i.summary
         AND (SELECT group_concat(contact_id) FROM (SELECT contact_id FROM interview_contacts
               WHERE interview_id = o.id ORDER BY contact_id))
          IS (SELECT group_concat(contact_id) FROM (SELECT contact_id FROM interview_contacts
               WHERE interview_id = i.id ORDER BY contact_id))
       ORDER BY o.id LIMIT 1`,
    )
    .pluck()
    .get({ id });
  return (twin as string | undefined) ?? null;
}

/** Record that pm log wrote this interview here (what `last` reads). */
export function markLoggedHere(db: DB, id: number): void {
  db.prepare('INSERT INTO logged_here (interview_id) VALUES (?)').run(id);
}

/**
 * An interview reference as the user types it: I12, i12, 12, or `last` (the interview logged most
 * recently here: lastInterviewId). Unknown ids are usage errors.
 */
export function resolveInterviewRef(db: DB, ref: string, forms = 'I12, or last'): number {
  const s = localId(db, ref).trim();
  if (s.toLowerCase() === 'last') {
    const id = lastInterviewId(db);
    if (id === null) throw new UsageError('there are no interviews yet', 'try: pm log --help');
    return id;
  }
  const m = /^[iI]?(\d{1,15})$/.exec(s);
  if (!m) throw new UsageError(`not an interview id: ${JSON.stringify(ref)}`, `write it as ${forms}`);
  const id = Number(m[1]);
  const found = db.prepare('SELECT 1 FROM interviews WHERE id = ?').pluck().get(id);
  if (!found) {
    // a deleted one says so, and how to bring it back: "unknown" read as lost for good (H4)
    if (db.prepare("SELECT 1 FROM deleted_ids WHERE kind = 'interview' AND id = ?").pluck().get(id))
      throw new UsageError(
        `I${id} was deleted`,
        `to bring it back: pm import FILE --undelete I${id}, FILE a JSON export made before its deletion`,
      );
    throw new UsageError(`unknown interview I${id}`, 'try: pm ls');
  }
  return id;
}

export interface InterviewFields {
  date: string;
  channel: Channel;
  /** null for a signal from a source alone */
  accountId: number | null;
  source: string | null;
  by: string | null;
  minutes: number | null;
  summary: string;
  notes: string | null;
  followUp: string | null;
  followUpDone: boolean;
  /** the customer's journey stage (journey.stages); absent or null: none */
  stage?: string | null;
}

export function interviewFields(db: DB, rowid: number): InterviewFields {
  return db
    .prepare(`SELECT date, channel, account_id AS accountId, source, by, minutes, summary, notes, follow_up AS followUp,
    follow_up_done = 1 AS followUpDone, stage FROM interviews WHERE id = ?`)
    .get(rowid) as InterviewFields;
}

/** Tags already used, most used first (for suggestions). */
export function knownTags(db: DB): string[] {
  return db
    .prepare('SELECT min(tag) FROM interview_tags GROUP BY tag_key ORDER BY count(*) DESC, 1 LIMIT 200')
    .pluck()
    .all() as string[];
}

/** An open follow-up of an earlier conversation: its interview, when it was due, and what was said. */
export interface OpenFollowUp {
  id: string;
  date: string;
  followUp: string;
  summary: string;
}

/**
 * The follow-ups still open for these people for a conversation on `asOf`, logged after every other
 * (`except`, the interview being logged, else one about to be): not marked done, of a conversation
 * before it that one of them was in (an earlier day, or the same day), and not answered yet, i.e. no
 * customer conversation with one of its people after it (by day, then as logged: answeredSql) and on
 * or before `asOf`, other than `except`. The report applies the same rule to the follow-ups it lists as
 * due (src/db/report.ts).
 */
export function openFollowUps(
  db: DB,
  contactIds: number[],
  asOf: string,
  except: number | null = null,
): OpenFollowUp[] {
  if (contactIds.length === 0) return [];
  return db
    .prepare(
      `SELECT DISTINCT 'I' || i.id AS id, i.date, i.follow_up AS followUp, i.summary
       FROM json_each(@contacts) who
         CROSS JOIN interview_contacts mine ON mine.contact_id = who.value
         CROSS JOIN interviews i ON i.id = mine.interview_id
       WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0
         AND (i.date < @asOf OR i.date = @asOf AND (@except IS NULL OR i.id < @except))
         AND NOT EXISTS (SELECT 1 FROM interview_contacts ic
           CROSS JOIN interview_contacts later ON later.contact_id = ic.contact_id
           WHERE ic.interview_id = i.id AND later.kind = 'customer'
             AND (later.date, later.interview_id) > (i.date, i.id)
             AND later.date <= @asOf AND later.interview_id IS NOT @except)
       ORDER BY i.follow_up, i.id`,
    )
    .all({ contacts: JSON.stringify(contactIds), asOf, except }) as OpenFollowUp[];
}

/** The sources signals came from, the most recent first (for the interactive log's suggestions). */
export function knownSources(db: DB): string[] {
  return db
    .prepare(
      `SELECT source FROM interviews WHERE source IS NOT NULL GROUP BY source COLLATE NOCASE
       ORDER BY max(date) DESC LIMIT 50`,
    )
    .pluck()
    .all() as string[];
}

/** The source of signals called `name` (any case), as stored, if an interview has it. */
export function signalSource(db: DB, name: string): string | undefined {
  return db.prepare('SELECT source FROM interviews WHERE source = ? COLLATE NOCASE LIMIT 1').pluck().get(name.trim()) as
    | string
    | undefined;
}
