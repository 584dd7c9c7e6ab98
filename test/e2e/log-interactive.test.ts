// The interactive `pm log`, driven through a real pseudo-terminal (pty-driver.py) as a person would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { onTerminal as runOnTerminal, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ENTER = '\r';
const DOWN = '\u001b[B';
const CTRL_C = '\u0003';

const onTerminal = (script: [string, string][], args: string[] = ['log']) => runOnTerminal(box, script, args);

/**
 * The same question asked again once `answer` was taken: the answered line (✔), then the new
 * prompt (?). Matching the question alone could match the line being typed, and the next answer
 * would go to the old prompt.
 */
const askedAgain = (answer: string, question: string) => `✔ [^\\n]*${answer}[\\s\\S]*\\? ${question}`;

describe('pm log on a terminal', () => {
  it('asks who, channel, date, summary, pains, quotes, tags, evidence and follow-up, then logs it', () => {
    expect(
      box.pm([
        'log',
        '--with',
        'Jane Roe <jane@acme.test>',
        '--account',
        'Acme',
        '--summary',
        'first',
        '--tag',
        'export',
      ]).code,
    ).toBe(0);
    const db = new Database(box.db);
    db.exec(
      `INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES ('h1', 'Finance wants itemised invoices', '2026-11-01', '2026-12-01')`,
    );
    db.close();
    const r = onTerminal([
      ['Who did you talk to', 'jan'],
      // the list as filtered by what was typed (the first one, before typing, shows Jane Roe too)
      ['Jane Roe \\(Acme, customer\\)[\\s\\S]*New contact: jan', ENTER],
      ['Channel', DOWN + ENTER], // video
      ['When', 'yesterday' + ENTER],
      ['summary', 'They export every Monday' + ENTER],
      ['pain', 'slow export:high' + ENTER],
      [askedAgain('slow export:high', 'A pain'), 'no audit trail' + ENTER],
      [askedAgain('no audit trail', 'A pain'), ENTER],
      ['quote', 'It takes an hour' + ENTER],
      [askedAgain('It takes an hour', 'A quote'), ENTER],
      ['Tags.*used: export', 'export, pricing' + ENTER],
      ['support any', ' ' + ENTER],
      ['How strongly', DOWN + ENTER], // strong
      ['Follow up', '+1w' + ENTER],
    ]);
    expect(r.failure).toBeNull();
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/Logged I2 · video with Jane Roe \(Acme\) on 2026-11-19/);
    expect(box.json(['show', 'I2'])).toMatchObject({
      channel: 'video',
      date: '2026-11-19',
      summary: 'They export every Monday',
      pains: [
        { text: 'slow export', severity: 'high' },
        { text: 'no audit trail', severity: 'medium' },
      ],
      quotes: ['It takes an hour'],
      tags: ['export', 'pricing'],
      followUp: '2026-11-26',
      with: ['Jane Roe'],
      account: 'Acme',
      evidence: [{ hypothesis: 'H1', direction: 'supports', strength: 'strong' }],
    });
  });

  it('a new name asks for the account, role and segment, and says what is new', () => {
    const r = onTerminal([
      ['Who did you talk to', 'Sam Ng'],
      ['New contact: Sam Ng', ENTER],
      ['Which account', 'Globex' + ENTER],
      ['role', DOWN + ENTER],
      ['Segment', 'ops' + ENTER],
      ['Channel', ENTER],
      ['When', ENTER],
      ['summary', 'Wants SSO' + ENTER],
      ['pain', ENTER],
      ['quote', ENTER],
      ['Tags', ENTER],
      ['Follow up', ENTER],
    ]);
    expect(r.failure).toBeNull();
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/new contact: Sam Ng \(prospect, Globex\)/);
    expect(r.output).toMatch(/Logged I1 · call with Sam Ng \(Globex\) on 2026-11-20/);
    expect(box.sql('SELECT role, segment FROM contacts')).toEqual([{ role: 'prospect', segment: 'ops' }]);
  });

  it('re-asks on a bad date instead of failing', () => {
    const r = onTerminal([
      ['Who did you talk to', 'Sam Ng'],
      ['New contact', ENTER],
      ['Which account', 'Globex' + ENTER],
      ['role', ENTER],
      ['Segment', ENTER],
      ['Channel', ENTER],
      ['When', '\u007f'.repeat(5) + 'someday' + ENTER],
      ['is not a date', '\u007f'.repeat(7) + '2026-11-02' + ENTER],
      ['summary', 'x' + ENTER],
      ['pain', ENTER],
      ['quote', ENTER],
      ['Tags', ENTER],
      ['Follow up', ENTER],
    ]);
    expect(r.failure).toBeNull();
    expect(r.code).toBe(0);
    expect(box.json(['show', 'last']).date).toBe('2026-11-02');
  });

  it('Ctrl-C at any prompt saves nothing and exits 130 with one calm line', () => {
    expect(box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'first']).code).toBe(0);
    const before = box.snapshot();
    for (const script of [
      [['Who did you talk to', CTRL_C]],
      [
        ['Who did you talk to', 'jane'],
        ['Jane Roe[\\s\\S]*New contact: jane', ENTER],
        ['Channel', ENTER],
        ['When', ENTER],
        ['summary', 'almost' + ENTER],
        ['pain', CTRL_C],
      ],
    ] as [string, string][][]) {
      const r = onTerminal(script);
      expect(r.failure).toBeNull();
      expect(r.code).toBe(130);
      expect(r.output).toMatch(/pm: interrupted, nothing saved/);
      expect(r.output).not.toMatch(/internal error|\n\s+at /);
    }
    expect(box.snapshot()).toBe(before);
  });
});

describe('pm delete on a terminal', () => {
  it('asks first: no keeps it, yes deletes it', () => {
    expect(box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'first']).code).toBe(0);
    const no = onTerminal([['Delete I1', 'n' + ENTER]], ['delete', 'I1']);
    expect(no.code).toBe(0);
    expect(box.sql('SELECT count(*) AS n FROM interviews')[0].n).toBe(1);
    const yes = onTerminal([['Delete I1', 'y' + ENTER]], ['delete', 'I1']);
    expect(yes.code).toBe(0);
    expect(yes.output).toMatch(/Deleted I1/);
    expect(box.sql('SELECT count(*) AS n FROM interviews')[0].n).toBe(0);
  });
});
