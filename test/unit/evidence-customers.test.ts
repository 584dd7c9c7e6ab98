// evidence_customers (migration 0003) is a summary kept by triggers: after any change a command can
// make, the distinct-customer counts read from it must equal those computed from scratch by joining
// every evidence row to the people present, as of any day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openForWrite, type DB } from '../../src/db/journal.js';
import { importJournal } from '../../src/db/import.js';
import { validateDocument } from '../../src/core/import-validate.js';
import { hypothesisStats } from '../../src/db/hypothesis-stats.js';
// @ts-expect-error the generator is plain JavaScript
import { generate, mulberry32 } from '../bench/generate.mjs';

let dir: string;
let db: DB;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-ec-'));
  db = openForWrite(join(dir, 'j.db')).db;
  const doc = validateDocument(generate(1500, { accounts: 40, contacts: 120, hypotheses: 60, seed: 7 }));
  importJournal(db, doc);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The distinct customers each way and the supporting accounts, from scratch. */
function fromScratch(asOf: string): Map<number, [number, number, number]> {
  const rows = db.prepare(`
    SELECT e.hypothesis_id AS h,
      count(DISTINCT CASE WHEN e.direction = 'supports' THEN c.id END) AS sup,
      count(DISTINCT CASE WHEN e.direction = 'refutes' THEN c.id END) AS ref,
      count(DISTINCT CASE WHEN e.direction = 'supports' THEN c.account_id END) AS acc
    FROM evidence e JOIN interviews i ON i.id = e.interview_id
    JOIN interview_contacts ic ON ic.interview_id = i.id JOIN contacts c ON c.id = ic.contact_id
    WHERE i.kind = 'customer' AND c.role IN ('customer', 'prospect') AND i.date <= ?
    GROUP BY e.hypothesis_id`).all(asOf) as { h: number; sup: number; ref: number; acc: number }[];
  return new Map(rows.map((r) => [r.h, [r.sup, r.ref, r.acc]]));
}

function expectConsistent(label: string): void {
  for (const asOf of ['2023-06-30', '2025-01-15', '2026-11-20', '2030-01-01']) {
    const want = fromScratch(asOf);
    for (const h of hypothesisStats(db, asOf)) {
      const got: [number, number, number] = [h.customersSupporting, h.customersRefuting, h.accountsSupporting];
      expect(got, `${label}: H${h.rowid} as of ${asOf}`).toEqual(want.get(h.rowid) ?? [0, 0, 0]);
    }
  }
}

describe('evidence_customers', () => {
  it('matches the evidence after an import (rebuilt once at its end)', () => {
    expect(db.prepare('SELECT count(*) FROM evidence_customers').pluck().get()).toBeGreaterThan(50);
    expectConsistent('after import');
  });

  it('stays right through every kind of change, in random order', () => {
    const rand = mulberry32(42);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
    const changes: [string, () => void][] = [
      ['new link', () => db.prepare('INSERT OR IGNORE INTO evidence (hypothesis_id, interview_id, direction) VALUES (?, ?, ?)')
        .run(pick(ids('SELECT id FROM hypotheses')), pick(ids('SELECT id FROM interviews')), rand() < 0.5 ? 'supports' : 'refutes')],
      ['direction flipped', () => db.prepare("UPDATE evidence SET direction = CASE direction WHEN 'supports' THEN 'refutes' ELSE 'supports' END WHERE (hypothesis_id, interview_id) IN (SELECT hypothesis_id, interview_id FROM evidence LIMIT 1 OFFSET ?)")
        .run(Math.floor(rand() * 100))],
      ['link removed', () => db.prepare('DELETE FROM evidence WHERE (hypothesis_id, interview_id) IN (SELECT hypothesis_id, interview_id FROM evidence LIMIT 1 OFFSET ?)').run(Math.floor(rand() * 100))],
      ['role changed', () => db.prepare('UPDATE contacts SET role = ? WHERE id = ?').run(pick(['customer', 'prospect', 'stakeholder', 'partner']), pick(ids('SELECT id FROM contacts')))],
      ['contact moved', () => db.prepare('UPDATE contacts SET account_id = ? WHERE id = ?').run(pick(ids('SELECT id FROM accounts')), pick(ids('SELECT id FROM contacts')))],
      ['person added to a call', () => db.prepare('INSERT OR IGNORE INTO interview_contacts (interview_id, contact_id) VALUES (?, ?)')
        .run(pick(ids('SELECT interview_id FROM evidence')), pick(ids('SELECT id FROM contacts')))],
      ['person removed from a call', () => db.prepare('DELETE FROM interview_contacts WHERE (interview_id, contact_id) IN (SELECT interview_id, contact_id FROM interview_contacts WHERE interview_id IN (SELECT interview_id FROM evidence) LIMIT 1 OFFSET ?)')
        .run(Math.floor(rand() * 50))],
      ['interview re-dated', () => db.prepare("UPDATE interviews SET date = ? WHERE id = ?").run(pick(['2023-01-02', '2025-01-10', '2026-11-19']), pick(ids('SELECT interview_id FROM evidence')))],
      ['channel changed', () => db.prepare('UPDATE interviews SET channel = ? WHERE id = ?').run(pick(['call', 'support', 'video', 'review']), pick(ids('SELECT interview_id FROM evidence')))],
      ['interview deleted', () => db.prepare('DELETE FROM interviews WHERE id = ?').run(pick(ids('SELECT interview_id FROM evidence')))],
      ['hypothesis deleted', () => db.prepare('DELETE FROM hypotheses WHERE id = ?').run(pick(ids('SELECT id FROM hypotheses')))],
    ];
    for (let round = 0; round < 60; round++) {
      const [label, change] = pick(changes);
      change();
      if (round % 6 === 5) expectConsistent(`round ${round} (${label})`);
    }
    expectConsistent('at the end');
  });
});
