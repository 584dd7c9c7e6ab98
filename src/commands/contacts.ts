// `pm contacts`, `pm contact set`, `pm contact merge`. Only customers and prospects have a cadence:
// stakeholders and partners are never "customer contact", so they are never overdue.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { LIMITS, checkText, safeLine, shellWord } from '../core/text.js';
import { UUID_RE } from '../core/uuid.js';
import { byMostOverdue, type Standing } from '../core/cadence.js';
import { hintIfCut, rowLimit } from './limit.js';
import {
  changedMeanwhile,
  contactJson,
  emailOf,
  parsePerson,
  parseRole,
  type ContactActivity,
  nameToType,
  nearContacts,
  type ContactRow,
} from '../core/contacts.js';
import { checkPersona } from '../core/interviews.js';
import { newUuid, type DB } from '../db/journal.js';
import {
  allContacts,
  contactActivity,
  contactByEmail,
  contactByUuid,
  contactCount,
  contactLines,
  contactsByName,
  contactsByNameAndAccount,
  mergeContacts,
  mergeDrops,
  sameContactNow,
  updateContact,
} from '../db/contacts.js';
import { findAccount, insertAccount } from '../db/accounts.js';
import { accountOnceNamed, formerNameOf } from './former-names.js';
import { contactTableLines } from '../render/accounts.js';
import { checkEmail, checkName, nameKey } from '../core/identity.js';
import {
  accountLookalikeWarnings,
  contactLookalikeWarnings,
  erasedPersonWarnings,
  refuseErasedMention,
  refuseErasedPerson,
} from './identity-warnings.js';
import { FORGOTTEN_NAME } from '../db/forget.js';
import { goAhead, mergedUnasked, mergeWithoutAsking } from '../prompts.js';

export function contacts(ctx: Context, opts: { limit?: string } = {}): void {
  const limit = rowLimit(opts.limit, ctx.json || !ctx.stdoutIsTTY);
  const { db } = ctx.read();
  const cadence = ctx.config()['account.cadenceDays'];
  // with a limit SQL reads only the contacts that can be among the first (src/db/contacts.ts)
  const first = <T extends Standing & { name: string }>(rows: T[]) => byMostOverdue(rows).slice(0, limit);
  if (ctx.json) {
    ctx.printJson(
      first(contactActivity(db, ctx.today, cadence, { first: limit }).map((c) => contactJson(c, ctx.today))),
    );
    return;
  }
  const rows = first(contactLines(db, ctx.today, cadence, limit));
  if (rows.length === 0) {
    ctx.info('No contacts yet. They are created by pm log --with "Name" --account ORG.');
    return;
  }
  ctx.outLines(contactTableLines(rows, ctx.color, ctx.width));
  hintIfCut(ctx, opts.limit, rows.length, () => contactCount(db), 'most overdue first');
}

/**
 * A contact as the user names it: an email, "Name <email>", a UUID, or a name (case-insensitive)
 * that only one contact has.
 */
export function resolveContactRef(db: DB, ref: string, retry: (name: string) => string): ContactRow {
  const s = ref.trim();
  if (UUID_RE.test(s)) {
    const found = contactByUuid(db, s);
    if (found) return found;
  }
  const person = parsePerson(s);
  if (person.email) {
    const found = contactByEmail(db, person.email);
    if (found) return found;
    if (person.name === person.email)
      throw new UsageError(`no contact has the email ${person.email}`, 'try: pm contacts');
  }
  const byName = contactsByName(db, person.name);
  if (byName.length === 1) return byName[0];
  const atAccount = contactsByNameAndAccount(db, s);
  if (atAccount.length === 1) return atAccount[0];
  const many = byName.length > 1 ? byName : atAccount;
  if (many.length === 0) {
    // a near miss ("Jane" for Jane Roe) is named with the command to run, as pm forget and pm ls do (wave 14 H17)
    const near = nearContacts(allContacts(db), s);
    throw new UsageError(
      `unknown contact ${JSON.stringify(s)}`,
      near.length
        ? `did you mean ${near.map((c) => `${safeLine(c.name)} (${safeLine(c.account)})`).join(', or ')}? ` +
            `try: ${retry(shellWord(nameToType(near[0], near)))}`
        : 'try: pm contacts',
    );
  }
  throw new UsageError(
    `${JSON.stringify(s)} matches ${many.length} contacts: ` +
      `${many.map((c) => `${c.name} (${c.account}${c.email ? `, ${c.email}` : ''})`).join('; ')}`,
    'name one as "Name (Account)", by email, or by uuid (pm contacts --json)',
  );
}

/** One contact as of today, read in the transaction that changed them. */
function activityOf(ctx: Context, db: DB, id: number): ContactActivity {
  return contactActivity(db, ctx.today, ctx.config()['account.cadenceDays'], { contactId: id })[0];
}

export interface ContactSetOptions {
  name?: string;
  email?: string;
  role?: string;
  account?: string;
  segment?: string;
  persona?: string;
}

export function contactSet(ctx: Context, ref: string, opts: ContactSetOptions): void {
  const name = opts.name === undefined ? undefined : checkName('--name', opts.name, LIMITS.name);
  const email =
    opts.email === undefined
      ? undefined
      : opts.email.trim() === ''
        ? null
        : emailOf(checkEmail('--email', opts.email, LIMITS.email));
  if (email === null && opts.email?.trim())
    throw new UsageError(
      `--email: ${JSON.stringify(opts.email)} is not an email address`,
      'an address is name@domain: --email jane@acme.test',
    );
  const role = opts.role === undefined ? undefined : parseRole(opts.role);
  const accountName = opts.account === undefined ? undefined : checkName('--account', opts.account, LIMITS.account);
  const segment =
    opts.segment === undefined
      ? undefined
      : opts.segment === ''
        ? null
        : checkText('--segment', opts.segment, LIMITS.segment);
  const persona = opts.persona === undefined ? undefined : checkPersona(opts.persona);
  if ([name, email, role, accountName, segment, persona].every((v) => v === undefined))
    throw new UsageError(
      'nothing to change',
      'try: pm contact set "Jane Roe" --role prospect  (or --name, --email, --account, --segment, --persona)',
    );
  const target = resolveContactRef(ctx.read().db, ref, (n) => `pm contact set ${n} …`);
  if (email) {
    const holder = contactByEmail(ctx.read().db, email);
    if (holder && holder.id !== target.id)
      throw new UsageError(
        `${email} is already ${holder.name}'s email (${holder.account})`,
        `if they are the same person: pm contact merge ${JSON.stringify(target.email ?? target.name)} ` +
          `${JSON.stringify(email)}`,
      );
  }
  // a contact renamed, moved or given an email so as to be a person erased with pm forget: refused, as
  // pm log refuses them (pm import and pm sync would erase them again)
  const renamed = name !== undefined && nameKey(name) !== nameKey(target.name);
  const moved = accountName !== undefined && nameKey(accountName) !== nameKey(target.account);
  if (renamed || moved || (email && email !== target.email))
    refuseErasedPerson(
      ctx.read().db,
      { name: name ?? target.name, email: email === undefined ? target.email : email },
      accountName ?? target.account,
    );
  const { row, newAccount, warnings, formerly } = ctx.transaction(({ db }) => {
    refuseErasedMention(db, [
      ['--persona', persona],
      ['--segment', segment],
    ]);
    let accountId: number | undefined;
    let newAccount = false;
    let formerly: string | undefined;
    if (accountName !== undefined) {
      accountId = findAccount(db, accountName)?.id;
      // a former name of an account (renamed or merged into another) is that account, not a new one
      const now = accountId === undefined ? accountOnceNamed(db, accountName, '--account') : undefined;
      if (now) [accountId, formerly] = [now.id, formerNameOf(accountName, [now.name])];
      if (accountId === undefined) {
        accountId = insertAccount(db, newUuid(db), accountName);
        newAccount = true;
      }
    }
    const kinds = role !== undefined && role !== target.role ? conversationKinds(db, target.id) : undefined;
    updateContact(db, target.id, { name, email, role, accountId, segment, persona });
    const warnings = [
      ...(newAccount ? accountLookalikeWarnings(db, 'the new account', accountName!) : []),
      ...setWarnings(db, target, name, email),
      ...(kinds ? rejudged(db, target.id, name ?? target.name, kinds) : []),
    ];
    return { row: activityOf(ctx, db, target.id), newAccount, warnings, formerly };
  });
  for (const w of warnings) ctx.warn(w);
  if (newAccount) ctx.info(`new account: ${safeLine(accountName!)}`);
  if (formerly) ctx.info(`${formerly}: moved there`);
  const json = contactJson(row, ctx.today);
  if (ctx.json) ctx.printJson(json);
  else
    ctx.out(
      `Updated ${safeLine(json.name)}${json.email ? ` <${safeLine(json.email)}>` : ''} · ${json.role} at ` +
        `${safeLine(json.account)}${json.segment ? ` · segment ${safeLine(json.segment)}` : ''}` +
        `${json.persona ? ` · ${safeLine(json.persona)}` : ''}`,
    );
}

/** The kind of each conversation the contact was in (customer, stakeholder, signal), by interview id. */
function conversationKinds(db: DB, contactId: number): Map<number, string> {
  const rows = db
    .prepare(`SELECT i.id, i.kind FROM interview_contacts ic JOIN interviews i ON i.id = ic.interview_id
      WHERE ic.contact_id = ? ORDER BY i.id`)
    .all(contactId) as { id: number; kind: string }[];
  return new Map(rows.map((r) => [r.id, r.kind]));
}

/**
 * The past conversations a role change moved into or out of customer contact, said (fresh-eyes wave
 * 18 H17): the weeks' counts, the streak and the evidence they hold changed with no word.
 */
function rejudged(db: DB, contactId: number, name: string, before: Map<number, string>): string[] {
  const after = conversationKinds(db, contactId);
  const moved = (into: boolean) =>
    [...after].filter(([id, kind]) => (kind === 'customer') === into && (before.get(id) === 'customer') !== into);
  const ids = (list: [number, string][]) => {
    const shown = list.slice(0, 5).map(([id]) => `I${id}`);
    return `${shown.join(', ')}${list.length > 5 ? ', …' : ''}`;
  };
  const lines: string[] = [];
  const out = moved(false);
  const into = moved(true);
  const many = (n: number) => `${n} past conversation${n === 1 ? '' : 's'} with ${safeLine(name)}`;
  if (out.length)
    lines.push(
      `${many(out.length)} (${ids(out)}) ${out.length === 1 ? 'is' : 'are'} now ` +
        `${out.length === 1 ? 'a stakeholder meeting' : 'stakeholder meetings'}, not customer contact`,
    );
  if (into.length)
    lines.push(`${many(into.length)} (${ids(into)}) now count${into.length === 1 ? 's' : ''} as customer contact`);
  return lines;
}

/**
 * A contact renamed to a name that looks like another's, or given the name or email of a person
 * erased with pm forget (src/commands/identity-warnings.ts); read after the change, in its transaction.
 */
function setWarnings(db: DB, target: ContactRow, name: string | undefined, email: string | null | undefined): string[] {
  const renamed = name !== undefined && nameKey(name) !== nameKey(target.name);
  const warnings = renamed ? contactLookalikeWarnings(db, 'the new name', name, target.uuid) : [];
  const newEmail = email ? (target.email !== null && nameKey(email) === nameKey(target.email) ? null : email) : null;
  if (renamed || newEmail)
    warnings.push(
      ...erasedPersonWarnings(
        db,
        // only what changed is compared ('' is no one's name)
        { uuid: target.uuid, name: renamed ? name : '', email: newEmail },
        'changed all the same',
      ),
    );
  return warnings;
}

export async function contactMerge(
  ctx: Context,
  duplicateRef: string,
  keepRef: string,
  opts: { yes?: boolean } = {},
): Promise<void> {
  const duplicate = resolveContactRef(
    ctx.read().db,
    duplicateRef,
    (n) => `pm contact merge ${n} ${shellWord(keepRef)}`,
  );
  const keep = resolveContactRef(ctx.read().db, keepRef, (n) => `pm contact merge ${shellWord(duplicateRef)} ${n}`);
  if (duplicate.id === keep.id)
    throw new UsageError(`${JSON.stringify(duplicateRef)} and ${JSON.stringify(keepRef)} are the same contact`);
  // two names are two people until the user says otherwise (fresh-eyes wave 10 E6: a wrong TAB joined
  // Raj Patel into Mia Chen); one name at two accounts is what the namesake note suggests merging
  const who = (c: { name: string; account: string }) => `${JSON.stringify(safeLine(c.name))} (${safeLine(c.account)})`;
  let unasked = false;
  if (
    nameKey(duplicate.name) !== nameKey(keep.name) &&
    !(await goAhead(
      ctx,
      `Merge ${who(duplicate)} into ${who(keep)}? ` +
        `They become one person, ${safeLine(keep.name)}; this cannot be undone`,
      opts.yes,
      () => {
        unasked = mergeWithoutAsking('contact', [duplicate.name, keep.name]);
        return true;
      },
    ))
  ) {
    ctx.info('Nothing merged.');
    return;
  }
  const { moved, dropped, row } = ctx.transaction(({ db }) => {
    // found before the transaction: another pm (a forget, a merge) may have changed either since
    for (const c of [duplicate, keep]) if (!sameContactNow(db, c)) throw changedMeanwhile(c, 'pm contact merge');
    const dropped = mergeDrops(db, duplicate.id, keep.id);
    const moved = mergeContacts(db, duplicate.id, keep.id);
    return { moved, dropped, row: activityOf(ctx, db, keep.id) };
  });
  ctx.info(
    `Moved ${moved} interview${moved === 1 ? '' : 's'} from ${safeLine(duplicate.name)} ` +
      `(${safeLine(duplicate.account)}); that contact is gone.`,
  );
  // the duplicate's name and email stay in this journal (merged_names, src/db/contacts.ts), so that
  // pm forget of them finds this person: said as it is (review R5: "Not kept" named the email)
  const email = dropped.find((d) => d.field === 'email')?.value;
  const name = nameKey(duplicate.name) !== nameKey(row.name) ? duplicate.name : undefined;
  const kept = [name && `the name ${safeLine(name)}`, email && `the email ${safeLine(email)}`].filter(Boolean);
  if (duplicate.name !== FORGOTTEN_NAME && kept.length > 0)
    ctx.info(
      'Kept in this journal only (never exported or synced), so that pm forget of them erases ' +
        `${safeLine(row.name)}: ${kept.join(', ')}`,
    );
  // a contact has one of each: say what of the duplicate's the kept contact does not take, so it can
  // be set if it was right
  if (dropped.length) {
    const [first] = dropped as [{ field: string; value: string }];
    const use = `pm contact set ${JSON.stringify(row.name)} --${first.field} ${JSON.stringify(first.value)}`;
    ctx.info(
      `Not taken (the contact kept has its own): ${dropped.map((d) => `${d.field} ${safeLine(d.value)}`).join(', ')}` +
        ` · to use it: ${safeLine(use)}`,
    );
  }
  if (unasked) ctx.warn(mergedUnasked(`${who(duplicate)} into ${who(keep)}, two names,`, 'contact'));
  const json = contactJson(row, ctx.today);
  if (ctx.json) ctx.printJson(json);
  else ctx.out(`Merged into ${safeLine(json.name)} (${safeLine(json.account)}) · ${json.interviews} interviews`);
}
