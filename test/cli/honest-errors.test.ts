// Honest refusals (issue 16, findings 11 and 12): words that happen to be keys of every JavaScript
// object are not dates, PM_TODAY and year 0000 are checked, inputs are read only up to the
// contract's limits, and a document nested 100,000 deep is a clear `pm:` error. Each refusal is
// exit 2 with one `pm:` line and leaves the journal byte-identical.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectUsageError, sandbox, type RunResult, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  const r = box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'First call']);
  if (r.code !== 0) throw new Error(r.err);
  const h = box.pm(['hyp', 'add', 'Finance teams want itemised invoices']);
  if (h.code !== 0) throw new Error(h.err);
});
afterEach(() => box.cleanup());

/** Refused with exit 2 and `what` in its message, and nothing of the journal changed. */
function refused(args: string[], what: RegExp, opts: { env?: NodeJS.ProcessEnv; input?: string | Buffer } = {}) {
  const before = box.snapshot();
  const r: RunResult = box.pm(args, opts);
  expectUsageError(r);
  expect(r.err, args.join(' ')).toMatch(what);
  expect(r.out).toBe('');
  expect(box.snapshot(), args.join(' ')).toBe(before);
}

const log = ['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'Second call'];

describe('a deadline in the past is called so, not "not a date" (fresh-eyes wave 9 E6)', () => {
  it('yesterday and -Nd as --decide-by or --follow-up; a past day while creating says today', () => {
    refused(
      ['hyp', 'add', 'Another belief', '--decide-by', 'yesterday'],
      /^pm: --decide-by: "yesterday" is in the past/,
    );
    refused([...log, '--follow-up', '-3d'], /^pm: --follow-up: "-3d" is in the past: a deadline is a day to come/);
    // a count without its + is a day to come all the same (fresh-eyes wave 17 H20)
    refused([...log, '--follow-up', '2w'], /^pm: --follow-up: "2w" is not a date\nhint: did you mean \+2w\?/);
    refused(['hyp', 'add', 'Another belief', '--decide-by', '3d'], /did you mean \+3d\?/);
    refused(
      ['hyp', 'add', 'Another belief', '--decide-by', '2026-11-01'],
      /^pm: --decide-by 2026-11-01 is in the past \(today is 2026-11-20\)/,
    );
    // backfilled with --date, the creation day is the one to be after
    refused(
      ['hyp', 'add', 'Another belief', '--date', '2026-11-10', '--decide-by', '2026-11-01'],
      /^pm: --decide-by 2026-11-01 is before the hypothesis was created \(2026-11-10\)/,
    );
  });
});

describe('dates are looked up in their own tables, never in Object.prototype (finding 11)', () => {
  for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
    it(`"${word}" is not a date anywhere`, () => {
      refused([...log, '--date', word], /is not a date/);
      refused([...log, '--follow-up', word], /is not a date/);
      refused(['hyp', 'add', 'Another belief', '--decide-by', word], /is not a date/);
      refused(['hyp', 'edit', 'H1', '--decide-by', word], /is not a date/);
      refused(['hyp', 'kill', 'H1', '--reason', 'no', '--date', word], /is not a date/);
      refused(['ls', '--since', word], /is not a date/);
      refused(['report', '--as-of', word], /is not a date/);
      refused(['export', '--since', '2026-11-01', '--until', word], /is not a date/);
    });
  }
});

describe('PM_TODAY and the years a date may have (finding 11)', () => {
  it('PM_TODAY that is not a date is a usage error for every command, even one that dates nothing', () => {
    for (const today of ['garbage', '2026-02-30', '0000-01-01', '20261120', 'constructor'])
      for (const args of [log, ['ls'], ['report'], ['hyp', 'list']])
        refused(args, /^pm: PM_TODAY=/, { env: { PM_TODAY: today } });
    // unset or empty: today's date
    expect(box.pm(['ls'], { env: { PM_TODAY: '' } }).code).toBe(0);
  });

  it('year 0000 (and any year outside 1900–2999) is a usage error, never a broken week label', () => {
    refused([...log, '--date', '0000-01-01'], /"0000-01-01" is outside the years 1900–2999/);
    refused([...log, '--follow-up', '3000-01-01'], /outside the years 1900–2999/);
    refused(['report', '--week', '0000-W01'], /0000 is outside the years/);
    refused(['report', '--month', '0000-01'], /outside the years/);
    refused(['report', '--since', '0000-01-01'], /outside the years/);
    refused([...log, '--date', '99999d'], /falls outside the years/);
    refused([...log, '--follow-up', '+99999w'], /falls outside the years/);
    // as a record of an import file too
    const file = join(box.dir, 'old.json');
    const doc = box.json(['export']);
    doc.interviews[0].uuid = '00000000-0000-4000-8000-000000000099';
    doc.interviews[0].date = '0000-01-03';
    writeFileSync(file, JSON.stringify(doc));
    refused(['import', file], /date "0000-01-03" is not a date \(YYYY-MM-DD, years 1900–2999\)/);
    // the edges are fine
    expect(box.pm([...log, '--date', '1900-01-01']).code).toBe(0);
    expect(box.pm(['report', '--as-of', '1900-01-01', '--json']).code).toBe(0);
  });
});

describe('inputs are read only up to their limits (finding 12)', () => {
  it('--notes-file /dev/zero and pm import /dev/zero are refused at their first block', () => {
    refused([...log, '--notes-file', '/dev/zero'], /--notes-file contains a NUL byte \(at byte 0\)/);
    refused(['import', '/dev/zero'], /\/dev\/zero is not a JSON export: it holds a NUL byte \(at byte 0\)/);
    refused(['import', '-'], /stdin is not a JSON export: it holds a NUL byte/, { input: Buffer.alloc(1 << 20) });
  });

  it('an empty import (nothing on stdin, an empty file, only spaces) says so, not a parser error', () => {
    refused(['import', '-'], /^pm: stdin is empty: nothing to import$/m, { input: '' });
    refused(['import', '-'], /stdin is empty/, { input: ' \n\t\n' });
    const empty = join(box.dir, 'empty.json');
    writeFileSync(empty, '');
    refused(['import', empty], /empty\.json is empty: nothing to import/);
  });

  it('notes past 5 MB on stdin are refused without reading on', () => {
    refused([...log, '--notes-file', '-'], /notes are longer than 5 MB/, { input: 'a'.repeat(5 * 1024 * 1024 + 1) });
    expect(box.pm([...log, '--notes-file', '-'], { input: 'a'.repeat(5 * 1024 * 1024) }).code).toBe(0);
  });

  it('a document nested 100,000 deep is a clear error, wherever the nesting is', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const doc = box.json(['export']);
    const text = JSON.stringify(doc);
    for (const [label, json] of [
      ['the summary', text.replace('"summary":"First call"', `"summary":${deep}`)],
      ['an unknown key', text.replace('"format"', `"x":${deep},"format"`)],
      ['the whole file', deep],
    ]) {
      expect(json, label).toContain(deep);
      const file = join(box.dir, 'deep.json');
      writeFileSync(file, json);
      refused(['import', file], /is not a pm export: it nests lists and objects more than 64 deep/);
    }
    // nesting inside a string is text, not nesting
    const quoted = text.replace('"summary":"First call"', `"summary":${JSON.stringify(deep.slice(0, 900))}`);
    writeFileSync(join(box.dir, 'quoted.json'), quoted);
    expect(box.pm(['import', join(box.dir, 'quoted.json')]).code).toBe(0);
  });

  it('a value nested within the limit but of the wrong kind is named briefly', () => {
    const doc = box.json(['export']);
    doc.interviews[0].uuid = '00000000-0000-4000-8000-000000000098';
    doc.interviews[0].summary = [[[[[[[['deep']]]]]]]];
    writeFileSync(join(box.dir, 'kind.json'), JSON.stringify(doc));
    refused(['import', join(box.dir, 'kind.json')], /summary must be text, not \[\[\[\[…\]\]\]\]/);
  });
});
