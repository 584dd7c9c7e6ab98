// The markdown export is a file a PM hands a teammate (fresh-eyes wave 15 H2's rest): a kill of the
// period was written out twice (under "Decided this period" and again under "Killed and invalidated"),
// the report's Conversations ran newest first above Interviews oldest first without a word, and a list
// cut at ten rows pointed at a command as if the reader had the journal it was made from.
import { describe, expect, it } from 'vitest';
import { sandboxForFile } from '../helpers.js';

const THEMES = 'a1,b2,c3,d4,e5,f6,g7,h8,i9,j10,k11,l12';
const box = sandboxForFile([
  ['hyp', 'add', 'Finance teams want itemised invoices', '--date', '2026-11-10'],
  ['hyp', 'add', 'Admins want SSO', '--date', '2026-11-10'],
  ['log', '--with', 'Ann Ash', '--account', 'Acme', '--date', '2026-11-16', '--summary', 'First', '--refutes', 'H1'],
  ['log', '--with', 'Bob Bee', '--account', 'Bco', '--date', '2026-11-18', '--summary', 'Second', '--tag', THEMES],
  [
    'log',
    '--with',
    'Cy Dee',
    '--account',
    'Cco',
    '--date',
    '2026-11-05',
    '--summary',
    'Third',
    ...['slow export', 'no audit', 'sso', 'csv', 'pdf', 'api', 'seats'].flatMap((p) => ['--pain', p]),
  ],
  ['hyp', 'kill', 'H1', '--reason', 'Two customers said no', '--date', '2026-11-19'],
  ['hyp', 'kill', 'H2', '--reason', 'Old idea', '--date', '2026-11-11'],
]);
const section = (md: string, title: string) =>
  md.slice(md.indexOf(`## ${title}\n`), md.indexOf('\n## ', md.indexOf(`## ${title}\n`) + 3));

describe('pm export --format md, a page for the team', () => {
  it('names a kill of the period under Killed and invalidated rather than writing it out again', () => {
    const md = box().ok(['export', '--week']).out;
    expect(section(md, 'Decided this period')).toContain(
      '- **H1** killed on 2026-11-19: Finance teams want itemised invoices — Two customers said no',
    );
    const killed = section(md, 'Killed and invalidated');
    expect(killed).toContain('- **H1** killed on 2026-11-19, under Decided this period above\n');
    expect(killed).not.toContain('Two customers said no');
    expect(killed).toContain('- **H2** killed on 2026-11-11: Admins want SSO — Old idea');
  });

  it('says which way each list of conversations runs', () => {
    const md = box().ok(['export', '--week']).out;
    expect(section(md, 'Conversations').indexOf('Second')).toBeLessThan(section(md, 'Conversations').indexOf('First'));
    expect(section(md, 'Interviews')).toMatch(
      /^## Interviews\n\nOldest first \(the Conversations above are newest first\)\.\n\n### I1 /,
    );
  });

  it('says a list cut at ten rows goes on elsewhere, in the journal it was made from', () => {
    const md = box().ok(['export', '--week']).out;
    expect(section(md, 'Themes')).toContain(
      '- and 2 more, not on this page (in the journal it was made from, ' +
        '`pm report --week 2026-W47 --as-of 2026-11-20 --json` lists every one)',
    );
    expect(section(md, 'Opportunities')).toContain(
      '- and 2 more, not on this page (in the journal it was made from, ' +
        '`pm opportunities --as-of 2026-11-20 --limit 0` lists every one)',
    );
    // the commands named list every one
    expect(box().json(['report', '--week', '2026-W47', '--as-of', '2026-11-20']).themes).toHaveLength(12);
    expect(box().json(['opportunities', '--as-of', '2026-11-20', '--limit', '0'])).toHaveLength(7);
    // pm report's own page says the same report with --json, as before
    expect(section(box().ok(['report', '--format', 'md']).out, 'Themes')).toContain(
      '- and 2 more (the same report with `--json` lists every one)',
    );
  });
});
