// The team view of the report (`pm report --team`, issue 19): each person's customer conversations
// against the target (cadence.target scaled to the period, per person), the team's against the
// target times the number of people, and who has had no customer conversation in the period. The
// team is everyone who held a conversation in the last CHART_WEEKS weeks (or in the period). Each
// person and the team are judged by the report's own pace rule: behind only when fewer than are due
// by the report's day, so the Team rows never say "behind" of a person the page calls on track.
import { daysBetween } from './dates.js';

export interface TeamMember {
  by: string;
  direct: number;
  customers: number;
  target: number;
  met: boolean;
  /** fewer than due by the report's day (floor(target × elapsed ÷ period), as behind-target) */
  behind: boolean;
  lastDirect: string | null;
  daysSinceLastDirect: number | null;
  /** no customer conversation for more than cadence.days (or none yet): what the verdict calls overdue */
  overdue: boolean;
  /** a cadence longer than the period: customer conversations in its window, which `met` and `behind` judge */
  inWindow?: number;
}

export interface Team {
  members: TeamMember[];
  /** the team's customer conversations in the period, and its target: per person × people */
  direct: number;
  target: number;
  met: boolean;
  behind: boolean;
  /** the period is over (a past week): "not met" rather than "behind" or "on track" */
  over: boolean;
  /** who had no customer conversation in the period */
  silent: string[];
  /** a cadence longer than the period: the days of its window (the page's contact.window), the target its whole */
  windowDays?: number;
  /** the team's customer conversations in that window */
  inWindow?: number;
}

/** How far into the period the report is: the days elapsed of its length, and whether it is over. */
export interface TeamPace {
  elapsedDays: number;
  periodDays: number;
  over: boolean;
}

const due = (target: number, p: TeamPace) => Math.floor((target * p.elapsedDays) / p.periodDays);

/**
 * The word for a person or the team: a person silent past cadence.days while the period runs, overdue
 * (as `pm report --by` says of them: wave 13 H6); met; a period over, not met; else behind or on track.
 */
export function teamStatus(t: { met: boolean; behind: boolean; overdue?: boolean }, over: boolean): string {
  if (t.overdue && !over) return 'overdue';
  if (t.met) return 'met';
  if (over) return 'not met';
  return t.behind ? 'behind' : 'on track';
}

export function buildTeam(
  rows: { by: string; direct: number; customers: number; lastDirect: string | null; inWindow?: number }[],
  perPerson: number,
  asOf: string,
  pace: TeamPace,
  cadenceDays: number,
  windowDays?: number,
): Team {
  // a cadence longer than the period: each judged by the conversations of its window (the page's rule)
  const got = (r: { direct: number; inWindow?: number }) => r.inWindow ?? r.direct;
  const members = rows.map(
    (r): TeamMember => ({
      by: r.by,
      direct: r.direct,
      customers: r.customers,
      target: perPerson,
      met: got(r) >= perPerson,
      behind: got(r) < due(perPerson, pace),
      lastDirect: r.lastDirect,
      daysSinceLastDirect: r.lastDirect === null ? null : daysBetween(r.lastDirect, asOf),
      overdue: r.lastDirect === null || daysBetween(r.lastDirect, asOf) > cadenceDays,
      ...(r.inWindow === undefined ? {} : { inWindow: r.inWindow }),
    }),
  );
  const direct = members.reduce((n, m) => n + m.direct, 0);
  const counted = members.reduce((n, m) => n + got(m), 0);
  const target = perPerson * members.length;
  return {
    members,
    direct,
    target,
    met: counted >= target,
    // the sum of each person's due, as each row judges them: the floor of the team's whole target would
    // outgrow it (four people at two a week are behind by Tuesday while each is on track: review R8)
    behind: counted < members.length * due(perPerson, pace),
    over: pace.over,
    silent: members.filter((m) => m.direct === 0).map((m) => m.by),
    ...(windowDays === undefined ? {} : { windowDays, inWindow: counted }),
  };
}
