// A period's markdown export takes most interviews as the lines SQLite made of them (src/db/exchange.ts
// MD_INTERVIEW_TEXTS), each typed text in them tested by the renderer (src/render/markdown.ts typedPlain),
// and reads the others the simple way, as the whole journal's export and a redacted one read every one.
// Whatever the journal and period, the document must be the one the simple way makes. On journals of both
// bench shapes, with interviews whose texts need escaping among the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, type DB } from '../../src/db/journal.js';
import { markdownRecords, type ExportRange } from '../../src/db/exchange.js';
import { markdown, type ExportScope } from '../../src/commands/export.js';
import { resolvePeriod } from '../../src/core/report.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

/** The export's markdown of a period, its interviews read as `lines` says. */
function document(
  db: DB,
  flags: { week?: string; month?: string; since?: string; until?: string },
  asOf: string,
  simple: boolean,
) {
  const period = resolvePeriod(flags, asOf, 'monday', 'export');
  const end = period.end < asOf ? period.end : asOf;
  const scope: ExportScope = { period, asOf, range: { whole: false, start: period.start, end }, today: asOf };
  let text = '';
  let fast = 0;
  const read = (d: DB, range: ExportRange) => {
    const records = markdownRecords(d, range);
    return simple
      ? { ...records, lines: () => records.interviews() }
      : {
          ...records,
          *lines(asTyped: (lines: string) => boolean) {
            for (const i of records.lines(asTyped)) {
              if (Array.isArray(i)) fast++;
              yield i;
            }
          },
        };
  };
  const count = db.transaction(() =>
    markdown(
      db,
      scope,
      readConfig(db),
      null,
      false,
      (chunk) => {
        text += chunk;
      },
      read,
    ),
  )();
  return { text, fast, count };
}

const PERIODS: [string, { week?: string; month?: string; since?: string; until?: string }, string][] = [
  ['the last week', { week: '2026-W47' }, '2026-11-20'],
  ['a past month', { month: '2025-06' }, '2026-11-20'],
  ['the last month, as of a day in it', { month: '2026-11' }, '2026-11-12'],
  ['a year', { since: '2025-11-01', until: '2026-11-20' }, '2026-11-20'],
];

for (const shape of ['today', 'harsh'] as const)
  describe(`the markdown export's interview lines (${shape}'s shape)`, () => {
    let journal: ReturnType<typeof generatedJournal>;
    let db: DB;
    beforeAll(() => {
      const { size, ...opts } = SHAPES[shape];
      journal = generatedJournal(size, opts);
      db = journal.db;
      const ids = db
        .prepare("SELECT id FROM interviews WHERE date BETWEEN '2026-11-01' AND '2026-11-20' ORDER BY date, id")
        .pluck()
        .all() as number[];
      const set = (sql: string, id: number | undefined) => db.prepare(sql).run({ id });
      // texts mdInline escapes, one a kind, each on an interview between others (the rows after it go on)
      set("UPDATE interviews SET summary = '# not a heading' WHERE id = @id", ids[1]);
      set("UPDATE interviews SET by = 'ops@acme.test', minutes = 1 WHERE id = @id", ids[3]);
      set(
        "UPDATE interviews SET stage = ' expand', follow_up = '2026-11-30', follow_up_done = 1 WHERE id = @id",
        ids[5],
      );
      set("INSERT INTO interview_tags (interview_id, position, tag) VALUES (@id, 9, 'a_b')", ids[6]);
      set("UPDATE pains SET text = text || ' ' WHERE interview_id = @id", ids[7]);
      set("INSERT INTO quotes (interview_id, position, text) VALUES (@id, 9, 'see www.acme.test')", ids[8]);
      set("UPDATE interviews SET summary = 'Exports:slow', by = NULL, minutes = NULL WHERE id = @id", ids[9]);
      set("UPDATE interviews SET summary = '1. first' WHERE id = @id", ids[ids.length - 1]);
      // texts left as they are: a stage, a colon before a blank, notes with a fence in them
      set("UPDATE interviews SET stage = 'expand', summary = 'Exports: slow' WHERE id = @id", ids[2]);
      set(
        "UPDATE interviews SET notes = 'Ran ```sql``` by hand' || char(10) || '  - kept', stage = '' WHERE id = @id",
        ids[4],
      );
      // a signal with evidence: its heading and its evidence lines say it is no customer contact
      const linked = db
        .prepare(
          "SELECT max(e.interview_id) FROM evidence e JOIN interviews i ON i.id = e.interview_id WHERE i.date BETWEEN '2026-11-01' AND '2026-11-12'",
        )
        .pluck()
        .get() as number;
      set("UPDATE interviews SET channel = 'survey' WHERE id = @id", linked);
      // a contact whose UUID sorts before the other's though made after it, on one interview
      const two = db
        .prepare(
          'SELECT interview_id FROM interview_contacts GROUP BY interview_id HAVING count(*) > 1 ORDER BY 1 DESC LIMIT 1',
        )
        .pluck()
        .get() as number;
      const last = db.prepare('SELECT max(contact_id) FROM interview_contacts WHERE interview_id = ?').pluck().get(two);
      db.prepare("UPDATE contacts SET uuid = '00000000-0000-7000-8000-000000000000' WHERE id = ?").run(last);
    });
    afterAll(() => journal.close());

    for (const [name, flags, asOf] of PERIODS)
      it(`writes ${name} as the simple way does`, () => {
        const fast = document(db, flags, asOf, false);
        const simple = document(db, flags, asOf, true);
        expect(fast.count).toBeGreaterThan(0);
        expect(fast.text).toBe(simple.text);
        // most interviews come as lines, and not those whose texts need escaping
        expect(fast.fast).toBeGreaterThan(fast.count / 2);
        if (name === 'the last week' || name === 'the last month, as of a day in it')
          expect(fast.fast).toBeLessThan(fast.count);
      });

    it('writes the escaped texts escaped', () => {
      const { text } = document(db, { month: '2026-11' }, '2026-11-20', false);
      expect(text).toContain('- **Summary:** \\# not a heading');
      expect(text).toContain('- **By:** ops@<!-- -->acme.test · 1 minute');
      expect(text).toContain('- **Stage:** expand\n- **Follow-up:** 2026-11-30 (done)');
      expect(text).toContain('a\\_b');
      expect(text).toContain('- **Summary:** Exports:slow\n');
      expect(text).toContain('- **By:** unknown\n- **Summary:** Exports:slow');
      expect(text).toContain('- **Summary:** 1\\. first');
      expect(text).toMatch(/^### I\d+ · 2026-11-\d\d · survey with .* · a signal: not customer contact$/m);
      expect(text).toMatch(/^- \*\*I\d+\*\* 2026-11-\d\d .* \[second-hand: not counted\]$/m);
    });
  });
