// `pm show ID`: I12/last → the whole interview; H3 → the hypothesis (hyp-show.ts); an account or
// contact name → its conversations and days since the last direct customer contact.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { didYouMean, nearNames, safeLine } from '../core/text.js';
import { accountJson } from '../core/accounts.js';
import { byMostOverdue } from '../core/cadence.js';
import { contactJson, nameToType, parsePerson } from '../core/contacts.js';
import { UUID_RE } from '../core/uuid.js';
import { interviewLines, listInterviews, loadInterview, resolveInterviewRef, signalSource } from '../db/interviews.js';
import { accountActivity, findAccount } from '../db/accounts.js';
import { bareNumber } from '../db/refs.js';
import { refuseFormerName } from './former-names.js';
import {
  contactActivity,
  contactByEmail,
  contactByUuid,
  contactRefFor,
  contactsByMergedName,
  contactsByName,
  contactsByNameAndAccount,
  knownNames,
} from '../db/contacts.js';
import type { ContactRow } from '../core/contacts.js';
import type { DB } from '../db/journal.js';
import { interviewDetail } from '../render/interviews.js';
import { fitLines } from '../render/wrap.js';
import { accountPageLines, contactPageLines } from '../render/accounts.js';
import { hintIfCut, rowLimit } from './limit.js';

export async function show(ctx: Context, ref: string, opts: { limit?: string } = {}): Promise<void> {
  const s = ref.trim();
  if (s === '')
    throw new UsageError(
      'show what? give an interview (I12, last), a hypothesis (H3), an account or a contact',
      'try: pm ls, pm accounts, pm contacts',
    );
  // an account's or contact's conversations as pm ls lists them: the newest 50 on a terminal, every
  // one into a pipe or a file and with --json (docs/decisions.md, "Listings on a terminal"); a bad
  // --limit is refused whatever is shown, as every listing refuses it
  const limit = rowLimit(opts.limit, ctx.json || !ctx.stdoutIsTTY);
  if (/^[hH](\d{1,15}|-[0-9a-fA-F]{4,12})$/.test(s)) {
    const { showHypothesis } = await import('./hyp-show.js');
    showHypothesis(ctx, s);
    return;
  }
  const { db } = ctx.read();
  if (/^([iI]?\d{1,15}|last|[iI]-[0-9a-fA-F]{4,12})$/i.test(s)) {
    const bare = bareNumber(db, s);
    if (bare?.hypothesis && !bare.interview)
      throw new UsageError(
        `unknown interview I${bare.n}`,
        `a number alone is an interview; the hypothesis: pm show H${bare.n}`,
      );
    const record = loadInterview(db, resolveInterviewRef(db, s))!;
    if (bare?.hypothesis) ctx.info(`pm: ${bare.n} is read as I${bare.n}; the hypothesis is pm show H${bare.n}`);
    if (ctx.json) ctx.printJson(record);
    else ctx.out(fitLines(interviewDetail(record, ctx.color), ctx.width));
    return;
  }
  const cadence = ctx.config()['account.cadenceDays'];
  const account = findAccount(db, s);
  if (account) {
    alsoContacts(ctx, db, account.name, s);
    const summary = accountJson(accountActivity(db, ctx.today, cadence, account.id)[0], ctx.today);
    const people = byMostOverdue(
      contactActivity(db, ctx.today, cadence, { accountId: account.id }).map((c) => contactJson(c, ctx.today)),
    );
    if (ctx.json) {
      ctx.printJson({ ...summary, people, conversations: listInterviews(db, { accountId: account.id, limit }) });
      return;
    }
    // the page's lines show what pm ls shows: only that is read (whole records of an account's 4,000
    // conversations were two thirds of its time, issue 18), and written in pieces as pm ls writes them
    const lines = [...interviewLines(db, { accountId: account.id, limit })];
    ctx.outLines(accountPageLines(summary, people, lines, ctx.width, ctx.color));
    hintIfCut(ctx, opts.limit, lines.length, () => summary.interviews, 'newest first');
    return;
  }
  // a contact's UUID (pm contacts --json), as pm contact set and pm forget take it: the one way to
  // name namesakes at one account without an email (fresh-eyes wave 18 H10)
  const byUuid = UUID_RE.test(s) ? contactByUuid(db, s) : undefined;
  const person = parsePerson(s);
  const byEmail = person.email ? contactByEmail(db, person.email) : undefined;
  let matches = byUuid ? [byUuid] : byEmail ? [byEmail] : contactsByName(db, person.name);
  // "Jane Roe (Acme)", as pm prints a contact and names them in its hints
  if (matches.length === 0 && !person.email) matches = contactsByNameAndAccount(db, s);
  if (matches.length > 1)
    throw new UsageError(
      `${JSON.stringify(s)} matches ${matches.length} contacts: ` +
        `${matches.map((m) => `${m.name} (${m.account}${m.email ? `, ${m.email}` : ''})`).join('; ')}`,
      // each as pm forget names them: the real email, else "Name (Account)", else the UUID (a made-up
      // email was no one's: fresh-eyes wave 16 H5; "name one by email" of people without one: wave 18 H10)
      `name one${matches.every((m) => m.email) ? ' by email' : ''}: ` +
        matches.map((m) => `pm show ${contactForm(m, matches)}`).join(' · '),
    );
  if (matches.length === 0) {
    const source = signalSource(db, s);
    if (source !== undefined)
      throw new UsageError(
        `${JSON.stringify(s)} is a source of signals, not an interview id, account or contact`,
        `try: pm ls --source ${JSON.stringify(source)}`,
      );
    // a person merged into another here is them now (merged_names): "nothing called" read as lost calls
    const into = contactsByMergedName(db, s);
    const became = into.map((c) => `${safeLine(c.name)} (${safeLine(c.account)})`).join(' and ');
    if (into.length > 0)
      throw new UsageError(
        `${JSON.stringify(s)} was merged into ${became}, ` +
          `who ${into.length > 1 ? 'have' : 'has'} their conversations now`,
        `try: pm show ${showRef(db, into[0])}`,
      );
    // an account renamed or merged into another here is that one now (account_names, schema 73)
    refuseFormerName(db, s);
    const guesses = nearNames(s, knownNames(db));
    throw new UsageError(
      `nothing called ${JSON.stringify(s)}: not an interview id, account or contact`,
      guesses.length > 0
        ? `${didYouMean(guesses)} try: pm show ${JSON.stringify(guesses[0])}`
        : 'try: pm ls, pm accounts, pm contacts',
    );
  }
  const contact = contactJson(contactActivity(db, ctx.today, cadence, { contactId: matches[0].id })[0], ctx.today);
  if (ctx.json) {
    ctx.printJson({ ...contact, conversations: listInterviews(db, { contactId: matches[0].id, limit }) });
    return;
  }
  const lines = [...interviewLines(db, { contactId: matches[0].id, limit })];
  ctx.outLines(contactPageLines(contact, lines, ctx.width, ctx.color));
  hintIfCut(ctx, opts.limit, lines.length, () => contact.interviews, 'newest first');
}

/**
 * An account's name that is a contact's too: the account is shown (looked up first), and the hint names
 * each contact as pm show takes them, or the name read as an account hid them without a word.
 */
function alsoContacts(ctx: Context, db: DB, account: string, typed: string): void {
  const namesakes = contactsByName(db, typed);
  if (namesakes.length === 0) return;
  const forms = namesakes.map((c) => `pm show ${contactForm(c, namesakes)}`).join(' · ');
  const whom =
    namesakes.length === 1
      ? `a contact, ${safeLine(namesakes[0].name)} (${safeLine(namesakes[0].account)})`
      : `the name of ${namesakes.length} contacts`;
  ctx.info(`hint: ${safeLine(account)} is also ${whom}: ${forms}`);
}

/** One of namesakes as the shell takes it: their email or "Name (Account)" quoted, else their UUID. */
function contactForm(c: ContactRow, namesakes: ContactRow[]): string {
  const form = nameToType(c, namesakes);
  return form === c.uuid ? form : JSON.stringify(safeLine(form));
}

/** How `pm show` names a contact: "Jane Roe (Acme)" when that is only them, else their email. */
function showRef(db: DB, c: ContactRow): string {
  const ref = contactRefFor(db, c);
  return ref.startsWith('"') || c.email === null ? ref : JSON.stringify(safeLine(c.email));
}
