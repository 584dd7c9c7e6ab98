// A hypothesis dated after today (a teammate a time zone ahead added it, and pm sync brought it; the
// same with PM_TODAY): pm hyp show said "unknown hypothesis H1", and pm hyp list left it out, as if the
// sync had lost it (fresh-eyes wave 13 H10).
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

describe('pm hyp list with a hypothesis dated after today', () => {
  it('lists it after the others, marked ahead, and says why it does not count yet', () => {
    box.ok(['hyp', 'add', 'Admins want SSO'], { env: { PM_TODAY: '2026-12-01' } });
    box.ok(['hyp', 'add', 'CFOs want a close dashboard']);
    const day = { env: { PM_TODAY: '2026-12-06' } };
    const r = box.ok(['hyp', 'list'], day);
    const rows = r.out.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/^H1 +Admins want SSO +value +5d /);
    expect(rows[2]).toMatch(/^H2 +CFOs want a close dashboard +value +ahead /);
    expect(r.err).toContain(
      'H2 is dated 2026-12-07, after today (2026-12-06): a teammate ahead of your time zone added it',
    );
    expect(box.json(['hyp', 'list'], day).map((h: { id: string }) => h.id)).toEqual(['H1', 'H2']);
    // alone, with a status or a tag that leaves it out
    box.ok(['hyp', 'kill', 'H1', '--reason', 'no'], { env: { PM_TODAY: '2026-12-02' } });
    expect(box.ok(['hyp', 'list'], day).out).toMatch(/^H2 +CFOs want a close dashboard/m);
    expect(box.ok(['hyp', 'list', '--status', 'killed'], day).out).not.toContain('CFOs');
    // on its day it is an ordinary row
    expect(box.ok(['hyp', 'list']).out).toMatch(/^H2 +CFOs want a close dashboard +value +0d /m);
    expect(box.ok(['hyp', 'list']).err).toBe('');
  });
});

describe('pm hyp edit of a hypothesis dated after today', () => {
  it('saves the change and says so, where it crashed after saving it', () => {
    box.ok(['hyp', 'add', 'CFOs want a close dashboard']);
    const r = box.pm(['hyp', 'edit', 'H1', '--decide-by', '2026-12-30'], { env: { PM_TODAY: '2026-12-06' } });
    expect(r.err).not.toContain('internal error');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Edited H1');
    expect(box.sql('SELECT decide_by FROM hypotheses')).toEqual([{ decide_by: '2026-12-30' }]);
  });
});

// wave 15: pm guide of it said "unknown hypothesis H1", where pm hyp show says when it is dated
describe('pm guide of a hypothesis dated after today', () => {
  it('prints its guide, read as of its day, and says it is dated ahead', () => {
    box.ok(['hyp', 'add', 'CFOs want a close dashboard']);
    const r = box.ok(['guide', 'H1'], { env: { PM_TODAY: '2026-12-06' } });
    expect(r.out).toContain('CFOs want a close dashboard');
    expect(r.err).toContain('H1 is dated 2026-12-07, after today (2026-12-06)');
    expectUsageError(box.pm(['guide', 'H2'], { env: { PM_TODAY: '2026-12-06' } }));
  });
});
