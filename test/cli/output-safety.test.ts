// Output safety: escape sequences and control characters stored in user text (or typed in an
// argument that an error message echoes) never reach the terminal raw. A stored "ESC[2J" could
// clear a teammate's screen during standup, an OSC sequence retitle their terminal, a CR or a
// bidi override make a line read differently from what it holds. Text output shows them visibly
// (␛, \u{9b}); JSON keeps the text exactly, escaped by JSON itself (names, accounts and tags as
// they are stored: in NFC, without invisible characters such as the bidi controls, spaces made one:
// issue 16, src/core/identity.ts).
// That `javascript:` links and raw HTML never become live in markdown is tested, parsed with
// commonmark, in export.test.ts ("user text never breaks the document").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type RunResult, type Sandbox } from '../helpers.js';
import { cleanName } from '../../src/core/identity.js';

// clear screen, OSC window title ended by BEL, a carriage return, the 8-bit CSI, a right-to-left
// override, an isolate, a backspace and DEL
const H = '\u001b[2J\u001b]0;pwned\u0007\r\u009b31m\u202eevil\u2066x\u2069\u0008\u007f';
// what must never be printed: C0 controls but tab and newline, DEL, C1, bidi overrides and isolates
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const T = {
  statement: `We believe ${H} finance teams want invoices`,
  criteria: `three say yes ${H}`,
  hypTag: `htag${H}`,
  killed: `Second ${H} hypothesis about dark mode`,
  reason: `reason ${H}`,
  name: `Ann${H} Lee`,
  account: `Acme${H}`,
  segment: `seg${H}`,
  summary: `summary ${H}`,
  notes: `notes ${H}\nsecond line`,
  pain: `pain ${H}`,
  quote: `quote ${H}`,
  tag: `tag${H}`,
  by: `by${H}`,
  oldName: `Bob${H}`,
  oldAccount: `Beta${H}`,
};

let box: Sandbox;
/** every output of the commands that built the journal (they print names and statements too) */
const seedOutputs: [string, RunResult][] = [];

function expectSafe(label: string, r: RunResult): void {
  expect(r.out, `${label}: stdout holds a raw control character`).not.toMatch(RAW);
  expect(r.err, `${label}: stderr holds a raw control character`).not.toMatch(RAW);
}

beforeAll(() => {
  box = sandbox();
  const steps = [
    ['hyp', 'add', T.statement, '--criteria', T.criteria, '--tag', T.hypTag, '--date', '2026-11-01'],
    ['hyp', 'add', T.killed, '--date', '2026-11-01'],
    [
      'log',
      '--with',
      `${T.name} <ann@acme.test>`,
      '--account',
      T.account,
      '--segment',
      T.segment,
      '--summary',
      T.summary,
      '--notes',
      T.notes,
      '--pain',
      T.pain,
      '--quote',
      T.quote,
      '--tag',
      T.tag,
      '--supports',
      'H1',
      '--date',
      '2026-11-18',
      '--follow-up',
      '2026-11-19',
      '--by',
      T.by,
    ],
    [
      'log',
      '--with',
      T.oldName,
      '--account',
      T.oldAccount,
      '--summary',
      `old call ${H}`,
      '--refutes',
      'H2',
      '--date',
      '2026-10-01',
    ],
    ['hyp', 'kill', 'H2', '--reason', T.reason, '--date', '2026-11-10'],
    [
      'log',
      '--with',
      `Cy${H}`,
      '--account',
      'Gamma',
      '--summary',
      `after the kill ${H}`,
      '--refutes',
      'H2',
      '--date',
      '2026-11-12',
    ],
    [
      'log',
      '--account',
      T.oldAccount,
      '--channel',
      'support',
      '--summary',
      `ticket ${H}`,
      '--pain',
      T.pain,
      '--date',
      '2026-11-17',
    ],
    ['hyp', 'add', T.killed, '--date', '2026-11-19'], // warns that it matches killed H2, naming it
    ['log', '--with', `Dup${H}`, '--account', 'One', '--summary', 'x', '--date', '2026-11-02'],
    ['log', '--with', `Dup${H}`, '--account', 'Two', '--summary', 'x', '--date', '2026-11-02'],
  ];
  for (const args of steps) {
    const r = box.pm(args);
    if (r.code !== 0) throw new Error(`pm ${args.slice(0, 2).join(' ')}: ${r.err}`);
    seedOutputs.push([args.slice(0, 2).join(' '), r]);
  }
});
afterAll(() => box.cleanup());

describe('stored escape sequences never reach the terminal raw', () => {
  it('not in what the writing commands print (confirmations, new contact lines, warnings)', () => {
    expect(
      seedOutputs.find(([, r]) => /warning/.test(r.err)),
      'the similar-to-killed warning was printed',
    ).toBeDefined();
    for (const [label, r] of seedOutputs) expectSafe(label, r);
  });

  const VIEWS: [string, string[]][] = [
    ['ls', ['ls']],
    ['show interview', ['show', 'I1']],
    ['show hypothesis', ['show', 'H1']],
    ['show killed hypothesis', ['show', 'H2']],
    ['show account', ['show', T.account]],
    ['show contact', ['show', T.name]],
    ['search', ['search', 'pwned']],
    ['hyp list', ['hyp', 'list', '--status', 'all']],
    ['hyp show', ['hyp', 'show', 'H2']],
    ['contacts', ['contacts']],
    ['accounts', ['accounts']],
    ['report', ['report']],
    ['report, last month', ['report', '--month', '2026-10']],
    ['report, markdown', ['report', '--format', 'md']],
    ['export, markdown', ['export']],
    ['doctor', ['doctor']],
  ];
  it.each(VIEWS)('%s', (label, args) => {
    const r = box.pm(args);
    expect(r.code, r.err).toBe(0);
    expectSafe(label, r);
  });

  it('the text is still shown, made visible, not dropped', () => {
    const detail = box.pm(['show', 'I1']).out;
    for (const s of [T.summary, T.pain, T.quote, T.tag, T.name])
      expect(detail).toContain(s.slice(0, s.indexOf('\u001b')) + '␛[2J␛]0;pwned␇');
    expect(detail).toContain('\\u{9b}31m\\u{202e}evil');
    expect(box.pm(['search', 'pwned']).out).toContain('I1');
    const hyp = box.pm(['hyp', 'show', 'H2']).out;
    expect(hyp).toContain('reason ␛[2J');
  });

  it('the report covers every section the text can reach (so the check above means something)', () => {
    const report = box.json(['report']);
    expect(report.conversations.length).toBeGreaterThan(0);
    expect(report.overdueAccounts.map((a: any) => a.account)).toContain(cleanName(T.oldAccount));
    expect(report.hypotheses.unvalidated.length).toBeGreaterThan(0);
    expect(report.hypotheses.killed[0].reason).toBe(T.reason);
    expect(report.themes.map((t: any) => t.theme)).toEqual(expect.arrayContaining([cleanName(T.tag), T.pain]));
    expect(report.followUps.length).toBe(1);
  });

  it("colour on a terminal (FORCE_COLOR) changes nothing: only pm's own colour codes are raw", () => {
    for (const args of [['report'], ['ls'], ['show', 'I1'], ['hyp', 'list', '--status', 'all']]) {
      const r = box.pm(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
      expect(r.code, r.err).toBe(0);
      expect(r.out, args.join(' ')).toMatch(/\u001b\[\d+m/);
      expect(r.out.replace(/\u001b\[[\d;]*m/g, ''), args.join(' ')).not.toMatch(RAW);
    }
  });
});

describe('JSON keeps the text exactly', () => {
  it('interviews, hypotheses, outcomes, contacts and accounts', () => {
    expect(box.json(['show', 'I1'])).toMatchObject({
      summary: T.summary,
      notes: T.notes,
      pains: [{ text: T.pain, severity: 'medium' }],
      quotes: [T.quote],
      tags: [cleanName(T.tag)],
      by: T.by,
      with: [cleanName(T.name)],
      account: cleanName(T.account),
    });
    expect(box.json(['hyp', 'show', 'H1'])).toMatchObject({
      statement: T.statement,
      criteria: T.criteria,
      tags: [cleanName(T.hypTag)],
    });
    expect(box.json(['report']).hypotheses.killed[0]).toMatchObject({ statement: T.killed, reason: T.reason });
    expect(box.json(['contacts']).map((c: any) => c.name)).toContain(cleanName(T.name));
    expect(box.json(['show', T.account])).toMatchObject({ name: cleanName(T.account) });
    expect(box.json(['search', 'pwned']).map((r: any) => r.summary)).toContain(T.summary);
    const exported = JSON.parse(box.pm(['export', '--format', 'json']).out);
    expect(exported.interviews.map((i: any) => i.summary)).toContain(T.summary);
    expect(exported.contacts.map((c: any) => c.segment)).toContain(T.segment);
  });
});

describe('error messages that echo what was typed', () => {
  const ERRORS: [string, string[]][] = [
    ['unknown name', ['show', `nobody${H}`]],
    ['bad date', ['log', '--with', 'X', '--account', 'Y', '--summary', 's', '--date', `day${H}`]],
    ['bad channel', ['ls', '--channel', H]],
    ['bad strength', ['log', '--with', 'X', '--account', 'Y', '--summary', 's', '--supports', `H1:${H}`]],
    ['unparsable search', ['search', `"${H}`]],
    ['unknown command', [`frob${H}`]],
    ['unknown option', ['ls', `--bogus${H}`]],
    ['unknown config key', ['config', 'get', `key${H}`]],
    ['bad config value', ['config', 'set', 'week.start', H]],
    ['unknown contact', ['contact', 'set', `x${H}`, '--role', 'customer']],
    ['unknown account', ['account', 'set', `x${H}`, '--cadence', '7']],
    ['a name that matches several contacts', ['log', '--with', `Dup${H}`, '--summary', 'x']],
    ['missing import file', ['import', `no${H}.json`]],
    ['unknown shell', ['completion', H]],
  ];
  it.each(ERRORS)('%s', (label, args) => {
    const r = box.pm(args);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/^pm: /);
    expectSafe(label, r);
    expect(r.err.split('\n').filter((l) => l !== '').length).toBeLessThanOrEqual(2);
  });

  it('an import file that is not JSON (the parser quotes its content)', () => {
    const path = join(box.dir, 'escape.json');
    writeFileSync(path, `\u001b]0;pwned\u0007\n${H}\n`);
    const r = box.pm(['import', path]);
    expect(r.code).toBe(2);
    expectSafe('import', r);
    expect(r.err.split('\n').filter((l) => l !== '').length).toBeLessThanOrEqual(2);
  });
});
