// Registration of the hypotheses commands: pm hyp (alias pm hypothesis) add, edit, list, show,
// validate, invalidate, kill, reopen, link, unlink.
import type { Command } from 'commander';
import { lazy } from './lazy.js';

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const hyp = () => import('../commands/hyp.js');
const outcome = () => import('../commands/hyp-outcome.js');

export function registerHypotheses(program: Command): void {
  const group = program
    .command('hyp')
    .alias('hypothesis')
    .description('hypotheses: beliefs to validate with customers, their evidence and decisions')
    .addHelpText(
      'after',
      `
Lifecycle: add → link evidence (pm log --supports H3, or pm hyp link) → validate, invalidate or kill
(with the learning as --reason); reopen to change your mind.

Examples:
  pm hyp add "Finance teams want itemised invoices" --criteria "3 of 5 finance leads say yes"
  pm hyp list                      open hypotheses with evidence counts and flags
  pm hyp show H3
  pm hyp kill H3 --reason "only one account asked; custom request"`,
    );

  group
    .command('add')
    .argument('[statement]', 'the belief, e.g. "We believe finance teams want itemised invoices"')
    .description('add a hypothesis (prompts for what is missing on a terminal)')
    .option('--kind <kind>', 'risk kind: value (default), usability, feasibility, viability')
    .option('--criteria <text>', 'success criterion: what result would validate it')
    .option('--decide-by <date>', 'time box (default: --date + hypothesis.decideDays); YYYY-MM-DD, +2w, fri …')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--date <date>', 'when it was written down (default: today)')
    .addHelpText(
      'after',
      `
Examples:
  pm hyp add "Finance teams want itemised invoices" --criteria "3 of 5 finance leads say yes"
  pm hyp add "Admins will pay for SSO" --kind viability --decide-by +2w --tag enterprise
  pm hyp add "We believe …" --json | jq -r .id
  pm hyp add                       on a terminal: asks for statement, kind, criterion, decide-by`,
    )
    .action(lazy(hyp, (m) => m.add));

  group
    .command('edit')
    .argument('<id>', 'the hypothesis, e.g. H7')
    .description('change a hypothesis; once evidence is linked, statement and criterion need --force')
    .option('--statement <text>', 'the belief')
    .option('--kind <kind>', 'value, usability, feasibility or viability')
    .option('--criteria <text>', 'success criterion ("" removes it)')
    .option('--decide-by <date>', 'time box: YYYY-MM-DD, +2w (from today), fri …')
    .option('--tag <tag>', 'a tag (repeatable; replaces the list)', collect)
    .option('--force', 'change the statement or criterion although evidence is linked (kept as a revision)')
    .addHelpText(
      'after',
      `
Examples:
  pm hyp edit H7 --decide-by +2w
  pm hyp edit H7 --tag billing --tag enterprise
  pm hyp edit H7 --criteria "4 of 6 finance leads say yes" --force   after evidence: recorded as a revision`,
    )
    .action(lazy(hyp, (m) => m.edit));

  group
    .command('list')
    .alias('ls')
    .description('hypotheses with evidence counts, distinct customers, age and flags')
    .option('--status <status>', 'open (default), validated, invalidated, killed or all')
    .option('--tag <tag>', 'only those with this tag')
    .addHelpText(
      'after',
      `
Columns: SUP/REF = supporting/refuting interviews with customers; CUST = distinct customers
for/against; 2ND-HAND = evidence from second-hand signals or stakeholder meetings (shown when there
is some, never counted); LAST EV = the last customer evidence. Dates of this year show as MM-DD.
Flags: stale, past-decide-by, ready-to-validate, ready-to-kill, no-evidence.

Examples:
  pm hyp list
  pm hyp list --status all --tag billing
  pm hyp list --json | jq -r '.[] | select(.flags | index("ready-to-validate")) | .id'`,
    )
    .action(lazy(hyp, (m) => m.list));

  group
    .command('show')
    .argument('<id>', 'the hypothesis, e.g. H7')
    .description('a hypothesis with its evidence timeline, outcomes and revisions (same as pm show H7)')
    .addHelpText(
      'after',
      `
Examples:
  pm hyp show H7
  pm hyp show h7 --json | jq '.evidence[] | select(.counts)'`,
    )
    .action(
      lazy(
        () => import('../commands/hyp-show.js'),
        (m) => m.show,
      ),
    );

  const outcomes: [string, string, string][] = [
    ['validate', 'customers confirmed it', 'validate H7 --reason "4 of 5 finance leads asked for it unprompted"'],
    [
      'invalidate',
      'customers showed it is wrong',
      'invalidate H7 --reason "they export to Excel and never read invoices" --date yesterday',
    ],
    ['kill', 'stop pursuing it, whatever the evidence', 'kill H7 --reason "out of strategy after the Q3 review"'],
    ['reopen', 'undecide a validated, invalidated or killed one', 'reopen H7 --reason "two new accounts asked for it"'],
  ];
  for (const [verb, meaning, example] of outcomes) {
    group
      .command(verb)
      .argument('<id>', 'the hypothesis, e.g. H7')
      .description(`record that ${meaning} (a reason is required)`)
      .option('--reason <text>', 'why: the learning (required)')
      .option('--date <date>', 'when it was decided (default: today)')
      .addHelpText(
        'after',
        `
Examples:
  pm hyp ${example}`,
      )
      .action(lazy(outcome, (m) => m[verb as 'validate' | 'invalidate' | 'kill' | 'reopen']));
  }

  group
    .command('link')
    .argument('<id>', 'the hypothesis, e.g. H7')
    .argument('<interview>', 'the interview, e.g. I12, or last')
    .description('add (or change) evidence after the fact: one link per interview and hypothesis')
    .option('--supports', 'the interview supports the hypothesis')
    .option('--refutes', 'the interview refutes the hypothesis')
    .option('--strength <strength>', 'weak, medium (default) or strong')
    .addHelpText(
      'after',
      `
Examples:
  pm hyp link H7 I12 --supports
  pm hyp link H7 last --refutes --strength strong
  pm hyp link H7 I12 --refutes      linking again changes the direction (and keeps the strength)`,
    )
    .action(lazy(hyp, (m) => m.link));

  group
    .command('unlink')
    .argument('<id>', 'the hypothesis, e.g. H7')
    .argument('<interview>', 'the interview, e.g. I12, or last')
    .description("remove an interview from a hypothesis's evidence")
    .addHelpText(
      'after',
      `
Examples:
  pm hyp unlink H7 I12`,
    )
    .action(lazy(hyp, (m) => m.unlink));
}
