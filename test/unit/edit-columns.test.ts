// `pm edit` writes only the interview's fields its flags give (src/commands/edit.ts editedColumns),
// so that SQLite compiles and runs only the triggers that follow those columns. It must leave the
// journal as writing every field did (the simple path: applyEdit with 'all'): every table the
// same, the full-text index the same, the same interviews marked changed for sync. On journals of
// both bench shapes, each edit on two copies of one journal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import { applyEdit, planEdit, type EditOptions } from '../../src/commands/edit.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

const TODAY = '2026-11-20';
const STAGES = ['aware', 'evaluate', 'adopt'];

/** Every table as rows of text, sorted; what depends on the clock (sync versions) left out. */
function dump(db: DB): Record<string, string[]> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'interviews_fts%' AND name <> 'sync_clock' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const out: Record<string, string[]> = {};
  const rows = (sql: string) => (db.prepare(sql).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  for (const t of tables)
    out[t] = rows(
      t === 'record_versions'
        ? 'SELECT kind, key, deleted, merged_into, dirty FROM record_versions'
        : `SELECT * FROM "${t}"`,
    );
  // the index as searched: its rows, and what a few words find
  out.interviews_fts = rows('SELECT rowid, * FROM interviews_fts');
  for (const word of ['hour', 'export', 'hurts', 'invoices'])
    out[`search ${word}`] = rows(`SELECT rowid FROM interviews_fts WHERE interviews_fts MATCH '${word}'`);
  return out;
}

/**
 * The tables where the journal `fast` differs from `simple`, compared by SQLite: `fast` attached to
 * `simple`'s connection, each table's rows (as dump() reads them) counted +1 in one journal and -1
 * in the other, by value, the index's rows too, and what the words find. The same test as dump()
 * equal, for a fraction of the CPU: dumping both 1,500-interview journals into JavaScript for each
 * edit was most of this file's (docs/development.md, "Speed"); a test that finds a difference dumps
 * them, so that its failure shows the rows.
 */
function differingTables(simple: DB, fast: DB): string[] {
  const tables = (db: DB, schema: string) =>
    db
      .prepare(
        `SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'interviews_fts%' AND name <> 'sync_clock' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
  simple.prepare('ATTACH ? AS fast').run(fast.name);
  try {
    const names = tables(simple, 'main');
    if (JSON.stringify(tables(simple, 'fast')) !== JSON.stringify(names)) return ['(the list of tables)'];
    const differing: string[] = [];
    const columns = (t: string) =>
      t === 'record_versions'
        ? ['kind', 'key', 'deleted', 'merged_into', 'dirty']
        : (simple.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]);
    for (const t of [...names, 'interviews_fts']) {
      const cols = (t === 'interviews_fts' ? ['rowid', ...columns(t)] : columns(t)).map((c) => `"${c}"`).join(', ');
      // each row counted +1 in one journal and -1 in the other: a row left over is one they differ by
      const leftOver = simple
        .prepare(
          // (the sum named pm_n: a table's own column n, as coverage_days has, would be read for it)
          `SELECT count(*) FROM (SELECT ${cols}, sum(pm_side) AS pm_n FROM (SELECT ${cols}, 1 AS pm_side FROM main."${t}"
           UNION ALL SELECT ${cols}, -1 FROM fast."${t}") GROUP BY ${cols} HAVING pm_n <> 0)`,
        )
        .pluck()
        .get() as number;
      if (leftOver > 0) differing.push(t);
    }
    const found = (db: DB, word: string) =>
      JSON.stringify(
        db.prepare(`SELECT rowid FROM interviews_fts WHERE interviews_fts MATCH ? ORDER BY rowid`).all(word),
      );
    for (const word of ['hour', 'export', 'hurts', 'invoices'])
      if (found(simple, word) !== found(fast, word)) differing.push(`search ${word}`);
    return differing;
  } finally {
    simple.exec('DETACH fast');
  }
}

/** Every table of `fast` as in `simple`; when one differs, the dumps compared, to show where. */
function expectSameTables(simple: DB, fast: DB): void {
  const differing = differingTables(simple, fast);
  if (differing.length > 0) expect(dump(fast)).toEqual(dump(simple));
  expect(differing).toEqual([]);
}

/** The interviews' versions, to tell which ones an edit marked changed. */
const versions = (db: DB) =>
  new Map(
    (
      db.prepare("SELECT key, version FROM record_versions WHERE kind = 'interview'").all() as {
        key: string;
        version: string;
      }[]
    ).map((r) => [r.key, r.version]),
  );

describe.each(Object.entries(SHAPES))('pm edit on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let simple: ReturnType<typeof generatedJournal>;
  let fast: ReturnType<typeof generatedJournal>;
  beforeAll(() => {
    simple = generatedJournal(size, opts);
    fast = generatedJournal(size, opts);
  });
  afterAll(() => {
    simple.close();
    fast.close();
  });

  const pick = (where: string, offset = 0) =>
    simple.db.prepare(`SELECT id FROM interviews WHERE ${where} ORDER BY id LIMIT 1 OFFSET ?`).pluck().get(offset) as
      | number
      | undefined;
  const direct = "channel IN ('call', 'video', 'visit', 'chat', 'email', 'event')";
  const withPeople = `${direct} AND id IN (SELECT interview_id FROM interview_contacts)`;
  const colleagueOf = (id: number) =>
    simple.db
      .prepare(
        `SELECT c.name FROM contacts c JOIN interviews i ON i.account_id = c.account_id
         WHERE i.id = ? AND c.name_key NOT IN (SELECT name_key FROM contacts GROUP BY name_key HAVING count(*) > 1)
         ORDER BY c.id LIMIT 1`,
      )
      .pluck()
      .get(id) as string;

  const edits: [string, () => [number | undefined, EditOptions]][] = [
    ['--minutes', () => [pick(withPeople, 1), { minutes: '45' }]],
    ['--summary', () => [pick(withPeople, 2), { summary: 'Exports take an hour, every week' }]],
    ['--date', () => [pick(`${withPeople} AND (follow_up IS NULL OR follow_up_done = 1)`, 3), { date: '2026-01-02' }]],
    ['--tag, replacing the tags', () => [pick('id IN (SELECT interview_id FROM interview_tags)'), { tag: ['export'] }]],
    ['--pain', () => [pick(withPeople, 4), { pain: ['slow exports:high'] }]],
    ['--quote and --by', () => [pick(withPeople, 5), { quote: ['It hurts every Friday'], by: 'Sam Writer' }]],
    ['--follow-up done', () => [pick('follow_up IS NOT NULL AND follow_up_done = 0'), { followUp: 'done' }]],
    ['--follow-up a day', () => [pick(withPeople, 6), { followUp: '2026-12-01' }]],
    ['--clear notes and tags', () => [pick('notes IS NOT NULL', 1), { clear: ['notes', 'tags'] }]],
    ['--stage', () => [pick(withPeople, 7), { stage: 'evaluate' }]],
    ['--channel to a signal with a source', () => [pick(withPeople, 8), { channel: 'support', source: 'Zendesk' }]],
    [
      '--channel between direct ones',
      () => [pick("channel = 'call' AND id IN (SELECT interview_id FROM interview_contacts)"), { channel: 'video' }],
    ],
  ];
  it.each(edits)('%s: the same journal as writing every field', (_what, make) => {
    const [id, options] = make();
    expect(id).toBeDefined();
    const plan = planEdit(options, TODAY);
    const before = new Map([simple.db, fast.db].map((db) => [db, versions(db)]));
    const a = simple.db.transaction(() => applyEdit(simple.db, id!, plan, STAGES, 'all'))();
    const b = fast.db.transaction(() => applyEdit(fast.db, id!, plan, STAGES))();
    expect(b).toEqual(a);
    expectSameTables(simple.db, fast.db);
    // the same interviews marked changed (versions differ by the clock, not by which changed)
    const changed = (db: DB) => [...versions(db)].filter(([k, v]) => before.get(db)!.get(k) !== v).map(([k]) => k);
    expect(changed(fast.db)).toEqual(changed(simple.db));
    expect(changed(fast.db).length).toBeGreaterThan(0);
  });

  it('--with someone of the account: the same people, account and summaries', () => {
    const id = pick(withPeople, 9)!;
    const plan = planEdit({ with: [colleagueOf(id)] }, TODAY);
    const a = simple.db.transaction(() => applyEdit(simple.db, id, plan, STAGES, 'all'))();
    const b = fast.db.transaction(() => applyEdit(fast.db, id, plan, STAGES))();
    expect(b).toEqual(a);
    expectSameTables(simple.db, fast.db);
  });
});
