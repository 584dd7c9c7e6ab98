// evidence_customers and evidence_totals (migration 0003) and each account's last customer contact
// (0004) are summaries kept by triggers: after any change a command can make, the counts read
// through them must equal those computed from scratch from every evidence row, its interview and
// the people present, as of any day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import { hypothesisStats } from '../../src/db/hypothesis-stats.js';
import { addPeople } from '../../src/db/interview-writer.js';
// @ts-expect-error the generator is plain JavaScript
import { mulberry32 } from '../bench/generate.mjs';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

let journal: ReturnType<typeof generatedJournal>;
let db: DB;
beforeAll(() => {
  const { size, ...opts } = SHAPES.today;
  journal = generatedJournal(size, opts);
  db = journal.db;
});
afterAll(() => journal.close());

type Rank = number | null;
type Counts = [number, number, number, number, number, number, number, string | null, Rank, Rank];

/**
 * Links each way (customer contact, then the rest), the last customer evidence and the strongest
 * basis of customer evidence each way (said 0, did 1, paid 2), from scratch.
 */
function linksFromScratch(asOf: string): Map<number, [number, number, number, number, string | null, Rank, Rank]> {
  const rows = db
    .prepare(`
    SELECT e.hypothesis_id AS h,
      sum(i.kind = 'customer' AND e.direction = 'supports') AS s, sum(i.kind = 'customer' AND e.direction = 'refutes') AS r,
      sum(i.kind <> 'customer' AND e.direction = 'supports') AS os, sum(i.kind <> 'customer' AND e.direction = 'refutes') AS orf,
      max(CASE WHEN i.kind = 'customer' THEN i.date END) AS last,
      max(CASE WHEN i.kind = 'customer' AND e.direction = 'supports' THEN instr('saiddidpaid', e.basis) END) AS bs,
      max(CASE WHEN i.kind = 'customer' AND e.direction = 'refutes' THEN instr('saiddidpaid', e.basis) END) AS br
    FROM evidence e JOIN interviews i ON i.id = e.interview_id WHERE i.date <= ? GROUP BY e.hypothesis_id`)
    .all(asOf) as {
    h: number;
    s: number;
    r: number;
    os: number;
    orf: number;
    last: string | null;
    bs: number | null;
    br: number | null;
  }[];
  // instr: said 1, did 5, paid 8
  const rank = (n: number | null): Rank => (n === null ? null : n === 8 ? 2 : n === 5 ? 1 : 0);
  return new Map(rows.map((x) => [x.h, [x.s, x.r, x.os, x.orf, x.last, rank(x.bs), rank(x.br)]]));
}

/** The distinct customers each way and their accounts each way, from scratch. */
function fromScratch(asOf: string): Map<number, [number, number, number, number]> {
  const rows = db
    .prepare(`
    SELECT e.hypothesis_id AS h,
      count(DISTINCT CASE WHEN e.direction = 'supports' THEN c.id END) AS sup,
      count(DISTINCT CASE WHEN e.direction = 'refutes' THEN c.id END) AS ref,
      count(DISTINCT CASE WHEN e.direction = 'supports' THEN c.account_id END) AS acc,
      count(DISTINCT CASE WHEN e.direction = 'refutes' THEN c.account_id END) AS accRef
    FROM evidence e JOIN interviews i ON i.id = e.interview_id
    JOIN interview_contacts ic ON ic.interview_id = i.id JOIN contacts c ON c.id = ic.contact_id
    WHERE i.kind = 'customer' AND c.role IN ('customer', 'prospect') AND i.date <= ?
    GROUP BY e.hypothesis_id`)
    .all(asOf) as { h: number; sup: number; ref: number; acc: number; accRef: number }[];
  return new Map(rows.map((r) => [r.h, [r.sup, r.ref, r.acc, r.accRef]]));
}

/** Each account's latest customer contact, from scratch, against the one kept on it (migration 0004). */
function expectAccountsConsistent(label: string): void {
  const rows = db
    .prepare(`
    SELECT a.id, a.last_direct AS kept,
      (SELECT max(i.date) FROM interviews i NOT INDEXED WHERE i.account_id = a.id AND i.kind = 'customer') AS scratch
    FROM accounts a`)
    .all() as { id: number; kept: string | null; scratch: string | null }[];
  expect(rows.length).toBeGreaterThan(10);
  for (const r of rows) expect(r.kept, `${label}: account ${r.id}`).toBe(r.scratch);
  // each hypothesis's status and latest decision day (0001, 0004), from its outcomes
  const hyps = db
    .prepare(`
    SELECT h.id, h.status, h.decided_on AS decidedOn,
      coalesce((SELECT CASE o.outcome WHEN 'reopened' THEN 'open' ELSE o.outcome END FROM outcomes o NOT INDEXED
        WHERE o.hypothesis_id = h.id ORDER BY o.date DESC, o.id DESC LIMIT 1), 'open') AS scratchStatus,
      (SELECT max(o.date) FROM outcomes o NOT INDEXED WHERE o.hypothesis_id = h.id) AS scratchDecided
    FROM hypotheses h`)
    .all() as {
    id: number;
    status: string;
    decidedOn: string | null;
    scratchStatus: string;
    scratchDecided: string | null;
  }[];
  for (const h of hyps)
    expect([h.status, h.decidedOn], `${label}: H${h.id}`).toEqual([h.scratchStatus, h.scratchDecided]);
}

function expectConsistent(label: string): void {
  expectAccountsConsistent(label);
  for (const asOf of ['2023-06-30', '2025-01-15', '2026-11-20', '2030-01-01']) {
    const people = fromScratch(asOf);
    const links = linksFromScratch(asOf);
    for (const h of hypothesisStats(db, asOf)) {
      const got: Counts = [
        h.customersSupporting,
        h.customersRefuting,
        h.accountsSupporting,
        h.accountsRefuting,
        h.supports,
        h.refutes,
        h.otherSupports + h.otherRefutes,
        h.lastEvidence,
        h.basisSupporting,
        h.basisRefuting,
      ];
      const [sup, ref, acc, accRef] = people.get(h.rowid) ?? [0, 0, 0, 0];
      const [s, r, os, orf, last, bs, br] = links.get(h.rowid) ?? [0, 0, 0, 0, null, null, null];
      expect(got, `${label}: H${h.rowid} as of ${asOf}`).toEqual([
        sup,
        ref,
        acc,
        accRef,
        s,
        r,
        os + orf,
        last,
        bs,
        br,
      ] as Counts);
    }
  }
}

describe('evidence_customers, evidence_totals and accounts.last_direct', () => {
  it('matches the evidence after an import (rebuilt once at its end)', () => {
    expect(db.prepare('SELECT count(*) FROM evidence_customers').pluck().get()).toBeGreaterThan(50);
    expect(db.prepare('SELECT count(*) FROM evidence_totals').pluck().get()).toBeGreaterThan(20);
    expectConsistent('after import');
  });

  it('stays right through every kind of change, in random order', () => {
    const rand = mulberry32(42);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
    const changes: [string, () => void][] = [
      [
        'new link',
        () =>
          db
            .prepare(
              'INSERT OR IGNORE INTO evidence (hypothesis_id, interview_id, direction, basis) VALUES (?, ?, ?, ?)',
            )
            .run(
              pick(ids('SELECT id FROM hypotheses')),
              pick(ids('SELECT id FROM interviews')),
              rand() < 0.5 ? 'supports' : 'refutes',
              pick(['said', 'said', 'did', 'paid']),
            ),
      ],
      [
        'basis changed',
        () =>
          db
            .prepare(
              'UPDATE evidence SET basis = ? WHERE (hypothesis_id, interview_id) IN (SELECT hypothesis_id, interview_id FROM evidence LIMIT 1 OFFSET ?)',
            )
            .run(pick(['said', 'did', 'paid']), Math.floor(rand() * 100)),
      ],
      [
        'direction flipped',
        () =>
          db
            .prepare(
              "UPDATE evidence SET direction = CASE direction WHEN 'supports' THEN 'refutes' ELSE 'supports' END WHERE (hypothesis_id, interview_id) IN (SELECT hypothesis_id, interview_id FROM evidence LIMIT 1 OFFSET ?)",
            )
            .run(Math.floor(rand() * 100)),
      ],
      [
        'link removed',
        () =>
          db
            .prepare(
              'DELETE FROM evidence WHERE (hypothesis_id, interview_id) IN (SELECT hypothesis_id, interview_id FROM evidence LIMIT 1 OFFSET ?)',
            )
            .run(Math.floor(rand() * 100)),
      ],
      [
        'role changed',
        () =>
          db
            .prepare('UPDATE contacts SET role = ? WHERE id = ?')
            .run(pick(['customer', 'prospect', 'stakeholder', 'partner']), pick(ids('SELECT id FROM contacts'))),
      ],
      [
        'contact moved',
        () =>
          db
            .prepare('UPDATE contacts SET account_id = ? WHERE id = ?')
            .run(pick(ids('SELECT id FROM accounts')), pick(ids('SELECT id FROM contacts'))),
      ],
      [
        'person added to a call',
        () => addPeople(db, pick(ids('SELECT interview_id FROM evidence')), [pick(ids('SELECT id FROM contacts'))]),
      ],
      [
        'person removed from a call',
        () =>
          db
            .prepare(
              'DELETE FROM interview_contacts WHERE (interview_id, contact_id) IN (SELECT interview_id, contact_id FROM interview_contacts WHERE interview_id IN (SELECT interview_id FROM evidence) LIMIT 1 OFFSET ?)',
            )
            .run(Math.floor(rand() * 50)),
      ],
      [
        'interview re-dated',
        () =>
          db
            .prepare('UPDATE interviews SET date = ? WHERE id = ?')
            .run(pick(['2023-01-02', '2025-01-10', '2026-11-19']), pick(ids('SELECT interview_id FROM evidence'))),
      ],
      [
        'channel changed',
        () =>
          db
            .prepare('UPDATE interviews SET channel = ? WHERE id = ?')
            .run(pick(['call', 'support', 'video', 'review']), pick(ids('SELECT interview_id FROM evidence'))),
      ],
      [
        'interview moved to another account',
        () =>
          db
            .prepare('UPDATE interviews SET account_id = ? WHERE id = ?')
            .run(pick(ids('SELECT id FROM accounts')), pick(ids('SELECT id FROM interviews'))),
      ],
      [
        'interview logged',
        () => {
          const account = pick(ids('SELECT id FROM accounts'));
          const id = Number(
            db
              .prepare(
                "INSERT INTO interviews (uuid, date, channel, account_id, summary, created_at) VALUES (?, ?, 'call', ?, 'new', 'now')",
              )
              .run(`i-new-${rand()}`, pick(['2024-05-05', '2026-11-18']), account).lastInsertRowid,
          );
          const person = db.prepare('SELECT id FROM contacts WHERE account_id = ? LIMIT 1').pluck().get(account) as
            | number
            | undefined;
          if (person !== undefined) addPeople(db, id, [person]);
        },
      ],
      [
        'outcome recorded',
        () =>
          db
            .prepare('INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES (?, ?, ?, ?, ?)')
            .run(
              `o-new-${rand()}`,
              pick(ids('SELECT id FROM hypotheses')),
              pick(['validated', 'invalidated', 'killed', 'reopened']),
              pick(['2023-03-03', '2026-11-19']),
              'why',
            ),
      ],
      [
        'outcome removed',
        () => db.prepare('DELETE FROM outcomes WHERE id = ?').run(pick(ids('SELECT id FROM outcomes'))),
      ],
      [
        'any interview deleted',
        () => db.prepare('DELETE FROM interviews WHERE id = ?').run(pick(ids('SELECT id FROM interviews'))),
      ],
      [
        'interview deleted',
        () => db.prepare('DELETE FROM interviews WHERE id = ?').run(pick(ids('SELECT interview_id FROM evidence'))),
      ],
      [
        'hypothesis deleted',
        () => db.prepare('DELETE FROM hypotheses WHERE id = ?').run(pick(ids('SELECT id FROM hypotheses'))),
      ],
    ];
    for (let round = 0; round < 60; round++) {
      const [label, change] = pick(changes);
      change();
      if (round % 6 === 5) expectConsistent(`round ${round} (${label})`);
    }
    expectConsistent('at the end');
  });

  it('follows each kind of change on its own (one hypothesis, one customer, one call)', () => {
    const account = Number(
      db.prepare("INSERT INTO accounts (uuid, name) VALUES ('acc-x', 'Solo Inc')").run().lastInsertRowid,
    );
    const other = Number(
      db.prepare("INSERT INTO accounts (uuid, name) VALUES ('acc-y', 'Other Inc')").run().lastInsertRowid,
    );
    const person = Number(
      db
        .prepare("INSERT INTO contacts (uuid, name, account_id, role) VALUES ('c-x', 'Solo Person', ?, 'customer')")
        .run(account).lastInsertRowid,
    );
    const h = Number(
      db
        .prepare(
          "INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES ('h-x', 'Solo idea', '2026-01-01', '2026-02-01')",
        )
        .run().lastInsertRowid,
    );
    const i = Number(
      db
        .prepare(
          "INSERT INTO interviews (uuid, date, channel, account_id, summary, created_at) VALUES ('i-x', '2026-03-01', 'call', ?, 'solo', 'now')",
        )
        .run(account).lastInsertRowid,
    );
    // a second customer on the call keeps it customer contact whoever else comes and goes, so that
    // each trigger has to do its own work
    const colleague = Number(
      db
        .prepare("INSERT INTO contacts (uuid, name, account_id, role) VALUES ('c-y', 'Solo Colleague', ?, 'customer')")
        .run(account).lastInsertRowid,
    );
    addPeople(db, i, [person, colleague]);
    const solo = (asOf = '2026-11-20') => {
      const s = hypothesisStats(db, asOf, h)[0];
      return [s.customersSupporting, s.customersRefuting, s.accountsSupporting, s.supports, s.refutes];
    };
    const steps: [string, () => void, number[]][] = [
      [
        'linked',
        () =>
          db
            .prepare("INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, 'supports')")
            .run(h, i),
        [2, 0, 1, 1, 0],
      ],
      [
        'person left the call',
        () => db.prepare('DELETE FROM interview_contacts WHERE interview_id = ? AND contact_id = ?').run(i, person),
        [1, 0, 1, 1, 0],
      ],
      ['person back on the call', () => addPeople(db, i, [person]), [2, 0, 1, 1, 0]],
      [
        'now a stakeholder',
        () => db.prepare("UPDATE contacts SET role = 'stakeholder' WHERE id = ?").run(person),
        [1, 0, 1, 1, 0],
      ],
      [
        'a prospect again',
        () => db.prepare("UPDATE contacts SET role = 'prospect' WHERE id = ?").run(person),
        [2, 0, 1, 1, 0],
      ],
      [
        'moved to another account',
        () => db.prepare('UPDATE contacts SET account_id = ? WHERE id = ?').run(other, person),
        [2, 0, 2, 1, 0],
      ],
      [
        'direction flipped',
        () => db.prepare("UPDATE evidence SET direction = 'refutes' WHERE hypothesis_id = ?").run(h),
        [0, 2, 0, 0, 1],
      ],
      [
        'became a support ticket',
        () => db.prepare("UPDATE interviews SET channel = 'support' WHERE id = ?").run(i),
        [0, 0, 0, 0, 0],
      ],
      ['a call again', () => db.prepare("UPDATE interviews SET channel = 'call' WHERE id = ?").run(i), [0, 2, 0, 0, 1]],
      [
        'what they did, not said',
        () => db.prepare("UPDATE evidence SET basis = 'did' WHERE hypothesis_id = ?").run(h),
        [0, 2, 0, 0, 1],
      ],
      ['unlinked', () => db.prepare('DELETE FROM evidence WHERE hypothesis_id = ?').run(h), [0, 0, 0, 0, 0]],
    ];
    for (const [label, change, want] of steps) {
      change();
      expect(solo(), label).toEqual(want);
      expectConsistent(label);
    }
    // as of a day before the call, nothing counts; the call re-dated after that day drops out too
    db.prepare("INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, 'supports')").run(h, i);
    expect(solo('2026-02-01')).toEqual([0, 0, 0, 0, 0]);
    db.prepare("UPDATE interviews SET date = '2026-12-01' WHERE id = ?").run(i);
    expect(solo('2026-11-20')).toEqual([0, 0, 0, 0, 0]);
    expect(solo('2026-12-01')).toEqual([2, 0, 2, 1, 0]);
    expectConsistent('re-dated');
  });
});
