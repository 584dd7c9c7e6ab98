// `pm coverage` as text (aligned tables, the silent segments in colour) and as markdown (GFM tables).
import { fitLines } from './wrap.js';
import type { ChalkInstance } from 'chalk';
import type { Coverage } from '../core/coverage.js';
import { safeLine } from '../core/text.js';
import { mdHeading, mdInline, mdTable } from './markdown.js';
import { table } from './table.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function windowText(c: Coverage): string {
  const range = `${c.window.start}..${c.window.end}`;
  return c.window.weeks === null ? range : `${plural(c.window.weeks, 'week')} (${range})`;
}

function ago(lastHeard: string | null, daysSince: number | null): string {
  if (lastHeard === null) return '—';
  if (daysSince === null) return lastHeard;
  return `${lastHeard} (${daysSince === 0 ? 'today' : `${plural(daysSince, 'day')} ago`})`;
}

export function renderCoverageText(c: Coverage, opts: { color: ChalkInstance; width: number }): string {
  const k = opts.color;
  const out: string[] = [];
  out.push(`${k.bold('Coverage')} · ${windowText(c)} · as of ${c.asOf} · customer conversations`);

  out.push('', k.bold('Segments'));
  if (c.segments.length === 0) out.push(k.dim('  No segments yet: pm account set ACME --segment enterprise'));
  else
    out.push(
      ...table(
        c.segments,
        [
          { header: 'SEGMENT', text: (g) => (g.segment === null ? '(no segment)' : safeLine(g.segment)), max: 30 },
          { header: 'CONVERSATIONS', text: (g) => String(g.conversations), align: 'right' },
          {
            header: 'ACCOUNTS',
            text: (g) => (g.accounts === null ? String(g.accountsHeard) : `${g.accountsHeard} of ${g.accounts}`),
          },
          { header: 'LAST HEARD', text: (g) => (g.accounts === null ? '' : ago(g.lastHeard, g.daysSince)) },
          { text: (g) => g.flags.join(' '), paint: (s) => k.red(s) },
        ],
        { indent: '  ', width: opts.width, header: (h) => k.dim(h) },
      ),
    );

  out.push('', k.bold('Personas'));
  if (c.personas.length === 0) out.push(k.dim('  No personas yet: pm contact set "Jane Roe" --persona "finance lead"'));
  else
    out.push(
      ...table(
        c.personas,
        [
          { header: 'PERSONA', text: (p) => (p.persona === null ? '(no persona)' : safeLine(p.persona)), max: 30 },
          { header: 'CONVERSATIONS', text: (p) => String(p.conversations), align: 'right' },
          { header: 'PEOPLE', text: (p) => String(p.people), align: 'right' },
          { header: 'ACCOUNTS', text: (p) => String(p.accounts), align: 'right' },
          {
            header: 'LAST HEARD',
            text: (p) => (p.persona === null ? '' : ago(p.lastHeard, p.daysSince)),
          },
        ],
        { indent: '  ', width: opts.width, header: (h) => k.dim(h) },
      ),
    );

  out.push('', k.bold('Stages'));
  out.push(
    ...table(
      c.stages,
      [
        {
          header: 'STAGE',
          text: (s) =>
            s.stage === null ? '(no stage)' : `${safeLine(s.stage)}${s.inJourney ? '' : ' (not in journey.stages)'}`,
          max: 40,
        },
        {
          header: 'CONVERSATIONS',
          text: (s) => String(s.conversations),
          align: 'right',
          paint: (t, s) => (s.conversations === 0 && s.stage !== null ? k.yellow(t) : t),
        },
        { header: 'ACCOUNTS', text: (s) => String(s.accounts), align: 'right' },
        {
          header: 'LAST HEARD',
          text: (s) => (s.stage === null ? '' : ago(s.lastHeard, s.daysSince)),
        },
      ],
      { indent: '  ', width: opts.width, header: (h) => k.dim(h) },
    ),
  );

  out.push('', k.bold(c.flags.length ? `Needs action (${c.flags.length})` : 'Needs action'));
  if (c.flags.length === 0) out.push(k.green(`  No silent segment (silent after ${plural(c.silentDays, 'day')})`));
  for (const f of c.flags) out.push(`  ${k.red(f.kind)}  ${safeLine(f.message)}`);
  return `${fitLines(out.join('\n'), opts.width)}\n`;
}

export function renderCoverageMarkdown(c: Coverage): string {
  const out: string[] = [];
  out.push(mdHeading(1, 'Coverage'), '');
  out.push(`${mdInline(`Customer conversations, ${windowText(c)}, as of ${c.asOf}.`)}`, '');

  out.push(mdHeading(2, 'Segments'), '');
  out.push(
    c.segments.length === 0
      ? 'No segments yet.'
      : mdTable(
          ['Segment', 'Conversations', 'Accounts heard', 'Accounts', 'Last heard', 'Flags'],
          c.segments.map((g) => [
            g.segment ?? '(no segment)',
            g.conversations,
            g.accountsHeard,
            g.accounts,
            g.accounts === null ? null : (g.lastHeard ?? 'never'),
            g.flags.join(', '),
          ]),
        ),
    '',
  );

  out.push(mdHeading(2, 'Personas'), '');
  out.push(
    c.personas.length === 0
      ? 'No personas yet.'
      : mdTable(
          ['Persona', 'Conversations', 'People', 'Accounts', 'Last heard'],
          c.personas.map((p) => [
            p.persona ?? '(no persona)',
            p.conversations,
            p.people,
            p.accounts,
            p.persona === null ? null : (p.lastHeard ?? 'never'),
          ]),
        ),
    '',
  );

  out.push(mdHeading(2, 'Stages'), '');
  out.push(
    mdTable(
      ['Stage', 'Conversations', 'Accounts', 'Last heard'],
      c.stages.map((s) => [
        s.stage === null ? '(no stage)' : `${s.stage}${s.inJourney ? '' : ' (not in journey.stages)'}`,
        s.conversations,
        s.accounts,
        s.stage === null ? null : (s.lastHeard ?? 'never'),
      ]),
    ),
    '',
  );

  out.push(mdHeading(2, 'Needs action'), '');
  if (c.flags.length === 0) out.push(mdInline(`No silent segment (silent after ${plural(c.silentDays, 'day')}).`));
  for (const f of c.flags) out.push(`- \`${f.kind}\` ${mdInline(f.message)}`);
  return `${out.join('\n')}\n`;
}
