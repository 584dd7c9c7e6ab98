// The team section of `pm report --team` (issue 19), as text and as markdown: one line a person.
import type { ChalkInstance } from 'chalk';
import type { Team } from '../core/team.js';
import { safeLine } from '../core/text.js';
import { mdInline, mdTable } from './markdown.js';
import { table } from './table.js';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function renderTeamText(t: Team, c: ChalkInstance): string {
  const lines = [
    c.bold('Team'),
    `  ${plural(t.direct, 'customer conversation')} · team target ${t.target} (${t.members.length} × ` +
      `${t.members[0]?.target ?? 0}): ${t.met ? c.green('met') : c.yellow('not met')}`,
  ];
  if (t.members.length === 0) lines.push('  Nobody has logged a conversation in the last 8 weeks.');
  else
    lines.push(
      ...table(
        t.members,
        [
          { text: (m) => safeLine(m.by), max: 30 },
          { text: (m) => `${m.direct}/${m.target}`, align: 'right' },
          { text: (m) => (m.met ? 'met' : 'behind'), paint: (s, m) => (m.met ? c.green(s) : c.yellow(s)) },
          {
            text: (m) =>
              m.lastDirect === null
                ? 'no customer conversation yet'
                : `last ${m.lastDirect} (${m.daysSinceLastDirect}d)`,
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
  const lines = [
    '## Team',
    '',
    `${plural(t.direct, 'customer conversation')} · team target ${t.target}: ${t.met ? 'met' : 'not met'}`,
    '',
    mdTable(
      ['Person', 'Customer conversations', 'Target', 'Last customer conversation'],
      t.members.map((m) => [m.by, m.direct, m.target, m.lastDirect ?? '—']),
    ),
    '',
    t.silent.length === 0
      ? 'Everyone talked to a customer this period.'
      : `No customer conversation this period: ${t.silent.map(mdInline).join(', ')}`,
  ];
  return lines.join('\n');
}
