// pm sync end to end (issue 19): three journals and one PostgreSQL (a real server, test/pg-setup.ts).
// Edits, deletions, outcomes, merges and an erasure made on each reach the others; every journal's
// export ends identical but for display ids and exportedAt; a concurrent edit keeps the losing
// version in pm sync conflicts; the database keeps no copy of an erased person.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { sandbox, type Sandbox } from '../helpers.js';
import { testDatabase, type TestDatabase } from '../pg.js';

let box: Sandbox;
let pg: TestDatabase;
beforeEach(async () => {
  box = sandbox();
  pg = await testDatabase();
});
afterEach(async () => {
  await pg.drop();
  box.cleanup();
});

type Name = 'dana' | 'eli' | 'fay';
const NAMES: Name[] = ['dana', 'eli', 'fay'];

/** pm in-process, with PGPASSWORD in its environment (what pm sync reads, as libpq does). */
function pm(who: Name, args: string[]) {
  const r = box.pm(['--db', join(box.dir, `${who}.db`), ...args], { env: pg.env });
  expect(r.code, `${who}: pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r;
}

const log = (who: Name, ...args: string[]) => pm(who, ['log', ...args]);
const sync = (who: Name) => JSON.parse(pm(who, ['sync', '--json']).out);

/**
 * An export without what differs between journals: exportedAt, display ids, and each journal's own
 * privacy key and the hashes made with it (issue 16; an erasure travels as the UUID).
 */
function comparable(text: string): unknown {
  const { exportedAt: _e, privacyKeys: _k, ...doc } = JSON.parse(text);
  doc.forgotten = doc.forgotten.map((f: { uuid: string }) => f.uuid);
  for (const list of [doc.interviews, doc.hypotheses]) for (const r of list) delete r.id;
  return doc;
}

describe('pm sync: three journals and one PostgreSQL', () => {
  it('converge: edits, deletions, outcomes, merges and an erasure from each; a concurrent edit keeps the loser', async () => {
    log(
      'dana',
      '--with',
      'Jane Roe <jane@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'Jane: exports take an hour',
      '--quote',
      'I lose my Mondays',
      '--date',
      '2026-11-16',
    );
    log('dana', '--with', 'Bo Li', '--account', 'Acme', '--summary', 'Bo wants SSO', '--date', '2026-11-17');
    pm('dana', ['hyp', 'add', 'Finance teams want faster exports', '--date', '2026-11-10']);
    pm('dana', ['hyp', 'link', 'H1', 'I1', '--supports']);
    for (const who of NAMES) expect(JSON.parse(pm(who, ['sync', 'init', pg.url, '--json']).out).url).toBe(pg.url);
    expect(sync('dana').pushed).toBeGreaterThan(0);
    sync('eli');
    sync('fay');
    // a new teammate's empty journal took the display ids of the first sync
    expect(JSON.parse(pm('eli', ['ls', '--json']).out).map((i: { id: string }) => i.id)).toEqual(['I2', 'I1']);

    pm('eli', ['edit', 'I1', '--summary', 'Jane: exports take an hour, every month-end']);
    log(
      'eli',
      '--with',
      'Kim Oh <kim@initech.test>',
      '--account',
      'Initech',
      '--summary',
      'Kim: reports',
      '--date',
      '2026-11-18',
    );
    pm('eli', ['hyp', 'kill', 'H1', '--reason', 'nobody pays for speed', '--date', '2026-11-19']);
    pm('eli', ['forget', 'Kim Oh', '--yes']);

    pm('eli', ['edit', 'I2', '--tag', 'sso']);
    pm('fay', ['edit', 'I1', '--tag', 'export']); // concurrent with Eli's edit of I1 (Jane's: no conflict is kept)
    pm('fay', ['delete', 'I2', '--yes']);
    log('fay', '--with', 'Lee Park', '--account', 'ACME Inc', '--summary', 'Lee: same as Jane', '--date', '2026-11-18');
    pm('fay', ['account', 'merge', 'ACME Inc', 'Acme']);
    pm('fay', ['config', 'set', 'cadence.target', '3']);

    pm('dana', ['forget', 'Jane Roe', '--yes']);
    pm('dana', ['hyp', 'add', 'Admins want SSO', '--date', '2026-11-19']);

    for (const who of NAMES) sync(who);
    for (const who of NAMES) sync(who);

    const exports = NAMES.map((who) => pm(who, ['export', '--format', 'json']).out);
    expect(comparable(exports[1])).toEqual(comparable(exports[0]));
    expect(comparable(exports[2])).toEqual(comparable(exports[0]));
    const conflictLists = NAMES.map((who) => pm(who, ['sync', 'conflicts', '--json']).out);
    for (const text of [...exports, ...conflictLists])
      for (const gone of ['Jane Roe', 'jane@acme', 'Kim Oh', 'kim@initech', 'Mondays'])
        expect(text).not.toContain(gone);
    for (const who of NAMES) {
      const ls = JSON.parse(pm(who, ['ls', '--json']).out) as { summary: string; account: string }[];
      expect(ls.map((i) => i.summary)).not.toContain('Bo wants SSO');
      expect(new Set(ls.map((i) => i.account))).toEqual(new Set(['Acme', 'Initech']));
      const hyps = JSON.parse(pm(who, ['hyp', 'list', '--status', 'all', '--json']).out) as { status: string }[];
      expect(hyps.map((h) => h.status).sort()).toEqual(['killed', 'open']);
      expect(JSON.parse(pm(who, ['config', 'get', 'cadence.target', '--json']).out)).toBe(3);
      expect(JSON.parse(pm(who, ['sync', 'status', '--json']).out)).toMatchObject({ waiting: 0, toPull: 0 });
    }
    // Eli's edit and Fay's deletion of I2 were concurrent: one won everywhere; whoever merged them keeps the other
    const conflicts = NAMES.flatMap((who) => JSON.parse(pm(who, ['sync', 'conflicts', '--json']).out));
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts[0]).toMatchObject({ kind: 'interview', lost: { deleted: false } });
    const holder = NAMES.find((who) => JSON.parse(pm(who, ['sync', 'conflicts', '--json']).out).length > 0)!;
    const resolved = JSON.parse(pm(holder, ['sync', 'resolve', String(conflicts[0].id), 'kept', '--json']).out);
    expect(resolved).toMatchObject({ id: conflicts[0].id, resolved: 'kept' });

    // the database keeps no copy of an erased person: no row, old version or conflict holds them
    const rows = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pm.records WHERE data::text ~* '(jane roe|jane@acme|kim oh|kim@initech|mondays)'`,
    );
    expect(rows[0].n).toBe(0);
    // nor any byte on disk: the table's files, its TOAST and its indexes, read as PostgreSQL wrote them
    await pg.query('CHECKPOINT');
    const files = await pg.query<{ path: string }>(
      `SELECT pg_relation_filepath(c.oid) AS path FROM pg_class c
       WHERE c.oid IN (SELECT 'pm.records'::regclass UNION SELECT reltoastrelid FROM pg_class
         WHERE oid = 'pm.records'::regclass UNION SELECT indexrelid FROM pg_index
         WHERE indrelid = 'pm.records'::regclass) AND pg_relation_filepath(c.oid) IS NOT NULL`,
    );
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const { path } of files) {
      const [{ bytes }] = await pg.query<{ bytes: Buffer }>('SELECT pg_read_binary_file($1) AS bytes', [path]);
      for (const gone of ['Jane Roe', 'jane@acme', 'Kim Oh', 'kim@initech', 'Mondays'])
        expect(bytes.includes(gone), `${gone} in ${path}`).toBe(false);
    }
    const tables = await pg.query<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'pm' ORDER BY 1",
    );
    expect(tables.map((t) => t.t)).toEqual(['meta', 'records']);
  });

  it('warns of a pulled hypothesis stating an open one here again, as pm import does (evidence split)', () => {
    pm('dana', ['hyp', 'add', 'Finance teams want itemised invoices', '--date', '2026-11-10']);
    pm('eli', ['hyp', 'add', 'finance teams want itemised invoices!', '--date', '2026-11-11']);
    pm('eli', ['hyp', 'add', 'Admins want SSO', '--date', '2026-11-11']);
    for (const who of ['dana', 'eli'] as const) pm(who, ['sync', 'init', pg.url]);
    expect(pm('dana', ['sync']).err).toBe('');
    const r = pm('eli', ['sync']);
    expect(r.err).toMatch(/the new H3 "Finance teams want itemised invoices" states the open H1 again/);
    expect(r.err.split('\n').filter((l) => l.includes('states the open'))).toHaveLength(1);
    // dana pulls eli's two: one states hers again
    expect(pm('dana', ['sync']).err).toMatch(
      /the new H\d "finance teams want itemised invoices!" states the open H1 again/,
    );
    // said once: the next sync pulls nothing new
    expect(pm('dana', ['sync']).err).toBe('');
  });

  it('an erasure wins over a concurrent edit: the losing version naming her is not kept, nor brought back', () => {
    log(
      'dana',
      '--with',
      'Jane Roe <jane@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'Exports are slow',
      '--quote',
      'I lose my Mondays',
      '--date',
      '2026-11-16',
    );
    pm('dana', ['hyp', 'add', 'Finance teams want faster exports', '--date', '2026-11-10']);
    pm('dana', ['hyp', 'link', 'H1', 'I1', '--supports']);
    for (const who of ['dana', 'eli'] as const) pm(who, ['sync', 'init', pg.url]);
    sync('dana');
    sync('eli');
    pm('eli', ['edit', 'I1', '--summary', 'Jane Roe says exports take two hours']);
    const before = JSON.parse(pm('eli', ['export', '--format', 'json']).out).interviews[0];
    pm('dana', ['forget', 'Jane Roe', '--yes']);
    // Eli's interrupted pm log kept a draft naming her (issue 15): the erasure reaching Eli drops it
    const draft = join(box.dir, 'eli.db.log-draft.json');
    const answers = { who: { name: 'Jane Roe <jane@acme.test>' }, summary: 'follow-up on exports' };
    writeFileSync(draft, JSON.stringify({ format: 'pm-log-draft', savedAt: '2026-11-20T10:00:00.000Z', answers }));
    sync('eli');
    sync('dana');
    expect(existsSync(draft)).toBe(true);
    sync('eli');
    expect(existsSync(draft)).toBe(false);
    for (const who of ['dana', 'eli'] as const) {
      const text = pm(who, ['sync', 'conflicts', '--json']).out;
      for (const gone of ['Jane', 'jane@acme', 'Mondays']) expect(text, `${who}'s conflicts`).not.toContain(gone);
      // whatever conflict is kept, bringing it back brings nothing of her back
      for (const c of JSON.parse(text) as { id: number }[]) {
        const r = box.pm(['--db', join(box.dir, `${who}.db`), 'sync', 'resolve', String(c.id), 'lost'], {
          env: pg.env,
        });
        expect([0, 2]).toContain(r.code);
      }
      sync(who);
    }
    sync('dana');
    // a copy kept some other way (an older pm) is refused too, and the journal is left as it was
    const db = new Database(join(box.dir, 'dana.db'));
    db.prepare(`INSERT INTO sync_conflicts (kind, key, kept_version, lost_version, lost_deleted, lost_data, detected_on)
      VALUES ('interview', ?, 'a', 'b', 0, ?, '2026-11-20')`).run(before.uuid, JSON.stringify(before));
    const id = db.prepare('SELECT max(id) FROM sync_conflicts').pluck().get();
    db.close();
    const refused = box.pm(['--db', join(box.dir, 'dana.db'), 'sync', 'resolve', String(id), 'lost'], { env: pg.env });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('cannot be brought back');
    for (const who of ['dana', 'eli'] as const) {
      const text = pm(who, ['export', '--format', 'json']).out;
      for (const gone of ['Jane', 'jane@acme', 'Mondays']) expect(text, `${who}'s export`).not.toContain(gone);
    }
  });

  it('a kept conflict over a hypothesis her interview is evidence for loses her first name too, as H1 does', () => {
    log(
      'dana',
      '--with',
      'Jane Roe <jane@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'Exports',
      '--date',
      '2026-11-16',
    );
    pm('dana', ['hyp', 'add', 'Finance teams want faster exports', '--date', '2026-11-10']);
    pm('dana', ['hyp', 'link', 'H1', 'I1', '--supports']);
    for (const who of ['dana', 'eli'] as const) pm(who, ['sync', 'init', pg.url]);
    sync('dana');
    sync('eli');
    pm('eli', ['hyp', 'edit', 'H1', '--statement', 'Jane wants exports before month-end', '--force']);
    pm('dana', ['hyp', 'edit', 'H1', '--statement', "Jane's team wants faster exports", '--force']);
    sync('eli');
    sync('dana');
    const before = JSON.parse(pm('dana', ['sync', 'conflicts', '--json']).out);
    expect(before).toHaveLength(1);
    expect(JSON.stringify(before)).toContain('Jane');
    pm('dana', ['forget', 'Jane Roe', '--yes']);
    const after = pm('dana', ['sync', 'conflicts', '--json']).out;
    expect(JSON.parse(after)).toHaveLength(1);
    expect(after).not.toContain('Jane');
    expect(pm('dana', ['hyp', 'show', 'H1', '--json']).out).not.toContain('Jane');
  });

  it('a conflict found after the erasure loses her name and email, though the journal knows only their hashes', () => {
    log(
      'dana',
      '--with',
      'Jane Roe <jane@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'Exports',
      '--date',
      '2026-11-16',
    );
    pm('dana', ['hyp', 'add', 'Finance teams want faster exports', '--date', '2026-11-10']);
    for (const who of ['dana', 'eli'] as const) pm(who, ['sync', 'init', pg.url]);
    sync('dana');
    sync('eli');
    pm('eli', ['hyp', 'edit', 'H1', '--statement', 'Like Jane Roe (jane@acme.test), finance teams want exports']);
    pm('dana', ['hyp', 'edit', 'H1', '--statement', 'Finance teams want exports in minutes']);
    pm('dana', ['forget', 'Jane Roe', '--yes']);
    sync('eli');
    sync('dana');
    const text = pm('dana', ['sync', 'conflicts', '--json']).out;
    expect(JSON.parse(text)).toHaveLength(1);
    expect(text).toContain('finance teams want exports');
    for (const gone of ['Jane Roe', 'jane@acme']) expect(text).not.toContain(gone);
  });

  it('a newer edit arriving after the erasure is written without her name, and the scrubbed text travels on', () => {
    log(
      'dana',
      '--with',
      'Jane Roe <jane@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'Exports',
      '--date',
      '2026-11-16',
    );
    pm('dana', ['hyp', 'add', 'Finance teams want faster exports', '--date', '2026-11-10']);
    for (const who of ['dana', 'eli'] as const) pm(who, ['sync', 'init', pg.url]);
    sync('dana');
    sync('eli');
    pm('eli', ['hyp', 'edit', 'H1', '--statement', 'Jane Roe and her finance team want faster exports']);
    sync('eli');
    sync('dana');
    pm('dana', ['forget', 'Jane Roe', '--yes']);
    // Eli, not yet knowing of the erasure, edits again: the newer version, naming her (and only
    // H1 travels: Dana's journal knows Jane by her keyed hashes alone)
    pm('eli', ['hyp', 'edit', 'H1', '--statement', 'Jane Roe and her finance team want exports in minutes']);
    sync('eli');
    sync('dana');
    const shown = pm('dana', ['hyp', 'show', 'H1', '--json']).out;
    expect(shown).toContain('and her finance team want exports in minutes');
    const file = join(box.dir, 'dana.db');
    const bytes = Buffer.concat([
      readFileSync(file),
      existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0),
    ]);
    expect(bytes.includes('Jane Roe')).toBe(false);
    for (const text of [shown, pm('dana', ['export', '--format', 'json']).out]) expect(text).not.toContain('Jane Roe');
    // the scrubbed text is a new version of Dana's: Eli takes it, and both end the same
    sync('eli');
    sync('dana');
    sync('eli');
    const [d, e] = (['dana', 'eli'] as const).map((who) => pm(who, ['export', '--format', 'json']).out);
    expect(e).not.toContain('Jane Roe');
    expect(comparable(e)).toEqual(comparable(d));
  });
});
