// A cadence longer than a week ("one conversation every 14 days") judges each week by the 14 days up to
// its end. The contract scales the target to a longer period, rounded up, and is silent on a shorter one:
// rounding a week's share (½) up asked for one a week, so a PM keeping the cadence saw every other week
// "not met" and a streak of 1 (review wave 18 H17).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
const on = (today: string) => ({ env: { ...process.env, PM_TODAY: today } });
beforeEach(() => {
  box = sandbox({ today: '2026-12-09' });
  box.ok(['config', 'set', 'cadence.days', '14']);
  // every other Monday, W45, W47, W49
  for (const day of ['2026-11-02', '2026-11-16', '2026-11-30'])
    box.ok(['log', '--with', `Ann ${day}`, '--account', 'Acme', '--summary', 'call', '--by', 'Pat', '--date', day]);
});
afterEach(() => box.cleanup());

type Page = {
  verdict: string;
  contact: { direct: number; target: number; met: boolean; behind: boolean; window?: unknown };
  weekly: {
    target: number;
    windowDays?: number;
    streak: number;
    weeks: { label: string; direct: number; met: boolean }[];
  };
  flags: { kind: string }[];
  team?: { members: { by: string; met: boolean; inWindow?: number }[]; met: boolean; windowDays?: number };
};

describe('one conversation every 14 days', () => {
  it('meets each week whose 14 days hold one, and keeps the streak', () => {
    const r = box.json(['report']) as Page;
    expect(r.contact).toMatchObject({
      direct: 0,
      target: 1,
      met: true,
      behind: false,
      window: { start: '2026-11-30', end: '2026-12-13', days: 14, direct: 1 },
    });
    expect(r.verdict).toBe('on track');
    expect(r.flags).toEqual([]);
    expect(r.weekly.target).toBe(1);
    expect(r.weekly.windowDays).toBe(14);
    expect(r.weekly.weeks.filter((w) => w.label >= '2026-W45').map((w) => [w.label, w.direct, w.met])).toEqual([
      ['2026-W45', 1, true],
      ['2026-W46', 0, true],
      ['2026-W47', 1, true],
      ['2026-W48', 0, true],
      ['2026-W49', 1, true],
      ['2026-W50', 0, true],
    ]);
    expect(r.weekly.streak).toBe(6);
    const full = box.ok(['report', '--full']).out;
    expect(full).toContain('1 in the 14 days to 2026-12-13 · target 1 every 14 days: met');
    // each week drawn by its 14 days, as judged (review wave 18 R4)
    expect(full).toContain("Customer conversations in the 14 days to each week's end (target 1, the line)");
    expect(box.ok(['report']).out).toMatch(/Customer contact: 1 of 1 in 14 days .*6 weeks on target/);
    expect(box.ok(['report', '--format', 'md']).out).toContain('target 1 every 14 days: **met**');
    // a week without a conversation of its own, judged by its 14 days
    expect(box.pm(['report', '--week', '2026-W48', '--check']).code).toBe(0);
  });

  it('is behind, and --check exits 3, once 14 days pass without one', () => {
    const r = box.json(['report', '--as-of', '2026-12-20'], on('2026-12-20')) as Page;
    expect(r.contact).toMatchObject({ met: false, behind: true, window: { start: '2026-12-07', direct: 0 } });
    expect(r.flags.map((f) => f.kind)).toEqual(['overdue-contact', 'behind-target']);
    expect(box.ok(['report', '--full'], on('2026-12-20')).out).toContain(
      "0 of 1 customer conversations in the 14 days to 2026-12-20 · 1 more today, the period's last day",
    );
    expect(box.pm(['report', '--check'], on('2026-12-20')).code).toBe(3);
  });

  it('judges each person of the team by the same 14 days', () => {
    box.ok([
      'log',
      '--with',
      'Bo Li',
      '--account',
      'Bo Co',
      '--summary',
      'call',
      '--by',
      'Dana',
      '--date',
      '2026-11-24',
    ]);
    const r = box.json(['report', '--team']) as Page;
    expect(r.team?.members.map((m) => [m.by, m.inWindow, m.met])).toEqual([
      ['Dana', 0, false],
      ['Pat', 1, true],
    ]);
    expect(r.team?.windowDays).toBe(14);
    expect(r.contact).toMatchObject({ target: 2, met: false, behind: false });
    expect(box.ok(['report', '--team']).out).toMatch(/^ {2}Pat +1\/1 +met /m);
  });
});
