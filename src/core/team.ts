// The team view of the report (`pm report --team`, issue 19): each person's customer conversations
// against the target (cadence.target scaled to the period, per person), the team's against the
// target times the number of people, and who has had no customer conversation in the period. The
// team is everyone who held a conversation in the last CHART_WEEKS weeks (or in the period).
import { daysBetween } from './dates.js';

export interface TeamMember {
  by: string;
  direct: number;
  customers: number;
  target: number;
  met: boolean;
  lastDirect: string | null;
  daysSinceLastDirect: number | null;
}

export interface Team {
  members: TeamMember[];
  /** the team's customer conversations in the period, and its target: per person × people */
  direct: number;
  target: number;
  met: boolean;
  /** who had no customer conversation in the period */
  silent: string[];
}

export function buildTeam(
  rows: { by: string; direct: number; customers: number; lastDirect: string | null }[],
  perPerson: number,
  asOf: string,
): Team {
  const members = rows.map(
    (r): TeamMember => ({
      by: r.by,
      direct: r.direct,
      customers: r.customers,
      target: perPerson,
      met: r.direct >= perPerson,
      lastDirect: r.lastDirect,
      daysSinceLastDirect: r.lastDirect === null ? null : daysBetween(r.lastDirect, asOf),
    }),
  );
  const direct = members.reduce((n, m) => n + m.direct, 0);
  const target = perPerson * members.length;
  return {
    members,
    direct,
    target,
    met: direct >= target,
    silent: members.filter((m) => m.direct === 0).map((m) => m.by),
  };
}
