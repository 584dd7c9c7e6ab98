// Fresh-eyes wave 12 G9: `pm export --out team.json` wrote markdown into team.json with only "Wrote … to
// team.json", and the teammate's `pm import team.json` refused it later. md stays the default (the
// contract's); a file whose name says another format gets a warning naming the flag that writes it.
// Fails before (no warning).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandboxForFile } from '../helpers.js';

const box = sandboxForFile([
  ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close takes two days'],
]);

describe('pm export --out NAME', () => {
  it('writes md by default, and says so when the name says json, csv or html', () => {
    const read = (name: string) => readFileSync(`${box().dir}/${name}`, 'utf8');
    for (const [name, says] of [
      ['team.json', 'json'],
      ['rows.csv', 'csv'],
      ['page.html', 'html'],
    ]) {
      const r = box().pm(['export', '--out', `${box().dir}/${name}`]);
      expect(r.code, name).toBe(0);
      expect(r.err).toMatch(
        new RegExp(
          `^pm: warning: writing md into .*${name}, whose name says ${says}; --format ${says} writes ${says}$`,
          'm',
        ),
      );
      expect(read(name)).toMatch(/^# Report /);
    }
    for (const name of ['week.md', 'notes.txt']) {
      const r = box().pm(['export', '--out', `${box().dir}/${name}`]);
      expect(r.code, name).toBe(0);
      expect(r.err, name).not.toMatch(/warning/);
      expect(read(name)).toMatch(/^# Report /);
    }
    // the flag it names writes what the teammate imports
    expect(box().pm(['export', '--format', 'json', '--out', `${box().dir}/team.json`]).err).not.toMatch(/warning/);
    expect(JSON.parse(read('team.json')).format).toBe('pm-journal');
    const mate = box().pm(['--db', `${box().dir}/mate.db`, 'import', `${box().dir}/team.json`]);
    expect(mate.code, mate.err).toBe(0);
  });

  it('writes a format given as asked, and says when the name contradicts it', () => {
    const r = box().pm(['export', '--format', 'json', '--out', `${box().dir}/late.md`]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^pm: warning: writing json into .*late\.md, whose name says md; --format md writes md$/m);
    expect(JSON.parse(readFileSync(`${box().dir}/late.md`, 'utf8')).format).toBe('pm-journal');
  });
});
