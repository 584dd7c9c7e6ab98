// Merging an exchange document into the journal (contract: "pm import", as issues 16 and 19 changed
// it). The document must already be validated (src/core/import-validate.ts).
//
// First the erased (issue 16): the file's privacy keys and forgotten list join the journal's; this
// journal's people the file's list names (by UUID or email hash) are erased here; the file's people
// this journal's list names arrive as "Forgotten contact", and every text of the file is scrubbed of
// the erased before it is written. Then the records, tombstones and erasures are merged by version
// (src/db/merge.ts, the merge `pm sync` uses too): a teammate's edits and deletions apply where they
// are newer; a record without a version (a file from before change tracking) adds what the journal
// lacks and never overrides what it has, so importing a file twice changes nothing. Contacts and
// accounts a teammate created separately are matched as `pm log` matches them (same email, else same
// name in the same account; accounts by name). An import into an empty journal takes the file's
// settings and keeps its display ids.
//
// Speed (100k interviews in a few seconds): interviews written by one InterviewWriter (each
// statement prepared once), and the summary triggers suspended for a large merge, each summary
// rebuilt once at the end (src/db/summaries.ts).
import { refreshStatistics, type DB } from './journal.js';
import {
  changesOf,
  mergeChanges,
  SCRUBBED_KINDS,
  type MergeResult,
  type OwnLoss,
  type RemovedRecord,
  type SettingChange,
} from './merge.js';
import {
  ERASED_MARK,
  FORGOTTEN_NAME,
  forgetContact,
  livingNames,
  longestFirst,
  personNeedles,
  scrubBy,
  type ErasedPerson,
  type ForgetResult,
  type PersonNeedles,
} from './forget.js';
import { addPrivacyKeys, loadForgottenList, recordErasure, rememberEntry } from './erasure.js';
import { versionsBefore, type VersionsBefore } from './tracking.js';
import { sameAsErased } from '../core/erasure.js';
import { statementKey } from '../core/similarity.js';
import { DEFAULTS, type ConfigKey } from '../core/config.js';
import type { HypothesisDoc, InterviewDoc, JournalDoc, OutcomeDoc, SettingDoc } from '../core/import-validate.js';
import { LiveNames } from '../core/mentions.js';
import { nameKey } from '../core/identity.js';
import type { ExistsInJournal, RefTable } from '../core/import-validate.js';
import type { Lookalike } from './identity.js';

export interface Lookalikes {
  contacts: { uuid: string; name: string; like: Lookalike }[];
  accounts: { uuid: string; name: string; like: { uuid: string; name: string } }[];
  /** new contacts named as one already at their account, told apart by email (as pm log notes them) */
  namesakes: {
    uuid: string;
    name: string;
    email: string | null;
    account: string;
    like: { uuid: string; email: string | null };
  }[];
  /** the file's new accounts' names, when it brought few (a teammate's file): for pm log's near-name check */
  newAccounts: string[];
  /**
   * the file's new open hypotheses that state an open one already here (the same content words:
   * src/core/similarity.ts), each with the one it repeats (wave 10, E7)
   */
  hypotheses: {
    uuid: string;
    id: string;
    statement: string;
    status: string;
    like: { uuid: string; id: string; status: string };
  }[];
}

interface Counted {
  added: number;
  updated: number;
  deleted: number;
  leftOut: number;
}

export interface ImportCounts {
  /**
   * matched: the journal's own, found under another UUID or the same (existing: the same UUID,
   * unchanged); joined: two of the file's, now one
   */
  accounts: Counted & { matched: number; existing: number; joined: number };
  /**
   * forgotten: the file's people already erased here (left out, or kept as "Forgotten contact");
   * erased: the file's people erased on arrival (their UUID or email is on the forgotten list);
   * erasedHere: this journal's people the file's forgotten list erased
   */
  contacts: Counted & {
    matched: number;
    existing: number;
    joined: number;
    forgotten: number;
    erased: number;
    erasedHere: number;
  };
  /** what was scrubbed of erased people from the file's text before it was written */
  scrubbed: { interviews: number; quotes: number; mentions: number };
  /**
   * what erasing this journal's own people (erasedHere) scrubbed of its own text, as pm forget does:
   * their interviews, the quotes left out, the mentions removed (wave 9)
   */
  scrubbedHere: { interviews: number; quotes: number; mentions: number };
  /** erasures the file brought that this journal did not know */
  forgottenAdded: number;
  /** the file's people with the name of an erased person, but no email or UUID to say it is them */
  nameMatches: { name: string; account: string }[];
  /** an erased person's interview was rewritten here: the file is rewritten after the commit */
  rewrite: boolean;
  /**
   * the file's new contacts and accounts whose names look like one already written (UTS #39, as
   * pm log warns): `like` is that one; a pair the file brings both of is named once
   */
  lookalikes: Lookalikes;
  interviews: Counted & { existing: number };
  hypotheses: Counted & { existing: number };
  evidence: Counted & { existing: number };
  outcomes: Counted & { existing: number };
  settings: Counted & { existing: number };
  /** the opportunities the user named (issue 17): new here, or the journal's already */
  opportunities: Counted & { matched: number };
  /** the journal was empty and took the file's settings */
  config: boolean;
  /** settings whose value the file changed here (E9) */
  settingsChanged: SettingChange[];
  /** concurrent changes whose losing version is kept (pm sync conflicts) */
  conflicts: number;
  /** those of them whose losing version is this journal's own: the import names them (wave 18 H1) */
  ownLost: OwnLoss[];
  /** interviews and hypotheses deleted here that the file holds, kept deleted: their ids when deleted (H4) */
  keptDeleted: string[];
  /** those brought back (ImportOptions.undelete), by their ids again */
  undeleted: string[];
  /** interviews and hypotheses of this journal the file deleted, as they were (H20) */
  removed: RemovedRecord[];
}

export interface ImportOptions {
  /** called every `progressEvery` interviews with (done, total) */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** interviews.created_at for new interviews (default: now) */
  now?: string;
  /** the day erasures and conflicts are dated (default: today in UTC) */
  today?: string;
  /** collects the people the import erased, as they were known (for the caller's draft check) */
  erased?: ErasedPerson[];
  /** false: written row by row with every trigger live (src/db/merge.ts, MergeOptions.bulk) */
  bulk?: boolean;
  /** interviews and hypotheses deleted here (`kind uuid`) to bring back from the file (MergeOptions.undelete) */
  undelete?: ReadonlySet<string>;
}

/** Text folded the way SQLite's NOCASE compares (ASCII letters only), as the schema's unique keys do. */
export function nocase(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * For the validator: does the journal hold a record with this UUID (or know it: a record deleted
 * or merged away, a person erased)?
 */
export function journalLookup(db: DB): ExistsInJournal {
  const kind: Record<RefTable, string> = {
    accounts: 'account',
    contacts: 'contact',
    interviews: 'interview',
    hypotheses: 'hypothesis',
    opportunities: 'opportunity',
  };
  const stmts: Record<RefTable, { get(...params: unknown[]): unknown }> = {
    accounts: db.prepare('SELECT 1 FROM accounts WHERE uuid = ?'),
    contacts: db.prepare('SELECT 1 FROM contacts WHERE uuid = ? UNION ALL SELECT 1 FROM forgotten WHERE uuid = ?'),
    interviews: db.prepare('SELECT 1 FROM interviews WHERE uuid = ?'),
    hypotheses: db.prepare('SELECT 1 FROM hypotheses WHERE uuid = ?'),
    opportunities: db.prepare('SELECT 1 FROM opportunities WHERE uuid = ?'),
  };
  const known = db.prepare('SELECT 1 FROM record_versions WHERE kind = ? AND key = ?');
  return (table, uuid) =>
    (table === 'contacts' ? stmts.contacts.get(uuid, uuid) : stmts[table].get(uuid)) !== undefined ||
    known.get(kind[table], uuid) !== undefined;
}

function isEmptyJournal(db: DB): boolean {
  return (
    db
      .prepare(`SELECT NOT EXISTS (SELECT 1 FROM accounts) AND NOT EXISTS (SELECT 1 FROM contacts)
    AND NOT EXISTS (SELECT 1 FROM interviews) AND NOT EXISTS (SELECT 1 FROM hypotheses)
    AND NOT EXISTS (SELECT 1 FROM outcomes)`)
      .pluck()
      .get() === 1
  );
}

/**
 * Merge `doc` into the journal. Runs in the caller's transaction when there is one (the CLI's
 * ctx.transaction), else in its own BEGIN IMMEDIATE. Returns what was added, changed and matched.
 */
export function importJournal(db: DB, doc: JournalDoc, opts: ImportOptions = {}): ImportCounts {
  const run = () => {
    const empty = isEmptyJournal(db);
    const today = opts.today ?? new Date().toISOString().slice(0, 10);
    const counts = emptyCounts();
    const erased = opts.erased ?? [];
    const pending = new Map<string, Scrubbed>();
    const scrubbedFrom: VersionsBefore = new Map();
    const clean = eraseOnArrival(db, doc, today, counts, erased, pending, scrubbedFrom);
    const newNames = namesNotHere(db, clean);
    // a file from before change tracking carries its settings only as `config`: an empty journal
    // takes them (those that differ from the defaults), as versions older than any other
    const fromConfig =
      empty && doc.settings.length === 0
        ? Object.entries(doc.config)
            .filter(([key, value]) => DEFAULTS[key as ConfigKey] !== value)
            .map(([key, value]) => ({ key: key as SettingDoc['key'], value: value as string | number }))
        : [];
    const merged = mergeChanges(db, changesOf({ ...clean, settings: [...clean.settings, ...fromConfig] }), {
      today,
      now: opts.now,
      keepIds: empty,
      fromFile: true,
      onProgress: opts.onProgress,
      progressEvery: opts.progressEvery,
      erased,
      bulk: opts.bulk,
      undelete: opts.undelete,
      // (none when no erasure scrubbed here: the merge then looks up nothing per record)
      scrubbedFrom: scrubbedFrom.size > 0 ? scrubbedFrom : undefined,
    });
    addWrittenScrubs(db, counts.scrubbed, pending);
    counts.lookalikes = lookalikes(db, newNames);
    // the journal's size may have changed at once: the planner's statistics again
    refreshStatistics(db);
    return addMerged(db, counts, merged, fromConfig.length > 0);
  };
  return db.inTransaction ? run() : db.transaction(run).immediate();
}

/** The file's accounts and contacts this journal has no record of (by UUID), before the merge. */
function namesNotHere(db: DB, doc: JournalDoc): Fresh {
  const has = (table: string) => db.prepare(`SELECT 1 FROM ${table} WHERE uuid = ?`).pluck();
  const account = has('accounts');
  const contact = has('contacts');
  const hypothesis = has('hypotheses');
  return {
    accounts: doc.accounts.filter((a) => account.get(a.uuid) === undefined).map((a) => a.uuid),
    contacts: doc.contacts.filter((c) => !c.forgotten && contact.get(c.uuid) === undefined).map((c) => c.uuid),
    hypotheses: doc.hypotheses.filter((h) => hypothesis.get(h.uuid) === undefined).map((h) => h.uuid),
  };
}

type Fresh = { accounts: string[]; contacts: string[]; hypotheses: string[] };

/**
 * The file's new hypotheses stating one this journal had (the same content words): two PMs wrote the
 * same belief, and its evidence is split between the two (wave 10, E7). Whatever either's status: a
 * teammate's open copy of a belief validated here split its evidence as much (fresh-eyes wave 15 H17).
 * A pair the file brings both of is the teammate's own business, as for namesakes.
 */
export function repeatedHypotheses(db: DB, fresh: string[]): Lookalikes['hypotheses'] {
  if (fresh.length === 0) return [];
  const isNew = new Set(fresh);
  type Row = { uuid: string; id: string; statement: string; status: string };
  const all = db.prepare("SELECT uuid, 'H' || id AS id, statement, status FROM hypotheses ORDER BY id").all() as Row[];
  const here = new Map<string, Row>();
  for (const h of all) {
    const key = statementKey(h.statement);
    if (key !== '' && !isNew.has(h.uuid) && !here.has(key)) here.set(key, h);
  }
  const out: Lookalikes['hypotheses'] = [];
  for (const h of all) {
    const like = isNew.has(h.uuid) ? here.get(statementKey(h.statement)) : undefined;
    if (like)
      out.push({
        uuid: h.uuid,
        id: h.id,
        statement: h.statement,
        status: h.status,
        like: { uuid: like.uuid, id: like.id, status: like.status },
      });
  }
  return out;
}

/**
 * The file's new accounts and contacts (those the merge added) whose names look like one written
 * before them (UTS #39 look keys, as pm log warns): a pair the file brings both of is named once.
 */
const NEAR_ACCOUNTS_UP_TO = 200;

function lookalikes(db: DB, fresh: Fresh): Lookalikes {
  const out: Lookalikes = {
    contacts: [],
    accounts: [],
    namesakes: [],
    hypotheses: repeatedHypotheses(db, fresh.hypotheses),
    newAccounts: [],
  };
  const account = db.prepare('SELECT id, name, name_key, look_key FROM accounts WHERE uuid = ?');
  const accountLike = db.prepare(
    'SELECT uuid, name FROM accounts WHERE look_key = ? AND name_key <> ? AND id < ? ORDER BY id LIMIT 5',
  );
  type Own = { id: number; name: string; name_key: string; look_key: string };
  for (const uuid of fresh.accounts) {
    const a = account.get(uuid) as Own | undefined;
    if (!a) continue;
    for (const like of accountLike.all(a.look_key, a.name_key, a.id) as { uuid: string; name: string }[])
      out.accounts.push({ uuid, name: a.name, like });
    // each is compared with every account of its first letter: a teammate's file, not a whole journal's
    if (fresh.accounts.length <= NEAR_ACCOUNTS_UP_TO) out.newAccounts.push(a.name);
  }
  const contact = db.prepare('SELECT id, name, name_key, look_key FROM contacts WHERE uuid = ? AND forgotten = 0');
  const contactLike = db.prepare(
    `SELECT c.uuid, c.name, a.name AS account FROM contacts c JOIN accounts a ON a.id = c.account_id
    WHERE c.look_key = ? AND c.name_key <> ? AND c.forgotten = 0 AND c.id < ? ORDER BY c.id LIMIT 5`,
  );
  const namesake = db.prepare(
    `SELECT n.uuid, n.email, c.email AS own, a.name AS account FROM contacts c JOIN accounts a ON a.id = c.account_id
      JOIN contacts n ON n.account_id = c.account_id AND n.name_key = c.name_key AND n.id < c.id AND n.forgotten = 0
    WHERE c.id = ? ORDER BY n.id`,
  );
  // a pair the file brings both of is the teammate's own, already told apart there: not noted (review R3)
  const isNew = new Set(fresh.contacts);
  type Namesake = { uuid: string; email: string | null; own: string | null; account: string };
  for (const uuid of fresh.contacts) {
    const c = contact.get(uuid) as Own | undefined;
    if (!c) continue;
    for (const like of contactLike.all(c.look_key, c.name_key, c.id) as Lookalike[])
      out.contacts.push({ uuid, name: c.name, like });
    const same = (namesake.all(c.id) as Namesake[]).find((n) => !isNew.has(n.uuid));
    if (same)
      out.namesakes.push({
        uuid,
        name: c.name,
        email: same.own,
        account: same.account,
        like: { uuid: same.uuid, email: same.email },
      });
  }
  return out;
}

function emptyCounts(): ImportCounts {
  const c = (): Counted => ({ added: 0, updated: 0, deleted: 0, leftOut: 0 });
  return {
    accounts: { ...c(), matched: 0, existing: 0, joined: 0 },
    contacts: { ...c(), matched: 0, existing: 0, joined: 0, forgotten: 0, erased: 0, erasedHere: 0 },
    scrubbed: { interviews: 0, quotes: 0, mentions: 0 },
    scrubbedHere: { interviews: 0, quotes: 0, mentions: 0 },
    forgottenAdded: 0,
    nameMatches: [],
    lookalikes: { contacts: [], accounts: [], namesakes: [], hypotheses: [], newAccounts: [] },
    interviews: { ...c(), existing: 0 },
    hypotheses: { ...c(), existing: 0 },
    evidence: { ...c(), existing: 0 },
    outcomes: { ...c(), existing: 0 },
    settings: { ...c(), existing: 0 },
    opportunities: { ...c(), matched: 0 },
    config: false,
    settingsChanged: [],
    conflicts: 0,
    ownLost: [],
    rewrite: false,
    keptDeleted: [],
    undeleted: [],
    removed: [],
  };
}

/**
 * The display ids of interviews and hypotheses (`kind uuid`): those it has, or had when deleted here
 * (deleted_ids); a deletion received from a teammate, by its UUID.
 */
function displayIds(db: DB, records: string[]): string[] {
  const live = { interview: 'interviews', hypothesis: 'hypotheses' } as const;
  return records.map((r) => {
    const [kind, uuid] = r.split(' ') as ['interview' | 'hypothesis', string];
    const id =
      db.prepare(`SELECT id FROM ${live[kind]} WHERE uuid = ?`).pluck().get(uuid) ??
      db.prepare('SELECT id FROM deleted_ids WHERE kind = ? AND uuid = ?').pluck().get(kind, uuid);
    return id === undefined ? uuid : `${kind === 'interview' ? 'I' : 'H'}${id}`;
  });
}

function addMerged(db: DB, counts: ImportCounts, m: MergeResult, config: boolean): ImportCounts {
  const base = (k: keyof MergeResult['kinds']): Counted => ({
    added: m.kinds[k].added,
    updated: m.kinds[k].updated,
    deleted: m.kinds[k].deleted,
    leftOut: m.kinds[k].leftOut,
  });
  const existing = (k: keyof MergeResult['kinds']) => m.kinds[k].unchanged;
  return {
    ...counts,
    accounts: {
      ...base('account'),
      matched: m.kinds.account.matched + existing('account'),
      existing: existing('account'),
      joined: m.kinds.account.joined,
    },
    contacts: {
      ...counts.contacts,
      ...base('contact'),
      matched: m.kinds.contact.matched + existing('contact'),
      existing: existing('contact'),
      joined: m.kinds.contact.joined,
      forgotten: counts.contacts.forgotten + m.forgottenLeftOut,
      // erasures the file carried as changes (issue 19), of people this journal had
      erasedHere: counts.contacts.erasedHere + m.erased,
    },
    interviews: { ...base('interview'), existing: existing('interview') },
    hypotheses: { ...base('hypothesis'), existing: existing('hypothesis') },
    evidence: { ...base('evidence'), existing: existing('evidence') },
    outcomes: { ...base('outcome'), existing: existing('outcome') },
    settings: { ...base('setting'), existing: existing('setting') },
    opportunities: { ...base('opportunity'), matched: m.kinds.opportunity.matched + existing('opportunity') },
    scrubbedHere: {
      interviews: counts.scrubbedHere.interviews + m.scrubbedHere.interviews,
      quotes: counts.scrubbedHere.quotes + m.scrubbedHere.quotes,
      mentions: counts.scrubbedHere.mentions + m.scrubbedHere.mentions,
    },
    config,
    settingsChanged: m.settingsChanged,
    conflicts: m.conflicts,
    ownLost: m.ownLost,
    rewrite: m.rewrite,
    keptDeleted: displayIds(db, m.keptDeleted),
    undeleted: displayIds(db, m.undeleted),
    removed: m.removed,
  };
}

/**
 * The erased (issue 16), before anything of the file is written: the file's keys and forgotten list
 * join the journal's; this journal's people the file's list names are erased here; the file's
 * people the list names become "Forgotten contact", and every text of the file is scrubbed of them.
 * Returns the document to merge.
 */
function eraseOnArrival(
  db: DB,
  doc: JournalDoc,
  today: string,
  counts: ImportCounts,
  erased: ErasedPerson[],
  pending: Map<string, Scrubbed>,
  scrubbedFrom: VersionsBefore,
): JournalDoc {
  if (doc.privacyKeys?.length)
    addPrivacyKeys(
      db,
      doc.privacyKeys.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'hex') })),
    );
  /** the erasures this file brought */
  const added = new Set<string>();
  for (const e of doc.forgotten ?? [])
    if (rememberEntry(db, e)) {
      counts.forgottenAdded++;
      added.add(e.uuid);
    }
  const list = loadForgottenList(db);
  const accountByUuid = db.prepare('SELECT name FROM accounts WHERE uuid = ?').pluck();
  const accountName = (uuid: string): string =>
    doc.accounts.find((a) => a.uuid === uuid)?.name ?? (accountByUuid.get(uuid) as string | undefined) ?? '';
  // the account an erased person was at: their "Forgotten contact" here, or in the file
  const placeholderAccount = db
    .prepare('SELECT a.name FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.uuid = ?')
    .pluck();
  const erasedAccount = (uuid: string): string | undefined => {
    const here = placeholderAccount.get(uuid) as string | undefined;
    if (here !== undefined) return here;
    const placeholder = doc.contacts.find((x) => x.uuid === uuid);
    return placeholder ? accountName(placeholder.accountUuid) : undefined;
  };
  /** erased people's needles, by the file's contact UUID, for scrubbing the file's text */
  const scrubbers = new Map<string, { needles: PersonNeedles; name: string }>();
  /** every erased person's needles, and their name's key (a living namesake's conversation keeps it) */
  const everywhere: { needles: PersonNeedles; key: string; name: string }[] = [];
  // the living: here, and the file's people who are not erased (read at the first mention found)
  let arriving: JournalDoc['contacts'] = [];
  // (and the file's teammates, who held its conversations and made its decisions)
  const live = new LiveNames(() => [
    ...livingNames(db),
    ...arriving.filter((c) => !c.forgotten).map((c) => c.name),
    ...[...doc.interviews, ...doc.outcomes, ...doc.hypotheses].flatMap((r) => (r.by ? [r.by] : [])),
  ]);
  const erasedOne = (name: string, email: string | null, account: string | null) => {
    const needles = personNeedles(name, email, account, live);
    everywhere.push({ needles, key: nameKey(name), name });
    return needles;
  };
  // this journal's people the file's list names (by UUID or email) are erased here too; so is one
  // with the name of a person it erased at the same account, no email telling them apart: by the
  // rule that unites copies made apart, the same person (fresh-eyes E11)
  // A contact here that a person on the list was merged into (merged_names, schema 42) is that
  // person: a merge says the two are one (review R2: with an email of its own, the kept contact
  // matched neither the erased UUID nor the erased email, and kept their name in its interviews).
  const mergedInto = db.prepare('SELECT uuid, name, email FROM merged_names WHERE into_uuid = ?');
  const viaMerge = (uuid: string) =>
    (mergedInto.all(uuid) as { uuid: string; name: string; email: string | null }[])
      .map((alias) => list.match(alias))
      .find((m) => m !== null && m.by !== 'name');
  // erased here as pm forget does; the versions the scrub replaces are noted, for the merge to judge the
  // file's against: the file's deletion of a call, or its edit, is not older than a scrub of that call
  const forgetHere = (id: number) =>
    versionsBefore(db, [...SCRUBBED_KINDS], scrubbedFrom, () => forgetContact(db, id, erased));
  if (counts.forgottenAdded > 0)
    for (const c of db
      .prepare(`SELECT c.id, c.uuid, c.name, c.email, a.name AS account FROM contacts c
        JOIN accounts a ON a.id = c.account_id WHERE c.forgotten = 0`)
      .all() as { id: number; uuid: string; name: string; email: string | null; account: string }[]) {
      const m = list.match(c) ?? viaMerge(c.uuid) ?? null;
      if (!m) continue;
      if (m.by === 'name' && !(added.has(m.entry.uuid) && sameAsErased(m, c, erasedAccount(m.entry.uuid)))) continue;
      countScrubbedHere(counts, forgetHere(c.id));
      recordErasure(db, c, today, 2);
      erasedOne(c.name, c.email, c.account);
      counts.contacts.erasedHere++;
    }

  const contactRow = db.prepare('SELECT id, forgotten FROM contacts WHERE uuid = ?');
  // a person here of that name at that account: the file's namesake unites with them, as before
  const liveNamesake = db.prepare(`SELECT 1 FROM contacts c JOIN accounts a ON a.id = c.account_id
    WHERE c.forgotten = 0 AND c.name = ? COLLATE NOCASE AND a.name = ? COLLATE NOCASE`);
  const contacts = doc.contacts.map((c) => {
    const match = c.forgotten ? null : list.match(c);
    const account = accountName(c.accountUuid);
    // the name of an erased person at their account, no email telling them apart: them (E11)
    const same =
      match?.by === 'name' &&
      sameAsErased(match, { email: c.email, account }, erasedAccount(match.entry.uuid)) &&
      liveNamesake.get(c.name, account) === undefined;
    // (a person already here was warned about when they came: a journal's own export warns of no one)
    if (match?.by === 'name' && !same && contactRow.get(c.uuid) === undefined)
      counts.nameMatches.push({ name: c.name, account });
    if (!match || (match.by === 'name' && !same)) return c;
    // an erased person: nothing of them is written; their interviews are scrubbed as pm forget would
    scrubbers.set(c.uuid, { needles: erasedOne(c.name, c.email, account), name: c.name });
    const here = contactRow.get(c.uuid) as { id: number; forgotten: number } | undefined;
    if (here && !here.forgotten) {
      countScrubbedHere(counts, forgetHere(here.id));
      recordErasure(db, c, today, 2);
      counts.contacts.erasedHere++;
    } else if (!here && match.by !== 'uuid') {
      recordErasure(db, c, today, 0);
      counts.contacts.erased++;
    } else counts.contacts.forgotten++;
    // kept as "Forgotten contact" with their role, so that their interviews stay customer contact
    return { ...c, name: FORGOTTEN_NAME, email: null, segment: null, persona: null, forgotten: true as const };
  });
  if (everywhere.length === 0) return { ...doc, contacts };
  arriving = contacts;
  everywhere.splice(0, everywhere.length, ...longestFirst(everywhere));

  /** where the scrubs are counted: an interview's own tally while it is scrubbed (below), else the import's */
  let sink: Scrubbed = counts.scrubbed;
  /** `namesakes`: the name keys of a conversation's living people, whose name it keeps (as pm forget) */
  const scrubEverywhere = (text: string, namesakes?: Set<string>): string => {
    let out = text;
    for (const n of everywhere) {
      const r = (namesakes?.has(n.key) ? n.needles.email : n.needles.everywhere).replace(out);
      out = r.text;
      sink.mentions += r.count;
    }
    return out;
  };
  // an interview new here is counted once it is written (pending, by UUID: addWrittenScrubs), not one
  // the merge keeps deleted (review wave 15 R6: pm import --undelete I1 counted the kept-deleted I2's
  // scrubs); one the journal has is its own business, scrubbed by its own pm forget
  const scrubbedInterview = (i: InterviewDoc): InterviewDoc => {
    const tally: Scrubbed = { interviews: 0, quotes: 0, mentions: 0 };
    if (known.get(i.uuid) === undefined) pending.set(i.uuid, tally);
    sink = tally;
    const out = scrubInterviewDoc(i, scrubbers, scrubEverywhere, namesakesOf(i), tally);
    sink = counts.scrubbed;
    return out;
  };
  const livingHere = db.prepare('SELECT name FROM contacts WHERE uuid = ? AND forgotten = 0').pluck();
  const livingArriving = new Map(contacts.filter((c) => !c.forgotten).map((c) => [c.uuid, c.name]));
  const namesakesOf = (i: InterviewDoc): Set<string> =>
    new Set(
      i.contactUuids.flatMap((u) => {
        const name = livingArriving.get(u) ?? (livingHere.get(u) as string | undefined);
        return name === undefined ? [] : [nameKey(name)];
      }),
    );
  const orNull = (t: string | null) => (t === null ? null : scrubEverywhere(t));
  const known = db.prepare('SELECT 1 FROM interviews WHERE uuid = ?');
  return {
    ...doc,
    contacts,
    interviews: doc.interviews.map(scrubbedInterview),
    hypotheses: doc.hypotheses.map(
      (h): HypothesisDoc => ({
        ...h,
        statement: scrubEverywhere(h.statement),
        criteria: orNull(h.criteria),
        tags: h.tags.map((t) => scrubEverywhere(t)),
        revisions: h.revisions.map((r) => ({ ...r, before: orNull(r.before), after: orNull(r.after) })),
        bet: h.bet === null ? null : { ...h.bet, reason: scrubEverywhere(h.bet.reason) },
        // who added it, as who held a conversation
        by: h.by == null ? h.by : scrubBy(h.by, (t) => scrubEverywhere(t)),
      }),
    ),
    outcomes: doc.outcomes.map((o): OutcomeDoc => ({ ...o, reason: scrubEverywhere(o.reason) })),
    // an opportunity is named as pains are written: an erased person's name goes from it as from them
    opportunities: doc.opportunities.map((o) => ({
      ...o,
      name: scrubEverywhere(o.name),
      aliases: o.aliases.map((a) => scrubEverywhere(a)),
    })),
  };
}

type Scrubbed = ImportCounts['scrubbed'];

/** The scrubs of the interviews new here that the merge wrote (added, or brought back by --undelete). */
function addWrittenScrubs(db: DB, into: Scrubbed, pending: Map<string, Scrubbed>): void {
  const written = db.prepare('SELECT 1 FROM interviews WHERE uuid = ?');
  for (const [uuid, t] of pending) {
    if (t.interviews + t.quotes + t.mentions === 0 || written.get(uuid) === undefined) continue;
    into.interviews += t.interviews;
    into.quotes += t.quotes;
    into.mentions += t.mentions;
  }
}

function countScrubbedHere(counts: ImportCounts, r: ForgetResult): void {
  counts.scrubbedHere.interviews += r.interviews;
  counts.scrubbedHere.quotes += r.quotes;
  counts.scrubbedHere.mentions += r.mentions;
}

/**
 * An interview of the file with the erased people's mentions scrubbed as pm forget does: in an
 * interview they attended, their quotes go and every word of their name; in any, their full name
 * and email.
 */
function scrubInterviewDoc(
  i: InterviewDoc,
  scrubbers: Map<string, { needles: PersonNeedles; name: string }>,
  everywhere: (text: string, namesakes?: Set<string>) => string,
  namesakes: Set<string>,
  tally: Scrubbed,
): InterviewDoc {
  const theirs = longestFirst(i.contactUuids.filter((u) => scrubbers.has(u)).map((u) => scrubbers.get(u)!)).map(
    (n) => n.needles,
  );
  const before = tally.mentions;
  const scrub = (text: string) => {
    let out = text;
    for (const n of theirs) {
      const r = n.theirs.replace(out);
      out = r.text;
      tally.mentions += r.count;
    }
    return everywhere(out, namesakes);
  };
  const scrubTag = (tag: string) => {
    let out = tag;
    for (const n of theirs) {
      const r = n.theirs.replace(out, { tag: true });
      out = r.text;
      tally.mentions += r.count;
    }
    return everywhere(out, namesakes);
  };
  const quotes = theirs.length ? [] : i.quotes.map(scrub);
  tally.quotes += i.quotes.length - quotes.length;
  const out: InterviewDoc = {
    ...i,
    summary: scrub(i.summary),
    notes: i.notes === null ? null : scrub(i.notes),
    // who held it and its source: the full name and email only, as pm forget does
    by: i.by === null ? null : scrubBy(i.by, (t) => everywhere(t)),
    source: i.source === null ? null : everywhere(i.source),
    pains: i.pains.map((p) => ({ ...p, text: scrub(p.text) })),
    quotes,
    tags: i.tags.map(scrubTag).filter((t) => /[\p{L}\p{N}]/u.test(t.split(ERASED_MARK).join(''))),
  };
  if (theirs.length || tally.mentions > before) tally.interviews++;
  return out;
}
