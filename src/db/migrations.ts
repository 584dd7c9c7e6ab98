// The schema's history: numbered SQL files in migrations/, copied into dist/sql/ by the build
// (esbuild.config.mjs; vitest.config.ts reads them from migrations/). Add a file, add a line. A
// migration's text is read by its name, only when it runs: not an imported module a file, each of
// which every start initialised and every command's code cache held (~0.3 ms of each start).
import { sqlFile } from 'pm:sql-file';
import type { DB } from './journal.js';
import { migrateIdentities } from './identity.js';
import { reindexUnspaced } from './fts.js';

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

/**
 * A migration whose SQL text, migrations/NAME.sql, is read only when a migration that runs asks for it.
 * A class, its getter on the prototype: every start builds this list (the journal's version is checked
 * against it), and an object literal with a getter and `...extra` made each entry a dictionary of its
 * own with a closure (~30 KB of young objects and ~0.2 ms of every start, docs/performance.md wave 19).
 */
class LazyMigration implements Migration {
  constructor(
    readonly version: number,
    readonly name: string,
    readonly data?: (db: DB) => unknown,
    readonly before?: (db: DB) => unknown,
  ) {}
  get sql(): string {
    return sqlFile(`${this.name}.sql`);
  }
}

function migration(
  version: number,
  name: string,
  extra?: { data?: (db: DB) => unknown; before?: (db: DB) => unknown },
): Migration {
  return new LazyMigration(version, name, extra?.data, extra?.before);
}

export const MIGRATIONS: Migration[] = [
  migration(1, '0001_init'),
  migration(2, '0002_evidence_dates'),
  migration(3, '0003_evidence_customers'),
  migration(4, '0004_report_summaries'),
  migration(5, '0005_kind_view'),
  migration(6, '0006_pain_severity'),
  migration(7, '0007_journey_bets_basis'),
  migration(8, '0008_signal_sources'),
  migration(9, '0009_erasure'),
  migration(10, '0010_stage_index'),
  migration(11, '0011_opportunities'),
  migration(12, '0012_identity_keys', { data: migrateIdentities }),
  migration(13, '0013_people_dates'),
  migration(14, '0014_opportunity_stages'),
  migration(15, '0015_change_tracking'),
  migration(16, '0016_search_unspaced_scripts', { data: reindexUnspaced }),
  // 17 was never used (numbers were handed out to parallel work before it landed): versions only need to grow
  migration(18, '0018_listing_summaries'),
  migration(19, '0019_coverage_indexes'),
  migration(20, '0020_edit_kind_copies'),
  migration(21, '0021_activity_by_step'),
  migration(22, '0022_contact_lookups'),
  migration(23, '0023_account_conversations'),
  migration(24, '0024_contact_completion'),
  migration(25, '0025_cold_accounts'),
  migration(26, '0026_line_names'),
  migration(27, '0027_pain_hearings'),
  migration(28, '0028_follow_up_answers'),
  migration(29, '0029_contacts_by_last_direct'),
  migration(30, '0030_theme_segments'),
  migration(31, '0031_pain_heard_last'),
  migration(32, '0032_logged_here'),
  migration(33, '0033_contact_account_names', { before: dropContactAccountNames }),
  migration(34, '0034_interview_kind_on_insert'),
  migration(35, '0035_field_versions'),
  migration(36, '0036_hypothesis_link_facts'),
  // 37, 38, 40 and 41 were handed out to parallel work that made no migration
  migration(39, '0039_evidence_by_date'),
  migration(42, '0042_merged_names'),
  migration(43, '0043_deleted_ids'),
  migration(44, '0044_report_decided'),
  migration(45, '0045_pain_text_recent'),
  migration(46, '0046_coverage_people', { before: dropCoveragePeople }),
  migration(47, '0047_follow_ups_due'),
  migration(48, '0048_people_with_their_copies'),
  // 49 was handed out to parallel work, which landed after 50 as 51 (numbers grow in landing order)
  migration(50, '0050_pain_heard_from'),
  migration(51, '0051_people_with_all_their_copies'),
  migration(52, '0052_pain_text_days'),
  migration(53, '0053_coverage_persona_last'),
  migration(54, '0054_accounts_going_cold'),
  migration(55, '0055_sync_resend'),
  migration(56, '0056_coverage_days'),
  migration(57, '0057_drop_pain_heard_from'),
  migration(58, '0058_pain_hearings_added'),
  migration(59, '0059_forgotten_bare_name'),
  migration(60, '0060_theme_days'),
  migration(61, '0061_refuted_same_day'),
  migration(62, '0062_stale_from_reopening'),
  migration(63, '0063_people_joined_by_writers'),
  migration(64, '0064_outcome_by', { before: dropOutcomeBy }),
  migration(65, '0065_kill_confirmed'),
  migration(66, '0066_interviewer_indexes'),
  migration(67, '0067_outcome_by_tracked'),
  migration(68, '0068_report_decided_late'),
  migration(69, '0069_erased_follow_ups'),
  migration(70, '0070_interview_refs'),
  migration(71, '0071_follow_up_answers_due', { before: dropFollowUpDue }),
  migration(72, '0072_follow_ups_answered_same_day'),
  migration(73, '0073_account_names'),
  migration(74, '0074_kill_same_day'),
  migration(75, '0075_hypothesis_by', { before: dropHypothesisBy }),
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

/**
 * 0064 replayed (a journal whose schema version was set back by hand): the column goes first, and
 * who recorded the outcomes it held with it.
 */
function dropOutcomeBy(db: DB): void {
  dropAdded(db, 'outcomes', ['by'], []);
}

/** 0075 replayed: the column goes first, and who added the hypotheses it held with it. */
function dropHypothesisBy(db: DB): void {
  dropAdded(db, 'hypotheses', ['by'], ['INDEX hypotheses_by']);
}

/** 0071 replayed. */
function dropFollowUpDue(db: DB): void {
  dropAdded(db, 'follow_up_answers', ['follow_up', 'date'], ['INDEX follow_up_answers_due']);
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
      // 0058's reads `customer` too (replayed after this, it writes it again; 0063 drops it)
      'TRIGGER pain_hearings_after_people_insert',
      'VIEW interview_contacts_people_now',
      'INDEX interview_contacts_customers_by_date',
    ],
  );
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
