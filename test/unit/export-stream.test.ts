// Whole-journal exports are written an interview at a time as they are read (issue 18): the JSON
// and CSV texts must be those of the whole document made at once, on journals of both bench
// shapes, for the whole journal and a range, redacted or not; and the spool that holds them until
// the journal is let go must give back every byte, in memory or spilled to its unnamed file.
// Each record's version is read with it (a join on record_versions' key): the document must carry
// the versions a map of every record's version (what the export read before) gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import {
  csvInterviews,
  exportJournal,
  exportParts,
  interviewTexts,
  markdownRecords,
  peopleForRedaction,
  WHOLE_JOURNAL,
} from '../../src/db/exchange.js';
import { makeRedactor, redactDocument, redactInterview } from '../../src/core/redact.js';
import { interviewsCsv } from '../../src/render/csv.js';
import { writeCsv, writeJson } from '../../src/commands/export.js';
import { Spool, SPOOL_IN_MEMORY } from '../../src/files.js';
import { generatedJournal } from '../fixtures/generated-journal.js';
import { ORIGIN_VERSION } from '../../src/core/versions.js';
import type { JournalDoc } from '../../src/core/import-validate.js';

/**
 * The simple path: every record's version in one map, looked up for each record of a document read
 * without versions; the whole journal's tombstones and settings from the map, sorted by kind and key.
 */
function withVersionsFromMap(db: DB, doc: JournalDoc, whole: boolean): JournalDoc {
  const rows = db.prepare('SELECT kind, key, version, vv, deleted, merged_into FROM record_versions').all() as {
    kind: string;
    key: string;
    version: string;
    vv: string;
    deleted: number;
    merged_into: string | null;
  }[];
  const map = new Map(rows.map((r) => [`${r.kind}/${r.key}`, r]));
  // an account's or contact's field stamps (schema 35): those set, in the order of their names
  const stamps = new Map(
    (
      db.prepare('SELECT kind, key, fields FROM field_versions').all() as {
        kind: string;
        key: string;
        fields: string;
      }[]
    ).map((r) => [
      `${r.kind}/${r.key}`,
      Object.fromEntries(
        Object.entries(JSON.parse(r.fields) as Record<string, string | null>)
          .filter(([, v]) => typeof v === 'string')
          .sort(([x], [y]) => (x < y ? -1 : 1)),
      ),
    ]),
  );
  const add = <T extends object>(
    kind: string,
    list: T[],
    key: (d: T) => string = (d) => (d as { uuid: string }).uuid,
  ) =>
    list.map((d): T => {
      const {
        rev: _r,
        vv: _v,
        fieldVersions: _f,
        ...plain
      } = d as T & { rev?: string; vv?: unknown; fieldVersions?: unknown };
      const v = map.get(`${kind}/${key(d)}`);
      if (!v || v.version === ORIGIN_VERSION) return plain as T;
      const versioned = { ...plain, rev: v.version, vv: JSON.parse(v.vv) };
      if (kind !== 'account' && kind !== 'contact') return versioned as T;
      return { ...versioned, fieldVersions: stamps.get(`${kind}/${key(d)}`) ?? {} } as T;
    });
  const sorted = [...rows].sort((a, b) =>
    a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  return {
    ...doc,
    accounts: add('account', doc.accounts),
    contacts: add('contact', doc.contacts),
    interviews: add('interview', doc.interviews),
    hypotheses: add('hypothesis', doc.hypotheses),
    evidence: add('evidence', doc.evidence, (e) => `${e.interviewUuid}/${e.hypothesisUuid}`),
    outcomes: add('outcome', doc.outcomes),
    opportunities: add('opportunity', doc.opportunities),
    settings: whole
      ? sorted
          .filter((v) => v.kind === 'setting' && !v.deleted && v.key !== 'user.name')
          .map((v) => ({
            key: v.key as never,
            value: doc.config[v.key as keyof JournalDoc['config']] as string | number,
            ...(v.version === ORIGIN_VERSION ? {} : { rev: v.version, vv: JSON.parse(v.vv) }),
          }))
      : [],
    deleted: whole
      ? sorted
          .filter((v) => v.deleted && v.kind !== 'erasure')
          .map((v) => ({
            kind: v.kind as never,
            key: v.key,
            rev: v.version,
            vv: JSON.parse(v.vv),
            ...(v.merged_into ? { mergedInto: v.merged_into } : {}),
          }))
      : [],
  };
}

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
    // records changed here after the import (the triggers give them versions of this journal),
    // deleted (tombstones), and a setting changed: imported records alone carry no version
    db.exec(`UPDATE interviews SET summary = summary || ' (edited)' WHERE id % 5 = 0;
      UPDATE interviews SET notes = 'a "quote", a \\ and a tab' || char(9, 10, 13, 1, 8, 12, 31, 127, 8232, 8233, 128512)
        || ' </script>' WHERE id % 7 = 0;
      UPDATE interviews SET minutes = NULL, follow_up_done = 1 WHERE id % 13 = 0;
      UPDATE accounts SET segment = 'enterprise' WHERE id % 3 = 0;
      UPDATE contacts SET persona = 'ops lead' WHERE id % 4 = 0;
      UPDATE hypotheses SET criteria = 'ten say yes' WHERE id % 2 = 0;
      UPDATE evidence SET strength = 'strong' WHERE interview_id % 3 = 0;
      DELETE FROM evidence WHERE interview_id % 11 = 0;
      DELETE FROM outcomes WHERE id % 2 = 0;
      INSERT OR REPLACE INTO config (key, value) VALUES ('cadence.target', '3');
      INSERT INTO opportunities (uuid, name, key) VALUES ('0000-opp', 'Faster exports', 'faster exports');
      UPDATE hypotheses SET uuid = '00000000-0000-4000-8000-' || printf('%012d', 1000 - id) WHERE id % 2 = 1;
      UPDATE contacts SET uuid = '00000000-0000-4000-8000-' || printf('%012d', 1000 - id) WHERE id % 2 = 1;
      INSERT OR IGNORE INTO evidence (hypothesis_id, interview_id, direction)
        SELECT h.id, i.id, 'supports' FROM interviews i, hypotheses h WHERE i.id % 10 = 0 AND h.id IN (2, 3);
      UPDATE interviews SET summary = '=1+2, "sum"', by = char(9) || 'tab, first', stage = '-late' WHERE id % 17 = 0;
      UPDATE pains SET text = '@semi; colon \\ back' WHERE interview_id % 9 = 0 AND position = 0;
      UPDATE quotes SET text = char(13) || 'CR first' WHERE interview_id % 6 = 0;
      UPDATE interview_tags SET tag = '+tag;x' WHERE interview_id % 8 = 0 AND position = 0;
      UPDATE contacts SET name = '-Ann "the" one, ok;', email = NULL WHERE id % 6 = 0;
      UPDATE contacts SET email = '' WHERE id = 5;
      UPDATE contacts SET email = '=x@example.com' WHERE id = 7;`);
    // cells a spreadsheet would take for a formula, quoted, with list separators, empty (CSV)
    // UUIDs in another order than row ids, as merged journals have them (the export orders people
    // and links by UUID), and interviews linked to H2 and H3, whose UUIDs are in the other order
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
        if (!redactor) {
          // the interviews as text made by SQLite, as pm export writes them when not redacted
          let fromTexts = '';
          writeJson(head, interviewTexts(db, range), (t) => {
            fromTexts += t;
          });
          expect(fromTexts).toBe(json);
        }
        for (const raw of [false, true]) {
          let csv = '';
          const rows = writeCsv(db, range, redactor, raw, (t) => {
            csv += t;
          });
          expect(csv).toBe(interviewsCsv(doc, raw));
          expect(rows).toBe(doc.interviews.length);
          // follow_up_answered_by (the last column) is filled somewhere, by the SQL and the simple path alike
          if (range === WHOLE_JOURNAL) expect(csv).toMatch(/,I\d+\r\n/);
          // and the cells made above are there, made safe for a spreadsheet unless raw
          if (range === WHOLE_JOURNAL && !redactor) expect(csv).toContain(`,"${raw ? '' : "'"}=1+2, ""sum""",`);
        }
        if (range !== ranges['a range with no interviews']) expect(doc.interviews.length).toBeGreaterThan(5);
      }
    },
  );

  it("the JSON and CSV exports' whole journal name people and links from one read of them all, as a range does", () => {
    // the same days as a range: each interview's people and links read and sorted with it by SQLite
    // (the simple path); the whole journal's by row id, named and sorted from one read of every
    // contact and hypothesis
    const all = { whole: false, start: WHOLE_JOURNAL.start, end: WHOLE_JOURNAL.end };
    const fast = [...exportParts(db, WHOLE_JOURNAL, AT).interviews()];
    expect(fast).toEqual([...exportParts(db, all, AT).interviews()]);
    expect(fast.filter((i) => i.contactUuids.length > 1).length).toBeGreaterThan(0);
    const fastRows = [...csvInterviews(db, WHOLE_JOURNAL)];
    expect(fastRows).toEqual([...csvInterviews(db, all)]);
    // people and links in UUID order, not row ids' (the UUIDs above were put in another order)
    const unordered = (xs: string[]) => xs.some((x, n) => n > 0 && Number(xs[n - 1].slice(1)) > Number(x.slice(1)));
    expect(fastRows.some((i) => unordered(i.links.map((l) => l.link.split(':')[0])))).toBe(true);
    expect(fastRows.some((i) => i.people.length > 1)).toBe(true);
  });

  it("the markdown export's whole journal names its interviews' contacts from one read of them all, as a range does", () => {
    // the same days as a range: each interview's contacts read with it by name (the simple path)
    const all = { whole: false, start: WHOLE_JOURNAL.start, end: WHOLE_JOURNAL.end };
    const fast = [...markdownRecords(db, WHOLE_JOURNAL).interviews()];
    expect(fast).toEqual([...markdownRecords(db, all).interviews()]);
    expect(fast.filter((i) => i.contacts.length > 0).length).toBeGreaterThan(100);
    expect(fast.filter((i) => i.contacts.length > 1).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(ranges))('%s: every record with the version a map of them all gives', (_r, range) => {
    const doc = exportJournal(db, range, AT);
    expect(doc).toEqual(withVersionsFromMap(db, doc, range.whole));
    // and the same bytes, key order included
    expect(JSON.stringify(doc)).toBe(JSON.stringify(withVersionsFromMap(db, doc, range.whole)));
    if (range === ranges['a range with no interviews']) return;
    const versioned = [...doc.interviews, ...doc.accounts, ...doc.contacts, ...doc.evidence, ...doc.hypotheses];
    expect(versioned.filter((d) => 'rev' in d).length).toBeGreaterThan(10);
    expect(versioned.filter((d) => !('rev' in d)).length).toBeGreaterThan(10);
    if (range.whole) {
      expect(doc.deleted.length).toBeGreaterThan(5);
      expect(doc.settings.some((s) => s.key === 'cadence.target' && s.rev)).toBe(true);
    }
  });
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
