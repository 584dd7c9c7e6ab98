// Change tracking is generated from one list (src/db/tracking.ts): the journal's triggers must be
// what that list generates, and every table that holds something a user wrote must be in it (or
// named here as not shared), so that a new table cannot go unversioned unnoticed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openForWrite, type DB } from '../../src/db/journal.js';
import { TRACKED, trackingTriggerNames, trackingTriggersSql, tick, observe } from '../../src/db/tracking.js';
import { compareVectors, mergeVectors, shortRef } from '../../src/core/versions.js';

/** Tables that hold no shared record: summaries, the index, sync's own state. */
const NOT_SHARED = new Set([
  'evidence_customers',
  'evidence_totals',
  'pain_hearings',
  // the last day each pain text was heard, from pain_hearings (0029)
  'pain_heard_last',
  // each pain text's latest customers' days, from pain_heard_last (0045)
  'pain_text_recent',
  // each pain text's last day with each value, and its counts before each day heard (0052)
  'pain_facet_last',
  'pain_text_days',
  'pain_text_totals',
  // each person's, account's and conversation's last customer conversation by persona (0053)
  'coverage_persona_last',
  // each day's customer conversations per segment and stage, each (stage, account)'s last one (0056)
  'coverage_days',
  'coverage_stage_last',
  // each day's themes: spellings, accounts, sources and conversations of each tag and pain key (0060)
  'theme_days',
  // each open follow-up's answer, kept by triggers from what is shared (0028)
  'follow_up_answers',
  // each hypothesis's status and days beside what its links say, kept by triggers (0036)
  'hypothesis_links',
  // the entries of the report's killed and refuted lists as JSON, kept by triggers (0044)
  'report_decided',
  'record_versions',
  // each account's and contact's field stamps, kept with its versions (0035)
  'field_versions',
  'sync_clock',
  'sync_conflicts',
  'sync_remote',
  // whether this journal pushes every record once more at its next sync (0055)
  'sync_resend',
  'sqlite_sequence',
  // each journal's own: the keys of its erasure hashes, the files it wrote (issue 16)
  'privacy_keys',
  // the hashes of erased names' bare words, read only where a name is typed; never exported or synced (0059)
  'forgotten_bare_names',
  'written_files',
  // the interviews pm log wrote in this journal: what `last` means (0032)
  'logged_here',
  // the names of contacts merged into another here, for when that person is erased (0042)
  'merged_names',
  // an account's former names, for the name a PM still types after a rename or merge (0073)
  'account_names',
  // the display ids of interviews and hypotheses deleted here, for when one comes back (0043)
  'deleted_ids',
]);

let dir: string;
let db: DB;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-tracking-'));
  db = openForWrite(join(dir, 'j.db')).db;
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const norm = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('change tracking', () => {
  it('the journal holds exactly the triggers the list of tracked tables generates', () => {
    const names = trackingTriggerNames();
    const stored = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'track\\_%' ESCAPE '\\'")
      .all() as { name: string; sql: string }[];
    expect(stored.map((t) => t.name).sort()).toEqual([...names].sort());
    const generated = trackingTriggersSql()
      .split(/\n(?=CREATE TRIGGER)/)
      .map((s) => norm(s).replace(/;$/, ''));
    expect(stored.map((t) => norm(t.sql)).sort()).toEqual(generated.sort());
  });

  it('every table that holds what a user wrote is tracked', () => {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'interviews_fts%'")
      .pluck()
      .all() as string[];
    const tracked = new Set(TRACKED.map((t) => t.table));
    expect(tables.filter((t) => !tracked.has(t) && !NOT_SHARED.has(t))).toEqual([]);
  });

  it('the clock only moves forward, and past a version seen from elsewhere', () => {
    const a = db.transaction(() => tick(db)).immediate();
    const b = db.transaction(() => tick(db)).immediate();
    expect(b > a).toBe(true);
    const future = `${(Date.now() + 3_600_000).toString(16).padStart(12, '0')}000005.00000000000000ff`;
    db.transaction(() => observe(db, future)).immediate();
    const c = db.transaction(() => tick(db)).immediate();
    expect(c > future).toBe(true);
    expect(c.slice(0, 12)).toBe(future.slice(0, 12));
  });
});

describe('version vectors', () => {
  const v = (ms: number, device: string) => `${ms.toString(16).padStart(12, '0')}000000.${device.padStart(16, '0')}`;
  it('tell a newer version from a concurrent one', () => {
    const base = { a: v(1, 'a') };
    const onTop = { a: v(1, 'a'), b: v(2, 'b') };
    const aside = { a: v(3, 'a') };
    expect(compareVectors(onTop, base)).toBe('newer');
    expect(compareVectors(base, onTop)).toBe('older');
    expect(compareVectors(onTop, aside)).toBe('concurrent');
    expect(compareVectors(base, { ...base })).toBe('equal');
    expect(compareVectors({}, base)).toBe('older');
    expect(mergeVectors(onTop, aside)).toEqual({ a: v(3, 'a'), b: v(2, 'b') });
  });

  it('short references come from the random end of the UUID', () => {
    expect(shortRef('H', '01900000-0000-7000-8000-7f3a9c001122')).toBe('H-7f3a9c');
  });
});
