// The team in each week of the chart and streak (teamSizes, src/db/team.ts) seeks each person's next
// conversation and lets it answer every week whose 8 weeks hold it: it must count what the plain rule
// counts, each week's distinct interviewers (case aside) in the 56 days up to its end, whatever the gaps.
import { afterEach, describe, expect, it } from 'vitest';
import { journal, type JournalBuilder } from '../fixtures/journal-builder.js';
import { teamSizes } from '../../src/db/team.js';
import { weeksUpTo, STREAK_WEEKS } from '../../src/core/report.js';
import { addDays } from '../../src/core/dates.js';

let j: JournalBuilder;
afterEach(() => j.close());

describe('the team in each week', () => {
  it('is the plain count of who held a conversation in the 8 weeks up to each week, for any as-of day', () => {
    j = journal();
    const account = j.account('Acme');
    const people = ['Pat', 'pat', 'Dana', 'Lee', 'Sam', 'Ola'];
    // irregular: each person on days of their own rhythm, with long gaps, some signals (reviews)
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let k = 0; k < 400; k++) {
      const by = people[next() % people.length];
      if (by === 'Ola' && k > 40) continue; // left early
      const date = addDays('2025-06-01', next() % 560);
      j.interview({ date, account, by, channel: next() % 4 === 0 ? 'review' : 'call' });
    }
    j.interview({ date: '2026-03-03', account });
    const plain = j.db.prepare(`SELECT count(DISTINCT lower(by)) FROM interviews
      WHERE by IS NOT NULL AND date BETWEEN @from AND @until`);
    for (const asOf of ['2025-05-01', '2025-09-30', '2026-06-14', '2026-12-10', '2027-04-02']) {
      const weeks = weeksUpTo(asOf, 'monday', STREAK_WEEKS).map((w) => ({ until: w.end < asOf ? w.end : asOf }));
      const expected = weeks.map((w) => plain.pluck().get({ from: addDays(w.until, -55), until: w.until }));
      expect(teamSizes(j.db, weeks, 56)).toEqual(expected);
    }
  });
});
