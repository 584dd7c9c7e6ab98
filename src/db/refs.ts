// References that mean the same in every journal (issue 19): `I-7f3a9c`, `H-0b12cd`, the kind's
// letter and the start of the random end of the record's UUID (src/core/versions.ts shortRef).
// Accepted wherever a display id is: each command turns one into the journal's own id (I12, H3)
// before it reads its arguments as it always did.
import type { DB } from './journal.js';
import { UsageError } from '../errors.js';
import { randomPart } from '../core/versions.js';

const REF = /^\s*([iIhH])-([0-9a-fA-F]{4,12})\s*$/;

/** Whether `ref` is a short reference (I-7f3a9c, H-0b12cd). */
export function isShortRef(ref: string): boolean {
  return REF.test(ref);
}

/**
 * A short reference as the journal's display id (`H-0b12cd` → `H3`); anything else as given. An
 * unknown reference is a usage error, and so is one that more than one record starts with (say
 * more of it).
 */
export function localId(db: DB, ref: string): string {
  const m = REF.exec(ref);
  if (!m) return ref;
  const letter = m[1].toUpperCase();
  const table = letter === 'I' ? 'interviews' : 'hypotheses';
  // the last group of the UUID's text (from its 25th character) is its random end; its first six
  // digits, between the reference's shortest and longest filling, are interviews_by_ref's (schema 70)
  const given = m[2].toLowerCase();
  const six = given.slice(0, 6);
  const ids = db
    .prepare(
      `SELECT id FROM ${table} WHERE substr(uuid, 25, 6) BETWEEN ? AND ? AND substr(uuid, 25) LIKE ?
        ORDER BY id LIMIT 5`,
    )
    .pluck()
    .all(six.padEnd(6, '0'), six.padEnd(6, 'f'), `${given}%`) as number[];
  const what = letter === 'I' ? 'interview' : 'hypothesis';
  if (ids.length === 0)
    throw new UsageError(
      `unknown ${what} ${letter}-${m[2].toLowerCase()}`,
      // on a journal that syncs, a reference it does not hold is most often a teammate's record not
      // pulled yet (it came in their message): say how to get it (fresh-eyes wave 16 H9)
      syncs(db)
        ? `not here yet: a teammate's? run pm sync, then the same command`
        : letter === 'I'
          ? 'try: pm ls'
          : 'try: pm hyp list --status all',
    );
  if (ids.length > 1)
    throw new UsageError(
      `${letter}-${m[2].toLowerCase()} is more than one ${what} (${ids.map((id) => `${letter}${id}`).join(', ')})`,
      'give more of its reference, or its display id',
    );
  return `${letter}${ids[0]}`;
}

/**
 * A number alone (`14`) where an interview or a hypothesis may be meant (pm show, pm delete): it is read
 * as the interview, as it always was, and this says whether the journal has the hypothesis of that number
 * too ({ interview, hypothesis }), for the command to say which it took or ask for the letter (fresh-eyes
 * wave 14 H19); not a bare number: undefined.
 */
export function bareNumber(db: DB, ref: string): { n: number; interview: boolean; hypothesis: boolean } | undefined {
  const m = /^\s*(\d{1,15})\s*$/.exec(ref);
  if (!m) return undefined;
  const n = Number(m[1]);
  const has = (table: string) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck().get(n) !== undefined;
  return { n, interview: has('interviews'), hypothesis: has('hypotheses') };
}

/**
 * The references a page names hypotheses by (src/core/page-refs.ts): on a journal that syncs, or on
 * a team page (`team`), every hypothesis's, given as long as it takes to tell it from the others here
 * (6 digits, more where two start alike); on a solo journal's page none, reading nothing but the
 * one-row sync_remote.
 */
export function pageRefs(db: DB, team = false): Map<string, string> | undefined {
  if (!team && !syncs(db)) return undefined;
  return everyRef(db, 'H');
}

/** Every hypothesis's (`H`) or interview's (`I`) reference, by display id, each told from the others. */
export function everyRef(db: DB, letter: 'H' | 'I'): Map<string, string> {
  const table = letter === 'H' ? 'hypotheses' : 'interviews';
  const rows = (db.prepare(`SELECT id, uuid FROM ${table}`).raw().all() as [number, string][])
    .map(([id, uuid]) => [id, randomPart(uuid)] as const)
    .sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  const refs = new Map<string, string>();
  rows.forEach(([id, end], i) => {
    // in sorted order, the neighbours are the ones that start most like it
    let length = 6;
    for (const other of [rows[i - 1]?.[1], rows[i + 1]?.[1]])
      while (other !== undefined && length < 12 && other.startsWith(end.slice(0, length))) length++;
    refs.set(`${letter}${id}`, `${letter}-${end.slice(0, length)}`);
  });
  return refs;
}

/** Whether the journal syncs with a team (its one-row sync_remote is set). */
export function syncs(db: DB): boolean {
  return db.prepare('SELECT 1 FROM sync_remote').get() !== undefined;
}

/**
 * Adds to a shared page's references (none on a solo journal's page: nothing read) those of the
 * interviews it names (`I9` → `I-84762a`, fresh-eyes wave 16 H7): Ann's notes said "I9 confirmed the
 * budget", which is another call in Bob's journal. `ids` are the page's display ids; `since`, a day
 * from which every interview is named too (an export's Interviews section and the later calls that
 * answered their follow-ups). As long as it takes to tell each from every interview of the journal, as
 * pageRefs does for hypotheses, but without reading a journal's 100k UUIDs into memory: SQLite gives
 * only those that start as one of the page's does.
 */
export function addInterviewRefs(
  db: DB,
  refs: Map<string, string> | undefined,
  ids: Iterable<string>,
  since?: string,
): void {
  if (refs === undefined) return;
  const numbers = [...ids].flatMap((id) => (/^I\d+$/.test(id) ? [Number(id.slice(1))] : []));
  if (numbers.length === 0 && since === undefined) return;
  // UUIDs are stored in lower case (pm makes them so, and import lowers what it takes)
  const END = 'substr(uuid, 25)';
  const page = db
    .prepare(`SELECT id, ${END} FROM interviews WHERE id IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(JSON.stringify(numbers)) as [number, string][];
  if (since !== undefined)
    for (const row of db.prepare(`SELECT id, ${END} FROM interviews WHERE date >= ?`).raw().iterate(since))
      page.push(row as [number, string]);
  if (page.length === 0) return;
  // every interview that starts as one of the page's, itself included (most start alike with none): one
  // scan of the UUIDs' index, ~25 ms at 100k interviews
  const alike = new Map<string, string[]>();
  const starts = [...new Set(page.map(([, end]) => end.slice(0, 6)))];
  for (const end of db
    .prepare(`SELECT ${END} FROM interviews WHERE substr(uuid, 25, 6) IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify(starts)) as string[]) {
    const list = alike.get(end.slice(0, 6));
    if (list) list.push(end);
    else alike.set(end.slice(0, 6), [end]);
  }
  for (const [id, end] of page) {
    const others = [...(alike.get(end.slice(0, 6)) ?? [])];
    const self = others.indexOf(end);
    if (self >= 0) others.splice(self, 1);
    let length = 6;
    while (length < 12 && others.some((other) => other.startsWith(end.slice(0, length)))) length++;
    refs.set(`I${id}`, `I-${end.slice(0, length)}`);
  }
}
