// Interactive `pm log`, on a terminal when --summary is not given. Loaded (with inquirer, ~40 ms)
// only on this path. Sensible defaults make a five-field log a matter of seconds: pick a known
// person by typing part of their name, Enter through channel and date, type the summary.
// Ctrl-C at any prompt rejects with ExitPromptError, which src/cli.ts turns into exit 130 with
// "nothing saved" — nothing is written before the last answer.
import type { Context } from '../context.js';
import { LIMITS, checkText, safeLine } from '../core/text.js';
import { parseDeadline, parsePastDate } from '../core/dates.js';
import { STRENGTHS, type Strength } from '../core/hypotheses.js';
import { PmError } from '../errors.js';
import { CHANNELS, DIRECT_CHANNELS, isIndirect, parseChannel, type Channel } from '../core/channels.js';
import { ROLES, type ContactRow, type Role } from '../core/contacts.js';
import type { EvidenceRequest } from '../core/evidence.js';
import { draftFromOptions, type LogDraft, type LogOptions } from '../core/interviews.js';
import { parsePain } from '../core/pains.js';
import { knownTags } from '../db/interviews.js';
import { allContacts } from '../db/contacts.js';
import { openHypotheses } from '../db/evidence.js';
import { readNotes, report, saveLog } from './log.js';
import { loadPrompts } from '../prompts.js';
import { cleanTag } from '../core/identity.js';

/** A validator for inquirer: true, or the usage error's message. */
function valid(check: (s: string) => unknown): (s: string) => true | string {
  return (s: string) => {
    try {
      check(s);
      return true;
    } catch (err) {
      if (err instanceof PmError) return err.message + (err.hint ? ` (${err.hint.replace(/^accepted: /, '')})` : '');
      throw err;
    }
  };
}

type Who = { contact: ContactRow } | { name: string };

export async function logInteractive(ctx: Context, opts: LogOptions): Promise<void> {
  const { search, input, select, checkbox } = await loadPrompts();
  const { db } = ctx.read();
  const known = allContacts(db);
  const tags = knownTags(db);
  const hypotheses = openHypotheses(db);
  const today = ctx.today;

  const who: Who = await search<Who>({
    message: 'Who did you talk to?',
    source: (term) => {
      const t = (term ?? '').trim().toLowerCase();
      const matches = known
        .filter(
          (c) =>
            !t ||
            c.name.toLowerCase().includes(t) ||
            (c.email ?? '').toLowerCase().includes(t) ||
            c.account.toLowerCase().includes(t),
        )
        .slice(0, 20)
        .map((c) => ({
          value: { contact: c } as Who,
          name: `${safeLine(c.name)} (${safeLine(c.account)}, ${c.role})`,
        }));
      const exact = known.some((c) => c.name.toLowerCase() === t);
      if (t && !exact)
        matches.push({ value: { name: (term ?? '').trim() }, name: `New contact: ${safeLine((term ?? '').trim())}` });
      return matches;
    },
    validate: (w) => ('name' in w ? valid((s) => checkText('name', s, LIMITS.name))(w.name) : true),
  });

  let account: string | null = null;
  let role: Role | null = null;
  let segment: string | null = null;
  if ('name' in who) {
    account = (
      await input({
        message: `${safeLine(who.name)} is new. Which account (organisation)?`,
        default: opts.account,
        validate: valid((s) => checkText('account', s.trim(), LIMITS.account)),
      })
    ).trim();
    role = await select<Role>({
      message: 'Their role?',
      choices: ROLES.map((r) => ({ value: r })),
      default: 'customer',
    });
    const seg = (
      await input({
        message: 'Segment or persona (Enter to skip)?',
        validate: valid((s) => s === '' || checkText('segment', s, LIMITS.segment)),
      })
    ).trim();
    segment = seg === '' ? null : seg;
  }

  const channel: Channel =
    opts.channel !== undefined
      ? parseChannel(opts.channel)
      : await select<Channel>({
          message: 'Channel?',
          choices: CHANNELS.map((c) => ({ value: c, name: isIndirect(c) ? `${c} (indirect)` : c })),
          default: DIRECT_CHANNELS[0],
        });
  const dateText = await input({
    message: 'When?',
    default: opts.date ?? 'today',
    validate: valid((s) => parsePastDate(s, today)),
  });
  const date = parsePastDate(dateText, today);
  const summary = await input({
    message: 'What did you learn (summary)?',
    validate: valid((s) => checkText('summary', s, LIMITS.summary)),
  });

  // "slow export:high" sets a severity here as --pain does
  const pains = (await repeated(input, 'A pain they described (Enter when done)?', 'pain', LIMITS.pain, parsePain)).map(
    (p) => parsePain(p),
  );
  const quotes = await repeated(input, 'A quote, their words (Enter when done)?', 'quote', LIMITS.quote);
  const tagAnswer = await input({
    message: `Tags, comma-separated${tags.length ? ` (used: ${tags.slice(0, 8).map(safeLine).join(', ')})` : ''}?`,
    validate: valid((s) => {
      for (const t of splitTags(s)) checkText('tag', t, LIMITS.tag);
    }),
  });

  const evidence: EvidenceRequest[] = [];
  if (hypotheses.length) {
    const choices = hypotheses.map((h) => ({ value: h.rowid, name: `${h.id} ${safeLine(h.statement).slice(0, 70)}` }));
    const supports = await checkbox<number>({ message: 'Does it support any open hypothesis?', choices });
    const left = choices.filter((c) => !supports.includes(c.value));
    const refutes = left.length === 0 ? [] : await checkbox<number>({ message: 'Does it refute any?', choices: left });
    for (const [ids, direction] of [
      [supports, 'supports'],
      [refutes, 'refutes'],
    ] as const) {
      for (const id of ids) {
        const strength = await select<Strength>({
          message: `How strongly does it ${direction === 'supports' ? 'support' : 'refute'} H${id}?`,
          choices: STRENGTHS.map((s) => ({ value: s })),
          default: 'medium',
        });
        evidence.push({ hypothesis: id, direction, strength, basis: 'said' });
      }
    }
  }
  const followText = (
    await input({
      message: 'Follow up by (Enter for none; tomorrow, fri, +1w)?',
      validate: valid((s) => s.trim() === '' || parseDeadline(s, today, date)),
    })
  ).trim();

  // the same checks as the scripted form, then the same save
  const base: LogDraft = draftFromOptions(
    {
      with:
        'contact' in who
          ? [who.contact.email ? `${who.contact.name} <${who.contact.email}>` : who.contact.name]
          : [who.name],
      account: 'contact' in who ? who.contact.account : account!,
      channel,
      date,
      summary,
      by: opts.by,
      minutes: opts.minutes,
      notes: opts.notes,
      notesFile: opts.notesFile,
    },
    today,
    () => readNotes(opts),
  );
  const draft: LogDraft = {
    ...base,
    role: role ?? base.role,
    segment,
    pains,
    quotes,
    tags: splitTags(tagAnswer),
    evidence,
    followUp: followText === '' ? null : parseDeadline(followText, today, date),
  };
  report(ctx, saveLog(ctx, draft));
}

/** Tags typed as "a, b": cleaned as every tag is (src/core/identity.ts). */
function splitTags(s: string): string[] {
  return s
    .split(',')
    .map(cleanTag)
    .filter((t) => t !== '');
}

async function repeated(
  input: (config: { message: string; validate?: (s: string) => true | string }) => Promise<string>,
  message: string,
  what: string,
  limit: number,
  check: (s: string) => unknown = (s) => checkText(what, s, limit),
): Promise<string[]> {
  const items: string[] = [];
  for (;;) {
    const answer = await input({ message, validate: valid((s) => s.trim() === '' || check(s)) });
    if (answer.trim() === '') return items;
    items.push(answer);
  }
}
