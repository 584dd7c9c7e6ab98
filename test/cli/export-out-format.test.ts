// Fresh-eyes wave 12 G9: `pm export --out team.json` wrote markdown into team.json with "Wrote … to
// team.json", and the teammate's `pm import team.json` refused it later. With no --format (nor
// --json), the file's name says the format; a format given that the name contradicts is written as
// asked, with a warning. Fails before (markdown in every file).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandboxForFile } from '../helpers.js';

const box = sandboxForFile([
  ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close takes two days'],
]);

describe('pm export --out NAME', () => {
  it("writes the format the file's name says when --format is not given", () => {
    const read = (name: string) => readFileSync(`${box().dir}/${name}`, 'utf8');
    for (const name of ['team.json', 'rows.csv', 'page.html', 'week.md', 'notes.txt']) {
      const r = box().pm(['export', '--out', `${box().dir}/${name}`]);
      expect(r.code, name).toBe(0);
      expect(r.err, name).not.toMatch(/warning/);
    }
    expect(JSON.parse(read('team.json')).format).toBe('pm-journal');
    expect(read('rows.csv')).toMatch(/^id,uuid,date,/);
    expect(read('page.html')).toMatch(/^<!DOCTYPE html>/);
    expect(read('week.md')).toMatch(/^# Report /);
    expect(read('notes.txt')).toMatch(/^# Report /);
    // what the teammate does with it
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
