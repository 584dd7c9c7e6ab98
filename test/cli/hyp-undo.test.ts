// A decision taken back (fresh-eyes wave 14 H16, H5): `pm hyp reopen` the day of the decision is an
// undo that keeps the decide-by the team agreed, and the week's notes and the standup's footer count
// each hypothesis once, by what really happened to it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const today = (PM_TODAY: string) => ({ env: { PM_TODAY } });
const footer = (out: string) => out.trimEnd().split('\n').at(-1) ?? '';

describe('a decision on the wrong id, reopened the same day (H16)', () => {
  beforeEach(() => {
    box.ok(['hyp', 'add', 'Controllers want bulk approve', '--decide-by', '2026-12-10']);
    box.ok(['hyp', 'add', 'Teams want a Slack digest']); // decide by 2026-12-18
    const dec7 = today('2026-12-07');
    box.ok(['hyp', 'kill', 'H1', '--reason', 'meant H2'], dec7);
    const undo = box.ok(['hyp', 'reopen', 'H1', '--reason', 'oops, wrong id'], dec7);
    expect(undo.out).toBe(
      'Reopened H1 on 2026-12-07: open again, decide by 2026-12-10 (kept: reopened the day it was decided) ' +
        '— oops, wrong id\n',
    );
    box.ok(['hyp', 'kill', 'H2', '--reason', 'nobody reads digests'], dec7);
  });

  it('keeps the decide-by; the notes and the footer count the one real decision', () => {
    const dec7 = today('2026-12-07');
    expect(box.json(['hyp', 'show', 'H1'], dec7).decideBy).toBe('2026-12-10');
    const notes = box.ok(['export', '--week'], dec7).out;
    const decided = notes.slice(notes.indexOf('## Decided this period'), notes.indexOf('## Killed'));
    expect(decided).toMatch(/\*\*H2\*\* killed on 2026-12-07/);
    expect(decided).not.toMatch(/H1/);
    expect(footer(box.ok(['report'], dec7).out)).toMatch(/^1 open hypothesis · 1 decided · 0 themes/);
    // the history keeps both
    expect(box.ok(['hyp', 'show', 'H1'], dec7).out).toMatch(/killed[\s\S]*reopened/i);
  });

  it('a reopening on a later day starts a new time box, and says which one it replaces', () => {
    const r = box.ok(['hyp', 'reopen', 'H2', '--reason', 'they do read them'], today('2026-12-08'));
    expect(r.out).toMatch(/^Reopened H2 on 2026-12-08: open again, decide by 2027-01-05 \(it was 2026-12-18\) — /);
  });
});

describe("the standup's footer (H5)", () => {
  it('counts an invalidated hypothesis once, not as decided and killed', () => {
    const dec7 = today('2026-12-07');
    box.ok(['hyp', 'add', 'Finance leads will pay for automatic payment matching'], dec7);
    box.ok(['hyp', 'add', 'Admins can export big workspaces without support', '--kind', 'usability'], dec7);
    box.ok(
      ['log', '--with', 'Zoë Ŝtraße', '--account', 'Ünïcode GmbH', '--summary', 'exports', '--refutes', 'H2'],
      dec7,
    );
    box.ok(['hyp', 'invalidate', 'H2', '--reason', '1 of 2 had trouble; not enough'], dec7);
    expect(footer(box.ok(['report'], dec7).out)).toMatch(/^1 open hypothesis · 1 decided · 0 themes/);
    // a week later it was decided before: counted among those killed or invalidated
    expect(footer(box.ok(['report'], today('2026-12-14')).out)).toMatch(
      /^1 open hypothesis · 0 themes · 1 killed or invalidated/,
    );
  });
});
