// The schema's history: numbered SQL files in migrations/, embedded in the build (esbuild's text
// loader; a small plugin in vitest.config.ts does the same for tests). Add a file, add a line.
import m0001 from '../../migrations/0001_init.sql';
import m0002 from '../../migrations/0002_evidence_dates.sql';
import m0003 from '../../migrations/0003_evidence_customers.sql';
import m0004 from '../../migrations/0004_report_summaries.sql';
import m0005 from '../../migrations/0005_kind_view.sql';
import m0006 from '../../migrations/0006_pain_severity.sql';
import m0007 from '../../migrations/0007_journey_bets_basis.sql';
import m0008 from '../../migrations/0008_signal_sources.sql';
import m0009 from '../../migrations/0009_erasure.sql';
import m0010 from '../../migrations/0010_stage_index.sql';
import m0011 from '../../migrations/0011_opportunities.sql';
import m0012 from '../../migrations/0012_identity_keys.sql';
import type { DB } from './journal.js';
import { migrateIdentities } from './identity.js';
import m0013 from '../../migrations/0013_people_dates.sql';
import m0014 from '../../migrations/0014_opportunity_stages.sql';
import m0015 from '../../migrations/0015_change_tracking.sql';
import m0016 from '../../migrations/0016_search_unspaced_scripts.sql';
import m0018 from '../../migrations/0018_listing_summaries.sql';
import { reindexUnspaced } from './fts.js';
import m0019 from '../../migrations/0019_coverage_indexes.sql';
import m0020 from '../../migrations/0020_edit_kind_copies.sql';
import m0021 from '../../migrations/0021_activity_by_step.sql';
import m0022 from '../../migrations/0022_contact_lookups.sql';
import m0023 from '../../migrations/0023_account_conversations.sql';
import m0024 from '../../migrations/0024_contact_completion.sql';
import m0025 from '../../migrations/0025_cold_accounts.sql';
import m0026 from '../../migrations/0026_line_names.sql';
import m0027 from '../../migrations/0027_pain_hearings.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * What SQL alone cannot do (Unicode normalisation): run once every migration's SQL has run, in
   * the same transaction, so it works with the newest schema and pm's code as it is now. A fresh
   * journal runs it too, on no rows.
   */
  data?: (db: DB) => unknown;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: '0001_init', sql: m0001 },
  { version: 2, name: '0002_evidence_dates', sql: m0002 },
  { version: 3, name: '0003_evidence_customers', sql: m0003 },
  { version: 4, name: '0004_report_summaries', sql: m0004 },
  { version: 5, name: '0005_kind_view', sql: m0005 },
  { version: 6, name: '0006_pain_severity', sql: m0006 },
  { version: 7, name: '0007_journey_bets_basis', sql: m0007 },
  { version: 8, name: '0008_signal_sources', sql: m0008 },
  { version: 9, name: '0009_erasure', sql: m0009 },
  { version: 10, name: '0010_stage_index', sql: m0010 },
  { version: 11, name: '0011_opportunities', sql: m0011 },
  { version: 12, name: '0012_identity_keys', sql: m0012, data: migrateIdentities },
  { version: 13, name: '0013_people_dates', sql: m0013 },
  { version: 14, name: '0014_opportunity_stages', sql: m0014 },
  { version: 15, name: '0015_change_tracking', sql: m0015 },
  { version: 16, name: '0016_search_unspaced_scripts', sql: m0016, data: reindexUnspaced },
  // 17 was never used (numbers were handed out to parallel work before it landed): versions only need to grow
  { version: 18, name: '0018_listing_summaries', sql: m0018 },
  { version: 19, name: '0019_coverage_indexes', sql: m0019 },
  { version: 20, name: '0020_edit_kind_copies', sql: m0020 },
  { version: 21, name: '0021_activity_by_step', sql: m0021 },
  { version: 22, name: '0022_contact_lookups', sql: m0022 },
  { version: 23, name: '0023_account_conversations', sql: m0023 },
  { version: 24, name: '0024_contact_completion', sql: m0024 },
  { version: 25, name: '0025_cold_accounts', sql: m0025 },
  { version: 26, name: '0026_line_names', sql: m0026 },
  { version: 27, name: '0027_pain_hearings', sql: m0027 },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
