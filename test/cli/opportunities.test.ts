// pm opportunities (pm opps), pm opportunity merge | rename, pm hyp … --for, and pm tree, as a
// user and a script see them: text, markdown and JSON, errors that change nothing, and the
// opportunities travelling through export and import.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { Parser } from 'commonmark';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
let base: Sandbox;
// the journal every test starts from, logged once and copied (seven pm log runs a test added seconds)
beforeAll(() => {
  base = sandbox(); // today: 2026-11-20
  const log = (...args: string[]) => {
    const r = base.pm(['log', ...args]);
    if (r.code !== 0) throw new Error(`pm log ${args.join(' ')}: ${r.err}`);
  };
  // slow CSV export: 3 customers of 2 accounts (blocker, high twice from one, medium), a signal
  log(
    '--with',
    'Ann Lee',
    '--account',
    'Acme',
    '--segment',
    'finance',
    '--date',
    '2026-10-05',
    '--summary',
    'a',
    '--pain',
    'slow CSV export:high',
  );
  log('--with', 'Ann Lee', '--date', '2026-11-02', '--summary', 'b', '--pain', 'Slow CSV  export:blocker');
  log(
    '--with',
    'Bo Chan',
    '--account',
    'Acme',
    '--date',
    '2026-11-03',
    '--summary',
    'c',
    '--pain',
    'slow csv export',
    '--stage',
    'onboard',
  );
  log(
    '--with',
    'Cy Dee',
    '--account',
    'Globex',
    '--date',
    '2026-11-16',
    '--summary',
    'd',
    '--pain',
    'export too slow:high',
  );
  log(
    '--channel',
    'support',
    '--account',
    'Globex',
    '--date',
    '2026-11-18',
    '--summary',
    'ticket',
    '--pain',
    'slow CSV export:blocker',
  );
  // SSO: one account's custom request
  log('--with', 'Cy Dee', '--date', '2026-11-17', '--summary', 'e', '--pain', 'SSO setup needs IT:blocker');
  // heard before the 12-week window
  log('--with', 'Ann Lee', '--date', '2026-08-28', '--summary', 'f', '--pain', 'old pain:blocker');
});
afterAll(() => base.cleanup());
beforeEach(() => {
  box = sandbox();
  for (const suffix of ['', '-wal']) if (existsSync(base.db + suffix)) copyFileSync(base.db + suffix, box.db + suffix);
});
afterEach(() => box.cleanup());

const ok = (args: string[]) => box.ok(args);

/** A failing command: usage error, the message matches, and the journal did not change. */
function refused(args: string[], message: RegExp): void {
  const before = box.snapshot();
  const r = box.pm(args);
  expectUsageError(r);
  expect(r.err).toMatch(message);
  expect(box.snapshot()).toBe(before);
}

const KEYS = [
  'opportunity',
  'aliases',
  'score',
  'customers',
  'accounts',
  'segments',
  'stages',
  'signals',
  'severity',
  'firstHeard',
  'lastHeard',
  'hypotheses',
  'flags',
];

describe('pm opportunities', () => {
  it('--json: one object each, exactly the keys the issue lists, best first', () => {
    const list = box.json(['opportunities']);
    for (const o of list) expect(Object.keys(o)).toEqual(KEYS);
    expect(list.map((o: any) => [o.opportunity, o.score])).toEqual([
      ['slow CSV export', 7], // Ann blocker 5 + Bo medium 2; the ticket is a signal
      ['SSO setup needs IT', 5],
      ['export too slow', 3],
    ]);
    expect(list[0]).toMatchObject({
      customers: 2,
      accounts: 1,
      signals: 1,
      segments: ['finance'],
      stages: ['onboard'],
      severity: { low: 0, medium: 1, high: 0, blocker: 1 },
      firstHeard: '2026-10-05',
      lastHeard: '2026-11-18',
      flags: ['single-account'],
    });
    expect(box.json(['opps', '--weeks', '1']).map((o: any) => o.opportunity)).toEqual([
      'SSO setup needs IT',
      'export too slow',
      'slow CSV export',
    ]);
    expect(box.json(['opps', '--since', '2026-08-01', '--as-of', '2026-09-01']).map((o: any) => o.opportunity)).toEqual(
      ['old pain'],
    );
  });

  it('text: a table with the window, the score rule, and the flags', () => {
    const out = ok(['opps']).out;
    expect(out).toMatch(/^Opportunities heard in the 12 weeks to 2026-11-20 \(2026-08-29\.\.2026-11-20\)/);
    expect(out).toMatch(/^SCORE +OPPORTUNITY +CUST +ACCTS +SIGNALS +SEVERITY +LAST +HYP +FLAGS$/m);
    expect(out).toMatch(/^ +7 +slow CSV export +2 +1 +1 +1 blocker, 1 medium +11-18 +— +single-account$/m);
    expect(out).toContain('low 1 · medium 2 · high 3 · blocker 5; signals are counted, never scored');
    expect(ok(['opps', '--limit', '1']).out).toMatch(/and 2 more/);
  });

  it('--format md: a list that parses as CommonMark', () => {
    const md = ok(['opps', '--format', 'md']).out;
    expect(md).toMatch(/^# Opportunities\n/);
    expect(md).toContain(
      '- **slow CSV export** — score 7: 2 customers from 1 account (1 blocker, 1 medium); 1 signal; heard 2026-10-05..2026-11-18; segments: finance; stages: onboard; `single-account`',
    );
    const items: string[] = [];
    const walker = new Parser().parse(md).walker();
    for (let e = walker.next(); e; e = walker.next()) if (e.entering && e.node.type === 'item') items.push('item');
    expect(items).toHaveLength(3);
  });

  it('an empty journal has none, and says so', () => {
    const empty = sandbox();
    try {
      expect(empty.json(['opps'])).toEqual([]);
      expect(empty.pm(['opps']).out).toMatch(/No pains logged in this window/);
    } finally {
      empty.cleanup();
    }
  });

  it('refuses bad windows and formats, naming the flag', () => {
    refused(['opps', '--weeks', '0'], /--weeks/);
    refused(['opps', '--weeks', '4', '--since', '2026-10-01'], /--weeks or --since/);
    refused(['opps', '--as-of', 'someday'], /--as-of/);
    refused(['opps', '--format', 'csv'], /--format/);
    refused(['opps', '--limit', 'ten'], /--limit/);
  });
});

describe('pm opportunity merge and rename', () => {
  it('merge A B: B stays, A becomes its alias, and pains written as A, before or after, count for B', () => {
    expect(ok(['opportunity', 'merge', 'Export too slow', 'slow csv export']).out).toBe(
      'Merged "export too slow" into "slow CSV export" (also called: "export too slow")\n',
    );
    ok([
      'log',
      '--with',
      'Di Fox',
      '--account',
      'Initech',
      '--date',
      '2026-11-19',
      '--summary',
      'g',
      '--pain',
      'export  TOO slow:low',
    ]);
    const [o] = box.json(['opps']);
    expect(o).toMatchObject({
      opportunity: 'slow CSV export',
      aliases: ['export too slow'],
      customers: 4,
      accounts: 3,
      score: 5 + 2 + 3 + 1,
      flags: ['unaddressed'],
    });
  });

  it('merging a named opportunity brings its aliases and hypotheses along', () => {
    ok(['opportunity', 'merge', 'export too slow', 'slow CSV export']);
    ok(['hyp', 'add', 'Teams need SSO set up in a minute', '--for', 'SSO setup needs IT']);
    ok(['opportunity', 'merge', 'slow CSV export', 'SSO setup needs IT']);
    const [o] = box.json(['opps']);
    expect(o).toMatchObject({
      opportunity: 'SSO setup needs IT',
      aliases: ['export too slow', 'slow CSV export'],
      hypotheses: ['H1'],
    });
  });

  it('rename: the new name shows, the old one stays an alias, and a name taken by another is refused', () => {
    const r = box.json(['opportunity', 'rename', 'slow csv export', 'Slow exports']);
    expect(r).toMatchObject({ opportunity: 'Slow exports', aliases: ['slow CSV export'] });
    expect(box.json(['opps'])[0]).toMatchObject({ opportunity: 'Slow exports', score: 7 });
    // a change of case only keeps no alias
    expect(box.json(['opportunity', 'rename', 'slow exports', 'slow exports']).aliases).toEqual(['slow CSV export']);
    // back to a name it had: that alias goes
    expect(box.json(['opportunity', 'rename', 'slow exports', 'slow CSV export']).aliases).toEqual(['slow exports']);
    refused(['opportunity', 'rename', 'slow CSV export', 'sso setup needs it'], /merge/);
  });

  it('unknown names and a merge with itself are usage errors that change nothing', () => {
    refused(['opportunity', 'merge', 'slow CSV exprt', 'SSO setup needs IT'], /no pain or opportunity is called/);
    expect(box.pm(['opportunity', 'merge', 'slow CSV exprt', 'x']).err).toMatch(/did you mean "slow CSV export"/);
    refused(['opportunity', 'merge', 'slow csv export', 'Slow CSV Export'], /already one opportunity/);
    refused(['opportunity', 'rename', 'nothing like it', 'x'], /no pain or opportunity/);
    refused(['opportunity', 'merge', '', 'x'], /empty/);
  });
});

describe('hypotheses for opportunities: pm hyp --for, pm tree', () => {
  it('hyp add --for links it (any case or spacing), and its record names the opportunity', () => {
    const h = box.json(['hyp', 'add', 'A one-click ERP export saves a day', '--for', 'SLOW csv export']);
    expect(h.opportunities).toEqual(['slow CSV export']);
    expect(h.opportunityUuids).toHaveLength(1);
    expect(box.json(['opps'])[0].hypotheses).toEqual(['H1']);
    expect(ok(['hyp', 'show', 'H1']).out).toMatch(/^For +slow CSV export$/m);
  });

  it('a name no pain has is linked with a warning (a typo, or a pain not heard yet)', () => {
    const r = box.pm(['hyp', 'add', 'X', '--for', 'slow CSV exprt']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: no pain is called "slow CSV exprt" yet.*did you mean "slow CSV export"/);
  });

  it('hyp edit --for adds, --not-for removes; a name it is not for is refused', () => {
    ok(['hyp', 'add', 'X', '--for', 'slow CSV export']);
    expect(box.json(['hyp', 'edit', 'H1', '--for', 'SSO setup needs IT']).opportunities).toEqual([
      'slow CSV export',
      'SSO setup needs IT',
    ]);
    expect(box.json(['hyp', 'edit', 'H1', '--not-for', 'slow csv export']).opportunities).toEqual([
      'SSO setup needs IT',
    ]);
    refused(['hyp', 'edit', 'H1', '--not-for', 'slow CSV export'], /H1 is not for "slow CSV export"/);
    expect(ok(['hyp', 'edit', 'H1', '--for', 'sso setup needs it']).out).toMatch(/H1 unchanged/);
  });

  it('an open or validated hypothesis addresses an opportunity; a killed one leaves it unaddressed', () => {
    for (const who of ['Eve One', 'Fay Two'])
      ok(['log', '--with', who, '--account', 'Initech', '--summary', 's', '--pain', 'slow CSV export']);
    expect(box.json(['opps'])[0].flags).toEqual(['unaddressed']);
    // the report counts it, and the standup page says so beside the count
    expect(box.json(['report']).opportunities).toMatchObject({ heard: 3, unaddressed: 1 });
    expect(box.pm(['report'], { env: { COLUMNS: '200' } }).out).toMatch(/ · 3 opportunities \(1 unaddressed\)/);
    ok(['hyp', 'add', 'X', '--for', 'slow CSV export']);
    expect(box.json(['opps'])[0].flags).toEqual([]);
    expect(box.json(['report']).opportunities.unaddressed).toBe(0);
    ok(['hyp', 'kill', 'H1', '--reason', 'no']);
    expect(box.json(['opps'])[0].flags).toEqual(['unaddressed']);
  });

  it('pm tree: outcome → opportunities by score → their hypotheses, in text, markdown and JSON', () => {
    ok(['config', 'set', 'product.outcome', 'Finance closes the month in a day']);
    ok(['hyp', 'add', 'An ERP export saves a day', '--for', 'slow CSV export']);
    ok(['hyp', 'link', 'H1', 'I3', '--supports']); // Bo Chan
    ok(['hyp', 'add', 'A scheduled export is enough', '--for', 'slow CSV export']);
    ok(['hyp', 'kill', 'H2', '--reason', 'nobody schedules']);
    ok(['hyp', 'add', 'Teams want a Slack bot']);
    ok(['hyp', 'add', 'Old idea', '--for', 'printing invoices']);

    const text = ok(['tree']).out;
    expect(text).toMatch(/^Outcome: Finance closes the month in a day$/m);
    const lines = text.split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(lines[at('slow CSV export · score 7')]).toMatch(/^├── /);
    expect(lines[at('H1 open')]).toMatch(
      /^│ {3}├── H1 open · confidence anecdotal \(score 0\.5 of 5\) · 1 for, 0 against · An ERP export saves a day$/,
    );
    expect(lines[at('H2 killed')]).toMatch(/^│ {3}└── H2 killed/);
    expect(at('slow CSV export')).toBeLessThan(at('SSO setup needs IT'));
    expect(lines[at('printing invoices')]).toMatch(/not heard in this window/);
    expect(lines[at('For no opportunity yet')]).toMatch(/^└── /);
    expect(lines[at('H3 open')]).toMatch(/^ {4}└── H3 open/);

    const tree = box.json(['tree']);
    expect(Object.keys(tree)).toEqual(['outcome', 'window', 'opportunities', 'unlinked']);
    expect(tree.outcome).toBe('Finance closes the month in a day');
    expect(
      tree.opportunities.map((o: any) => [o.opportunity, o.hypotheses.map((h: any) => `${h.id} ${h.status}`)]),
    ).toEqual([
      ['slow CSV export', ['H1 open', 'H2 killed']],
      ['SSO setup needs IT', []],
      ['export too slow', []],
      ['printing invoices', ['H4 open']],
    ]);
    expect(tree.unlinked.map((h: any) => h.id)).toEqual(['H3']);
    expect(tree.opportunities[0].hypotheses[0]).toEqual({
      id: 'H1',
      statement: 'An ERP export saves a day',
      status: 'open',
      confidence: { level: 'anecdotal', score: 0.5, refutedAt: null },
      supports: 1,
      refutes: 0,
      customersSupporting: 1,
      customersRefuting: 0,
      flags: [],
    });

    const md = ok(['tree', '--format', 'md']).out;
    expect(md).toContain('- **Outcome:** Finance closes the month in a day\n  - **slow CSV export** — score 7');
    expect(md).toContain(
      '    - **H1** (open): An ERP export saves a day — confidence anecdotal (score 0.5 of 5); customers: 1 for, 0 against\n',
    );
    // nested three deep: outcome → opportunity → hypothesis
    const doc = new Parser().parse(md);
    let depth = 0;
    let deepest = 0;
    const walker = doc.walker();
    for (let e = walker.next(); e; e = walker.next()) {
      if (e.node.type !== 'list') continue;
      depth += e.entering ? 1 : -1;
      deepest = Math.max(deepest, depth);
    }
    expect(deepest).toBe(3);
  });

  it('pm tree without an outcome or anything logged says what to do', () => {
    const empty = sandbox();
    try {
      const out = empty.pm(['tree']).out;
      expect(out).toMatch(/Outcome: not set \(pm config set product.outcome/);
      expect(out).toMatch(/nothing yet/);
      expect(empty.json(['tree'])).toMatchObject({ outcome: null, opportunities: [], unlinked: [] });
    } finally {
      empty.cleanup();
    }
  });
});

describe('opportunities in the JSON export', () => {
  it('named opportunities, their aliases and hypotheses travel to another journal, matched by UUID when imported again', () => {
    ok(['opportunity', 'merge', 'export too slow', 'slow CSV export']);
    ok(['hyp', 'add', 'X', '--for', 'slow CSV export']);
    const doc = box.json(['export', '--format', 'json']);
    expect(doc.opportunities).toMatchObject([
      { uuid: expect.any(String), name: 'slow CSV export', aliases: ['export too slow'] },
    ]);
    expect(doc.hypotheses[0].opportunityUuids).toEqual([doc.opportunities[0].uuid]);
    const file = join(box.dir, 'e.json');
    writeFileSync(file, JSON.stringify(doc));
    const other = join(box.dir, 'other.db');
    ok(['--db', other, 'import', file]);
    expect(box.json(['--db', other, 'opps'])).toEqual(box.json(['opps']));
    // imported again: matched by UUID, nothing changes
    expect(box.json(['--db', other, 'import', file]).opportunities).toMatchObject({ added: 0, matched: 1 });
  });

  it("a teammate's opportunity with the name of one of yours is matched to yours", () => {
    ok(['opportunity', 'merge', 'export too slow', 'slow CSV export']);
    const doc = box.json(['export', '--format', 'json']);
    doc.opportunities[0].uuid = '01900000-0000-7000-8000-0000000000ff';
    doc.opportunities[0].name = 'SLOW csv export';
    doc.opportunities[0].aliases = ['export too slow', 'exports crawl'];
    const file = join(box.dir, 'mate.json');
    writeFileSync(file, JSON.stringify(doc));
    expect(box.json(['import', file]).opportunities).toMatchObject({ added: 0, matched: 1 });
    ok(['log', '--with', 'Di Fox', '--account', 'Initech', '--summary', 'g', '--pain', 'exports crawl']);
    expect(box.json(['opps'])[0]).toMatchObject({
      opportunity: 'slow CSV export',
      aliases: ['export too slow', 'exports crawl'],
    });
  });
});

describe('opportunities in the report and the markdown export', () => {
  it('the report lists the best five of the 12 weeks up to --as-of, whatever its period', () => {
    for (const [who, pain] of [
      ['Di Fox', 'no audit log:low'],
      ['Ed Gray', 'dark mode:low'],
      ['Flo Hart', 'API limits:medium'],
      ['Gil Ives', 'slow search:medium'],
    ])
      ok(['log', '--with', who, '--account', 'Initech', '--date', '2026-11-19', '--summary', 's', '--pain', pain]);
    const report = box.json(['report', '--week', 'last']);
    expect(report.opportunities.window).toEqual({ start: '2026-08-29', end: '2026-11-20', weeks: 12 });
    expect(report.opportunities.heard).toBe(7);
    expect(report.opportunities.top).toEqual(box.json(['opps']).slice(0, 5));
    expect(report.opportunities.top.map((o: any) => o.opportunity)).toEqual([
      'slow CSV export',
      'SSO setup needs IT',
      'export too slow',
      'API limits',
      'slow search',
    ]);
    // as of a past day, nothing later counts (and the 12 weeks reach back to the old pain); three
    // spellings once each: the most recent names it
    const before = box.json(['report', '--as-of', '2026-11-10']).opportunities;
    expect(before.top.map((o: any) => [o.opportunity, o.score])).toEqual([
      ['slow csv export', 7],
      ['old pain', 5],
    ]);
    // --by: only the conversations held by that interviewer (here the user, named before they held one:
    // the calls logged here under the OS login went to the first name set, wave 14 H10)
    ok(['config', 'set', 'user.name', 'Pat']);
    ok(['config', 'set', 'user.name', 'Newcomer']);
    expect(box.json(['report', '--by', 'newcomer']).opportunities).toMatchObject({ heard: 0, top: [] });
    ok(['config', 'unset', 'user.name']);

    // the standup page counts them; --full lists the five
    expect(box.pm(['report'], { env: { COLUMNS: '200' } }).out).toMatch(/ · \d+ themes? · 7 opportunities\b/);
    const full = ok(['report', '--full']).out;
    expect(full).toMatch(/^Opportunities \(12 weeks to 2026-11-20, 7 heard\)$/m);
    expect(full).toMatch(
      /^ {2}score 7 +slow CSV export +2 customers from 1 account \(1 blocker, 1 medium\) +single-account$/m,
    );
    expect(full).toMatch(/^ {2}and 2 more: pm opportunities$/m);

    const md = ok(['report', '--format', 'md']).out;
    expect(md).toContain(
      '## Opportunities\n\nThe best of the 12 weeks to 2026-11-20 (7 heard), by worth-solving score:\n',
    );
    expect(md).toContain('- **slow CSV export** — score 7:');
    expect(md).toContain('- and 2 more (`pm opportunities` lists every one)');
  });

  it('the markdown export gains the tree and each pain with its severity', () => {
    ok(['hyp', 'add', 'An ERP export saves a day', '--for', 'slow CSV export']);
    ok(['hyp', 'add', 'Teams want a Slack bot']);
    const md = ok(['export', '--as-of', '2026-11-20']).out;
    const tree = md.slice(md.indexOf('# Opportunity–solution tree'), md.indexOf('# Interviews'));
    expect(tree).toContain('  - **slow CSV export** — score 7:');
    expect(tree).toContain('    - **H1** (open): An ERP export saves a day — confidence none (score 0 of 5)');
    expect(tree).toContain('  - **For no opportunity yet:** 1 open hypothesis');
    expect(md).toContain('- Slow CSV  export (blocker)');
  });
});
