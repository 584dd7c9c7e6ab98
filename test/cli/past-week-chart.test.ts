// A past week's page charts the weeks up to that week with their real counts (fresh-eyes wave 15 H1):
// the weeks older than the as-of day's chart are only asked whether they met the target, and a past
// week's chart is made of those, so it drew every week that met the target as the target itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

/** Customer calls: in each week from Monday `monday`, `counts[k]` of them (Monday to Friday). */
function calls(monday: string, counts: number[]): void {
  const day = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10);
  counts.forEach((n, k) => {
    for (let c = 0; c < n; c++) {
      box.ok([
        'log',
        '--with',
        `Person ${k}-${c}`,
        '--account',
        'Acme',
        '--summary',
        'a call',
        '--date',
        day(monday, 7 * k + c),
      ]);
    }
  });
}

describe('a past week charted from today', () => {
  it('shows each charted week its own count, whatever the as-of day', () => {
    box.ok(['config', 'set', 'cadence.target', '3']);
    // 2026-W36 (Aug 31) to 2026-W42 (Oct 12): 4, 5, 3, 5, 4, 5, 4 calls
    calls('2026-08-31', [4, 5, 3, 5, 4, 5, 4]);
    const real = [4, 5, 3, 5, 4, 5, 4];
    for (const asOf of ['2026-10-18', '2026-12-07', '2027-01-04']) {
      const r = box.json(['report', '--week', '2026-W42', '--as-of', asOf, '--json']);
      const bars = r.weekly.weeks.filter((w: { label: string }) => w.label >= '2026-W36');
      expect(bars.map((w: { label: string }) => w.label)).toEqual(
        ['W36', 'W37', 'W38', 'W39', 'W40', 'W41', 'W42'].map((w) => `2026-${w}`),
      );
      expect(
        bars.map((w: { direct: number }) => w.direct),
        `as of ${asOf}`,
      ).toEqual(real);
      expect(r.weekly.streak, `as of ${asOf}`).toBe(7);
    }
    const md = box.ok(['report', '--week', '2026-W42', '--format', 'md']).out;
    expect(md).toContain('2026-W38: 3');
    expect(md).toContain('2026-W39: 5');
    expect(md).toContain('2026-W42: 4');
  });
});
