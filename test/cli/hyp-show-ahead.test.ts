// A hypothesis dated after today (a teammate a time zone ahead added it, and pm sync brought it; the
// same with PM_TODAY): pm hyp show said "unknown hypothesis H1", as if the sync had lost it (fresh-eyes
// wave 13 H10).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
});
afterEach(() => box.cleanup());

describe('pm hyp show of a hypothesis dated after today', () => {
  it('says when it is dated and that it shows from then, not that it is unknown', () => {
    expect(box.pm(['hyp', 'add', 'CFOs want a close dashboard']).code).toBe(0);
    const r = box.pm(['hyp', 'show', 'H1'], { env: { PM_TODAY: '2026-12-06' } });
    expectUsageError(r);
    expect(r.err).toContain('H1 is dated 2026-12-07, after today (2026-12-06)');
    expect(r.err).not.toContain('unknown hypothesis');
    expect(box.pm(['hyp', 'show', 'H2'], { env: { PM_TODAY: '2026-12-06' } }).err).toContain('unknown hypothesis H2');
  });
});
