// Findings of the fresh-eyes tester in wave 19 (H<n>), each as a user meets it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

describe('a decided hypothesis keeps the words it was decided on (H8)', () => {
  beforeEach(() => {
    box.ok(['hyp', 'add', 'Ops leads want a weekly digest email', '--date', '2026-11-01']);
    box.ok([
      'log',
      '--with',
      'Lee',
      '--account',
      'Acme',
      '--summary',
      'slack',
      '--refutes',
      'H1',
      '--date',
      '2026-11-10',
    ]);
    box.ok(['hyp', 'kill', 'H1', '--reason', 'Ops leads live in Slack', '--date', '2026-11-20']);
    box.ok(['hyp', 'add', 'Finance wants itemised invoices', '--criteria', '3 of 5 say yes', '--date', '2026-11-01']);
    box.ok(['hyp', 'validate', 'H2', '--reason', 'four said yes', '--date', '2026-11-21']);
  });

  it('refuses a new statement or criterion, --force or not, naming the ways out; nothing changes', () => {
    for (const args of [
      ['hyp', 'edit', 'H1', '--statement', 'Ops leads want a weekly digest in Slack', '--force'],
      ['hyp', 'edit', 'H1', '--statement', 'Ops leads want a weekly digest in Slack'],
    ]) {
      const r = box.pm(args);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain('pm: H1 is killed (2026-11-20): its statement and criterion are what was decided');
      expect(r.err).toContain('try: pm hyp add "…" for a new belief, or pm hyp reopen H1 --reason "…" first');
    }
    const v = box.pm(['hyp', 'edit', 'H2', '--criteria', '', '--force']);
    expect(v.code, v.err).toBe(2);
    expect(v.err).toContain('pm: H2 is validated (2026-11-21)');
    const shown = box.json(['hyp', 'list', '--status', 'all']);
    expect(shown.map((h: { statement: string; criteria: string | null }) => [h.statement, h.criteria])).toEqual([
      ['Ops leads want a weekly digest email', null],
      ['Finance wants itemised invoices', '3 of 5 say yes'],
    ]);
  });

  it('what does not move the bar is still edited; reopened, the words can change', () => {
    expect(box.ok(['hyp', 'edit', 'H1', '--tag', 'digest']).out).toContain('Edited H1 · tags');
    box.ok(['hyp', 'reopen', 'H1', '--reason', 'Ben wants it']);
    expect(box.ok(['hyp', 'edit', 'H1', '--statement', 'Ops leads want a digest in Slack', '--force']).out).toContain(
      'Edited H1 · statement',
    );
  });
});

describe('the HTML page shows what was killed and why, and each interview its stage and hypotheses (H14)', () => {
  const fill = () => {
    box.ok(['hyp', 'add', 'Ops leads want a weekly digest', '--date', '2026-11-02']);
    box.ok(['hyp', 'add', 'Finance pays for matching', '--date', '2026-11-02']);
    box.ok(['log', '--with', 'Bob', '--account', 'Initech', '--summary', 'no digest', '--refutes', 'H1']);
    box.ok(['hyp', 'kill', 'H1', '--reason', 'Ops leads live in Slack', '--date', '2026-11-20']);
    box.ok(['log', '--with', 'Nora', '--account', 'Northwind', '--summary', 'would never pay', '--stage', 'evaluate']);
    box.ok(['hyp', 'link', 'H2', 'I2', '--refutes', '--strength', 'strong']);
    box.ok(['log', '--with', 'Ben', '--account', 'Bluebird', '--summary', 'digest yes', '--supports', 'H1']);
  };
  const section = (html: string, id: string) => html.match(new RegExp(`<section id="${id}">(.*?)</section>`))?.[1];
  const text = (html: string) => html.replace(/<[^>]*>/g, '');

  it('a Killed and invalidated section, as the markdown has it', () => {
    fill();
    for (const args of [
      ['report', '--format', 'html'],
      ['export', '--week', '--format', 'html'],
    ]) {
      const killed = section(box.ok(args).out, 'killed');
      expect(killed, args.join(' ')).toBeDefined();
      expect(text(killed ?? '')).toBe(
        'Killed and invalidatedH1 killed on 2026-11-20: Ops leads want a weekly digest — Ops leads live in Slack; ' +
          'evidence-after-kill: I3',
      );
    }
    // killed within the period: named, not written out twice
    const month = box.ok(['report', '--month', '2026-11', '--format', 'html']).out;
    expect(text(section(month, 'killed') ?? '')).toBe(
      'Killed and invalidatedH1 killed on 2026-11-20, under Decided this period above',
    );
    box.ok(['hyp', 'reopen', 'H1', '--reason', 'Ben wants it']);
    expect(text(section(box.ok(['report', '--format', 'html']).out, 'killed') ?? '')).toBe(
      'Killed and invalidatedNothing killed or invalidated.',
    );
  });

  it("an interview's card names its journey stage and the hypotheses it is evidence for", () => {
    fill();
    const html = box.ok(['export', '--week', '--format', 'html']).out;
    const card = (id: string) => text(html.match(new RegExp(`<article id="${id}">(.*?)</article>`))?.[1] ?? '');
    expect(card('I2')).toContain('Stage: evaluate');
    expect(card('I2')).toContain('Hypotheses: H2 refutes (strong): Finance pays for matching');
    expect(card('I3')).toContain('Hypotheses: H1 supports (medium): Ops leads want a weekly digest');
    expect(card('I3')).not.toContain('Stage:');
  });
});

describe("the standup page's last line shows the same page in full (H1)", () => {
  it('repeats the flags that chose the page, and the command it prints shows that period', () => {
    box.ok(['config', 'set', 'user.name', 'Dana Lee']);
    box.ok(['log', '--with', 'Lee', '--account', 'Acme', '--summary', 'call', '--date', '2026-11-10']);
    box.ok(['log', '--with', 'Lee', '--account', 'Acme', '--summary', 'call', '--date', '2026-12-02']);
    const footer = (args: string[]) => box.ok(args).out.trimEnd().split('\n').at(-1)!;
    expect(footer(['report'])).toMatch(/ → pm report --full$/);
    expect(footer(['report', '--week', 'last'])).toMatch(/ → pm report --week last --full$/);
    expect(footer(['report', '--month'])).toMatch(/ → pm report --month --full$/);
    expect(footer(['report', '--since', '2026-11-01', '--until', '2026-11-20'])).toMatch(
      / → pm report --since 2026-11-01 --until 2026-11-20 --full$/,
    );
    expect(footer(['report', '--as-of', '2026-11-15'])).toMatch(/ → pm report --as-of 2026-11-15 --full$/);
    expect(footer(['report', '--week', '2026-W49', '--by', 'Dana Lee'])).toMatch(
      / → pm report --week 2026-W49 --by "Dana Lee" --full$/,
    );
    // run as printed, it heads the same period
    expect(box.ok(['report', '--week', 'last']).out.split('\n')[0]).toContain('2026-W49');
    expect(box.ok(['report', '--week', 'last', '--full']).out.split('\n')[0]).toContain('2026-W49');
  });
});

describe("the HTML page's opportunities and themes count signals as text and markdown do (H7)", () => {
  const fill = () => {
    for (const source of ['Zendesk', 'Capterra', 'Zendesk'])
      box.ok([
        'log',
        '--channel',
        'support',
        '--source',
        source,
        '--summary',
        'slow',
        '--pain',
        'slow CSV export:high',
      ]);
    box.ok(['log', '--with', 'Ann', '--account', 'Acme', '--summary', 'a', '--pain', 'manual matching:blocker']);
    box.ok(['log', '--with', 'Bo', '--account', 'Beta', '--summary', 'b', '--pain', 'manual matching']);
  };
  const text = (html: string) => html.replace(/<[^>]*>/g, '');
  const items = (html: string, id: string) =>
    [...(html.match(new RegExp(`<section id="${id}">(.*?)</section>`))?.[1] ?? '').matchAll(/<li>(.*?)<\/li>/g)].map(
      (m) => text(m[1]),
    );

  it('an opportunity heard only from signals says so, and a scored one its severities', () => {
    fill();
    const html = box.ok(['report', '--format', 'html']).out;
    const md = box.ok(['report', '--format', 'md']).out;
    const opps = items(html, 'opportunities');
    expect(opps).toContain('slow CSV export — score 0: no customer conversation; 3 signals; heard 2026-12-07');
    expect(opps).toContain(
      'manual matching — score 7: 2 customers from 2 accounts (1 blocker, 1 medium); heard 2026-12-07',
    );
    // the same words as the markdown page
    for (const line of opps) expect(md).toContain(`- **${line.replace(' — ', '** — ')}`);
    // the chart's bar of score 0 says why it is there
    expect(html).toMatch(/<text class="dim note"[^>]*>3 signals<\/text>/);
    const themes = items(html, 'themes');
    expect(themes).toContain('slow CSV export (pain): 0 accounts, 2 signal sources, 3 interviews');
  });
});

describe('the guide of a hypothesis held as a bet says so, not "decide now" (H5)', () => {
  beforeEach(() => {
    box.ok(['hyp', 'add', 'Teams will self-serve', '--decide-by', '2026-11-02', '--date', '2026-10-01']);
  });

  it('past its decide-by, a running bet: decide when the bet ends', () => {
    box.ok(['hyp', 'bet', 'H1', '--until', '2026-12-22', '--reason', 'founder conviction', '--date', '2026-11-10']);
    const text = box.ok(['guide', 'H1']).out;
    expect(text).toContain('by 2026-11-02, 35 days ago; held as a bet until 2026-12-22: decide then (pm hyp show H1)');
    expect(text).not.toContain('decide now');
    expect(box.json(['guide', 'H1', '--json']).disprove).toContain('held as a bet until 2026-12-22');
  });

  it('past its decide-by without a bet, or once the bet is over: decide now, with commands that run', () => {
    expect(box.json(['guide', 'H1', '--json']).disprove).toContain(
      'decide now (pm hyp validate H1 --reason "…" or pm hyp kill H1 --reason "…")',
    );
    box.ok(['hyp', 'bet', 'H1', '--until', '2026-12-01', '--reason', 'founder conviction', '--date', '2026-11-10']);
    expect(box.json(['guide', 'H1', '--json']).disprove).toContain(
      '35 days ago; the bet ran until 2026-12-01: decide now (pm hyp validate H1 --reason "…" or pm hyp kill H1',
    );
  });
});

describe('one customer supports, one customer refutes: the verb agrees (H9)', () => {
  it('on the standup page, in the flags of --full and --json, and in the guide', () => {
    box.ok(['hyp', 'add', 'Ops leads want a digest']);
    for (const [who, link] of [
      ['Ann', '--refutes'],
      ['Bo', '--refutes'],
      ['Cy', '--supports'],
    ])
      box.ok(['log', '--with', who, '--account', who, '--summary', 'call', link, 'H1']);
    expect(box.ok(['report']).out).toContain('Kill H1? 2 customers refute it, 1 customer supports it');
    box.ok(['config', 'set', 'evidence.killAt', '1']);
    box.ok(['hyp', 'add', 'Admins want SSO']);
    box.ok(['log', '--with', 'Di', '--account', 'Di', '--summary', 'call', '--refutes', 'H2']);
    const line = 'H2 is ready to kill: 1 customer refutes it (pm hyp kill H2 --reason "…")';
    expect(box.ok(['report', '--full']).out).toContain(line);
    expect(box.json(['report']).flags.map((f: { message: string }) => f.message)).toContain(line);
    expect(box.ok(['guide', 'H2']).out).toContain('1 customer refutes it (ready-to-kill)');
  });
});

describe('next steps printed as they run (H10)', () => {
  it('the warning of evidence for a killed hypothesis names reopen with its --reason', () => {
    box.ok(['hyp', 'add', 'Ops leads want a digest']);
    box.ok(['hyp', 'kill', 'H1', '--reason', 'they live in Slack']);
    const r = box.ok(['log', '--with', 'Ben', '--account', 'Bird', '--summary', 'wants it', '--supports', 'H1']);
    expect(r.err).toContain('(pm hyp reopen H1 --reason "…" to pursue it again)');
  });

  it('the tree names --for with a placeholder pm refuses, not a NAME it would store', () => {
    box.ok(['hyp', 'add', 'Ops leads want a digest']);
    const tree = box.ok(['tree']).out;
    expect(tree).toContain('For no opportunity yet (pm hyp edit H1 --for "…")');
    expect(tree).not.toContain('--for NAME');
    const r = box.pm(['hyp', 'edit', 'H1', '--for', '…']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('pm: --for "…" has no words');
    expect(box.json(['hyp', 'show', 'H1']).opportunities).toEqual([]);
  });
});

describe('a new deadline of a running bet that is past says so, not that the bet starts today (H11)', () => {
  it('names the bet as held since its first day', () => {
    box.ok(['hyp', 'add', 'Teams will self-serve', '--date', '2026-11-01']);
    box.ok(['hyp', 'bet', 'H1', '--until', '2026-12-22', '--reason', 'conviction', '--date', '2026-11-10']);
    const r = box.pm(['hyp', 'bet', 'H1', '--until', '2026-12-01', '--reason', 'shorter']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'pm: --until 2026-12-01 is past: the bet on H1, held since 2026-11-10, gets a new deadline of today or later',
    );
    expect(r.err).not.toContain('before the bet starts');
    expect(box.json(['hyp', 'show', 'H1']).bet.until).toBe('2026-12-22');
    // a first bet keeps its words
    box.ok(['hyp', 'add', 'Admins want SSO']);
    expect(box.pm(['hyp', 'bet', 'H2', '--until', '2026-12-01', '--reason', 'x']).err).toContain(
      'pm: --until 2026-12-01 is before the bet starts (today, 2026-12-07)',
    );
  });
});

describe("evidence logged for a decided hypothesis, dated before the decision (the lead's low item, fixes4)", () => {
  beforeEach(() => {
    box.ok(['hyp', 'add', 'Ops leads want a digest', '--date', '2026-11-01']);
    box.ok(['hyp', 'kill', 'H1', '--reason', 'they live in Slack', '--date', '2026-11-20']);
  });

  it('a call dated before the kill is said to predate it, with no reopen, and raises no flag', () => {
    const args = ['log', '--with', 'Ben', '--account', 'Bird', '--summary', 'wants it', '--supports', 'H1'];
    const r = box.ok([...args, '--date', '2026-11-10']);
    expect(r.err).toContain(
      'pm: warning: H1 was killed on 2026-11-20, after this conversation (2026-11-10): the evidence is recorded as known',
    );
    expect(r.err).not.toContain('pm hyp reopen');
    expect(box.ok(['hyp', 'show', 'H1']).out).not.toContain('evidence-after-kill');
  });

  it('a call dated on or after the kill day raises evidence-after-kill and is warned of with reopen, as before', () => {
    const args = ['log', '--with', 'Ben', '--account', 'Bird', '--summary', 'wants it', '--supports', 'H1'];
    const r = box.ok([...args, '--date', '2026-11-20']);
    expect(r.err).toContain('H1 is killed ("Ops leads want a digest"); the evidence is recorded anyway');
    expect(r.err).toContain('(pm hyp reopen H1 --reason "…" to pursue it again)');
    expect(box.ok(['hyp', 'show', 'H1']).out).toContain('evidence-after-kill');
  });
});

describe('pm hyp link of a conversation dated before the kill (the same rule as pm log)', () => {
  it('says the conversation predates the kill instead of "reopen it if it changes your mind"', () => {
    box.ok(['hyp', 'add', 'Ops leads want a digest', '--date', '2026-11-01']);
    box.ok(['log', '--with', 'Ben', '--account', 'Bird', '--summary', 'wants it', '--date', '2026-11-10']);
    box.ok(['hyp', 'kill', 'H1', '--reason', 'they live in Slack', '--date', '2026-11-20']);
    const r = box.ok(['hyp', 'link', 'H1', 'I1', '--supports']);
    expect(r.err).toContain('pm: warning: H1 was killed on 2026-11-20, after this conversation (2026-11-10)');
    expect(r.err).not.toContain('reopen');
    expect(box.ok(['hyp', 'show', 'H1']).out).not.toContain('evidence-after-kill');
  });
});
