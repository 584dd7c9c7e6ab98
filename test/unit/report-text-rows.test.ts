// The text and markdown reports read only the rows they show of the long lists (src/db/report.ts,
// `rows`), and count the rest. Whatever the journal, period, --as-of or --by, what they print must be
// what they would print had they read every row; and JSON (every row read) must hold what the
// counts say. On journals of both bench shapes (test/bench/generate.mjs: today's, and the harsh one
// with many open hypotheses, links after their decision and accounts going cold).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { readConfig, type DB } from '../../src/db/journal.js';
import { reportRows, reportSql, themeCount } from '../../src/db/report.js';
import { withPainKey } from '../../src/db/pain-key.js';
import { namedOpportunities } from '../../src/db/opportunities.js';
import { outcomeAfter } from '../../src/db/hypothesis-stats.js';
import { evidenceOf, hypothesisRecords, outcomesOf, withDecidedFlags } from '../../src/db/hypotheses.js';
import { afterDecision, statusAfter } from '../../src/core/hypotheses.js';
import { addPeople } from '../../src/db/interview-writer.js';
import {
  buildReport,
  buildShownReport,
  DECIDE_SOON,
  reportQuery,
  resolvePeriod,
  SHOWN_ROWS,
  silentBefore,
  type Needs,
  type PeriodFlags,
} from '../../src/core/report.js';
import { fillStatements } from '../../src/commands/report.js';
import { renderReportText } from '../../src/render/report-text.js';
import { renderReportMarkdown } from '../../src/render/report-md.js';
import { renderStandup } from '../../src/render/report-standup.js';
import { generatedJournal } from '../fixtures/generated-journal.js';
import { journal } from '../fixtures/journal-builder.js';
import { boundaryHypotheses } from '../fixtures/hypothesis-boundaries.js';
import { painKey } from '../../src/core/pains.js';
import { addDays } from '../../src/core/dates.js';
import { isSilent } from '../../src/core/coverage.js';

const shapes = {
  today: { size: 2500, accounts: 60, contacts: 150, hypotheses: 120, seed: 11, shape: 'today' },
  harsh: { size: 1500, accounts: 240, contacts: 480, hypotheses: 150, seed: 12, shape: 'harsh' },
} as const;

describe.each(Object.entries(shapes))('on a journal of the %s shape', (shape, { size, ...opts }) => {
  let journal: ReturnType<typeof generatedJournal>;
  let db: DB;
  beforeAll(() => {
    journal = generatedJournal(size, opts);
    db = journal.db;
    // a killed hypothesis decided long ago (far from the first rows of its list) that a later
    // interview still links to: its flag must be raised even when its row is not among those shown
    const h = Number(
      db
        .prepare(
          "INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES ('h-old', 'An old idea', '2022-01-03', '2022-02-01')",
        )
        .run().lastInsertRowid,
    );
    db.prepare(
      "INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES ('o-old', ?, 'killed', '2022-01-10', 'nobody cared')",
    ).run(h);
    const late = db
      .prepare("SELECT id FROM interviews WHERE date > '2026-10-01' ORDER BY id LIMIT 1")
      .pluck()
      .get() as number;
    db.prepare("INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, 'supports')").run(h, late);
    // and one that later interviews only refute: they confirm the kill, which raises nothing (H10)
    const confirmed = Number(
      db
        .prepare(
          "INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES ('h-done', 'A dead idea', '2022-01-04', '2022-02-01')",
        )
        .run().lastInsertRowid,
    );
    db.prepare(
      "INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES ('o-done', ?, 'killed', '2022-01-11', 'no')",
    ).run(confirmed);
    for (const i of db
      .prepare("SELECT id FROM interviews WHERE date > '2022-01-11' ORDER BY id LIMIT 3")
      .pluck()
      .all() as number[])
      db.prepare("INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, 'refutes')").run(
        confirmed,
        i,
      );
    // two killed on the day of a conversation that supports them: one killed before it was logged (the
    // outcome's UUID sorts first), which it puts in doubt, one after, which knew it (H13)
    const [sameDay, heard] = db
      .prepare("SELECT date, id FROM interviews WHERE date BETWEEN '2026-10-01' AND '2026-10-08' ORDER BY id LIMIT 1")
      .raw()
      .get() as [string, number];
    for (const [key, outcome] of [
      ['after', '0-killed-before-the-call'],
      ['before', 'z-killed-after-the-call'],
    ]) {
      const killed = db
        .prepare("INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES (?, ?, '2026-01-05', ?)")
        .run(`h-same-${key}`, `Heard ${key} the kill`, '2026-12-01').lastInsertRowid;
      db.prepare(
        "INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES (?, ?, 'killed', ?, 'no')",
      ).run(outcome, killed, sameDay);
      db.prepare("INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, 'supports')").run(
        killed,
        heard,
      );
    }
    // follow-ups nobody answered (their people were never called again): more than a section shows
    const account = db.prepare('SELECT id FROM accounts ORDER BY id LIMIT 1').pluck().get() as number;
    for (let k = 0; k < SHOWN_ROWS + 3; k++) {
      const person = db
        .prepare("INSERT INTO contacts (uuid, name, account_id, role) VALUES (?, ?, ?, 'customer')")
        .run(`c-once-${k}`, `Once ${k}`, account).lastInsertRowid;
      const day = `2026-10-${String(10 + k).padStart(2, '0')}`;
      const call = db
        .prepare(
          `INSERT INTO interviews (uuid, date, channel, account_id, summary, follow_up, created_at)
           VALUES (?, ?, 'call', ?, 'a call never followed up', ?, ?)`,
        )
        .run(`i-once-${k}`, day, account, '2026-10-30', `${day}T12:00:00Z`).lastInsertRowid;
      addPeople(db, Number(call), [Number(person)]);
    }
    // the views list the best opportunities ranked from a summary of each spelling
    // (src/core/report-opportunities.ts): give the pains severities of every kind, spellings that
    // differ only in case and spaces, and a named opportunity merging the two pains heard most,
    // with an open hypothesis made for it
    db.prepare(
      `UPDATE pains SET severity = CASE interview_id % 5 WHEN 0 THEN 'low' WHEN 1 THEN 'high' WHEN 2 THEN 'blocker'
         ELSE severity END WHERE interview_id % 3 = 0`,
    ).run();
    const heardMost = db
      .prepare(
        `SELECT p.text FROM pains p JOIN interviews i ON i.id = p.interview_id WHERE i.date > '2026-08-20'
         GROUP BY p.text ORDER BY count(*) DESC, p.text LIMIT 3`,
      )
      .pluck()
      .all() as string[];
    db.prepare("UPDATE pains SET text = ' ' || upper(text) || ' ' WHERE text = ? AND interview_id % 2 = 0").run(
      heardMost[2],
    );
    const merged = db
      .prepare("INSERT INTO opportunities (uuid, name, key) VALUES ('o-merged', 'Merged pain', 'merged pain')")
      .run().lastInsertRowid;
    for (const text of heardMost.slice(0, 2))
      db.prepare('INSERT INTO opportunity_aliases (key, opportunity_id, name) VALUES (?, ?, ?)').run(
        painKey(text),
        merged,
        text,
      );
    const made = db
      .prepare(
        "INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES ('h-merged', 'Fix the merged pain', '2026-09-01', '2026-12-31')",
      )
      .run().lastInsertRowid;
    db.prepare('INSERT INTO hypothesis_opportunities (hypothesis_id, opportunity_id) VALUES (?, ?)').run(made, merged);
    // more hypotheses due on a case's day (2026-11-20: decide-today, fresh-eyes wave 14 H11) than a
    // section shows, those made before 2026-11-06 stale too: the day's line and counts come from SQL
    for (let k = 0; k < SHOWN_ROWS + 3; k++)
      db.prepare("INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES (?, ?, ?, '2026-11-20')").run(
        `h-today-${k}`,
        `Due on the day ${k}`,
        `2026-11-${String(1 + k).padStart(2, '0')}`,
      );
  });
  afterAll(() => journal.close());

  const color = new Chalk({ level: 0 });

  function both(asOf: string, period: PeriodFlags, by: string | null) {
    const config = readConfig(db);
    const options = { period: resolvePeriod(period, asOf, config['week.start']), asOf, config, by };
    const q = reportQuery(options);
    const all = reportRows(db, q);
    const some = reportRows(db, q, SHOWN_ROWS);
    const full = buildReport(all, options);
    // what pm report does for text and markdown: the rows shown read, and built
    const shown = buildShownReport(some, options);
    // the standup page from every row read: the same page
    const allShown = buildShownReport(all, options);
    const standupQuery = {
      opportunityCounts: true,
      themeCounts: true,
      conversationCounts: true,
      killedCounts: true,
      silentBefore: addDays(asOf, -config['coverage.silentDays']),
    };
    const standup = buildShownReport(reportRows(db, { ...q, ...standupQuery }, SHOWN_ROWS), options);
    const filled = (needs: Needs) => {
      fillStatements(db, needs);
      return needs;
    };
    const themesShown = buildShownReport(reportRows(db, { ...q, themesShown: SHOWN_ROWS }, SHOWN_ROWS), options);
    return {
      full,
      some,
      shown,
      textFull: renderReportText(full, { color, width: 120 }),
      textShown: renderReportText(shown.report, { color, width: 120, unread: shown.unread }),
      pageFull: renderStandup(allShown.report, {
        needs: filled(allShown.needs),
        color,
        width: 120,
        unread: allShown.unread,
      }),
      pageShown: renderStandup(shown.report, { needs: filled(shown.needs), color, width: 120, unread: shown.unread }),
      // what pm report does for the standup page: opportunities, themes and conversations only counted
      pageCounted: renderStandup(standup.report, {
        needs: filled(standup.needs),
        color,
        width: 120,
        unread: standup.unread,
      }),
      // and as pm report fills it: the statements of groups of one alone, the only ones it shows
      pageLone: (() => {
        // and with no flag's message made: it prints none, only how many flags there are (the same ones)
        const lone = buildShownReport(reportRows(db, { ...q, ...standupQuery }, SHOWN_ROWS), options, false);
        const bare = (flags: { kind: string; subject: string }[]) => flags.map((f) => `${f.kind} ${f.subject}`);
        expect(bare(lone.report.flags)).toEqual(bare(standup.report.flags));
        expect(lone.report.flags.every((f) => f.message === '')).toBe(true);
        fillStatements(db, lone.needs, true);
        return renderStandup(lone.report, { needs: lone.needs, color, width: 120, unread: lone.unread });
      })(),
      mdFull: renderReportMarkdown(full),
      mdShown: renderReportMarkdown(shown.report, { unread: shown.unread }),
      // what pm report does for markdown: the segments gone silent alone read (it lists no segments)
      mdSilent: (() => {
        const silent = buildShownReport(
          reportRows(db, { ...q, silentBefore: silentBefore(options) }, SHOWN_ROWS),
          options,
        );
        return renderReportMarkdown(silent.report, { unread: silent.unread });
      })(),
      // and the themes it may list alone read (the first SHOWN_ROWS and any tied with the last)
      mdThemes: renderReportMarkdown(themesShown.report, { unread: themesShown.unread }),
      themesShown,
    };
  }

  const CASES: [string, PeriodFlags, string | null][] = [
    ['2026-11-20', {}, null],
    ['2026-11-20', { month: true }, null],
    ['2026-11-20', { week: true }, 'dana'],
    ['2025-06-10', {}, null], // a past day: outcomes and interviews dated after it exist
    ['2024-02-01', { month: true }, 'Sam'],
    ['2022-01-05', {}, null], // early in the journal: short lists, nothing left unread
    // past periods as of a later day: their hypotheses judged as they stood at the period's end
    ['2026-11-20', { week: 'last' }, null],
    ['2026-11-20', { month: '2026-08' }, 'dana'],
    // the day after a period: those due on its last day are past their decide-by (as of --as-of)
    ['2026-11-21', { since: '2026-11-14', until: '2026-11-20' }, null],
  ];

  function sameAsEveryRow(asOf: string, period: PeriodFlags, by: string | null) {
    const {
      textFull,
      textShown,
      mdFull,
      mdShown,
      mdSilent,
      mdThemes,
      pageFull,
      pageShown,
      pageCounted,
      pageLone,
      some,
      full,
      shown,
    } = both(asOf, period, by);
    expect(textShown).toBe(textFull);
    expect(mdShown).toBe(mdFull);
    expect(mdSilent).toBe(mdFull);
    expect(mdThemes).toBe(mdFull);
    expect(pageShown).toBe(pageFull);
    expect(pageCounted).toBe(pageFull);
    expect(pageLone).toBe(pageFull);
    // the best opportunities, ranked from each spelling's summary and the rows of those that may
    // be among them, and how many were heard and are unaddressed: those of every pain ranked
    expect(shown.report.opportunities).toEqual(full.opportunities);
    expect(full.opportunities.top.length).toBeGreaterThan(0);
    // the lists built are the complete lists' first rows, and the rest is counted (bets aside:
    // the views list them apart, and the complete report has them all in `bets`)
    const notBets = full.hypotheses.unvalidated.filter((h) => h.bet === null);
    expect(notBets.slice(0, SHOWN_ROWS)).toEqual(shown.report.hypotheses.unvalidated);
    expect(shown.report.hypotheses.unvalidated.length + shown.unread.unvalidated).toBe(notBets.length);
    expect(shown.report.bets).toEqual(full.bets);
    // flags: the first SHOWN_ROWS of each kind (so the first SHOWN_ROWS of all), the rest counted by kind
    expect(shown.report.flags.slice(0, SHOWN_ROWS)).toEqual(full.flags.slice(0, SHOWN_ROWS));
    const kinds = new Set(full.flags.map((f) => f.kind));
    for (const kind of kinds) {
      const ofKind = full.flags.filter((f) => f.kind === kind);
      const listed = shown.report.flags.filter((f) => f.kind === kind);
      expect(listed).toEqual(ofKind.slice(0, listed.length));
      expect(
        listed.length +
          (shown.unread.flagsByKind?.[kind] ?? 0) +
          (kind === 'follow-up-due' ? some.unread.followUps : 0),
      ).toBe(ofKind.length);
      // as many as a section shows: each flag's first rows are read, not only some of them
      expect([kind, listed.length]).toEqual([kind, Math.min(SHOWN_ROWS, ofKind.length)]);
    }
    expect(shown.report.flags.length + shown.unread.flags + some.unread.followUps).toBe(full.flags.length);
    // what was left unread is what the complete report holds beyond the rows read
    expect(some.conversations.length + some.unread.conversations).toBe(full.conversations.length);
    expect(some.followUps.length + some.unread.followUps).toBe(full.followUps.length);
    expect(some.conversations.length).toBeLessThanOrEqual(SHOWN_ROWS);
    expect(some.followUps.length).toBeLessThanOrEqual(SHOWN_ROWS);
  }

  describe('a decided hypothesis is flagged by what its links since say, as pm hyp show judges it', () => {
    // the report (kept decision days, evidence totals and 0036's index in SQL), pm hyp list
    // (withDecidedFlags) and pm hyp show (afterDecision, every link read in JavaScript) must agree:
    // a link since a kill flags it only when it supports the killed idea (fresh-eyes wave 15 H10)
    for (const [asOf, period, by] of CASES)
      it(`raises evidence-after-kill and -validate on the same hypotheses, as of ${asOf}`, () => {
        const { full, shown } = both(asOf, period, by);
        // a past period's as they stood at its end
        const at = full.hypothesesAsOf ?? asOf;
        const config = readConfig(db);
        const rule = new Map<string, string[]>();
        const flagged = new Map<string, string>();
        const decided = db
          .prepare("SELECT id FROM hypotheses WHERE created_on <= ? AND status <> 'open'")
          .pluck()
          .all(at) as number[];
        let refutedSince = 0;
        for (const rowid of decided) {
          const latest = outcomesOf(db, rowid)
            .filter((o) => o.date <= at)
            .at(-1);
          if (!latest || latest.outcome === 'reopened') continue;
          const evidence = evidenceOf(db, rowid);
          const since = afterDecision(
            statusAfter(latest.outcome),
            { date: latest.date, uuid: latest.uuid },
            evidence,
            at,
          );
          if (statusAfter(latest.outcome) !== 'validated')
            refutedSince += evidence.some((e) => e.direction === 'refutes' && e.date > latest.date && e.date <= at)
              ? 1
              : 0;
          if (since) {
            rule.set(`H${rowid}`, since.interviews);
            flagged.set(`H${rowid}`, since.flag);
          }
        }
        // a link on a kill's day puts it in doubt when logged after it, as it would a validation (H13)
        const sameDay = db
          .prepare('SELECT o.date FROM hypotheses h JOIN outcomes o ON o.hypothesis_id = h.id WHERE h.uuid = ?')
          .pluck()
          .get('h-same-after') as string;
        const same = (key: string) =>
          `H${db.prepare('SELECT id FROM hypotheses WHERE uuid = ?').pluck().get(`h-same-${key}`)}`;
        if (at >= sameDay) {
          expect(flagged.get(same('after'))).toBe('evidence-after-kill');
          expect(flagged.has(same('before'))).toBe(false);
        }
        // the journal has kills that later links only confirm, and kills put in doubt (early on, none)
        if (asOf > '2023') {
          expect(refutedSince).toBeGreaterThan(0);
          expect([...flagged.values()]).toContain('evidence-after-kill');
        }
        const listed = new Map<string, string[]>([
          ...full.hypotheses.killed.filter((k) => k.evidenceAfter.length).map((k) => [k.id, k.evidenceAfter] as const),
          ...full.hypotheses.refutedAfterValidation.map((v) => [v.id, v.evidenceAfter] as const),
        ]);
        expect(listed).toEqual(rule);
        const raised = (flags: { kind: string; subject: string }[]) =>
          new Map(
            flags
              .filter((f) => f.kind === 'evidence-after-kill' || f.kind === 'evidence-after-validate')
              .map((f) => [f.subject, f.kind]),
          );
        expect(raised(full.flags)).toEqual(flagged);
        // the views count what they do not list: as many of each flag
        for (const kind of ['evidence-after-kill', 'evidence-after-validate'])
          expect(
            shown.report.flags.filter((f) => f.kind === kind).length + (shown.unread.flagsByKind?.[kind] ?? 0),
          ).toBe([...flagged.values()].filter((f) => f === kind).length);
        if (at === '2026-11-20') {
          // pm hyp list, as of today (its day): the decided hypotheses' flags
          const records = withDecidedFlags(db, asOf, hypothesisRecords(db, asOf, config, { status: 'all' }));
          const listedFlags = new Map(
            records.flatMap((r) =>
              r.flags
                .filter((f) => f === 'evidence-after-kill' || f === 'evidence-after-validate')
                .map((f) => [r.id, f] as const),
            ),
          );
          expect(listedFlags).toEqual(flagged);
        }
      });
  });

  describe('the text report reads only the rows it shows', () => {
    for (const [asOf, period, by] of CASES)
      it(`prints the same text as with every row read, as of ${asOf} ${JSON.stringify(period)}${by ? ` by ${by}` : ''}`, () =>
        sameAsEveryRow(asOf, period, by));

    it('says the hypotheses due on the day are to be decided today, as every row read says (H11)', () => {
      const { full, pageFull, pageCounted } = both('2026-11-20', {}, null);
      expect(full.flags.filter((f) => f.kind === 'decide-today').length).toBeGreaterThan(SHOWN_ROWS + 2);
      expect(pageFull).toMatch(/Decide \d+ hypotheses today, their decide-by: H\d+, H\d+/);
      expect(pageCounted).toBe(pageFull);
      // the day after, the same hypotheses are past their decide-by, none due today
      expect(both('2026-11-21', {}, null).full.flags.some((f) => f.kind === 'decide-today')).toBe(false);
    });

    it("judges a past period's open hypotheses by their dates as of --as-of, as this week's page does (R5)", () => {
      // nothing is dated after 2026-11-20: the hypotheses open at the period's end are this week's, and
      // their ages and date flags count to --as-of (past-decide-by, the contract's), not to the period's end
      const past = both('2026-11-21', { since: '2026-11-14', until: '2026-11-20' }, null);
      const now = both('2026-11-21', {}, null);
      expect(past.full.hypothesesAsOf).toBe('2026-11-20');
      expect(past.full.hypotheses.unvalidated.length).toBeGreaterThan(SHOWN_ROWS);
      expect(past.full.hypotheses.unvalidated).toEqual(now.full.hypotheses.unvalidated);
      expect(past.full.bets).toEqual(now.full.bets);
      const ofHypotheses = (r: typeof past.full) => r.flags.filter((f) => /^H\d+$/.test(f.subject));
      expect(ofHypotheses(past.full)).toEqual(ofHypotheses(now.full));
      expect(past.full.flags.some((f) => f.kind === 'decide-today')).toBe(false);
      expect(past.full.flags.filter((f) => f.kind === 'past-decide-by').length).toBeGreaterThan(SHOWN_ROWS);
      expect(past.pageFull).not.toMatch(/today, (its|their) decide-by/);
      expect(past.pageCounted).toBe(past.pageFull);
      expect(past.textShown).toBe(past.textFull);
    });

    it('prints the segments gone silent in markdown from those alone read, as from every segment', () => {
      const silent = CASES.map(([asOf, period, by]) => both(asOf, period, by)).filter((x) =>
        x.mdFull.includes('`segment-silent`'),
      );
      expect(silent.length).toBeGreaterThan(0);
      for (const x of silent) expect(x.mdSilent).toBe(x.mdFull);
    });

    it('lists the first themes in markdown from those alone read, ties at the last one too, as from every theme', () => {
      // the markdown page with every theme read (as the cases above hold it to every row read) and with
      // those alone that it may list: weeks and months of the journal's last year, as of their last day
      // and as of a day inside them; a pain written as the week's first tag is, in the same conversations,
      // named as an opportunity another pain is merged into; a month with a pain whose key painKey makes in
      // JavaScript (the kept themes key it otherwise: that month's themes are all read and grouped as before)
      const config = readConfig(db);
      const pages = (asOf: string, period: PeriodFlags) => {
        const options = { period: resolvePeriod(period, asOf, config['week.start']), asOf, config, by: null };
        const q = reportQuery(options);
        const every = buildShownReport(reportRows(db, q, SHOWN_ROWS), options);
        const some = buildShownReport(reportRows(db, { ...q, themesShown: SHOWN_ROWS }, SHOWN_ROWS), options);
        // the themes counted by key (where no two keys are one opportunity's) and grouped first: the same
        // rows, each one's segments in any order
        const SQL = reportSql(false, true);
        const p = { start: q.start, end: q.end, rows: SHOWN_ROWS };
        const sorted = (rows: unknown[][]) =>
          rows.map((r) => [...r.slice(0, 5), (JSON.parse(r[5] as string) as string[]).sort(), ...r.slice(6, 8)]);
        const byKey = db
          .prepare(SQL.themesShownByKey as string)
          .raw()
          .all(p) as unknown[][];
        const grouped = db
          .prepare(SQL.themesShown as string)
          .raw()
          .all(p) as unknown[][];
        return {
          merged: byKey.length > 0 && byKey[0][8] === 1,
          byKey: sorted(byKey),
          grouped: sorted(grouped),
          every: every.report.themes,
          some,
          mdEvery: renderReportMarkdown(every.report, { unread: every.unread }),
          mdSome: renderReportMarkdown(some.report, { unread: some.unread }),
        };
      };
      const cases: [string, PeriodFlags][] = [];
      for (let d = '2025-12-07'; d <= '2026-11-20'; d = addDays(d, 41))
        cases.push([d, { week: true }], [d, { month: true }], [addDays(d, 3), {}]);
      db.exec('SAVEPOINT twins');
      const tag = db
        .prepare(
          `SELECT t.tag FROM interview_tags t JOIN interviews i ON i.id = t.interview_id
           WHERE i.date BETWEEN '2026-11-16' AND '2026-11-20' GROUP BY lower(t.tag) ORDER BY count(*) DESC LIMIT 1`,
        )
        .pluck()
        .get() as string;
      db.prepare(
        `INSERT INTO pains (interview_id, position, text, severity)
         SELECT t.interview_id, (SELECT coalesce(max(position), -1) + 1 FROM pains WHERE interview_id = t.interview_id),
           lower(?), 'low'
         FROM interview_tags t WHERE lower(t.tag) = lower(?)`,
      ).run(tag, tag);
      // and that pain named as an opportunity with another pain of the week merged into it: one theme, named
      // as the opportunity (H4), among the first
      const other = db
        .prepare(
          `SELECT p.text FROM pains p JOIN interviews i ON i.id = p.interview_id
           WHERE i.date BETWEEN '2026-11-16' AND '2026-11-20' AND lower(p.text) <> lower(?) LIMIT 1`,
        )
        .pluck()
        .get(tag) as string;
      const twin = db
        .prepare(
          "INSERT INTO opportunities (uuid, name, key) VALUES ('o-twin', 'Twin opportunity', 'twin opportunity')",
        )
        .run().lastInsertRowid;
      for (const text of [tag, other])
        db.prepare('INSERT INTO opportunity_aliases (key, opportunity_id, name) VALUES (?, ?, ?)').run(
          painKey(text),
          twin,
          text,
        );
      cases.push(['2026-11-20', { week: true }]);
      const june = db
        .prepare("SELECT id FROM interviews WHERE date BETWEEN '2026-06-01' AND '2026-06-30' AND kind = 'customer'")
        .pluck()
        .get() as number;
      db.prepare("INSERT INTO pains (interview_id, position, text, severity) VALUES (?, 99, 'Café  slow', 'high')").run(
        june,
      );
      cases.push(['2026-06-30', { month: true }]);
      let cut = 0;
      let tied = 0;
      let merged = 0;
      // pains the period heard from one account: flagged, or not when the 12 weeks heard them from more (H6)
      let lone = 0;
      let wider = 0;
      for (const [asOf, period] of cases) {
        const { every, some, mdEvery, mdSome, ...direct } = pages(asOf, period);
        expect([asOf, period, mdSome]).toEqual([asOf, period, mdEvery]);
        if (direct.merged) merged++;
        else expect([asOf, period, direct.byKey]).toEqual([asOf, period, direct.grouped]);
        const read = some.report.themes;
        expect(read.length + some.unread.themes).toBe(every.length);
        if (some.unread.themes > 0) cut++;
        // more read than shown: tied with the last one shown
        if (read.length > SHOWN_ROWS) tied++;
        for (const t of read)
          if (t.kind === 'pain' && t.accounts === 1 && t.signals === 0) t.flags.length > 0 ? lone++ : wider++;
      }
      const keyedOtherwise = pages('2026-06-30', { month: true });
      expect(keyedOtherwise.some.report.themes.length).toBe(keyedOtherwise.every.length);
      expect(keyedOtherwise.every.some((t) => t.theme === 'Café  slow')).toBe(true);
      const week = pages('2026-11-20', { week: true }).some.report.themes.slice(0, SHOWN_ROWS);
      expect(week.filter((t) => t.theme.toLowerCase() === tag.toLowerCase()).map((t) => t.kind)).toEqual(['tag']);
      expect(week.filter((t) => t.theme === 'Twin opportunity').map((t) => t.kind)).toEqual(['pain']);
      db.exec('ROLLBACK TO twins; RELEASE twins');
      expect(cut).toBeGreaterThan(0);
      expect(tied).toBeGreaterThan(0);
      expect(lone).toBeGreaterThan(0);
      expect(wider).toBeGreaterThan(0);
      // the twin week at least is grouped first, and most periods are counted by key
      expect(merged).toBeGreaterThan(0);
      expect(merged).toBeLessThan(cases.length / 2);
    });

    it('prints the same text as of a day after every outcome, with links dated after it (the kept link facts, 0036)', () => {
      // the statuses kept hold as of the last outcome's day, but the latest link kept on a hypothesis
      // (hypothesis_links: last_link, last_refuted) may be later: its links are then looked up as of that day. Made in a
      // savepoint rolled back after, so that the other tests see the journal as it was
      db.exec('SAVEPOINT facts');
      try {
        const asOf = db.prepare('SELECT max(date) FROM outcomes').pluck().get() as string;
        const [person, account] = db
          .prepare("SELECT id, account_id FROM contacts WHERE role = 'customer' AND account_id IS NOT NULL LIMIT 1")
          .raw()
          .get() as [number, number];
        const call = (day: string) => {
          const id = db
            .prepare(`INSERT INTO interviews (uuid, date, channel, account_id, summary, created_at)
              VALUES (?, ?, 'call', ?, 'a customer call', ?)`)
            .run(`i-facts-${day}`, day, account, `${day}T12:00:00Z`).lastInsertRowid;
          addPeople(db, Number(id), [person]);
          return id;
        };
        const [on, after] = [call(asOf), call(addDays(asOf, 3))];
        const hypothesis = (name: string, outcome: string | null, links: [unknown, string][]) => {
          const id = db
            .prepare(`INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES (?, ?, '2022-01-03', ?)`)
            .run(`h-facts-${name}`, `Facts ${name}`, addDays(asOf, 30)).lastInsertRowid;
          if (outcome)
            db.prepare(
              "INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES (?, ?, ?, ?, 'why')",
            ).run(`o-facts-${name}`, id, outcome, addDays(asOf, -2));
          for (const [interview, direction] of links)
            db.prepare('INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, ?)').run(
              id,
              interview,
              direction,
            );
          return `H${id}`;
        };
        // killed with a link since its decision and one after the day; killed with only the later one
        // (refuting, then supporting: its kept entry's flag, 0068's index, is as of a later day);
        // the same for validated ones refuted by customers; open with a link after the day
        const made = [
          hypothesis('k1', 'killed', [
            [on, 'supports'],
            [after, 'supports'],
          ]),
          hypothesis('k2', 'invalidated', [[after, 'refutes']]),
          hypothesis('k3', 'killed', [[after, 'supports']]),
          hypothesis('v1', 'validated', [
            [on, 'refutes'],
            [after, 'refutes'],
          ]),
          hypothesis('v2', 'validated', [[after, 'refutes']]),
          hypothesis('o1', null, [[after, 'refutes']]),
        ];
        expect(outcomeAfter(db, asOf)).toBe(false);
        for (const period of [{}, { month: true }]) sameAsEveryRow(asOf, period, null);
        const { full } = both(asOf, {}, null);
        // of those made, the first killed and the first validated ones raise their flag, the others
        // none of theirs (the open one, with no link as of the day, is stale)
        const raised = full.flags
          .filter((f) => made.includes(f.subject))
          .map((f) => `${f.kind} ${made.indexOf(f.subject)}`);
        expect(raised.sort()).toEqual(['evidence-after-kill 0', 'evidence-after-validate 3', 'stale 5']);
      } finally {
        db.exec('ROLLBACK TO facts; RELEASE facts');
      }
    });

    it('leaves long lists unread on a journal of years, and still raises every flag from the rows it read', () => {
      const { some, full, textShown, shown } = both('2026-11-20', { month: true }, null);
      expect(shown.unread.unvalidated).toBeGreaterThan(0);
      expect(shown.unread.flags).toBeGreaterThan(0);
      expect(full.bets.length).toBeGreaterThan(0);
      const notBets = full.hypotheses.unvalidated.filter((h) => h.bet === null).length;
      expect(textShown).toContain(`Unvalidated hypotheses (${notBets})`);
      expect(textShown).toContain(`Bets (${full.bets.length})`);
      expect(some.unread.conversations).toBeGreaterThan(0);
      expect(some.unread.followUps).toBeGreaterThan(0);
      expect(some.unread.killed).toBeGreaterThan(0);
      expect(some.unread.accounts).toBeGreaterThan(0);
      // the harsh journal has more killed hypotheses with links since than a section shows
      if (shape === 'harsh') expect(some.unread.lateKilled).toBeGreaterThan(0);
      if (shape === 'harsh') expect(some.unread.refuted).toBeGreaterThan(0);
      expect(full.hypotheses.killed.length).toBeGreaterThan(SHOWN_ROWS);
      expect(textShown).toContain(`Follow-ups due (${full.followUps.length})`);
      expect(textShown).toContain(`Killed and invalidated (${full.hypotheses.killed.length})`);
      expect(textShown).toContain(`Flags (${full.flags.length})`);
      // markdown shows the same rows, and says how many more there are and where to find them
      const md = renderReportMarkdown(full);
      expect(md).toContain(
        `- and ${full.followUps.length - SHOWN_ROWS} more (the same report with \`--json\` lists every one)`,
      );
      expect(md).toContain(`- and ${full.hypotheses.killed.length - SHOWN_ROWS} more (`);
      expect(md.match(/^- \*\*H\d+\*\* (killed|invalidated) on/gm)).toHaveLength(SHOWN_ROWS);
      // the old killed hypothesis with late evidence is far down its list, yet flagged
      const old = full.hypotheses.killed.findIndex((k) => k.statement === 'An old idea');
      expect(old).toBeGreaterThanOrEqual(SHOWN_ROWS);
      expect(full.hypotheses.killed[old].flags).toEqual(['evidence-after-kill']);
      expect(full.flags.filter((f) => f.kind === 'evidence-after-kill').map((f) => f.subject)).toContain(
        full.hypotheses.killed[old].id,
      );
      const built = buildReport(some, {
        period: resolvePeriod({ month: true }, '2026-11-20', 'monday'),
        asOf: '2026-11-20',
        config: readConfig(db),
        by: null,
      });
      // read for a view, the rows raise every flag but those of due follow-ups, accounts going cold,
      // killed hypotheses with evidence since, validated ones refuted since and open hypotheses
      // past the rows shown: of those, the first of each kind and then some of the others
      const counted = [
        'follow-up-due',
        'account-cold',
        'evidence-after-kill',
        'evidence-after-validate',
        'stale',
        'past-decide-by',
        'decide-today',
        'ready-to-validate',
        'ready-to-kill',
      ];
      expect(built.flags.filter((f) => !counted.includes(f.kind))).toEqual(
        full.flags.filter((f) => !counted.includes(f.kind)),
      );
      for (const kind of counted) {
        const ofKind = full.flags.filter((f) => f.kind === kind);
        const read = built.flags.filter((f) => f.kind === kind);
        expect(read.slice(0, SHOWN_ROWS)).toEqual(ofKind.slice(0, SHOWN_ROWS));
        for (const f of read) expect(ofKind).toContainEqual(f);
      }
      expect(some.unread.accounts).toBe(full.overdueAccounts.length - some.accounts.length);
      expect(some.unread.lateKilled).toBe(
        full.hypotheses.killed.filter((k) => k.flags.length > 0).length -
          built.hypotheses.killed.filter((k) => k.flags.length > 0).length,
      );
    });
  });

  it('finds the first accounts going cold and how many there are, as judging every account does', () => {
    // some accounts with a cadence of their own, one switched off; the journal's cadence varied
    const ids = db.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
    const own = db.prepare('UPDATE accounts SET cadence_days = ? WHERE id = ?');
    ids.forEach((id, k) => {
      if (k % 7 === 0) own.run([0, 3, 14, 60, 400][k % 5], id);
    });
    const byName = (a: { lastDirect: string; account: string }, b: { lastDirect: string; account: string }) =>
      a.lastDirect < b.lastDirect ? -1 : a.lastDirect > b.lastDirect ? 1 : a.account < b.account ? -1 : 1;
    const config = readConfig(db);
    let most = 0;
    for (const asOf of ['2026-11-20', '2025-06-10', '2024-02-01', '2022-01-05'])
      for (const cadence of [config['account.cadenceDays'], 0, 1, 7, 90]) {
        const q = {
          ...reportQuery({ period: resolvePeriod({}, asOf, 'monday'), asOf, config, by: null }),
          accountCadence: cadence,
        };
        const all = reportRows(db, q).accounts.sort(byName);
        const some = reportRows(db, q, SHOWN_ROWS);
        const shown = [...some.accounts].sort(byName);
        expect([asOf, cadence, shown.length + some.unread.accounts]).toEqual([asOf, cadence, all.length]);
        expect(shown.slice(0, SHOWN_ROWS)).toEqual(all.slice(0, SHOWN_ROWS));
        // no more than those: the first rows and any tied with the last of them
        const last = all[Math.min(SHOWN_ROWS, all.length) - 1]?.lastDirect;
        expect([asOf, cadence, shown.filter((a) => a.lastDirect > last).length]).toEqual([asOf, cadence, 0]);
        most = Math.max(most, all.length);
      }
    expect(most).toBeGreaterThan(SHOWN_ROWS);
    db.prepare('UPDATE accounts SET cadence_days = NULL').run();
  });

  it('finds the segments gone silent as grouping every account does, as of any day', () => {
    // what the standup page reads (silentBefore: a few seeks a segment) against every segment read
    // (segmentsSql) and judged by isSilent: spellings differing in case and spaces, an account
    // switched off, a segment never heard from, and accounts heard from after some of the days
    db.exec('SAVEPOINT silent');
    try {
      const ids = db.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
      const set = db.prepare('UPDATE accounts SET segment = ?, cadence_days = ? WHERE id = ?');
      ids.slice(0, 12).forEach((id, k) => {
        set.run([' Gov ', 'gov', 'GOV  x'][k % 3], k === 4 ? 0 : null, id);
      });
      for (let k = 0; k < 3; k++)
        db.prepare("INSERT INTO accounts (uuid, name, segment) VALUES (?, ?, 'Quiet')").run(`a-quiet-${k}`, `Q${k}`);
      const config = readConfig(db);
      const seen = { silent: 0, heard: 0 };
      for (const asOf of ['2026-11-20', '2026-06-01', '2025-06-10', '2024-02-01', '2022-01-05'])
        for (const silentDays of [config['coverage.silentDays'], 0, 7, 400]) {
          const q = reportQuery({ period: resolvePeriod({}, asOf, 'monday'), asOf, config, by: null });
          const every = reportRows(db, q, SHOWN_ROWS).segments;
          const silent = reportRows(db, { ...q, silentBefore: addDays(asOf, -silentDays) }, SHOWN_ROWS).segments;
          const expected = every.filter((g) => isSilent(g.lastHeard, asOf, silentDays));
          const bySegment = (a: { segment: string }, b: { segment: string }) => (a.segment < b.segment ? -1 : 1);
          expect([asOf, silentDays, [...silent].sort(bySegment)]).toEqual([
            asOf,
            silentDays,
            [...expected].sort(bySegment),
          ]);
          seen.silent += expected.length;
          seen.heard += every.length - expected.length;
        }
      expect(seen.silent).toBeGreaterThan(10);
      expect(seen.heard).toBeGreaterThan(10);
    } finally {
      db.exec('ROLLBACK TO silent; RELEASE silent');
    }
  });

  it("counts the period's customers and prospects present as their contact rows say, with or without --by", () => {
    const plain = `SELECT count(DISTINCT c.id) FROM interviews i
      JOIN interview_contacts ic ON ic.interview_id = i.id
      JOIN contacts c ON c.id = ic.contact_id AND c.role IN ('customer', 'prospect')
      WHERE i.kind = 'customer' AND i.date BETWEEN @start AND @end AND (@by IS NULL OR i.by = @by COLLATE NOCASE)`;
    // some of them made partners, as a journal of years has (their roles put back after)
    const roles = db.prepare('SELECT id, role FROM contacts WHERE id % 7 = 0').raw().all() as [number, string][];
    db.prepare("UPDATE contacts SET role = 'partner' WHERE id % 7 = 0 AND role = 'customer'").run();
    const periods = [
      ['2026-11-16', '2026-11-20'],
      ['2026-10-01', '2026-11-20'],
      ['2024-01-01', '2024-12-31'],
    ];
    let most = 0;
    for (const by of [null, 'dana']) {
      const SQL = reportSql(by !== null, true);
      for (const [start, end] of periods) {
        const p = { start, end, asOf: end, ...(by === null ? {} : { by }) };
        const counted = (db.prepare(SQL.contact).get(p) as { customers: number }).customers;
        const expected = db.prepare(plain).pluck().get({ start, end, by }) as number;
        expect([start, end, by, counted]).toEqual([start, end, by, expected]);
        most = Math.max(most, expected);
      }
    }
    expect(most).toBeGreaterThan(10);
    for (const [id, role] of roles) db.prepare('UPDATE contacts SET role = ? WHERE id = ?').run(role, id);
  });

  it("answers --by (a synced journal's own report) from the interviewer's indexes as from every row read", () => {
    // 0066's indexes on (by, kind, date) and (by, account, kind, date), and the first day sought kind by
    // kind: each --by statement against itself with the interviews table read row by row (NOT INDEXED),
    // for an interviewer of a third of the calls, one written otherwise, and one who held none
    const rowByRow = (sql: string) => sql.replace(/\binterviews i\b(?! (NOT )?INDEXED)/g, 'interviews i NOT INDEXED');
    const config = readConfig(db);
    let compared = 0;
    for (const by of ['dana', 'SAM', 'pat'])
      for (const asOf of ['2026-11-20', '2025-06-10', '2022-01-05']) {
        const q = reportQuery({ period: resolvePeriod({ month: true }, asOf, 'monday'), asOf, config, by });
        const weeks = JSON.stringify([
          { start: addDays(asOf, -13), until: addDays(asOf, -7), chart: false },
          { start: addDays(asOf, -6), until: asOf, chart: true },
        ]);
        const p = {
          ...q,
          by,
          rows: SHOWN_ROWS,
          weeks,
          weekTarget: 2,
          windows: JSON.stringify([{ from: addDays(asOf, -13), until: asOf }]),
          cap: 2,
          coldBefore: addDays(asOf, -30),
          bornBefore: null,
        };
        for (const [name, sql] of Object.entries(reportSql(true, !outcomeAfter(db, asOf)))) {
          if (!sql.includes('@by')) continue;
          const used = Object.fromEntries(Object.entries(p).filter(([k]) => sql.includes(`@${k}`)));
          const read = (s: string) => withPainKey(db).prepare(s).all(used);
          expect([by, asOf, name, read(sql)]).toEqual([by, asOf, name, read(rowByRow(sql))]);
          compared++;
        }
      }
    expect(compared).toBeGreaterThan(30);
    // the first day: as the rows say, when it was a stakeholder meeting or a signal (Sam's, before any
    // other), and none for one who held no conversation (rolled back after)
    db.exec('SAVEPOINT first');
    const account = db.prepare('SELECT id FROM accounts ORDER BY id LIMIT 1').pluck().get() as number;
    const early = addDays(db.prepare('SELECT min(date) FROM interviews').pluck().get() as string, -3);
    for (const [k, kind] of ['stakeholder', 'indirect'].entries()) {
      db.prepare(
        `INSERT INTO interviews (uuid, date, channel, account_id, summary, by, created_at)
         VALUES (?, ?, 'call', ?, 'before the first call', 'sam', ?)`,
      ).run(`i-first-${k}`, addDays(early, k), account, `${early}T12:00:00Z`);
      db.prepare('UPDATE interviews SET kind = ? WHERE uuid = ?').run(kind, `i-first-${k}`);
    }
    const plain = db
      .prepare('SELECT min(date) FROM interviews WHERE by = @by COLLATE NOCASE AND date <= @asOf')
      .pluck();
    try {
      expect(
        db
          .prepare("SELECT count(DISTINCT kind) FROM interviews WHERE by = 'sam' AND date < ?")
          .pluck()
          .get(addDays(early, 2)),
      ).toBe(2);
      for (const by of ['dana', 'Sam', 'pat'])
        for (const asOf of ['2026-11-20', early, addDays(early, 1)]) {
          const c = db.prepare(reportSql(true, true).contact).get({ start: asOf, end: asOf, asOf, by }) as {
            firstDate: string | null;
          };
          expect([by, asOf, c.firstDate]).toEqual([by, asOf, plain.get({ by, asOf }) ?? null]);
        }
    } finally {
      db.exec('ROLLBACK TO first; RELEASE first');
    }
  });

  it('counts the killed hypotheses that links since support from their kept entries alone while nothing is later', () => {
    // lateKilledKept (0068's index, no hypothesis looked up) against lateKilled, which looks up each
    // one's links as of the day: the same first rows and count as of the journal's last conversation;
    // a conversation after the day supporting a killed hypothesis flags its kept entry, which the
    // day's page must not count: the kept statement says so, and the report reads lateKilled then
    const SQL = reportSql(false, true);
    const last = db.prepare('SELECT max(date) FROM interviews').pluck().get() as string;
    const both = (asOf: string) => ({
      kept: db.prepare(SQL.lateKilledKept).raw().all({ asOf, rows: SHOWN_ROWS }) as [number, number, number][],
      simple: db.prepare(SQL.lateKilled).raw().all({ asOf, rows: SHOWN_ROWS }) as [number, number][],
    });
    const unread = (asOf: string) => {
      const config = readConfig(db);
      const options = { period: resolvePeriod({}, asOf, config['week.start']), asOf, config, by: null };
      const rows = reportRows(db, { ...reportQuery(options), killedCounts: true }, SHOWN_ROWS);
      return rows.unread.lateKilled + new Set(rows.lateEvidence.map((e) => e.hypothesisId)).size;
    };
    const now = both(last);
    expect(now.kept.map(([id, total]) => [id, total])).toEqual(now.simple);
    expect(now.kept.map((r) => r[2])).toEqual(now.simple.map(() => 0));
    expect(now.simple.length).toBe(shape === 'harsh' ? SHOWN_ROWS : now.simple.length);
    expect(now.simple.length).toBeGreaterThan(0);
    expect(unread(last)).toBe(now.simple[0][1]);
    db.exec('SAVEPOINT kept');
    try {
      const h = db
        .prepare("INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES ('h-kept', 'Kept', ?, ?)")
        .run(addDays(last, -40), addDays(last, -10)).lastInsertRowid;
      db.prepare(
        "INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES ('o-kept', ?, 'killed', ?, 'no')",
      ).run(h, addDays(last, -5));
      const [person, account] = db
        .prepare("SELECT id, account_id FROM contacts WHERE role = 'customer' AND account_id IS NOT NULL LIMIT 1")
        .raw()
        .get() as [number, number];
      const later = db
        .prepare(`INSERT INTO interviews (uuid, date, channel, account_id, summary, created_at)
          VALUES ('i-kept', ?, 'call', ?, 'a later call', ?)`)
        .run(addDays(last, 3), account, `${addDays(last, 3)}T12:00:00Z`).lastInsertRowid;
      addPeople(db, Number(later), [person]);
      db.prepare("INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, 'supports')").run(
        h,
        later,
      );
      const then = both(last);
      expect(then.simple).toEqual(now.simple);
      expect(then.kept[0][1]).toBe(now.simple[0][1] + 1);
      expect(then.kept[0][2]).toBe(1);
      expect(unread(last)).toBe(now.simple[0][1]);
      // as of the later conversation's day, the kept entries hold again
      const after = both(addDays(last, 3));
      expect(after.kept.map(([id, total]) => [id, total])).toEqual(after.simple);
      expect(after.simple[0][1]).toBe(now.simple[0][1] + 1);
    } finally {
      db.exec('ROLLBACK TO kept; RELEASE kept');
    }
  });

  it('finds the follow-ups due that the conversations themselves say are unanswered, as of any day', () => {
    // the plain rule, from the interviews table: no later customer conversation (on or before the
    // day) with one of its people; the report reads the people's kept latest customer conversation
    const plain = `
      SELECT 'I' || i.id FROM interviews i
      WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0 AND i.follow_up <= @asOf AND i.date <= @asOf
        AND NOT EXISTS (SELECT 1 FROM interview_contacts ic
          JOIN interview_contacts lc ON lc.contact_id = ic.contact_id
          JOIN interviews later ON later.id = lc.interview_id
          WHERE ic.interview_id = i.id AND later.kind = 'customer' AND later.date > i.date AND later.date <= @asOf)
      ORDER BY i.follow_up, i.id`;
    // and the days some follow-ups were answered on, and the day before: the count reads the answers'
    // own copies of the days (0071)
    const answered = db
      .prepare('SELECT answered_on FROM follow_up_answers WHERE answered_on IS NOT NULL ORDER BY interview_id LIMIT 3')
      .pluck()
      .all() as string[];
    const days = ['2026-11-20', '2026-06-01', '2025-06-10', '2024-02-01', '2022-01-05'];
    const same = () => {
      for (const asOf of [...days, ...answered, ...answered.map((d) => addDays(d, -1))]) {
        const SQL = reportSql(false, !outcomeAfter(db, asOf));
        const due = db.prepare(plain).pluck().all({ asOf });
        expect([
          asOf,
          db
            .prepare(SQL.followUps)
            .all({ asOf, rows: -1 })
            .map((r) => (r as { id: string }).id),
        ]).toEqual([asOf, due]);
        expect([asOf, db.prepare(SQL.followUpCount).pluck().get({ asOf })]).toEqual([asOf, due.length]);
        if (asOf === '2026-11-20') expect(due.length).toBeGreaterThan(SHOWN_ROWS);
      }
    };
    expect(answered.length).toBe(3);
    same();
    // follow-ups moved (pm edit --follow-up), and conversations with one moved after the day (--date)
    db.exec('SAVEPOINT moved');
    try {
      db.exec(`UPDATE interviews SET follow_up = '2026-11-21' WHERE id IN (SELECT interview_id FROM follow_up_answers
        WHERE follow_up <= '2026-11-20' ORDER BY interview_id LIMIT 3)`);
      db.exec(`UPDATE interviews SET date = '2025-06-11' WHERE id IN (SELECT interview_id FROM follow_up_answers
        WHERE follow_up <= '2025-06-10' AND date < '2025-06-10' ORDER BY interview_id DESC LIMIT 2)`);
      same();
    } finally {
      db.exec('ROLLBACK TO moved; RELEASE moved');
    }
  });

  it("groups the period's themes as opportunities do, with their accounts' segments", () => {
    // the plain rule: every tag by its key and every pain by painKey, or by the named opportunity whose
    // key or alias that is (the merged pain of beforeAll: fresh-eyes wave 13 H4) (customer conversations and
    // signals: not stakeholder meetings), each with its conversation and its account's segment (not
    // its people's own: fresh-eyes E9), read from the rows (NOT INDEXED: the statement reads them from
    // a narrow index, 0030) and grouped in JavaScript; the statement keys each pain text once
    const periods = [
      ['2026-11-14', '2026-11-20'],
      ['2026-09-01', '2026-11-20'],
      ['2024-01-01', '2024-12-31'],
      ['2026-11-07', '2026-11-13'],
    ];
    // spellings of one pain that painKey makes one: the statements key plain ASCII in SQL, the rest
    // in JavaScript (a tab, a run of spaces, letters beyond ASCII, a decomposed accent); rolled back after
    db.exec('SAVEPOINT spellings');
    const week = db
      .prepare("SELECT id FROM interviews WHERE date BETWEEN '2026-11-14' AND '2026-11-20' AND kind <> 'stakeholder'")
      .pluck()
      .all() as number[];
    const spellings = [
      'Café  slow',
      'CAFÉ SLOW',
      'cafe\u0301 slow',
      ' café\tslow ',
      'Plain pain',
      'plain  PAIN',
      'PLAIN pain ',
    ];
    const addPain = db.prepare(
      `INSERT INTO pains (interview_id, position, text, severity)
       VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM pains WHERE interview_id = ?), ?, 'high')`,
    );
    for (const [k, text] of spellings.entries()) addPain.run(week[k], week[k], text);
    // people whose own segment is not their account's: never counted
    const segments = db.prepare('SELECT id, segment FROM contacts WHERE id % 5 = 0').raw().all() as [number, string][];
    db.prepare("UPDATE contacts SET segment = 'people-only' WHERE id % 5 = 0").run();
    let most = 0;
    for (const by of [null, 'dana']) {
      const SQL = reportSql(by !== null, true);
      for (const [start, end] of periods) {
        const p = { start, end, ...(by === null ? {} : { by }) };
        const where = `i.date BETWEEN @start AND @end AND i.kind <> 'stakeholder'
          AND (@by IS NULL OR i.by = @by COLLATE NOCASE)`;
        const groups = new Map<string, { ids: Set<number>; accounts: Set<string | null> }>();
        const add = (key: string, id: number, account: string | null) => {
          const g = groups.get(key) ?? groups.set(key, { ids: new Set(), accounts: new Set() }).get(key)!;
          g.ids.add(id);
          g.accounts.add(account);
        };
        const rows = (what: string, table: string) =>
          db
            .prepare(`SELECT i.id, ${what}, a.segment FROM interviews i
              LEFT JOIN accounts a NOT INDEXED ON a.id = i.account_id
              JOIN ${table} x ON x.interview_id = i.id
              WHERE ${where}`)
            .raw()
            .all({ start, end, by }) as [number, string, string | null][];
        for (const [id, key, account] of rows('coalesce(x.tag_key, lower(x.tag))', 'interview_tags'))
          add(`tag ${key}`, id, account);
        const opportunityOf = new Map(
          namedOpportunities(db).flatMap((o) => [[o.key, o.id], ...o.aliases.map((a) => [a.key, o.id] as const)]),
        );
        for (const [id, text, account] of rows('x.text', 'pains'))
          add(
            `pain ${opportunityOf.has(painKey(text)) ? `#${opportunityOf.get(painKey(text))}` : painKey(text)}`,
            id,
            account,
          );
        const names = (set: Set<string | null>) => [...set].filter((x) => x !== null).sort();
        const expected = [...groups]
          .map(([key, g]) => JSON.stringify([key.split(' ')[0], g.ids.size, names(g.accounts)]))
          .sort();
        const themes = withPainKey(db).prepare(SQL.themes).raw().all(p) as [
          string,
          string,
          number,
          number,
          number,
          string,
        ][];
        const got = themes
          .map(([kind, , , , interviews, accounts]) =>
            JSON.stringify([kind, interviews, names(new Set(JSON.parse(accounts) as (string | null)[]))]),
          )
          .sort();
        expect([start, end, by, got.length]).toEqual([start, end, by, expected.length]);
        expect(got).toEqual(expected);
        expect(db.prepare(SQL.themeCount).pluck().get(p)).toBe(groups.size);
        // the standup page's count: from the themes kept by day (0060) where every pain's key is one
        // painKey makes (not in the periods holding the spellings above), else as the statement above
        expect(themeCount(db, SQL, p)).toBe(groups.size);
        if (by === null) {
          const [kept, other] = db.prepare(SQL.themeCountKept).raw().get(p) as [number, number];
          expect([start, other]).toEqual([start, end === '2026-11-20' ? 1 : 0]);
          if (!other) expect(kept).toBe(groups.size);
        }
        most = Math.max(most, groups.size);
      }
    }
    for (const [id, segment] of segments) db.prepare('UPDATE contacts SET segment = ? WHERE id = ?').run(segment, id);
    expect(most).toBeGreaterThan(10);
    expect(new Set(spellings.map(painKey)).size).toBe(2);
    db.exec('ROLLBACK TO spellings; RELEASE spellings');
  });

  describe('the summaries kept by triggers', () => {
    it('give the report that recomputing everything as of the day gives, whenever no outcome is dated after it', () => {
      // outcomes stop in June while interviews and links go on: "as of" July the statuses hold, but
      // evidence totals include links dated after the report's day
      db.exec("DELETE FROM outcomes WHERE date > '2026-06-01'");
      const config = readConfig(db);
      let checked = 0;
      for (const asOf of ['2026-06-01', '2026-07-15', '2026-11-20']) {
        expect(outcomeAfter(db, asOf)).toBe(false);
        for (const [period, by] of [
          [{}, null],
          [{ month: true }, 'sam'],
        ] as [PeriodFlags, string | null][]) {
          const options = { period: resolvePeriod(period, asOf, config['week.start']), asOf, config, by };
          const q = reportQuery(options);
          const filled = (needs: Needs) => {
            fillStatements(db, needs);
            return needs;
          };
          for (const rows of [null, SHOWN_ROWS]) {
            const kept = reportRows(db, q, rows, true);
            const recomputed = reportRows(db, q, rows, false);
            if (rows === null) {
              expect(kept.unread).toEqual(recomputed.unread);
              expect(buildReport(kept, options)).toEqual(buildReport(recomputed, options));
            } else {
              // read for a view, from the kept summaries some long lists are counted rather than
              // read (and open hypotheses past the rows shown carry no statement): the same pages
              const views = (r: ReturnType<typeof buildShownReport>) => [
                renderReportText(r.report, { color, width: 120, unread: r.unread }),
                renderReportMarkdown(r.report, { unread: r.unread }),
                renderStandup(r.report, { needs: filled(r.needs), color, width: 120, unread: r.unread }),
              ];
              expect(views(buildShownReport(kept, options))).toEqual(views(buildShownReport(recomputed, options)));
            }
            checked++;
          }
        }
      }
      expect(checked).toBe(12);
    });
  });
});

describe('open hypotheses counted in SQL', () => {
  it('raise the flags hypothesisFlags raises, at each boundary, and count under the same most urgent one', () => {
    const j = journal();
    try {
      const asOf = '2026-11-20';
      const { call, h } = boundaryHypotheses(j, (created) => `created ${created}`);
      // bets (set apart): one running, one due, one from a later day; a link after the report's day
      const bet = (until: string, since: string) =>
        j.db
          .prepare("UPDATE hypotheses SET bet_until = ?, bet_since = ?, bet_reason = 'a hunch' WHERE id = ?")
          .run(until, since, h('2026-10-01', '2026-11-01'));
      bet('2026-12-01', '2026-11-01');
      bet('2026-11-15', '2026-11-01');
      bet('2026-12-31', '2026-11-25');
      j.evidence(h('2026-10-01'), call('2026-11-25', 0));
      h('2026-11-25'); // created after the report's day
      const config = readConfig(j.db);
      const options = { period: resolvePeriod({}, asOf, config['week.start']), asOf, config, by: null };
      const q = reportQuery(options);
      const all = buildShownReport(reportRows(j.db, q), options);
      // no row listed: every open hypothesis not set apart is counted by SQL
      const rows = reportRows(j.db, q, 0);
      expect(rows.openCounted?.unvalidated).toBeGreaterThan(10);
      const counted = buildShownReport(rows, options);
      const byKind = (r: typeof all, kind: string) =>
        r.report.flags.filter((f) => f.kind === kind).length + (r.unread.flagsByKind?.[kind] ?? 0);
      for (const kind of ['stale', 'past-decide-by', 'decide-today', 'ready-to-validate', 'ready-to-kill', 'bet-due']) {
        expect(byKind(all, kind)).toBeGreaterThan(0);
        expect([kind, byKind(counted, kind)]).toEqual([kind, byKind(all, kind)]);
        expect([kind, counted.needs[kind]?.count]).toEqual([kind, all.needs[kind]?.count]);
      }
      expect(counted.needs[DECIDE_SOON].count).toBe(all.needs[DECIDE_SOON].count);
      // within 7 days (2026-11-27); the one due today is a line of its own (H11)
      expect(counted.needs[DECIDE_SOON].count).toBe(1);
      expect(counted.needs['decide-today'].count).toBe(1);
      expect(counted.report.hypotheses.unvalidated.length + counted.unread.unvalidated).toBe(
        all.report.hypotheses.unvalidated.length + all.unread.unvalidated,
      );
      expect(counted.report.bets).toEqual(all.report.bets);
      // someone else's hypotheses (H14), the bets among them: none of their flags raised or counted
      const open = j.db
        .prepare("SELECT id FROM hypotheses WHERE status = 'open' ORDER BY id")
        .pluck()
        .all() as number[];
      const bets = j.db.prepare('SELECT id FROM hypotheses WHERE bet_until IS NOT NULL').pluck().all() as number[];
      const others = { ...options, othersHypotheses: [...open.filter((_, k) => k % 3 === 0), ...bets] };
      const oq = reportQuery(others);
      const theirs = buildShownReport(reportRows(j.db, oq), others);
      const theirsCounted = buildShownReport(reportRows(j.db, oq, 0), others);
      for (const kind of ['stale', 'past-decide-by', 'decide-today', 'ready-to-validate', 'ready-to-kill', 'bet-due']) {
        expect([kind, byKind(theirsCounted, kind)]).toEqual([kind, byKind(theirs, kind)]);
        expect([kind, theirsCounted.needs[kind]?.count]).toEqual([kind, theirs.needs[kind]?.count]);
      }
      expect(theirsCounted.needs[DECIDE_SOON]?.count).toBe(theirs.needs[DECIDE_SOON]?.count);
      const hyps = (r: typeof all) => ['stale', 'past-decide-by', 'ready-to-kill'].map((k) => byKind(r, k));
      expect(hyps(theirs).reduce((x, y) => x + y)).toBeLessThan(hyps(all).reduce((x, y) => x + y));
      expect(byKind(theirs, 'bet-due')).toBe(0);
      const subjects = new Set(theirs.report.flags.map((f) => f.subject));
      expect(others.othersHypotheses.filter((id) => subjects.has(`H${id}`))).toEqual([]);
      expect(theirsCounted.report.hypotheses.unvalidated.length + theirsCounted.unread.unvalidated).toBe(
        all.report.hypotheses.unvalidated.length + all.unread.unvalidated,
      );
    } finally {
      j.close();
    }
  });
});
