// A --team page over a period longer than the 8 weeks that make the team: whoever held a conversation
// early in the period is on the page's team, and the week holding the period's end is judged by that
// same team, not by the 8 weeks alone (review wave 18 R2: the heading said "team target 3" while the
// current week was judged met at 2).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
const log = (by: string, who: string, date: string) =>
  box.ok(['log', '--with', who, '--account', `${who} Co`, '--summary', `${by} met ${who}`, '--by', by, '--date', date]);
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
  log('Lee', 'Ann Early', '2026-06-10');
  for (const monday of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07']) {
    log('Pat', `Bo ${monday}`, monday);
    log('Dana', `Cy ${monday}`, monday);
  }
});
afterEach(() => box.cleanup());

describe('a --team page over a period longer than 8 weeks', () => {
  it('judges the week holding its end by the page’s own people', () => {
    const r = box.json(['report', '--team', '--since', '2026-06-01']);
    expect(r.contact.people).toBe(3);
    expect(r.weekly.target).toBe(3);
    const last = r.weekly.weeks[r.weekly.weeks.length - 1];
    expect([last.label, last.direct, last.target, last.met]).toEqual(['2026-W50', 2, 3, false]);
  });

  it('a week-long page is judged as before: the 8 weeks make the team', () => {
    const r = box.json(['report', '--team']);
    expect(r.contact.people).toBe(2);
    const last = r.weekly.weeks[r.weekly.weeks.length - 1];
    expect([last.label, last.direct, last.target, last.met]).toEqual(['2026-W50', 2, 2, true]);
  });
});
