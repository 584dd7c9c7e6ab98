// Registration of the interview-side commands: log, edit, delete, interviews/ls, show, contacts,
// accounts, contact set/merge, account set/rename/merge, search. Each command's code is loaded
// only when it runs.
import { Command } from 'commander';
import { lazy } from './lazy.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The flags `pm log` and `pm edit` share (edit adds --clear and `--follow-up done`). */
function interviewFlags(cmd: Command): Command {
  return cmd
    .option('--with <person>', 'who you talked to: "Name" or "Name <email>" (repeatable)', collect)
    .option('--account <org>', 'their organisation (needed for a new contact)')
    .option('--role <role>', 'a new contact\'s role: customer (default), prospect, stakeholder, partner')
    .option('--segment <segment>', 'a new contact\'s segment or persona')
    .option('--channel <channel>', 'call (default), video, visit, chat, email, event; indirect: support, sales, review, survey')
    .option('--date <date>', 'when it happened: YYYY-MM-DD, today, yesterday, mon, 3d, 2w (default today)')
    .option('--minutes <n>', 'how long it took')
    .option('--summary <text>', 'what you learned, in a sentence')
    .option('--notes <text>', 'longer notes')
    .option('--notes-file <path>', 'notes from a file (- reads stdin)')
    .option('--pain <text>', 'a pain they described (repeatable)', collect)
    .option('--quote <text>', 'their words, verbatim (repeatable)', collect)
    .option('--tag <tag>', 'a theme (repeatable)', collect)
    .option('--by <name>', 'who held it (default: user.name, else the OS user)');
}

export function registerInterviews(program: Command): void {
  interviewFlags(program
    .command('log')
    .description('record a customer conversation (asks on a terminal when --summary is not given)'))
    .option('--supports <H3[:strength]>', 'a hypothesis this supports; strength weak|medium|strong (repeatable)', collect)
    .option('--refutes <H3[:strength]>', 'a hypothesis this refutes (repeatable)', collect)
    .option('--follow-up <date>', 'when to follow up: YYYY-MM-DD, tomorrow, fri, +3d, +2w')
    .addHelpText('after', `
Examples:
  pm log                                         asks who, channel, date, summary, pains… (on a terminal)
  pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "Exports take an hour"
  pm log --with "Jane Roe" --summary "Wants SSO" --pain "password resets" --supports H3:strong
  pm log --channel support --account Acme --summary "3 tickets about CSV exports" --tag export
  pm log --with "Sam Ng" --account Globex --role prospect --date yesterday --summary "…" --follow-up +1w
  zoom-transcript | pm log --with "Jane Roe" --summary "Pricing call" --notes-file -`)
    .action(lazy(() => import('../commands/log.js'), (m) => m.log));

  program
    .command('interviews')
    .alias('ls')
    .description('list interviews, newest first')
    .option('--since <date>', 'on or after this day')
    .option('--until <date>', 'on or before this day')
    .option('--with <name>', 'with this contact (name or email)')
    .option('--account <org>', 'with this account')
    .option('--channel <channel>', 'on this channel')
    .option('--tag <tag>', 'tagged so')
    .option('--hypothesis <H3>', 'linked as evidence to this hypothesis')
    .option('--by <name>', 'held by')
    .option('--limit <n>', 'at most N (default 50 on a terminal, all with --json)')
    .addHelpText('after', `
Examples:
  pm ls
  pm ls --since 2w --account Acme
  pm ls --tag pricing --channel call
  pm ls --hypothesis H3 --json | jq -r '.[].summary'`)
    .action(lazy(() => import('../commands/interviews.js'), (m) => m.interviews));
}
