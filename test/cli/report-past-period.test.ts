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

// Its open hypotheses are those open at its end, but their dates count to --as-of, as the contract's
// past-decide-by ("decide-by before --as-of") and stale do: Monday's page of last week said "Decide
// H2 today" of Sunday's decide-by (review wave 16 R5).
describe('a past week as of the Monday after', () => {
  let monday: Sandbox;
  const asMonday = (args: string[]) => monday.ok(args).out;
  beforeEach(() => {
    monday = sandbox({ today: '2026-12-14' });
    // stale after 14 days without evidence: on Sunday the 13th it was 14 days old, on Monday 15
    monday.ok(['hyp', 'add', 'Ops want a digest', '--decide-by', '2027-02-01'], on('2026-11-29'));
    monday.ok(['log', '--with', 'Ann Bo', '--account', 'X', '--summary', 'wants a digest'], on('2026-12-08'));
  });
  afterEach(() => monday.cleanup());

  it('says a decide-by of the last day is past, not today, on every page', () => {
    monday.ok(['hyp', 'add', 'Teams pay for SSO', '--decide-by', '2026-12-13'], on('2026-12-01'));
    const json = monday.json(['report', '--week', 'last']) as {
      hypothesesAsOf: string;
      hypotheses: { unvalidated: { id: string; ageDays: number; flags: string[] }[] };
      flags: { kind: string; subject: string }[];
    };
    expect(json.hypothesesAsOf).toBe('2026-12-13');
    expect(json.hypotheses.unvalidated.map((h) => [h.id, h.ageDays, h.flags])).toEqual([
      ['H1', 15, ['stale', 'no-evidence']],
      ['H2', 13, ['past-decide-by', 'no-evidence']],
    ]);
    expect(json.flags.map((f) => [f.kind, f.subject])).toEqual([
      ['stale', 'H1'],
      ['past-decide-by', 'H2'],
    ]);
    const page = asMonday(['report', '--week', 'last']);
    expect(page).toContain('Decide H2: 1 day past its decide-by');
    expect(page).not.toContain('today');
    const md = asMonday(['report', '--week', 'last', '--format', 'md']);
    expect(md).toContain('H2 was to be decided by 2026-12-13 (1 day ago)');
    expect(md).not.toContain('decide-today');
    expect(md).toContain(
      "As they stood on 2026-12-13, the period's last day, with ages, decide-by and stale days counted to 2026-12-14",
    );
    // this week's page, as of the same day, says the same of them
    expect(monday.json(['report']).hypotheses).toEqual(json.hypotheses);
    // the week's export is as of its last day unless told (the contract): then it was due that day
    expect(asMonday(['export', '--week', 'last'])).toContain('`decide-today` H2 is to be decided today');
    const exported = asMonday(['export', '--week', 'last', '--as-of', '2026-12-14']);
    expect(exported).toContain('`past-decide-by` H2 was to be decided by 2026-12-13 (1 day ago)');
    expect(exported).not.toContain('decide-today');
  });

  it('--check exits 3 for a hypothesis gone stale by --as-of, as the page says', () => {
    expect(asMonday(['report', '--week', 'last'])).toContain('H1 is stale: no customer evidence for 15 days');
    expect(monday.pm(['report', '--week', 'last', '--check']).code).toBe(3);
    // as of the week's last day it was not stale yet, and nothing else was to act on
    expect(monday.pm(['report', '--week', '2026-W50', '--as-of', '2026-12-13', '--check']).code).toBe(0);
    expect(monday.pm(['export', '--week', 'last']).out).not.toContain('stale');
  });
});

// One open at the week's end but decided since (before --as-of) was open then: listed, and whether it was
// past its decide-by is judged at the week's end. Counted to --as-of it read "5 days past its decide-by",
// and --check exited 3, for a hypothesis validated on time (review wave 18 R3).
describe('a past week with a hypothesis decided since', () => {
  let later: Sandbox;
  beforeEach(() => {
    later = sandbox({ today: '2026-12-10' });
    later.ok(['hyp', 'add', 'Ops want a digest', '--decide-by', '2026-12-09'], on('2026-11-30'));
    later.ok(['hyp', 'add', 'Teams pay for SSO', '--decide-by', '2026-12-05'], on('2026-11-30'));
    later.ok(
      ['log', '--with', 'Ann Bo', '--account', 'X', '--summary', 's', '--supports', 'H1', '--supports', 'H2'],
      on('2026-11-30'),
    );
    later.ok(['log', '--with', 'Cy Do', '--account', 'Y', '--summary', 'later'], on('2026-12-10'));
  });
  afterEach(() => later.cleanup());
  type Page = {
    hypotheses: { unvalidated: { id: string; flags: string[] }[] };
    flags: { kind: string; subject: string }[];
  };

  it('judges its decide-by at the week end, not --as-of, on every page and in --check', () => {
    // H1 decided on the 8th, before its decide-by (the 9th); H2 on the 8th, after its decide-by (the 5th)
    later.ok(['hyp', 'validate', 'H1', '--reason', 'yes'], on('2026-12-08'));
    later.ok(['hyp', 'kill', 'H2', '--reason', 'no'], on('2026-12-08'));
    const json = later.json(['report', '--week', 'last']) as Page;
    const same = later.json(['report', '--week', '2026-W49', '--as-of', '2026-12-10']) as Page;
    expect(same).toEqual(json);
    expect(json.hypotheses.unvalidated.map((h) => [h.id, h.flags])).toEqual([
      ['H1', ['decide-soon']],
      ['H2', ['past-decide-by']],
    ]);
    expect(json.flags.map((f) => [f.kind, f.subject])).toEqual([['past-decide-by', 'H2']]);
    const page = later.ok(['report', '--week', 'last']).out;
    expect(page).not.toMatch(/H1: \d+ days? past/);
    expect(page).toContain('Decide H2: 1 day past its decide-by');
    expect(later.ok(['report', '--week', 'last', '--format', 'md']).out).not.toContain('H1 was to be decided');
  });

  it('--check exits 0 when the only one past its decide-by now was decided on time', () => {
    later.ok(['hyp', 'validate', 'H1', '--reason', 'yes'], on('2026-12-08'));
    later.ok(['hyp', 'kill', 'H2', '--reason', 'no'], on('2026-12-04'));
    const json = later.json(['report', '--week', 'last']) as Page;
    expect(json.hypotheses.unvalidated.map((h) => h.id)).toEqual(['H1']);
    expect(json.flags).toEqual([]);
    expect(later.pm(['report', '--week', 'last', '--check']).code).toBe(0);
  });
});
