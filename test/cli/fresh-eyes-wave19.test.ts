// Findings of the fresh-eyes tester in wave 19 (H<n>) fixed by one helper, each as a user meets it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

describe('the markdown and HTML exports mark what does not count as customer evidence (H3)', () => {
  const fill = () => {
    box.ok(['hyp', 'add', 'Sales needs a Salesforce sync', '--date', '2026-11-20']);
    box.ok(['log', '--with', 'Sally', '--account', 'Our Co', '--role', 'stakeholder', '--summary', 'sfdc']);
    box.ok(['hyp', 'link', 'H1', 'I1', '--supports', '--strength', 'strong']);
    box.ok(['log', '--channel', 'survey', '--source', 'NPS survey', '--summary', 'nps', '--supports', 'H1']);
    box.ok(['log', '--with', 'Kim', '--account', 'Acme', '--summary', 'wants it', '--supports', 'H1']);
  };

  it('an evidence line and an interview heading say a stakeholder meeting or a signal is not counted', () => {
    fill();
    for (const args of [['export'], ['export', '--week'], ['export', '--redact']]) {
      const md = box.ok(args).out;
      expect(md, args.join(' ')).toMatch(
        /^- \*\*I1\*\* 2026-12-07 supports \(strong\) · .+: sfdc \[no customer present: not counted\]$/m,
      );
      expect(md).toMatch(/^- \*\*I2\*\* 2026-12-07 supports \(medium\) · .+: nps \[second-hand: not counted\]$/m);
      expect(md).toMatch(/^- \*\*I3\*\* 2026-12-07 supports \(medium\) · .+: wants it$/m);
      expect(md).toMatch(/^### I1 · 2026-12-07 · call with .+ · a stakeholder meeting: not customer contact$/m);
      expect(md).toMatch(/^### I2 · 2026-12-07 · survey signal from .+ · a signal: not customer contact$/m);
      expect(md).toMatch(/^### I3 · 2026-12-07 · call with [^·]+$/m);
    }
  });

  it("the HTML export's interview headings say so too", () => {
    fill();
    const html = box.ok(['export', '--format', 'html']).out;
    const heading = (id: string) => html.match(new RegExp(`<article id="${id}"><h3>(.*?)</h3>`))?.[1] ?? '';
    expect(heading('I1')).toMatch(/ · a stakeholder meeting: not customer contact$/);
    expect(heading('I2')).toMatch(/ · a signal: not customer contact$/);
    expect(heading('I3')).not.toContain('not customer contact');
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
