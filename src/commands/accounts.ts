// `pm accounts`, `pm account set|rename|merge`: organisations with their last direct customer
// contact, how long ago, their cadence (own, the journal's account.cadenceDays, or off) and whether
// they are overdue ("going cold"), most overdue first.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { LIMITS, checkText, cut, padEnd, safeLine } from '../core/text.js';
import { daysBetween } from '../core/dates.js';
import type { Config } from '../core/config.js';
import {
  accountActivity,
  findAccount,
  mergeAccounts,
  updateAccount,
  type AccountActivity,
  type AccountRow,
} from '../db/accounts.js';

/** The account's cadence in days, or 'off'. NULL means the journal's account.cadenceDays. */
export function effectiveCadence(cadenceDays: number | null, config: Config): number | 'off' {
  if (cadenceDays === null) return config['account.cadenceDays'];
  return cadenceDays === 0 ? 'off' : cadenceDays;
}

export interface Standing {
  lastDirect: string | null;
  daysSince: number | null;
  cadence: number | 'off' | null;
  overdue: boolean;
}

/** Days since the last direct contact and whether that is longer than the cadence. */
export function standing(lastDirect: string | null, cadence: number | 'off' | null, asOf: string): Standing {
  const daysSince = lastDirect === null ? null : daysBetween(lastDirect, asOf);
  const overdue = daysSince !== null && typeof cadence === 'number' && daysSince > cadence;
  return { lastDirect, daysSince, cadence, overdue };
}

/** Most overdue first: by days past the cadence; never contacted or off at the end; then by name. */
export function byMostOverdue<T extends Standing & { name: string }>(items: T[]): T[] {
  const lateness = (s: T) =>
    s.daysSince === null || typeof s.cadence !== 'number' ? -Infinity : s.daysSince - s.cadence;
  // plain comparison: the first localeCompare loads ICU collation (~10 ms)
  const byName = (a: T, b: T) => {
    const x = a.name.toLowerCase(),
      y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return items.slice().sort((a, b) => lateness(b) - lateness(a) || byName(a, b));
}

export interface AccountJson extends Standing {
  uuid: string;
  name: string;
  segment: string | null;
  /** as stored (export format): null = the journal's default, a number, or 'off' */
  cadenceDays: number | null | 'off';
  contacts: number;
  interviews: number;
}

export function accountJson(a: AccountActivity, config: Config, asOf: string): AccountJson {
  return {
    uuid: a.uuid,
    name: a.name,
    segment: a.segment,
    cadenceDays: a.cadenceDays === 0 ? 'off' : a.cadenceDays,
    contacts: a.contacts,
    interviews: a.interviews,
    ...standing(a.lastDirect, effectiveCadence(a.cadenceDays, config), asOf),
  };
}

export function describeStanding(s: Standing): string {
  if (s.lastDirect === null) return 'no direct customer contact yet';
  const ago = s.daysSince === 0 ? 'today' : s.daysSince === 1 ? 'yesterday' : `${s.daysSince} days ago`;
  const cadence = s.cadence === 'off' ? 'cadence off' : s.cadence === null ? '' : `cadence ${s.cadence} days`;
  return `last direct contact ${s.lastDirect} (${ago})${cadence ? `, ${cadence}` : ''}${s.overdue ? ', OVERDUE' : ''}`;
}

export function accounts(ctx: Context): void {
  const { db } = ctx.read();
  const config = ctx.config();
  const rows = byMostOverdue(accountActivity(db, ctx.today).map((a) => accountJson(a, config, ctx.today)));
  if (ctx.json) {
    ctx.printJson(rows);
    return;
  }
  if (rows.length === 0) {
    ctx.info('No accounts yet. They are created by pm log --account ORG.');
    return;
  }
  const c = ctx.color;
  const nameW = Math.min(28, Math.max(7, ...rows.map((r) => [...safeLine(r.name)].length)));
  const header = `${padEnd('ACCOUNT', nameW)}  LAST DIRECT  DAYS  CADENCE  CONTACTS  INTERVIEWS  SEGMENT`;
  const lines = rows.map((r) => {
    const days = r.daysSince === null ? '—' : String(r.daysSince);
    const cadence = r.cadence === 'off' ? 'off' : `${r.cadence}d`;
    const line = `${padEnd(cut(safeLine(r.name), nameW), nameW)}  ${padEnd(r.lastDirect ?? '—', 11)}  ${days.padStart(4)}  ${padEnd(cadence, 7)}  ${String(r.contacts).padStart(8)}  ${String(r.interviews).padStart(10)}  ${safeLine(r.segment ?? '')}`;
    return r.overdue ? c.red(line + '  overdue') : line.trimEnd();
  });
  ctx.out([c.dim(header), ...lines].join('\n'));
}

export interface AccountSetOptions {
  cadence?: string;
  segment?: string;
}

function parseCadence(raw: string): number | null {
  const v = raw.trim().toLowerCase();
  if (v === 'off' || v === '0') return 0;
  if (v === 'default') return null;
  if (!/^\d{1,5}$/.test(v) || Number(v) < 1)
    throw new UsageError(
      `--cadence must be a number of days (at least 1), off, or default; not ${JSON.stringify(raw)}`,
    );
  return Number(v);
}

export function knownAccount(ctx: Context, name: string): AccountRow {
  const found = findAccount(ctx.read().db, name);
  if (!found) throw new UsageError(`unknown account ${JSON.stringify(name)}`, 'try: pm accounts');
  return found;
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
  const account = knownAccount(ctx, name);
  const row = ctx.transaction(({ db }) => {
    updateAccount(db, account.id, { cadenceDays: cadence, segment });
    return accountActivity(db, ctx.today, account.id)[0];
  });
  printAccount(ctx, row, 'Updated');
}

function printAccount(ctx: Context, row: AccountActivity, verb: string): void {
  const json = accountJson(row, ctx.config(), ctx.today);
  if (ctx.json) ctx.printJson(json);
  else
    ctx.out(
      `${verb} ${safeLine(json.name)} · cadence ${json.cadence === 'off' ? 'off' : `${json.cadence} days`}${json.cadenceDays === null ? ' (default)' : ''}${json.segment ? ` · segment ${safeLine(json.segment)}` : ''}`,
    );
}

export function accountRename(ctx: Context, oldName: string, newName: string): void {
  const name = checkText('new name', newName.trim(), LIMITS.account);
  const account = knownAccount(ctx, oldName);
  const clash = findAccount(ctx.read().db, name);
  if (clash && clash.id !== account.id)
    throw new UsageError(
      `there is already an account called ${JSON.stringify(clash.name)}`,
      `to fold one into the other: pm account merge ${JSON.stringify(account.name)} ${JSON.stringify(clash.name)}`,
    );
  const row = ctx.transaction(({ db }) => {
    updateAccount(db, account.id, { name });
    return accountActivity(db, ctx.today, account.id)[0];
  });
  printAccount(ctx, row, `Renamed ${safeLine(account.name)} to`);
}

export function accountMerge(ctx: Context, duplicateName: string, keepName: string): void {
  const duplicate = knownAccount(ctx, duplicateName);
  const keep = knownAccount(ctx, keepName);
  if (duplicate.id === keep.id)
    throw new UsageError(`${JSON.stringify(duplicateName)} and ${JSON.stringify(keepName)} are the same account`);
  const { moved, row } = ctx.transaction(({ db }) => {
    const moved = mergeAccounts(db, duplicate.id, keep.id);
    return { moved, row: accountActivity(db, ctx.today, keep.id)[0] };
  });
  ctx.info(
    `Moved ${moved.contacts} contacts and ${moved.interviews} interviews from ${safeLine(duplicate.name)}; ${safeLine(duplicate.name)} is gone.`,
  );
  printAccount(ctx, row, 'Merged into');
}
