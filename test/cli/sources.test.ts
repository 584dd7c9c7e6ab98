// Signals from a source (issue 15): `--source NAME` on an indirect channel, instead of a person or
// an account. A source is never an account: no cadence, never going cold, counted apart in themes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';
import { APPLICATION_ID, runMigrations } from '../../src/db/journal.js';
import { MIGRATIONS } from '../../src/db/migrations.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ok = (args: string[]) => box.ok(args);

function refused(args: string[], message: RegExp) {
  const before = box.snapshot();
  const r = box.pm(args);
  expectUsageError(r);
  expect(r.err).toMatch(message);
  expect(box.snapshot()).toBe(before);
}

describe('pm log --source', () => {
  it('logs a signal from a source with no person and no account, and says where it came from', () => {
    ok(['init']);
    const r = ok(['log', '--channel', 'review', '--source', 'Capterra', '--summary', 'Exports are slow']);
    expect(r.out).toBe('Logged I1 · review signal from Capterra on 2026-11-20 · a signal: not customer contact\n');
    expect(r.err).not.toMatch(/new account/);
    const rec = box.json(['show', 'I1']);
    expect(rec).toMatchObject({ kind: 'indirect', account: null, accountUuid: null, source: 'Capterra', with: [] });
    expect(box.sql('SELECT count(*) AS n FROM accounts')[0].n).toBe(0);
    // a ticket from a known customer names both
    ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'call']);
    expect(
      ok(['log', '--channel', 'support', '--account', 'Acme', '--source', 'Zendesk', '--summary', 'ticket']).out,
    ).toBe('Logged I3 · support signal from Acme via Zendesk on 2026-11-20 · a signal: not customer contact\n');
    expect(box.json(['show', 'I3'])).toMatchObject({ account: 'Acme', source: 'Zendesk' });
  });

  it('is only for signals, and is never empty', () => {
    ok(['init']);
    refused(['log', '--source', 'Capterra', '--summary', 'x'], /--source is for signals, not a call/);
    refused(
      ['log', '--channel', 'video', '--with', 'Jane', '--account', 'Acme', '--source', 'Zoom', '--summary', 'x'],
      /not a video/,
    );
    refused(['log', '--channel', 'review', '--source', ' ', '--summary', 'x'], /--source is empty/);
    refused(['log', '--channel', 'review', '--summary', 'x'], /--with, --account or --source/);
  });

  it('a source is never an account: no cadence, never going cold, not in pm accounts', () => {
    ok(['log', '--channel', 'survey', '--source', 'NPS survey', '--summary', 'Asks for SSO', '--date', '2026-09-01']);
    expect(box.json(['accounts'])).toEqual([]);
    const report = box.json(['report']);
    expect(report.overdueAccounts).toEqual([]);
    expect(report.flags.map((f: { kind: string }) => f.kind)).not.toContain('account-cold');
  });

  it('pm ls --source lists its signals, case-insensitively; ls shows the source where the account goes', () => {
    ok(['log', '--channel', 'review', '--source', 'Capterra', '--summary', 'one']);
    ok(['log', '--channel', 'review', '--source', 'G2', '--summary', 'two']);
    expect(box.json(['ls', '--source', 'capterra']).map((r: { id: string }) => r.id)).toEqual(['I1']);
    expect(ok(['ls']).out).toMatch(/I1 +— +Capterra +review +one/);
  });
});

describe('themes count sources apart, as signals', () => {
  it('never as accounts, and a theme echoed by a source is not single-account', () => {
    ok(['log', '--with', 'Jane', '--account', 'Acme', '--summary', 'call', '--tag', 'export', '--date', '2026-11-17']);
    ok(['log', '--channel', 'review', '--source', 'Capterra', '--summary', 'r1', '--tag', 'Export']);
    ok(['log', '--channel', 'review', '--source', 'capterra', '--summary', 'r2', '--tag', 'export']);
    ok(['log', '--channel', 'survey', '--source', 'NPS survey', '--summary', 's', '--tag', 'export', '--tag', 'sso']);
    ok(['log', '--with', 'Jane', '--summary', 'call 2', '--tag', 'billing', '--date', '2026-11-18']);
    const themes = box.json(['report']).themes;
    expect(themes.find((t: { theme: string }) => t.theme.toLowerCase() === 'export')).toMatchObject({
      accounts: 1,
      signals: 2, // Capterra (either case) and NPS survey
      interviews: 4,
      flags: [],
    });
    expect(themes.find((t: { theme: string }) => t.theme === 'sso')).toMatchObject({
      accounts: 0,
      signals: 1,
      flags: [],
    });
    expect(themes.find((t: { theme: string }) => t.theme === 'billing')).toMatchObject({
      accounts: 1,
      signals: 0,
      flags: ['single-account'],
    });
  });
});

describe('pm edit and sources', () => {
  it('sets and clears a source; a signal keeps an account or a source; a direct channel has none', () => {
    ok(['log', '--channel', 'support', '--account', 'Acme', '--summary', 'ticket']);
    expect(box.json(['edit', 'I1', '--source', 'Zendesk'])).toMatchObject({ account: 'Acme', source: 'Zendesk' });
    ok(['edit', 'I1', '--clear', 'source']);
    expect(box.json(['show', 'I1']).source).toBeNull();
    ok(['log', '--channel', 'review', '--source', 'Capterra', '--summary', 'review']);
    refused(['edit', 'I2', '--clear', 'source'], /would come from nowhere/);
    refused(['edit', 'I2', '--channel', 'call', '--with', 'Jane', '--account', 'Acme'], /a call has no source/);
    expect(box.json(['edit', 'I2', '--account', 'Acme'])).toMatchObject({ account: 'Acme', source: 'Capterra' });
  });
});

describe('export and import', () => {
  it('round-trips a source and a signal without an account; a version-1 file still imports', () => {
    ok(['log', '--channel', 'review', '--source', 'Capterra', '--summary', 'Exports are slow', '--tag', 'export']);
    ok(['log', '--with', 'Jane', '--account', 'Acme', '--summary', 'call']);
    const doc = box.json(['export', '--format', 'json']);
    expect(
      doc.interviews.map((i: { source: string | null; accountUuid: string | null }) => [
        i.source,
        i.accountUuid === null,
      ]),
    ).toEqual([
      ['Capterra', true],
      [null, false],
    ]);
    const other = sandbox();
    try {
      const r = other.pm(['import', '-'], { input: JSON.stringify(doc) });
      expect(r.code, r.err).toBe(0);
      expect(other.json(['show', 'I1'])).toMatchObject({
        source: 'Capterra',
        account: null,
        summary: 'Exports are slow',
      });
      expect(other.json(['accounts']).map((a: { name: string }) => a.name)).toEqual(['Acme']);
      // a file without the key (pm before issue 15, version 1) imports as before
      const v1 = {
        format: 'pm-journal',
        version: 1,
        exportedAt: '2026-11-20T09:00:00Z',
        accounts: [{ uuid: '01900000-0000-7000-8000-000000000001', name: 'Globex', segment: null, cadenceDays: null }],
        interviews: [
          {
            uuid: '01900000-0000-7000-8000-000000000002',
            date: '2026-11-19',
            channel: 'support',
            contactUuids: [],
            accountUuid: '01900000-0000-7000-8000-000000000001',
            summary: 'old ticket',
            pains: ['slow'],
          },
        ],
      };
      const old = other.pm(['import', '-'], { input: JSON.stringify(v1) });
      expect(old.code, old.err).toBe(0);
      expect(other.json(['show', 'I3'])).toMatchObject({ source: null, account: 'Globex' });
      // bad: no account and no source; a source on a call
      const broken = structuredClone(v1);
      broken.interviews[0].uuid = '01900000-0000-7000-8000-000000000009';
      (broken.interviews[0] as { accountUuid: string | null }).accountUuid = null;
      const r1 = other.pm(['import', '-'], { input: JSON.stringify(broken) });
      expectUsageError(r1);
      expect(r1.err).toMatch(/accountUuid is missing/);
      const onCall = { ...v1, version: 2, interviews: [{ ...broken.interviews[0], channel: 'call', source: 'Zoom' }] };
      const r2 = other.pm(['import', '-'], { input: JSON.stringify(onCall) });
      expectUsageError(r2);
      expect(r2.err).toMatch(/only a signal .* has a source/);
    } finally {
      other.cleanup();
    }
  });

  it('CSV has a source column after notes; markdown says where a signal came from', () => {
    ok(['log', '--channel', 'review', '--source', 'Capterra', '--summary', 'Exports are slow']);
    const csv = ok(['export', '--format', 'csv']).out.split('\r\n');
    expect(csv[0]).toMatch(/,notes,source,stage,kind,pain_severities,hypothesis_bases,follow_up_answered_by$/);
    expect(csv[1]).toMatch(/,Capterra,,indirect,,,$/);
    expect(ok(['export', '--week']).out).toMatch(/## I1 · 2026-11-20 · review signal from Capterra/);
  });
});

describe('the schema 8 migration (interviews rebuilt: the account optional, a source column)', () => {
  it('keeps every interview, its links and its id counter; a deleted id is still never reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-m7-'));
    try {
      const db = new Database(join(dir, 'journal.db'));
      db.pragma(`application_id = ${APPLICATION_ID}`);
      runMigrations(
        db,
        0,
        MIGRATIONS.filter((m) => m.version <= 7),
      );
      db.exec(`INSERT INTO accounts (uuid, name) VALUES ('a1', 'Acme');
        INSERT INTO contacts (uuid, name, account_id) VALUES ('c1', 'Jane', 1);
        INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES ('h1', 'x', '2026-11-01', '2026-12-01');`);
      for (const k of [1, 2, 3])
        db.prepare(
          `INSERT INTO interviews (uuid, date, channel, account_id, summary, created_at, stage) VALUES (?, '2026-11-1${k}', 'call', 1, 's', 'now', 'adopt')`,
        ).run(`i${k}`);
      db.exec(`INSERT INTO interview_contacts VALUES (1, 1), (2, 1);
        INSERT INTO pains (interview_id, position, text) VALUES (1, 0, 'slow');
        INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (1, 2, 'supports');
        DELETE FROM interviews WHERE id = 3;`);
      runMigrations(db, 7);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      expect(db.prepare('SELECT id, kind, account_id, stage FROM interviews ORDER BY id').raw().all()).toEqual([
        [1, 'customer', 1, 'adopt'],
        [2, 'customer', 1, 'adopt'],
      ]);
      expect(db.prepare('SELECT count(*) FROM pains').pluck().get()).toBe(1);
      expect(db.prepare('SELECT kind, date FROM evidence').get()).toEqual({ kind: 'customer', date: '2026-11-12' });
      expect(db.prepare('SELECT last_direct FROM accounts').pluck().get()).toBe('2026-11-12');
      const next = db
        .prepare(
          `INSERT INTO interviews (uuid, date, channel, kind, source, summary, created_at) VALUES ('i4', '2026-11-14', 'review', 'indirect', 'Capterra', 's', 'now')`,
        )
        .run().lastInsertRowid;
      expect(next).toBe(4); // not 3: deleted before the upgrade
      expect(db.prepare('SELECT kind FROM interviews WHERE id = 4').pluck().get()).toBe('indirect');
      expect(() =>
        db.exec(
          `INSERT INTO interviews (uuid, date, channel, summary, created_at) VALUES ('i5', '2026-11-14', 'review', 's', 'now')`,
        ),
      ).toThrow(/CHECK/);
      expect(() =>
        db.exec(
          `INSERT INTO interviews (uuid, date, channel, source, account_id, summary, created_at) VALUES ('i6', '2026-11-14', 'call', 'Zoom', 1, 's', 'now')`,
        ),
      ).toThrow(/CHECK/);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
