// What a first-time user stumbled on in wave 8 (fresh-eyes E22): small things, each as the user met it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox())); // today: Friday 2026-11-20
afterEach(() => box.cleanup());

const log = (...extra: string[]) =>
  box.pm(['log', '--with', 'Mia Chen', '--account', 'Bluebird', '--summary', 'backfilled call', ...extra]);

describe('a weekday deadline of a backdated record', () => {
  it("counts from its --date, as +Nd does: Monday's call with --follow-up fri is due that Friday", () => {
    expect(log('--date', '2026-11-16', '--follow-up', 'fri').code).toBe(0);
    expect(log('--date', '2026-11-16', '--follow-up', '+4d').code).toBe(0);
    expect(log('--follow-up', 'fri').code).toBe(0); // no --date: the next Friday after today
    expect(box.sql('SELECT follow_up FROM interviews ORDER BY id').map((r) => r.follow_up)).toEqual([
      '2026-11-20',
      '2026-11-20',
      '2026-11-27',
    ]);
  });

  it('in pm hyp add --date and pm edit --date too', () => {
    expect(box.pm(['hyp', 'add', 'Teams pay for matching', '--date', '2026-11-16', '--decide-by', 'wed']).code).toBe(0);
    expect(box.json(['hyp', 'show', 'H1']).decideBy).toBe('2026-11-18');
    expect(log('--date', '2026-11-10').code).toBe(0);
    expect(box.pm(['edit', 'I1', '--date', '2026-11-09', '--follow-up', 'thu']).code).toBe(0);
    expect(box.sql('SELECT follow_up FROM interviews')[0].follow_up).toBe('2026-11-12');
  });
});

describe('pm show', () => {
  it("indents a summary's further lines under its first, as the notes' lines are", () => {
    expect(box.pm(['log', '--with', 'Mia Chen', '--account', 'Bluebird', '--summary', 'line one\nline two']).code).toBe(
      0,
    );
    const out = box.pm(['show', 'last']).out;
    expect(out).toContain('Summary:   line one\n           line two\n');
  });

  it("indents a pain's and a quote's further lines under their first (fresh-eyes wave 19, the lead's low item)", () => {
    const args = ['--pain', 'slow export\nevery Monday:high', '--quote', 'it takes\nan hour'];
    expect(log(...args).code).toBe(0);
    const out = box.pm(['show', 'last']).out;
    expect(out).toContain('Pains:\n  - slow export\n    every Monday (high)\n');
    expect(out).toContain('Quotes:\n  “it takes\n   an hour”\n');
  });
});

describe('pm import of a file that is JSON but no export', () => {
  it('names the file, as its being empty or not JSON does', () => {
    const file = join(box.dir, 'e2.json');
    for (const content of ['{}', '[1,2]', '{"format":"pm-journal","version":99}']) {
      writeFileSync(file, content);
      const r = box.pm(['import', file]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^pm: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
    }
    const stdin = box.pm(['import', '-'], { input: '{}' });
    expect(stdin.err).toMatch(/^pm: stdin: has no "format" key/);
  });
});

describe('pm account set --cadence', () => {
  it('a refused value names 0 among the ways to say off, since 0 is accepted as off', () => {
    expect(log().code).toBe(0);
    const r = box.pm(['account', 'set', 'Bluebird', '--cadence', '-3']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/0 or off/);
    expect(box.pm(['account', 'set', 'Bluebird', '--cadence', '0']).code).toBe(0);
  });
});

describe('into a pipe with COLUMNS unset', () => {
  it('nothing is cut: every name of a call, and a long account, in pm ls and pm contacts (E22)', () => {
    const people = ['Tom Berg', 'Mia Chen', 'Omar Diaz-Villanueva'];
    const account = 'Northwind Regional Logistics Group';
    const args = ['log', '--account', account, '--summary', 'three of them'];
    expect(box.pm([...args, ...people.flatMap((p) => ['--with', p])]).code).toBe(0);
    const ls = box.pm(['ls']).out;
    expect(ls).toContain(`${people.join(', ')}  ${account}  call`);
    expect(box.pm(['contacts']).out).toContain(account);
    // a width (a terminal's, or $COLUMNS) keeps the columns' maxima
    expect(box.pm(['ls'], { env: { COLUMNS: '200' } }).out).toContain('Tom Berg, Mia Chen…');
  });
});
