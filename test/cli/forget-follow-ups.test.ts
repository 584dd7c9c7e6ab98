// A follow-up owed to no one but a person since erased is dropped with them (fresh-eyes wave 16 H1):
// the standup asked every morning, and --check exited 3, to contact someone who asked to be forgotten,
// while pm log refuses "Forgotten contact". A follow-up of a call with someone still living stays, on
// the journal that forgets and on a teammate's where the erasure arrives.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const team = twoJournals('2026-11-26');
const { pm } = team;

// the call done already a day earlier: logged last on the same day, it would answer the follow-up of
// the call with both (a customer call after it, on its day and logged after it, answers it: schema 72)
function logCalls(who: 'a' | 'b') {
  const due = ['--follow-up', '2026-12-03'];
  pm(who, ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'CFO signs off', ...due]);
  pm(who, ['log', '--with', 'Jane Roe', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'both', ...due]);
  pm(who, [
    'log',
    '--with',
    'Jane Roe',
    '--account',
    'Acme',
    '--summary',
    'done already',
    '--date',
    '2026-11-25',
    ...due,
  ]);
  pm(who, ['edit', 'I3', '--follow-up', 'done']);
}

const followUps = (who: 'a' | 'b') =>
  (JSON.parse(pm(who, ['ls', '--json']).out) as { id: string; followUp: string | null; followUpDone: boolean }[])
    .map((i) => [i.id, i.followUp, i.followUpDone])
    .sort();

const AFTER = [
  ['I1', null, false],
  ['I2', '2026-12-03', false],
  ['I3', '2026-12-03', true],
];

describe('pm forget and the follow-ups owed to the person erased', () => {
  it('drops the open follow-ups of calls with no one else, says so, and the standup stops asking', () => {
    logCalls('a');
    const r = pm('a', ['forget', 'Jane Roe', '--yes']);
    expect(r.out).toContain('Their one open follow-up was dropped: no one living is left to follow up with.');
    expect(followUps('a')).toEqual(AFTER);
    const due = JSON.parse(pm('a', ['report', '--json', '--as-of', '2026-12-03']).out).followUps;
    expect(due.map((f: { id: string }) => f.id)).toEqual(['I2']);
  });

  it('says how many in --json, and none when there is none', () => {
    logCalls('a');
    expect(JSON.parse(pm('a', ['forget', 'Raj Patel', '--yes', '--json']).out).followUps).toBe(0);
    expect(JSON.parse(pm('a', ['forget', 'Jane Roe', '--yes', '--json']).out).followUps).toBe(2);
  });

  it("a teammate's erasure arriving by import drops them on this journal too", () => {
    logCalls('a');
    team.trade('a', 'b');
    pm('a', ['forget', 'Jane Roe', '--yes']);
    team.trade('a', 'b');
    expect(followUps('b')).toEqual(AFTER);
  });
});

describe('a journal whose people were erased before pm dropped their follow-ups (review wave 16 R7)', () => {
  it('drops them at the upgrade to schema 69, the same ones, on this journal alone', () => {
    logCalls('a');
    pm('a', ['log', '--channel', 'support', '--source', 'Zendesk', '--summary', 'ticket', '--follow-up', '+1w']);
    pm('a', ['forget', 'Jane Roe', '--yes']);
    // as an erasure before schema 69 left it: the follow-up of the call with Jane alone still open
    const old = new Database(team.file('a'));
    old.prepare("UPDATE interviews SET follow_up = '2026-12-03' WHERE id = 1").run();
    old.pragma('user_version = 68');
    const versions = () => old.prepare('SELECT kind, key, version, dirty FROM record_versions ORDER BY 1, 2').all();
    const before = versions();
    const open = () =>
      old.prepare('SELECT id FROM interviews WHERE follow_up IS NOT NULL AND NOT follow_up_done').all();
    expect(open()).toEqual([{ id: 1 }, { id: 2 }, { id: 4 }]);
    // pm ls opens it and upgrades it: dropped as the erasure now drops it, the signal with no people
    // in it keeping its own
    expect(followUps('a')).toEqual([...AFTER, ['I4', '2026-12-03', false]]);
    // (and any migration after it)
    expect(old.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(69);
    const due = JSON.parse(pm('a', ['report', '--json', '--as-of', '2026-12-03']).out).followUps;
    expect(due.map((f: { id: string }) => f.id)).toEqual(['I2', 'I4']);
    // no new version: nothing is pushed to the team for it (each journal drops its own as it upgrades)
    expect(versions()).toEqual(before);
    old.close();
  });
});
