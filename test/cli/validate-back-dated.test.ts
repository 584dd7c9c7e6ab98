// A decision entered with a past --date is held to the evidence of its day (fresh-eyes wave 19 H20):
// the warning counted today's customers, so a PM entering last month's validation was told two
// customers backed it when, on its day, none had yet.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
  box.ok(['hyp', 'add', 'Ops leads want alerts in Slack', '--date', '2026-10-01']);
  for (const [who, date] of [
    ['Ann Ash', '2026-11-04'],
    ['Bo Li', '2026-11-17'],
  ])
    box.ok(['log', '--with', who, '--account', who, '--summary', 'slack', '--supports', 'H1', '--date', date]);
});
afterEach(() => box.cleanup());

describe('pm hyp validate --date DAY', () => {
  it('counts the customers who supported it by that day', () => {
    const r = box.ok(['hyp', 'validate', 'H1', '--reason', 'Slack wins', '--date', '2026-10-20']);
    expect(r.err).toContain(
      'pm: warning: H1 is validated on 2026-10-20, when no customer supported it (evidence.validateAt is 3)',
    );
  });

  it('counts those of the day given when some had', () => {
    const r = box.ok(['hyp', 'validate', 'H1', '--reason', 'Slack wins', '--date', '2026-11-10']);
    expect(r.err).toContain(
      'pm: warning: H1 is validated on 2026-11-10, when 1 customer supported it (evidence.validateAt is 3)',
    );
  });
});
