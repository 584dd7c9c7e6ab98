// A tilde the shell did not expand (`PM_DB="~/notes/pm.db"` in quotes, a crontab, an .env file) is the
// home folder, as git reads it, not a folder named "~" in whatever folder pm runs from; and a reading
// command on a journal that does not exist names the path it looked at (fresh-eyes wave 10 E4).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('a leading ~/ in pm backup PATH and pm export --out', () => {
  it('is the home folder too (fresh-eyes wave 10 F5)', () => {
    const home = box.env.HOME!;
    const cwd = join(box.dir, 'elsewhere');
    mkdirSync(cwd);
    mkdirSync(home, { recursive: true });
    expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'exports hurt']).code).toBe(0);
    const backup = box.pm(['backup', '~/bk.db'], { cwd });
    expect(backup.code, backup.err).toBe(0);
    const exported = box.pm(['export', '--format', 'json', '--out', '~/exp.json'], { cwd });
    expect(exported.code, exported.err).toBe(0);
    expect(existsSync(join(home, 'bk.db'))).toBe(true);
    expect(existsSync(join(home, 'exp.json'))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('a leading ~/ in --db or $PM_DB', () => {
  it('is the home folder, whatever folder pm runs from', () => {
    const home = box.env.HOME!;
    const one = join(box.dir, 'one');
    const two = join(box.dir, 'two');
    mkdirSync(one);
    mkdirSync(two);
    const env = { PM_DB: '~/notes/pm.db' };
    const logged = box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'exports hurt'], {
      env,
      cwd: one,
    });
    expect(logged.code, logged.err).toBe(0);
    expect(existsSync(join(home, 'notes', 'pm.db'))).toBe(true);
    expect(readdirSync(one)).toEqual([]);
    const listed = box.pm(['ls'], { env, cwd: two });
    expect(listed.out).toContain('exports hurt');
    expect(box.pm(['--db', '~/notes/pm.db', 'ls'], { cwd: two }).out).toContain('exports hurt');
    expect(box.pm(['doctor'], { env, cwd: two }).out).toContain(`Journal:   ${join(home, 'notes', 'pm.db')}`);
  });
});

// fresh-eyes wave 12 G13: `PM_DB='$HOME/pm.db'` (an .env file, a systemd unit) made a folder named
// "$HOME" in the folder pm ran from, and a new journal in it
// the braced form, written out: what an .env file holds, never a template here
const BRACED = ['$', '{HOME}'].join('');

describe(`a leading $HOME/ or ${BRACED}/ left unexpanded`, () => {
  it('is the home folder, as ~/ is', () => {
    const home = box.env.HOME!;
    const cwd = join(box.dir, 'project');
    mkdirSync(cwd);
    mkdirSync(home, { recursive: true });
    for (const PM_DB of ['$HOME/pm.db', `${BRACED}/pm.db`]) {
      const r = box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', PM_DB], { env: { PM_DB }, cwd });
      expect(r.code, r.err).toBe(0);
    }
    expect(readdirSync(cwd)).toEqual([]);
    expect(box.pm(['--db', join(home, 'pm.db'), 'ls']).out).toMatch(
      /\$HOME\/pm\.db[\s\S]*\$\{HOME\}\/pm\.db|\$\{HOME\}\/pm\.db[\s\S]*\$HOME\/pm\.db/,
    );
    expect(box.pm(['--db', join(home, 'pm.db'), 'backup', '$HOME/bk.db'], { cwd }).code).toBe(0);
    expect(existsSync(join(home, 'bk.db'))).toBe(true);
    // a $ elsewhere is part of a name
    expect(box.pm(['--db', join(home, 'pm.db'), 'export', '--out', join(box.dir, 'a$HOME.md')]).code).toBe(0);
    expect(existsSync(join(box.dir, 'a$HOME.md'))).toBe(true);
  });
});

describe('a reading command on a journal that does not exist', () => {
  it('says once, on stderr, that there is no journal at that path; the output is as for an empty journal', () => {
    const typo = join(box.dir, 'jurnal.db');
    for (const args of [['ls'], ['report'], ['ls', '--json']]) {
      const r = box.pm(['--db', typo, ...args]);
      expect(r.code).toBe(0);
      expect(r.err.split('\n').filter((line) => line.includes('no journal'))).toEqual([
        `pm: no journal at ${typo} yet (pm log makes it; if you meant another: --db or $PM_DB)`,
      ]);
    }
    expect(existsSync(typo)).toBe(false);
    // pm doctor says so in its own words; a journal that exists reads without the line
    expect(box.pm(['--db', typo, 'doctor']).err).not.toContain('no journal at');
    box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'exports hurt']);
    expect(box.pm(['ls']).err).toBe('');
  });

  it('pm report --check: exit 1 naming the path, not "OVERDUE · Nothing logged yet" exit 3 (H18: cron without PM_DB)', () => {
    const typo = join(box.dir, 'jurnal.db');
    for (const args of [
      ['report', '--check'],
      ['report', '--week', '--check'],
      ['report', '--check', '--json'],
    ]) {
      const r = box.pm(['--db', typo, ...args]);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(`pm: no journal at ${typo}: nothing to check\nhint: pm log makes it;`);
      expect(r.err).toMatch(/set it in the crontab/);
    }
    expect(existsSync(typo)).toBe(false);
  });

  it('pm coverage --check: exit 1 naming the path, not "No silent segment" exit 0 (fresh-eyes wave 19 H4)', () => {
    const typo = join(box.dir, 'jurnal.db');
    for (const args of [
      ['coverage', '--check'],
      ['coverage', '--check', '--format', 'json'],
    ]) {
      const r = box.pm(['--db', typo, ...args]);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(`pm: no journal at ${typo}: nothing to check\nhint: pm log makes it;`);
    }
    // without --check a missing journal is read as an empty one, as every read is
    expect(box.pm(['--db', typo, 'coverage']).code).toBe(0);
    expect(existsSync(typo)).toBe(false);
  });
});
