// A follow-up answered by a call later the same day (fresh-eyes H15): the follow-up of a morning call
// with Jane is answered by the afternoon call with her, logged after it. The rule counted only a
// conversation dated after the asking one's day, so the standup page asked to follow up with someone
// already called back, as did --json followUps, the follow-up-due flag and pm show. A conversation of
// the same day answers when it was logged after the asking one (the journal's order of interviews),
// never the asking one itself, nor one logged before it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const DAY = '2026-11-18';
const AS_OF = ['--as-of', '2026-11-20'];

function call(who: string, summary: string, extra: string[] = []) {
  return box.ok(['log', '--with', who, '--account', 'Acme', '--summary', summary, '--date', DAY, ...extra]);
}

const due = () => (box.json(['report', ...AS_OF]).followUps as { id: string }[]).map((f) => f.id);
const dueFlags = () =>
  (box.json(['report', ...AS_OF]).flags as { kind: string; subject: string }[])
    .filter((f) => f.kind === 'follow-up-due')
    .map((f) => f.subject);
const followUpLine = (id: string) =>
  box
    .ok(['show', id])
    .out.split('\n')
    .find((l) => /follow-up/i.test(l));

describe('a follow-up answered later the same day', () => {
  beforeEach(() => {
    call('Jane Roe', 'asks for SSO', ['--role', 'customer', '--follow-up', DAY]);
  });

  it('the later call says it answers it, and the standup, --json, the flags and pm show agree', () => {
    const r = call('Jane Roe', 'SSO walkthrough');
    expect(r.err).toContain('answers the follow-up of I1 (due 2026-11-18: asks for SSO)');
    const page = box.ok(['report', ...AS_OF]).out;
    expect(page).not.toContain('Follow up with Jane Roe');
    expect(page).toContain('Nothing needs action.');
    expect(due()).toEqual([]);
    expect(dueFlags()).toEqual([]);
    expect(followUpLine('I1')).toMatch(/2026-11-18 · answered by I2 on 2026-11-18/);
  });

  it('a call logged before the asking one, the same day, does not answer it; nor does the asking call itself', () => {
    call('Raj Patel', 'first', ['--role', 'customer']);
    const r = call('Raj Patel', 'asks for an export', ['--follow-up', DAY]);
    expect(r.err).not.toContain('answers the follow-up');
    // I1 (Jane) is still owed too: nobody called her back
    expect(due()).toEqual(['I1', 'I3']);
    expect(dueFlags()).toEqual(['I1', 'I3']);
    expect(box.ok(['report', ...AS_OF]).out).toContain('2 follow-ups due: Jane Roe 2d, Raj Patel 2d');
    expect(followUpLine('I3')).toMatch(/2026-11-18$/);
  });

  it('follows edits that move either call, and a deletion', () => {
    call('Jane Roe', 'SSO walkthrough', ['--date', '2026-11-19']);
    expect(due()).toEqual([]);
    // the answer moved onto the asking call's day: still logged after it
    box.ok(['edit', 'I2', '--date', DAY]);
    expect(due()).toEqual([]);
    expect(followUpLine('I1')).toMatch(/answered by I2 on 2026-11-18/);
    // the asking call moved a day later: the answer is now before it
    box.ok(['edit', 'I1', '--date', '2026-11-19', '--follow-up', '2026-11-19']);
    expect(due()).toEqual(['I1']);
    box.ok(['edit', 'I1', '--date', DAY, '--follow-up', DAY]);
    expect(due()).toEqual([]);
    box.ok(['delete', 'I2', '--yes']);
    expect(due()).toEqual(['I1']);
    expect(box.json(['doctor']).healthy).toBe(true);
  });
});
