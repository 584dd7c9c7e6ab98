// One write path for interviews (src/db/interview-writer.ts): what `pm log` and `pm import` store for
// the same interview is the same, row for row (people, lists numbered from 0, evidence, search index),
// `pm edit` keeps that numbering, and the index row always equals one rebuilt from the stored text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newUuid, openForWrite, type DB } from '../../src/db/journal.js';
import { importJournal, journalLookup } from '../../src/db/import.js';
import { validateDocument } from '../../src/core/import-validate.js';
import { WHOLE_JOURNAL, exportJournal } from '../../src/db/exchange.js';
import { InterviewWriter, type InterviewContent } from '../../src/db/interview-writer.js';
import { loadInterview } from '../../src/db/interviews.js';
import { reindexInterview } from '../../src/db/fts.js';

let dir: string;
let db: DB;
let account: number;
let ann: number;
let bo: number;
let hypothesis: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-writer-'));
  db = openForWrite(join(dir, 'j.db')).db;
  const insert = (sql: string, ...values: unknown[]) =>
    Number(db.prepare(sql).run(newUuid(db), ...values).lastInsertRowid);
  account = insert('INSERT INTO accounts (uuid, name) VALUES (?, ?)', 'Acme');
  const contact = (name: string, role: string) =>
    insert('INSERT INTO contacts (uuid, name, account_id, role) VALUES (?, ?, ?, ?)', name, account, role);
  ann = contact('Ann Lee', 'customer');
  bo = contact('Bo Chan', 'stakeholder');
  hypothesis = insert(
    'INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES (?, ?, ?, ?)',
    'Finance wants CSV',
    '2026-01-01',
    '2026-02-01',
  );
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const content = (over: Partial<InterviewContent> = {}): InterviewContent => ({
  date: '2026-01-10',
  channel: 'call',
  accountId: account,
  source: null,
  by: 'dana',
  minutes: 30,
  summary: 'Exports are slow',
  notes: 'They export every Friday.\nIt takes an hour.',
  followUp: '2026-01-17',
  followUpDone: false,
  contactIds: [ann, bo],
  pains: [
    { text: 'slow export', severity: 'high' },
    { text: 'manual merge', severity: 'medium' },
    { text: 'no CSV', severity: 'blocker' },
  ],
  quotes: ['"It takes an hour"', '"We paste into Excel"'],
  tags: ['export', 'finance'],
  ...over,
});

/** What is stored for an interview apart from its ids: people, lists with their positions, evidence, index row. */
function stored(rowid: number) {
  const rows = (sql: string) => db.prepare(sql).raw().all(rowid);
  return {
    interview: db
      .prepare(`SELECT date, channel, kind, account_id, by, minutes, summary, notes, follow_up, follow_up_done
        FROM interviews WHERE id = ?`)
      .get(rowid),
    people: rows('SELECT contact_id FROM interview_contacts WHERE interview_id = ? ORDER BY contact_id'),
    pains: rows('SELECT position, text, severity FROM pains WHERE interview_id = ? ORDER BY position'),
    quotes: rows('SELECT position, text FROM quotes WHERE interview_id = ? ORDER BY position'),
    tags: rows('SELECT position, tag FROM interview_tags WHERE interview_id = ? ORDER BY position'),
    evidence: rows('SELECT hypothesis_id, direction, strength, date, kind FROM evidence WHERE interview_id = ?'),
    index: rows('SELECT summary, notes, pains, quotes FROM interviews_fts WHERE rowid = ?'),
  };
}

const indexRow = (rowid: number) =>
  db.prepare('SELECT summary, notes, pains, quotes FROM interviews_fts WHERE rowid = ?').raw().all(rowid);

describe('the interview writer', () => {
  it('stores an interview whole: people, lists numbered from 0, evidence, and its index row', () => {
    const rowid = new InterviewWriter(db).insert('i-1', content(), '2026-01-10T12:00:00Z', [
      { hypothesisId: hypothesis, direction: 'supports', strength: 'strong' },
    ]);
    const s = stored(rowid);
    expect(s.pains).toEqual([
      [0, 'slow export', 'high'],
      [1, 'manual merge', 'medium'],
      [2, 'no CSV', 'blocker'],
    ]);
    expect(s.tags).toEqual([
      [0, 'export'],
      [1, 'finance'],
    ]);
    expect(s.evidence).toEqual([[hypothesis, 'supports', 'strong', '2026-01-10', 'customer']]);
    const record = loadInterview(db, rowid)!;
    expect(record).toMatchObject({
      with: ['Ann Lee', 'Bo Chan'],
      kind: 'customer',
      pains: content().pains,
      quotes: content().quotes,
      tags: content().tags,
      evidence: [{ hypothesis: `H${hypothesis}`, direction: 'supports', strength: 'strong' }],
    });
    const written = indexRow(rowid);
    reindexInterview(db, rowid);
    expect(indexRow(rowid)).toEqual(written);
    expect(written[0]).toEqual([
      'Exports are slow',
      content().notes,
      'slow export\nmanual merge\nno CSV',
      '"It takes an hour"\n"We paste into Excel"',
    ]);
  });

  it('stores what pm import stores for the same interview, row for row', () => {
    const logged = new InterviewWriter(db).insert('i-logged', content(), '2026-01-10T12:00:00Z', [
      { hypothesisId: hypothesis, direction: 'refutes', strength: 'weak' },
    ]);
    // the same interview under another UUID, through an export document and pm import
    const doc = exportJournal(db, WHOLE_JOURNAL, '2026-01-11T00:00:00Z');
    const uuid = newUuid(db);
    const file = {
      ...doc,
      interviews: [{ ...doc.interviews[0], uuid }],
      evidence: [{ ...doc.evidence[0], interviewUuid: uuid }],
    };
    db.transaction(() => importJournal(db, validateDocument(file, journalLookup(db)))).immediate();
    const imported = db.prepare('SELECT id FROM interviews WHERE uuid = ?').pluck().get(uuid) as number;
    expect(imported).toBeGreaterThan(logged);
    expect(stored(imported)).toEqual(stored(logged));
  });

  it('edits keep the numbering from 0, replace the people, and the index follows the text', () => {
    const writer = new InterviewWriter(db);
    const rowid = writer.insert('i-1', content(), '2026-01-10T12:00:00Z');
    const fields = { ...content(), summary: 'Exports are slow and error-prone', channel: 'video' as const };
    writer.update(rowid, {
      fields,
      contactIds: [bo],
      lists: {
        pains: [
          { text: 'errors', severity: 'low' },
          { text: 'slow export', severity: 'medium' },
        ],
        tags: [],
      },
    });
    const s = stored(rowid);
    expect(s.pains).toEqual([
      [0, 'errors', 'low'],
      [1, 'slow export', 'medium'],
    ]);
    expect(s.tags).toEqual([]);
    expect(s.quotes).toEqual(stored(writer.insert('i-2', content(), '2026-01-10T12:00:00Z')).quotes);
    expect(s.people).toEqual([[bo]]);
    expect(s.interview).toMatchObject({ kind: 'stakeholder', channel: 'video' });
    expect(s.index[0]).toEqual([
      'Exports are slow and error-prone',
      content().notes,
      'errors\nslow export',
      '"It takes an hour"\n"We paste into Excel"',
    ]);
  });

  it('removes an interview with its lists, links and index row', () => {
    const writer = new InterviewWriter(db);
    const rowid = writer.insert('i-1', content(), '2026-01-10T12:00:00Z', [
      { hypothesisId: hypothesis, direction: 'supports', strength: 'medium' },
    ]);
    writer.remove(rowid);
    expect(stored(rowid)).toEqual({
      interview: undefined,
      people: [],
      pains: [],
      quotes: [],
      tags: [],
      evidence: [],
      index: [],
    });
  });

  it('links evidence replacing a link the journal has, or keeping it (as an import does)', () => {
    const writer = new InterviewWriter(db);
    const rowid = writer.insert('i-1', content(), '2026-01-10T12:00:00Z');
    const link = (direction: 'supports' | 'refutes', strength: 'weak' | 'strong', existing: 'replace' | 'keep') =>
      writer.link({ hypothesisId: hypothesis, direction, strength }, rowid, existing);
    expect(link('supports', 'weak', 'replace')).toBe(true);
    expect(link('refutes', 'strong', 'keep')).toBe(false);
    expect(stored(rowid).evidence).toEqual([[hypothesis, 'supports', 'weak', '2026-01-10', 'customer']]);
    expect(link('refutes', 'strong', 'replace')).toBe(true);
    expect(stored(rowid).evidence).toEqual([[hypothesis, 'refutes', 'strong', '2026-01-10', 'customer']]);
  });
});
