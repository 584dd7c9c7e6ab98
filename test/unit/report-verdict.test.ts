// The report's verdict and the rules issue 15 added: behind-target (the pace of a period),
// evidence-after-validate, decide-soon, and follow-ups answered by a later customer conversation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journal, type JournalBuilder } from '../fixtures/journal-builder.js';
import { addDays } from '../../src/core/dates.js';

let j: JournalBuilder;
beforeEach(() => (j = journal()));
afterEach(() => j.close());

const kinds = (r: { flags: { kind: string; subject: string }[] }) => r.flags.map((f) => `${f.kind}:${f.subject}`);

describe('behind-target: fewer customer conversations than floor(target × elapsed ÷ length)', () => {
  it('on each day of a week with a target of 3 and one call on Monday', () => {
    j.config({ 'cadence.target': 3, 'cadence.days': 7 });
    const acme = j.account('Acme');
    j.interview({ date: '2026-11-16', account: acme, with: [j.contact('Jane', acme)] }); // Monday of 2026-W47
    // Mon..Sun: due 0, 0, 1, 1, 2, 2, 3 (floor(3 × d ÷ 7)); one call made
    const expected = [0, 0, 1, 1, 2, 2, 3];
    expected.forEach((due, k) => {
      const day = addDays('2026-11-16', k);
      const r = j.report(day);
      expect(r.contact, day).toMatchObject({ direct: 1, target: 3, expected: due, elapsedDays: k + 1 });
      expect(r.contact.behind, day).toBe(due > 1);
      expect(r.verdict, day).toBe(due > 1 ? 'behind' : 'on track');
      expect(kinds(r).includes('behind-target:customer contact'), day).toBe(due > 1);
    });
    // Friday: two due, one made: the text says how many more and by when
    const friday = j.report('2026-11-20');
    expect(friday.flags.find((f) => f.kind === 'behind-target')!.message).toBe(
      'Behind target: 1 of 3 customer conversations · 2 more by Sun (2 days left)',
    );
    // Sunday, the case: "on track" no more
    const sunday = j.report('2026-11-22');
    expect(sunday.verdict).toBe('behind');
    expect(sunday.contact.daysLeft).toBe(0);
  });

  it('overdue wins over behind, and a week on pace is on track', () => {
    j.config({ 'cadence.target': 3 });
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    j.interview({ date: '2026-11-06', account: acme, with: [jane] });
    const r = j.report('2026-11-20');
    expect(kinds(r)).toEqual(
      expect.arrayContaining(['overdue-contact:customer contact', 'behind-target:customer contact']),
    );
    expect(r.verdict).toBe('overdue');
    for (const d of ['2026-11-16', '2026-11-18']) j.interview({ date: d, account: acme, with: [jane] });
    expect(j.report('2026-11-20').verdict).toBe('on track'); // 2 of 2 due by Friday
  });

  it('on a month: the target scales, and the pace runs through the month', () => {
    j.config({ 'cadence.target': 1, 'cadence.days': 7 });
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    // November: 30 days, target ceil(30 ÷ 7) = 5; by the 14th, floor(5 × 14 ÷ 30) = 2 due
    j.interview({ date: '2026-11-02', account: acme, with: [jane] });
    let r = j.report('2026-11-14', { month: true });
    expect(r.contact).toMatchObject({ target: 5, elapsedDays: 14, expected: 2, behind: true, daysLeft: 16 });
    expect(r.flags.find((f) => f.kind === 'behind-target')!.message).toBe(
      'Behind target: 1 of 5 customer conversations · 4 more by 2026-11-30 (16 days left)',
    );
    j.interview({ date: '2026-11-12', account: acme, with: [jane] });
    r = j.report('2026-11-14', { month: true });
    expect(r.contact).toMatchObject({ expected: 2, behind: false });
    expect(r.verdict).toBe('on track');
  });

  it('judges a past week whole', () => {
    j.config({ 'cadence.target': 3 });
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    for (const d of ['2026-11-09', '2026-11-10']) j.interview({ date: d, account: acme, with: [jane] });
    j.interview({ date: '2026-11-19', account: acme, with: [jane] });
    // as of Friday the 20th, last week (W46) had 2 of 3: behind, though it was on pace on its Tuesday
    const r = j.report('2026-11-20', { week: 'last' });
    expect(r.contact).toMatchObject({ direct: 2, target: 3, elapsedDays: 7, expected: 3, daysLeft: 0, behind: true });
    expect(r.verdict).toBe('behind');
    expect(r.flags.find((f) => f.kind === 'behind-target')!.message).toBe(
      'Behind target: 2 of 3 customer conversations: 1 short when the period ended',
    );
    // the same week as of its own Tuesday was on pace
    expect(j.report('2026-11-10', { week: '2026-W46' }).contact.behind).toBe(false);
  });

  it('with --by, counts that interviewer only', () => {
    j.config({ 'cadence.target': 2 });
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    j.interview({ date: '2026-11-16', account: acme, with: [jane], by: 'dana' });
    j.interview({ date: '2026-11-17', account: acme, with: [jane], by: 'dana' });
    expect(j.report('2026-11-22', {}, 'dana').contact.behind).toBe(false);
    expect(j.report('2026-11-22', {}, 'sam').contact.behind).toBe(true);
  });
});

describe('evidence-after-validate', () => {
  it('flags a validated hypothesis that customer evidence dated after the validation refutes', () => {
    const a = j.account('A');
    const x = j.contact('X', a);
    const h = j.hypothesis('Teams want it', '2026-10-01');
    j.evidence(h, j.interview({ date: '2026-11-02', account: a, with: [x] }), 'refutes'); // before: the decision's own risk
    // the same day, logged before the validation: known when it was decided (one logged after it is
    // flagged: test/cli/flags-wave13.test.ts)
    j.evidence(h, j.interview({ date: '2026-11-05', account: a, with: [x] }), 'refutes');
    j.outcome(h, 'validated', '2026-11-05', 'three said yes');
    j.evidence(h, j.interview({ date: '2026-11-10', account: a, with: [x] }), 'supports'); // supporting: fine
    j.evidence(h, j.interview({ date: '2026-11-11', account: a, channel: 'support' }), 'refutes'); // second-hand
    const partner = j.contact('P', a, 'stakeholder');
    j.evidence(h, j.interview({ date: '2026-11-12', account: a, with: [partner] }), 'refutes'); // no customer
    let r = j.report('2026-11-20');
    expect(kinds(r)).not.toContain(`evidence-after-validate:H${h}`);
    expect(r.hypotheses.refutedAfterValidation).toEqual([]);

    const refuting = j.interview({ date: '2026-11-13', account: a, with: [x] });
    j.evidence(h, refuting, 'refutes');
    j.evidence(h, j.interview({ date: '2026-11-25', account: a, with: [x] }), 'refutes'); // after as-of
    r = j.report('2026-11-20');
    expect(r.hypotheses.refutedAfterValidation).toEqual([
      {
        id: `H${h}`,
        statement: 'Teams want it',
        validatedOn: '2026-11-05',
        flags: ['evidence-after-validate'],
        evidenceAfter: [`I${refuting}`],
      },
    ]);
    expect(kinds(r)).toContain(`evidence-after-validate:H${h}`);
    expect(r.flags.find((f) => f.kind === 'evidence-after-validate')!.message).toMatch(
      new RegExp(`H${h} was validated on 2026-11-05, but .*I${refuting}.*pm hyp reopen H${h}`),
    );
    // as of a day before the refuting call: nothing yet (the look-up as of a past day agrees)
    expect(j.report('2026-11-12').hypotheses.refutedAfterValidation).toEqual([]);

    // reopened: open again, so no longer a validated one to re-check
    j.outcome(h, 'reopened', '2026-11-14', 'a customer refuted it');
    r = j.report('2026-11-20');
    expect(r.hypotheses.refutedAfterValidation).toEqual([]);
    // but as of the 13th, before the reopening, it was
    expect(j.report('2026-11-13').hypotheses.refutedAfterValidation.map((v) => v.id)).toEqual([`H${h}`]);
  });
});

describe('decide-soon', () => {
  it('marks an open hypothesis whose decide-by is today or within 7 days, informational only', () => {
    const today = j.hypothesis('Due today', '2026-11-01', '2026-11-20');
    const week = j.hypothesis('Due in 7 days', '2026-11-01', '2026-11-27');
    const later = j.hypothesis('Due in 8 days', '2026-11-01', '2026-11-28');
    const past = j.hypothesis('Past due', '2026-11-01', '2026-11-19');
    const r = j.report('2026-11-20');
    const flagsOf = (id: number) => r.hypotheses.unvalidated.find((u) => u.id === `H${id}`)!.flags;
    expect(flagsOf(today)).toContain('decide-soon');
    expect(flagsOf(week)).toContain('decide-soon');
    expect(flagsOf(later)).not.toContain('decide-soon');
    expect(flagsOf(past)).toEqual(expect.arrayContaining(['past-decide-by']));
    expect(flagsOf(past)).not.toContain('decide-soon');
    expect(r.flags.some((f) => (f.kind as string) === 'decide-soon')).toBe(false);
  });
});

describe('follow-ups answered by a later customer conversation', () => {
  it('a later call with one of its people answers it; an earlier one, a same-day one logged before it or a signal does not', () => {
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    const raj = j.contact('Raj', acme);
    j.interview({ date: '2026-11-10', account: acme, with: [jane] }); // the same day, logged before it
    const first = j.interview({ date: '2026-11-10', account: acme, with: [jane, raj], followUp: '2026-11-13' });
    j.interview({ date: '2026-11-09', account: acme, with: [jane] }); // earlier
    j.interview({ date: '2026-11-12', account: acme, with: [raj], channel: 'support' }); // a signal
    const us = j.account('Us');
    j.interview({ date: '2026-11-12', account: us, with: [j.contact('Sam', us, 'stakeholder')] });
    expect(j.report('2026-11-20').followUps.map((f) => f.id)).toEqual([`I${first}`]);

    const answer = j.interview({ date: '2026-11-17', account: acme, with: [raj] });
    let r = j.report('2026-11-20');
    expect(r.followUps).toEqual([]);
    expect(kinds(r).some((k) => k.startsWith('follow-up-due'))).toBe(false);
    // as of a day before the answering call, it was still due
    r = j.report('2026-11-16');
    expect(r.followUps.map((f) => f.id)).toEqual([`I${first}`]);
    expect(answer).toBeGreaterThan(first);
  });

  it('a call later the same day, logged after it, answers it as of that day (H15)', () => {
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    const first = j.interview({ date: '2026-11-10', account: acme, with: [jane], followUp: '2026-11-10' });
    expect(j.report('2026-11-10').followUps.map((f) => f.id)).toEqual([`I${first}`]);
    j.interview({ date: '2026-11-10', account: acme, with: [jane] });
    expect(j.report('2026-11-10').followUps).toEqual([]);
    expect(j.report('2026-11-20').followUps).toEqual([]);
  });
});
