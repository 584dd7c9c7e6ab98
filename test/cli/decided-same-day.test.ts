// Evidence on the day of a decision, logged after it, raises evidence-after-kill as it raises
// evidence-after-validate (fresh-eyes wave 18 H13): one rule for both, "dated after the decision's day,
// or that day and logged after the decision", wherever a decision's later evidence is judged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

const LATE_FLAGS = ['evidence-after-kill', 'evidence-after-validate'];
const lateFlags = (report: any) =>
  report.flags.filter((f: any) => LATE_FLAGS.includes(f.kind)).map((f: any) => `${f.kind}:${f.subject}`);

/** H1 killed and H2 validated on 12-03; I1 that day, logged after both, supports H1 and refutes H2. */
function decidedThenHeard() {
  box.ok(['hyp', 'add', 'K idea', '--date', '2026-11-20']);
  box.ok(['hyp', 'add', 'V idea', '--date', '2026-11-20']);
  box.ok(['hyp', 'kill', 'H1', '--reason', 'r', '--date', '2026-12-03']);
  box.ok(['hyp', 'validate', 'H2', '--reason', 'r', '--date', '2026-12-03']);
  box.ok(
    ['log', '--with', 'A', '--account', 'X', '--summary', 's', '--supports', 'H1', '--refutes', 'H2'].concat([
      '--date',
      '2026-12-03',
    ]),
  );
}

describe('a call logged after a kill on the same day (H13)', () => {
  it("raises evidence-after-kill in the report's flags, lists and check, as the validation's does", () => {
    decidedThenHeard();
    const report = box.json(['report', '--week', 'last']);
    expect(lateFlags(report)).toEqual(['evidence-after-kill:H1', 'evidence-after-validate:H2']);
    expect(report.hypotheses.killed.map((k: any) => [k.id, k.flags, k.evidenceAfter])).toEqual([
      ['H1', ['evidence-after-kill'], ['I1']],
    ]);
    const message = report.flags.find((f: any) => f.kind === 'evidence-after-kill').message;
    expect(message).toBe('H1 was killed on 2026-12-03, but I1 logged after supports it: reopen it, or unlink');
    // text and markdown name it; this week's --check exits 3 for it alone once the validation is reopened
    expect(box.ok(['report', '--week', 'last']).out).toContain('H1 was killed, but I1 since supports it');
    expect(box.ok(['report', '--week', 'last', '--format', 'md']).out).toContain('`evidence-after-kill`: I1');
    box.ok(['hyp', 'reopen', 'H2', '--reason', 'recheck']);
    expect(box.pm(['report', '--check']).code).toBe(3);
    expect(lateFlags(box.json(['report']))).toEqual(['evidence-after-kill:H1']);
  });

  it('is named by pm hyp show and pm hyp list, as the validation is', () => {
    decidedThenHeard();
    const shown = box.ok(['hyp', 'show', 'H1']).out;
    expect(shown).toMatch(/Flags\s+evidence-after-kill/);
    expect(shown).toContain('I1 logged after the kill supports it');
    expect(box.json(['hyp', 'show', 'H1']).flags).toContain('evidence-after-kill');
    const listed = box.json(['hyp', 'list', '--status', 'all']);
    expect(listed.map((h: any) => [h.id, h.flags])).toEqual([
      ['H1', ['evidence-after-kill']],
      ['H2', ['evidence-after-validate']],
    ]);
  });

  it('is judged the same as of a day before a later decision (the outcomes looked up, not the kept ones)', () => {
    decidedThenHeard();
    // a kill dated after --as-of sends the report to each hypothesis's outcomes as of that day
    box.ok(['hyp', 'add', 'Later', '--date', '2026-11-20']);
    box.ok(['hyp', 'kill', 'H3', '--reason', 'later', '--date', '2026-12-06']);
    expect(box.ok(['report', '--as-of', '2026-12-04']).out).toContain('H1 was killed, but I1 since supports it');
    expect(box.ok(['report', '--as-of', '2026-12-04', '--format', 'md']).out).toContain('`evidence-after-kill`: I1');
    const report = box.json(['report', '--as-of', '2026-12-04']);
    expect(lateFlags(report)).toEqual(['evidence-after-kill:H1', 'evidence-after-validate:H2']);
  });
});

describe('a call logged before a decision dated the same day', () => {
  it('raises nothing: it was known when the idea was killed or validated', () => {
    box.ok(['hyp', 'add', 'K idea', '--date', '2026-11-20']);
    box.ok(['hyp', 'add', 'V idea', '--date', '2026-11-20']);
    box.ok(
      ['log', '--with', 'A', '--account', 'X', '--summary', 's', '--supports', 'H1', '--refutes', 'H2'].concat([
        '--date',
        '2026-12-03',
      ]),
    );
    // decided days later, dated back to the call's day
    box.ok(['hyp', 'kill', 'H1', '--reason', 'r', '--date', '2026-12-03']);
    box.ok(['hyp', 'validate', 'H2', '--reason', 'r', '--date', '2026-12-03']);
    const report = box.json(['report', '--week', 'last']);
    expect(lateFlags(report)).toEqual([]);
    expect(report.hypotheses.killed.map((k: any) => k.evidenceAfter)).toEqual([[]]);
    expect(box.pm(['report', '--week', 'last', '--check']).code).toBe(0);
    expect(box.json(['hyp', 'list', '--status', 'all']).map((h: any) => h.flags)).toEqual([[], []]);
    expect(box.ok(['hyp', 'show', 'H1']).out).toMatch(/Flags\s+none/);
  });
});

describe('a call refuting a kill, logged after it the same day', () => {
  it('confirms the decision on pm hyp show and raises nothing', () => {
    box.ok(['hyp', 'add', 'K idea', '--date', '2026-11-20']);
    box.ok(['hyp', 'kill', 'H1', '--reason', 'r', '--date', '2026-12-03']);
    box.ok(['log', '--with', 'A', '--account', 'X', '--summary', 's', '--refutes', 'H1', '--date', '2026-12-03']);
    const shown = box.ok(['hyp', 'show', 'H1']).out;
    expect(shown).toContain('I1 logged after the kill refutes it too: it confirms the decision');
    expect(shown).toMatch(/Flags\s+none/);
    expect(lateFlags(box.json(['report', '--week', 'last']))).toEqual([]);
  });
});
