// The exchange format (contract: "pm export · pm import") and its validator. The whole document is
// checked before anything is written: one bad record is a usage error that names it, and nothing
// is imported. Pure: whether a reference points at a record already in the journal is asked of
// the caller through `exists`.
import { keyFingerprint, type ForgottenEntry } from './erasure.js';
import { UsageError } from '../errors.js';
import { FIRST_YEAR, isIsoDay, LAST_YEAR } from './dates.js';
import { CONFIG_KEYS, isConfigKey, parseConfigValue, type Config, type ConfigKey } from './config.js';
import {
  KINDS,
  OUTCOMES,
  STRENGTHS,
  type HypothesisKind,
  type Outcome,
  type Strength,
  type Direction,
} from './hypotheses.js';
import { LIMITS, checkText } from './text.js';
import { BASES, type Basis } from './confidence.js';
import { UUID_RE } from './uuid.js';
import { DEFAULT_SEVERITY, painKey, SEVERITIES, type Pain } from './pains.js';
import {
  ORIGIN_VERSION,
  STAMPED_FIELDS,
  VERSION_RE,
  deviceOf,
  knows,
  sortedVector,
  type FieldVersions,
  type VersionVector,
} from './versions.js';

export const FORMAT = 'pm-journal';
/**
 * The version export writes. Version 2 (issue 17) gave each pain its severity (`pains` became
 * `[{ "text", "severity" }]`); version 1 files, whose pains are text, still import (as medium).
 */
export const FORMAT_VERSION = 2;
/** The versions import reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

import { CHANNELS, isIndirect, type Channel } from './channels.js';
import { ROLES, type Role } from './contacts.js';
import { cleanEmail, cleanName } from './identity.js';

/** The kinds of shared record (src/db/tracking.ts lists the tables each lives in). */
export const RECORD_KINDS = [
  'setting',
  'account',
  'contact',
  'opportunity',
  'interview',
  'hypothesis',
  'evidence',
  'outcome',
  'erasure',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * A record's version (`rev`) and version vector (`vv`: each device's latest version of it), from
 * exports made since change tracking; a record without them is older than any other version.
 */
export interface Versioned {
  rev?: string;
  vv?: VersionVector;
}

export interface AccountDoc extends Versioned {
  fieldVersions?: FieldVersions;
  uuid: string;
  name: string;
  segment: string | null;
  /** null: the journal's account.cadenceDays; a number of days; or "off" (never going cold) */
  cadenceDays: number | 'off' | null;
}

export interface ContactDoc extends Versioned {
  fieldVersions?: FieldVersions;
  uuid: string;
  name: string;
  email: string | null;
  accountUuid: string;
  role: Role;
  segment: string | null;
  /** who they are ("finance lead"); absent in files written before it existed */
  persona: string | null;
  /** erased with `pm forget` (a placeholder that keeps the interviews' attribution); only written when true */
  forgotten?: true;
}

export interface InterviewDoc extends Versioned {
  uuid: string;
  id: string | null;
  date: string;
  channel: Channel;
  contactUuids: string[];
  /** null only for a signal from a source alone */
  accountUuid: string | null;
  /** where a signal came from ("Capterra"), or null (issue 15; absent in files written before) */
  source: string | null;
  by: string | null;
  minutes: number | null;
  summary: string;
  notes: string | null;
  pains: Pain[];
  quotes: string[];
  tags: string[];
  followUp: string | null;
  followUpDone: boolean;
  /** the customer's journey stage when we talked, or null */
  stage: string | null;
}

export interface RevisionDoc {
  date: string;
  field: 'statement' | 'criteria';
  before: string | null;
  after: string | null;
}

export interface HypothesisDoc extends Versioned {
  uuid: string;
  id: string | null;
  statement: string;
  kind: HypothesisKind;
  criteria: string | null;
  createdOn: string;
  decideBy: string;
  tags: string[];
  revisions: RevisionDoc[];
  /** a running conviction bet, or null */
  bet: BetDoc | null;
  /** the opportunities it addresses (version 2; [] when absent) */
  opportunityUuids: string[];
  /** who added it; absent or null from a pm before schema 75 (no one's) */
  by?: string | null;
}

/** A conviction bet: held until a deadline, for a reason, since a day. */
export interface BetDoc {
  until: string;
  reason: string;
  since: string;
}

/** An opportunity the user named (version 2): its name and the names merged into it. */
export interface OpportunityDoc extends Versioned {
  uuid: string;
  name: string;
  aliases: string[];
}

export interface EvidenceDoc extends Versioned {
  interviewUuid: string;
  hypothesisUuid: string;
  direction: Direction;
  strength: Strength;
  basis: Basis;
}

export interface OutcomeDoc extends Versioned {
  uuid: string;
  hypothesisUuid: string;
  outcome: Outcome;
  date: string;
  reason: string;
  /** who recorded it; absent or null from a pm before schema 64 */
  by?: string | null;
}

export type ExportedConfig = Partial<Omit<Config, 'user.name'>>;

/** A shared setting with its version (every key but user.name). */
export interface SettingDoc extends Versioned {
  key: Exclude<ConfigKey, 'user.name'>;
  value: string | number;
}

/** A deleted record: its kind and key, the version that deleted it, and what it was merged into. */
export interface TombstoneDoc {
  kind: Exclude<RecordKind, 'erasure'>;
  key: string;
  rev: string;
  vv: VersionVector;
  /** an account or contact merged into another (its UUID): references to it mean that one */
  mergedInto?: string;
}

export type RecordDoc =
  | AccountDoc
  | ContactDoc
  | OpportunityDoc
  | InterviewDoc
  | HypothesisDoc
  | EvidenceDoc
  | OutcomeDoc
  | SettingDoc;

export interface JournalDoc {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  exportedAt: string;
  /** written by pm export --redact (what was pseudonymised); pm import refuses such a file */
  redacted?: 'contacts' | 'all';
  config: ExportedConfig;
  accounts: AccountDoc[];
  contacts: ContactDoc[];
  interviews: InterviewDoc[];
  hypotheses: HypothesisDoc[];
  evidence: EvidenceDoc[];
  outcomes: OutcomeDoc[];
  /**
   * people erased with pm forget: UUIDs and keyed hashes, never names or emails (schema 9); every
   * journal that imports the file forgets them (issue 19: an erasure travels as a change)
   */
  forgotten?: ForgottenEntry[];
  /** the keys those hashes were made with, hex; left out of redacted exports */
  privacyKeys?: PrivacyKeyDoc[];
  /** version 2: the opportunities the user named ([] in a version-1 file) */
  opportunities: OpportunityDoc[];
  /** the shared settings with their versions (config stays for readers of version 1) */
  settings: SettingDoc[];
  /** tombstones: records deleted (or merged away), so that deletions travel */
  deleted: TombstoneDoc[];
}

export interface PrivacyKeyDoc {
  id: string;
  key: string;
}

/** Deeper than any export can be (the deepest pm writes is 5: hypotheses[].revisions[]), with room for new keys. */
export const MAX_NESTING = 64;

/**
 * Where JSON text first nests deeper than `max` arrays and objects (a byte offset), or -1. Checked
 * before JSON.parse: a 20M-deep array (40 MB) took it 43 s and 2 GB to build, only to be refused.
 * Strings are skipped with indexOf (memchr): the 74 MB bench export is scanned in ~150 ms, under a
 * tenth of its JSON.parse.
 */
export function nestedDeeperThan(bytes: Uint8Array, max: number): number {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) {
      // on to the closing quote: the next one after an even number of backslashes
      for (;;) {
        i = bytes.indexOf(0x22, i + 1);
        if (i < 0) return -1;
        let slashes = 0;
        while (bytes[i - 1 - slashes] === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
      }
    } else if (b === 0x5b || b === 0x7b) {
      if (++depth > max) return i;
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
  return -1;
}

/** Records a reference may point at when they are not in the file. */
export type RefTable = 'accounts' | 'contacts' | 'interviews' | 'hypotheses' | 'opportunities';
export type ExistsInJournal = (table: RefTable, uuid: string) => boolean;

type Obj = Record<string, unknown>;

/**
 * A value as JSON, but only its beginning: a few items of each list or object, a few levels deep.
 * JSON.stringify would recurse through all of it: a 100k-deep array in a file overflowed the stack
 * ("internal error: Maximum call stack size exceeded"), and a huge one would be written out whole.
 */
function preview(value: unknown, depth = 0): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  if (depth >= 3) return Array.isArray(value) ? '[…]' : '{…}';
  const entries = Array.isArray(value) ? value.map((v) => [undefined, v] as const) : Object.entries(value);
  const shownItems = entries
    .slice(0, 4)
    .map(([k, v]) => (k === undefined ? '' : `${JSON.stringify(k)}:`) + preview(v, depth + 1));
  if (entries.length > 4) shownItems.push('…');
  return Array.isArray(value) ? `[${shownItems.join(',')}]` : `{${shownItems.join(',')}}`;
}

/** A value for an error message: strings quoted, other values as JSON, cut short, no control characters. */
function shown(value: unknown): string {
  const isText = typeof value === 'string';
  const s = isText ? value : preview(value);
  const cut = s.length > 60 ? s.slice(0, 60) + '…' : s;
  const quoted = isText ? JSON.stringify(cut) : JSON.stringify(cut).slice(1, -1);
  // the message reaches a terminal
  return quoted.replace(/[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '?');
}

/** Builds errors that name the record: `interviews[3] (uuid …): date "2026-02-31" is not a date`. */
class Where {
  constructor(
    readonly label: string,
    readonly hint = 'nothing was imported; fix the file and run pm import again',
  ) {}
  error(message: string): UsageError {
    return new UsageError(`${this.label}: ${message}`, this.hint);
  }
  fail(message: string): never {
    throw this.error(message);
  }
}

/** The pseudonyms pm export --redact gives contacts (src/core/redact.ts). */
const PSEUDONYM_NAME = /^Contact \d+$/;
const PSEUDONYM_EMAIL = /^contact-\d+@example\.invalid$/;

/**
 * A redacted export keeps every record's UUID and version: imported, its pseudonyms would replace a
 * teammate's real names, emails and accounts wherever the file's copy is newer (fresh-eyes E34). It
 * says `redacted`; a file of an older pm has no mark, and is known by its contacts: every one a
 * pseudonym, at least one with a pseudonym's email, and no privacy key (docs/decisions.md).
 */
function refuseRedacted(doc: Obj, whole: string): void {
  const hint =
    'nothing was imported; a redacted export is for reading outside the team: import one made without ' +
    '--redact (pm export --format json)';
  const w = new Where(whole, hint);
  if (doc.redacted !== undefined && doc.redacted !== null)
    w.fail(
      `is a redacted export (--redact${doc.redacted === 'all' ? '=all' : ''}): its pseudonyms ` +
        `("Contact 1"${doc.redacted === 'all' ? ', "Account 1"' : ''}) would replace real names here`,
    );
  const contacts = Array.isArray(doc.contacts) ? (doc.contacts as unknown[]) : [];
  const keys = doc.privacyKeys;
  const pseudonymous = (c: unknown): boolean =>
    typeof c === 'object' &&
    c !== null &&
    typeof (c as Obj).name === 'string' &&
    PSEUDONYM_NAME.test((c as Obj).name as string) &&
    ((c as Obj).email === null ||
      (c as Obj).email === undefined ||
      (typeof (c as Obj).email === 'string' && PSEUDONYM_EMAIL.test((c as Obj).email as string)));
  // a real journal may well call people "Contact 1" (review R7: a survey panel), and a journal that
  // erased nobody has no privacy key; but no one's email is at example.invalid (a reserved name)
  const invalidEmail = (c: unknown): boolean =>
    typeof c === 'object' &&
    c !== null &&
    typeof (c as Obj).email === 'string' &&
    PSEUDONYM_EMAIL.test((c as Obj).email as string);
  if (contacts.every(pseudonymous) && contacts.some(invalidEmail) && (!Array.isArray(keys) || keys.length === 0))
    w.fail(
      'is a redacted export of an earlier pm: every contact is a pseudonym ("Contact 1", contact-1@example.invalid)',
    );
}

function recordWhere(section: string, index: number, rec: Obj): Where {
  const uuid = typeof rec.uuid === 'string' ? ` (uuid ${shown(rec.uuid).slice(1, -1)})` : '';
  return new Where(`${section}[${index}]${uuid}`);
}

function text(
  w: Where,
  rec: Obj,
  key: string,
  limit: number,
  opts: { optional?: boolean; allowEmpty?: boolean } = {},
): string | null {
  const v = rec[key];
  if (v === undefined || v === null) {
    if (opts.optional) return null;
    w.fail(`${key} is missing`);
  }
  if (typeof v !== 'string') w.fail(`${key} must be text, not ${shown(v)}`);
  try {
    return checkText(key, v, limit, { allowEmpty: opts.allowEmpty, asIs: true });
  } catch (err) {
    if (err instanceof UsageError) w.fail(err.message);
    throw err;
  }
}

function day(w: Where, rec: Obj, key: string, optional = false): string | null {
  const v = rec[key];
  if (v === undefined || v === null) {
    if (optional) return null;
    w.fail(`${key} is missing`);
  }
  if (typeof v !== 'string' || !isIsoDay(v))
    w.fail(`${key} ${shown(v)} is not a date (YYYY-MM-DD, years ${FIRST_YEAR}–${LAST_YEAR})`);
  return v;
}

function oneOf<T extends string>(w: Where, rec: Obj, key: string, allowed: readonly T[], fallback?: T): T {
  const v = rec[key];
  if ((v === undefined || v === null) && fallback !== undefined) return fallback;
  if (v === undefined || v === null) w.fail(`${key} is missing`);
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    w.fail(`${key} ${shown(v)} is not one of ${allowed.join(', ')}`);
  return v as T;
}

function uuid(w: Where, rec: Obj, key: string): string {
  const v = rec[key];
  if (v === undefined || v === null) w.fail(`${key} is missing`);
  if (typeof v !== 'string' || !UUID_RE.test(v)) w.fail(`${key} ${shown(v)} is not a UUID`);
  return v.toLowerCase();
}

/** A name or tag as pm stores it (src/core/identity.ts: NFC, no invisible characters); empty is refused. */
function cleaned(w: Where, key: string, value: string): string {
  const name = cleanName(value);
  if (name === '') w.fail(`${key} is empty`);
  return name;
}

function cleanedEmail(value: string | null): string | null {
  if (value === null) return null;
  const email = cleanEmail(value);
  return email === '' ? null : email;
}

function textList(w: Where, rec: Obj, key: string, limit: number): string[] {
  const v = rec[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) w.fail(`${key} must be a list`);
  return v.map((item, i) => text(w, { [`${key}[${i}]`]: item }, `${key}[${i}]`, limit)!);
}

/**
 * An interview's pains: `{ "text", "severity" }` objects (version 2; severity defaults to medium),
 * or text alone (version 1, and accepted in version 2 too), which is a pain of medium severity.
 */
function painList(w: Where, rec: Obj): Pain[] {
  const v = rec.pains;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) w.fail('pains must be a list');
  return v.map((item, i): Pain => {
    const key = `pains[${i}]`;
    if (typeof item === 'string' || item === null || typeof item !== 'object' || Array.isArray(item))
      return { text: text(w, { [key]: item }, key, LIMITS.pain)!, severity: DEFAULT_SEVERITY };
    const pain = item as Obj;
    const pw = new Where(`${w.label}: ${key}`);
    return {
      text: text(pw, pain, 'text', LIMITS.pain)!,
      severity: oneOf(pw, pain, 'severity', SEVERITIES, DEFAULT_SEVERITY),
    };
  });
}

/** A list of UUIDs, each once, lower-cased. */
function uuidList(w: Where, rec: Obj, key: string): string[] {
  const v = rec[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) w.fail(`${key} must be a list`);
  return [...new Set(v.map((item, k) => uuid(w, { [`${key}[${k}]`]: item }, `${key}[${k}]`)))];
}

function wholeNumber(w: Where, rec: Obj, key: string, min: number): number | null {
  const v = rec[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
    w.fail(`${key} ${shown(v)} must be a whole number of at least ${min}`);
  return v;
}

function section(doc: Obj, key: string): Obj[] {
  const v = doc[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Where(key).error('must be a list');
  v.forEach((rec, i) => {
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec))
      throw new Where(`${key}[${i}]`).error('must be an object');
  });
  return v as Obj[];
}

function uniqueUuids(w: Where, seen: Set<string>, id: string): void {
  if (seen.has(id)) w.fail('the same uuid appears twice in the file');
  seen.add(id);
}

function versionText(w: Where, key: string, v: unknown): string {
  if (typeof v !== 'string' || !VERSION_RE.test(v))
    w.fail(`${key} ${shown(v)} is not a version (18 hex digits, a dot, a 16-digit device id)`);
  return v;
}

/** A record's rev and vv, when the file has them (the vector holds the rev; a rev alone is its own vector). */
function versioned(w: Where, rec: Obj, required = false): Versioned {
  if (rec.rev === undefined || rec.rev === null) {
    if (required) w.fail('rev is missing');
    return {};
  }
  const rev = versionText(w, 'rev', rec.rev);
  if (rev === ORIGIN_VERSION && !required) return {};
  const vv: VersionVector = {};
  if (rec.vv !== undefined && rec.vv !== null) {
    if (typeof rec.vv !== 'object' || Array.isArray(rec.vv)) w.fail('vv must be an object of device → version');
    for (const [device, v] of Object.entries(rec.vv as Obj)) {
      const version = versionText(w, `vv.${device}`, v);
      if (deviceOf(version) !== device) w.fail(`vv.${device} is a version of another device`);
      vv[device] = version;
    }
  }
  if (!(deviceOf(rev) in vv) || vv[deviceOf(rev)] < rev) vv[deviceOf(rev)] = rev;
  if (Object.values(vv).some((v) => v > rev)) w.fail('rev is older than a version in its vv');
  return { rev, vv: sortedVector(vv) };
}

/**
 * An account's or contact's version with its field stamps (`fieldVersions`, schema 35), when the file
 * has both: each a version its vector holds; fields pm does not know are left out. A file without
 * them (written by an earlier pm) has no `fieldVersions`, and its versions merge as they did then.
 */
function stamped(w: Where, rec: Obj, kind: keyof typeof STAMPED_FIELDS): Versioned & { fieldVersions?: FieldVersions } {
  const v = versioned(w, rec);
  if (!v.rev || rec.fieldVersions === undefined || rec.fieldVersions === null) return v;
  if (typeof rec.fieldVersions !== 'object' || Array.isArray(rec.fieldVersions))
    w.fail('fieldVersions must be an object of field → version');
  const given = rec.fieldVersions as Obj;
  const fieldVersions: FieldVersions = {};
  for (const field of STAMPED_FIELDS[kind]) {
    if (given[field] === undefined || given[field] === null) continue;
    const version = versionText(w, `fieldVersions.${field}`, given[field]);
    if (!knows(v.vv!, version)) w.fail(`fieldVersions.${field} is a version its vv does not hold`);
    fieldVersions[field] = version;
  }
  return { ...v, fieldVersions };
}

/**
 * Check a parsed document and return it typed and normalised (absent optional values as null or
 * [], UUIDs lower-cased). Unknown keys are ignored. A reference must point at a record in the file
 * or, through `exists`, one already in the journal.
 */
export function validateDocument(
  raw: unknown,
  exists: ExistsInJournal = () => false,
  opts: { dangling?: boolean; source?: string } = {},
): JournalDoc {
  // the file by the name it was given (stdin as what it is), as its being empty or not JSON is
  const whole = opts.source ?? 'the file';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Where(whole).error('is not a pm journal export (not a JSON object)');
  const doc = raw as Obj;
  if (doc.format === undefined)
    new Where(whole).fail(
      `has no "format" key: not a pm export (pm export --format json writes "format": "${FORMAT}")`,
    );
  if (doc.format !== FORMAT) new Where(whole).fail(`format is ${shown(doc.format)}, not "${FORMAT}"`);
  if (!READABLE_VERSIONS.includes(doc.version as number)) {
    if (typeof doc.version === 'number' && doc.version > FORMAT_VERSION)
      new Where(whole, 'nothing was imported; upgrade pm to a version that reads it, then run pm import again').fail(
        `format version ${doc.version} was written by a newer pm (this pm reads versions ` +
          `${READABLE_VERSIONS.join(' and ')})`,
      );
    new Where(whole).fail(`version is ${shown(doc.version)}, not one of ${READABLE_VERSIONS.join(', ')}`);
  }

  refuseRedacted(doc, whole);
  const config = validateConfig(doc.config);

  const accountIds = new Set<string>();
  const accounts = section(doc, 'accounts').map((rec, i): AccountDoc => {
    const w: Where = recordWhere('accounts', i, rec);
    const id = uuid(w, rec, 'uuid');
    uniqueUuids(w, accountIds, id);
    let cadenceDays: AccountDoc['cadenceDays'] = null;
    if (rec.cadenceDays === 'off') cadenceDays = 'off';
    else if (rec.cadenceDays !== undefined && rec.cadenceDays !== null) {
      if (typeof rec.cadenceDays !== 'number' || !Number.isSafeInteger(rec.cadenceDays) || rec.cadenceDays < 1)
        w.fail(`cadenceDays ${shown(rec.cadenceDays)} must be null, "off" or a whole number of days (at least 1)`);
      cadenceDays = rec.cadenceDays;
    }
    return {
      uuid: id,
      name: cleaned(w, 'name', text(w, rec, 'name', LIMITS.account)!),
      segment: text(w, rec, 'segment', LIMITS.segment, { optional: true }),
      cadenceDays,
      ...stamped(w, rec, 'account'),
    };
  });
  // `dangling` (what pm sync pulls): a reference to a record deleted elsewhere is left for the merge to leave out
  const refersTo = (w: Where, key: string, table: RefTable, inFile: Set<string>, id: string) => {
    if (!opts.dangling && !inFile.has(id) && !exists(table, id))
      w.fail(`${key} ${id} is neither in the file nor in the journal`);
  };

  const contactIds = new Set<string>();
  const contacts = section(doc, 'contacts').map((rec, i): ContactDoc => {
    const w: Where = recordWhere('contacts', i, rec);
    const id = uuid(w, rec, 'uuid');
    uniqueUuids(w, contactIds, id);
    const accountUuid = uuid(w, rec, 'accountUuid');
    refersTo(w, 'accountUuid', 'accounts', accountIds, accountUuid);
    const contact: ContactDoc = {
      uuid: id,
      name: cleaned(w, 'name', text(w, rec, 'name', LIMITS.name)!),
      email: cleanedEmail(text(w, rec, 'email', LIMITS.email, { optional: true })),
      accountUuid,
      role: oneOf(w, rec, 'role', ROLES, 'customer'),
      segment: text(w, rec, 'segment', LIMITS.segment, { optional: true }),
      persona: text(w, rec, 'persona', LIMITS.persona, { optional: true }),
    };
    if (rec.forgotten === true) contact.forgotten = true;
    return { ...contact, ...stamped(w, rec, 'contact') };
  });

  const interviewIds = new Set<string>();
  const interviews = section(doc, 'interviews').map((rec, i): InterviewDoc => {
    const w: Where = recordWhere('interviews', i, rec);
    const id = uuid(w, rec, 'uuid');
    uniqueUuids(w, interviewIds, id);
    const channel = oneOf(w, rec, 'channel', CHANNELS);
    const source = text(w, rec, 'source', LIMITS.account, { optional: true });
    if (source !== null && !isIndirect(channel))
      w.fail(`source ${shown(source)} on a ${channel}: only a signal (support, sales, review, survey) has a source`);
    const accountUuid = source !== null && (rec.accountUuid ?? null) === null ? null : uuid(w, rec, 'accountUuid');
    if (accountUuid !== null) refersTo(w, 'accountUuid', 'accounts', accountIds, accountUuid);
    const rawContacts = rec.contactUuids ?? [];
    if (!Array.isArray(rawContacts)) w.fail('contactUuids must be a list');
    const contactUuids = [
      ...new Set(rawContacts.map((c, k) => uuid(w, { [`contactUuids[${k}]`]: c }, `contactUuids[${k}]`))),
    ];
    for (const c of contactUuids) refersTo(w, 'contactUuids', 'contacts', contactIds, c);
    if (rec.followUpDone !== undefined && rec.followUpDone !== null && typeof rec.followUpDone !== 'boolean')
      w.fail(`followUpDone ${shown(rec.followUpDone)} must be true or false`);
    return {
      uuid: id,
      id: typeof rec.id === 'string' ? rec.id : null,
      date: day(w, rec, 'date')!,
      channel,
      contactUuids,
      accountUuid,
      source,
      by: text(w, rec, 'by', LIMITS.name, { optional: true }),
      minutes: wholeNumber(w, rec, 'minutes', 0),
      summary: text(w, rec, 'summary', LIMITS.summary)!,
      notes: text(w, rec, 'notes', LIMITS.notes, { optional: true, allowEmpty: true }),
      pains: painList(w, rec),
      quotes: textList(w, rec, 'quotes', LIMITS.quote),
      tags: textList(w, rec, 'tags', LIMITS.tag).map((t, k) => cleaned(w, `tags[${k}]`, t)),
      followUp: day(w, rec, 'followUp', true),
      followUpDone: rec.followUpDone === true,
      stage: text(w, rec, 'stage', LIMITS.stage, { optional: true }),
      ...versioned(w, rec),
    };
  });

  const opportunityIds = new Set<string>();
  const opportunityKeys = new Map<string, string>();
  const opportunities = section(doc, 'opportunities').map((rec, i): OpportunityDoc => {
    const w: Where = recordWhere('opportunities', i, rec);
    const id = uuid(w, rec, 'uuid');
    uniqueUuids(w, opportunityIds, id);
    const name = text(w, rec, 'name', LIMITS.pain)!;
    const aliases = textList(w, rec, 'aliases', LIMITS.pain);
    // a name stands for one opportunity: the same pains cannot count for two
    for (const n of [name, ...aliases]) {
      const key = painKey(n);
      const before = opportunityKeys.get(key);
      if (before !== undefined && before !== id)
        w.fail(`${shown(n)} is already a name of another opportunity in the file`);
      opportunityKeys.set(key, id);
    }
    return { uuid: id, name, aliases, ...versioned(w, rec) };
  });

  const hypothesisIds = new Set<string>();
  const hypotheses = section(doc, 'hypotheses').map((rec, i): HypothesisDoc => {
    const w: Where = recordWhere('hypotheses', i, rec);
    const id = uuid(w, rec, 'uuid');
    uniqueUuids(w, hypothesisIds, id);
    const createdOn = day(w, rec, 'createdOn')!;
    const revisions = section(rec, 'revisions').map((r, k): RevisionDoc => {
      const rw: Where = new Where(`${w.label}: revisions[${k}]`);
      const field = oneOf(rw, r, 'field', ['statement', 'criteria'] as const);
      const limit = field === 'statement' ? LIMITS.statement : LIMITS.criteria;
      return {
        date: day(rw, r, 'date')!,
        field,
        before: text(rw, r, 'before', limit, { optional: true, allowEmpty: true }),
        after: text(rw, r, 'after', limit, { optional: true, allowEmpty: true }),
      };
    });
    return {
      uuid: id,
      id: typeof rec.id === 'string' ? rec.id : null,
      statement: text(w, rec, 'statement', LIMITS.statement)!,
      kind: oneOf(w, rec, 'kind', KINDS, 'value'),
      criteria: text(w, rec, 'criteria', LIMITS.criteria, { optional: true }),
      createdOn,
      decideBy: decideBy(w, rec, createdOn, opts.dangling === true),
      tags: textList(w, rec, 'tags', LIMITS.tag).map((t, k) => cleaned(w, `tags[${k}]`, t)),
      revisions,
      bet: bet(w, rec, createdOn),
      by: text(w, rec, 'by', LIMITS.name, { optional: true }),
      opportunityUuids: uuidList(w, rec, 'opportunityUuids').map((o) => {
        refersTo(w, 'opportunityUuids', 'opportunities', opportunityIds, o);
        return o;
      }),
      ...versioned(w, rec),
    };
  });

  const evidence = section(doc, 'evidence').map((rec, i): EvidenceDoc => {
    const w: Where = new Where(`evidence[${i}]`);
    const interviewUuid = uuid(w, rec, 'interviewUuid');
    const hypothesisUuid = uuid(w, rec, 'hypothesisUuid');
    refersTo(w, 'interviewUuid', 'interviews', interviewIds, interviewUuid);
    refersTo(w, 'hypothesisUuid', 'hypotheses', hypothesisIds, hypothesisUuid);
    return {
      interviewUuid,
      hypothesisUuid,
      direction: oneOf(w, rec, 'direction', ['supports', 'refutes'] as const),
      strength: oneOf(w, rec, 'strength', STRENGTHS, 'medium'),
      basis: oneOf(w, rec, 'basis', BASES, 'said'),
      ...versioned(w, rec),
    };
  });

  const outcomeIds = new Set<string>();
  const outcomes = section(doc, 'outcomes').map((rec, i): OutcomeDoc => {
    const w: Where = recordWhere('outcomes', i, rec);
    const id = uuid(w, rec, 'uuid');
    uniqueUuids(w, outcomeIds, id);
    const hypothesisUuid = uuid(w, rec, 'hypothesisUuid');
    refersTo(w, 'hypothesisUuid', 'hypotheses', hypothesisIds, hypothesisUuid);
    return {
      uuid: id,
      hypothesisUuid,
      outcome: oneOf(w, rec, 'outcome', OUTCOMES),
      date: day(w, rec, 'date')!,
      reason: text(w, rec, 'reason', LIMITS.reason)!,
      by: text(w, rec, 'by', LIMITS.name, { optional: true }),
      ...versioned(w, rec),
    };
  });

  const privacyKeys = section(doc, 'privacyKeys').map((rec, i): PrivacyKeyDoc => {
    const w: Where = new Where(`privacyKeys[${i}]`);
    if (typeof rec.key !== 'string' || !/^[0-9a-f]{64}$/.test(rec.key)) w.fail('key must be 64 hex digits');
    const id = keyFingerprint(Buffer.from(rec.key as string, 'hex'));
    if (rec.id !== id) w.fail(`id ${shown(rec.id)} is not the key's fingerprint (${id})`);
    return { id, key: rec.key as string };
  });
  const keyIds = new Set(privacyKeys.map((k) => k.id));
  const forgottenIds = new Set<string>();
  const hash = (w: Where, rec: Obj, key: string): string | null => {
    const v = rec[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || !/^[0-9a-f]{64}$/.test(v)) w.fail(`${key} must be null or 64 hex digits`);
    return v as string;
  };
  const forgotten = section(doc, 'forgotten').map((rec, i): ForgottenEntry => {
    const w: Where = new Where(`forgotten[${i}]`);
    const id = uuid(w, rec, 'uuid');
    uniqueUuids(w, forgottenIds, id);
    const emailHash = hash(w, rec, 'emailHash');
    const nameHash = hash(w, rec, 'nameHash');
    let keyId: string | null = null;
    if (emailHash !== null || nameHash !== null) {
      if (typeof rec.keyId !== 'string' || !keyIds.has(rec.keyId))
        w.fail(`keyId ${shown(rec.keyId)} names no key of privacyKeys (hashes are made with one)`);
      keyId = rec.keyId as string;
    }
    return { uuid: id, keyId, emailHash, nameHash, erasedOn: day(w, rec, 'erasedOn', true) };
  });

  const settings = section(doc, 'settings').map((rec, i): SettingDoc => {
    const w: Where = new Where(`settings[${i}]`);
    const key = rec.key;
    if (typeof key !== 'string' || !isConfigKey(key) || key === 'user.name')
      w.fail(`key ${shown(key)} is not a shared setting`);
    const value = validateConfig({ [key]: rec.value })[key as keyof ExportedConfig];
    if (value === undefined) w.fail(`${key} has no value`);
    return { key: key as SettingDoc['key'], value: value as string | number, ...versioned(w, rec) };
  });

  const tombstoneKinds = RECORD_KINDS.filter((k) => k !== 'erasure');
  const deleted = section(doc, 'deleted').map((rec, i): TombstoneDoc => {
    const w: Where = new Where(`deleted[${i}]`);
    const kind = oneOf(w, rec, 'kind', tombstoneKinds);
    const key = text(w, rec, 'key', 80)!;
    const keyOk =
      kind === 'setting'
        ? isConfigKey(key) && key !== 'user.name'
        : kind === 'evidence'
          ? key.split('/').length === 2 && key.split('/').every((u) => UUID_RE.test(u))
          : UUID_RE.test(key);
    if (!keyOk) w.fail(`key ${shown(key)} is not a ${kind}'s key`);
    const { rev, vv } = versioned(w, rec, true);
    const t: TombstoneDoc = { kind, key: key.toLowerCase(), rev: rev!, vv: vv! };
    if (rec.mergedInto !== undefined && rec.mergedInto !== null) {
      if (kind !== 'account' && kind !== 'contact') w.fail('only accounts and contacts are merged into others');
      t.mergedInto = uuid(w, rec, 'mergedInto');
    }
    return t;
  });

  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    exportedAt: typeof doc.exportedAt === 'string' ? doc.exportedAt : '',
    config,
    accounts,
    contacts,
    interviews,
    hypotheses,
    evidence,
    outcomes,
    forgotten,
    privacyKeys,
    opportunities,
    settings,
    deleted,
  };
}

/**
 * A hypothesis's `decideBy`: its creation day or later, as pm hyp add and edit take it. Not for what pm
 * sync pulls (`pulled`): a pm before this check let an import write such a day, a teammate's journal
 * pushed it, and refusing it stopped every pull of the team (review wave 19 R3).
 */
function decideBy(w: Where, rec: Obj, createdOn: string, pulled: boolean): string {
  const d = day(w, rec, 'decideBy')!;
  if (d < createdOn && !pulled) w.fail(`decideBy ${d} is before the hypothesis was created (${createdOn})`);
  return d;
}

/** A hypothesis's `bet`: null (or absent), or { until, reason, since }, since on or after its creation. */
function bet(w: Where, rec: Obj, createdOn: string): BetDoc | null {
  const v = rec.bet;
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) w.fail(`bet must be null or an object, not ${shown(v)}`);
  const bw: Where = new Where(`${w.label}: bet`);
  const b = v as Obj;
  const since = day(bw, b, 'since')!;
  const until = day(bw, b, 'until')!;
  if (since < createdOn) bw.fail(`since ${since} is before the hypothesis was created (${createdOn})`);
  if (until < since) bw.fail(`until ${until} is before since ${since}`);
  return { until, reason: text(bw, b, 'reason', LIMITS.reason)!, since };
}

/** The file's settings: known keys must hold valid values; user.name and unknown keys are ignored. */
function validateConfig(raw: unknown): ExportedConfig {
  if (raw === undefined || raw === null) return {};
  const w: Where = new Where('config');
  if (typeof raw !== 'object' || Array.isArray(raw)) w.fail('must be an object');
  const out: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    if (key === 'user.name') continue;
    const v = (raw as Obj)[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' && typeof v !== 'number') w.fail(`${key} ${shown(v)} is not a valid value`);
    try {
      out[key] = parseConfigValue(key as ConfigKey, String(v));
    } catch (err) {
      if (err instanceof UsageError) w.fail(err.message);
      throw err;
    }
  }
  return out as ExportedConfig;
}
