// Evidence counting on a real journal file: who counts as a customer, and the flags it leads to.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isIndirect } from '../../src/core/channels.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openForWrite, type DB } from '../../src/db/journal.js';
import { hypothesisStats } from '../../src/db/hypothesis-stats.js';
import { hypothesisRecords } from '../../src/db/hypotheses.js';
import { DEFAULTS } from '../../src/core/config.js';
import { addPeople } from '../../src/db/interview-writer.js';

let dir: string;
let db: DB;
let seq = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-stats-'));
  db = openForWrite(join(dir, 'journal.db')).db;
  db.prepare(
    "INSERT INTO hypotheses(uuid, statement, created_on, decide_by) VALUES ('h1', 'We believe', '2026-11-01', '2026-11-29')",
  ).run();
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function accountId(name: string): number {
  db.prepare('INSERT INTO accounts(uuid, name) VALUES (?, ?) ON CONFLICT(name) DO NOTHING').run(`a-${name}`, name);
  return (db.prepare('SELECT id FROM accounts WHERE name = ?').get(name) as { id: number }).id;
}

function contactId(name: string, account: string, role: string): number {
  const found = db.prepare('SELECT id FROM contacts WHERE name = ?').get(name) as { id: number } | undefined;
  if (found) return found.id;
  return Number(
    db
      .prepare('INSERT INTO contacts(uuid, name, account_id, role) VALUES (?, ?, ?, ?)')
      .run(`c-${name}`, name, accountId(account), role).lastInsertRowid,
  );
}

/** An interview with `people` ([name, role]) of `account`, linked to H1. */
function evidence(
  date: string,
  account: string,
  people: [string, string][],
  direction = 'supports',
  channel = 'call',
): void {
  const id = Number(
    db
      .prepare(
        "INSERT INTO interviews(uuid, date, channel, kind, account_id, summary, created_at) VALUES (?, ?, ?, ?, ?, 's', '')",
      )
      .run(`i-${++seq}`, date, channel, isIndirect(channel) ? 'indirect' : 'stakeholder', accountId(account))
      .lastInsertRowid,
  );
  addPeople(
    db,
    id,
    people.map(([name, role]) => contactId(name, account, role)),
  );
  db.prepare('INSERT INTO evidence(hypothesis_id, interview_id, direction) VALUES (1, ?, ?)').run(id, direction);
}

const h1 = (asOf = '2026-11-20') => hypothesisStats(db, asOf)[0];
const flags = (asOf = '2026-11-20') => hypothesisRecords(db, asOf, DEFAULTS)[0].flags;

describe('evidence as a PM would trust it', () => {
  it('validateAt distinct customers from two accounts make it ready to validate', () => {
    evidence('2026-11-02', 'Acme', [['Ann', 'customer']]);
    evidence('2026-11-03', 'Acme', [['Bob', 'customer']]);
    expect(flags()).not.toContain('ready-to-validate');
    evidence('2026-11-04', 'Initech', [['Cy', 'prospect']]);
    expect(h1()).toMatchObject({
      supports: 3,
      customersSupporting: 3,
      accountsSupporting: 2,
      lastEvidence: '2026-11-04',
    });
    expect(flags()).toContain('ready-to-validate');
  });

  it('counts the same person twice as one customer', () => {
    evidence('2026-11-02', 'Acme', [['Ann', 'customer']]);
    evidence('2026-11-09', 'Acme', [['Ann', 'customer']]);
    evidence('2026-11-10', 'Initech', [['Cy', 'customer']]);
    expect(h1()).toMatchObject({ supports: 3, customersSupporting: 2 });
    expect(flags()).not.toContain('ready-to-validate');
  });

  it('never counts stakeholders, alone or beside a customer', () => {
    evidence('2026-11-02', 'Acme', [['Sales Sam', 'stakeholder']]);
    expect(h1()).toMatchObject({ supports: 0, customersSupporting: 0, otherSupports: 1, lastEvidence: null });
    expect(flags()).toContain('no-evidence');
    evidence('2026-11-03', 'Initech', [
      ['Cy', 'customer'],
      ['Exec Eve', 'stakeholder'],
    ]);
    expect(h1()).toMatchObject({ supports: 1, customersSupporting: 1, otherSupports: 1 });
  });

  it('shows second-hand signals apart and never lets them make it ready to validate', () => {
    evidence('2026-11-02', 'Acme', [['Ann', 'customer']], 'supports', 'review');
    evidence('2026-11-03', 'Initech', [['Cy', 'customer']], 'supports', 'support');
    evidence('2026-11-04', 'Globex', [['Di', 'customer']], 'supports', 'survey');
    expect(h1()).toMatchObject({ supports: 0, customersSupporting: 0, otherSupports: 3 });
    expect(flags()).not.toContain('ready-to-validate');
  });

  it('takes validateAt customers from one account for a custom request, not a market', () => {
    evidence('2026-11-02', 'Acme', [
      ['Ann', 'customer'],
      ['Bob', 'customer'],
      ['Cat', 'customer'],
    ]);
    expect(h1()).toMatchObject({ supports: 1, customersSupporting: 3, accountsSupporting: 1 });
    expect(flags()).not.toContain('ready-to-validate');
  });

  it('counts refuting customers toward ready-to-kill, and one refusal blocks validation', () => {
    for (const [name, account] of [
      ['Ann', 'Acme'],
      ['Bob', 'Initech'],
      ['Cy', 'Globex'],
    ])
      evidence('2026-11-02', account, [[name, 'customer']]);
    evidence('2026-11-05', 'Umbrella', [['Di', 'customer']], 'refutes');
    expect(flags()).not.toContain('ready-to-validate');
    expect(flags()).not.toContain('ready-to-kill');
    evidence('2026-11-06', 'Umbrella', [['Ed', 'customer']], 'refutes');
    expect(h1()).toMatchObject({ refutes: 2, customersRefuting: 2 });
    expect(flags()).toContain('ready-to-kill');
  });

  it('counts nothing dated after the day it is made as of', () => {
    evidence('2026-11-02', 'Acme', [['Ann', 'customer']]);
    evidence('2026-11-25', 'Initech', [['Cy', 'customer']]);
    expect(h1('2026-11-20')).toMatchObject({ supports: 1, lastEvidence: '2026-11-02' });
    expect(h1('2026-11-30')).toMatchObject({ supports: 2, lastEvidence: '2026-11-25' });
  });

  it('takes the status from the latest outcome on or before the day', () => {
    db.prepare(
      "INSERT INTO outcomes(uuid, hypothesis_id, outcome, date, reason) VALUES ('o1', 1, 'killed', '2026-11-10', 'no'), ('o2', 1, 'reopened', '2026-11-15', 'yes')",
    ).run();
    expect(h1('2026-11-09').status).toBe('open');
    expect(h1('2026-11-12')).toMatchObject({ status: 'killed', outcomeReason: 'no' });
    expect(h1('2026-11-20')).toMatchObject({ status: 'open', outcome: 'reopened' });
  });
});
