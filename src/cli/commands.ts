// The command table: every command pm has, with what its help shows and how it runs. Registration
// (src/cli/register.ts), bin/pm.js's code caches (dist/commands.json, written at build time from
// this table by esbuild.config.mjs) and the completion scripts all derive from it. Adding a command
// is one entry here plus its module in src/commands/ (docs/development.md, "Adding a command").
import { CHANNELS } from '../core/channels.js';
import { ROLES } from '../core/contacts.js';
import { KINDS, STATUS_FILTERS, STRENGTHS } from '../core/hypotheses.js';
import { BASES } from '../core/confidence.js';
import { type Handler, lazy } from './lazy.js';
import { COLOR_WHEN } from '../context.js';
import type { Completes } from '../core/completion.js';
import { CONFIG_KEYS } from '../core/config.js';

// what --week and --month take besides a week or month label (src/core/dates.ts parseWeek, parseMonth)
const PERIOD_WORDS = ['last', 'this'] as const;

/** One option, in commander's form, and the fixed set of values it takes, where it has one. */
export interface OptionSpec {
  /** e.g. '-y, --yes', '--format <format>', '--week [week]' */
  flags: string;
  description: string;
  /** given again, it adds to a list rather than replacing the value */
  repeatable?: true;
  /** the values it takes, when they are a fixed set (for completion) */
  values?: readonly string[];
  /** what completes its value otherwise: file names, or the journal's records (src/core/completion.ts) */
  complete?: Completes;
  /**
   * a run with this flag reaches other code (report --check: its flags decide the exit code), so
   * bin/pm.js keeps a code cache for it apart
   */
  ownCodeCache?: true;
}

export interface ArgumentSpec {
  /** '<id>' (required) or '[path]' (optional) */
  name: string;
  description?: string;
  /** the values it takes, when they are a fixed set (for completion) */
  values?: readonly string[];
  /** what completes it otherwise: file names, or the journal's records (src/core/completion.ts) */
  complete?: Completes;
}

export interface CommandSpec {
  /** the word typed: pm <name> */
  name: string;
  aliases?: readonly string[];
  description: string;
  arguments?: readonly ArgumentSpec[];
  options?: readonly OptionSpec[];
  /** help lines before the examples (columns, a lifecycle) */
  notes?: string;
  /** the last part of every command's help; an example may end with a few words on what it does */
  examples?: readonly string[];
  /**
   * What it (and its subcommands) can print, the default first: --format takes these, --json
   * chooses json. bin/pm.js keeps a code cache for each. Without it: DEFAULT_OUTPUTS.
   */
  outputs?: readonly string[];
  /** runs it: lazy(), which loads its module only then */
  action?: Handler;
  subcommands?: readonly CommandSpec[];
}

/** What a command prints when its entry names no outputs: text, and JSON with --json. */
export const DEFAULT_OUTPUTS = ['text', 'json'] as const;

/** The global options (the program's own; every command takes them). */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--db <path>',
    description: 'the journal file (default: $PM_DB, else $XDG_DATA_HOME/pm/journal.db)',
    complete: 'file',
  },
  { flags: '--json', description: 'machine output on stdout' },
  {
    flags: '--color <when>',
    description: 'ANSI colour: auto (default: on a terminal, unless NO_COLOR is set), always or never',
    values: COLOR_WHEN,
  },
  { flags: '--no-color', description: 'the same as --color never' },
  { flags: '-q, --quiet', description: 'less on stderr' },
  { flags: '-v, --verbose', description: 'more on stderr, and stack traces on errors' },
];

/** The long flag of an option: '--db' of '--db <path>'. */
export const longFlag = (o: OptionSpec) => /--[\w-]+/.exec(o.flags)![0];

/** The global options that take a value: what follows one is not the command word. */
export const GLOBAL_VALUE_OPTIONS = GLOBAL_OPTIONS.filter((o) => /[<[]/.test(o.flags)).map(longFlag);

export const PROGRAM_DESCRIPTION =
  'A product-discovery journal: log customer conversations, test hypotheses, see what to do next.';

export const PROGRAM_EXAMPLES = [
  'pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "Exports take an hour" --pain "slow export"',
  'pm hyp add "Finance teams want itemised invoices" --criteria "3 of 5 finance leads say yes"',
  'pm report --week',
  'pm demo                      a sample journal and its weekly report',
];

const REPORT_FORMATS = ['text', 'md', 'json'] as const;
/** pm report and pm demo: the standup page as one HTML file too */
const PAGE_FORMATS = ['text', 'md', 'json', 'html'] as const;
const EXPORT_FORMATS = ['md', 'json', 'csv', 'html'] as const;

/** The flags `pm log` and `pm edit` share (edit adds --clear and `--follow-up done`). */
const INTERVIEW_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--with <person>',
    description: 'who you talked to: "Name" or "Name <email>" (repeatable)',
    repeatable: true,
    complete: 'contact',
  },
  { flags: '--account <org>', description: 'their organisation (needed for a new contact)', complete: 'account' },
  {
    flags: '--source <name>',
    description: 'where a signal came from, e.g. Capterra or "NPS survey" (never an account)',
    complete: 'source',
  },
  {
    flags: '--role <role>',
    description: "a new contact's role: customer (default), prospect, stakeholder, partner",
    values: ROLES,
  },
  { flags: '--segment <segment>', description: "a new contact's segment", complete: 'segment' },
  { flags: '--persona <persona>', description: 'a new contact\'s persona, e.g. "finance lead"', complete: 'persona' },
  {
    flags: '--stage <stage>',
    description: "the customer's journey stage (journey.stages: discover, evaluate, onboard, adopt, expand, churn)",
    complete: 'stage',
  },
  {
    flags: '--channel <channel>',
    description: 'call (default), video, visit, chat, email, event; indirect: support, sales, review, survey',
    values: CHANNELS,
  },
  {
    flags: '--date <date>',
    description: 'when it happened: YYYY-MM-DD, today, yesterday, mon, 3d, 2w (default today)',
  },
  { flags: '--minutes <n>', description: 'how long it took (1 to 1440)' },
  { flags: '--summary <text>', description: 'what you learned, in a sentence' },
  { flags: '--notes <text>', description: 'longer notes' },
  { flags: '--notes-file <path>', description: 'notes from a file (- reads stdin)', complete: 'file' },
  {
    flags: '--pain <text[:severity]>',
    description:
      'a pain they described, "slow export:high": severity low, medium (default), high or blocker (repeatable)',
    repeatable: true,
  },
  { flags: '--quote <text>', description: 'their words, verbatim (repeatable)', repeatable: true },
  { flags: '--tag <tag>', description: 'a theme (repeatable)', repeatable: true, complete: 'tag' },
  { flags: '--by <name>', description: 'who held it (default: user.name, else the OS user)' },
];

const hyp = () => import('../commands/hyp.js');
const outcome = () => import('../commands/hyp-outcome.js');
const config = () => import('../commands/config.js');
const contacts = () => import('../commands/contacts.js');
const accounts = () => import('../commands/accounts.js');
const opportunities = () => import('../commands/opportunities.js');

/** pm hyp validate, invalidate, kill and reopen: one shape, each its own meaning and examples. */
const OUTCOME_COMMANDS: readonly CommandSpec[] = (
  [
    [
      'validate',
      'record that customers confirmed it',
      ['validate H7 --reason "4 of 5 finance leads asked for it unprompted"'],
    ],
    [
      'invalidate',
      'record that customers showed it is wrong',
      ['invalidate H7 --reason "they export to Excel and never read invoices" --date yesterday'],
    ],
    [
      'kill',
      'record that you stopped pursuing it, whatever the evidence',
      ['kill H7 --reason "out of strategy after the Q3 review"'],
    ],
    [
      'reopen',
      'open a validated, invalidated or killed hypothesis again, with a new decide-by',
      [
        'reopen H7 --reason "two new accounts asked for it"      decide by today + hypothesis.decideDays',
        'reopen H7 --reason "a refuting call after we validated" --decide-by +2w',
      ],
    ],
  ] as const
).map(([verb, description, examples]) => ({
  name: verb,
  description: `${description} (a reason is required)`,
  arguments: [
    {
      name: '<id>',
      description: 'the hypothesis, e.g. H7',
      complete: verb === 'reopen' ? 'hypothesis.decided' : 'hypothesis.open',
    },
  ],
  options: [
    { flags: '--reason <text>', description: 'why: what you learned (required)' },
    {
      flags: '--date <date>',
      description: `when it was ${verb === 'reopen' ? 'reopened' : 'decided'} (default: today)`,
    },
    ...(verb === 'reopen'
      ? [
          {
            flags: '--decide-by <date>',
            description:
              'the new time box: YYYY-MM-DD, +2w (from --date), fri … (default: --date + hypothesis.decideDays)',
          },
        ]
      : []),
  ],
  examples: examples.map((e) => `pm hyp ${e}`),
  action: lazy(outcome, (m) => m[verb]),
}));

/** Every command, in the order `pm --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'init',
    description: 'create the journal and set the customer-contact cadence',
    options: [
      { flags: '--target <n>', description: 'customer conversations wanted per cadence period (cadence.target)' },
      { flags: '--every <days>', description: 'the cadence period in days (cadence.days)' },
    ],
    examples: [
      'pm init                        create the journal with the defaults (1 conversation every 7 days)',
      'pm init --target 3 --every 7   aim for three customer conversations a week',
    ],
    action: lazy(
      () => import('../commands/init.js'),
      (m) => m.init,
    ),
  },
  {
    name: 'config',
    description: 'show or change settings (stored in the journal)',
    examples: [
      'pm config                      every key with its value and default',
      'pm config get cadence.days',
      'pm config set week.start sunday',
      'pm config set user.name "Dana Lee"',
      'pm config unset user.name',
    ],
    action: lazy(config, (m) => m.list),
    subcommands: [
      {
        name: 'list',
        description: 'every key, its value and its default',
        examples: ['pm config list', 'pm config list --json | jq \'."cadence.target"\''],
        action: lazy(config, (m) => m.list),
      },
      {
        name: 'get',
        arguments: [{ name: '<key>', values: CONFIG_KEYS }],
        description: 'print one value',
        examples: ['pm config get cadence.target', 'pm config get journey.stages'],
        action: lazy(config, (m) => m.get),
      },
      {
        name: 'set',
        arguments: [{ name: '<key>', values: CONFIG_KEYS }, { name: '<value>' }],
        description: 'change one value (checked first: a bad value changes nothing)',
        examples: [
          'pm config set cadence.target 3',
          'pm config set journey.stages "trial, onboard, adopt, renew"',
          'pm config set product.outcome "Finance teams close the month in a day"',
        ],
        action: lazy(config, (m) => m.set),
      },
      {
        name: 'unset',
        arguments: [{ name: '<key>', values: CONFIG_KEYS }],
        description: 'back to the default (user.name: back to the OS user)',
        examples: ['pm config unset cadence.target', 'pm config unset user.name'],
        action: lazy(config, (m) => m.unset),
      },
    ],
  },
  {
    name: 'doctor',
    description: 'check the journal: path, schema version, counts, integrity, summaries; exit 1 if unhealthy',
    options: [{ flags: '--repair', description: 'rebuild the summaries that differ from the records they sum up' }],
    examples: [
      'pm doctor',
      'pm doctor --json | jq .healthy',
      'pm doctor --repair                 rebuild the counts and dates kept for the report, if they drifted',
    ],
    action: lazy(
      () => import('../commands/doctor.js'),
      (m) => m.doctor,
    ),
  },
  {
    name: 'backup',
    arguments: [
      { name: '[path]', description: 'where to write the copy (default: beside the journal, dated)', complete: 'file' },
    ],
    description: 'write a consistent copy of the journal, even while it is in use',
    examples: [
      'pm backup                          journal.db.backup-2026-11-22 beside the journal',
      'pm backup ~/Dropbox/pm-journal.db',
    ],
    action: lazy(
      () => import('../commands/backup.js'),
      (m) => m.backup,
    ),
  },
  {
    name: 'forget',
    arguments: [
      { name: '[contact]', description: 'the person\'s name, email, "Name (Account)" or UUID', complete: 'contact' },
    ],
    options: [
      { flags: '-y, --yes', description: 'do not ask first (needed when not at a terminal)' },
      { flags: '--resume', description: 'finish an erasure that was interrupted (any pm command also does)' },
    ],
    description:
      'erase a person: name, email, the quotes of their interviews and mentions of them; the interviews stay',
    notes:
      'Their name and email are also removed from every other interview, hypothesis and outcome, and\n' +
      'imports never bring them back. It names the backups and exports pm wrote that still hold them.',
    examples: [
      'pm forget "Jane Roe"               asks for confirmation at a terminal',
      'pm forget jane@acme.test --yes     in a script',
      'pm forget --resume                 finish an erasure a kill or a full disk interrupted',
    ],
    action: lazy(
      () => import('../commands/forget.js'),
      (m) => m.forget,
    ),
  },
  {
    name: 'sync',
    description: "share the journal through PostgreSQL: push your changes, pull everyone else's",
    notes: `A team journal: every PM keeps a fast local file; pm sync shares it through a PostgreSQL database
(set up once with pm sync init). Edits, deletions and erasures travel; the newer version of a record
wins, and a record changed here and elsewhere at once keeps the losing version (pm sync conflicts).
Credentials come from PGPASSWORD, ~/.pgpass or PGSSLMODE, never from the journal.`,
    examples: [
      'pm sync init postgres://dana@db.example.com/discovery   once: connect, create the schema pm',
      "pm sync                          push your changes, pull your team's",
      'pm sync status',
      'pm sync conflicts',
      'pm sync resolve 3 lost           bring back the version that lost',
    ],
    action: lazy(
      () => import('../commands/sync.js'),
      (m) => m.sync,
    ),
    subcommands: [
      {
        name: 'init',
        arguments: [
          {
            name: '<url>',
            description: 'postgres://user@host[:port]/database (no password: use PGPASSWORD or ~/.pgpass)',
          },
        ],
        description: 'connect this journal to a PostgreSQL database, creating the schema pm there if needed',
        options: [
          {
            flags: '--new-device',
            description: 'give this journal a device id of its own (a copy of another journal that also syncs)',
          },
          {
            flags: '--name <name>',
            description: 'who you are to the team (sets user.name; asked at a terminal when it is unset)',
          },
          {
            flags: '--switch',
            description: 'connect a journal that syncs with another database to this one: all it holds is pushed there',
          },
        ],
        examples: [
          'pm sync init postgres://dana@db.example.com/discovery',
          'PGSSLMODE=require pm sync init postgres://dana@ep-quiet-1.eu.aws.neon.tech/discovery',
        ],
        action: lazy(
          () => import('../commands/sync.js'),
          (m) => m.init,
        ),
      },
      {
        name: 'status',
        description: 'the remote, the last sync, changes waiting to be pushed, conflicts',
        examples: ['pm sync status', 'pm sync status --json | jq .waiting'],
        action: lazy(
          () => import('../commands/sync.js'),
          (m) => m.status,
        ),
      },
      {
        name: 'conflicts',
        description: 'records changed here and elsewhere at once: what was kept and what lost',
        examples: ['pm sync conflicts', 'pm sync conflicts --json | jq -r ".[].record"'],
        action: lazy(
          () => import('../commands/sync.js'),
          (m) => m.conflicts,
        ),
      },
      {
        name: 'resolve',
        arguments: [
          { name: '<id>', description: 'the conflict, as pm sync conflicts numbers it', complete: 'conflict' },
          {
            name: '<keep>',
            description: 'kept (the version that won) or lost (bring the other back)',
            values: ['kept', 'lost'],
          },
        ],
        description: 'settle a conflict: keep the version that won, or bring back the one that lost',
        examples: ['pm sync resolve 3 kept', 'pm sync resolve 3 lost'],
        action: lazy(
          () => import('../commands/sync.js'),
          (m) => m.resolve,
        ),
      },
    ],
  },
  {
    name: 'completion',
    arguments: [{ name: '<shell>', description: 'bash, zsh or fish', values: ['bash', 'zsh', 'fish'] }],
    description: 'print a shell completion script',
    notes: `TAB then completes commands, options, fixed values, file names where a path is expected, and the
journal's ids, contacts, accounts and tags. Install it once; after upgrading pm, write it again. zsh: a
file _pm in a folder of $fpath added before compinit runs (a new shell loads it at its first TAB), or
source <(pm completion zsh) anywhere in ~/.zshrc. More: docs/guides.md, "Shell completion".`,
    examples: [
      'pm completion bash > ~/.local/share/bash-completion/completions/pm',
      'pm completion zsh > ~/.zfunc/_pm     with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc',
      'pm completion fish > ~/.config/fish/completions/pm.fish',
      'source <(pm completion bash)         in ~/.bashrc, without bash-completion (zsh: the same)',
    ],
    outputs: ['script'],
    action: lazy(
      () => import('../commands/completion.js'),
      (m) => m.completionCommand,
    ),
  },
  {
    name: 'log',
    description: 'record a customer conversation (asks on a terminal when --summary is not given)',
    options: [
      ...INTERVIEW_OPTIONS,
      {
        flags: '--supports <H3[:strength][:basis]>',
        description:
          'a hypothesis this supports (repeatable); strength weak|medium|strong, basis said|did|paid: H3:strong:paid',
        repeatable: true,
        complete: 'hypothesis.open',
      },
      {
        flags: '--refutes <H3[:strength][:basis]>',
        description: 'a hypothesis this refutes (repeatable), as --supports',
        repeatable: true,
        complete: 'hypothesis.open',
      },
      { flags: '--follow-up <date>', description: 'when to follow up: YYYY-MM-DD, tomorrow, fri, +3d, +2w' },
    ],
    examples: [
      'pm log                                         on a terminal: asks who, how and when, what happened…',
      'pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "Exports take an hour"',
      'pm log --with "Jane Roe" --summary "Wants SSO" --pain "password resets:high" --supports H3:strong',
      'pm log --with "Raj Patel" --summary "Signed the pilot order" --supports H3:paid --stage evaluate',
      'pm log --channel support --source Zendesk --summary "3 tickets about CSV exports" --tag export',
      'pm log --with "Sam Ng" --account Globex --role prospect --date yesterday --summary "…" --follow-up +1w',
      'zoom-transcript | pm log --with "Jane Roe" --summary "Pricing call" --notes-file -',
    ],
    action: lazy(
      () => import('../commands/log.js'),
      (m) => m.log,
    ),
  },
  {
    name: 'interviews',
    aliases: ['ls'],
    description: 'list interviews, newest first',
    options: [
      { flags: '--since <date>', description: 'on or after this day' },
      { flags: '--until <date>', description: 'on or before this day' },
      { flags: '--with <name>', description: 'with this contact (name or email)', complete: 'contact' },
      { flags: '--account <org>', description: 'with this account', complete: 'account' },
      { flags: '--source <name>', description: 'signals from this source', complete: 'source' },
      { flags: '--channel <channel>', description: 'on this channel', values: CHANNELS },
      { flags: '--tag <tag>', description: 'tagged so', complete: 'tag' },
      { flags: '--hypothesis <H3>', description: 'linked as evidence to this hypothesis', complete: 'hypothesis' },
      { flags: '--by <name>', description: 'held by' },
      { flags: '--limit <n>', description: 'at most N (default 50 on a terminal, else all; 0: all)' },
    ],
    examples: [
      'pm ls',
      'pm ls --since 2w --account Acme',
      'pm ls --tag pricing --channel call',
      "pm ls --hypothesis H3 --json | jq -r '.[].summary'",
    ],
    action: lazy(
      () => import('../commands/interviews.js'),
      (m) => m.interviews,
    ),
  },
  {
    name: 'edit',
    arguments: [{ name: '<interview>', description: 'I12, or last', complete: 'interview' }],
    description: 'change only the fields given (a repeatable flag replaces its whole list)',
    options: [
      // log's defaults (call, today, user.name) are not what an edit does: it changes only what is given
      ...INTERVIEW_OPTIONS.map((o) =>
        ['--channel <channel>', '--date <date>', '--by <name>'].includes(o.flags)
          ? { ...o, description: o.description.replace(/ \(default(?: today|:[^)]*)?\)/, '') }
          : o,
      ),
      { flags: '--follow-up <date>', description: 'a new follow-up date, or done' },
      {
        flags: '--clear <field>',
        description: 'empty one: tags, pains, quotes, notes, follow-up, stage, source, minutes (repeatable)',
        repeatable: true,
        values: ['tags', 'pains', 'quotes', 'notes', 'follow-up', 'stage', 'source', 'minutes'],
      },
    ],
    examples: [
      'pm edit last --summary "Exports take an hour, every week"',
      'pm edit I12 --tag export --tag pricing        replaces the tags',
      'pm edit I12 --follow-up done',
      'pm edit I12 --clear quotes --date yesterday',
      'pm hyp link H3 I12 --supports --basis did   evidence changes through pm hyp link and unlink',
    ],
    action: lazy(
      () => import('../commands/edit.js'),
      (m) => m.edit,
    ),
  },
  {
    name: 'delete',
    arguments: [{ name: '<id>', description: 'I12, last, or H3', complete: ['interview', 'hypothesis'] }],
    description: 'delete an interview or a hypothesis with its evidence links (asks first)',
    options: [
      { flags: '-y, --yes', description: 'do not ask first (needed when not at a terminal)' },
      { flags: '--force', description: 'delete a hypothesis even though it has evidence' },
    ],
    examples: [
      'pm delete I12',
      'pm delete last --yes',
      'pm delete H3 --yes --force       a hypothesis with evidence (pm hyp kill is usually what you mean)',
    ],
    action: lazy(
      () => import('../commands/delete.js'),
      (m) => m.remove,
    ),
  },
  {
    name: 'show',
    arguments: [
      {
        name: '<id>',
        description: 'I12, last, H3, an account name, or a contact name or email',
        complete: ['interview', 'hypothesis', 'account', 'contact'],
      },
    ],
    description: 'one interview, hypothesis, account or contact in full',
    options: [
      {
        flags: '--limit <n>',
        description: "an account's or contact's conversations: at most N (default 50 on a terminal, else all; 0: all)",
      },
    ],
    examples: [
      'pm show last',
      'pm show I12 --json',
      'pm show H3',
      'pm show Acme                     its people, conversations, days since last direct contact',
      'pm show "Jane Roe" --limit 10',
    ],
    action: lazy(
      () => import('../commands/show.js'),
      (m) => m.show,
    ),
  },
  {
    name: 'search',
    arguments: [{ name: '<query>', description: 'words, "a phrase", prefix*, or FTS5 syntax (OR, NOT, NEAR)' }],
    description: 'full-text search over summaries, notes, pains and quotes, best first',
    options: [{ flags: '--limit <n>', description: 'at most N results (default 20)' }],
    examples: [
      'pm search export',
      `pm search '"takes an hour"'`,
      "pm search 'invoic*' --limit 5",
      "pm search 'sso OR saml' --json | jq -r '.[].id'",
    ],
    action: lazy(
      () => import('../commands/search.js'),
      (m) => m.search,
    ),
  },
  {
    name: 'contacts',
    description: 'people, with their last direct contact and who is overdue (most overdue first)',
    options: [{ flags: '--limit <n>', description: 'at most N (default 50 on a terminal, else all; 0: all)' }],
    examples: ['pm contacts', 'pm contacts --limit 10', "pm contacts --json | jq -r '.[] | select(.overdue) | .name'"],
    action: lazy(contacts, (m) => m.contacts),
  },
  {
    name: 'contact',
    description: 'change or merge contacts',
    examples: ['pm contact set "Jane Roe" --role prospect', 'pm contact merge "J. Roe" "Jane Roe"'],
    subcommands: [
      {
        name: 'set',
        // pm edit I3 and pm hyp edit H1 teach "edit" (fresh-eyes wave 11 E19: pm contact edit was unknown)
        aliases: ['edit'],
        arguments: [
          { name: '<contact>', description: 'name, email, "Name <email>" or "Name (Account)"', complete: 'contact' },
        ],
        description: 'change a contact',
        options: [
          { flags: '--name <name>', description: 'a new name' },
          { flags: '--email <email>', description: 'a new email ("" removes it)' },
          { flags: '--role <role>', description: 'customer, prospect, stakeholder, partner', values: ROLES },
          {
            flags: '--account <org>',
            description: 'moves them to this account (created when new); past interviews keep theirs',
            complete: 'account',
          },
          { flags: '--segment <segment>', description: 'their segment ("" removes it)', complete: 'segment' },
          {
            flags: '--persona <persona>',
            description: 'who they are, e.g. "finance lead" ("" removes it)',
            complete: 'persona',
          },
        ],
        examples: [
          'pm contact set "Jane Roe" --email jane@acme.test --persona "finance lead"',
          'pm contact set jane@acme.test --account Globex',
        ],
        action: lazy(contacts, (m) => m.contactSet),
      },
      {
        name: 'merge',
        arguments: [
          { name: '<duplicate>', description: 'the contact to fold in and remove', complete: 'contact' },
          { name: '<keep>', description: 'the contact that stays', complete: 'contact' },
        ],
        description: 'move every interview of DUPLICATE to KEEP, then remove DUPLICATE',
        options: [{ flags: '-y, --yes', description: 'do not ask first when the two names differ (at a terminal)' }],
        examples: ['pm contact merge "J. Roe" "Jane Roe"', 'pm contact merge jroe@old.test jane@acme.test'],
        action: lazy(contacts, (m) => m.contactMerge),
      },
    ],
  },
  {
    name: 'accounts',
    description: 'organisations, with last direct contact, days since, cadence, most overdue first',
    options: [{ flags: '--limit <n>', description: 'at most N (default 50 on a terminal, else all; 0: all)' }],
    examples: ['pm accounts', 'pm accounts --limit 0', "pm accounts --json | jq -r '.[] | select(.overdue) | .name'"],
    action: lazy(accounts, (m) => m.accounts),
  },
  {
    name: 'account',
    description: 'change, rename or merge accounts',
    examples: ['pm account set Acme --cadence 14', 'pm account rename "ACME Inc" Acme'],
    subcommands: [
      {
        name: 'set',
        aliases: ['edit'],
        arguments: [{ name: '<account>', description: 'its name', complete: 'account' }],
        description: "set an account's cadence or segment",
        options: [
          {
            flags: '--cadence <days>',
            description: 'days before it is going cold; off (never, e.g. a lost prospect) or default',
          },
          { flags: '--segment <segment>', description: 'its segment ("" removes it)', complete: 'segment' },
        ],
        examples: [
          'pm account set Acme --cadence 14',
          'pm account set "Lost Deal Ltd" --cadence off',
          'pm account set Acme --segment enterprise',
        ],
        action: lazy(accounts, (m) => m.accountSet),
      },
      {
        name: 'rename',
        arguments: [{ name: '<old>', complete: 'account' }, { name: '<new>' }],
        description: 'rename an account',
        examples: ['pm account rename "ACME Inc" Acme'],
        action: lazy(accounts, (m) => m.accountRename),
      },
      {
        name: 'merge',
        arguments: [
          { name: '<duplicate>', description: 'the account to fold in and remove', complete: 'account' },
          { name: '<keep>', description: 'the account that stays', complete: 'account' },
        ],
        description: 'move every contact and interview of DUPLICATE to KEEP, then remove DUPLICATE',
        options: [{ flags: '-y, --yes', description: 'do not ask first when the two names differ (at a terminal)' }],
        examples: ['pm account merge "Acme Inc" Acme'],
        action: lazy(accounts, (m) => m.accountMerge),
      },
    ],
  },
  {
    name: 'hyp',
    aliases: ['hypothesis'],
    description: 'hypotheses: beliefs to validate with customers, their evidence and decisions',
    notes: `Lifecycle: add → link evidence (pm log --supports H3, or pm hyp link) → validate, invalidate or kill
(with the learning as --reason); reopen to change your mind.`,
    examples: [
      'pm hyp add "Finance teams want itemised invoices" --criteria "3 of 5 finance leads say yes"',
      'pm hyp list                      open hypotheses with evidence counts and flags',
      'pm hyp show H3',
      'pm hyp kill H3 --reason "only one account asked; custom request"',
    ],
    subcommands: [
      {
        name: 'add',
        arguments: [
          { name: '[statement]', description: 'the belief, e.g. "We believe finance teams want itemised invoices"' },
        ],
        description: 'add a hypothesis (prompts for what is missing on a terminal)',
        options: [
          {
            flags: '--kind <kind>',
            description: 'risk kind: value (default), usability, feasibility, viability',
            values: KINDS,
          },
          { flags: '--criteria <text>', description: 'success criterion: what result would validate it' },
          {
            flags: '--decide-by <date>',
            description: 'time box (default: --date + hypothesis.decideDays); YYYY-MM-DD, +2w, fri …',
          },
          { flags: '--tag <tag>', description: 'a tag (repeatable)', repeatable: true, complete: 'tag' },
          { flags: '--date <date>', description: 'when it was written down (default: today)' },
          {
            flags: '--for <opportunity>',
            complete: 'opportunity',
            description: 'an opportunity (a pain customers raise) it addresses (repeatable)',
            repeatable: true,
          },
        ],
        examples: [
          'pm hyp add "Finance teams want itemised invoices" --criteria "3 of 5 finance leads say yes"',
          'pm hyp add "Admins will pay for SSO" --kind viability --decide-by +2w --tag enterprise',
          'pm hyp add "A one-click export to the ERP saves finance a day" --for "slow CSV export"',
          'pm hyp add "We believe …" --json | jq -r .id',
          'pm hyp add                       on a terminal: asks for statement, kind, criterion, decide-by',
        ],
        action: lazy(hyp, (m) => m.add),
      },
      {
        name: 'edit',
        arguments: [{ name: '<id>', description: 'the hypothesis, e.g. H7', complete: 'hypothesis' }],
        description: 'change a hypothesis; once evidence is linked, statement and criterion need --force',
        options: [
          { flags: '--statement <text>', description: 'the belief' },
          { flags: '--kind <kind>', description: 'value, usability, feasibility or viability', values: KINDS },
          { flags: '--criteria <text>', description: 'success criterion ("" removes it)' },
          { flags: '--decide-by <date>', description: 'time box: YYYY-MM-DD, +2w (from today), fri …' },
          {
            flags: '--tag <tag>',
            description: 'a tag (repeatable; replaces the list)',
            repeatable: true,
            complete: 'tag',
          },
          {
            flags: '--for <opportunity>',
            complete: 'opportunity',
            description: 'also addresses this opportunity (repeatable)',
            repeatable: true,
          },
          {
            flags: '--not-for <opportunity>',
            complete: 'opportunity',
            description: 'no longer addresses this opportunity (repeatable)',
            repeatable: true,
          },
          {
            flags: '--force',
            description: 'change the statement or criterion although evidence is linked (kept as a revision)',
          },
        ],
        examples: [
          'pm hyp edit H7 --decide-by +2w',
          'pm hyp edit H7 --tag billing --tag enterprise',
          'pm hyp edit H7 --for "manual invoice matching" --not-for "slow CSV export"',
          'pm hyp edit H7 --criteria "4 of 6 finance leads say yes" --force   after evidence: recorded as a revision',
        ],
        action: lazy(hyp, (m) => m.edit),
      },
      {
        name: 'list',
        aliases: ['ls'],
        description: 'hypotheses with evidence counts, distinct customers, age and flags',
        options: [
          {
            flags: '--status <status>',
            description: 'open (default), validated, invalidated, killed or all',
            values: STATUS_FILTERS,
          },
          { flags: '--tag <tag>', description: 'only those with this tag', complete: 'tag' },
          { flags: '--limit <n>', description: 'at most N (default 50 on a terminal, else all; 0: all)' },
        ],
        notes: `Columns: SUP/REF = supporting/refuting interviews with customers; CUST = distinct customers
for/against; 2ND-HAND = evidence from second-hand signals or stakeholder meetings (shown when there
is some, never counted); LAST EV = the last customer evidence; CONFIDENCE = how far the supporting
evidence goes (none, opinion, anecdotal, customers, behaviour, commitment), with the refuting
evidence's level after "vs". Dates of this year show as MM-DD.
Flags: stale, past-decide-by, ready-to-validate, ready-to-kill, no-evidence; bet (a running bet: its
stale, past-decide-by and ready-to-kill wait), bet-due (its deadline has passed), single-segment.`,
        examples: [
          'pm hyp list',
          'pm hyp list --status all --tag billing',
          `pm hyp list --json | jq -r '.[] | select(.flags | index("ready-to-validate")) | .id'`,
        ],
        action: lazy(hyp, (m) => m.list),
      },
      {
        name: 'show',
        arguments: [{ name: '<id>', description: 'the hypothesis, e.g. H7', complete: 'hypothesis' }],
        description: 'a hypothesis with its evidence timeline, outcomes and revisions (same as pm show H7)',
        examples: ['pm hyp show H7', "pm hyp show h7 --json | jq '.evidence[] | select(.counts)'"],
        action: lazy(
          () => import('../commands/hyp-show.js'),
          (m) => m.show,
        ),
      },
      ...OUTCOME_COMMANDS,
      {
        name: 'link',
        arguments: [
          { name: '<id>', description: 'the hypothesis, e.g. H7', complete: 'hypothesis' },
          { name: '<interview>', description: 'the interview, e.g. I12, or last', complete: 'interview' },
        ],
        description: 'add (or change) evidence after the fact: one link per interview and hypothesis',
        options: [
          { flags: '--supports', description: 'the interview supports the hypothesis' },
          { flags: '--refutes', description: 'the interview refutes the hypothesis' },
          { flags: '--strength <strength>', description: 'weak, medium (default) or strong', values: STRENGTHS },
          {
            flags: '--basis <basis>',
            description:
              'what it rests on: said (default), did (observed behaviour, usage data), paid (money, a signature)',
            values: BASES,
          },
        ],
        examples: [
          'pm hyp link H7 I12 --supports',
          'pm hyp link H7 last --refutes --strength strong',
          'pm hyp link H7 I14 --supports --basis paid     they signed: confidence climbs to commitment',
          'pm hyp link H7 I12 --refutes      linking again changes the direction (and keeps the strength)',
        ],
        action: lazy(hyp, (m) => m.link),
      },
      {
        name: 'unlink',
        arguments: [
          { name: '<id>', description: 'the hypothesis, e.g. H7', complete: 'hypothesis' },
          { name: '<interview>', description: 'the interview, e.g. I12, or last', complete: 'interview' },
        ],
        description: "remove an interview from a hypothesis's evidence",
        examples: ['pm hyp unlink H7 I12'],
        action: lazy(hyp, (m) => m.unlink),
      },
      {
        name: 'bet',
        arguments: [{ name: '<id>', description: 'the hypothesis, e.g. H7', complete: 'hypothesis.open' }],
        description: 'hold a hypothesis against early evidence until a deadline (at most bets.max at once)',
        options: [
          { flags: '--until <date>', description: 'the day you will decide: YYYY-MM-DD, +4w, fri … (required)' },
          { flags: '--reason <text>', description: 'why you hold it (required)' },
          { flags: '--date <date>', description: 'when the bet starts (default: today)' },
        ],
        notes: `While a bet runs, its stale, past-decide-by and ready-to-kill flags are informational (marked bet);
the day after --until, bet-due asks for the decision. Betting again changes the deadline and reason.`,
        examples: [
          'pm hyp bet H7 --until +6w --reason "enterprise buyers take a quarter to decide"',
          'pm hyp bet H7 --until 2027-02-01 --reason "…"   move the deadline of a running bet',
        ],
        action: lazy(
          () => import('../commands/hyp-bet.js'),
          (m) => m.bet,
        ),
      },
      {
        name: 'unbet',
        arguments: [{ name: '<id>', description: 'the hypothesis, e.g. H7', complete: 'hypothesis.bet' }],
        description: 'end a conviction bet (deciding the hypothesis ends it too)',
        examples: ['pm hyp unbet H7'],
        action: lazy(
          () => import('../commands/hyp-bet.js'),
          (m) => m.unbet,
        ),
      },
    ],
  },
  {
    name: 'opportunities',
    aliases: ['opps'],
    description: 'the pains customers raised, grouped into opportunities, ranked by the worth-solving score',
    options: [
      { flags: '--weeks <n>', description: 'the window: the N weeks up to --as-of (default 12)' },
      { flags: '--since <date>', description: 'the window: from this day to --as-of' },
      { flags: '--as-of <date>', description: 'the last day of the window (default: today); nothing later counts' },
      { flags: '--format <format>', description: 'text (default), md or json', values: REPORT_FORMATS },
      { flags: '--limit <n>', description: 'at most N (default 20 on a terminal, else all; 0: all)' },
    ],
    notes: `Pains group case- and space-insensitively, and as merged (pm opportunity merge). Score: the sum over
the distinct customers who raised it of their highest severity's weight: low 1, medium 2, high 3,
blocker 5. Signals (support, sales, review, survey) are counted apart, never scored. Flags:
single-account (one account's custom request), unaddressed (evidence.validateAt customers or more,
and no open or validated hypothesis for it: pm hyp add … --for NAME).`,
    examples: [
      'pm opps                                  the last 12 weeks, best first',
      'pm opps --weeks 4 --format md > opportunities.md',
      `pm opps --json | jq -r '.[] | select(.flags | index("unaddressed")) | .opportunity'`,
      'pm opps --since 2026-09-01 --as-of 2026-11-30',
    ],
    outputs: REPORT_FORMATS,
    action: lazy(opportunities, (m) => m.list),
  },
  {
    name: 'tree',
    description: 'the opportunity–solution tree: outcome, opportunities by score, the hypotheses for each',
    options: [
      { flags: '--weeks <n>', description: 'opportunities heard in the N weeks up to --as-of (default 12)' },
      { flags: '--since <date>', description: 'opportunities heard from this day to --as-of' },
      { flags: '--as-of <date>', description: 'the day it is made as of (default: today); nothing later counts' },
      { flags: '--format <format>', description: 'text (default), md or json', values: REPORT_FORMATS },
      {
        flags: '--limit <n>',
        description:
          'how many opportunities without a hypothesis, and hypotheses for none, to show (default 10; 0: all)',
      },
    ],
    notes: `The outcome is the setting product.outcome (pm config set product.outcome "…"). A hypothesis
addresses the opportunities named with pm hyp add … --for NAME (or pm hyp edit H3 --for NAME); open
hypotheses for no opportunity are listed last. --json prints the whole tree.`,
    examples: [
      'pm tree',
      'pm config set product.outcome "Finance teams close the month in a day"',
      'pm tree --format md >> weekly-notes.md',
      "pm tree --json | jq '.opportunities[] | {opportunity, hypotheses: [.hypotheses[].id]}'",
    ],
    outputs: REPORT_FORMATS,
    action: lazy(
      () => import('../commands/tree.js'),
      (m) => m.tree,
    ),
  },
  {
    name: 'opportunity',
    description: 'merge or rename opportunities (the names pains group under)',
    examples: [
      'pm opportunity merge "export too slow" "slow CSV export"',
      'pm opportunity rename "slow CSV export" "slow exports"',
    ],
    subcommands: [
      {
        name: 'merge',
        arguments: [
          {
            name: '<name>',
            description: 'the opportunity to fold in: its name becomes an alias',
            complete: 'opportunity',
          },
          { name: '<into>', description: 'the opportunity that stays', complete: 'opportunity' },
        ],
        description: 'make two opportunities one: pains written as NAME, before or after, count for INTO',
        options: [{ flags: '-y, --yes', description: 'do not ask first (at a terminal)' }],
        examples: ['pm opportunity merge "export too slow" "slow CSV export"'],
        action: lazy(opportunities, (m) => m.merge),
      },
      {
        name: 'rename',
        arguments: [{ name: '<old>', complete: 'opportunity' }, { name: '<new>' }],
        description: 'rename an opportunity; pains written the old way still count for it',
        examples: ['pm opportunity rename "slow CSV export" "slow exports"'],
        action: lazy(opportunities, (m) => m.rename),
      },
    ],
  },
  {
    name: 'report',
    description: 'the standup page: the verdict, customer contact and what needs action (--full: every section)',
    options: [
      {
        flags: '--week [week]',
        description: 'the week holding --as-of (default), last, or 2026-W46',
        values: PERIOD_WORDS,
      },
      { flags: '--month [month]', description: 'the month holding --as-of, last, or 2026-11', values: PERIOD_WORDS },
      { flags: '--since <date>', description: 'a free period from DATE (to --until, default --as-of)' },
      { flags: '--until <date>', description: 'the end of a --since period' },
      {
        flags: '--as-of <date>',
        description: 'the day the report is made as of (default: today); nothing later counts',
      },
      { flags: '--by <name>', description: 'only the conversations held by NAME' },
      {
        flags: '--team',
        description: "everyone's conversations, with each person's against the target and who has had none",
      },
      {
        flags: '--format <format>',
        description: 'text (default), md, json, or html (one self-contained page)',
        values: PAGE_FORMATS,
      },
      { flags: '--full', description: 'text: every section, instead of the one-screen standup page' },
      {
        flags: '--check',
        description: 'exit 3 when an actionable flag is raised (for cron and CI)',
        ownCodeCache: true,
      },
    ],
    examples: [
      'pm report                          this week on one screen: verdict, contact, what needs action',
      'pm report --full                   every section: accounts, hypotheses, themes, follow-ups, flags',
      'pm report --week last --format md > standup.md',
      'pm report --format html > standup.html      the standup page, for a phone or a wall',
      'pm report --month 2026-11 --json | jq .contact',
      'pm report --since 2026-11-01 --until 2026-11-15 --by "Dana Lee"',
      'pm report --week --check || notify-send "pm: time to talk to customers"',
    ],
    outputs: PAGE_FORMATS,
    action: lazy(
      () => import('../commands/report.js'),
      (m) => m.report,
    ),
  },
  {
    name: 'coverage',
    description: 'whom we heard from: customer conversations per segment, persona and journey stage',
    options: [
      { flags: '--weeks <n>', description: 'the window: the N weeks up to --as-of (default 12)' },
      { flags: '--since <date>', description: 'the window: from this day to --as-of' },
      { flags: '--as-of <date>', description: 'the last day of the window (default: today); nothing later counts' },
      { flags: '--format <format>', description: 'text (default), md or json', values: REPORT_FORMATS },
      {
        flags: '--check',
        description: 'exit 3 when a segment is silent (for cron and CI)',
        ownCodeCache: true,
      },
    ],
    notes: `Counts customer conversations (direct, a customer or prospect present): per segment (the
account's), per persona (of the customers present) and per stage (journey.stages, then "(no stage)").
LAST HEARD is the latest such conversation as of --as-of, whenever it was. A segment that has accounts
(those with cadence off left out) is silent, the actionable flag segment-silent, when it had no
customer conversation for more than coverage.silentDays days (default 30); pm report raises it too.`,
    examples: [
      'pm coverage                              the last 12 weeks',
      'pm coverage --weeks 4 --format md >> weekly-notes.md',
      `pm coverage --json | jq -r '.segments[] | select(.flags | index("segment-silent")) | .segment'`,
      'pm config set coverage.silentDays 45',
    ],
    outputs: REPORT_FORMATS,
    action: lazy(
      () => import('../commands/coverage.js'),
      (m) => m.coverage,
    ),
  },
  {
    name: 'guide',
    arguments: [{ name: '[id]', description: 'the hypothesis, e.g. H3', complete: 'hypothesis' }],
    description: 'an interview guide for a hypothesis: open questions about what customers did',
    options: [{ flags: '--format <format>', description: 'text (default), md or json', values: REPORT_FORMATS }],
    notes: `5 to 8 open questions about the customer's past behaviour, for the hypothesis's kind of risk and
the opportunities it addresses (else its tags); what would prove or disprove it (its criterion, else
evidence.validateAt and evidence.killAt); and who to ask next: the segments and journey stages its
customer evidence has not come from. It never names the hypothesis in a question: that would be a pitch.`,
    examples: [
      'pm guide H3',
      'pm guide H3 --format md > interview-H3.md',
      'pm guide check interview-H3.md        review the questions after editing them',
    ],
    outputs: REPORT_FORMATS,
    action: lazy(
      () => import('../commands/guide.js'),
      (m) => m.guide,
    ),
    subcommands: [
      {
        name: 'check',
        arguments: [
          {
            name: '[file]',
            description: 'questions, one a line or a markdown list; - or none: stdin',
            complete: 'file',
          },
        ],
        description: 'review questions: leading, hypothetical, closed, compound or pitching ones; exit 3 if any',
        options: [
          { flags: '--format <format>', description: 'text (default), md or json', values: ['text', 'md', 'json'] },
        ],
        notes: `Problems: leading ("don't you think…", "isn't it…"), hypothetical ("would you use/pay…", "if we
built…", "will you…"), closed (a yes/no question), compound (two questions in one), pitch ("our new
feature…"). Good questions ask about the past: "Tell me about the last time you…". Exit 3 when a
question has a problem, 0 when none; --json: [{ line, text, problems: [{ kind, reason }] }].`,
        examples: [
          'pm guide check questions.md',
          'pbpaste | pm guide check',
          `pm guide check questions.md --json | jq -r '.[] | select(.problems | length > 0) | .text'`,
        ],
        action: lazy(
          () => import('../commands/guide.js'),
          (m) => m.check,
        ),
      },
    ],
  },
  {
    name: 'demo',
    description: 'build a sample journal (a temporary file unless --db is given) and print its standup report',
    options: [
      { flags: '--format <format>', description: 'text (default), md, json or html', values: PAGE_FORMATS },
      { flags: '--full', description: 'text: every section, instead of the one-screen standup page' },
    ],
    examples: [
      'pm demo                            a sample journal and its standup page',
      'pm demo --full                     every section of its report',
      'pm demo --format md',
      'pm --db /tmp/sample.db demo        keep the sample journal to explore it (pm --db /tmp/sample.db ls)',
    ],
    outputs: PAGE_FORMATS,
    action: lazy(
      () => import('../commands/demo.js'),
      (m) => m.demo,
    ),
  },
  {
    name: 'export',
    description: 'write the journal (or a period of it) as markdown, JSON, CSV or an HTML page',
    options: [
      { flags: '--format <format>', description: 'md (default), json, csv or html', values: EXPORT_FORMATS },
      { flags: '--week [week]', description: 'the week holding --as-of, last, or 2026-W46', values: PERIOD_WORDS },
      { flags: '--month [month]', description: 'the month holding --as-of, last, or 2026-11', values: PERIOD_WORDS },
      { flags: '--since <date>', description: 'a free period from DATE (to --until, default --as-of)' },
      { flags: '--until <date>', description: 'the end of a --since period' },
      {
        flags: '--as-of <date>',
        description: 'the day the export is made "as of" (default: the period\'s last day, else today)',
      },
      { flags: '--out <path>', description: 'write to this file (atomically) instead of stdout', complete: 'file' },
      {
        flags: '--redact [what]',
        description: 'replace contact names and emails with pseudonyms (--redact all: account names too)',
        values: ['all'],
      },
      {
        flags: '--team',
        description: "md, html: everyone's conversations against the team's target, each person's in a Team section",
      },
      { flags: '--front-matter', description: 'markdown: start with a YAML block (period, as-of, version)' },
      {
        flags: '--raw',
        description: "csv: cells exactly as stored (else a cell starting with = + - @ gets a leading ')",
      },
    ],
    examples: [
      "pm export --week last --out notes/$(date +%G-W%V).md   last week's notes, for a git repo",
      'pm export --format json --out journal.json              the whole journal, for a teammate',
      "pm export --format csv --month 2026-11 > november.csv   a spreadsheet of November's interviews",
      'pm export --redact --week                               this week, with contacts pseudonymised',
    ],
    outputs: EXPORT_FORMATS,
    action: lazy(
      () => import('../commands/export.js'),
      (m) => m.exportCommand,
    ),
  },
  {
    name: 'import',
    arguments: [{ name: '<file>', description: 'a pm JSON export, or - for stdin', complete: 'file' }],
    description: "merge a JSON export (yours or a teammate's) into the journal, by UUID",
    options: [
      {
        flags: '--undelete <deleted-id>',
        description:
          'bring back an interview or hypothesis deleted here (I12, H3: its id when deleted) from the file, ' +
          'an export made before the delete (repeatable)',
        repeatable: true,
      },
    ],
    examples: [
      "pm import dana.json                  merge a teammate's export; importing it again changes nothing",
      'pm export --format json | pm --db copy.db import -',
      'pm --db pm.db.backup-2026-11-27 export --format json --out before.json && pm import before.json --undelete I2',
    ],
    action: lazy(
      () => import('../commands/import.js'),
      (m) => m.importCommand,
    ),
  },
];

/** The command a word of argv names (its name or an alias), if any. */
export function findCommand(word: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === word || c.aliases?.includes(word));
}

/**
 * For esbuild.config.mjs, which builds a bundle for each command holding only its own modules: each
 * command's loaders, its subcommands' included.
 */
export function commandLoaders(): Record<string, (() => Promise<unknown>)[]> {
  const loaders = (c: CommandSpec): (() => Promise<unknown>)[] => [
    ...(c.action?.load ? [c.action.load] : []),
    ...(c.subcommands ?? []).flatMap(loaders),
  ];
  return Object.fromEntries(COMMANDS.map((c) => [c.name, loaders(c)]));
}

/**
 * What bin/pm.js needs, before the bundle loads, to choose a code cache: the global options that
 * take a value (to find the command word), each word's command, and each command's outputs (the
 * default first) and the flags that keep a cache of their own. esbuild.config.mjs writes it to
 * dist/commands.json.
 */
export interface CacheIndex {
  valueOptions: string[];
  words: Record<string, string>;
  commands: Record<string, { outputs: string[]; flags: string[] }>;
}

export function cacheIndex(): CacheIndex {
  const index: CacheIndex = {
    valueOptions: GLOBAL_VALUE_OPTIONS,
    words: {},
    commands: {},
  };
  for (const c of COMMANDS) {
    for (const word of [c.name, ...(c.aliases ?? [])]) index.words[word] = c.name;
    const all = [c, ...(c.subcommands ?? [])];
    index.commands[c.name] = {
      outputs: [...(c.outputs ?? DEFAULT_OUTPUTS)],
      flags: all.flatMap((s) => (s.options ?? []).filter((o) => o.ownCodeCache).map(longFlag)),
    };
  }
  return index;
}
