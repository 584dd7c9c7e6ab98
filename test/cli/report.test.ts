import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'commonmark';
import Database from 'better-sqlite3';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

function log(...args: string[]) {
  const r = box.pm(['log', ...args]);
  if (r.code !== 0) throw new Error(`pm log ${args.join(' ')} exited ${r.code}: ${r.err}`);
}

/** A week (2026-W47, today 2026-11-20) with something in every section. */
function busyWeek() {
  log('--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--date', '2026-09-01', '--summary', 'Old call');
  const h = box.json([
    'hyp',
    'add',
    'Finance teams want itemised invoices',
    '--date',
    '2026-10-01',
    '--decide-by',
    '2026-11-01',
  ]);
  log(
    '--with',
    'Lena Fox',
    '--account',
    'Foxworks',
    '--date',
    '2026-11-18',
    '--summary',
    'Billing | *confusion* <b>',
    '--tag',
    'billing',
    '--pain',
    'invoices are unclear',
    '--supports',
    h.id,
    '--follow-up',
    '2026-11-19',
  );
  log(
    '--with',
    'Head of Sales',
    '--account',
    'Us',
    '--role',
    'stakeholder',
    '--date',
    '2026-11-19',
    '--summary',
    'Wants discounts',
  );
  log(
    '--account',
    'Quillco',
    '--channel',
    'review',
    '--date',
    '2026-11-17',
    '--summary',
    'App store review',
    '--tag',
    'billing',
  );
  return h.id as string;
}

describe('pm report --json', () => {
  it("has every section, the week's numbers and the raised flags", () => {
    const h = busyWeek();
    const r = box.json(['report']);
    expect(r.period).toEqual({ start: '2026-11-16', end: '2026-11-22', label: '2026-W47' });
    expect(r.asOf).toBe('2026-11-20');
    expect(r.contact).toMatchObject({
      direct: 1,
      customers: 1,
      indirect: 1,
      stakeholder: 1,
      target: 1,
      cadenceDays: 7,
      met: true,
      lastDirect: '2026-11-18',
      daysSinceLastDirect: 2,
      overdue: false,
    });
    expect(r.conversations.map((c: any) => c.date)).toEqual(['2026-11-19', '2026-11-18', '2026-11-17']);
    expect(r.overdueAccounts).toEqual([
      expect.objectContaining({ account: 'Acme', lastDirect: '2026-09-01', daysSince: 80, cadenceDays: 30 }),
    ]);
    expect(r.hypotheses.unvalidated).toEqual([
      expect.objectContaining({ id: h, supports: 1, customersSupporting: 1, flags: ['past-decide-by'] }),
    ]);
    expect(r.themes[0]).toMatchObject({ theme: 'billing', kind: 'tag', accounts: 2, flags: [] });
    expect(r.followUps).toEqual([expect.objectContaining({ id: 'I2', followUp: '2026-11-19', with: ['Lena Fox'] })]);
    expect(r.flags.map((f: any) => f.kind).sort()).toEqual(['account-cold', 'follow-up-due', 'past-decide-by']);
    expect(box.json(['report', '--format', 'json'])).toEqual(r);
  });

  it('--week last, --month and --since/--until choose the period; --as-of moves today', () => {
    busyWeek();
    expect(box.json(['report', '--week', 'last']).period.label).toBe('2026-W46');
    expect(box.json(['report', '--month']).period).toEqual({
      start: '2026-11-01',
      end: '2026-11-30',
      label: '2026-11',
    });
    const range = box.json(['report', '--since', '2026-11-18', '--until', '2026-11-19']);
    expect(range.period.label).toBe('2026-11-18..2026-11-19');
    expect(range.conversations).toHaveLength(2);
    const past = box.json(['report', '--as-of', '2026-11-17']);
    expect(past.contact).toMatchObject({ direct: 0, lastDirect: '2026-09-01', overdue: true });
    expect(past.followUps).toEqual([]);
  });
});

describe('pm report (text)', () => {
  it('--full leads with the period and the verdict, and states empty sections in one line', () => {
    log('--with', 'Jane Roe', '--account', 'Acme', '--date', '2026-11-19', '--summary', 'Talked exports');
    const r = box.pm(['report', '--full']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Report 2026-W47 (2026-11-16..2026-11-22) · as of 2026-11-20 · on track');
    for (const empty of [
      'No accounts going cold',
      'No open hypotheses',
      'No decisions this period',
      'Nothing killed or invalidated',
      'No tags or pains in this period',
      'No follow-ups due',
      'Nothing to act on',
    ])
      expect(r.out).toContain(empty);
    expect(r.out).toMatch(/streak: 1 week on target/);
    expect(r.out).not.toMatch(/\u001b\[/);
  });

  it('says overdue when the last customer conversation is older than cadence.days', () => {
    log('--with', 'Jane Roe', '--account', 'Acme', '--date', '2026-11-12', '--summary', 'Talked exports');
    expect(box.pm(['report']).out.split('\n')[0]).toBe('OVERDUE · 2026-W47 · as of 2026-11-20');
    expect(box.pm(['report', '--full']).out.split('\n')[0]).toMatch(/· overdue$/);
  });

  it('shows at most 10 rows a section, then "and N more", in text and markdown; JSON has them all', () => {
    for (let d = 16; d <= 19; d++)
      for (let k = 0; k < 3; k++)
        log(
          '--with',
          `Person ${d}${k}`,
          '--account',
          `Org ${d}${k}`,
          '--date',
          `2026-11-${d}`,
          '--summary',
          `Call ${d}${k}`,
        );
    const text = box.pm(['report', '--full']).out;
    const section = text.slice(text.indexOf('Conversations (12)'), text.indexOf('Accounts going cold'));
    expect(section.split('\n').filter((l) => /^\s+I\d+/.test(l))).toHaveLength(10);
    expect(section).toContain('and 2 more');
    const md = box.pm(['report', '--format', 'md']).out;
    const mdSection = md.slice(md.indexOf('## Conversations'), md.indexOf('## Accounts going cold'));
    expect(mdSection.split('\n').filter((l) => /^- \*\*I\d+\*\*/.test(l))).toHaveLength(10);
    expect(mdSection).toContain('- and 2 more (the same report with `--json` lists every one)');
    // in an export, every conversation of the period follows the report as an interview of its own
    const exported = box.pm(['export', '--week']).out;
    expect(exported).toContain('- and 2 more, each under Interviews below');
    expect(exported.match(/^### I\d+ · /gm)).toHaveLength(12);
    expect(box.json(['report']).conversations).toHaveLength(12);
  });

  it('keeps user text from driving the terminal', () => {
    log('--with', 'Jane', '--account', 'Acme', '--summary', 'evil \u001b[31mred\u001b[0m text');
    const out = box.pm(['report', '--full'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } }).out;
    expect(out).toContain('evil ␛[31mred␛[0m text');
  });

  it("closes an erased person's follow-up instead of logging with them, which pm refuses", () => {
    const at = { env: { PM_TODAY: '2026-11-20' } };
    const later = { env: { PM_TODAY: '2026-12-01' } };
    expect(
      box.pm(
        [
          'log',
          '--with',
          'Zelda Quux <z@w.test>',
          '--account',
          'Wonka',
          '--summary',
          'SSO',
          '--follow-up',
          '2026-11-25',
        ],
        at,
      ).code,
    ).toBe(0);
    expect(box.pm(['forget', 'z@w.test', '--yes'], at).code).toBe(0);
    // the erasure drops a follow-up owed to no one else (wave 16 H1); one set again on their conversation
    // (or kept by an erasure made before) is closed by hand
    expect(box.pm(['report', '--full'], later).out).toContain('No follow-ups due');
    expect(box.pm(['edit', 'I1', '--follow-up', '2026-11-25'], at).code).toBe(0);
    const page = box.pm(['report'], later).out;
    expect(page).toContain('→ pm edit I1 --follow-up done');
    expect(page).not.toContain('pm log --with');
    expect(box.pm(['edit', 'I1', '--follow-up', 'done'], later).code).toBe(0);
    expect(box.pm(['report', '--full'], later).out).toContain('No follow-ups due');
  });

  it("closes a stakeholder meeting's follow-up by hand: no later log answers it", () => {
    const at = { env: { PM_TODAY: '2026-11-10' } };
    const args = ['log', '--with', 'Sam Hale <sam@us.test>', '--account', 'Us', '--role', 'stakeholder'];
    expect(box.pm([...args, '--summary', 'roadmap', '--follow-up', '2026-11-12'], at).code).toBe(0);
    log(
      '--with',
      'Jane',
      '--account',
      'Acme',
      '--summary',
      'pricing',
      '--follow-up',
      '2026-11-13',
      '--date',
      '2026-11-10',
    );
    const page = box.pm(['report']).out;
    expect(page).toContain('→ pm edit I1 --follow-up done');
    expect(box.pm(['report', '--full']).out).toMatch(/I1: follow-up with Sam Hale/);
    // a later meeting with Sam answers neither (only a customer conversation answers a follow-up)
    expect(box.pm(['log', '--with', 'Sam Hale', '--summary', 'again'], at).code).toBe(0);
    expect(box.json(['report']).followUps.map((f: { id: string }) => f.id)).toEqual(['I1', 'I2']);
    // closed by hand, the customer's is the first left: a log answers it
    expect(box.pm(['edit', 'I1', '--follow-up', 'done']).code).toBe(0);
    expect(box.pm(['report']).out).toContain('→ pm log --with Jane');
  });

  it('an empty journal gives a friendly report that says how to start, and creates nothing', () => {
    const r = box.pm(['report']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Nothing logged yet/);
    expect(r.out).toContain('pm log --with');
    expect(existsSync(box.db)).toBe(false);
    expect(box.json(['report'])).toMatchObject({ empty: true, conversations: [] });
  });

  it('as of a day before the first record, says nothing was logged by then and what comes after', () => {
    log('--with', 'Jane Roe', '--account', 'Acme', '--date', '2026-11-02', '--summary', 'First call');
    log('--with', 'Jane Roe', '--date', '2026-11-18', '--summary', 'Second call');
    expect(box.pm(['hyp', 'add', 'Finance teams want itemised invoices', '--date', '2026-11-04']).code).toBe(0);
    const said =
      "Nothing logged by 2026-10-01: this journal's 2 interviews and 1 hypothesis are dated from 2026-11-02 on.";
    for (const view of [[], ['--full'], ['--format', 'md'], ['--format', 'html']]) {
      const r = box.pm(['report', '--as-of', '2026-10-01', ...view]);
      expect(r.code, view.join(' ')).toBe(0);
      expect(r.out, view.join(' ')).not.toMatch(/Nothing logged yet|first customer conversation/);
      expect(r.out, view.join(' ')).toContain(view[1] === 'html' ? said.replace("'", '&#39;') : said);
    }
    expect(box.pm(['report', '--as-of', '2026-10-01']).out).toContain('  pm report --as-of 2026-11-02\n');
    // the page asked for: --by kept in the command suggested (eyes2 wave 11 F13)
    const by = box.pm(['report', '--as-of', '2026-10-01', '--by', 'Dana Lee'], { env: { USER: 'Dana Lee' } });
    expect(by.out, by.err).toContain('  pm report --as-of 2026-11-02 --by "Dana Lee"\n');
    // JSON as before: empty as of that day
    expect(box.json(['report', '--as-of', '2026-10-01'])).toMatchObject({ empty: true, conversations: [] });
    // as of the first day, the report of the journal
    expect(box.pm(['report', '--as-of', '2026-11-02']).out).not.toMatch(/Nothing logged/);
  });

  it('as of a day before the only record, says it in the singular (review wave 11 R3)', () => {
    log('--with', 'Jane Roe', '--account', 'Acme', '--date', '2026-11-02', '--summary', 'First call');
    expect(box.pm(['report', '--as-of', '2026-10-01']).out).toContain(
      "Nothing logged by 2026-10-01: this journal's 1 interview is dated from 2026-11-02 on.\n" +
        'To report on it, as of its day:\n  pm report --as-of 2026-11-02\n',
    );
  });
});

describe('pm report --format md', () => {
  it('is CommonMark with a heading per section, and user text stays text', () => {
    busyWeek();
    const r = box.pm(['report', '--format', 'md']);
    expect(r.code).toBe(0);
    const doc = new Parser().parse(r.out);
    const headings: string[] = [];
    const w = doc.walker();
    let inHeading = false;
    let text = '';
    const types = new Set<string>();
    for (let e = w.next(); e; e = w.next()) {
      types.add(e.node.type);
      if (e.node.type === 'heading') {
        if (e.entering) {
          inHeading = true;
          text = '';
        } else {
          inHeading = false;
          headings.push(`${e.node.level} ${text}`);
        }
      } else if (inHeading && e.entering && e.node.literal) text += e.node.literal;
    }
    expect(headings).toEqual([
      '1 Report 2026-W47',
      '2 Customer contact',
      '2 Conversations',
      '2 Accounts going cold',
      '2 Unvalidated hypotheses',
      '2 Decided this period',
      '2 Killed and invalidated',
      '2 Themes',
      '2 Opportunities',
      '2 Follow-ups due',
      '2 Flags',
    ]);
    expect(types.has('html_inline')).toBe(false);
    expect(r.out).toContain('Billing \\| \\*confusion\\* \\<b\\>');
  });
});

describe('pm report --check', () => {
  it('exits 3 when an actionable flag is raised, after printing the report', () => {
    busyWeek();
    const r = box.pm(['report', '--check']);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/^ON TRACK · 2026-W47 · as of 2026-11-20\nCustomer contact: 1 of 1 this week/);
    expect(r.err).toBe('');
    expect(box.pm(['report', '--check', '--json']).code).toBe(3);
  });

  it('exits 0 when nothing needs doing', () => {
    log('--with', 'Jane Roe', '--account', 'Acme', '--date', '2026-11-19', '--summary', 'Talked exports');
    const r = box.pm(['report', '--week', '--check']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Nothing needs action.');
    expect(box.pm(['report', '--full']).out).toContain('Nothing to act on');
  });

  it('exits 3 on a journal that has never had a customer conversation', () => {
    // a journal made and empty (one that does not exist is exit 1: journal-home.test.ts, H18)
    expect(box.pm(['init']).code).toBe(0);
    expect(box.pm(['report', '--check']).code).toBe(3);
  });

  it('exits 3 for a week behind target, though the last conversation is recent (issue 15)', () => {
    expect(box.pm(['init', '--target', '3', '--every', '7']).code).toBe(0);
    log('--with', 'Jane Roe', '--account', 'Acme', '--date', '2026-11-16', '--summary', 'Monday call');
    // Sunday 2026-11-22: 1 of 3, not overdue (6 days), but behind
    const sunday = box.pm(['report', '--check', '--json'], { env: { PM_TODAY: '2026-11-22' } });
    expect(sunday.code).toBe(3);
    const r = JSON.parse(sunday.out);
    expect(r.verdict).toBe('behind');
    expect(r.flags.map((f: { kind: string }) => f.kind)).toEqual(['behind-target']);
    // Tuesday: none due yet
    expect(box.pm(['report', '--check'], { env: { PM_TODAY: '2026-11-17' } }).code).toBe(0);
  });
});

describe('bad input', () => {
  it('is a usage error that leaves the journal as it was', () => {
    busyWeek();
    const before = box.snapshot();
    for (const args of [
      ['--week', '2027-W53'],
      ['--week', 'soon'],
      ['--month', '2026-13'],
      ['--format', 'xml'],
      ['--as-of', 'someday'],
      ['--week', '--month'],
      ['--until', '2026-11-01'],
      ['--since', '2026-11-20', '--until', '2026-11-01'],
      ['--json', '--format', 'md'],
    ]) {
      const r = box.pm(['report', ...args]);
      expectUsageError(r);
      expect(r.out).toBe('');
    }
    expect(box.snapshot()).toBe(before);
  });
});

describe('a finished week is not "so far"', () => {
  it('a week whose last day is before today is judged whole in text, markdown and HTML; the running one is so far', () => {
    box.pm(['init', '--target', '2']);
    log('--with', 'Jane Roe', '--account', 'Acme', '--date', '2026-11-17', '--summary', 'call');
    const later = { env: { PM_TODAY: '2026-12-02' } };
    // the export of a past week, as of its last day (the default), made after it
    const md = box.pm(['export', '--format', 'md', '--week', '2026-W47'], later).out;
    expect(md).toMatch(/^- 2026-W47: 1$/m);
    expect(md).toMatch(/1 of 2 customer conversations: 1 short when the period ended/);
    const text = box.pm(['report', '--week', '2026-W47', '--as-of', '2026-11-22'], later).out;
    expect(text).not.toContain('so far');
    const html = box.pm(['report', '--format', 'html', '--week', '2026-W47', '--as-of', '2026-11-22'], later).out;
    expect(html).not.toContain('so far');
    // made on the week's last day, the week is still running; as of a day before its end, it was then
    const onSunday = box.pm(['export', '--format', 'md', '--week', '2026-W47'], { env: { PM_TODAY: '2026-11-22' } });
    expect(onSunday.out).toMatch(/^- 2026-W47: 1 \(so far\)$/m);
    expect(onSunday.out).toMatch(/1 more today, the period's last day/);
    const friday = box.pm(['report', '--format', 'md', '--week', '2026-W47', '--as-of', '2026-11-20'], later).out;
    expect(friday).toMatch(/^- 2026-W47: 1 \(so far\)$/m);
    expect(box.pm(['report', '--format', 'md'], later).out).toMatch(/^- 2026-W49: 0 \(so far\)$/m);
  });
});

describe('the weeks before the journal and the running week (fresh-eyes wave 13 H2, H3)', () => {
  it('markdown and HTML chart from the first record\'s week, as text does; the running week is not "not met"', () => {
    box.pm(['init', '--target', '2']);
    log('--with', 'Ana Gómez', '--account', 'Acme', '--date', '2026-11-02', '--summary', 'first call');
    log('--with', 'Ana Gómez', '--date', '2026-11-16', '--summary', 'Monday call');
    const monday = { env: { PM_TODAY: '2026-11-16' } };
    const md = box.pm(['report', '--format', 'md'], monday).out;
    expect(md).toMatch(/^- 2026-W45: 1$/m);
    expect(md).not.toMatch(/^- 2026-W4[0-4]:/m);
    // day one of the week, one call of two: on track, as the page's verdict says
    expect(md).toContain('2026-11-16..2026-11-22, as of 2026-11-16: **on track**');
    expect(md).toContain('(target 2: **on track**)');
    const html = box.pm(['report', '--format', 'html'], monday).out;
    expect(html).toContain('<title>2026-W45: 1 customer conversation, below target</title>');
    expect(html).not.toMatch(/<title>2026-W4[0-4]:/);
    expect(html).toContain('<b>on track</b>');
    expect(box.pm(['report', '--full'], monday).out).toMatch(/target 2: on track/);
    // Sunday with still one: behind (one more today); the week over, short of the target: not met
    const sunday = box.pm(['report', '--format', 'md'], { env: { PM_TODAY: '2026-11-22' } }).out;
    expect(sunday).toContain('(target 2: **behind**)');
    const over = box.pm(['export', '--week', '2026-W47'], { env: { PM_TODAY: '2026-11-30' } }).out;
    expect(over).toContain('(target 2: **not met**)');
    const json = box.json(['report', '--as-of', '2026-11-16']);
    expect(json.contact.over).toBe(false);
    expect(box.json(['report', '--week', '2026-W46', '--as-of', '2026-11-16']).contact.over).toBe(true);
  });
});

describe('segment-silent as of a past day counts the accounts that existed then', () => {
  it("an account added today leaves a past week's export byte for byte as it was", () => {
    const later = { env: { PM_TODAY: '2026-12-02' } };
    box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--segment', 'enterprise', '--summary', 'call'], {
      env: { PM_TODAY: '2026-11-17' },
    });
    const week = ['export', '--format', 'md', '--week', '2026-W47'];
    const before = box.pm(week, later).out;
    // a new account of a new segment, first heard today, and one of no conversation made today
    const added = box.pm(['log', '--with', 'Bo Li', '--account', 'Newco', '--segment', 'smb', '--summary', 'x'], later);
    expect(added.code, added.err).toBe(0);
    // made today (2026-12-02) as its UUIDv7 says, whatever this machine's clock
    const made = new Date('2026-12-02T12:00:00').getTime().toString(16).padStart(12, '0');
    const db = new Database(box.db);
    db.prepare("UPDATE accounts SET uuid = ? WHERE name = 'Newco'").run(
      `${made.slice(0, 8)}-${made.slice(8)}-7000-8000-000000000009`,
    );
    db.close();
    expect(box.pm(week, later).out).toBe(before);
    // as of today it counts: smb was heard today, so not silent
    expect(box.json(['coverage'], later).segments.map((g: any) => [g.segment, g.accounts])).toEqual([
      ['enterprise', 1],
      ['smb', 1],
    ]);
  });

  it('an account of no conversation counts from the time its UUIDv7 carries; a UUID without one always', () => {
    box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--segment', 'enterprise', '--summary', 'call'], {
      env: { PM_TODAY: '2026-11-17' },
    });
    for (const [name, segment] of [
      ['Early', 'early'],
      ['Late', 'late'],
      ['Timeless', 'timeless'],
    ]) {
      box.pm(['log', '--with', `${name} Person`, '--account', name, '--summary', 'x']);
      box.pm(['contact', 'set', `${name} Person`, '--account', 'Acme']);
      box.pm(['account', 'set', name, '--segment', segment]);
    }
    box.pm(['delete', 'I2', '--yes']);
    box.pm(['delete', 'I3', '--yes']);
    box.pm(['delete', 'I4', '--yes']);
    const v7 = (day: string) => {
      const hex = new Date(`${day}T12:00:00`).getTime().toString(16).padStart(12, '0');
      return `${hex.slice(0, 8)}-${hex.slice(8)}-7000-8000-000000000001`;
    };
    const db = new Database(box.db);
    db.prepare("UPDATE accounts SET uuid = ? WHERE name = 'Early'").run(v7('2026-11-10'));
    db.prepare("UPDATE accounts SET uuid = ? WHERE name = 'Late'").run(v7('2026-11-30'));
    db.prepare("UPDATE accounts SET uuid = '00000000-0000-4000-8000-000000000002' WHERE name = 'Timeless'").run();
    db.close();
    const silent = (asOf: string) =>
      box
        .json(['report', '--as-of', asOf], { env: { PM_TODAY: '2026-12-02' } })
        .flags.filter((f: any) => f.kind === 'segment-silent')
        .map((f: any) => f.subject);
    expect(silent('2026-11-22')).toEqual(['early', 'timeless']);
    expect(silent('2026-12-02')).toEqual(['early', 'late', 'timeless']);
  });
});

describe('every decision the report suggests can be run as written', () => {
  it('validate, invalidate and kill are suggested with the --reason they require (text, markdown, JSON)', () => {
    const db = join(box.dir, 'demo.db');
    expect(box.pm(['--db', db, 'demo']).code).toBe(0);
    const views = [
      box.pm(['--db', db, 'report', '--full']).out,
      box.pm(['--db', db, 'report', '--format', 'md']).out,
      box.pm(['--db', db, 'report']).out,
      (box.json(['--db', db, 'report']).flags as { message: string }[]).map((f) => f.message).join('\n'),
    ];
    const suggested = views.flatMap((v) => v.match(/pm hyp (?:validate|invalidate|kill) H\d+[^)\n]*/g) ?? []);
    // the demo has a hypothesis ready to validate and one ready to kill
    expect(suggested.some((s) => s.startsWith('pm hyp validate'))).toBe(true);
    expect(suggested.some((s) => s.startsWith('pm hyp kill'))).toBe(true);
    for (const s of suggested) expect(s).toMatch(/^pm hyp \w+ H\d+ --reason "…"/);
  });
});
