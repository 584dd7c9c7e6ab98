// A mistaken pm delete has a way back that loses no later work (fresh-eyes wave 14 H4): importing the
// backup's export said "Already in the journal" and brought nothing back (deletions are remembered, so
// a teammate's older copy does not bring a record back); pm import --undelete does, from a copy made
// before the delete, and an erased person still never comes back.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
let before: string;
beforeEach(() => {
  box = sandbox({ today: '2026-11-27' });
  before = join(box.dir, 'before.json');
  box.ok(['hyp', 'add', 'Finance leads will pay']);
  box.ok(['log', '--with', 'Raj Patel <raj@globex.test>', '--account', 'Globex', '--summary', 'pricing call']);
  box.ok(['log', '--with', 'Raj Patel', '--summary', 'the call I must keep', '--channel', 'chat', '--supports', 'H1']);
  box.ok(['backup']);
  const deleted = box.ok(['delete', 'I2', '--yes']);
  // the delete says how it is undone
  expect(deleted.err).toMatch(/to undo: pm import FILE --undelete I2, FILE a JSON export made before now/);
  box.ok(['log', '--with', 'Mia Chen', '--account', 'Acme', '--summary', 'after the mistake']); // I3, work since
  box.ok(['--db', `${box.db}.backup-2026-11-27`, 'export', '--format', 'json', '--out', before]);
});
afterEach(() => box.cleanup());

const ids = () => box.json(['ls']).map((r: { id: string }) => r.id);

describe('a mistaken pm delete (H4)', () => {
  it("the backup's export keeps it deleted and says so, with the command that brings it back", () => {
    const r = box.ok(['import', before]);
    expect(r.out).toMatch(
      /Kept deleted: 1 record deleted in this journal that the file holds as before \(I2\).*If the deletion was a mistake: pm import \S+before\.json --undelete I2/,
    );
    expect(ids()).toEqual(['I3', 'I1']);
    const show = box.pm(['show', 'I2']);
    expect(show.code).toBe(2);
    expect(show.err).toMatch(/pm: I2 was deleted\nhint: to bring it back: pm import FILE --undelete I2/);
    expect(box.json(['import', before]).keptDeleted).toEqual(['I2']);
  });

  it('--undelete brings it back as it was, with its evidence, and keeps the work since', () => {
    const r = box.json(['import', before, '--undelete', 'I2']);
    expect(r.undeleted).toEqual(['I2']);
    expect(r.keptDeleted).toEqual([]);
    expect(ids()).toEqual(['I3', 'I2', 'I1']);
    const i2 = box.json(['show', 'I2']);
    expect(i2.summary).toBe('the call I must keep');
    expect(i2.evidence).toEqual([expect.objectContaining({ hypothesis: 'H1', direction: 'supports' })]);
    expect(box.json(['show', 'I3']).summary).toBe('after the mistake');
    // once back it is a record like any other: asking again is a usage error, nothing written
    const snap = box.snapshot();
    const again = box.pm(['import', before, '--undelete', 'I2']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/I2 is in the journal, not deleted: nothing to bring back/);
    expect(box.snapshot()).toBe(snap);
  });

  it('travels as a change newer than the deletion: a teammate who took the deletion takes it back', () => {
    const mate = join(box.dir, 'mate.db');
    const now = join(box.dir, 'now.json');
    box.ok(['--db', mate, 'import', before]); // the teammate had I2
    box.ok(['export', '--format', 'json', '--out', now]);
    box.ok(['--db', mate, 'import', now]); // and took the deletion
    const theirs = () => box.json(['--db', mate, 'ls']).map((r: { summary: string }) => r.summary);
    expect(theirs()).not.toContain('the call I must keep');
    box.ok(['import', before, '--undelete', 'I2']);
    box.ok(['export', '--format', 'json', '--out', now]);
    box.ok(['--db', mate, 'import', now]);
    expect(theirs()).toContain('the call I must keep');
    // the teammate's copy from before the deletion brings back nothing else deleted here
    box.ok(['delete', 'I1', '--yes']);
    box.ok(['--db', mate, 'export', '--format', 'json', '--out', join(box.dir, 'stale.json')]);
    expect(box.ok(['import', join(box.dir, 'stale.json')]).out).toMatch(/Kept deleted: 1 record .*\(I1\)/);
    expect(ids()).toEqual(['I3', 'I2']);
  });

  it('a hypothesis comes back with its decision', () => {
    const file = join(box.dir, 'h.json');
    box.ok(['hyp', 'kill', 'H1', '--reason', 'nobody pays']);
    box.ok(['export', '--format', 'json', '--out', file]);
    box.ok(['delete', 'H1', '--yes']);
    expect(box.json(['import', file, '--undelete', 'H1']).undeleted).toEqual(['H1']);
    expect(box.json(['hyp', 'show', 'H1'])).toMatchObject({ status: 'killed', statement: 'Finance leads will pay' });
  });

  it('an erased person does not come back with it', () => {
    box.ok(['forget', 'Raj Patel', '--yes']);
    box.ok(['import', before, '--undelete', 'I2']);
    expect(box.json(['show', 'I2']).with).toEqual(['Forgotten contact']);
    expect(box.sql("SELECT count(*) AS n FROM contacts WHERE name LIKE '%Raj%'")[0].n).toBe(0);
    expect(JSON.stringify(box.json(['export', '--format', 'json']))).not.toMatch(/Raj/);
  });

  it('an id never deleted here, or a file made after the delete: exit 2, nothing imported', () => {
    const snap = box.snapshot();
    for (const [args, message] of [
      [['--undelete', 'I3'], /I3 is in the journal, not deleted/],
      [['--undelete', 'I9'], /nothing named "I9" was deleted in this journal/],
    ] as const) {
      const r = box.pm(['import', before, ...args]);
      expect([r.code, r.err]).toEqual([2, expect.stringMatching(message)]);
    }
    const after = join(box.dir, 'after.json');
    box.ok(['export', '--format', 'json', '--out', after]);
    const snapAfter = box.snapshot();
    const r = box.pm(['import', after, '--undelete', 'I2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does not hold I2 as it was before its deletion: nothing imported/);
    expect(box.snapshot()).toBe(snapAfter);
    expect(snap).not.toBe('');
  });
});

// review wave 15 R6: the scrub counts named a record the import kept deleted (I2 scrubbed in memory,
// then not written): "Scrubbed of erased people: 2 interviews" for the one interview brought back
describe('pm import --undelete of a journal that erased someone since', () => {
  it('counts the scrubs of what it wrote, not of what it kept deleted', () => {
    const s = sandbox({ today: '2026-11-27' });
    try {
      const old = join(s.dir, 'old.json');
      s.ok([
        'log',
        '--with',
        'Kim Lee',
        '--account',
        'Acme',
        '--summary',
        'Kim Lee wants exports',
        '--quote',
        'I hate CSV',
      ]);
      s.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Jane says Kim Lee is right']);
      s.ok(['export', '--format', 'json', '--out', old]);
      s.ok(['delete', 'I1', '--yes']);
      s.ok(['delete', 'I2', '--yes']);
      s.ok(['forget', 'Kim Lee', '--yes']);
      const r = s.ok(['import', old, '--undelete', 'I1']);
      expect(r.out).toMatch(/Kept deleted: .*\(I2\)/);
      expect(r.out).toContain('Scrubbed of erased people: 1 interview (1 quote left out, 1 mention removed)');
      expect(s.json(['import', old, '--undelete', 'I2']).scrubbed).toEqual({ interviews: 1, quotes: 0, mentions: 1 });
    } finally {
      s.cleanup();
    }
  });
});
