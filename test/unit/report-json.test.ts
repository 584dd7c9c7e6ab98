// `pm report --json` has SQLite write the long lists' entries and their flags as JSON text
// (src/db/report-json.ts), spliced into the rest of the report (src/render/report-json.ts). The
// document must be byte for byte what JSON.stringify(buildReport(every row), null, 2) writes: on
// journals of both bench shapes, and on one of awkward text (quotes, backslashes, control
// characters, ESC, U+2028, emoji, decomposed accents, `</script>`) in every field the lists show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, type DB } from '../../src/db/journal.js';
import { reportRows } from '../../src/db/report.js';
import { decidedKept, reportJsonRows, reportJsonSql } from '../../src/db/report-json.js';
import { renderReportJson } from '../../src/render/report-json.js';
import { buildReport, interviewsNamed, reportQuery, resolvePeriod, type PeriodFlags } from '../../src/core/report.js';
import { generatedJournal } from '../fixtures/generated-journal.js';
import { journal } from '../fixtures/journal-builder.js';
import { boundaryHypotheses } from '../fixtures/hypothesis-boundaries.js';
import { sandbox } from '../helpers.js';
import { outcomeAfter } from '../../src/db/hypothesis-stats.js';
import { interviewIdsIn, withRefs, withRefsText } from '../../src/core/page-refs.js';

/** The simple path's document and the fast path's (null: it declined), with the first flag it returns. */
function documents(db: DB, asOf: string, period: PeriodFlags, by: string | null, othersHypotheses?: number[]) {
  const config = readConfig(db);
  const options = { period: resolvePeriod(period, asOf, config['week.start']), asOf, config, by, othersHypotheses };
  const q = reportQuery(options);
  const full = buildReport(reportRows(db, q), options);
  const simple = `${JSON.stringify(full, null, 2)}\n`;
  const rows = reportJsonRows(db, q);
  if (rows === null) return { simple, fast: null, full, flags: [] };
  const { pieces, flags } = renderReportJson(buildReport(rows.rows, options), rows.lists);
  return { simple, fast: pieces.join(''), full, flags };
}

const shapes = {
  today: { size: 2500, accounts: 60, contacts: 150, hypotheses: 120, seed: 21, shape: 'today' },
  harsh: { size: 1500, accounts: 240, contacts: 480, hypotheses: 150, seed: 22, shape: 'harsh' },
} as const;

describe.each(Object.entries(shapes))('on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let j: ReturnType<typeof generatedJournal>;
  beforeAll(() => {
    j = generatedJournal(size, opts);
  });
  afterAll(() => j.close());

  const CASES: [string, PeriodFlags, string | null][] = [
    ['2026-11-20', {}, null],
    ['2026-11-20', { month: true }, null],
    ['2026-11-20', { week: true }, 'dana'],
    ['2026-11-20', { since: '2026-01-01' }, 'Sam'],
    ['2026-11-30', {}, null],
    // a past week as of a later day, nothing decided since its end: its hypotheses judged as they stood then
    ['2026-11-20', { week: 'last' }, null],
    // the day after a period's end: its hypotheses open then, their date flags as of the day after
    ['2026-11-21', { since: '2026-11-14', until: '2026-11-20' }, null],
  ];
  for (const [asOf, period, by] of CASES)
    it(`writes the same JSON as the simple path, as of ${asOf} ${JSON.stringify(period)}${by ? ` by ${by}` : ''}`, () => {
      const { simple, fast, full, flags } = documents(j.db, asOf, period, by);
      expect(fast).not.toBeNull();
      expect(fast).toBe(simple);
      expect(flags).toEqual(full.flags.slice(0, 1));
    });

  // H6: a pain this week heard from one account is single-account only if its opportunity was, over
  // the Opportunities' 12 weeks, too: the fast path judges it in SQL, the simple path in JavaScript
  it('flags the pains heard from one account this week by their opportunity over 12 weeks, as the simple path', () => {
    const { simple, fast, full } = documents(j.db, '2026-11-20', { week: true }, null);
    expect(fast).toBe(simple);
    const lone = full.themes.filter((t) => t.kind === 'pain' && t.accounts === 1 && t.signals === 0);
    expect(lone.filter((t) => t.flags.length === 0).length).toBeGreaterThan(0);
    expect(lone.filter((t) => t.flags.length === 1).length).toBeGreaterThan(0);
  });

  it('writes the same JSON as the simple path for a cadence longer than a week (its windows: wave 18 H17)', () => {
    j.db.exec('SAVEPOINT cadence');
    try {
      j.db
        .prepare("INSERT OR REPLACE INTO config(key, value) VALUES ('cadence.days', '14'), ('cadence.target', '3')")
        .run();
      for (const [asOf, period, by] of [
        ['2026-11-20', {}, null],
        ['2026-11-20', { week: 'last' }, 'dana'],
        ['2025-06-10', { week: true }, null],
      ] as [string, PeriodFlags, string | null][]) {
        const { simple, fast, full } = documents(j.db, asOf, period, by);
        expect(full.contact.window?.days).toBe(14);
        expect(full.weekly.windowDays).toBe(14);
        // a day with outcomes after it is read the simple way (below)
        expect(fast).toBe(asOf === '2025-06-10' ? null : simple);
      }
    } finally {
      j.db.exec('ROLLBACK TO cadence; RELEASE cadence');
    }
  });

  it("writes a past period's open hypotheses with their ages and date flags as of --as-of (R5)", () => {
    // nothing is dated after 2026-11-20: those open at the period's end are this week's, flags and all
    const open = (doc: string | null) => JSON.parse(doc ?? 'null').hypotheses.unvalidated as { flags: string[] }[];
    const past = documents(j.db, '2026-11-21', { since: '2026-11-14', until: '2026-11-20' }, null);
    const now = documents(j.db, '2026-11-21', {}, null);
    expect(open(past.fast)).toEqual(open(now.fast));
    expect(open(past.fast).some((h) => h.flags.includes('past-decide-by'))).toBe(true);
    expect(open(past.fast).some((h) => h.flags.includes('decide-today'))).toBe(false);
  });

  it('has long lists to write on the latest day', () => {
    const { full } = documents(j.db, '2026-11-20', { month: true }, null);
    expect(full.overdueAccounts.length).toBeGreaterThan(10);
    expect(full.hypotheses.killed.filter((k) => k.evidenceAfter.length > 1).length).toBeGreaterThan(0);
    expect(full.followUps.length).toBeGreaterThan(0);
    expect(full.conversations.length).toBeGreaterThan(0);
  });

  it('reads the follow-ups due in their order from one index, without their conversations (0047)', () => {
    const plan = (
      j.db.prepare(`EXPLAIN QUERY PLAN ${reportJsonSql(false).followUps}`).all({ asOf: '2026-11-20', rows: -1 }) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    // and no sort of the list: the aggregates' b-trees (each one's names, by position) are not it
    expect(plan.filter((d) => /\bi\b|B-TREE FOR (RIGHT PART OF )?ORDER BY/.test(d))).toEqual([
      'SEARCH i USING COVERING INDEX interviews_follow_ups_due (follow_up>? AND follow_up<?)',
    ]);
  });

  // the command maps the journal while it reads (mmap_size, src/commands/report.ts): what it prints
  // is still the simple path's document, on the fast path and on the one that reads every row
  it('prints the simple path document from the mapped journal, as of today and of a day with later outcomes', () => {
    const box = sandbox();
    try {
      for (const asOf of ['2026-11-20', '2025-06-10']) {
        const r = box.pm(['--db', j.db.name, 'report', '--json', '--as-of', asOf]);
        expect(r.code).toBe(0);
        expect(r.out).toBe(documents(j.db, asOf, {}, null).simple);
      }
    } finally {
      box.cleanup();
    }
  });

  // a journal that syncs (H7): `ref` beside each hypothesis's id, and each interview's (wave 16 H7), written
  // into the fast path's text as withRefs puts it into the simple path's objects; the fast path finds the
  // interviews to name in its text, the simple path in the rows it read (interviewsNamed)
  it.each(CASES)('writes the same references as the simple path, as of %s %j by %s', (asOf, period, by) => {
    const hypotheses = (j.db.prepare('SELECT id FROM hypotheses').pluck().all() as number[]).map(
      (id): [string, string] => [`H${id}`, `H-${(id * 7919).toString(16).padStart(6, '0')}`],
    );
    const refsOf = (interviews: string[]) =>
      new Map([...hypotheses, ...interviews.map((id): [string, string] => [id, `I-${id.slice(1).padStart(6, '0')}`])]);
    const { fast, full } = documents(j.db, asOf, period, by);
    const config = readConfig(j.db);
    const q = reportQuery({ period: resolvePeriod(period, asOf, config['week.start']), asOf, config, by });
    const simple = `${JSON.stringify(withRefs(full, refsOf(interviewsNamed(reportRows(j.db, q)))), null, 2)}\n`;
    expect(simple).toContain('"ref": "H-');
    expect(simple).toContain('"ref": "I-');
    expect(withRefsText(fast!, refsOf(interviewIdsIn(fast!)))).toBe(simple);
  });

  it('reads every row as before for a day with later outcomes', () => {
    for (const asOf of ['2025-06-10', '2022-01-05']) expect(documents(j.db, asOf, {}, null).fast).toBeNull();
    // and a past period judged as of its end, with hypotheses decided since (as of that day, as above)
    expect(documents(j.db, '2026-11-30', { month: '2026-09' }, null).fast).toBeNull();
  });
});

describe('awkward text', () => {
  const AWKWARD = [
    'say "hi"',
    'back\\slash \\n not a newline',
    'tab\there, line\nbreak, bell\u0007, nul\u0000 and \u001f',
    'line\u2028separator\u2029',
    'escape \u001b[31mred\u001b[0m, DEL \u007f, </script><script>alert(1)</script>',
    'emoji 🙂 and flags 🇫🇷',
    'Ame\u0301lie (NFD)',
    "O'Brien & <b>co</b>",
    '',
  ];
  let b: ReturnType<typeof journal>;
  beforeAll(() => {
    b = journal();
    AWKWARD.forEach((text, k) => {
      const account = b.account(`${text || 'blank'} ${k}`, {
        segment: text || undefined,
        cadenceDays: k % 2 ? 1 : null,
      });
      const person = b.contact(`${text} person ${k}`, account);
      const quiet = b.contact(`${text} quiet ${k}`, account);
      // talked to since (so the first conversation's follow-up, with the two above, is still due)
      const other = b.contact(`${text} other ${k}`, account);
      const talk = b.interview({
        date: `2026-10-0${k + 1}`,
        account,
        with: [person, quiet],
        by: text || 'dana',
        summary: text,
        followUp: '2026-10-20',
      });
      b.interview({ date: '2026-11-18', account, with: [other], summary: `${text} again` });
      // a signal from a source too: "account via source"
      const signal = b.interview({ date: '2026-11-19', account, summary: `${text} heard`, followUp: '2026-11-20' });
      b.db.prepare("UPDATE interviews SET source = ?, channel = 'review' WHERE id = ?").run(`${text} src`, signal);
      const killed = b.hypothesis(`${text} killed`, '2026-01-01');
      b.evidence(killed, talk).outcome(killed, k % 2 ? 'killed' : 'invalidated', '2026-09-01', `${text} reason`);
      b.evidence(killed, b.interview({ date: '2026-11-02', account, with: [other] }));
      const validated = b.hypothesis(`${text} validated`, '2026-01-01');
      b.evidence(validated, talk).outcome(validated, 'validated', '2026-09-15', text);
      b.evidence(validated, b.interview({ date: '2026-11-03', account, with: [other] }), 'refutes');
      b.hypothesis(`${text} open`, '2026-01-01', '2026-11-01');
    });
    // accounts going cold on the same day, their names ordered differently by UTF-16 code units
    // and by code points (U+FF21 sorts after U+1F642 by code point, before it by code unit)
    // and names differing in case (accounts.name is NOCASE; the report orders 'Beta' before 'acme')
    for (const name of ['\uff21 wide', '🙂 smile', 'plain', 'acme', 'Beta', 'alpha']) {
      const account = b.account(name);
      b.interview({ date: '2026-08-01', account, with: [b.contact(`${name} c`, account)], summary: name });
    }
  });
  afterAll(() => b.close());

  it('writes the same JSON as the simple path, whatever the text', () => {
    for (const by of [null, 'dana', 'say "hi"']) {
      const { simple, fast, full } = documents(b.db, '2026-11-20', { month: true }, by);
      expect(fast).toBe(simple);
      if (by === null) {
        expect(full.hypotheses.refutedAfterValidation.length).toBe(AWKWARD.length);
        expect(full.hypotheses.killed.map((k) => k.evidenceAfter.length)).toEqual(AWKWARD.map(() => 2));
        expect(full.followUps.map((f) => f.with.length)).toContain(2);
        // those with a cadence of one day (odd k)
        expect(full.overdueAccounts.length).toBe(Math.floor(AWKWARD.length / 2) + 6);
        // SQLite reads them by code point, the report lists them by UTF-16 code unit
        expect(
          full.overdueAccounts.map((a) => a.account).filter((a) => a.includes(' wide') || a.includes(' smile')),
        ).toEqual(['🙂 smile', '\uff21 wide']);
        expect(full.overdueAccounts.map((a) => a.account).filter((a) => /^(acme|Beta|alpha)$/.test(a))).toEqual([
          'Beta',
          'acme',
          'alpha',
        ]);
      }
    }
  });
});

// Without --by, those on the journal's cadence are a range of accounts_going_cold (0054) in the list's
// order, merged with the others (a cadence of their own, a conversation after --as-of), judged one by one
describe('the accounts going cold', () => {
  let b: ReturnType<typeof journal>;
  const talk = (account: number, date: string, channel = 'call') =>
    b.interview({ date, account, channel, with: channel === 'call' ? [b.contact(`c${date}${account}`, account)] : [] });
  beforeAll(() => {
    b = journal();
    // on one day, names whose order by case differs from accounts.name's (NOCASE): 'Beta' before 'acme'
    for (const name of ['acme', 'Beta', 'alpha', 'Zed', 'zoe', 'beta two'])
      talk(b.account(name, { segment: name === 'acme' ? 'SMB' : undefined }), '2026-08-01');
    // the cadence's edge (30 days: going cold after the 30th), a day either side
    for (const [name, date] of [
      ['edge 29', '2026-10-22'],
      ['edge 30', '2026-10-21'],
      ['edge 31', '2026-10-20'],
    ])
      talk(b.account(name), date);
    // a cadence of their own, interleaved with the others by day and name; 0 is off
    talk(b.account('own week', { cadenceDays: 7 }), '2026-11-01');
    talk(b.account('Own early', { cadenceDays: 7 }), '2026-08-01');
    talk(b.account('own off', { cadenceDays: 0 }), '2025-01-01');
    talk(b.account('own long', { cadenceDays: 400 }), '2026-01-01');
    // a customer conversation after the report's day: the one before it counts (and none: not going cold)
    const later = b.account('later too');
    talk(later, '2026-09-01');
    talk(later, '2026-11-25');
    const laterOwn = b.account('later own', { cadenceDays: 5 });
    talk(laterOwn, '2026-08-01');
    talk(laterOwn, '2026-11-26');
    talk(b.account('only later'), '2026-11-27');
    // never contacted, or only heard of (a review: no customer conversation)
    b.account('never');
    talk(b.account('heard of'), '2026-01-05', 'review');
  });
  afterAll(() => b.close());

  it('are those the simple path lists, in its order, as of each day and cadence', () => {
    for (const cadence of [30, 1, 365]) {
      b.config({ 'account.cadenceDays': cadence });
      for (const asOf of ['2026-11-20', '2026-11-30', '2026-09-15', '2026-08-01']) {
        const { simple, fast } = documents(b.db, asOf, {}, null);
        expect(fast).toBe(simple);
      }
    }
    b.config({ 'account.cadenceDays': 30 });
    expect(b.report('2026-11-20').overdueAccounts.map((a) => a.account)).toEqual([
      'Beta',
      'Own early',
      'Zed',
      'acme',
      'alpha',
      'beta two',
      'later own',
      'zoe',
      'later too',
      'edge 31',
      'own week',
    ]);
  });

  it("reads those on the journal's cadence in their order from one index, sorting only the others", () => {
    const plan = (
      b.db
        .prepare(`EXPLAIN QUERY PLAN ${reportJsonSql(false).overdueAccounts}`)
        .all({ asOf: '2026-11-20', coldBefore: '2026-10-21', accountCadence: 30 }) as { detail: string }[]
    ).map((r) => r.detail);
    // the merge's first part, unsorted: the others (its second part) are sorted, a few each
    const first = plan.slice(plan.indexOf('MERGE (UNION ALL)'), plan.indexOf('RIGHT'));
    expect(first).toEqual([
      'MERGE (UNION ALL)',
      'LEFT',
      'SEARCH accounts USING COVERING INDEX accounts_going_cold (last_direct<?)',
    ]);
  });
});

describe('open hypotheses', () => {
  it('are listed and flagged as the report builds them, at each boundary, with bets and later links', () => {
    const j = journal();
    try {
      const {
        call,
        h,
        accounts: [a],
      } = boundaryHypotheses(j, (created) => `created "${created}"`);
      // confidence from what the evidence rests on (did, paid), and from a signal only
      const paid = h('2026-11-01');
      j.evidence(paid, call('2026-11-15', 0)).evidence(paid, call('2026-11-15', 3), 'refutes');
      j.db.prepare("UPDATE evidence SET basis = 'paid' WHERE hypothesis_id = ? AND direction = 'supports'").run(paid);
      j.db.prepare("UPDATE evidence SET basis = 'did' WHERE hypothesis_id = ? AND direction = 'refutes'").run(paid);
      const signal = j.interview({ date: '2026-11-16', account: a, summary: 'heard' });
      j.db.prepare("UPDATE interviews SET source = 'Capterra', channel = 'review' WHERE id = ?").run(signal);
      j.evidence(h('2026-11-01'), signal);
      // bets: one running (holding its flags), one due, one from a later day
      const bet = (until: string, since: string) =>
        j.db
          .prepare("UPDATE hypotheses SET bet_until = ?, bet_since = ?, bet_reason = 'a \\\\ hunch' WHERE id = ?")
          .run(until, since, h('2026-10-01', '2026-11-01'));
      bet('2026-12-01', '2026-11-01');
      bet('2026-11-15', '2026-11-01');
      bet('2026-12-31', '2026-11-25');
      h('2026-11-25'); // created after the report's day
      const same = (sql: boolean) => {
        const { simple, fast, full, flags } = documents(j.db, '2026-11-20', {}, null);
        expect(fast).toBe(simple);
        expect(flags).toEqual(full.flags.slice(0, 1));
        const config = readConfig(j.db);
        const period = resolvePeriod({}, '2026-11-20', config['week.start']);
        const q = reportQuery({ period, asOf: '2026-11-20', config, by: null });
        expect(reportJsonRows(j.db, q)?.lists.open !== null).toBe(sql);
        return full;
      };
      const full = same(true);
      const kinds = new Set<string>(full.flags.map((f) => f.kind));
      for (const kind of ['stale', 'past-decide-by', 'decide-today', 'ready-to-validate', 'ready-to-kill', 'bet-due'])
        expect([kind, kinds.has(kind)]).toEqual([kind, true]);
      const levels = new Set<string | null>(
        full.hypotheses.unvalidated.flatMap((u) => [u.confidence.level, u.confidence.refutedAt]),
      );
      for (const level of ['none', 'opinion', 'anecdotal', 'customers', 'behaviour', 'commitment'])
        expect([level, levels.has(level)]).toEqual([level, true]);
      expect(full.hypotheses.unvalidated.flatMap((u) => u.flags)).toContain('decide-soon');
      expect(full.bets.length).toBe(2);
      // someone else's hypotheses (H14), a bet due among them: listed as they are, none of their flags raised
      const open = full.hypotheses.unvalidated.map((u) => Number(u.id.slice(1)));
      const others = [...open.filter((_, k) => k % 2 === 0), ...full.bets.map((b) => Number(b.id.slice(1)))];
      const theirs = documents(j.db, '2026-11-20', {}, null, others);
      expect(theirs.fast).toBe(theirs.simple);
      expect(theirs.flags).toEqual(theirs.full.flags.slice(0, 1));
      const subjects = new Set(theirs.full.flags.map((f) => f.subject));
      expect(others.filter((id) => subjects.has(`H${id}`))).toEqual([]);
      expect(theirs.full.flags.length).toBeGreaterThan(0);
      expect(theirs.full.flags.length).toBeLessThan(full.flags.length);
      expect(theirs.full.hypotheses.unvalidated).toEqual(full.hypotheses.unvalidated);
      // a link dated after the report's day: that hypothesis's counts are recounted, as before
      j.evidence(h('2026-10-01'), call('2026-11-25', 0));
      same(false);
    } finally {
      j.close();
    }
  });

  // the open list's flags come joined, each led by its separator, the first one's cut by the caller:
  // with none raised (a new hypothesis, decided by a later day) there is nothing to cut, and with
  // one raised, exactly that separator
  it('writes the flags they raise, whether none is raised or one', () => {
    const j = journal();
    try {
      const quiet = j.hypothesis('a new idea', '2026-11-18', '2027-01-01');
      const config = readConfig(j.db);
      const period = resolvePeriod({}, '2026-11-20', config['week.start']);
      const q = reportQuery({ period, asOf: '2026-11-20', config, by: null });
      const none = documents(j.db, '2026-11-20', {}, null);
      expect(none.fast).toBe(none.simple);
      const raised = (d: typeof none) => d.full.flags.filter((f) => f.subject.startsWith('H')).map((f) => f.kind);
      expect(raised(none)).toEqual([]);
      expect(reportJsonRows(j.db, q)?.lists.open).toEqual({ entries: expect.any(Buffer), flags: null });
      j.db.prepare("UPDATE hypotheses SET decide_by = '2026-11-19' WHERE id = ?").run(quiet);
      const one = documents(j.db, '2026-11-20', {}, null);
      expect(one.fast).toBe(one.simple);
      expect(raised(one)).toEqual(['past-decide-by']);
      expect(one.flags).toEqual(one.full.flags.slice(0, 1));
    } finally {
      j.close();
    }
  });
});

/** A killed and a validated hypothesis, decided on 2026-09-01 after a conversation with Ada of Acme. */
function decidedPair(j: ReturnType<typeof journal>, statement: string, reason: string) {
  const account = j.account('Acme');
  const person = j.contact('Ada', account);
  const talk = (date: string) => j.interview({ date, account, with: [person] });
  const first = talk('2026-08-01');
  const killed = j.hypothesis(statement, '2026-01-01');
  const validated = j.hypothesis('validated', '2026-01-01');
  j.evidence(killed, first).outcome(killed, 'killed', '2026-09-01', reason);
  j.evidence(validated, first).outcome(validated, 'validated', '2026-09-01', 'yes');
  return { talk, first, killed, validated };
}

describe('the links dated after a decision', () => {
  it('are listed by day, then by conversation, whatever order they were written in', () => {
    const j = journal();
    try {
      const { talk, killed, validated } = decidedPair(j, 'killed', 'no');
      // written latest day first, two on one day
      const late = ['2026-11-10', '2026-10-05', '2026-10-20', '2026-10-05'].map(talk);
      for (const i of late) j.evidence(killed, i).evidence(validated, i, 'refutes');
      const { simple, fast, full } = documents(j.db, '2026-11-20', {}, null);
      expect(fast).toBe(simple);
      const order = [late[1], late[3], late[2], late[0]].map((i) => `I${i}`);
      expect(full.hypotheses.killed[0].evidenceAfter).toEqual(order);
      expect(full.hypotheses.refutedAfterValidation[0].evidenceAfter).toEqual(order);
      // each a range of evidence_by_date read in order (0039): no sort a hypothesis, and each
      // validated one's refuting links listed once (a subquery flattened into its filter listed them
      // twice, once for WHERE and once for the row)
      for (const list of ['killed', 'refutedAfterValidation'] as const) {
        const plan = (
          j.db.prepare(`EXPLAIN QUERY PLAN ${reportJsonSql(false)[list]}`).all({ asOf: '2026-11-20' }) as {
            detail: string;
          }[]
        ).map((r) => r.detail);
        expect(plan.filter((d) => /^SEARCH e\b/.test(d))).toEqual([
          'SEARCH e USING COVERING INDEX evidence_by_date (hypothesis_id=? AND date>? AND date<?)',
        ]);
        expect(plan.filter((d) => d.includes('TEMP B-TREE'))).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
      }
    } finally {
      j.close();
    }
  });
});

describe("a link on a decision's day", () => {
  it('is after it when logged after it, for a kill as for a validation, kept or looked up (H13)', () => {
    const j = journal();
    try {
      // decided on 09-01; the call that day logged after both decisions
      const { talk, killed, validated } = decidedPair(j, 'killed', 'no');
      const after = talk('2026-09-01');
      j.evidence(killed, after).evidence(validated, after, 'refutes');
      // decided on 09-02, after a call of that day was logged: it was known then
      const before = talk('2026-09-02');
      const knownKilled = j.hypothesis('known killed', '2026-01-01');
      const knownValidated = j.hypothesis('known validated', '2026-01-01');
      j.evidence(knownKilled, before).outcome(knownKilled, 'killed', '2026-09-02', 'no');
      j.evidence(knownValidated, before, 'refutes').outcome(knownValidated, 'validated', '2026-09-02', 'yes');
      const lists = (kept: boolean) => {
        // kept: the entries triggers keep (0044, 0074); else an outcome is dated after the day
        expect(outcomeAfter(j.db, '2026-11-20')).toBe(!kept);
        const { simple, fast, full } = documents(j.db, '2026-11-20', {}, null);
        if (kept) expect(decidedKept(j.db, '2026-11-20')).toBe(true);
        if (kept || fast !== null) expect(fast).toBe(simple);
        const flagged = (xs: { id: string; evidenceAfter: string[] }[]) =>
          xs.filter((x) => x.evidenceAfter.length).map((x) => [x.id, x.evidenceAfter]);
        return {
          killed: flagged(full.hypotheses.killed),
          refuted: flagged(full.hypotheses.refutedAfterValidation),
          flags: full.flags.filter((f) => f.kind.startsWith('evidence-after')).map((f) => `${f.kind} ${f.subject}`),
        };
      };
      const expected = {
        killed: [[`H${killed}`, [`I${after}`]]],
        refuted: [[`H${validated}`, [`I${after}`]]],
        flags: [`evidence-after-kill H${killed}`, `evidence-after-validate H${validated}`],
      };
      expect(lists(true)).toEqual(expected);
      // as of the same day with an outcome dated after it: each one's outcomes looked up, the same lists
      j.outcome(j.hypothesis('later', '2026-01-01'), 'killed', '2026-11-25', 'later');
      expect(lists(false)).toEqual(expected);
    } finally {
      j.close();
    }
  });
});

describe('the killed and refuted lists kept by triggers (0044)', () => {
  it('are what the report lists as of its day, through kills, links, edits, erasures and reopenings', () => {
    const j = journal();
    try {
      const { talk, first, killed, validated } = decidedPair(j, 'killed "first"', 'no \\ way');
      const same = (kept = true) => {
        expect(decidedKept(j.db, '2026-11-20')).toBe(kept);
        const { simple, fast, full } = documents(j.db, '2026-11-20', {}, null);
        expect(fast).toBe(simple);
        return full.hypotheses;
      };
      expect(same().killed.map((k) => k.evidenceAfter)).toEqual([[]]);
      // links after the decision: listed and flagged, then turned, moved to another day, removed
      const late = talk('2026-10-05');
      j.evidence(killed, late).evidence(validated, late, 'refutes');
      expect(same().refutedAfterValidation.map((r) => r.evidenceAfter)).toEqual([[`I${late}`]]);
      j.db.prepare("UPDATE evidence SET direction = 'supports' WHERE hypothesis_id = ?").run(validated);
      expect(same().refutedAfterValidation).toEqual([]);
      j.db.prepare("UPDATE evidence SET direction = 'refutes' WHERE hypothesis_id = ?").run(validated);
      j.db.prepare("UPDATE interviews SET date = '2026-08-15' WHERE id = ?").run(late);
      expect(same().killed[0].evidenceAfter).toEqual([]);
      j.db.prepare("UPDATE interviews SET date = '2026-10-06' WHERE id = ?").run(late);
      // the statement and the reason rewritten (pm hyp edit, pm forget), another kill, a validation
      j.db.prepare("UPDATE hypotheses SET statement = 'killed \u2028 again' WHERE id = ?").run(killed);
      j.db.prepare("UPDATE outcomes SET reason = 'scrubbed' WHERE hypothesis_id = ?").run(killed);
      const other = j.hypothesis('other', '2026-02-01');
      j.evidence(other, first).outcome(other, 'invalidated', '2026-09-01', 'same day');
      j.outcome(j.hypothesis('late validated', '2026-03-01'), 'validated', '2026-10-01', 'ok');
      expect(same().killed.map((k) => [k.statement, k.reason])).toEqual([
        ['killed \u2028 again', 'scrubbed'],
        ['other', 'same day'],
      ]);
      // reopened, its conversation deleted, deleted
      j.outcome(killed, 'reopened', '2026-10-10', 'back');
      expect(same().killed.map((k) => k.id)).toEqual([`H${other}`]);
      j.db.prepare('DELETE FROM interviews WHERE id = ?').run(late);
      expect(same().refutedAfterValidation).toEqual([]);
      j.db.prepare('DELETE FROM hypotheses WHERE id = ?').run(other);
      expect(same().killed).toEqual([]);
      // a link, or a killed hypothesis, dated after the report's day: the lists made as of it
      j.outcome(killed, 'killed', '2026-11-01', 'again');
      j.evidence(killed, talk('2026-11-25'));
      expect(same(false).killed[0].evidenceAfter).toEqual([]);
      j.db.prepare('DELETE FROM evidence WHERE hypothesis_id = ?').run(killed);
      same(true);
      j.db.prepare("UPDATE hypotheses SET created_on = '2026-11-21' WHERE id = ?").run(killed);
      expect(same(false).killed).toEqual([]);
    } finally {
      j.close();
    }
  });
});

// the themes written by SQLite (themesJson) in the report's order: where SQLite cannot order or write
// them as the report does, they are built by the report as before (lists.themes null)
describe('themes', () => {
  let b: ReturnType<typeof journal>;
  const themesText = (asOf: string) => {
    const config = readConfig(b.db);
    const options = { period: resolvePeriod({ month: true }, asOf, config['week.start']), asOf, config, by: null };
    return reportJsonRows(b.db, reportQuery(options))!.lists.themes;
  };
  beforeAll(() => {
    b = journal();
    const acct = (name: string, segment?: string) => {
      const account = b.account(name, { segment });
      return { account, with: [b.contact(`${name} person`, account)] };
    };
    const [a1, a2, a3, a4, a5] = [
      acct('A1', 'smb'),
      acct('A2', 'SMB'),
      acct('A3'),
      acct('A4', 'enterprise'),
      acct('A5'),
    ];
    // November: ASCII throughout. Ties on accounts, signals and interviews ordered by name whatever its
    // case; one name as a tag and, capitalised, as a pain; a segment in two cases and none; a single
    // account's wish, and one a review echoes (a signal); control characters
    b.interview({ date: '2026-11-02', ...a1, tags: ['billing', 'export', 'Zeta'], pains: ['Billing'] });
    b.interview({ date: '2026-11-03', ...a2, tags: ['billing', 'alpha'] });
    b.interview({ date: '2026-11-04', ...a3, tags: ['billing', 'Zeta', 'esc\u001b[1m tab\t'] });
    b.interview({ date: '2026-11-05', ...a4, tags: ['export', 'alpha'], pains: ['Billing', 'slow export'] });
    b.interview({ date: '2026-11-06', ...a4, pains: ['slow export'] });
    b.interview({ date: '2026-11-06', ...a5, tags: ['esc\u001b[1m tab\t'] });
    const signal = b.interview({ date: '2026-11-07', account: a5.account, tags: ['esc\u001b[1m tab\t'] });
    b.db.prepare("UPDATE interviews SET source = 'Capterra', channel = 'review' WHERE id = ?").run(signal);
    // October: a tag and a pain of one name but its case, tied on all three counts
    b.interview({ date: '2026-10-02', ...a1, tags: ['onboarding'], pains: ['Onboarding'] });
    // September: names past ASCII (JavaScript lowers É, and lists ébène first; SQLite does not: Éclair)
    b.interview({ date: '2026-09-02', ...a1, tags: ['Éclair', 'ébène'] });
    b.interview({ date: '2026-09-03', ...a2, tags: ['Éclair', 'ébène'] });
    // August: segments past U+FFFF (U+FF21 sorts after U+1F642 by code point, before it by code unit)
    const [wide, smile] = [acct('W', '\uff21 wide'), acct('S', '🙂 smile')];
    b.interview({ date: '2026-08-02', ...wide, tags: ['mobile'] });
    b.interview({ date: '2026-08-03', ...smile, tags: ['mobile'] });
    // July: a pain painKey keys otherwise than lower(trim()) (a run of spaces)
    b.interview({ date: '2026-07-02', ...a1, pains: ['slow  export'] });
  });
  afterAll(() => b.close());

  it('writes them as the report does, in its order, where SQLite can', () => {
    const { simple, fast, full } = documents(b.db, '2026-11-20', { month: true }, null);
    expect(themesText('2026-11-20')).not.toBeNull();
    expect(fast).toBe(simple);
    expect(full.themes.map((t) => `${t.kind} ${t.theme}`)).toEqual([
      'tag billing',
      'tag esc\u001b[1m tab\t',
      'tag alpha',
      'pain Billing',
      'tag export',
      'tag Zeta',
      'pain slow export',
    ]);
    expect(full.themes.find((t) => t.theme === 'billing')!.segments).toHaveLength(2);
    expect(full.themes.map((t) => t.flags.length)).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it.each([
    ['2026-10-20', 'two themes tied on all three counts, by a name alike but for its case'],
    ['2026-09-20', 'names past ASCII'],
    ['2026-08-20', 'segments past ASCII'],
    ['2026-07-20', 'a pain keyed otherwise'],
  ])('leaves them to the report as of %s: %s', (asOf) => {
    const { simple, fast, full } = documents(b.db, asOf, { month: true }, null);
    expect(full.themes.length).toBeGreaterThan(0);
    expect(fast).toBe(simple);
    expect(themesText(asOf)).toBeNull();
  });

  it('writes none for a period without themes', () => {
    const { simple, fast, full } = documents(b.db, '2026-06-20', { month: true }, null);
    expect(full.themes).toEqual([]);
    expect(fast).toBe(simple);
  });
});
