// A past period's report (as of today, the contract's default) judges its hypotheses as they stood at
// the period's end, as the period's export (as of its last day) does: `pm report --week last` on Monday
// listed a hypothesis invalidated that morning as killed in last week (fresh-eyes wave 15, still there).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
const on = (today: string) => ({ env: { ...process.env, PM_TODAY: today } });
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
  box.ok(['hyp', 'add', 'Ops want a digest', '--criteria', '3 of 5', '--decide-by', '2026-12-20'], on('2026-11-23'));
  box.ok(['hyp', 'add', 'Finance want exports', '--criteria', '3 of 5'], on('2026-11-24'));
  box.ok(['log', '--with', 'Ann Bo', '--account', 'X', '--summary', 'no digest', '--refutes', 'H1'], on('2026-12-01'));
  box.ok(
    ['log', '--with', 'Cy Do', '--account', 'Y', '--summary', 'none', '--refutes', 'H1', '--supports', 'H2'],
    on('2026-12-02'),
  );
  box.ok(['hyp', 'kill', 'H2', '--reason', 'early kill'], on('2026-12-03'));
  // Monday of the next week
  box.ok(['hyp', 'invalidate', 'H1', '--reason', 'nobody reads mail']);
});
afterEach(() => box.cleanup());

describe('a past week as of today', () => {
  it('lists as killed only what was decided by its end, the later one open then, on every page', () => {
    const json = box.json(['report', '--week', 'last']) as {
      hypotheses: { killed: { id: string }[]; unvalidated: { id: string; flags: string[] }[] };
      flags: { kind: string; subject: string }[];
    };
    expect(json.hypotheses.killed.map((k) => k.id)).toEqual(['H2']);
    expect(json).toHaveProperty('hypothesesAsOf', '2026-12-06');
    expect(json.hypotheses.unvalidated.map((h) => [h.id, h.flags])).toEqual([['H1', ['ready-to-kill']]]);
    const full = box.ok(['report', '--week', 'last', '--full']).out;
    const killed = full.slice(full.indexOf('Killed and invalidated'));
    expect(killed).toContain('H2');
    expect(killed.split('\n\n')[0]).not.toContain('H1');
    const then = "As they stood on 2026-12-06, the period's last day";
    expect(full.slice(full.indexOf('Unvalidated hypotheses'))).toMatch(
      new RegExp(`^Unvalidated hypotheses \\(1\\)\\n\\s+${then}[^\\n]*\\n\\s+H1 `),
    );
    expect(box.ok(['report', '--week', 'last']).out).toContain('1 open hypothesis on 2026-12-06');
    const md = box.ok(['report', '--week', 'last', '--format', 'md']).out;
    expect(md).not.toContain('nobody reads mail');
    expect(md).toContain(then);
    const html = box.ok(['report', '--week', 'last', '--format', 'html']).out;
    expect(html).not.toContain('nobody reads mail');
    expect(html).toContain(then.replace("'", '&#39;'));
    // the week's export says the same (it always judged as of the week's last day)
    const exported = box.ok(['export', '--week', 'last', '--format', 'md']).out;
    expect(exported).not.toContain('nobody reads mail');
    // --check agrees with the page: H1 was ready to kill that week
    expect(box.pm(['report', '--week', 'last', '--check']).code).toBe(3);
  });

  it('this week, as of today, has H1 invalidated', () => {
    const json = box.json(['report']) as { hypotheses: { killed: { id: string }[]; unvalidated: unknown[] } };
    expect(json.hypotheses.killed.map((k) => k.id)).toEqual(['H1', 'H2']);
    expect(json.hypotheses.unvalidated).toEqual([]);
    expect(json).not.toHaveProperty('hypothesesAsOf');
    expect(box.ok(['report', '--full']).out).not.toContain('As they stood');
    expect(box.pm(['report', '--check']).code).toBe(0);
  });
});
