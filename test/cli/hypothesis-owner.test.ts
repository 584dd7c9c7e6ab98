// A hypothesis records who added it (schema 75), and a person's page acts only on their own and on no
// one's (fresh-eyes wave 18 H14): after pm import of Ana's export, her hypothesis past its decide-by read
// "! Decide H1 … Ana's idea" on Pat's standup, and his cron's pm report --check exited 3.
import { join } from 'node:path';
import { writeFileSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
});
afterEach(() => box.cleanup());

/** Ana's export: a hypothesis past its decide-by, stale, and one whose bet ran out. */
function anasFile(): string {
  const ana = ['--db', join(box.dir, 'ana.db')];
  box.ok([...ana, 'config', 'set', 'user.name', 'Ana']);
  box.ok([...ana, 'hyp', 'add', "Ana's idea", '--date', '2026-10-01', '--decide-by', '2026-11-01']);
  box.ok([...ana, 'hyp', 'add', "Ana's bet", '--date', '2026-11-01', '--decide-by', '2026-12-30']);
  box.ok([...ana, 'hyp', 'bet', 'H2', '--until', '2026-12-01', '--reason', 'a hunch', '--date', '2026-11-02']);
  const file = join(box.dir, 'ana.json');
  box.ok([...ana, 'export', '--format', 'json', '--out', file]);
  return file;
}

const kinds = (r: { flags: { kind: string; subject: string }[] }) => r.flags.map((f) => `${f.kind} ${f.subject}`);

describe('a teammate’s hypotheses on my page', () => {
  it('are listed, but their decide-by, bet and staleness are not my actions; the team page has them', () => {
    box.ok(['config', 'set', 'user.name', 'Pat']);
    box.ok(['log', '--with', 'Me', '--account', 'Mine', '--summary', 'mine', '--date', '2026-12-04']);
    box.ok(['import', anasFile()]);
    const ids = box
      .json(['hyp', 'list'])
      .map((h: { id: string; statement: string; by: string }) => [h.statement, h.by]);
    expect(ids).toEqual([
      ["Ana's idea", 'Ana'],
      ["Ana's bet", 'Ana'],
    ]);

    const mine = box.json(['report']);
    expect(kinds(mine)).toEqual([]);
    // a shared belief: still counted and listed, with what it is
    expect(mine.hypotheses.unvalidated.map((h: { flags: string[] }) => h.flags)).toEqual([
      expect.arrayContaining(['stale', 'past-decide-by']),
      expect.arrayContaining(['bet-due']),
    ]);
    const page = box.ok(['report']).out;
    expect(page).not.toContain('Decide H');
    expect(page).toContain('Nothing needs action');
    expect(box.pm(['report', '--check']).code).toBe(0);
    expect(box.pm(['report', '--check', '--json']).code).toBe(0);

    const team = box.json(['report', '--team']);
    expect(kinds(team)).toEqual(expect.arrayContaining(['past-decide-by H1', 'stale H1', 'bet-due H2']));
    expect(box.pm(['report', '--team', '--check']).code).toBe(3);
    expect(box.ok(['hyp', 'show', 'H1']).out).toMatch(/Created +2026-10-01 \(67 days ago\) by Ana\n/);
  });

  it('that I added, or that no one did (an older file), stay my actions', () => {
    box.ok(['config', 'set', 'user.name', 'Pat']);
    box.ok(['hyp', 'add', 'My idea', '--date', '2026-10-01', '--decide-by', '2026-11-02']);
    expect(box.json(['hyp', 'show', 'H1']).by).toBe('Pat');
    expect(box.ok(['hyp', 'show', 'H1']).out).toMatch(/Created +2026-10-01 \(67 days ago\)\n/);
    // a file from a pm before schema 75: its hypothesis names no one
    const file = anasFile();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    for (const h of doc.hypotheses) delete h.by;
    writeFileSync(file, JSON.stringify(doc));
    box.ok(['import', file]);
    expect(box.json(['hyp', 'list']).map((h: { by: string | null }) => h.by)).toEqual(['Pat', null, null]);
    expect(kinds(box.json(['report']))).toEqual(
      expect.arrayContaining(['past-decide-by H1', 'past-decide-by H2', 'bet-due H3']),
    );
    expect(box.pm(['report', '--check']).code).toBe(3);
  });

  it('keep their owner through a later import that names no one, and mine moves to my name when I set one', () => {
    box.ok(['hyp', 'add', 'My idea', '--date', '2026-10-01']);
    const login = box.json(['hyp', 'show', 'H1']).by;
    expect(login).toEqual(expect.any(String));
    box.ok(['config', 'set', 'user.name', 'Pat']);
    expect(box.json(['hyp', 'show', 'H1']).by).toBe('Pat');

    const file = anasFile();
    box.ok(['import', file]);
    // Ana edits her idea in a pm that does not know who added it: her name stays
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const h = doc.hypotheses[0];
    delete h.by;
    h.statement = "Ana's idea, sharper";
    h.rev = h.rev.replace(/^[0-9a-f]{12}/, (ms: string) =>
      (Number.parseInt(ms, 16) + 1000).toString(16).padStart(12, '0'),
    );
    const device = h.rev.split('.')[1];
    h.vv = { ...h.vv, [device]: h.rev };
    writeFileSync(file, JSON.stringify(doc));
    box.ok(['import', file]);
    expect(box.json(['hyp', 'show', 'H2'])).toMatchObject({ statement: "Ana's idea, sharper", by: 'Ana' });
  });
});

describe('the hypotheses a journal held before schema 75', () => {
  it("are the user's where this journal has a version of them, no one's where they only arrived; no new version", () => {
    box.ok(['config', 'set', 'user.name', 'Pat']);
    box.ok(['hyp', 'add', 'My idea', '--date', '2026-10-01', '--decide-by', '2026-11-02']);
    box.ok(['import', anasFile()]);
    // as a pm before schema 75 left it: no one named (set back by hand, the column goes and comes back)
    const old = new Database(box.db);
    old.prepare('UPDATE sync_clock SET tracking = 0').run();
    old.prepare('UPDATE hypotheses SET by = NULL').run();
    old.prepare('UPDATE sync_clock SET tracking = 1').run();
    old.pragma('user_version = 74');
    const versions = () => old.prepare('SELECT kind, key, version, vv, dirty FROM record_versions ORDER BY 1, 2').all();
    const before = versions();
    expect(box.json(['hyp', 'list']).map((h: { by: string | null }) => h.by)).toEqual(['Pat', null, null]);
    expect(old.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(75);
    expect(versions()).toEqual(before);
    old.close();
    // Ana's, no one's now, are my actions as before
    expect(kinds(box.json(['report']))).toEqual(expect.arrayContaining(['past-decide-by H2', 'bet-due H3']));
  });
});

describe('a teammate’s hypothesis I changed before schema 75', () => {
  it('stays no one’s at the upgrade, and my next change does not make it mine in her journal (review wave 19 R2)', () => {
    box.ok(['config', 'set', 'user.name', 'Pat']);
    box.ok(['hyp', 'add', 'My idea', '--date', '2026-10-01', '--decide-by', '2026-11-02']);
    box.ok(['import', anasFile()]);
    // before schema 75 I moved Ana's decide-by: this journal's device then had a version of her idea
    box.ok(['hyp', 'edit', 'H2', '--decide-by', '2026-12-20']);
    const old = new Database(box.db);
    old.prepare('UPDATE sync_clock SET tracking = 0').run();
    old.prepare('UPDATE hypotheses SET by = NULL').run();
    old.prepare('UPDATE sync_clock SET tracking = 1').run();
    old.pragma('user_version = 74');
    old.close();
    // the upgrade: mine is mine; the one I only changed is not named mine (it was Ana's)
    expect(box.json(['hyp', 'list']).map((h: { by: string | null }) => h.by)).toEqual(['Pat', null, null]);
    // my next change of it travels: Ana's journal keeps her name on her idea
    box.ok(['hyp', 'edit', 'H2', '--decide-by', '2026-12-21']);
    const mine = join(box.dir, 'pat.json');
    box.ok(['export', '--format', 'json', '--out', mine]);
    const ana = ['--db', join(box.dir, 'ana.db')];
    box.ok([...ana, 'import', mine]);
    expect(box.json([...ana, 'hyp', 'show', 'H1'])).toMatchObject({ statement: "Ana's idea", by: 'Ana' });
  });
});

describe("a journal of one's own checked under another login (review wave 19 R1)", () => {
  it("keeps its own hypotheses' actions: the same person's cron is no teammate", () => {
    const alice = { env: { USER: 'alice' } };
    box.ok(['hyp', 'add', 'Teams want SSO', '--date', '2026-10-01', '--decide-by', '2026-11-10'], alice);
    box.ok(['log', '--with', 'Jane <j@a.test>', '--account', 'Acme', '--summary', 'x', '--date', '2026-12-04'], alice);
    expect(box.pm(['report', '--check'], alice).code).toBe(3);
    const runner = box.pm(['report', '--check'], { env: { USER: 'runner' } });
    expect(runner.code).toBe(3);
    expect(kinds(box.json(['report', '--json'], { env: { USER: 'runner' } }))).toContain('past-decide-by H1');
    // a teammate's, arrived by import, stays theirs under any login
    box.ok(['import', anasFile()], { env: { USER: 'runner' } });
    expect(kinds(box.json(['report', '--json'], { env: { USER: 'runner' } }))).not.toContain('past-decide-by H2');
  });
});
