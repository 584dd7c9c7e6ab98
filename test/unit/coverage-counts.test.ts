// pm coverage's window counted by SQLite (coverageRows, issue 18) must answer as the rows counted
// one by one in JavaScript (coverageRowsSimple), on journals of both bench shapes, over several
// windows, and where segments are switched off, missing, blank or spelled in two cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import { coverageRows, coverageRowsSimple } from '../../src/db/coverage.js';
import { buildCoverage, type CoverageRows } from '../../src/core/coverage.js';
import { DEFAULTS } from '../../src/core/config.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

const shapes = SHAPES;

const WINDOWS = [
  { start: '2026-08-29', end: '2026-11-20', asOf: '2026-11-20' },
  { start: '2025-11-21', end: '2026-11-20', asOf: '2026-11-20' },
  { start: '2024-03-01', end: '2024-06-30', asOf: '2024-06-30' },
  { start: '2026-11-19', end: '2026-11-20', asOf: '2026-11-20' },
  // past the last conversation: the personas' kept last days (0053) answer this one too
  { start: '2026-10-01', end: '2026-12-31', asOf: '2026-12-31' },
];

/** The rows with the counts in one order (the page's order is buildCoverage's, compared below). */
function comparable(rows: CoverageRows) {
  const byKey = <T extends { key: string | null }>(list: T[]) =>
    [...list].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  return {
    ...rows,
    segmentCounts: byKey(rows.segmentCounts),
    personaCounts: byKey(rows.personaCounts),
    stageCounts: byKey(rows.stageCounts),
  };
}

function expectSame(db: DB) {
  for (const w of WINDOWS) {
    const fast = coverageRows(db, w, w.asOf);
    const simple = coverageRowsSimple(db, w, w.asOf);
    expect(comparable(fast)).toEqual(comparable(simple));
    // the segments no account names are listed in the order they were first heard: that order too
    const stages = ['discover', 'evaluate', 'onboard', 'adopt', 'expand'];
    const window = { start: w.start, end: w.end, weeks: null };
    expect(buildCoverage(fast, window, w.asOf, DEFAULTS, stages)).toEqual(
      buildCoverage(simple, window, w.asOf, DEFAULTS, stages),
    );
  }
}

describe.each(Object.entries(shapes))('coverage counts on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let journal: ReturnType<typeof generatedJournal>;
  let db: DB;
  beforeAll(() => {
    journal = generatedJournal(size, opts);
    db = journal.db;
  });
  afterAll(() => journal.close());

  it('counts each segment, stage and persona of the window as the simple path does', () => {
    const rows = coverageRows(db, WINDOWS[0], WINDOWS[0].asOf);
    expect(rows.segmentCounts.length).toBeGreaterThan(2);
    expect(rows.stageCounts.length).toBeGreaterThan(2);
    expect(rows.personaCounts.some((p) => (p.people ?? 0) > 1)).toBe(true);
    // the windows to the last customer conversation and after are counted from the kept days (0056)
    expect(db.prepare("SELECT max(date) FROM interviews WHERE kind = 'customer'").pluck().get()).toBe(WINDOWS[0].end);
    expectSame(db);
  });

  it('the same with segments switched off, missing, blank, and spelled in two cases', () => {
    const ids = db.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
    const set = db.prepare('UPDATE accounts SET segment = ?, cadence_days = ? WHERE id = ?');
    // switched off (their segment is no segment's total: listed after, in the order first heard)
    for (const id of ids.slice(0, 3)) set.run('Legacy', 0, id);
    set.run('Old', 0, ids[3]);
    set.run(null, null, ids[4]);
    set.run('  ', null, ids[5]);
    set.run(' padded ', null, ids[6]);
    expectSame(db);
    // two spellings of one segment, and of one persona: counted together, named as first met
    set.run('LEGACY', 0, ids[7]);
    db.prepare(
      "UPDATE contacts SET persona = 'FOUNDER' WHERE id IN (SELECT id FROM contacts WHERE persona = 'founder' LIMIT 3)",
    ).run();
    expectSame(db);
  });

  it('the same after people change persona or role and conversations move to another account', () => {
    // the personas are counted from copies kept on interview_contacts (0046): each change reaches them
    // (one spelling each again, or the window is counted by the simple path: see above)
    db.prepare("UPDATE contacts SET persona = 'founder' WHERE persona = 'FOUNDER'").run();
    db.prepare("UPDATE accounts SET segment = 'Legacy', cadence_days = NULL WHERE segment IN ('LEGACY', 'Old')").run();
    const present = db
      .prepare("SELECT DISTINCT contact_id FROM interview_contacts WHERE kind = 'customer' AND date >= ? LIMIT 40")
      .pluck()
      .all(WINDOWS[0].start) as number[];
    const contact = db.prepare('UPDATE contacts SET persona = ?, role = ? WHERE id = ?');
    for (const id of present.slice(0, 10)) contact.run('Auditor', 'customer', id);
    for (const id of present.slice(10, 20)) contact.run('Auditor', 'stakeholder', id);
    for (const id of present.slice(20, 25)) contact.run(null, 'prospect', id);
    db.prepare(
      `UPDATE interviews SET account_id = (SELECT min(id) FROM accounts) WHERE id IN
        (SELECT interview_id FROM interview_contacts WHERE contact_id IN (SELECT value FROM json_each(?)))`,
    ).run(JSON.stringify(present.slice(0, 15)));
    const auditors = coverageRows(db, WINDOWS[0], WINDOWS[0].asOf).personaCounts.find((p) => p.key === 'Auditor');
    expect(auditors?.people).toBe(10);
    expectSame(db);
  });

  it('the same after conversations are removed or moved in time, and people leave or join them', () => {
    // a window that runs to the last conversation counts the personas from each one's kept last day
    // (0053): every change to who was present, and when, reaches it
    const start = WINDOWS[0].start;
    const recent = db
      .prepare("SELECT DISTINCT interview_id FROM interview_contacts WHERE kind = 'customer' AND date >= ? LIMIT 60")
      .pluck()
      .all(start) as number[];
    const del = db.prepare('DELETE FROM interviews WHERE id = ?');
    for (const id of recent.slice(0, 10)) del.run(id);
    const move = db.prepare('UPDATE interviews SET date = ? WHERE id = ?');
    for (const id of recent.slice(10, 20)) move.run('2025-01-15', id);
    for (const id of recent.slice(20, 25)) move.run('2026-11-20', id);
    db.prepare(
      `DELETE FROM interview_contacts WHERE (interview_id, contact_id) IN
        (SELECT interview_id, min(contact_id) FROM interview_contacts WHERE interview_id IN
          (SELECT value FROM json_each(?)) GROUP BY interview_id)`,
    ).run(JSON.stringify(recent.slice(25, 40)));
    expectSame(db);
    // the last conversation with some of a persona's people removed: their last days go back
    const last = db.prepare("SELECT max(date) FROM interviews WHERE kind = 'customer'").pluck().get() as string;
    db.prepare("DELETE FROM interviews WHERE kind = 'customer' AND date = ?").run(last);
    expectSame(db);
  });

  it('the same after conversations change stage and accounts change segment', () => {
    // a window that runs to the last conversation counts segments and stages from each day's kept
    // counts and each (stage, account)'s last day (0056): a stage set, changed or cleared, a segment
    // changed, reach them
    const recent = db
      .prepare("SELECT id FROM interviews WHERE kind = 'customer' AND date >= ? ORDER BY date DESC, id LIMIT 40")
      .pluck()
      .all(WINDOWS[0].start) as number[];
    const stage = db.prepare('UPDATE interviews SET stage = ? WHERE id = ?');
    for (const id of recent.slice(0, 10)) stage.run('renewal', id);
    for (const id of recent.slice(10, 20)) stage.run(null, id);
    for (const id of recent.slice(20, 30)) stage.run('discover', id);
    expectSame(db);
    db.prepare(
      `UPDATE accounts SET segment = 'Mid-size' WHERE id IN
        (SELECT account_id FROM interviews WHERE id IN (SELECT value FROM json_each(?)))`,
    ).run(JSON.stringify(recent.slice(0, 5)));
    db.prepare(
      `UPDATE accounts SET segment = NULL WHERE id IN
        (SELECT account_id FROM interviews WHERE id IN (SELECT value FROM json_each(?)))`,
    ).run(JSON.stringify(recent.slice(30, 33)));
    expectSame(db);
  });
});
