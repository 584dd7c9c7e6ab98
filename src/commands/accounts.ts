// `pm accounts`, `pm account set|rename|merge`: organisations with their last direct customer
// contact, how long ago, their cadence (own, the journal's account.cadenceDays, or off) and whether
// they are overdue ("going cold"), most overdue first.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { LIMITS, checkText, didYouMean, nearNames, safeLine, shellWord } from '../core/text.js';
import { accountJson, parseCadence, type AccountActivity, type AccountRow } from '../core/accounts.js';
import { byMostOverdue, type Standing } from '../core/cadence.js';
import { hintIfCut, rowLimit } from './limit.js';
import type { DB } from '../db/journal.js';
import {
  accountActivity,
  accountCount,
  accountNames,
  accountLines,
  findAccount,
  mergeAccounts,
  updateAccount,
} from '../db/accounts.js';
import { accountTableLines } from '../render/accounts.js';
import { contactByUuid, namesakesOf } from '../db/contacts.js';
import type { ContactRow } from '../core/contacts.js';
import { checkName, nameKey } from '../core/identity.js';
import { goAhead, mergedUnasked, mergeWithoutAsking } from '../prompts.js';
import { accountLookalikeWarnings, refuseErasedMention } from './identity-warnings.js';

export function accounts(ctx: Context, opts: { limit?: string } = {}): void {
  const limit = rowLimit(opts.limit, ctx.json || !ctx.stdoutIsTTY);
  const { db } = ctx.read();
  const cadence = ctx.config()['account.cadenceDays'];
  // with a limit SQL reads only the accounts that can be among the first (src/db/accounts.ts)
  const first = <T extends Standing & { name: string }>(rows: T[]) => byMostOverdue(rows).slice(0, limit);
  if (ctx.json) {
    const all = accountActivity(db, ctx.today, cadence, undefined, limit);
    ctx.printJson(first(all.map((a) => accountJson(a, ctx.today))));
    return;
  }
  const rows = first(accountLines(db, ctx.today, cadence, limit));
  if (rows.length === 0) {
    ctx.info('No accounts yet. They are created by pm log --account ORG.');
    return;
  }
  ctx.outLines(accountTableLines(rows, ctx.color, ctx.width));
  hintIfCut(ctx, opts.limit, rows.length, () => accountCount(db), 'most overdue first');
}

export interface AccountSetOptions {
  cadence?: string;
  segment?: string;
}

/** One account as of today, read in the transaction that changed it. */
function activityOf(ctx: Context, db: DB, id: number): AccountActivity {
  return accountActivity(db, ctx.today, ctx.config()['account.cadenceDays'], id)[0];
}

/** `retry`: the command again with a near name (`Acm` for Acme), said as pm ls --account says it (wave 14 H17). */
export function knownAccount(ctx: Context, name: string, retry: (name: string) => string): AccountRow {
  const { db } = ctx.read();
  const found = findAccount(db, name);
  if (found) return found;
  const near = nearNames(name, accountNames(db));
  throw new UsageError(
    `unknown account ${JSON.stringify(name)}`,
    near.length ? `${didYouMean(near)} try: ${retry(shellWord(near[0]))}` : 'try: pm accounts',
  );
}

export function accountSet(ctx: Context, name: string, opts: AccountSetOptions): void {
  const cadence = opts.cadence === undefined ? undefined : parseCadence(opts.cadence);
  const segment =
    opts.segment === undefined
      ? undefined
      : opts.segment === ''
        ? null
        : checkText('--segment', opts.segment, LIMITS.segment);
  if (cadence === undefined && segment === undefined)
    throw new UsageError('nothing to change', 'try: pm account set ACME --cadence 14  (or off, default), --segment S');
  const account = knownAccount(ctx, name, (n) => `pm account set ${n} …`);
  const row = ctx.transaction(({ db }) => {
    refuseErasedMention(db, [['--segment', segment]]);
    updateAccount(db, account.id, { cadenceDays: cadence, segment });
    return activityOf(ctx, db, account.id);
  });
  printAccount(ctx, row, 'Updated');
}

function printAccount(ctx: Context, row: AccountActivity, verb: string): void {
  const json = accountJson(row, ctx.today);
  if (ctx.json) ctx.printJson(json);
  else
    ctx.out(
      `${verb} ${safeLine(json.name)} · cadence ${json.cadence === 'off' ? 'off' : `${json.cadence} days`}` +
        `${json.cadenceDays === null ? ' (default)' : ''}${json.segment ? ` · segment ${safeLine(json.segment)}` : ''}`,
    );
}

export function accountRename(ctx: Context, oldName: string, newName: string): void {
  const name = checkName('new name', newName, LIMITS.account);
  const account = knownAccount(ctx, oldName, (n) => `pm account rename ${n} ${shellWord(newName)}`);
  const clash = findAccount(ctx.read().db, name);
  if (clash && clash.id !== account.id)
    throw new UsageError(
      `there is already an account called ${JSON.stringify(clash.name)}`,
      `to fold one into the other: pm account merge ${JSON.stringify(account.name)} ${JSON.stringify(clash.name)}`,
    );
  const { row, warnings } = ctx.transaction(({ db }) => {
    refuseErasedMention(db, [['the new name', name]]);
    updateAccount(db, account.id, { name });
    const renamed = nameKey(name) !== nameKey(account.name);
    const warnings = renamed ? accountLookalikeWarnings(db, 'the new name', name, account.uuid) : [];
    return { row: activityOf(ctx, db, account.id), warnings };
  });
  for (const w of warnings) ctx.warn(w);
  printAccount(ctx, row, `Renamed ${safeLine(account.name)} to`);
}

export async function accountMerge(
  ctx: Context,
  duplicateName: string,
  keepName: string,
  opts: { yes?: boolean } = {},
): Promise<void> {
  const duplicate = knownAccount(ctx, duplicateName, (n) => `pm account merge ${n} ${shellWord(keepName)}`);
  const keep = knownAccount(ctx, keepName, (n) => `pm account merge ${shellWord(duplicateName)} ${n}`);
  if (duplicate.id === keep.id)
    throw new UsageError(`${JSON.stringify(duplicateName)} and ${JSON.stringify(keepName)} are the same account`);
  // two accounts are two organisations until the user says otherwise (fresh-eyes wave 10 E6), as
  // pm contact merge of two names
  const both = `${JSON.stringify(safeLine(duplicate.name))} into ${JSON.stringify(safeLine(keep.name))}`;
  let unasked = false;
  const question =
    `Merge the account ${both}? ` +
    `Its contacts and interviews become ${safeLine(keep.name)}'s; this cannot be undone`;
  const ok = await goAhead(ctx, question, opts.yes, () => {
    unasked = mergeWithoutAsking('account', [duplicate.name, keep.name]);
    return true;
  });
  if (!ok) {
    ctx.info('Nothing merged.');
    return;
  }
  const { moved, row, namesakes } = ctx.transaction(({ db }) => {
    const arriving = db.prepare('SELECT uuid FROM contacts WHERE account_id = ? AND forgotten = 0').pluck();
    const uuids = arriving.all(duplicate.id) as string[];
    const moved = mergeAccounts(db, duplicate.id, keep.id);
    return { moved, row: activityOf(ctx, db, keep.id), namesakes: namesakeNotes(db, uuids, keep.id) };
  });
  ctx.info(
    `Moved ${moved.contacts} contact${moved.contacts === 1 ? '' : 's'} and ${moved.interviews} ` +
      `interview${moved.interviews === 1 ? '' : 's'} from ${safeLine(duplicate.name)}; ` +
      `${safeLine(duplicate.name)} is gone.`,
  );
  for (const n of namesakes) ctx.info(n);
  if (unasked) ctx.warn(mergedUnasked(`the account ${both}`, 'account'));
  printAccount(ctx, row, 'Merged into');
}

/**
 * A person the merge brought to an account that has one of that name already: two "Jane Roe" at one
 * account, which `--with "Jane Roe"` no longer tells apart; the note gives the contact merge that
 * joins them, as pm log's does (fresh-eyes wave 12 G15: the merge said nothing).
 */
function namesakeNotes(db: DB, arrived: string[], accountId: number): string[] {
  return arrived.flatMap((uuid) => {
    const c = contactByUuid(db, uuid);
    const other =
      c && namesakesOf(db, c.name, uuid).find((n) => n.accountId === accountId && !arrived.includes(n.uuid));
    if (!c || !other) return [];
    const ref = (x: ContactRow) => (x.email ? JSON.stringify(x.email) : x.uuid);
    const who = (x: ContactRow) => `${safeLine(x.name)}${x.email ? ` with ${safeLine(x.email)}` : ''}`;
    return [
      `${who(c)} is now at ${safeLine(c.account)} beside ${who(other)}; ` +
        `if it is the same person: pm contact merge ${safeLine(ref(c))} ${safeLine(ref(other))}`,
    ];
  });
}
