// The team section of `pm report --team` (issue 19), as text and as markdown: one line a person.
import type { ChalkInstance } from 'chalk';
import { type Team, teamStatus } from '../core/team.js';
import { safeLine } from '../core/text.js';
import { mdInline, mdTable } from './markdown.js';
import { table } from './table.js';

const paintStatus = (s: string, c: ChalkInstance) =>
  s === 'met' || s === 'on track' ? c.green(s) : s === 'overdue' ? c.red(s) : c.yellow(s);
export const NOBODY_IN_TEAM = 'Nobody has logged a conversation in the last 8 weeks.';
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
/** A cadence longer than the period: the window's count, judged, before the target (`2 in 14 days · `). */
const inWindow = (t: Team) => (t.windowDays === undefined ? '' : `${t.inWindow} in ${t.windowDays} days · `);
const every = (t: Team) => (t.windowDays === undefined ? '' : ` every ${t.windowDays} days`);
/** A person's count against the target: of the window's when a cadence is longer than the period. */
const against = (m: Team['members'][number]) => `${m.inWindow ?? m.direct}/${m.target}`;

export { against, every, inWindow as teamInWindow };

export function renderTeamText(t: Team, c: ChalkInstance): string {
  // nobody to judge (no journal, or no conversation in 8 weeks): a target of 0 "met" by "everyone"
  // read as good news beside the page's OVERDUE (review wave 14 R6)
  if (t.members.length === 0) return `${c.bold('Team')}\n  ${NOBODY_IN_TEAM}`;
  const lines = [
    c.bold('Team'),
    `  ${plural(t.direct, 'customer conversation')} · ${inWindow(t)}team target ${t.target} (${t.members.length} × ` +
      `${t.members[0]?.target ?? 0})${every(t)}: ${paintStatus(teamStatus(t, t.over), c)}`,
  ];
  lines.push(
    ...table(
      t.members,
      [
        { text: (m) => safeLine(m.by), max: 30 },
        { text: against, align: 'right' },
        { text: (m) => teamStatus(m, t.over), paint: (s) => paintStatus(s, c) },
        {
          text: (m) =>
            m.lastDirect === null ? 'no customer conversation yet' : `last ${m.lastDirect} (${m.daysSinceLastDirect}d)`,
          paint: (s) => c.dim(s),
        },
      ],
      { indent: '  ' },
    ),
  );
  lines.push(
    t.silent.length === 0
      ? '  Everyone talked to a customer this period.'
      : `  ${c.yellow('No customer conversation this period:')} ${t.silent.map(safeLine).join(', ')}`,
  );
  return lines.join('\n');
}

export function renderTeamMarkdown(t: Team): string {
  if (t.members.length === 0) return `## Team\n\n${NOBODY_IN_TEAM}`;
  const lines = [
    '## Team',
    '',
    `${plural(t.direct, 'customer conversation')} · ${inWindow(t)}team target ${t.target}${every(t)}: ` +
      teamStatus(t, t.over),
    '',
    mdTable(
      ['Person', 'Customer conversations', 'Target', 'Status', 'Last customer conversation'],
      t.members.map((m) => [
        m.by,
        m.inWindow === undefined ? m.direct : `${m.direct} (${m.inWindow} in ${t.windowDays} days)`,
        `${m.target}${every(t)}`,
        teamStatus(m, t.over),
        m.lastDirect ?? '—',
      ]),
    ),
    '',
    t.silent.length === 0
      ? 'Everyone talked to a customer this period.'
      : `No customer conversation this period: ${t.silent.map(mdInline).join(', ')}`,
  ];
  return lines.join('\n');
}
