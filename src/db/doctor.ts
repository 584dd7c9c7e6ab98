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
  counts: Record<Counted, number>;
  /** 'ok', or the first lines integrity_check printed */
  integrity: string[];
  /** broken references found by foreign_key_check */
  brokenReferences: number;
  /** the summaries that differ from their views (null: not checked, the file itself is damaged) */
  summaries: SummaryDrift[] | null;
}

export function checkJournal(db: DB): JournalChecks {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const intact = integrity.length === 1 && integrity[0] === 'ok';
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    applicationId: (db.pragma('application_id', { simple: true }) as number) === APPLICATION_ID,
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    counts: Object.fromEntries(
      COUNTED.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
    ) as Record<Counted, number>,
    integrity: integrity.slice(0, 5),
    brokenReferences: (db.pragma('foreign_key_check') as unknown[]).length,
    summaries: intact ? summaryDrift(db) : null,
  };
}
