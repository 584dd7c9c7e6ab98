// `pm interviews` / `pm ls`: interviews, newest first, filtered.
import type { Context } from '../context.js';
import { localId } from '../db/refs.js';
import { UsageError } from '../errors.js';
import { hintIfCut, rowLimit } from './limit.js';
import { parsePastDate } from '../core/dates.js';
import {
  countInterviews,
  heldAs,
  interviewerNames,
  interviewLines,
  listInterviews,
  plainListing,
  type InterviewFilters,
} from '../db/interviews.js';
import type { DB } from '../db/journal.js';
import { hypothesesByRowId } from '../db/evidence.js';
import { interviewLinesOf } from '../render/interviews.js';
import { parseChannel } from '../core/channels.js';
import { didYouMean, LIMITS, nearNames, shellWord } from '../core/text.js';
import { checkTags, nameKey } from '../core/identity.js';
import { contactsByName, contactsByNameAndAccount, knowsContact, knownNames } from '../db/contacts.js';
import type { ContactRow } from '../core/contacts.js';
import { accountNames, findAccount } from '../db/accounts.js';
import { accountOnceNamed, formerNameOf } from './former-names.js';
import { writeOut } from '../io.js';

export interface ListOptions {
  since?: string;
  until?: string;
  with?: string;
  account?: string;
  source?: string;
  channel?: string;
  tag?: string;
  hypothesis?: string;
  by?: string;
  limit?: string;
}

export function parseHypothesisRef(raw: string, flag = '--hypothesis'): number {
  const m = /^\s*[hH]?(\d{1,15})\s*$/.exec(raw);
  if (!m) throw new UsageError(`${flag}: ${JSON.stringify(raw)} is not a hypothesis id`, 'write it as H3');
  return Number(m[1]);
}

export function filtersFromOptions(opts: ListOptions, today: string, all: boolean): InterviewFilters {
  const f: InterviewFilters = {};
  if (opts.since !== undefined) f.since = parsePastDate(opts.since, today, '--since');
  if (opts.until !== undefined) f.until = parsePastDate(opts.until, today, '--until');
  if (f.since && f.until && f.since > f.until) throw new UsageError(`--since ${f.since} is after --until ${f.until}`);
  if (opts.with !== undefined) f.with = opts.with.trim();
  if (opts.account !== undefined) f.account = opts.account.trim();
  if (opts.source !== undefined) f.source = opts.source.trim();
  if (opts.channel !== undefined) f.channel = parseChannel(opts.channel);
  // read as pm log reads it: "billing,sso" is two tags (both), and "" is refused, not "any tag"; or,
  // as written, a tag kept with its comma from before pm split them
  if (opts.tag !== undefined) {
    f.tags = checkTags('--tag', [opts.tag], LIMITS.tag);
    if (f.tags.length > 1) f.tagWhole = opts.tag.trim();
  }
  if (opts.hypothesis !== undefined) f.hypothesis = parseHypothesisRef(opts.hypothesis);
  if (opts.by !== undefined) f.by = opts.by.trim();
  // the contract: 50 on a terminal, all for a script (`all`: --json, or output into a pipe or file)
  f.limit = rowLimit(opts.limit, all);
  return f;
}

export function interviews(ctx: Context, given: ListOptions): void {
  const { db } = ctx.read();
  const opts = given.hypothesis === undefined ? given : { ...given, hypothesis: localId(db, given.hypothesis) };
  const filters = filtersFromOptions(opts, ctx.today, ctx.json || !ctx.stdoutIsTTY);
  if (filters.hypothesis !== undefined && hypothesesByRowId(db, [filters.hypothesis]).length === 0)
    throw new UsageError(`unknown hypothesis H${filters.hypothesis}`, 'try: pm hyp list --status all');
  const withName = filters.with;
  if (withName !== undefined && !knowsContact(db, withName)) {
    // "Jane Roe (Acme)", as pm prints a contact and shell completion offers namesakes: that person's
    // conversations (the name with --account would be the account's conversations with any Jane Roe)
    const people = contactsByNameAndAccount(db, withName);
    // a name that is nobody's is a typo, as an unknown id is (docs/decisions.md): exit 2, not an empty list
    if (people.length === 0) {
      const guess = didYouMean(nearNames(withName, knownNames(db, 'contacts')));
      throw new UsageError(`no contact named ${JSON.stringify(withName)}`, guess ?? 'try: pm contacts');
    }
    if (people.length > 1) warnTogether(ctx, withName, people);
    filters.contactIds = people.map((c) => c.id);
    filters.with = undefined;
  }
  if (filters.by !== undefined) filters.by = checkInterviewer(ctx, db, filters.by);
  if (filters.account !== undefined && !findAccount(db, filters.account)) {
    // a name the account had before a rename or merge lists the account it became, said on stderr
    const now = accountOnceNamed(db, filters.account, '--account');
    if (now === undefined) {
      const guess = didYouMean(nearNames(filters.account, accountNames(db)));
      throw new UsageError(`no account named ${JSON.stringify(filters.account)}`, guess ?? 'try: pm accounts');
    }
    ctx.info(`${formerNameOf(filters.account, [now.name])}: its conversations are listed`);
    filters.account = now.name;
  }
  if (filters.with !== undefined) warnNamesakes(ctx, db, filters.with, filters.account);
  if (ctx.json) {
    ctx.printJson(listInterviews(db, filters));
    return;
  }
  // into a pipe every interview is listed: SQLite writes the lines when it can (src/db/interviews.ts)
  if (!ctx.stdoutIsTTY && ctx.color.level === 0) {
    const { count, text } = plainListing(db, filters, ctx.width);
    if (count === 0 || text !== null) {
      if (text !== null) writeOut(text);
      else noneMatch(ctx, opts);
      return;
    }
  }
  // else only what a line shows is read (not whole records), and the lines are written in pieces
  // as they are made rather than joined into one string
  const rows = [...interviewLines(db, filters)];
  if (rows.length > 0) ctx.outLines(interviewLinesOf(rows, ctx.width, ctx.color));
  if (rows.length === 0) {
    noneMatch(ctx, opts);
    return;
  }
  // on a terminal's full page, how many match in all, when more do (as the other listings say it)
  hintIfCut(ctx, opts.limit, rows.length, () => countInterviews(db, filters), 'newest first');
}

/**
 * `--with NAME` that several people are called lists all their conversations as one person's: the four
 * Ivan Xus at four accounts read as one customer's 77 calls (fresh-eyes wave 16 H5). They are listed all
 * the same (exit 0: a script gets what it asked for), and stderr names them and how to list one, as
 * pm show names them when it refuses.
 */
function warnNamesakes(ctx: Context, db: DB, name: string, account: string | undefined): void {
  const at = account === undefined ? undefined : findAccount(db, account)?.id;
  const namesakes = contactsByName(db, name).filter((c) => at === undefined || c.accountId === at);
  if (namesakes.length > 1) warnTogether(ctx, name, namesakes);
}

function warnTogether(ctx: Context, name: string, namesakes: ContactRow[]): void {
  const who = namesakes.map((c) => `${c.name} (${c.account}${c.email ? `, ${c.email}` : ''})`);
  const one = namesakes.map((c) =>
    c.email
      ? `pm ls --with ${shellWord(c.email)}`
      : `pm ls --with ${shellWord(c.name)} --account ${shellWord(c.account)}`,
  );
  ctx.warn(
    `${JSON.stringify(name)} is ${namesakes.length} people, listed together: ${who.join('; ')}; ` +
      `one of them: ${[...new Set(one)].join(' · ')}`,
  );
}

function noneMatch(ctx: Context, opts: ListOptions): void {
  ctx.info('No interviews match.' + (Object.keys(opts).length ? '' : ' Log one: pm log --help'));
}

/**
 * `--by NAME` where nobody ever held a conversation under NAME, and NAME is not who `pm log` would
 * write (user.name, else the OS user): a typo, refused as an unknown contact is, rather than an
 * empty listing or a report that is OVERDUE forever from a cron line (docs/decisions.md).
 */
export function checkInterviewer(ctx: Context, db: DB, name: string): string {
  const held = heldAs(db, name);
  if (held !== undefined) return held;
  // SQLite's NOCASE folds A-Z only: "tomás ñúñez" is Tomás Ñúñez's name in any case, as a contact's
  // is (fresh-eyes wave 17 H6); the name as conversations hold it is what the queries then match
  const key = nameKey(name);
  const names = interviewerNames(db);
  const folded = names.find((n) => nameKey(n) === key);
  if (folded !== undefined) return folded;
  const own = ctx.defaultBy(ctx.config());
  if (key === nameKey(own)) return own;
  const guess = didYouMean(nearNames(name, [...names, own]));
  throw new UsageError(
    `nobody named ${JSON.stringify(name)} has held a conversation in this journal`,
    guess ?? 'try: pm report --team (who holds them)',
  );
}
