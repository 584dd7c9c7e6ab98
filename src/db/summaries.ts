// The summaries the schema keeps by triggers, each listed once: where it is kept, the `_now` view
// (migrations) that computes it from scratch, and the triggers that keep it. Everything done with a
// summary comes from this list: suspending its triggers for a bulk write and rebuilding it once
// after (pm import), checking it against its view and repairing it (pm doctor). A trigger added to
// the schema must be listed here (test/unit/summaries.test.ts fails otherwise).
import type { DB } from './journal.js';
import { trackingTriggerNames } from './tracking.js';

export interface Summary {
  /** how pm doctor names it */
  name: string;
  table: string;
  /** computes the summary from scratch; its columns are named as the table's */
  view: string;
  /** the table's key, as [table column, view column] pairs */
  key: [string, string][];
  /** the columns the triggers keep; null: the summary is the whole table, its rows the view's */
  kept: string[] | null;
  /** the triggers that keep it (a trigger may keep two summaries at once) */
  triggers: string[];
  /**
   * a summary whose rows belong each to one row of another table: [that table, the column holding its
   * rowid]. Rebuilt after a bulk write that only added rows to that table (SuspendedSummaries.resume's
   * `onlyAfter`), only the rows of the added ones are made again.
   */
  rowsOf?: [string, string];
  /**
   * the kept columns are written with each new row by pm's writers, from what they copy, and the schema
   * checks them (the interview's kind by its insert, 0034 and 0048; a person's copies by
   * PEOPLE_INSERT, 0048 and 0051): after a bulk write that only added rows (`onlyAfter` names the
   * table, or rowsOf's), the rows are right as they arrived and nothing is computed again (an import
   * of today's 100k: ~1.2 s of CPU computing the views to change no row). pm doctor still compares
   * every row with the view, and test/unit/summaries.test.ts the rows an import writes.
   */
  writtenWithRow?: true;
  /**
   * a whole-table summary folded from another's rows that belong to `rowsOf`'s table: after a bulk
   * write that only added rows to that table, what the added ones' rows fold into it (SQL; `after`
   * as for rowsOf), rather than the whole table made anew (~0.35 s of CPU at 100k).
   */
  added?: (after: number) => string;
}

// a person joining a conversation that has links is counted by the writer that adds them (0063,
// src/db/interview-writer.ts joinedPerson), as are their rows of pain_hearings
const EVIDENCE_SUMMARY_TRIGGERS = [
  'evidence_customers_after_evidence_update',
  'evidence_customers_after_evidence_delete',
  'evidence_customers_after_contact_update',
];

const PAIN_TEXT_DAYS_TRIGGERS = [
  'pain_text_days_after_hearing_insert',
  'pain_text_days_after_hearing_delete',
  'pain_facet_last_after_insert',
  'pain_facet_last_after_update',
  'pain_facet_last_after_delete',
];

const COVERAGE_DAYS_TRIGGERS = [
  'coverage_days_after_insert',
  'coverage_days_after_update',
  'coverage_days_after_delete',
  'coverage_days_after_segment',
];

const THEME_DAYS_TRIGGERS = [
  'theme_days_after_tag_insert',
  'theme_days_after_tag_update',
  'theme_days_after_tag_delete',
  'theme_days_after_pain_insert',
  'theme_days_after_pain_update',
  'theme_days_after_pain_delete',
  'theme_days_after_interview_update',
  'theme_days_before_interview_delete',
];

/** In the order they are rebuilt: each reads only those before it. */
export const SUMMARIES: readonly Summary[] = [
  {
    // customer contact, second-hand signal or stakeholder meeting (0001; one definition since 0005);
    // a new interview's written by its insert, and checked (0034), as is a person's row's (0048)
    name: 'interviews.kind',
    table: 'interviews',
    view: 'interviews_kind_now',
    key: [['id', 'interview_id']],
    kept: ['kind'],
    triggers: [
      'interviews_kind_checked_on_insert',
      'interviews_kind_after_channel',
      'interview_contacts_checked_on_insert',
      'interview_contacts_kind_after_delete',
      'contacts_kind_after_role',
    ],
    writtenWithRow: true,
  },
  {
    // who was in each conversation, with a copy of its date and kind (0013), written with the row (0048)
    name: 'interview_contacts.date/kind',
    table: 'interview_contacts',
    view: 'interview_contacts_now',
    key: [
      ['interview_id', 'interview_id'],
      ['contact_id', 'contact_id'],
    ],
    kept: ['date', 'kind'],
    triggers: ['interview_contacts_checked_on_insert', 'interviews_people_after_update'],
    rowsOf: ['interviews', 'interview_id'],
    writtenWithRow: true,
  },
  {
    // who was in each conversation, with a copy of its account, and of their persona and whether they
    // are a customer or prospect (0046): pm coverage's counts per persona; written with the row (0051)
    name: 'interview_contacts.account_id/persona/customer',
    table: 'interview_contacts',
    view: 'interview_contacts_people_now',
    key: [
      ['interview_id', 'interview_id'],
      ['contact_id', 'contact_id'],
    ],
    kept: ['account_id', 'persona', 'customer'],
    triggers: [
      'interview_contacts_checked_on_insert',
      'interviews_people_after_account',
      'contacts_people_after_update',
    ],
    rowsOf: ['interviews', 'interview_id'],
    writtenWithRow: true,
  },
  {
    // each open follow-up's first customer conversation after it with one of its people (0028; after: a
    // later day, or the same day and logged after it, 0072), from interview_contacts' copies above
    name: 'follow_up_answers',
    table: 'follow_up_answers',
    view: 'follow_up_answers_now',
    key: [['interview_id', 'interview_id']],
    kept: null,
    triggers: [
      'follow_up_answers_after_interview_insert',
      'follow_up_answers_after_interview_update',
      'follow_up_answers_after_interview_delete',
      'follow_up_answers_after_people_insert',
      'follow_up_answers_after_people_update',
      'follow_up_answers_after_people_delete',
    ],
  },
  {
    // each evidence row's copy of its interview's date and kind (0002)
    name: 'evidence.date/kind',
    table: 'evidence',
    view: 'evidence_interview_now',
    key: [
      ['hypothesis_id', 'hypothesis_id'],
      ['interview_id', 'interview_id'],
    ],
    kept: ['date', 'kind'],
    triggers: ['evidence_copy_after_insert', 'interviews_evidence_after_update'],
  },
  {
    // who gave customer evidence on each hypothesis (0003)
    name: 'evidence_customers',
    table: 'evidence_customers',
    view: 'evidence_customers_now',
    key: [
      ['hypothesis_id', 'hypothesis_id'],
      ['direction', 'direction'],
      ['contact_id', 'contact_id'],
    ],
    kept: null,
    triggers: EVIDENCE_SUMMARY_TRIGGERS,
  },
  {
    // each hypothesis's evidence counts (0003): the same triggers refresh it, after evidence_customers
    name: 'evidence_totals',
    table: 'evidence_totals',
    view: 'evidence_totals_now',
    key: [['hypothesis_id', 'hypothesis_id']],
    kept: null,
    triggers: EVIDENCE_SUMMARY_TRIGGERS,
  },
  {
    // each account's latest customer contact (0004)
    name: 'accounts.last_direct',
    table: 'accounts',
    view: 'accounts_last_direct_now',
    key: [['id', 'account_id']],
    kept: ['last_direct'],
    triggers: [
      'accounts_last_direct_after_insert',
      'accounts_last_direct_after_update',
      'accounts_last_direct_after_delete',
    ],
  },
  {
    // each contact's conversations, latest direct customer contact and latest conversation (0018),
    // from interview_contacts' copies above
    name: 'contacts.interviews/last_direct/last_interview',
    table: 'contacts',
    view: 'contacts_activity_now',
    key: [['id', 'contact_id']],
    kept: ['interviews', 'last_direct', 'last_interview'],
    triggers: ['contacts_activity_after_insert', 'contacts_activity_after_update', 'contacts_activity_after_delete'],
  },
  {
    // each account's people, conversations and latest conversation (0018)
    name: 'accounts.contacts/interviews/last_interview',
    table: 'accounts',
    view: 'accounts_activity_now',
    key: [['id', 'account_id']],
    kept: ['contacts', 'interviews', 'last_interview'],
    triggers: [
      'accounts_activity_after_interview_insert',
      'accounts_activity_after_interview_update',
      'accounts_activity_after_interview_delete',
      'accounts_activity_after_contact_insert',
      'accounts_activity_after_contact_update',
      'accounts_activity_after_contact_delete',
    ],
  },
  {
    // each contact's account's name, for shell completion's list of contacts (0033)
    name: 'contacts.account_name',
    table: 'contacts',
    view: 'contacts_account_name_now',
    key: [['id', 'contact_id']],
    kept: ['account_name'],
    triggers: [
      'contacts_account_name_after_insert',
      'contacts_account_name_after_move',
      'contacts_account_name_after_rename',
    ],
  },
  {
    // each hypothesis's status and decision day: its latest outcome (0001, 0004)
    name: 'hypotheses.status/decided_on',
    table: 'hypotheses',
    view: 'hypotheses_decision_now',
    key: [['id', 'hypothesis_id']],
    kept: ['status', 'decided_on'],
    triggers: ['outcomes_status_after_insert', 'outcomes_status_after_delete'],
  },
  {
    // each hypothesis's status and days beside what its links say, from its evidence totals and its
    // links (0036): the report's lists of open, killed and validated hypotheses by partial indexes
    name: 'hypothesis_links',
    table: 'hypothesis_links',
    view: 'hypothesis_links_now',
    key: [['hypothesis_id', 'hypothesis_id']],
    kept: null,
    triggers: [
      'hypothesis_links_after_insert',
      'hypothesis_links_after_update',
      'hypothesis_links_after_delete',
      'hypothesis_links_after_totals_insert',
      'hypothesis_links_after_totals_delete',
    ],
  },
  {
    // the JSON entries and flags of the report's killed and refuted-since-validated lists (0044), from
    // the hypotheses' statuses and their links' days above
    name: 'report_decided',
    table: 'report_decided',
    view: 'report_decided_now',
    key: [['hypothesis_id', 'hypothesis_id']],
    kept: null,
    triggers: [
      'report_decided_after_insert',
      'report_decided_after_update',
      'report_decided_after_delete',
      'report_decided_after_outcome_update',
      'report_decided_after_link_insert',
      'report_decided_after_link_update',
      'report_decided_after_link_delete',
    ],
  },
  {
    // the pains of customer conversations and signals, and the customers present at each (0027), from
    // the interviews' kinds above
    name: 'pain_hearings',
    table: 'pain_hearings',
    view: 'pain_hearings_now',
    key: [
      ['interview_id', 'interview_id'],
      ['position', 'position'],
      ['contact_id', 'contact_id'],
    ],
    kept: null,
    triggers: [
      'pain_hearings_after_pain_insert',
      'pain_hearings_after_pain_update',
      'pain_hearings_after_pain_delete',
      'pain_hearings_after_people_update',
      'pain_hearings_after_people_delete',
      'pain_hearings_after_interview_update',
      'pain_hearings_after_interview_delete',
      'pain_hearings_after_contact_update',
      'pain_hearings_after_account_update',
    ],
    rowsOf: ['interviews', 'interview_id'],
  },
  {
    // the last day each pain text was heard, and heard from each customer (0031), from pain_hearings
    name: 'pain_heard_last',
    table: 'pain_heard_last',
    view: 'pain_heard_last_now',
    key: [
      ['text', 'text'],
      ['contact_id', 'contact_id'],
    ],
    kept: null,
    triggers: ['pain_heard_last_after_insert', 'pain_heard_last_after_delete'],
    rowsOf: ['interviews', 'interview_id'],
    added: (after) => `INSERT INTO pain_heard_last (text, contact_id, last)
      SELECT text, contact_id, max(date) FROM pain_hearings WHERE interview_id > ${after} GROUP BY text, contact_id
      ON CONFLICT (text, contact_id) DO UPDATE SET last = excluded.last WHERE excluded.last > last;`,
  },
  {
    // each pain text's last day heard and its ten latest customers' last days (0045), from
    // pain_heard_last above
    name: 'pain_text_recent',
    table: 'pain_text_recent',
    view: 'pain_text_recent_now',
    key: [['text', 'text']],
    kept: null,
    triggers: ['pain_text_recent_after_insert', 'pain_text_recent_after_update', 'pain_text_recent_after_delete'],
  },
  {
    // each pain text's last day with each of its values: customers by severity, accounts, signals,
    // stages, segments (0052), from pain_hearings
    name: 'pain_facet_last',
    table: 'pain_facet_last',
    view: 'pain_facet_last_now',
    key: [
      ['text', 'text'],
      ['facet', 'facet'],
      ['value', 'value'],
    ],
    kept: null,
    triggers: ['pain_text_days_after_hearing_insert', 'pain_text_days_after_hearing_delete'],
    rowsOf: ['interviews', 'interview_id'],
    added: (after) => `INSERT INTO pain_facet_last (text, facet, value, last)
      SELECT text, facet, value, max(date) FROM pain_hearing_facets WHERE interview_id > ${after}
      GROUP BY text, facet, value
      ON CONFLICT (text, facet, value) DO UPDATE SET last = excluded.last WHERE excluded.last > last;`,
  },
  {
    // for each day a pain text was heard, its pains and values last heard before it (0052), from
    // pain_hearings and pain_facet_last above
    name: 'pain_text_days',
    table: 'pain_text_days',
    view: 'pain_text_days_now',
    key: [
      ['text', 'text'],
      ['day', 'day'],
    ],
    kept: null,
    triggers: PAIN_TEXT_DAYS_TRIGGERS,
  },
  {
    // each pain text's totals, last day, stages and segments (0052), from the same
    name: 'pain_text_totals',
    table: 'pain_text_totals',
    view: 'pain_text_totals_now',
    key: [['text', 'text']],
    kept: null,
    triggers: PAIN_TEXT_DAYS_TRIGGERS,
  },
  {
    // each person's, account's and conversation's last customer conversation with each persona (0053),
    // from interview_contacts' copies: pm coverage's counts per persona in a window that runs to today
    name: 'coverage_persona_last',
    table: 'coverage_persona_last',
    view: 'coverage_persona_last_now',
    key: [
      ['who', 'who'],
      ['dim', 'dim'],
      ['persona', 'persona'],
    ],
    kept: null,
    triggers: [
      'coverage_persona_last_after_insert',
      'coverage_persona_last_after_update',
      'coverage_persona_last_after_delete',
    ],
    rowsOf: ['interviews', 'interview_id'],
    added: (after) => `INSERT INTO coverage_persona_last (who, dim, persona, last)
      SELECT who, dim, persona, max(last) FROM (
        SELECT contact_id AS who, 0 AS dim, coalesce(persona, 0) AS persona, date AS last FROM interview_contacts
          WHERE interview_id > ${after} AND kind = 'customer' AND customer = 1
        UNION ALL SELECT account_id, 1, coalesce(persona, 0), date FROM interview_contacts
          WHERE interview_id > ${after} AND kind = 'customer' AND customer = 1 AND account_id IS NOT NULL
        UNION ALL SELECT interview_id, 2, coalesce(persona, 0), date FROM interview_contacts
          WHERE interview_id > ${after} AND kind = 'customer' AND customer = 1)
      WHERE true GROUP BY who, dim, persona
      ON CONFLICT (who, dim, persona) DO UPDATE SET last = excluded.last WHERE excluded.last > last;`,
  },
  {
    // each day's customer conversations per segment and per stage (0056): pm coverage's conversations
    // per segment and stage, summed over the window's days
    name: 'coverage_days',
    table: 'coverage_days',
    view: 'coverage_days_now',
    key: [
      ['day', 'day'],
      ['dim', 'dim'],
      ['key', 'key'],
    ],
    kept: null,
    triggers: COVERAGE_DAYS_TRIGGERS,
  },
  {
    // each (stage, account)'s last customer conversation (0056): pm coverage's accounts per stage in a
    // window that runs to today
    name: 'coverage_stage_last',
    table: 'coverage_stage_last',
    view: 'coverage_stage_last_now',
    key: [
      ['stage', 'stage'],
      ['account_id', 'account_id'],
    ],
    kept: null,
    triggers: COVERAGE_DAYS_TRIGGERS,
  },
  {
    // each day's themes (0060): the spellings, accounts, sources and conversations of each tag's and
    // pain's key that day, what the reports' themes sum over a period
    name: 'theme_days',
    table: 'theme_days',
    view: 'theme_days_now',
    key: [
      ['day', 'day'],
      ['kind', 'kind'],
      ['key', 'key'],
      ['dim', 'dim'],
      ['val', 'val'],
    ],
    kept: null,
    triggers: THEME_DAYS_TRIGGERS,
  },
];

/** Every trigger that keeps a summary, once each. */
export const SUMMARY_TRIGGERS: readonly string[] = [...new Set(SUMMARIES.flatMap((s) => s.triggers))];

function keyJoin(s: Summary): string {
  return s.key.map(([t, v]) => `v.${v} = t.${t}`).join(' AND ');
}

function differs(kept: string[]): string {
  return kept.map((k) => `t.${k} IS NOT v.${k}`).join(' OR ');
}

/** Make the summary equal its view. Kept columns are written only where they differ, so a rebuild
 * of a right summary changes nothing; a whole-table summary is small and written anew. `after`: only
 * the table's rows with a greater rowid (see SuspendedSummaries.resume). */
function rebuildSql(s: Summary, after?: number): string {
  if (after !== undefined && s.writtenWithRow) return '';
  if (s.kept === null && after !== undefined && s.added) return s.added(after);
  if (s.kept === null && after !== undefined && s.rowsOf)
    return `DELETE FROM ${s.table} WHERE ${s.rowsOf[1]} > ${after};
      INSERT INTO ${s.table} SELECT * FROM ${s.view} WHERE ${s.rowsOf[1]} > ${after};`;
  if (s.kept === null) return `DELETE FROM ${s.table}; INSERT INTO ${s.table} SELECT * FROM ${s.view};`;
  const onlyNew = after === undefined ? '' : ` AND t.${s.rowsOf ? s.rowsOf[1] : 'rowid'} > ${after}`;
  return `UPDATE ${s.table} AS t SET (${s.kept.join(', ')}) = (${s.kept.map((c) => `v.${c}`).join(', ')})
    FROM ${s.view} AS v WHERE ${keyJoin(s)} AND (${differs(s.kept)})${onlyNew};`;
}

/** How many of the summary's rows (keys) differ from its view: missing, extra or with other values. */
function driftSql(s: Summary): string {
  if (s.kept === null) {
    const keys = s.key.map(([t]) => t).join(', ');
    return `SELECT count(*) FROM (SELECT ${keys} FROM (SELECT * FROM ${s.table} EXCEPT SELECT * FROM ${s.view})
      UNION SELECT ${keys} FROM (SELECT * FROM ${s.view} EXCEPT SELECT * FROM ${s.table}))`;
  }
  return `SELECT count(*) FROM ${s.table} AS t JOIN ${s.view} AS v ON ${keyJoin(s)} WHERE ${differs(s.kept)}`;
}

/** The rowid `onlyAfter` gives a summary (of its table, or of the table its rows follow: rowsOf). */
function afterOf(s: Summary, onlyAfter: Readonly<Record<string, number>>): number | undefined {
  return onlyAfter[s.rowsOf ? s.rowsOf[0] : s.table];
}

/** Rebuild every summary from its view, in order (`onlyAfter`: see SuspendedSummaries.resume). */
export function rebuildSummaries(db: DB, onlyAfter: Readonly<Record<string, number>> = {}): void {
  for (const s of SUMMARIES) {
    const sql = rebuildSql(s, afterOf(s, onlyAfter));
    if (sql) db.exec(sql);
  }
}

export interface SummaryDrift {
  name: string;
  /** rows that differ from what the view computes */
  rows: number;
}

/** The summaries that differ from their views (none in a healthy journal). */
export function summaryDrift(db: DB): SummaryDrift[] {
  return SUMMARIES.map((s) => ({ name: s.name, rows: db.prepare(driftSql(s)).pluck().get() as number })).filter(
    (d) => d.rows > 0,
  );
}

/**
 * Indexes no statement of a merge reads (the summaries' triggers, which do, stand suspended), dropped
 * for a write that adds more interviews than the journal holds (an import into a new journal) and
 * built after the rows, each from one sort: kept row by row (rows arriving in no order of account,
 * kind or tag, the kinds written by the rebuild passing through them all again) they cost an import
 * of the harsh 100k ~2 s of CPU. Those a merge reads stay (MERGE_INDEXES).
 */
export const BULK_INDEXES = [
  'interviews_by_account_date',
  'interviews_by_account_kind_date',
  'interviews_by_date',
  'interviews_by_date_kind_account',
  'interviews_by_kind_date',
  'interviews_by_source',
  'interviews_by_stage',
  'interviews_by_interviewer',
  'interviews_by_interviewer_account',
  'interviews_follow_up_open',
  'interviews_follow_ups_due',
  'interviews_by_ref',
  'interview_contacts_by_contact_kind_date',
  'interview_contacts_customers_by_date',
  'interview_tags_by_key',
  'interview_tags_by_tag',
  'evidence_by_date',
  'pain_hearings_by_text',
  'pain_facet_last_by_last',
  'record_versions_dirty',
];

/**
 * The indexes that stay while a bulk merge writes the tables an import fills a row per interview or
 * more of: the merge reads by them (a contact merged, a deleted interview's rows, a tombstone). Every
 * other index of those tables is in BULK_INDEXES (test/unit/import-bulk.test.ts): schema 66's
 * interviewer indexes, kept row by row until wave 16, cost an import of the harsh 100k ~1.5 s of CPU.
 */
export const MERGE_INDEXES = ['interview_contacts_by_contact', 'evidence_by_interview', 'record_versions_deleted'];

/**
 * The summary triggers switched off for a bulk write: right for one change, they recompute a
 * hypothesis's or an account's summary at every row, which for an import of thousands of rows costs
 * far more than computing each summary once. suspend() drops them inside the
 * caller's transaction (a rollback brings them back); resume() rebuilds every summary once and
 * restores the triggers as the schema wrote them. suspend() is called only once something is about to
 * be written, so that a bulk write that turns out to add nothing writes nothing at all.
 */
export class SuspendedSummaries {
  private dropped: { type: string; name: string; tbl_name: string; sql: string }[] | null = null;
  constructor(private readonly db: DB) {}

  /**
   * `indexes`: BULK_INDEXES too, for a write that adds more interviews than the journal holds.
   * `tracking`: the change-tracking triggers too, for a writer that records versions itself (a
   * merge: they stand aside, but each one's WHEN is still evaluated at every row, ~3 s of CPU of an
   * import of the harsh 100k).
   */
  suspend(opts: { indexes?: boolean; tracking?: boolean } = {}): void {
    if (this.dropped) return;
    if (!this.db.inTransaction) throw new Error('bug: summary triggers suspended outside a transaction');
    const triggers = [...SUMMARY_TRIGGERS, ...(opts.tracking ? trackingTriggerNames() : [])];
    // in the schema's order, so that they are created again in it
    this.dropped = this.db
      .prepare(
        `SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'
          AND name IN (SELECT value FROM json_each(?)) OR type = 'index' AND name IN (SELECT value FROM json_each(?))
          ORDER BY rowid`,
      )
      .all(JSON.stringify(triggers), JSON.stringify(opts.indexes ? BULK_INDEXES : [])) as {
      type: string;
      name: string;
      tbl_name: string;
      sql: string;
    }[];
    for (const t of this.dropped) this.db.exec(`DROP ${t.type === 'index' ? 'INDEX' : 'TRIGGER'} ${t.name}`);
  }

  /**
   * `onlyAfter` is the caller's word that, of a table named in it, no row up to that rowid was
   * changed while suspended, nor anything its kept columns are computed from: those rows are not
   * checked again; and that the rows after it were each written once, by pm's writers, after what
   * they copy: the summaries written with their rows (`writtenWithRow`) are not computed at all. An
   * import that only adds interviews (and people only they name) passes the last interview id it
   * found, which spares the check of every older interview's kind (~0.15 s of a small import into a
   * 100k-interview journal). A test compares it with the full rebuild.
   */
  resume(onlyAfter: Readonly<Record<string, number>> = {}): void {
    if (!this.dropped) return;
    // an index dropped is built once the last summary kept in its table is rebuilt (kept columns
    // written once, not through the index) and before the summaries after it, which may read by it
    let indexes = this.dropped.filter((t) => t.type === 'index');
    SUMMARIES.forEach((s, k) => {
      const written = new Set(SUMMARIES.slice(k).map((later) => later.table));
      for (const t of indexes) if (!written.has(t.tbl_name)) this.db.exec(t.sql);
      indexes = indexes.filter((t) => written.has(t.tbl_name));
      const sql = rebuildSql(s, afterOf(s, onlyAfter));
      if (sql) this.db.exec(sql);
    });
    for (const t of indexes) this.db.exec(t.sql);
    for (const t of this.dropped) if (t.type === 'trigger') this.db.exec(t.sql);
    this.dropped = null;
  }
}

/** pm doctor --repair: every summary rebuilt from its view (in the caller's transaction). */
export function repairSummaries(db: DB): void {
  const paused = new SuspendedSummaries(db);
  paused.suspend();
  paused.resume();
}
