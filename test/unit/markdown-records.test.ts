// The markdown export reads its own records (src/db/exchange.ts, markdownRecords: names instead of
// UUIDs, interviews one at a time) rather than the exchange document JSON and CSV are views of.
// Whatever the range, they must be the document's interviews, hypotheses, links and outcomes, in
// its order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import { exportJournal, markdownRecords, WHOLE_JOURNAL, type ExportRange } from '../../src/db/exchange.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

const RANGES: [string, ExportRange][] = [
  ['the whole journal', WHOLE_JOURNAL],
  ['the whole journal as of a past day', { ...WHOLE_JOURNAL, end: '2025-03-31' }],
  ['a week', { whole: false, start: '2026-11-16', end: '2026-11-22' }],
  ['a month', { whole: false, start: '2024-02-01', end: '2024-02-29' }],
  ['a range with nothing in it', { whole: false, start: '1999-01-01', end: '1999-01-31' }],
];

const idNumber = (id: string | null) => Number(id?.slice(1));

// both bench shapes: the harsh one's accounts and contacts are many, few hypotheses decided
for (const shape of ['today', 'harsh'] as const)
  describe(`markdownRecords (${shape}'s shape)`, () => {
    let journal: ReturnType<typeof generatedJournal>;
    let db: DB;
    beforeAll(() => {
      const { size, ...opts } = SHAPES[shape];
      journal = generatedJournal(size, opts);
      db = journal.db;
      // a hypothesis with revisions, and an interview with no contact, pains, quotes, tags or notes, linked to three hypotheses
      db.prepare(
        "INSERT INTO hypothesis_revisions (hypothesis_id, date, field, before, after) VALUES (1, '2025-01-02', 'statement', 'Old words', 'New words')",
      ).run();
      const bare = Number(
        db
          .prepare(
            "INSERT INTO interviews (uuid, date, channel, kind, account_id, summary, created_at) VALUES ('bare-1', '2026-11-18', 'support', 'indirect', 1, 'A ticket', '2026-11-18T10:00:00Z')",
          )
          .run().lastInsertRowid,
      );
      for (const h of [5, 2, 3])
        db.prepare('INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, ?)').run(
          h,
          bare,
          'refutes',
        );
    });
    afterAll(() => journal.close());

    for (const [name, range] of RANGES) {
      it(`holds the export document's records for ${name}`, () => {
        const doc = exportJournal(db, range, '2026-11-20T00:00:00Z');
        const md = markdownRecords(db, range);
        const contacts = new Map(doc.contacts.map((c) => [c.uuid, c.name]));
        const accounts = new Map(doc.accounts.map((a) => [a.uuid, a.name]));
        const hypothesisUuid = new Map(md.hypotheses.map((h) => [h.rowid, h.uuid]));
        const hypothesisRow = new Map(md.hypotheses.map((h) => [h.uuid, h.rowid]));
        const interviews = [...md.interviews()];
        expect(md.firstDate).toBe(doc.interviews[0]?.date ?? null);
        expect(
          interviews.map((i) => ({
            id: i.id,
            date: i.date,
            channel: i.channel,
            accountUuid: i.accountUuid,
            account: i.account,
            source: i.source,
            contacts: i.contacts,
            by: i.by,
            minutes: i.minutes,
            summary: i.summary,
            notes: i.notes,
            pains: i.pains,
            quotes: i.quotes,
            tags: i.tags,
            followUp: i.followUp,
            followUpDone: i.followUpDone,
            links: i.links.map(([h, d, s]) => [hypothesisUuid.get(h), d, s]),
          })),
        ).toEqual(
          // the document is in (date, UUID) order, the same in every journal; markdown in (date, display id)
          [...doc.interviews]
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : idNumber(a.id) - idNumber(b.id)))
            .map((i) => ({
              id: i.id,
              date: i.date,
              channel: i.channel,
              accountUuid: i.accountUuid,
              account: i.accountUuid === null ? null : accounts.get(i.accountUuid),
              source: i.source,
              contacts: i.contactUuids.map((u) => [u, contacts.get(u)]),
              by: i.by,
              minutes: i.minutes,
              summary: i.summary,
              notes: i.notes,
              pains: i.pains,
              quotes: i.quotes,
              tags: i.tags,
              followUp: i.followUp,
              followUpDone: i.followUpDone,
              links: doc.evidence
                .filter((e) => e.interviewUuid === i.uuid)
                .sort((a, b) => hypothesisRow.get(a.hypothesisUuid)! - hypothesisRow.get(b.hypothesisUuid)!)
                .map((e) => [e.hypothesisUuid, e.direction, e.strength]),
            })),
        );
        expect(md.hypotheses.map(({ rowid: _rowid, ...h }) => h)).toEqual(
          [...doc.hypotheses].sort((a, b) => idNumber(a.id) - idNumber(b.id)).map(({ rev: _rev, vv: _vv, ...h }) => h),
        );
        const outcomeOrder = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
        expect(
          md.outcomes
            .map((o) => [o.date, hypothesisUuid.get(o.hypothesis) ?? o.hypothesis, o.outcome, o.reason])
            .sort(outcomeOrder),
        ).toEqual(
          // the document also carries its hypotheses' decisions from before the range (their state on its
          // first day: fresh-eyes wave 18 H2); the markdown lists the range's own
          doc.outcomes
            .filter((o) => range.whole || o.date >= range.start)
            .map((o) => [o.date, o.hypothesisUuid, o.outcome, o.reason])
            .sort(outcomeOrder),
        );
        // every link and outcome names a hypothesis of the document, and none is dated after the range
        for (const e of doc.evidence) expect(hypothesisRow.has(e.hypothesisUuid)).toBe(true);
        for (const o of doc.outcomes) {
          expect(hypothesisRow.has(o.hypothesisUuid)).toBe(true);
          expect(o.date <= range.end).toBe(true);
        }
        if (name !== 'a range with nothing in it') expect(interviews.length).toBeGreaterThan(0);
      });
    }
  });
