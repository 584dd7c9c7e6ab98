// A number alone as an id (fresh-eyes wave 14 H19): `pm show 1` and `--supports 1` took it, `pm hyp show 1`,
// `pm hyp kill 1` and `pm guide 1` refused it. Where only a hypothesis can be meant it is one; where an
// interview or a hypothesis can be (pm show, pm delete) it is the interview, said so, and a deletion asks
// for the letter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
  box.ok(['hyp', 'add', 'Controllers want bulk approve']);
  box.ok(['hyp', 'add', 'Admins want SSO']);
  box.ok(['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'a', '--supports', '1']);
});
afterEach(() => box.cleanup());

describe('a number alone where only a hypothesis is meant', () => {
  it('is that hypothesis in pm hyp show, kill and pm guide', () => {
    expect(box.ok(['hyp', 'show', '2']).out).toContain('Admins want SSO');
    expect(box.ok(['guide', '1']).out).toContain('Controllers want bulk approve');
    box.ok(['hyp', 'kill', '2', '--reason', 'nobody asked']);
    expect(box.json(['hyp', 'show', 'H2']).status).toBe('killed');
    const r = box.pm(['hyp', 'show', '9']);
    expectUsageError(r);
    expect(r.err).toContain('unknown hypothesis H9');
  });
});

describe('a number alone where an interview or a hypothesis may be meant', () => {
  it('pm show reads it as the interview and names the hypothesis of that number', () => {
    const r = box.ok(['show', '1']);
    expect(r.out).toMatch(/^I1 /);
    expect(r.err).toContain('pm: 1 is read as I1; the hypothesis is pm show H1');
    const two = box.pm(['show', '2']);
    expectUsageError(two);
    expect(two.err).toContain('unknown interview I2');
    expect(two.err).toContain('the hypothesis: pm show H2');
  });

  it('pm delete asks for the letter and deletes nothing', () => {
    const r = box.pm(['delete', '1', '--yes']);
    expectUsageError(r);
    expect(r.err).toContain('"1" could be I1 or H1: say which with its letter');
    expect(r.err).toContain('try: pm delete I1 (the interview) or pm delete H1 (the hypothesis)');
    expect(box.pm(['delete', '2', '--yes']).err).toContain('try: pm delete H2');
    expect(box.json(['ls'])).toHaveLength(1);
    expect(box.json(['hyp', 'list', '--status', 'all'])).toHaveLength(2);
    // with no hypothesis of that number it is the interview, as before, and the line names it
    box.ok(['log', '--with', 'Ann A', '--summary', 'b']);
    box.ok(['log', '--with', 'Ann A', '--summary', 'c']);
    expect(box.ok(['delete', '3', '--yes']).out).toContain('Deleted I3 (');
  });
});
