// Accounts (organisations): the record, the `--json` shape of `pm accounts` and `pm show ACCOUNT`,
// and the parsing of `pm account set --cadence`.
import { UsageError } from '../errors.js';
import { standing, type Standing, type StandingRow } from './cadence.js';

export interface AccountRow {
  id: number;
  uuid: string;
  name: string;
  segment: string | null;
  /** NULL: the journal's account.cadenceDays; 0: off; N: every N days */
  cadenceDays: number | null;
}

/** An account with its counts and standing as of a day (src/db/accounts.ts accountActivity). */
export interface AccountActivity extends AccountRow, StandingRow {
  contacts: number;
  interviews: number;
  lastInterview: string | null;
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

/** What a line of `pm accounts` shows of an account (the text listing reads only this). */
export type AccountLine = Pick<AccountJson, 'name' | 'segment' | 'contacts' | 'interviews'> & Standing;

export function accountJson(a: AccountActivity, asOf: string): AccountJson {
  return {
    uuid: a.uuid,
    name: a.name,
    segment: a.segment,
    cadenceDays: a.cadenceDays === 0 ? 'off' : a.cadenceDays,
    contacts: a.contacts,
    interviews: a.interviews,
    ...standing(a, asOf),
  };
}

/** `--cadence`: a number of days, off (stored 0), or default (stored NULL). */
export function parseCadence(raw: string): number | null {
  const v = raw.trim().toLowerCase();
  if (v === 'off' || v === '0') return 0;
  if (v === 'default') return null;
  if (!/^\d{1,5}$/.test(v) || Number(v) < 1)
    throw new UsageError(
      `--cadence must be a number of days (at least 1), 0 or off, or default; not ${JSON.stringify(raw)}`,
    );
  return Number(v);
}
