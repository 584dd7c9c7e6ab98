// The report's statements stay on indexes: none may read the whole interviews table, whether the
// journal has planner statistics (ANALYZE) or not (the usual case).
import { afterAll, describe, expect, it } from 'vitest';
import { journal } from '../fixtures/journal-builder.js';
import { reportSql } from '../../src/db/report.js';
import { withPainKey } from '../../src/db/pain-key.js';

const j = journal();
afterAll(() => j.close());
const accounts = Array.from({ length: 12 }, (_, k) => j.account(`Account ${k}`));
const people = accounts.map((a, k) => j.contact(`Person ${k}`, a));
for (let n = 0; n < 400; n++) {
  const k = n % accounts.length;
  const day = `2026-${String(1 + (n % 11)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  j.interview({
    date: day,
    account: accounts[k],
    with: [people[k]],
    channel: n % 5 ? 'call' : 'support',
    tags: ['t'],
    pains: ['p'],
    followUp: n % 7 === 0 ? '2026-11-01' : undefined,
    followUpDone: n % 14 === 0,
  });
}
const params = {
  start: '2026-11-16',
  end: '2026-11-20',
  asOf: '2026-11-20',
  // the day a past period's hypotheses are judged as they stood (openFlags): here the same
  judged: '2026-11-20',
  by: 'Dana',
  rows: 10,
  weeks: JSON.stringify([
    { start: '2026-11-09', until: '2026-11-15', chart: false },
    { start: '2026-11-16', until: '2026-11-20', chart: true },
  ]),
  weekTarget: 1,
  // a cadence longer than the period: the customer contacts of each window, up to @cap (inWindows)
  windows: JSON.stringify([{ from: '2026-11-07', until: '2026-11-20' }]),
  cap: 2,
  accountCadence: 30,
  coldBefore: '2026-10-21',
  ids: '[1, 2]',
  staleDays: 14,
  soonDays: 7,
  staleBefore: '2026-11-06',
  soonBy: '2026-11-27',
  validateAt: 3,
  killAt: 2,
  // segment-silent as of a past day: accounts made before this (a UUIDv7's first 12 hex digits)
  bornBefore: '019aa0000000',
};

function scans(sql: string): string[] {
  const used = Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));
  const plan = (withPainKey(j.db).prepare(`EXPLAIN QUERY PLAN ${sql}`).all(used) as { detail: string }[]).map(
    (r) => r.detail,
  );
  expect(plan.length).toBeGreaterThan(0);
  return plan.filter((d) => /^SCAN (i|interviews)\b/.test(d));
}

describe('report query plans', () => {
  it('the check itself sees a full scan', () => {
    // (by compared as written, not as 0066's indexes keep it: one of them read whole)
    expect(scans('SELECT count(*) FROM interviews i WHERE i.by = @by')).toHaveLength(1);
  });
  const variants = (
    [
      [false, true, ''],
      [true, true, ' --by'],
      [false, false, ' (outcomes after --as-of)'],
      [true, false, ' --by (outcomes after --as-of)'],
    ] as const
  ).flatMap(([by, now, label]) => Object.entries(reportSql(by, now)).map(([n, q]) => [`${n}${label}`, q] as const));
  // a journal that syncs reads its plain report --by the user (0066, review wave 14 R2): the interviewer's
  // conversations of a kind are sought by interviewer, never read one by one to find theirs (a user
  // who held none read all 100,000 of today's 100k journal)
  for (const [name, sql] of variants.filter(([n]) => n.includes('--by')))
    it(`${name} seeks the interviewer's conversations by interviewer`, () => {
      const used = Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`@${k}`)));
      const plan = (withPainKey(j.db).prepare(`EXPLAIN QUERY PLAN ${sql}`).all(used) as { detail: string }[]).map(
        (r) => r.detail,
      );
      expect(plan.filter((d) => /^SEARCH (i|interviews) .*\bkind=\?/.test(d) && !/\bby=\?/.test(d))).toEqual([]);
    });
  // the standup page's killed hypotheses with supporting links since their decision: their kept entries'
  // partial index (0068) in the list's order, where searching each killed hypothesis's links was the
  // harsh 100k journal's costliest statement (~1.7 ms)
  it('lateKilled reads the kept entries flagged evidence-after-kill, in order', () => {
    const sql = reportSql(false, true).lateKilled;
    const plan = (
      j.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ asOf: params.asOf, rows: 10 }) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan).toContain('SCAN d USING INDEX report_decided_late');
    expect(plan.filter((d) => /TEMP B-TREE/.test(d))).toEqual([]);
  });
  for (const [name, sql] of variants) {
    it(`${name} never scans the interviews table, with or without statistics`, () => {
      expect(scans(sql)).toEqual([]);
      j.db.exec('ANALYZE');
      try {
        expect(scans(sql)).toEqual([]);
      } finally {
        j.db.exec('DROP TABLE IF EXISTS sqlite_stat1; DROP TABLE IF EXISTS sqlite_stat4; ANALYZE sqlite_schema');
      }
    });
  }
});
