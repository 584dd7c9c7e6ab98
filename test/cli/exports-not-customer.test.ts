// The markdown and HTML exports mark a stakeholder meeting or a signal as no customer contact (fresh-eyes wave 19 H3).
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
