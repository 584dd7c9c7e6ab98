// Issue 15's rule for every text listing and page: "No line is wider than the terminal (or $COLUMNS
// when stdout is not one), and no word is cut". On the demo journal, at 80 and 120 columns: each
// command fits, the statement and summary columns keep a useful length (cut after a whole word), and
// what does not fit beside them (flags, reasons) goes under the row instead of past the edge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';
import { displayWidth } from '../../src/render/width.js';

let box: Sandbox;
let db: string;
beforeAll(() => {
  box = sandbox();
  db = join(box.dir, 'demo.db');
  expect(box.pm(['--db', db, 'demo']).code).toBe(0);
});
afterAll(() => box.cleanup());

function out(args: string[], width: number): string[] {
  const r = box.pm(['--db', db, ...args], { env: { COLUMNS: String(width) } });
  expect(r.code, r.err).toBe(0);
  return r.out.trimEnd().split('\n');
}

const COMMANDS = [
  ['report'],
  ['report', '--full'],
  ['report', '--week', 'last'],
  ['contacts'],
  ['accounts'],
  ['opps'],
  ['tree'],
  ['show', 'H1'],
  ['show', 'Northwind'],
  ['hyp', 'list'],
  ['hyp', 'list', '--status', 'all'],
  ['coverage'],
  ['ls'],
];

describe('every listing and page fits the width', () => {
  for (const width of [80, 120])
    for (const args of COMMANDS)
      it(`pm ${args.join(' ')} at ${width} columns`, () => {
        for (const line of out(args, width)) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      });

  it('hyp list gives the statement the room and moves the flags under a row that has no room for them', () => {
    for (const width of [80, 120]) {
      const lines = out(['hyp', 'list'], width);
      const h1 = lines.find((l) => l.startsWith('H1 '))!;
      // the statement is "Finance teams will pay for automatic invoice matching": never a stub of it
      expect(h1).toMatch(/^H1 {2}Finance teams will pay for\b/);
      expect(lines.join('\n')).toMatch(/ready-to-validate/);
    }
    const wide = out(['hyp', 'list'], 120);
    expect(wide[0]).toMatch(/STATEMENT +KIND/);
  });

  it('report --full keeps whole words of statements and puts long reasons under their row', () => {
    for (const width of [80, 120]) {
      const text = out(['report', '--full'], width).join('\n');
      expect(text).toMatch(/ {2}H1 {2}Finance teams will pay for/);
      // the bet's reason, whole, on lines of its own
      expect(text.replace(/\n +/g, ' ')).toContain('we hold it until the January renewals');
      // nothing cut in the middle of a word: an ellipsis follows a whole word
      for (const m of text.matchAll(/(\S+)…/g)) expect(m[1], m[0]).not.toMatch(/^[a-z]{1,2}$/);
    }
  });

  it('tree wraps its lines under their branch, with every statement whole', () => {
    const lines = out(['tree'], 80);
    const text = lines.join('\n');
    expect(text.replace(/\n[│ ]+/g, ' ')).toContain('Finance teams will pay for automatic invoice matching');
    for (const l of lines.filter((x) => /^[│ ]/.test(x))) expect(l).toMatch(/^[│ ├└─]*\S/);
  });
});

describe('pm guide and pm guide check, the page read on a phone before a call (fresh-eyes wave 19 H23)', () => {
  it('wrap at 40 columns: each question under its number, Proves and Disproves under their label', () => {
    const lines = out(['guide', 'H1'], 40);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
    const first = lines.findIndex((l) => l.startsWith('  1. '));
    expect(lines[first + 1]).toMatch(/^ {5}\S/);
    const disproves = lines.findIndex((l) => l.startsWith('Disproves it'));
    expect(lines[disproves]).toMatch(/^Disproves it {5}\S/);
    expect(lines[disproves + 1]).toMatch(/^ {17}\S/);
    // the words are all there, in order: the same page as at any width
    const joined = (l: string[]) => l.join(' ').replace(/ +/g, ' ');
    expect(joined(lines)).toBe(joined(out(['guide', 'H1'], 400)));
  });

  it('pm guide check wraps each question and its problems at 40 columns', () => {
    const file = join(box.dir, 'q.txt');
    writeFileSync(file, 'Would you pay twenty percent more for a Slack bot if we built one for your whole team?\n');
    const r = box.pm(['--db', db, 'guide', 'check', file], { env: { COLUMNS: '40' } });
    expect(r.code, r.err).toBe(3);
    const lines = r.out.trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^1: Would you pay/);
    expect(lines[1]).toMatch(/^ {3}\S/);
  });
});

describe('counts and wording on the demo', () => {
  it("coverage counts a segment's accounts heard from among the same accounts as its total (cadence off left out)", () => {
    const c = box.json(['--db', db, 'coverage']);
    for (const g of c.segments) expect(g.accountsHeard, g.segment).toBeLessThanOrEqual(g.accounts);
    // smb: Foxworks, and Lostway (cadence off) whose conversation still counts
    const smb = c.segments.find((g: any) => g.segment === 'smb');
    expect(smb).toMatchObject({ accountsHeard: 1, accounts: 1 });
    expect(smb.conversations).toBeGreaterThan(1);
  });

  it('report --week last charts no week after the period', () => {
    const r = box.json(['--db', db, 'report', '--week', 'last']);
    expect(r.weekly.weeks.at(-1).end).toBe(r.period.end);
    expect(out(['report', '--week', 'last'], 80).join('\n')).not.toContain('so far');
  });

  it("the tree's hint names a hypothesis it lists", () => {
    const text = out(['tree'], 120).join('\n');
    const id = text.match(/pm hyp edit (H\d+) --for "…"/)![1];
    expect(text).toMatch(new RegExp(`── ${id} open`));
  });

  it('logging a stakeholder meeting or a signal says it is not customer contact', () => {
    // on a copy: the other tests read the demo as it was made
    const copy = join(box.dir, 'logged.db');
    copyFileSync(db, copy);
    const meeting = box.pm(['--db', copy, 'log', '--with', 'Sam Hale', '--channel', 'call', '--summary', 'pricing']);
    expect(meeting.out).toMatch(
      /^Logged I\d+ · call with Sam Hale \(Our team\) on .* · a stakeholder meeting: not customer contact\n$/,
    );
  });
});
