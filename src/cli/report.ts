// Registration of the report commands: pm report (the standup report) and pm demo.
import type { Command } from 'commander';
import { lazy } from './lazy.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('the standup report: customer contact, cold accounts, hypotheses, themes, follow-ups, flags')
    .option('--week [week]', 'the week holding --as-of (default), last, or 2026-W46')
    .option('--month [month]', 'the month holding --as-of, last, or 2026-11')
    .option('--since <date>', 'a free period from DATE (to --until, default --as-of)')
    .option('--until <date>', 'the end of a --since period')
    .option('--as-of <date>', 'the day the report is made as of (default: today); nothing later counts')
    .option('--by <name>', 'only the conversations held by NAME')
    .option('--format <format>', 'text (default), md or json')
    .option('--check', 'exit 3 when an actionable flag is raised (for cron and CI)')
    .addHelpText(
      'after',
      `
Examples:
  pm report                          this week, in colour
  pm report --week last --format md > standup.md
  pm report --month 2026-11 --json | jq .contact
  pm report --since 2026-11-01 --until 2026-11-15 --by "Dana Lee"
  pm report --week --check || notify-send "pm: time to talk to customers"`,
    )
    .action(
      lazy(
        () => import('../commands/report.js'),
        (m) => m.report,
      ),
    );

  program
    .command('demo')
    .description('build a sample journal (a temporary file unless --db is given) and print its weekly report')
    .option('--format <format>', 'text (default), md or json')
    .addHelpText(
      'after',
      `
Examples:
  pm demo                            a sample journal and its weekly report
  pm demo --format md
  pm --db /tmp/sample.db demo        keep the sample journal to explore it (pm --db /tmp/sample.db ls)`,
    )
    .action(
      lazy(
        () => import('../commands/demo.js'),
        (m) => m.demo,
      ),
    );
}
