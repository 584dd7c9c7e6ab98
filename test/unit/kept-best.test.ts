// The report's best opportunities (markdown, HTML, --full, JSON) and the week's export's tree are chosen,
// as of today, by SQLite from 0052's counts (keptBest) where each text of the window is its own
// opportunity: it must choose the texts, and count the opportunities heard and unaddressed, as
// opportunitiesToRank does from every text's sums (keptTallySums), on journals of both bench shapes with
// pains of every severity, over windows of a day to years, for any number shown (ties with the last
// one shown too), with named opportunities addressed or not; and where two texts are one opportunity's,
// leave the choice to JavaScript, handing over every text's sums as keptTallySums does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import { readConfig } from '../../src/db/journal.js';
import {
  keptBest,
  keptTallyRowsOf,
  keptTallySums,
  namedOpportunities,
  opportunityHypotheses,
} from '../../src/db/opportunities.js';
import { reportRows } from '../../src/db/report.js';
import { opportunitiesToRank, type PainCount } from '../../src/core/report-opportunities.js';
import { buildReport, buildShownReport, reportQuery, resolvePeriod, SHOWN_ROWS } from '../../src/core/report.js';
import { painKey } from '../../src/core/pains.js';
import { addDays } from '../../src/core/dates.js';
import { generatedJournal, SHAPES, varySeverities } from '../fixtures/generated-journal.js';

describe.each(Object.entries(SHAPES))('on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let journal: ReturnType<typeof generatedJournal>;
  let db: DB;
  beforeAll(() => {
    journal = generatedJournal(size, opts);
    db = journal.db;
    varySeverities(db);
    // and a text tied with the best of the 12 weeks: heard with it, as severely, by the same people
    const end = lastHeard();
    const score = (r: number[]) => r[3] + r[4] + r[5] + 2 * r[6];
    const [most] = keptTallySums(db, { start: addDays(end, -83), end })!.sort(
      (a, b) => score(b as number[]) - score(a as number[]) || b[3] - a[3] || b[2] - a[2] || (a[1] < b[1] ? 1 : -1),
    );
    db.prepare(
      `INSERT INTO pains (interview_id, position, text, severity)
       SELECT interview_id, position + 100, 'a twin of ' || text, severity FROM pains WHERE text = ?`,
    ).run(most[0]);
  });
  afterAll(() => journal.close());

  const o = { best: 5, everyNamed: false, validateAt: 3, addressed: [] };
  const lastHeard = () => db.prepare('SELECT max(date) FROM pain_hearings').pluck().get() as string;

  /** What the report chose before keptBest: every text's sums (keptTallySums) through opportunitiesToRank. */
  function simple(w: { start: string; end: string }, best: number, everyNamed: boolean, validateAt: number) {
    const named = namedOpportunities(db);
    const sums = keptTallySums(db, w)!;
    const counts: PainCount[] = sums.map(([text, lastHeard, accountCount, c0, c1, c2, c3, key]) => ({
      text,
      key,
      lastHeard,
      accountCount,
      atLeast: [c0, c1, c2, c3],
    }));
    const chosen = opportunitiesToRank(counts, named, opportunityHypotheses(db, w.end), validateAt, best, everyNamed);
    return { rows: keptTallyRowsOf(db, w, chosen.texts), heard: chosen.heard, unaddressed: chosen.unaddressed };
  }

  /** keptBest's choice, where each text is its own opportunity. */
  function chosen(answer: ReturnType<typeof keptBest>) {
    if (answer?.rows === undefined) throw new Error(`no choice: ${JSON.stringify(answer)?.slice(0, 200)}`);
    return answer;
  }

  /** Every case checked: how many chose more texts than `best` (ties with the last one shown). */
  function expectSame(): number {
    const end = lastHeard();
    const addressed = opportunityHypotheses(db, end)
      .filter((h) => h.status === 'open' || h.status === 'validated')
      .map((h) => h.opportunityId);
    let tied = 0;
    for (const days of [0, 6, 27, 83, 364, 3000])
      for (const best of [1, 3, 5, 10, 400])
        for (const everyNamed of [false, true])
          for (const validateAt of [1, 3, 8]) {
            const w = { start: addDays(end, -days), end };
            const fast = chosen(keptBest(db, w, { best, everyNamed, validateAt, addressed }));
            const want = simple(w, best, everyNamed, validateAt);
            const what = JSON.stringify({ w, best, everyNamed, validateAt });
            expect(
              fast.rows.map((r) => r.slice(0, 12)),
              what,
            ).toEqual(want.rows);
            expect([fast.heard, fast.unaddressed], what).toEqual([want.heard, want.unaddressed]);
            if (!everyNamed && fast.rows.length > best) tied++;
          }
    return tied;
  }

  it('chooses the best and counts them as every text summed up does, ties with the last one shown too', () => {
    expect(expectSame()).toBeGreaterThan(0);
    // a window after the last day heard is answered too; one with later hearings is not
    const end = lastHeard();
    expect(keptBest(db, { start: addDays(end, -83), end: addDays(end, 3) }, o)).not.toBeNull();
    expect(keptBest(db, { start: addDays(end, -83), end: addDays(end, -1) }, o)).toBeNull();
  });
  it('leaves out of the unaddressed the named opportunities with an open or validated hypothesis', () => {
    // the texts heard most in the 12 weeks named (one by its key, one through an alias), the first with
    // an open hypothesis made for it, the second with a killed one: each still alone in its opportunity
    const end = lastHeard();
    const w = { start: addDays(end, -83), end };
    const most = keptTallySums(db, w)!
      .sort((a, b) => b[3] - a[3] || a[0].localeCompare(b[0]))
      .slice(0, 2)
      .map((r) => r[0]);
    const first = db
      .prepare("INSERT INTO opportunities (uuid, name, key) VALUES ('o-first', 'First named', ?)")
      .run(painKey(most[0])).lastInsertRowid;
    const second = db
      .prepare("INSERT INTO opportunities (uuid, name, key) VALUES ('o-second', 'Second named', 'second named')")
      .run().lastInsertRowid;
    db.prepare('INSERT INTO opportunity_aliases (key, opportunity_id, name) VALUES (?, ?, ?)').run(
      painKey(most[1]),
      second,
      most[1],
    );
    const made = (uuid: string, opportunity: number | bigint) => {
      const h = db
        .prepare(
          "INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES (?, 'An idea', '2020-01-01', '2030-01-01')",
        )
        .run(uuid).lastInsertRowid;
      db.prepare('INSERT INTO hypothesis_opportunities (hypothesis_id, opportunity_id) VALUES (?, ?)').run(
        h,
        opportunity,
      );
      return h;
    };
    made('h-first', first);
    const killed = made('h-second', second);
    db.prepare(
      "INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES ('o-killed', ?, 'killed', '2020-02-01', 'no')",
    ).run(killed);
    // the first is addressed, the second not: one fewer unaddressed than with no hypothesis at all
    const counted = simple(w, 5, false, 1);
    expect(chosen(keptBest(db, w, { ...o, validateAt: 1 })).unaddressed).toBe(counted.unaddressed + 1);
    expect(expectSame()).toBeGreaterThan(0);
    // the pages: the best five and the counts as ranking every pain gives them
    const config = readConfig(db);
    const options = { period: resolvePeriod({ week: true }, end, config['week.start']), asOf: end, config, by: null };
    const q = reportQuery(options);
    const shown = buildShownReport(reportRows(db, q, SHOWN_ROWS), options).report.opportunities;
    expect(shown).toEqual(buildReport(reportRows(db, q), options).opportunities);
    expect(shown.top.some((t) => t.opportunity === 'First named' || t.opportunity === 'Second named')).toBe(true);
  });

  it('leaves the choice to JavaScript where two texts are one opportunity, with every text summed up', () => {
    // another text of the window given to a named opportunity: their customers cannot be added up
    const end = lastHeard();
    const w = { start: addDays(end, -83), end };
    const unnamed = (t: string) =>
      db
        .prepare('SELECT 1 FROM opportunities WHERE key = ? UNION ALL SELECT 1 FROM opportunity_aliases WHERE key = ?')
        .get(painKey(t), painKey(t)) === undefined;
    const other = keptTallySums(db, w)!
      .map((r) => r[0])
      .find(unnamed)!;
    const named = db.prepare("SELECT id FROM opportunities WHERE uuid = 'o-second'").pluck().get() as number;
    db.prepare('INSERT INTO opportunity_aliases (key, opportunity_id, name) VALUES (?, ?, ?)').run(
      painKey(other),
      named,
      other,
    );
    // every text's sums instead, as keptTallySums gives them (JavaScript chooses from them, as before)
    expect(keptBest(db, w, o)).toEqual({ sums: keptTallySums(db, w) });
    db.prepare('DELETE FROM opportunity_aliases WHERE key = ?').run(painKey(other));
    expect(chosen(keptBest(db, w, o)).rows.length).toBeGreaterThan(0);
  });
});
