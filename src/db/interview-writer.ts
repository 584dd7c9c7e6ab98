// Writing interviews: the one place that stores an interview with the people present, its pains,
// quotes and tags, its evidence links and its full-text index row. `pm log`, `pm edit`,
// `pm delete`, `pm hyp link` and `pm import` (and so `pm demo`) all write through it; an import
// uses one writer for the whole file, so each statement is prepared once.
//
// Lists (pains, quotes, tags) keep the order they were given in: position 0, 1, 2… (journals
// written before schema 5 may hold lists numbered from 1; only the order is ever read, so they
// stay as they are; docs/decisions.md).
import type { Statement } from 'better-sqlite3';
import type { DB } from './journal.js';
import type { InterviewFields } from './interviews.js';
import type { Direction, Strength } from '../core/hypotheses.js';
import type { Pain } from '../core/pains.js';
import type { Basis } from '../core/confidence.js';
import { INDEX_DELETE, INDEX_INSERT, indexValues, reindexInterview } from './fts.js';
import { tagKey } from './identity.js';
import { isIndirect } from '../core/channels.js';
import { REMEMBER_DELETED_ID } from './deleted-ids.js';

export type ListName = 'pains' | 'quotes' | 'tags';

/** An interview as it is written: its fields, who was there, its lists. */
export interface InterviewContent extends InterviewFields {
  contactIds: number[];
  pains: Pain[];
  quotes: string[];
  tags: string[];
}

export interface EvidenceWrite {
  hypothesisId: number;
  direction: Direction;
  strength: Strength;
  /** what it rests on; absent: said */
  basis?: Basis;
}

/** What `pm edit` changes: the fields (all of them, as they are to be), and the sets given anew. */
export interface InterviewChange {
  fields: InterviewFields;
  /**
   * The fields to write (absent: every one). Each trigger of the interviews table names the columns
   * it follows (AFTER UPDATE OF date, kind …), and SQLite compiles and runs only those of the
   * columns an UPDATE sets: setting all eleven compiled them all, ~0.7 ms, for `pm edit --minutes`.
   * An empty list writes no row (the lists' own triggers mark the interview changed).
   */
  columns?: readonly (keyof InterviewFields)[];
  contactIds?: number[];
  lists?: InterviewLists;
}

/** Each field's column, in the order the full update sets them. */
const COLUMNS: Record<keyof InterviewFields, string> = {
  date: 'date',
  channel: 'channel',
  accountId: 'account_id',
  source: 'source',
  by: 'by',
  minutes: 'minutes',
  summary: 'summary',
  notes: 'notes',
  followUp: 'follow_up',
  followUpDone: 'follow_up_done',
  stage: 'stage',
};
const ALL_FIELDS = Object.keys(COLUMNS) as (keyof InterviewFields)[];

/** The fields the full-text index holds of an interview, with its pains and quotes (src/db/fts.ts indexValues). */
const INDEXED: readonly (keyof InterviewFields)[] = ['summary', 'notes'];

/** An interview's lists as they are written: pains with their severity, quotes and tags as text. */
export interface InterviewLists {
  pains?: Pain[];
  quotes?: string[];
  tags?: string[];
}

/** Whether a customer or prospect is among the people (ids as a JSON list): the interview is then a customer's. */
// each id of the list looked up in turn: `id IN (SELECT value FROM json_each(?))` built a temporary
// index of the list first, ~1.3 µs more at each new interview (0.13 s of an import of 100k)
const CUSTOMER_AMONG = `SELECT 1 FROM json_each(?) AS j, contacts AS c WHERE c.id = j.value
  AND c.role IN ('customer', 'prospect')`;
/**
 * A person present at an interview, with its copies of the interview's date, kind and account and of
 * the person's persona and role, which 0048 and 0051 check.
 */
// VALUES with subqueries, not INSERT … SELECT FROM interviews: the triggers on interview_contacts write
// interviews, so SQLite first copies a SELECT's rows into a temporary table, every row (an import of the
// harsh 100k: 0.7 s of this statement became 4.8 s; review wave 10 R10)
export const PEOPLE_INSERT = `INSERT OR IGNORE INTO interview_contacts
    (interview_id, contact_id, date, kind, account_id, persona, customer)
  VALUES (@interview, @contact, (SELECT date FROM interviews WHERE id = @interview),
    (SELECT kind FROM interviews WHERE id = @interview), (SELECT account_id FROM interviews WHERE id = @interview),
    (SELECT persona FROM contacts WHERE id = @contact),
    EXISTS (SELECT 1 FROM contacts WHERE id = @contact AND role IN ('customer', 'prospect')))`;
/** An interview's people made customers of: its kind first, as the rows to come copy it (0048). */
const KIND_FOR_PEOPLE = `UPDATE interviews SET kind = 'customer' WHERE id = ? AND kind = 'stakeholder' AND EXISTS (
  ${CUSTOMER_AMONG})`;

/**
 * Add people to an interview that exists (pm edit --with, and tests that build journals by SQL):
 * the interview made a customer conversation first if one of them is a customer or prospect, then
 * each row written with its copies. A row without them is refused by the schema (0048).
 */
export function addPeople(db: DB, interviewId: number, contactIds: readonly number[]): void {
  if (contactIds.length === 0) return;
  db.prepare(KIND_FOR_PEOPLE).run(interviewId, JSON.stringify(contactIds));
  const add = db.prepare(PEOPLE_INSERT);
  const joined = joinedPerson(db);
  for (const c of contactIds) if (add.run({ contact: c, interview: interviewId }).changes > 0) joined(interviewId, c);
}

/**
 * A person just added to a conversation that exists: their rows of pain_hearings, one a pain of the
 * conversation when it is a customer one and they are a customer or prospect (the view's second
 * half), and the evidence customers and totals of the hypotheses it is linked to, made again from
 * their views. Triggers on interview_contacts did this until 0063; each writer that adds a person to
 * a conversation that exists calls it after each row it added (addPeople, mergeContacts). A new
 * conversation's people need none of it (InterviewWriter.insert writes them before its pains and
 * links, whose triggers count the people present), and as triggers it was compiled at every `pm log`
 * (~0.45 ms of its people insert's prepare, docs/performance.md wave 14). test/unit/
 * pain-hearings-added.test.ts and summaries.test.ts hold it to the views.
 */
export function joinedPerson(db: DB): (interviewId: number, contactId: number) => void {
  const hearings = db.prepare(`INSERT OR IGNORE INTO pain_hearings
    SELECT p.interview_id, p.position, ic.contact_id, ic.date, p.text, ic.kind, NULL, NULL,
      (SELECT nullif(c.segment, '') FROM contacts c WHERE c.id = ic.contact_id),
      CASE p.severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END
    FROM interview_contacts ic JOIN pains p ON p.interview_id = ic.interview_id
    WHERE ic.interview_id = @interview AND ic.contact_id = @contact AND ic.kind = 'customer' AND ic.customer = 1`);
  const linked = db.prepare('SELECT 1 FROM evidence WHERE interview_id = ? LIMIT 1').pluck();
  const hypotheses = 'SELECT hypothesis_id FROM evidence WHERE interview_id = ?';
  const evidence = [
    `DELETE FROM evidence_customers WHERE hypothesis_id IN (${hypotheses})`,
    `INSERT INTO evidence_customers SELECT * FROM evidence_customers_now WHERE hypothesis_id IN (${hypotheses})`,
    `DELETE FROM evidence_totals WHERE hypothesis_id IN (${hypotheses})`,
    `INSERT INTO evidence_totals SELECT * FROM evidence_totals_now WHERE hypothesis_id IN (${hypotheses})`,
  ];
  return (interview, contact) => {
    hearings.run({ interview, contact });
    if (linked.get(interview) === undefined) return;
    for (const sql of evidence) db.prepare(sql).run(interview);
  };
}

const SQL = {
  // a new interview's kind, written by its insert (0034, 0048), not by triggers' UPDATEs after it,
  // which made every prepare compile the triggers that follow the kind (~0.7 ms at every log): its
  // channel's (indirect, given as 1), else customer when a customer or prospect is among its people
  insert: `INSERT INTO interviews (id, uuid, date, channel, kind, account_id, source, by, minutes, summary, notes,
    follow_up, follow_up_done, stage, created_at) VALUES (?, ?, ?, ?, CASE WHEN ? THEN 'indirect' WHEN EXISTS (
      ${CUSTOMER_AMONG}) THEN 'customer' ELSE 'stakeholder' END, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  delete: 'DELETE FROM interviews WHERE id = ?',
  // its id, for when it comes back (schema 43)
  remember: REMEMBER_DELETED_ID.interview,
  // a person named twice is present once; with their copies (0048, 0051)
  addPresent: PEOPLE_INSERT,
  clearPresent: 'DELETE FROM interview_contacts WHERE interview_id = ?',
  addPain: 'INSERT INTO pains (interview_id, position, text, severity) VALUES (?, ?, ?, ?)',
  addQuote: 'INSERT INTO quotes (interview_id, position, text) VALUES (?, ?, ?)',
  // tag_key: what tags are compared by (src/db/identity.ts)
  addTag: 'INSERT INTO interview_tags (interview_id, position, tag, tag_key) VALUES (?, ?, ?, ?)',
  clearPains: 'DELETE FROM pains WHERE interview_id = ?',
  clearQuotes: 'DELETE FROM quotes WHERE interview_id = ?',
  clearTags: 'DELETE FROM interview_tags WHERE interview_id = ?',
  linkReplace: `INSERT INTO evidence (hypothesis_id, interview_id, direction, strength, basis) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(hypothesis_id, interview_id)
    DO UPDATE SET direction = excluded.direction, strength = excluded.strength, basis = excluded.basis`,
  linkKeep: `INSERT OR IGNORE INTO evidence (hypothesis_id, interview_id, direction, strength, basis)
    VALUES (?, ?, ?, ?, ?)`,
  index: INDEX_INSERT,
  unindex: INDEX_DELETE,
} as const;

const LIST_SQL = {
  quotes: { add: 'addQuote', clear: 'clearQuotes' },
  tags: { add: 'addTag', clear: 'clearTags' },
} as const satisfies Record<'quotes' | 'tags', { add: keyof typeof SQL; clear: keyof typeof SQL }>;

export class InterviewWriter {
  private readonly prepared = new Map<keyof typeof SQL, Statement>();
  /** updates by the columns they set (a merge writes many interviews, each prepared once) */
  private readonly updates = new Map<string, Statement>();
  constructor(private readonly db: DB) {}

  /** Each statement prepared when first used, then reused (an import writes 100k interviews). */
  private stmt(name: keyof typeof SQL): Statement {
    let s = this.prepared.get(name);
    if (!s) {
      s = this.db.prepare(SQL[name]);
      this.prepared.set(name, s);
    }
    return s;
  }

  /**
   * A new interview with everything it holds; returns its row id (I<id>): the next one, or `id`
   * (an import into an empty journal keeps the file's display ids where they are free).
   */
  insert(uuid: string, i: InterviewContent, createdAt: string, evidence: EvidenceWrite[] = [], id?: number): number {
    const rowid = Number(
      this.stmt('insert').run(
        id ?? null,
        uuid,
        i.date,
        i.channel,
        isIndirect(i.channel) ? 1 : 0,
        JSON.stringify(i.contactIds),
        i.accountId,
        i.source,
        i.by,
        i.minutes,
        i.summary,
        i.notes,
        i.followUp,
        i.followUpDone ? 1 : 0,
        i.stage ?? null,
        createdAt,
      ).lastInsertRowid,
    );
    // before its pains and links: a person joining has nothing of them to count yet (joinedPerson)
    for (const c of i.contactIds) this.stmt('addPresent').run({ contact: c, interview: rowid });
    this.addPains(rowid, i.pains);
    this.addList(rowid, 'quotes', i.quotes);
    this.addList(rowid, 'tags', i.tags);
    for (const e of evidence) this.link(e, rowid);
    this.stmt('index').run(rowid, ...indexValues(i));
    return rowid;
  }

  /** Change an interview: its fields (those in `columns`), and the people and lists given (each replaced whole). */
  update(rowid: number, change: InterviewChange): void {
    const f = change.fields;
    const columns = ALL_FIELDS.filter((c) => !change.columns || change.columns.includes(c));
    if (columns.length > 0) {
      const value = (c: keyof InterviewFields) => (c === 'followUpDone' ? (f.followUpDone ? 1 : 0) : (f[c] ?? null));
      const sql = `UPDATE interviews SET ${columns.map((c) => `${COLUMNS[c]} = ?`).join(', ')} WHERE id = ?`;
      let update = this.updates.get(sql);
      if (!update) {
        update = this.db.prepare(sql);
        this.updates.set(sql, update);
      }
      update.run(...columns.map(value), rowid);
    }
    if (change.contactIds) {
      this.stmt('clearPresent').run(rowid);
      addPeople(this.db, rowid, change.contactIds);
    }
    const lists = change.lists ?? {};
    if (lists.pains) {
      this.stmt('clearPains').run(rowid);
      this.addPains(rowid, lists.pains);
    }
    for (const list of ['quotes', 'tags'] as const) {
      const items = lists[list];
      if (!items) continue;
      this.stmt(LIST_SQL[list].clear).run(rowid);
      this.addList(rowid, list, items);
    }
    // the index row is made of the summary, notes, pains and quotes: rewritten when one of them may change
    if (columns.some((c) => INDEXED.includes(c)) || lists.pains || lists.quotes) reindexInterview(this.db, rowid);
  }

  /** Remove an interview; its people, lists and evidence links go with it (ON DELETE CASCADE). */
  remove(rowid: number): void {
    this.stmt('remember').run(rowid);
    this.stmt('delete').run(rowid);
    this.stmt('unindex').run(rowid);
  }

  /**
   * Link an interview to a hypothesis. A link the journal already has takes the new direction,
   * strength and basis, or with `existing: 'keep'` (an import) stays as it is. Returns whether a row
   * changed.
   */
  link(e: EvidenceWrite, interviewId: number, existing: 'replace' | 'keep' = 'replace'): boolean {
    const stmt = this.stmt(existing === 'keep' ? 'linkKeep' : 'linkReplace');
    return stmt.run(e.hypothesisId, interviewId, e.direction, e.strength, e.basis ?? 'said').changes > 0;
  }

  // a list left empty prepares nothing: a statement on a table with triggers costs ~1-2 ms to prepare,
  // once per `pm log` (most log no quotes)
  private addPains(rowid: number, pains: Pain[]): void {
    if (pains.length === 0) return;
    const add = this.stmt('addPain');
    for (let position = 0; position < pains.length; position++)
      add.run(rowid, position, pains[position].text, pains[position].severity);
  }

  private addList(rowid: number, list: 'quotes' | 'tags', items: string[]): void {
    if (items.length === 0) return;
    const add = this.stmt(LIST_SQL[list].add);
    for (let position = 0; position < items.length; position++)
      if (list === 'tags') add.run(rowid, position, items[position], tagKey(items[position]));
      else add.run(rowid, position, items[position]);
  }
}
