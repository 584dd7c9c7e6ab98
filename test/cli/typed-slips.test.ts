// What a PM types in a shell that pm read wrong (fresh-eyes wave 14): a name or statement without
// quotes (H6), and a first name alone for a known person, or a near name at their account (H2, H8).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

/** The run's stderr lines; exit 2 and the journal as it was. */
function refused(args: string[]): string[] {
  const before = box.snapshot();
  const r = box.pm(args);
  expect(r.code, r.err).toBe(2);
  expect(box.snapshot()).toEqual(before);
  return r.err.trim().split('\n');
}

describe('words the shell split because they were not quoted', () => {
  beforeEach(() => {
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'first call']);
    box.ok(['hyp', 'add', 'Finance wants invoices']);
  });

  it('are named, with the command to type quoted, as the user typed it', () => {
    expect(refused(['log', '--with', 'Jane', 'Roe', '--summary', 'unquoted'])).toEqual([
      'pm: "Roe" is an extra word: quote a name with spaces',
      'try: pm log --with "Jane Roe" --summary unquoted',
    ]);
    // pm ls, not commander's 'interviews'
    expect(refused(['ls', '--with', 'Jane', 'Roe'])).toEqual([
      'pm: "Roe" is an extra word: quote a name with spaces',
      'try: pm ls --with "Jane Roe"',
    ]);
    expect(refused(['show', 'Jane', 'Roe'])).toEqual([
      'pm: "Roe" is an extra word: quote a name with spaces',
      'try: pm show "Jane Roe"',
    ]);
    expect(refused(['forget', 'Jane', 'Roe'])).toEqual([
      'pm: "Roe" is an extra word: quote a name with spaces',
      'try: pm forget "Jane Roe"',
    ]);
    expect(refused(['account', 'rename', 'Acme', 'Acme', 'Corp'])).toEqual([
      'pm: "Corp" is an extra word: quote a name with spaces',
      'try: pm account rename Acme "Acme Corp"',
    ]);
  });

  it('in a statement: the whole of it quoted, never "unknown hyp command \'add\'"', () => {
    expect(refused(['hyp', 'add', 'We', 'believe', 'finance', 'teams', 'want', 'invoices'])).toEqual([
      'pm: "believe finance teams want invoices" are extra words: quote a statement with spaces',
      'try: pm hyp add "We believe finance teams want invoices"',
    ]);
    // a statement after an id: the flag it goes with
    expect(refused(['hyp', 'edit', 'H1', 'A better statement'])).toEqual([
      'pm: too many arguments for pm hyp edit (it takes <id>): "A better statement" is extra',
      'try: pm hyp edit H1 --statement "A better statement"',
    ]);
  });

  it('after an id or a file: said to be one too many, with the help of the command typed', () => {
    expect(refused(['guide', 'check', 'q1.txt', 'q2.txt'])).toEqual([
      'pm: too many arguments for pm guide check (it takes [file]): "q2.txt" is extra',
      'try: pm guide check --help',
    ]);
    // a misspelt subcommand is still one
    expect(refused(['sync', 'statu'])[0]).toBe("pm: unknown sync command 'statu' (Did you mean status?)");
  });
});

describe('a first name alone, or a near name, for a known person', () => {
  beforeEach(() => {
    box.ok(['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'first call']);
    box.ok(['log', '--with', 'Sven Ødegård', '--account', 'Fjord AS', '--summary', 'exports fine']);
  });

  it('without --account: did you mean the known person, not a hint into a duplicate', () => {
    expect(refused(['log', '--with', 'Jane', '--summary', 'quick call'])).toEqual([
      'pm: "Jane" is a new contact: say which account they belong to with --account ORG',
      'hint: did you mean "Jane Roe"? try: pm log --with "Jane Roe" …',
    ]);
  });

  it('with --account at their account: logged as asked, with a warning and the merge that undoes it', () => {
    // the reason is why it warns, and the merge names both as pm prints them (fresh-eyes wave 18 H18:
    // "is at the same account as", and two UUIDs nobody could check)
    for (const [typed, known, account, why] of [
      ['Jane', 'Jane Roe', 'Acme', 'is part of the name of'],
      ['Jnae Roe', 'Jane Roe', 'Acme', 'is two letters from'],
      ['Sven Odegard', 'Sven Ødegård', 'Fjord AS', 'is written as'],
    ]) {
      const r = box.pm(['log', '--with', typed, '--account', account, '--summary', 'quick call']);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(
        `pm: warning: the new contact "${typed}" ${why} "${known}" at ${account}` +
          `${why === 'is written as' ? ' but for accents and letters a keyboard lacks' : ''}; ` +
          `if they are one person: pm contact merge "${typed} (${account})" "${known} (${account})"`,
      );
    }
    // someone else of the same first name elsewhere is nobody's near-twin
    expect(box.pm(['log', '--with', 'Jane', '--account', 'Globex', '--summary', 's']).err).not.toMatch(/warning/);
  });
});

describe('the words a newcomer types first', () => {
  it('point to the command pm has for them, never "did you mean demo, report?"', () => {
    expect(refused(['standup'])).toEqual(["pm: unknown command 'standup': the standup is pm report", 'try: pm report']);
    expect(refused(['remove', 'I3'])).toEqual([
      "pm: unknown command 'remove': deleting is pm delete",
      'try: pm delete I12 (an interview) or pm delete H3 (a hypothesis)',
    ]);
    expect(refused(['add'])[0]).toBe(
      "pm: unknown command 'add': a conversation is logged with pm log, a belief with pm hyp add",
    );
    expect(refused(['undo'])[0]).toBe("pm: unknown command 'undo': pm has no undo");
  });
});

describe('fixing a wrong evidence link', () => {
  beforeEach(() => {
    box.ok(['hyp', 'add', 'Finance leads will pay for automatic payment matching']);
    box.ok(['log', '--with', 'Mia Chen', '--account', 'Acme', '--summary', 'CFO wants an audit trail']);
  });

  it("pm edit's --refutes points to pm hyp link, never to --minutes", () => {
    expect(refused(['edit', 'I1', '--refutes', 'H1'])).toEqual([
      'pm: pm edit does not change evidence: pm hyp link does',
      'try: pm hyp link H1 I1 --refutes',
    ]);
  });

  it('pm hyp link with the ids swapped says so first, and its hint works as typed', () => {
    expect(refused(['hyp', 'link', 'I1', 'H1'])).toEqual([
      'pm: the hypothesis comes first, then the interview',
      'try: pm hyp link H1 I1 --supports',
    ]);
    box.ok(['hyp', 'link', 'H1', 'I1', '--supports']);
  });
});
