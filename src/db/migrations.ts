// The schema's history: numbered SQL files in migrations/, copied into dist/sql/ by the build (a
// plugin in esbuild.config.mjs; another in vitest.config.ts embeds them for tests). Add a file, add
// a line. Each file is a function returning its text (src/sql.d.ts), called only when the migration runs.
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
import m0028 from '../../migrations/0028_follow_up_answers.sql';
import m0029 from '../../migrations/0029_contacts_by_last_direct.sql';
import m0030 from '../../migrations/0030_theme_segments.sql';
import m0031 from '../../migrations/0031_pain_heard_last.sql';
import m0032 from '../../migrations/0032_logged_here.sql';
import m0033 from '../../migrations/0033_contact_account_names.sql';
import m0034 from '../../migrations/0034_interview_kind_on_insert.sql';
import m0035 from '../../migrations/0035_field_versions.sql';
import m0036 from '../../migrations/0036_hypothesis_link_facts.sql';
import m0039 from '../../migrations/0039_evidence_by_date.sql';
import m0042 from '../../migrations/0042_merged_names.sql';
import m0043 from '../../migrations/0043_deleted_ids.sql';
import m0044 from '../../migrations/0044_report_decided.sql';
import m0045 from '../../migrations/0045_pain_text_recent.sql';
import m0046 from '../../migrations/0046_coverage_people.sql';
import m0047 from '../../migrations/0047_follow_ups_due.sql';
import m0048 from '../../migrations/0048_people_with_their_copies.sql';
import m0050 from '../../migrations/0050_pain_heard_from.sql';
import m0051 from '../../migrations/0051_people_with_all_their_copies.sql';
import m0052 from '../../migrations/0052_pain_text_days.sql';
import m0053 from '../../migrations/0053_coverage_persona_last.sql';
import m0054 from '../../migrations/0054_accounts_going_cold.sql';

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
  /**
   * Run right before its SQL when that replays on a journal that already has it (one set back to an
   * older version): what SQL cannot undo conditionally, a column added by ALTER TABLE.
   */
  before?: (db: DB) => unknown;
}

/** A migration whose SQL text is made only when it is read, by a migration that runs. */
function migration(
  version: number,
  name: string,
  text: () => string,
  data?: (db: DB) => unknown,
  before?: (db: DB) => unknown,
): Migration {
  return {
    version,
    name,
    get sql() {
      return text();
    },
    ...(data ? { data } : {}),
    ...(before ? { before } : {}),
  };
}

export const MIGRATIONS: Migration[] = [
  migration(1, '0001_init', m0001),
  migration(2, '0002_evidence_dates', m0002),
  migration(3, '0003_evidence_customers', m0003),
  migration(4, '0004_report_summaries', m0004),
  migration(5, '0005_kind_view', m0005),
  migration(6, '0006_pain_severity', m0006),
  migration(7, '0007_journey_bets_basis', m0007),
  migration(8, '0008_signal_sources', m0008),
  migration(9, '0009_erasure', m0009),
  migration(10, '0010_stage_index', m0010),
  migration(11, '0011_opportunities', m0011),
  migration(12, '0012_identity_keys', m0012, migrateIdentities),
  migration(13, '0013_people_dates', m0013),
  migration(14, '0014_opportunity_stages', m0014),
  migration(15, '0015_change_tracking', m0015),
  migration(16, '0016_search_unspaced_scripts', m0016, reindexUnspaced),
  // 17 was never used (numbers were handed out to parallel work before it landed): versions only need to grow
  migration(18, '0018_listing_summaries', m0018),
  migration(19, '0019_coverage_indexes', m0019),
  migration(20, '0020_edit_kind_copies', m0020),
  migration(21, '0021_activity_by_step', m0021),
  migration(22, '0022_contact_lookups', m0022),
  migration(23, '0023_account_conversations', m0023),
  migration(24, '0024_contact_completion', m0024),
  migration(25, '0025_cold_accounts', m0025),
  migration(26, '0026_line_names', m0026),
  migration(27, '0027_pain_hearings', m0027),
  migration(28, '0028_follow_up_answers', m0028),
  migration(29, '0029_contacts_by_last_direct', m0029),
  migration(30, '0030_theme_segments', m0030),
  migration(31, '0031_pain_heard_last', m0031),
  migration(32, '0032_logged_here', m0032),
  migration(33, '0033_contact_account_names', m0033, undefined, dropContactAccountNames),
  migration(34, '0034_interview_kind_on_insert', m0034),
  migration(35, '0035_field_versions', m0035),
  migration(36, '0036_hypothesis_link_facts', m0036),
  // 37, 38, 40 and 41 were handed out to parallel work that made no migration
  migration(39, '0039_evidence_by_date', m0039),
  migration(42, '0042_merged_names', m0042),
  migration(43, '0043_deleted_ids', m0043),
  migration(44, '0044_report_decided', m0044),
  migration(45, '0045_pain_text_recent', m0045),
  migration(46, '0046_coverage_people', m0046, undefined, dropCoveragePeople),
  migration(47, '0047_follow_ups_due', m0047),
  migration(48, '0048_people_with_their_copies', m0048),
  // 49 was handed out to parallel work, which landed after 50 as 51 (numbers grow in landing order)
  migration(50, '0050_pain_heard_from', m0050),
  migration(51, '0051_people_with_all_their_copies', m0051),
  migration(52, '0052_pain_text_days', m0052),
  migration(53, '0053_coverage_persona_last', m0053),
  migration(54, '0054_accounts_going_cold', m0054),
];

/**
 * A migration replayed (`before`): the columns it added to `table`, and the triggers, views and
 * indexes that read or keep them, removed first, so that it starts anew.
 */
function dropAdded(db: DB, table: string, columns: string[], objects: string[]): void {
  if (!db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(table, columns[0])) return;
  db.exec(
    [
      ...objects.map((o) => `DROP ${o.split(' ')[0]} IF EXISTS ${o.split(' ')[1]};`),
      ...columns.map((c) => `ALTER TABLE ${table} DROP COLUMN ${c};`),
    ].join('\n'),
  );
}

/** 0033 replayed. */
function dropContactAccountNames(db: DB): void {
  dropAdded(
    db,
    'contacts',
    ['account_name'],
    [
      'TRIGGER contacts_account_name_after_insert',
      'TRIGGER contacts_account_name_after_move',
      'TRIGGER contacts_account_name_after_rename',
      'VIEW contacts_account_name_now',
      'INDEX contacts_for_completion',
    ],
  );
}

/** 0046 replayed. */
function dropCoveragePeople(db: DB): void {
  dropAdded(
    db,
    'interview_contacts',
    ['persona', 'account_id', 'customer'],
    [
      'TRIGGER interview_contacts_people_after_insert',
      // 0051's check reads the columns too (0048 and 0051, replayed after this, write it again)
      'TRIGGER interview_contacts_checked_on_insert',
      // 0053's summary reads them too (replayed after this, it starts anew)
      'TRIGGER coverage_persona_last_after_insert',
      'TRIGGER coverage_persona_last_after_update',
      'TRIGGER coverage_persona_last_after_delete',
      'VIEW coverage_persona_last_now',
      'TRIGGER interviews_people_after_account',
      'TRIGGER contacts_people_after_update',
      'VIEW interview_contacts_people_now',
      'INDEX interview_contacts_customers_by_date',
    ],
  );
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
