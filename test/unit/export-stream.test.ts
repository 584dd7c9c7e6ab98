// Whole-journal exports are written an interview at a time as they are read (issue 18): the JSON
// and CSV texts must be those of the whole document made at once, on journals of both bench
// shapes, for the whole journal and a range, redacted or not; and the spool that holds them until
// the journal is let go must give back every byte, in memory or spilled to its unnamed file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import { exportJournal, exportParts, peopleForRedaction, WHOLE_JOURNAL } from '../../src/db/exchange.js';
import { makeRedactor, redactDocument, redactInterview } from '../../src/core/redact.js';
import { interviewsCsv, interviewsCsvRecords } from '../../src/render/csv.js';
import { writeJson } from '../../src/commands/export.js';
import { Spool, SPOOL_IN_MEMORY } from '../../src/files.js';
import { generatedJournal } from '../fixtures/generated-journal.js';

const shapes = {
  today: { accounts: 30, contacts: 90, hypotheses: 60, seed: 8, shape: 'today' },
  harsh: { accounts: 150, contacts: 300, hypotheses: 90, seed: 9, shape: 'harsh' },
} as const;
const AT = '2026-11-20T12:00:00Z';
const ranges = {
  'the whole journal': WHOLE_JOURNAL,
  'a month': { whole: false, start: '2026-10-01', end: '2026-10-31' },
  'a range with no interviews': { whole: false, start: '1999-01-01', end: '1999-01-31' },
};

describe.each(Object.entries(shapes))('exports of a journal of the %s shape', (_shape, opts) => {
  let journal: ReturnType<typeof generatedJournal>;
  let db: DB;
  beforeAll(() => {
    journal = generatedJournal(600, opts);
    db = journal.db;
  });
  afterAll(() => journal.close());

  it.each(Object.entries(ranges))(
    '%s: JSON and CSV, plain and redacted, as the whole document gives them',
    (_r, range) => {
      const people = peopleForRedaction(db);
      for (const redactor of [null, makeRedactor(people.contacts, people.accounts, 'all', people.interviewers)]) {
        const whole = exportJournal(db, range, AT);
        const doc = redactor ? redactDocument(whole, redactor) : whole;
        const parts = exportParts(db, range, AT);
        const head = redactor ? redactDocument(parts.doc, redactor) : parts.doc;
        const each = () => [...parts.interviews()].map((i) => (redactor ? redactInterview(i, redactor) : i));
        let json = '';
        writeJson(head, each(), (t) => {
          json += t;
        });
        expect(json).toBe(`${JSON.stringify(doc, null, 2)}\n`);
        for (const raw of [false, true])
          expect([...interviewsCsvRecords(head, each(), raw)].join('')).toBe(interviewsCsv(doc, raw));
        if (range !== ranges['a range with no interviews']) expect(doc.interviews.length).toBeGreaterThan(5);
      }
    },
  );
});

describe('the spool', () => {
  // a piece is good until the next is asked for (a spilled spool reads into one buffer): copied
  const drained = (spool: Spool) => {
    const pieces: Buffer[] = [];
    for (const piece of spool.drain()) pieces.push(Buffer.from(piece));
    return Buffer.concat(pieces).toString('utf8');
  };

  it('gives back what was written, kept in memory', () => {
    const spool = new Spool();
    const pieces = ['héllo ', 'wörld\n', 'x'.repeat(70_000), '✓'];
    for (const p of pieces) spool.write(p);
    expect(drained(spool)).toBe(pieces.join(''));
  });

  it('gives back every byte once more than it keeps in memory was written (spilled to its file)', () => {
    const spool = new Spool();
    const line = (k: number) => `${k} ${'ünïcödé '.repeat(k % 50)}\n`;
    let all = '';
    for (let k = 0; all.length < SPOOL_IN_MEMORY * 1.3; k++) {
      spool.write(line(k));
      all += line(k);
    }
    expect(Buffer.byteLength(all)).toBeGreaterThan(SPOOL_IN_MEMORY);
    const back = drained(spool);
    expect(back.length).toBe(all.length);
    expect(back === all).toBe(true);
  });
});
