// pm opportunities and pm tree answered from the window's pains gathered a row a text by SQLite
// (painTextRows, rankPainTexts; issue 18), and counted by SQLite where a text alone makes its opportunity
// (painTextTallies), must answer as the pains read a row each and ranked in
// JavaScript (painRows, rankOpportunities), on journals of both bench shapes, over several windows,
// for one interviewer, and after merges, renamed opportunities, spellings differing in case and
// spaces, blank segments and stages, and an erased customer. So must the standup page's count, from
// the window's hearings (painTexts) and from the last day each was heard (painTextCounts, 0031), and
// each text's latest customers' days (0045). A window no pain was heard after is counted from the
// counts kept before each day a text was heard (tallyRowsSince, 0052) as from its hearings (tallyRows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import {
  addAlias,
  insertOpportunity,
  namedOpportunities,
  opportunityHypotheses,
  painRows,
  painTextRows,
  painTextRowsSimple,
  painTextTallies,
  painTextCounts,
  painTexts,
  painTextsSimple,
  tallyRows,
  tallyRowsSince,
} from '../../src/db/opportunities.js';
import { countOpportunities, rankOpportunities, rankPainTexts, type Window } from '../../src/core/opportunities.js';
import { summaryDrift } from '../../src/db/summaries.js';
import { painKey } from '../../src/core/pains.js';
import { forgetContact } from '../../src/db/forget.js';
import { hypothesisRecords } from '../../src/db/hypotheses.js';
import { openHypothesisIds } from '../../src/db/opportunities.js';
import { buildTree } from '../../src/core/tree.js';
import { DEFAULTS, type Config } from '../../src/core/config.js';
import { treeIn } from '../../src/commands/tree.js';
import { reportRows } from '../../src/db/report.js';
import { buildShownReport, reportQuery, SHOWN_ROWS } from '../../src/core/report.js';
import { rangePeriod } from '../../src/core/dates.js';
import { generatedJournal } from '../fixtures/generated-journal.js';

const shapes = {
  today: { accounts: 40, contacts: 150, hypotheses: 60, seed: 5, shape: 'today' },
  harsh: { accounts: 240, contacts: 480, hypotheses: 80, seed: 6, shape: 'harsh' },
} as const;

const WINDOWS: Window[] = [
  { start: '2026-08-29', end: '2026-11-20', weeks: 12 },
  { start: '2025-11-21', end: '2026-11-20', weeks: 52 },
  { start: '2024-03-01', end: '2024-06-30', weeks: null },
  { start: '2026-11-19', end: '2026-11-20', weeks: null },
  { start: '2030-01-01', end: '2030-01-31', weeks: null },
  { start: '2026-10-07', end: '2026-11-20', weeks: null },
  { start: '2019-01-01', end: '2026-11-20', weeks: null },
];

/** A window's tallies with each text's stages and segments in one order (SQLite lists them as found). */
function inOrder(rows: ReturnType<typeof tallyRows>) {
  return rows.map((r) => [...r.slice(0, 6), [...r[6]].sort(), [...r[7]].sort(), ...r.slice(8)]);
}

/** Checks every window; returns how many the kept last days (painTextCounts) counted. */
function expectSame(db: DB, validateAt = 3): number {
  let counted = 0;
  for (const w of WINDOWS)
    for (const by of [null, 'dana', 'SAM']) {
      const named = namedOpportunities(db);
      const hypotheses = opportunityHypotheses(db, w.end);
      const simple = rankOpportunities(painRows(db, w, by), named, hypotheses, validateAt);
      const fast = rankPainTexts(painTextRows(db, w, by), named, hypotheses, validateAt);
      expect(fast).toEqual(simple);
      // lone texts counted by SQLite, those sharing an opportunity as rows (painTextTallies)
      expect(rankPainTexts(painTextTallies(db, w, named, by), named, hypotheses, validateAt)).toEqual(simple);
      // read from the kept facts (pain_hearings, 0027) and from the pains themselves
      expect(rankPainTexts(painTextRowsSimple(db, w, by), named, hypotheses, validateAt)).toEqual(simple);
      const sorted = (texts: ReturnType<typeof painTexts>) =>
        texts.map((t) => ({ text: t.text, customers: [...t.customers].sort((a, b) => a - b) }));
      expect(sorted(painTexts(db, w, by))).toEqual(sorted(painTextsSimple(db, w, by)));
      const count = {
        heard: simple.length,
        unaddressed: simple.filter((o) => o.flags.includes('unaddressed')).length,
      };
      expect(countOpportunities(painTexts(db, w, by), named, hypotheses, validateAt)).toEqual(count);
      if (by !== null) continue;
      // the last days heard answer only a window no pain was heard after
      const later = db
        .prepare(
          `SELECT 1 FROM pains p JOIN interviews i ON i.id = p.interview_id
           WHERE i.date > ? AND i.kind IN ('customer', 'indirect')`,
        )
        .get(w.end);
      const since = tallyRowsSince(db, w);
      expect(since === null).toBe(later !== undefined);
      if (since !== null) expect(inOrder(since)).toEqual(inOrder(tallyRows(db, w)));
      const kept = painTextCounts(db, w, named, validateAt);
      expect(kept === null).toBe(later !== undefined);
      if (kept === null) continue;
      counted++;
      expect(countOpportunities(kept, named, hypotheses, validateAt)).toEqual(count);
      // each text keyed by SQLite as painKey keys it (src/db/pain-key.ts)
      expect(kept.map((t) => [t.text, t.key])).toEqual(kept.map((t) => [t.text, painKey(t.text)]));
      // up to ten customers from each text's kept latest days (0045), more from pain_heard_last: the
      // same count on either side, texts with more customers than that in the window included
      for (const at of [1, 2, 10, 11, 30]) {
        const ranked = rankOpportunities(painRows(db, w, by), named, hypotheses, at);
        expect(countOpportunities(painTextCounts(db, w, named, at) ?? [], named, hypotheses, at)).toEqual({
          heard: ranked.length,
          unaddressed: ranked.filter((o) => o.flags.includes('unaddressed')).length,
        });
      }
    }
  expect(summaryDrift(db)).toEqual([]);
  return counted;
}

const CONFIG: Config = { ...DEFAULTS, 'product.outcome': 'Teams keep their data' };

/** pm tree as first written: each hypothesis's record read alone, every pain read a row each and ranked. */
function simpleTree(db: DB, w: Window, limit: number, countUnlinked = false) {
  const linked = new Set(opportunityHypotheses(db, w.end).map((h) => h.rowid));
  const unlinked = openHypothesisIds(db, w.end).filter((id) => !linked.has(id));
  const shownUnlinked = countUnlinked ? [] : limit === 0 ? unlinked : unlinked.slice(0, limit);
  const records = [...linked, ...shownUnlinked].flatMap((only) => hypothesisRecords(db, w.end, CONFIG, { only }));
  const named = namedOpportunities(db);
  const ranked = rankOpportunities(painRows(db, w), named, opportunityHypotheses(db, w.end), 3);
  const whole = buildTree(CONFIG['product.outcome'], w, ranked, named, records);
  let bare = 0;
  const opportunities =
    limit === 0 ? whole.opportunities : whole.opportunities.filter((o) => o.hypotheses.length > 0 || bare++ < limit);
  return {
    tree: { ...whole, opportunities },
    opportunities: whole.opportunities.length - opportunities.length,
    unlinked: unlinked.length - shownUnlinked.length,
  };
}

/** The named opportunities that hypotheses address and no pain of the window raised (the tree lists them too). */
function namedUnheard(db: DB, w: Window): number {
  return simpleTree(db, w, 0, true).tree.opportunities.filter((o) => o.lastHeard === null).length;
}

function expectSameTree(db: DB) {
  for (const w of WINDOWS)
    for (const limit of [10, 2, 0]) expect(treeIn(db, CONFIG, w, { limit })).toEqual(simpleTree(db, w, limit));
  // the markdown export's tree, from the rows its report read (the best few opportunities' alone)
  const w = WINDOWS[0];
  const options = { period: rangePeriod('2026-11-14', w.end), asOf: w.end, config: CONFIG, by: null };
  const rows = reportRows(db, reportQuery(options), SHOWN_ROWS);
  const exported = treeIn(db, CONFIG, w, { limit: 10, countUnlinked: true, rows: rows.opportunities });
  expect(exported).toEqual(simpleTree(db, w, 10, true));
  expect(exported.tree.opportunities.filter((o) => o.hypotheses.length === 0)).toHaveLength(10);
  // the export as it reads them: every opportunity from the texts' rows, for the report and the tree
  const texts = reportRows(db, { ...reportQuery(options), opportunityTexts: true }, SHOWN_ROWS);
  expect(texts.opportunities.textRows?.length).toBeGreaterThan(10);
  expect(treeIn(db, CONFIG, w, { limit: 10, countUnlinked: true, rows: texts.opportunities })).toEqual(exported);
  expect(buildShownReport(texts, options).report.opportunities).toEqual(
    buildShownReport(rows, options).report.opportunities,
  );
  // the export as it now reads them: every named opportunity and the ten best without a name ranked,
  // how many were heard counted
  const tree = reportRows(db, { ...reportQuery(options), opportunityTree: 10 }, SHOWN_ROWS);
  const t = tree.opportunities;
  expect(t.counted?.heard).toBe(simpleTree(db, w, 0, true).tree.opportunities.length - namedUnheard(db, w));
  expect((t.textRows ?? []).length).toBeLessThan(texts.opportunities.textRows?.length ?? 0);
  const shown = { ...tree, opportunities: { ...t, ranked: rankPainTexts(t.textRows ?? [], t.named, t.hypotheses, 3) } };
  expect(treeIn(db, CONFIG, w, { limit: 10, countUnlinked: true, rows: shown.opportunities })).toEqual(exported);
  expect(buildShownReport(shown, options).report.opportunities).toEqual(
    buildShownReport(rows, options).report.opportunities,
  );
  // the export ranks them once, for the report and the tree
  const o = texts.opportunities;
  const once = { ...texts, opportunities: { ...o, ranked: rankPainTexts(o.textRows ?? [], o.named, o.hypotheses, 3) } };
  expect(treeIn(db, CONFIG, w, { limit: 10, countUnlinked: true, rows: once.opportunities })).toEqual(exported);
  expect(buildShownReport(once, options).report.opportunities).toEqual(
    buildShownReport(rows, options).report.opportunities,
  );
}

describe.each(Object.entries(shapes))('opportunities on a journal of the %s shape', (_shape, opts) => {
  let journal: ReturnType<typeof generatedJournal>;
  let db: DB;
  beforeAll(() => {
    journal = generatedJournal(1500, opts);
    db = journal.db;
  });
  afterAll(() => journal.close());

  it('ranks the window as the pains read one by one do', () => {
    const w = WINDOWS[0];
    const ranked = rankPainTexts(painTextRows(db, w), [], opportunityHypotheses(db, w.end), 3);
    // the journal is of its shape: many opportunities, with customers, signals, segments and stages
    expect(ranked.length).toBeGreaterThan(20);
    expect(ranked.some((o) => o.signals > 0 && o.customers > 1 && o.segments.length > 1)).toBe(true);
    expect(ranked.some((o) => o.stages.length > 1)).toBe(true);
    // the 12 and 52 weeks, the last two days, a window ahead, from a Wednesday and the whole journal:
    // as of the journal's last day
    expect(expectSame(db)).toBe(6);
    expectSame(db, 1);
    expectSameTree(db);
  });

  it('the same after merges, renames, spellings in other cases and spaces, blank segments and an erasure', () => {
    const texts = db
      .prepare(
        `SELECT p.text FROM pains p JOIN interviews i ON i.id = p.interview_id WHERE i.date >= '2026-08-29'
         GROUP BY p.text ORDER BY count(*) DESC LIMIT 6`,
      )
      .pluck()
      .all() as string[];
    // the same pain written in other cases and spaces, in later conversations and signals
    const recent = db
      .prepare(
        `SELECT id FROM interviews WHERE date >= '2026-09-01' AND kind IN ('customer', 'indirect')
         ORDER BY id LIMIT 40`,
      )
      .pluck()
      .all() as number[];
    const addPain = db.prepare(
      `INSERT INTO pains (interview_id, position, text, severity)
       VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM pains WHERE interview_id = ?), ?, ?)`,
    );
    recent.forEach((id, k) => {
      const text = texts[k % 3];
      const spelling = k % 2 ? ` ${text.toUpperCase()}  ` : text.replace(/ /g, '  ');
      addPain.run(id, id, spelling, ['low', 'medium', 'high', 'blocker'][k % 4]);
      if (k % 5 === 0) addPain.run(id, id, text, 'blocker'); // twice in one conversation
    });
    // a pain no other text shares (counted by SQLite), raised at every severity, some customers
    // raising it again at a higher or a lower one, and in signals
    recent.slice(0, 24).forEach((id, k) => {
      addPain.run(id, id, texts[5], ['low', 'medium', 'high', 'blocker'][k % 4]);
      addPain.run(id, id, 'Lone pain at every severity', ['blocker', 'low', 'high', 'medium', 'low'][k % 5]);
      if (k % 3 === 0) addPain.run(id, id, 'Lone pain at every severity', 'high');
      // one pain written with an accent composed and decomposed, in other cases: keyed in JavaScript
      addPain.run(id, id, k % 2 ? 'Caf\u00e9 exports' : 'CAFE\u0301  EXPORTS', 'high');
    });
    // a merge of two pains, one named as neither is written, and another with an alias
    const merged = insertOpportunity(db, { uuid: 'u-1', name: 'Merged', key: painKey('Merged') });
    addAlias(db, merged, painKey(texts[0]), texts[0]);
    addAlias(db, merged, painKey(texts[3]), texts[3]);
    const renamed = insertOpportunity(db, { uuid: 'u-2', name: texts[4].toUpperCase(), key: painKey(texts[4]) });
    // hypotheses made for them, open and decided, and one for a named opportunity no pain raised lately
    const quiet = insertOpportunity(db, { uuid: 'u-3', name: 'Quiet', key: painKey('Quiet') });
    const decided = db.prepare("SELECT id FROM hypotheses WHERE status <> 'open' ORDER BY id LIMIT 3").pluck().all();
    const open = db.prepare("SELECT id FROM hypotheses WHERE status = 'open' ORDER BY id LIMIT 4").pluck().all();
    const link = db.prepare('INSERT INTO hypothesis_opportunities (hypothesis_id, opportunity_id) VALUES (?, ?)');
    for (const [k, id] of [...decided, ...open].entries()) link.run(id, [merged, renamed, quiet][k % 3]);
    expect(decided).toHaveLength(3);
    // segments and stages blank or missing, of accounts and people heard in the window
    const heard = (column: string, limit: string) =>
      `SELECT ${column} FROM interviews WHERE date >= '2026-08-29' AND kind = 'customer' ORDER BY id LIMIT ${limit}`;
    db.prepare(`UPDATE accounts SET segment = '' WHERE id IN (${heard('account_id', '8')})`).run();
    db.prepare(`UPDATE accounts SET segment = NULL WHERE id IN (${heard('account_id', '8, 8')})`).run();
    db.prepare(
      `UPDATE contacts SET segment = '' WHERE id IN (SELECT contact_id FROM interview_contacts
         WHERE interview_id IN (${heard('id', '30')}))`,
    ).run();
    db.prepare(`UPDATE interviews SET stage = '' WHERE id IN (${heard('id', '30, 30')})`).run();
    // a customer of the window erased
    const present = db
      .prepare(
        `SELECT ic.contact_id FROM interview_contacts ic JOIN interviews i ON i.id = ic.interview_id
         JOIN contacts c ON c.id = ic.contact_id
         WHERE i.date >= '2026-08-29' AND i.kind = 'customer' AND c.role = 'customer' LIMIT 1`,
      )
      .pluck()
      .get() as number;
    forgetContact(db, present);
    // the latest customer conversation raising pains removed, the one before moved back a month: the
    // last days they held recounted from the other conversations
    const latest = db
      .prepare(
        `SELECT DISTINCT p.interview_id FROM pains p JOIN interviews i ON i.id = p.interview_id
         WHERE i.kind = 'customer' ORDER BY i.date DESC, i.id DESC LIMIT 2`,
      )
      .pluck()
      .all() as number[];
    db.prepare('DELETE FROM interviews WHERE id = ?').run(latest[0]);
    db.prepare("UPDATE interviews SET date = '2026-10-15' WHERE id = ?").run(latest[1]);
    const w = WINDOWS[0];
    const ranked = rankPainTexts(painTextRows(db, w), namedOpportunities(db), opportunityHypotheses(db, w.end), 3);
    expect(ranked.find((o) => o.opportunity === 'Merged')?.aliases).toHaveLength(2);
    expect(ranked.some((o) => o.opportunity === texts[4].toUpperCase())).toBe(true);
    // the texts of a merge or of one pain's spellings are counted from their customers' ids, once each
    const kept = painTextCounts(db, w, namedOpportunities(db), 3) ?? [];
    expect(kept.filter((t) => 'customers' in t).length).toBeGreaterThan(5);
    expect(kept.filter((t) => 'customerCount' in t).length).toBeGreaterThan(10);
    const tallies = painTextTallies(db, w, namedOpportunities(db));
    expect(tallies.filter((t) => 'customers' in t).length).toBeGreaterThan(5);
    expect(tallies.filter((t) => 'severity' in t).length).toBeGreaterThan(10);
    const lone = tallies.find((t) => t.text === 'Lone pain at every severity');
    expect(lone && 'severity' in lone && Object.values(lone.severity).every((n) => n > 0)).toBe(true);
    expect(expectSame(db)).toBe(6);
    expectSameTree(db);
    expect(treeIn(db, CONFIG, w, { limit: 10 }).tree.opportunities.filter((o) => o.hypotheses.length > 0)).toHaveLength(
      3,
    );
  });
});
