// The standup page (issue 15): `pm report`'s default text fits 80×24 for the demo journal and for a
// busy week, the verdict first, "Needs action" grouped with the command that acts on each group, no
// line wider than the terminal and no word cut; --full, markdown and JSON keep every section.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sandbox, type Sandbox } from '../helpers.js';
import { displayWidth } from '../../src/render/width.js';
import { addPeople } from '../../src/db/interview-writer.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

/** Each word of `page`, as a word of the same page printed without a width (a cut word is not one). */
function expectNoWordCut(page: string, wide: string): void {
  const words = new Set(wide.split(/\s+/).filter(Boolean));
  for (const token of page.split(/\s+/).filter(Boolean)) {
    if (!token.endsWith('…')) continue;
    // "statement…": the word before the ellipsis is whole (a word of the wide page, or of it ending
    // in punctuation the cut removed)
    const word = token.slice(0, -1);
    if (word === '') continue;
    const whole = [...words].some((w) => w === word || w.replace(/[,;:.·—)]+$/u, '') === word);
    expect(whole, `"${token}" is a word cut in the middle`).toBe(true);
  }
}

function expectFits(page: string, width: number, height: number): void {
  const ls = lines(page);
  expect(ls.length, page).toBeLessThanOrEqual(height);
  for (const l of ls) expect(displayWidth(l), l).toBeLessThanOrEqual(width);
}

describe('the demo journal', () => {
  it('fits 80×24 with the verdict first, its chart from the first week, and no word cut', () => {
    const env = { TMPDIR: box.dir, COLUMNS: '80' };
    const r = box.pm(['--db', `${box.dir}/demo.db`, 'demo'], { env });
    expect(r.code, r.err).toBe(0);
    expectFits(r.out, 80, 24);
    // stderr's one line fits beside it on a 24-line terminal
    expect(lines(r.out).length + lines(r.err).length).toBeLessThanOrEqual(24);
    const page = lines(r.out);
    expect(page[0]).toBe('OVERDUE · 2026-W47 · as of 2026-11-20');
    expect(page[1]).toMatch(/^Customer contact: 0 of 3 this week, 3 more by Sun/);
    // the first conversation was on 2026-10-07 (W41): no week before it is charted
    const weeks = page.filter((l) => /^ {2}2026-W\d\d /.test(l)).map((l) => l.trim().slice(0, 8));
    expect(weeks).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    // the heading counts the lines under it, and the flags behind them (several share a line: E22)
    const flags = box.json(['--db', `${box.dir}/demo.db`, 'report']).flags.length;
    const header = page.findIndex((l) => l.startsWith('Needs action'));
    expect(header).toBeGreaterThan(0);
    const action = page.slice(header + 1);
    const bullets = action.filter((l) => /^ {2}[!·] /.test(l)).length;
    expect(bullets).toBeLessThan(flags);
    expect(page[header]).toBe(`Needs action (${bullets}, from ${flags} flags)`);
    // most urgent first, each with its command
    expect(action[0]).toMatch(/^ {2}! Talk to customers: none for 8 days, 3 more by Sun {2}→ pm log$/);
    expect(action[1]).toMatch(/Follow up with Raj Patel \(Acme\).*→ pm log --with "Raj Patel"$/);
    expect(action.join('\n')).toMatch(/2 accounts going cold: Northwind 44d, Bluebird \d+d {2}→ pm show Northwind/);
    expect(page.at(-1)).toMatch(/^5 open hypotheses \(1 bet\) · 1 decided · \d+ themes.* {2}→ pm report --full$/);
    // as many as pm hyp list lists: the bet is one of them
    expect(box.json(['--db', `${box.dir}/demo.db`, 'hyp', 'list'])).toHaveLength(5);
    // the same page with room for every word
    const wide = box.pm(['--db', `${box.dir}/demo.db`, 'report'], { env: { COLUMNS: '400' } });
    expectNoWordCut(r.out, wide.out);
  });

  it('lists a hypothesis once, under its most urgent flag (H2: past its decide-by, and stale)', () => {
    box.pm(['--db', `${box.dir}/demo.db`, 'demo'], { env: { TMPDIR: box.dir } });
    const out = box.pm(['--db', `${box.dir}/demo.db`, 'report'], { env: { COLUMNS: '200' } }).out;
    const flags = box.json(['--db', `${box.dir}/demo.db`, 'report']).flags.filter((f: any) => f.subject === 'H2');
    expect(flags.map((f: any) => f.kind).sort()).toEqual(['past-decide-by', 'stale']);
    expect(out.match(/\bH2\b/g)).toHaveLength(2); // "Decide H2 …" and its command "pm hyp show H2"
    expect(out).not.toMatch(/stale/);
  });

  it('--full, markdown and JSON still hold every section', () => {
    box.pm(['--db', `${box.dir}/demo.db`, 'demo'], { env: { TMPDIR: box.dir } });
    const db = ['--db', `${box.dir}/demo.db`];
    const full = box.pm([...db, 'report', '--full']).out;
    for (const title of [
      'Customer contact',
      'Conversations (',
      'Accounts going cold (',
      'Unvalidated hypotheses (',
      'Decided this period (',
      'Killed and invalidated (',
      'Themes (',
      'Follow-ups due (',
      'Flags (',
    ])
      expect(full).toContain(title);
    const md = box.pm([...db, 'report', '--format', 'md']).out;
    for (const h of ['## Customer contact', '## Conversations', '## Themes', '## Follow-ups due', '## Flags'])
      expect(md).toContain(h);
    const json = box.json([...db, 'report']);
    expect(json.flags.length).toBeGreaterThanOrEqual(11);
    expect(full).toContain(`Flags (${json.flags.length})`);
    expect(json.weekly.weeks).toHaveLength(8);
    expect(box.pm([...db, 'report', '--full', '--json']).code).toBe(2);
  });
});

/** A week with every actionable flag, several of each, written straight into a journal. */
function busyWeek(): void {
  expect(box.pm(['init', '--target', '3']).code).toBe(0);
  const db = new Database(box.db);
  let n = 0;
  const uuid = () => `01900000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  const account = (name: string, cadence: number | null = null) =>
    Number(
      db.prepare('INSERT INTO accounts (uuid, name, cadence_days) VALUES (?, ?, ?)').run(uuid(), name, cadence)
        .lastInsertRowid,
    );
  const person = (name: string, a: number) =>
    Number(
      db.prepare('INSERT INTO contacts (uuid, name, account_id) VALUES (?, ?, ?)').run(uuid(), name, a).lastInsertRowid,
    );
  const talk = (date: string, a: number, who: number[], followUp: string | null = null) => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO interviews (uuid, date, channel, account_id, summary, follow_up, created_at)
           VALUES (?, ?, 'call', ?, ?, ?, 'now')`,
        )
        .run(uuid(), date, a, `A rather long summary of the call on ${date} with many words in it`, followUp)
        .lastInsertRowid,
    );
    addPeople(db, id, who);
    return id;
  };
  const belief = (statement: string, created: string, decideBy: string) =>
    Number(
      db
        .prepare('INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES (?, ?, ?, ?)')
        .run(uuid(), statement, created, decideBy).lastInsertRowid,
    );
  const link = (h: number, i: number, direction: string) =>
    db.prepare('INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, ?)').run(h, i, direction);
  const outcome = (h: number, o: string, date: string) =>
    db
      .prepare('INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES (?, ?, ?, ?, ?)')
      .run(uuid(), h, o, date, 'decided');
  // five accounts going cold, each with a follow-up nobody answered (last contact 2026-10-01..05)
  const people: number[] = [];
  for (let k = 0; k < 5; k++) {
    const a = account(`Cold Account Number ${k}`);
    const p = person(`Person Number ${k}`, a);
    people.push(p);
    talk(`2026-10-0${k + 1}`, a, [p], `2026-10-1${k}`);
  }
  // one customer conversation this week: behind three a week, and overdue? no: 3 days ago
  const recent = account('Recent', 0);
  const r1 = person('Rita', recent);
  const r2 = person('Ravi', recent);
  const r3 = person('Rosa', account('Other', 0));
  const thisWeek = talk('2026-11-17', recent, [r1]);
  // hypotheses: past decide-by (and stale), ready to kill, ready to validate, stale, killed and
  // validated with evidence after
  for (let k = 0; k < 4; k++) belief(`We believe idea number ${k} matters to everyone`, '2026-09-01', '2026-10-01');
  for (let k = 0; k < 3; k++) {
    const h = belief(`Nobody wants feature ${k}`, '2026-11-01', '2026-12-31');
    link(h, talk('2026-11-10', recent, [r1]), 'refutes');
    link(h, talk('2026-11-10', recent, [r2]), 'refutes');
  }
  for (let k = 0; k < 2; k++) {
    const h = belief(`Everyone wants feature ${k}`, '2026-11-01', '2026-12-31');
    for (const p of [r1, r2]) link(h, talk('2026-11-15', recent, [p]), 'supports');
    link(h, talk('2026-11-15', account(`Third ${k}`, 0), [r3]), 'supports');
  }
  for (let k = 0; k < 3; k++) belief(`Stale idea ${k}`, '2026-10-01', '2026-12-31');
  for (let k = 0; k < 3; k++) {
    const h = belief(`Killed idea ${k}`, '2026-09-01', '2026-12-31');
    outcome(h, 'killed', '2026-10-01');
    link(h, thisWeek, 'supports');
  }
  for (let k = 0; k < 3; k++) {
    const h = belief(`Validated idea ${k}`, '2026-09-01', '2026-12-31');
    outcome(h, 'validated', '2026-10-01');
    link(h, talk('2026-11-02', recent, [r2]), 'refutes');
  }
  db.close();
}

describe('a busy week', () => {
  it('fits 80×24: a line a kind of flag, most urgent first, lists ending in +N', () => {
    busyWeek();
    const json = box.json(['report']);
    const kinds = new Set(json.flags.map((f: any) => f.kind));
    for (const k of [
      'behind-target',
      'follow-up-due',
      'past-decide-by',
      'evidence-after-validate',
      'ready-to-kill',
      'evidence-after-kill',
      'ready-to-validate',
      'account-cold',
      'stale',
    ])
      expect(kinds.has(k), k).toBe(true);
    const r = box.pm(['report'], { env: { COLUMNS: '80' } });
    expectFits(r.out, 80, 24);
    const page = lines(r.out);
    expect(page[0]).toBe('BEHIND · 2026-W47 · as of 2026-11-20');
    const action = page.slice(page.findIndex((l) => l.startsWith('Needs action')) + 1, -1);
    const order = [
      /Talk to customers/,
      /5 follow-ups due/,
      /Decide 4 hypotheses past their decide-by/,
      /3 validated hypotheses refuted since/,
      /3 hypotheses ready to kill/,
      /3 killed hypotheses with evidence since/,
      /2 hypotheses ready to validate/,
      /5 accounts going cold/,
      /3 stale hypotheses/,
    ];
    expect(action).toHaveLength(order.length);
    order.forEach((re, k) => {
      expect(action[k]).toMatch(re);
    });
    expect(action.join('\n')).toMatch(/\+\d/);
    expectNoWordCut(r.out, box.pm(['report'], { env: { COLUMNS: '400' } }).out);
  });

  it('gives way to a short terminal: the chart shrinks, then the last groups fold into one line', () => {
    busyWeek();
    const r = box.pm(['report'], { env: { COLUMNS: '80', LINES: '16' } });
    // the last row is the shell prompt's
    expectFits(r.out, 80, 15);
    for (const rows of [20, 24]) {
      const page = box.pm(['report'], { env: { COLUMNS: '80', LINES: String(rows) } }).out;
      expectFits(page, 80, rows - 1);
      expect(page.split('\n')[0]).toMatch(/^(OVERDUE|ON TRACK|BEHIND)/);
    }
    // the folded line counts lines as the heading does: the lines shown and folded make its count
    const folded = /and (\d+) more: .*→ pm report --full/.exec(r.out);
    expect(folded).not.toBeNull();
    const shown = lines(r.out).filter((l) => /^ {2}[!·] /.test(l)).length - 1;
    expect(r.out).toMatch(new RegExp(`^Needs action \\(${shown + Number(folded![1])}, from \\d+ flags\\)$`, 'm'));
    expect(r.out).toMatch(/Talk to customers/);
  });

  // fresh-eyes wave 18 H16: at 40 columns the contact line's first clause took both its lines, so
  // "last one 17 days ago" (why it is OVERDUE) was dropped, and the action read "none…"
  it('at 40 columns an OVERDUE page still says since when, and the action keeps its days', () => {
    expect(box.pm(['log', '--with', 'Ann', '--account', 'A', '--summary', 'ask', '--date', '2026-11-02']).code).toBe(0);
    const r = box.pm(['report'], { env: { COLUMNS: '40' } });
    expect(r.out).toMatch(/^OVERDUE/);
    expect(r.out).toMatch(/^ {2}last one 18 days ago/m);
    expect(r.out).toMatch(/! Talk to customers: none for 18 days$/m);
    for (const l of lines(r.out)) expect(displayWidth(l), l).toBeLessThanOrEqual(40);
  });

  // fresh-eyes wave 18 H11: with Sunday weeks the running week is labelled by its range, and the page
  // called it "the period"; Monday weeks' page says "this week"
  it('with week.start sunday the running week is "this week" too', () => {
    expect(box.pm(['config', 'set', 'week.start', 'sunday']).code).toBe(0);
    expect(box.pm(['log', '--with', 'Ann', '--account', 'A', '--summary', 'ask', '--date', '2026-11-16']).code).toBe(0);
    const r = box.pm(['report']);
    expect(r.out).toMatch(/ · 2026-11-15\.\.2026-11-21 · /);
    expect(r.out).toMatch(/^Customer contact: 1 of 1 this week/m);
  });

  it('at 40 columns, still no line too wide and no word cut', () => {
    busyWeek();
    const r = box.pm(['report'], { env: { COLUMNS: '40' } });
    for (const l of lines(r.out)) expect(displayWidth(l), l).toBeLessThanOrEqual(40);
    expectNoWordCut(r.out, box.pm(['report'], { env: { COLUMNS: '400' } }).out);
  });
});
