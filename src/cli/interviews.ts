// Registration of the interview-side commands: log, edit, delete, interviews/ls, show, contacts,
// accounts, contact set/merge, account set/rename/merge, search. Each command's code is loaded
// only when it runs.
import type { Command } from 'commander';
import { lazy } from './lazy.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The flags `pm log` and `pm edit` share (edit adds --clear and `--follow-up done`). */
function interviewFlags(cmd: Command): Command {
  return cmd
    .option('--with <person>', 'who you talked to: "Name" or "Name <email>" (repeatable)', collect)
    .option('--account <org>', 'their organisation (needed for a new contact)')
    .option('--role <role>', "a new contact's role: customer (default), prospect, stakeholder, partner")
    .option('--segment <segment>', "a new contact's segment or persona")
    .option(
      '--channel <channel>',
      'call (default), video, visit, chat, email, event; indirect: support, sales, review, survey',
    )
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
  interviewFlags(
    program
      .command('log')
      .description('record a customer conversation (asks on a terminal when --summary is not given)'),
  )
    .option(
      '--supports <H3[:strength]>',
      'a hypothesis this supports; strength weak|medium|strong (repeatable)',
      collect,
    )
    .option('--refutes <H3[:strength]>', 'a hypothesis this refutes (repeatable)', collect)
    .option('--follow-up <date>', 'when to follow up: YYYY-MM-DD, tomorrow, fri, +3d, +2w')
    .addHelpText(
      'after',
      `
Examples:
  pm log                                         asks who, channel, date, summary, pains… (on a terminal)
  pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "Exports take an hour"
  pm log --with "Jane Roe" --summary "Wants SSO" --pain "password resets" --supports H3:strong
  pm log --channel support --account Acme --summary "3 tickets about CSV exports" --tag export
  pm log --with "Sam Ng" --account Globex --role prospect --date yesterday --summary "…" --follow-up +1w
  zoom-transcript | pm log --with "Jane Roe" --summary "Pricing call" --notes-file -`,
    )
    .action(
      lazy(
        () => import('../commands/log.js'),
        (m) => m.log,
      ),
    );

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
    .addHelpText(
      'after',
      `
Examples:
  pm ls
  pm ls --since 2w --account Acme
  pm ls --tag pricing --channel call
  pm ls --hypothesis H3 --json | jq -r '.[].summary'`,
    )
    .action(
      lazy(
        () => import('../commands/interviews.js'),
        (m) => m.interviews,
      ),
    );

  registerInterviewEditing(program);
  registerPeople(program);
}

export function registerInterviewEditing(program: Command): void {
  interviewFlags(
    program
      .command('edit')
      .argument('<interview>', 'I12, or last')
      .description('change only the fields given (a repeatable flag replaces its whole list)'),
  )
    .option('--follow-up <date>', 'a new follow-up date, or done')
    .option('--clear <field>', 'empty one: tags, pains, quotes, notes, follow-up (repeatable)', collect)
    .addHelpText(
      'after',
      `
Examples:
  pm edit last --summary "Exports take an hour, every week"
  pm edit I12 --tag export --tag pricing        replaces the tags
  pm edit I12 --follow-up done
  pm edit I12 --clear quotes --date yesterday
  (evidence: pm hyp link / pm hyp unlink)`,
    )
    .action(
      lazy(
        () => import('../commands/edit.js'),
        (m) => m.edit,
      ),
    );

  program
    .command('delete')
    .argument('<id>', 'I12, last, or H3')
    .description('delete an interview or a hypothesis with its evidence links (asks first)')
    .option('-y, --yes', 'do not ask (needed when not on a terminal)')
    .option('--force', 'delete a hypothesis even though it has evidence')
    .addHelpText(
      'after',
      `
Examples:
  pm delete I12
  pm delete last --yes
  pm delete H3 --yes --force       a hypothesis with evidence (pm hyp kill is usually what you mean)`,
    )
    .action(
      lazy(
        () => import('../commands/delete.js'),
        (m) => m.remove,
      ),
    );

  program
    .command('show')
    .argument('<id>', 'I12, last, H3, an account name, or a contact name or email')
    .description('one interview, hypothesis, account or contact in full')
    .addHelpText(
      'after',
      `
Examples:
  pm show last
  pm show I12 --json
  pm show H3
  pm show Acme                     its people, conversations, days since last direct contact
  pm show "Jane Roe"`,
    )
    .action(
      lazy(
        () => import('../commands/show.js'),
        (m) => m.show,
      ),
    );

  program
    .command('search')
    .argument('<query>', 'words, "a phrase", prefix*, or FTS5 syntax (OR, NOT, NEAR)')
    .description('full-text search over summaries, notes, pains and quotes, best first')
    .option('--limit <n>', 'at most N results (default 20)')
    .addHelpText(
      'after',
      `
Examples:
  pm search export
  pm search '"takes an hour"'
  pm search 'invoic*' --limit 5
  pm search 'sso OR saml' --json | jq -r '.[].id'`,
    )
    .action(
      lazy(
        () => import('../commands/search.js'),
        (m) => m.search,
      ),
    );
}

export function registerPeople(program: Command): void {
  program
    .command('contacts')
    .description('people, with their last direct contact and who is overdue (most overdue first)')
    .addHelpText(
      'after',
      `
Examples:
  pm contacts
  pm contacts --json | jq -r '.[] | select(.overdue) | .name'`,
    )
    .action(
      lazy(
        () => import('../commands/contacts.js'),
        (m) => m.contacts,
      ),
    );

  const contact = program
    .command('contact')
    .description('change or merge contacts')
    .addHelpText(
      'after',
      `
Examples:
  pm contact set "Jane Roe" --role prospect
  pm contact merge "J. Roe" "Jane Roe"`,
    );
  contact
    .command('set')
    .argument('<contact>', 'name, email, or "Name <email>"')
    .description('change a contact')
    .option('--name <name>', 'a new name')
    .option('--email <email>', 'a new email ("" removes it)')
    .option('--role <role>', 'customer, prospect, stakeholder, partner')
    .option('--account <org>', 'moves them to this account (created when new); past interviews keep theirs')
    .option('--segment <segment>', 'segment or persona ("" removes it)')
    .addHelpText(
      'after',
      `
Examples:
  pm contact set "Jane Roe" --email jane@acme.test --segment finance
  pm contact set jane@acme.test --account Globex`,
    )
    .action(
      lazy(
        () => import('../commands/contacts.js'),
        (m) => m.contactSet,
      ),
    );
  contact
    .command('merge')
    .argument('<duplicate>', 'the contact to fold in and remove')
    .argument('<keep>', 'the contact that stays')
    .description('move every interview of DUPLICATE to KEEP, then remove DUPLICATE')
    .addHelpText(
      'after',
      `
Examples:
  pm contact merge "J. Roe" "Jane Roe"
  pm contact merge jroe@old.test jane@acme.test`,
    )
    .action(
      lazy(
        () => import('../commands/contacts.js'),
        (m) => m.contactMerge,
      ),
    );

  program
    .command('accounts')
    .description('organisations, with last direct contact, days since, cadence, most overdue first')
    .addHelpText(
      'after',
      `
Examples:
  pm accounts
  pm accounts --json | jq -r '.[] | select(.overdue) | .name'`,
    )
    .action(
      lazy(
        () => import('../commands/accounts.js'),
        (m) => m.accounts,
      ),
    );

  const account = program
    .command('account')
    .description('change, rename or merge accounts')
    .addHelpText(
      'after',
      `
Examples:
  pm account set Acme --cadence 14
  pm account rename "ACME Inc" Acme`,
    );
  account
    .command('set')
    .argument('<account>', 'its name')
    .description("set an account's cadence or segment")
    .option('--cadence <days>', 'days before it is going cold; off (never, e.g. a lost prospect) or default')
    .option('--segment <segment>', 'its segment ("" removes it)')
    .addHelpText(
      'after',
      `
Examples:
  pm account set Acme --cadence 14
  pm account set "Lost Deal Ltd" --cadence off
  pm account set Acme --segment enterprise`,
    )
    .action(
      lazy(
        () => import('../commands/accounts.js'),
        (m) => m.accountSet,
      ),
    );
  account
    .command('rename')
    .argument('<old>')
    .argument('<new>')
    .description('rename an account')
    .addHelpText(
      'after',
      `
Examples:
  pm account rename "ACME Inc" Acme`,
    )
    .action(
      lazy(
        () => import('../commands/accounts.js'),
        (m) => m.accountRename,
      ),
    );
  account
    .command('merge')
    .argument('<duplicate>', 'the account to fold in and remove')
    .argument('<keep>', 'the account that stays')
    .description('move every contact and interview of DUPLICATE to KEEP, then remove DUPLICATE')
    .addHelpText(
      'after',
      `
Examples:
  pm account merge "Acme Inc" Acme`,
    )
    .action(
      lazy(
        () => import('../commands/accounts.js'),
        (m) => m.accountMerge,
      ),
    );
}
