// Two teammates' journals, a.db and b.db, in one sandbox a test: pm as either (expected to succeed),
// trading whole JSON exports, and on request one real PostgreSQL (test/pg.ts) for pm sync. The tests
// of what import and sync make of two journals' changes share it (test/cli/*merge*, revived links,
// erasures meeting merges, conflict lines).
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from './helpers.js';
import { testDatabase, type TestDatabase } from './pg.js';

export type Name = 'a' | 'b';

export interface TwoJournals {
  /** the sandbox of the running test */
  readonly box: Sandbox;
  /** the journal file of `who` */
  file(who: Name): string;
  /** pm in-process as `who`, with the PostgreSQL's password when there is one; it must exit 0 */
  pm(who: Name, args: string[]): ReturnType<Sandbox['pm']>;
  /** `from`'s whole JSON export imported by `to`: the import's run */
  trade(from: Name, to: Name): ReturnType<Sandbox['pm']>;
  /** a fresh PostgreSQL database for this test (dropped after it): its URL for pm sync init */
  postgres(): Promise<string>;
  /** a statement run on that database as its owner (to damage what pm wrote there, say) */
  sql(query: string): Promise<unknown[]>;
  /** pm as `who`, whatever it exits with (for the failures a test is about) */
  run(who: Name, args: string[]): ReturnType<Sandbox['pm']>;
  /** both journals connected to the database at `url`, A's pushed and B's then holding it */
  syncFirst(url: string): void;
}

/** Register the sandbox (and any database) for each test of the calling file. */
export function twoJournals(today = '2026-12-05'): TwoJournals {
  let box: Sandbox | undefined;
  let pg: TestDatabase | undefined;
  let files = 0;
  beforeEach(() => {
    box = sandbox({ today });
  });
  afterEach(async () => {
    await pg?.drop();
    pg = undefined;
    box?.cleanup();
  });
  const current = (): Sandbox => {
    if (!box) throw new Error('twoJournals: used outside a test');
    return box;
  };
  const file = (who: Name) => join(current().dir, `${who}.db`);
  const pm = (who: Name, args: string[]) => {
    const r = current().pm(['--db', file(who), ...args], { env: pg?.env });
    expect(r.code, `${who}: pm ${args.join(' ')}: ${r.err}`).toBe(0);
    return r;
  };
  return {
    get box() {
      return current();
    },
    file,
    pm,
    trade(from, to) {
      const path = join(current().dir, `${from}-${++files}.json`);
      writeFileSync(path, pm(from, ['export', '--format', 'json']).out);
      return pm(to, ['import', path]);
    },
    async postgres() {
      pg = await testDatabase();
      return pg.url;
    },
    sql(query) {
      if (!pg) throw new Error('twoJournals: sql() before postgres()');
      return pg.query(query);
    },
    run: (who, args) => current().pm(['--db', file(who), ...args], { env: pg?.env }),
    syncFirst(url) {
      for (const who of ['a', 'b'] as const) pm(who, ['sync', 'init', url]);
      pm('a', ['sync']);
      pm('b', ['sync']);
    },
  };
}

/**
 * Kim Yu <kim@nw.test> (a summary naming her, a quote, and `notes` when given) and Tom Berg, both at
 * Northwind, logged on A as I1 and I2: the people the erasure-meets-merge tests erase and merge.
 */
export function logKimAndTom(pm: TwoJournals['pm'], notes?: string): void {
  pm('a', [
    'log',
    ...['--with', 'Kim Yu <kim@nw.test>', '--account', 'Northwind'],
    ...['--summary', 'Kim Yu explained the Northwind budget'],
    ...(notes === undefined ? [] : ['--notes', notes]),
    ...['--quote', 'Kim quote: budget is frozen', '--date', '2026-12-01'],
  ]);
  pm('a', [
    'log',
    '--with',
    'Tom Berg',
    '--account',
    'Northwind',
    '--summary',
    'Tom on invoices',
    '--date',
    '2026-12-02',
  ]);
}

/**
 * Each place Kim's name, email or quote is in a journal's file, in any case, with the bytes around it
 * (none: no byte of her left; a failure shows what was left, e.g. which table's text).
 */
export function kimBytes(path: string): string[] {
  const text = readFileSync(path).toString('latin1');
  return [...text.matchAll(/kim/gi)].map((m) => JSON.stringify(text.slice(Math.max(0, m.index - 24), m.index + 24)));
}

/** The rows of `query` on the journal at `path` (read only), each row's columns joined by " | ". */
export function journalRows(path: string, query: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(query)
      .raw()
      .all()
      .map((r) => (r as unknown[]).join(' | '));
  } finally {
    db.close();
  }
}
