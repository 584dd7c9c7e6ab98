// pm guide H3 and pm guide check end to end (in-process): text, markdown and JSON, exit codes,
// questions from a file or stdin.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'commonmark';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ok = (args: string[]) => box.ok(args);

function setUp(): void {
  ok(['hyp', 'add', 'Admins will pay for SSO', '--kind', 'viability', '--tag', 'sso', '--decide-by', '2026-12-18']);
  ok(['log', '--with', 'Ana', '--account', 'Bluebird', '--summary', 'x', '--stage', 'evaluate', '--supports', 'H1']);
  ok(['account', 'set', 'Bluebird', '--segment', 'enterprise']);
  ok(['log', '--with', 'Lena', '--account', 'Foxworks', '--summary', 'y']);
  ok(['account', 'set', 'Foxworks', '--segment', 'smb']);
}

describe('pm guide H3', () => {
  it('of a hypothesis past its decide-by says how long ago and to decide now (fresh-eyes wave 15 H12)', () => {
    ok([
      'hyp',
      'add',
      'Admins will pay for SSO',
      '--criteria',
      '3 of 5 say yes',
      '--decide-by',
      '2026-11-13',
      '--date',
      '2026-11-01',
    ]);
    const past = box.json(['guide', 'H1', '--json']).disprove;
    expect(past).toContain(
      'not met by 2026-11-13, 7 days ago: decide now (pm hyp validate H1 --reason "…" or pm hyp kill H1 --reason "…")',
    );
    ok(['hyp', 'edit', 'H1', '--decide-by', '2026-12-18']);
    expect(box.json(['guide', 'H1', '--json']).disprove).toMatch(/not met by 2026-12-18$/);
  });

  it('prints open questions for its kind, what proves and disproves it, and who to ask next', () => {
    setUp();
    const text = ok(['guide', 'h1']).out;
    expect(text.split('\n')[0]).toBe('Interview guide for H1 · viability · Admins will pay for SSO');
    expect(text).toMatch(/^ {2}1\. Tell me about the last time you had to deal with sso\.$/m);
    expect(text).toMatch(/^ {2}2\. Tell me about the last time you bought a tool for this\.$/m);
    expect(text).toMatch(/^Proves it {8}3 customers from at least two accounts support it/m);
    expect(text).toMatch(/^Disproves it {5}2 customers refute it \(ready-to-kill\) by 2026-12-18$/m);
    expect(text).toMatch(
      /^Evidence so far {2}1 customer for, 0 customers against .* confidence anecdotal \(score 0\.5 of 5\)$/m,
    );
    expect(text).toMatch(/^Ask next {9}segments not heard for it yet: smb$/m);
    expect(text).toMatch(/^ {17}journey stages not heard for it yet: discover, onboard, adopt, expand, churn$/m);
    const g = box.json(['guide', 'H1']);
    expect(Object.keys(g)).toEqual([
      'id',
      'statement',
      'kind',
      'questions',
      'prove',
      'disprove',
      'evidence',
      'askNext',
    ]);
    expect(g.questions.length).toBeGreaterThanOrEqual(5);
    expect(g.questions.length).toBeLessThanOrEqual(8);
    expect(g.askNext).toEqual({
      segments: ['smb'],
      stages: ['discover', 'onboard', 'adopt', 'expand', 'churn'],
      stagesLogged: true,
    });
    const md = ok(['guide', 'H1', '--format', 'md']).out;
    expect(md).toMatch(/^# Interview guide for H1\n\nAdmins will pay for SSO \(viability\)\n\n## Questions\n\n1\. /);
    expect(md).toMatch(/^- \*\*Proves it:\*\* 3 customers/m);
  });

  it('in a journal that never logged a stage, says so once instead of asking all six (fresh-eyes wave 15 H12)', () => {
    ok(['hyp', 'add', 'Admins will pay for SSO', '--tag', 'sso']);
    ok(['log', '--with', 'Ana', '--account', 'Bluebird', '--summary', 'x', '--supports', 'H1']);
    const text = ok(['guide', 'H1']).out;
    expect(text).not.toContain('journey stages not heard');
    expect(text).toMatch(
      /^Ask next {9}journey stages: no conversation has one yet \(pm log --stage STAGE, then they are asked here\)$/m,
    );
    expect(box.json(['guide', 'H1']).askNext).toEqual({ segments: [], stages: [], stagesLogged: false });
    expect(ok(['guide', 'H1', '--format', 'md']).out).toContain('journey stages: no conversation has one yet');
    // once one conversation has a stage, the stages not heard for it are listed
    ok(['log', '--with', 'Bo', '--account', 'Cedar', '--summary', 'y', '--stage', 'adopt']);
    expect(box.json(['guide', 'H1']).askNext.stages).toEqual([
      'discover',
      'evaluate',
      'onboard',
      'adopt',
      'expand',
      'churn',
    ]);
  });

  it('with neither opportunity nor tag, its first question names what "it" is (fresh-eyes wave 13 H7)', () => {
    ok(['hyp', 'add', 'Teams want a Slack digest']);
    const lines = ok(['guide', 'H1']).out.split('\n');
    const first = lines.findIndex((l) => /^ {2}1\. /.test(l));
    expect(lines.slice(first, first + 2)).toEqual([
      '  1. Tell me about the last time you needed something like a Slack digest.',
      '  2. Walk me through how you handled it the last time it came up.',
    ]);
  });

  it('asks first about the opportunities it addresses (pm hyp add --for)', () => {
    ok(['log', '--with', 'Lena', '--account', 'Foxworks', '--summary', 'x', '--pain', 'slow CSV export:high']);
    ok(['hyp', 'add', 'Teams want scheduled exports', '--for', 'slow CSV export', '--tag', 'export']);
    const g = box.json(['guide', 'H1']);
    expect(g.questions[0]).toBe('Tell me about the last time you ran into “slow CSV export”.');
    expect(g.questions.join(' ')).not.toMatch(/deal with export/);
  });

  it('its own questions pass pm guide check', () => {
    setUp();
    const g = box.json(['guide', 'H1']);
    const file = join(box.dir, 'guide.md');
    writeFileSync(file, ok(['guide', 'H1', '--format', 'md']).out);
    const checked = box.json(['guide', 'check', file]);
    // only the questions: not the statement, the criteria or who to ask next (fresh-eyes wave 10 E18)
    expect(checked.map((q: any) => q.text)).toEqual(g.questions);
    expect(checked.filter((q: any) => q.problems.length)).toEqual([]);
  });

  it('an unknown or missing hypothesis is a usage error', () => {
    setUp();
    expectUsageError(box.pm(['guide', 'H9']));
    expect(box.pm(['guide', 'H9']).err).toMatch(/unknown hypothesis H9/);
    expectUsageError(box.pm(['guide', 'I1']));
    const none = box.pm(['guide']);
    expectUsageError(none);
    expect(none.err).toMatch(/which hypothesis\?/);
    expectUsageError(box.pm(['guide', 'H1', '--format', 'csv']));
  });
});

describe('pm guide check', () => {
  const QUESTIONS = [
    '# My questions',
    '- Tell me about the last time you closed the books.',
    "- Don't you think matching is painful?",
    '- Would you pay for automatic matching?',
    '- How do you export, and why?',
    '- Our new feature matches invoices: what do you think?',
    '- Do you export every week?',
  ].join('\n');

  it('marks each problem with a reason, and exits 3 when any question has one', () => {
    const file = join(box.dir, 'q.md');
    writeFileSync(file, QUESTIONS);
    const r = box.pm(['guide', 'check', file]);
    expect(r.code).toBe(3);
    expect(r.out).not.toMatch(/closed the books/);
    expect(r.out).toMatch(/^3: Don't you think matching is painful\?\n {3}leading: "Don't you think" suggests/m);
    expect(r.out).toMatch(/^4: Would you pay for automatic matching\?\n {3}hypothetical: .*\n {3}closed: /m);
    expect(r.out).toMatch(/^5: How do you export, and why\?\n {3}compound: "and why"/m);
    expect(r.out).toMatch(/^6: Our new feature .*\n {3}pitch: "Our new feature"/m);
    expect(r.out).toMatch(/^7: Do you export every week\?\n {3}closed: starts with "Do"/m);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('5 questions of 6 to rework');
  });

  it('--json lists every question with its line, text and problems', () => {
    const r = box.pm(['guide', 'check', '-', '--json'], { input: QUESTIONS });
    expect(r.code).toBe(3);
    const checked = JSON.parse(r.out);
    expect(checked[0]).toEqual({ line: 2, text: 'Tell me about the last time you closed the books.', problems: [] });
    expect(checked[1].problems.map((p: any) => p.kind)).toEqual(['leading', 'closed']);
    expect(Object.keys(checked[1].problems[0])).toEqual(['kind', 'reason']);
    expect(checked).toHaveLength(6);
  });

  it('--format md: the same review as a markdown list, exit 3 all the same', () => {
    const r = box.pm(['guide', 'check', '-', '--format', 'md'], { input: QUESTIONS });
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/^## Question check\n\n5 questions of 6 to rework:\n\n- Line 3: Don't you think/);
    expect(r.out).toMatch(
      /^- Line 4: Would you pay for automatic matching\?\n {2}- \*\*hypothetical:\*\* .*\n {2}- \*\*closed:\*\* /m,
    );
    expect(r.out).not.toMatch(/closed the books/);
    const tree = new Parser().parse(r.out);
    const items: string[] = [];
    for (let e = tree.walker(), ev = e.next(); ev; ev = e.next())
      if (ev.entering && ev.node.type === 'item' && ev.node.parent?.parent?.type !== 'item') items.push('q');
    expect(items).toHaveLength(5);
    const clean = box.pm(['guide', 'check', '--format', 'md'], {
      input: 'Tell me about the last time you exported.\n',
    });
    expect(clean.code).toBe(0);
    expect(clean.out).toBe('## Question check\n\n1 question, all open and about what they did.\n');
    // --format is check's own, though guide takes one too: json as --json, an unknown one refused
    const json = box.pm(['guide', 'check', '-', '--format', 'json'], { input: QUESTIONS });
    expect(JSON.parse(json.out)).toEqual(JSON.parse(box.pm(['guide', 'check', '--json'], { input: QUESTIONS }).out));
    const csv = box.pm(['guide', 'check', '--format', 'csv'], { input: QUESTIONS });
    expectUsageError(csv);
    expect(csv.err).toMatch(/--format must be text, md or json \(got "csv"\)/);
  });

  it('exits 0 when every question is open; reads stdin without a file', () => {
    const r = box.pm(['guide', 'check'], {
      input: 'Tell me about the last time you exported.\nWhat happened next?\nWalk me through it.\n',
    });
    expect(r.code).toBe(0);
    expect(r.out).toBe('3 questions, all open and about what they did\n');
  });

  it('refuses no questions, a missing file and a file too large to be questions', () => {
    expectUsageError(box.pm(['guide', 'check'], { input: '# only a heading\n\n' }));
    const missing = box.pm(['guide', 'check', join(box.dir, 'nope.md')]);
    expectUsageError(missing);
    expect(missing.err).toMatch(/no such file/);
    const big = join(box.dir, 'big.txt');
    writeFileSync(big, 'Why?\n'.repeat(300_000));
    expect(box.pm(['guide', 'check', big]).err).toMatch(/larger than 1 MB/);
  });
});
