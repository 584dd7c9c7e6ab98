// pm hyp add's "states the open H1 again": a one-character word or number is part of the belief.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

const again = (first: string, second: string) => {
  box.ok(['hyp', 'add', first]);
  return box.ok(['hyp', 'add', second]).err;
};

describe('a one-letter word or a digit tells two beliefs apart', () => {
  it('another price, plan or month is another belief: no warning', () => {
    expect(again('Admins will pay 5 dollars per seat', 'Admins will pay 9 dollars per seat')).toBe('');
    expect(again('Plan B customers churn in month 3', 'Plan C customers churn in month 6')).toBe('');
    expect(again('Growth teams run an A/B test before launch', 'Growth teams run a test before launch')).toBe('');
  });

  it("the same belief written again still warns, an apostrophe's letter aside", () => {
    expect(again('Admins will pay 5 dollars per seat', 'We believe admins will pay 5 dollars per seat')).toContain(
      'states the open H1 again',
    );
    expect(again("The ops team's weekly digest saves an hour", 'The ops team weekly digest saves an hour')).toContain(
      'states the open H3 again',
    );
  });
});
