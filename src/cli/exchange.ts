// Registration of the exchange commands: pm export, pm import.
import type { Command } from 'commander';
import { lazy } from './lazy.js';

export function registerExchange(program: Command): void {
  program
    .command('export')
    .description('write the journal (or a period of it) as markdown, JSON or CSV')
    .option('--format <format>', 'md (default), json or csv')
    .option('--week [week]', 'the week holding --as-of, last, or 2026-W46')
    .option('--month [month]', 'the month holding --as-of, last, or 2026-11')
    .option('--since <date>', 'from this day (with --until, default: --as-of)')
    .option('--until <date>', 'to this day')
    .option('--as-of <date>', 'the day the export is made "as of" (default: the period\'s last day, else today)')
    .option('--out <path>', 'write to this file (atomically) instead of stdout')
    .option('--redact [what]', 'replace contact names and emails with pseudonyms; =all also accounts')
    .option('--front-matter', 'markdown: start with a YAML block (period, as-of, version)')
    .addHelpText(
      'after',
      `
Examples:
  pm export --week last --out notes/$(date +%G-W%V).md   last week's notes, for a git repo
  pm export --format json --out journal.json              the whole journal, for a teammate
  pm export --format csv --month 2026-11 > november.csv   a spreadsheet of November's interviews
  pm export --redact --week                               this week, with contacts pseudonymised`,
    )
    .action(
      lazy(
        () => import('../commands/export.js'),
        (m) => m.exportCommand,
      ),
    );

  program
    .command('import')
    .argument('<file>', 'a pm JSON export, or - for stdin')
    .description("merge a JSON export (yours or a teammate's) into the journal, by UUID")
    .addHelpText(
      'after',
      `
Examples:
  pm import dana.json                  merge a teammate's export; importing it again changes nothing
  pm export --format json | pm --db copy.db import -`,
    )
    .action(
      lazy(
        () => import('../commands/import.js'),
        (m) => m.importCommand,
      ),
    );
}
