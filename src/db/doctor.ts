// What `pm doctor` reads of a journal: SQLite's own checks (integrity, foreign keys), the header
// values, the record counts, and whether every trigger-kept summary still equals what its view
// computes from the records (src/db/summaries.ts).
import type { DB } from './journal.js';
import { APPLICATION_ID } from './journal.js';
import { summaryDrift, type SummaryDrift } from './summaries.js';

export { repairSummaries, type SummaryDrift } from './summaries.js';

export const COUNTED = ['accounts', 'contacts', 'interviews', 'hypotheses', 'evidence', 'outcomes'] as const;
export type Counted = (typeof COUNTED)[number];

export interface JournalChecks {
  schemaVersion: number;
  applicationId: boolean;
  journalMode: string;
  /** null: the table cannot be read (its pages are damaged) */
  counts: Record<Counted, number | null>;
  /** 'ok', or the first lines integrity_check printed */
  integrity: string[];
  /** broken references found by foreign_key_check (null: not checked, it could not read the tables) */
  brokenReferences: number | null;
  /** the summaries that differ from their views (null: not checked, the file itself is damaged) */
  summaries: SummaryDrift[] | null;
}

/**
 * A damaged journal is checked as far as SQLite can read it (wave 11 E10): each table's count and the
 * foreign keys are read apart, so one bad table leaves the report whole, saying what failed.
 */
function readable<T>(read: () => T): T | null {
  try {
    return read();
  } catch (err) {
    const code = String((err as { code?: unknown }).code);
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return null;
    throw err;
  }
}

export function checkJournal(db: DB): JournalChecks {
  // one row may hold many lines ("*** in database main ***", then each page that failed)
  // (a page SQLite cannot even walk makes the check itself fail: its message is the finding)
  const integrity = (
    readable(() => db.pragma('integrity_check') as { integrity_check: string }[]) ?? [
      { integrity_check: 'database disk image is malformed' },
    ]
  )
    .flatMap((r) => r.integrity_check.split('\n'))
    .filter((line) => line !== '' && !line.startsWith('*** in database'));
  const intact = integrity.length === 1 && integrity[0] === 'ok';
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    applicationId: (db.pragma('application_id', { simple: true }) as number) === APPLICATION_ID,
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    counts: Object.fromEntries(
      COUNTED.map((t) => [t, readable(() => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number)]),
    ) as Record<Counted, number | null>,
    integrity: integrity.slice(0, 5),
    brokenReferences: readable(() => (db.pragma('foreign_key_check') as unknown[]).length),
    summaries: intact ? summaryDrift(db) : null,
  };
}
