import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  const r = box.pm([
    'log',
    '--with',
    'Jane Roe <jane@acme.test>',
    '--account',
    'Acme',
    '--summary',
    'Exports take an hour',
    '--pain',
    'slow export',
    '--quote',
    'forever',
    '--tag',
    'export',
    '--tag',
    'pricing',
    '--notes',
    'long notes',
    '--follow-up',
    '+3d',
  ]);
  expect(r.code, r.err).toBe(0);
});
afterEach(() => box.cleanup());

function addHypothesis(statement: string): number {
  const db = new Database(box.db);
  const id = Number(
    db
      .prepare(
        `INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES (?, ?, '2026-11-01', '2026-12-01')`,
      )
      .run(`h-${statement}`, statement).lastInsertRowid,
  );
  db.close();
  return id;
}

describe('pm edit', () => {
  it('changes only the fields given', () => {
    const before = box.json(['show', 'I1']);
    const after = box.json(['edit', 'I1', '--summary', 'Exports take two hours']);
    expect(after).toEqual({ ...before, summary: 'Exports take two hours' });
  });

  it('a repeatable flag replaces its whole list; --clear empties one', () => {
    expect(box.json(['edit', 'last', '--tag', 'a', '--tag', 'b']).tags).toEqual(['a', 'b']);
    const r = box.json(['edit', 'last', '--clear', 'quotes', '--clear', 'notes', '--clear', 'follow-up']);
    expect(r).toMatchObject({
      quotes: [],
      notes: null,
      followUp: null,
      pains: [{ text: 'slow export', severity: 'medium' }],
      tags: ['a', 'b'],
    });
  });

  // review wave 11 R2: --minutes takes 1 to 1440 now (0 was the only way to undo a length)
  it('--clear minutes removes a length logged by mistake; with --minutes it contradicts', () => {
    expect(box.json(['edit', 'I1', '--minutes', '45']).minutes).toBe(45);
    expect(box.json(['edit', 'I1', '--clear', 'minutes']).minutes).toBeNull();
    const both = box.pm(['edit', 'I1', '--minutes', '30', '--clear', 'minutes']);
    expectUsageError(both);
    expect(both.err).toMatch(/^pm: --minutes and --clear minutes contradict each other/m);
    expect(box.json(['show', 'I1']).minutes).toBeNull();
  });

  it('--pain sets pains with their severity, replacing the list', () => {
    const r = box.json([
      'edit',
      'last',
      '--pain',
      'slow export:blocker',
      '--pain',
      'no API:low',
      '--pain',
      'Error: 504',
    ]);
    expect(r.pains).toEqual([
      { text: 'slow export', severity: 'blocker' },
      { text: 'no API', severity: 'low' },
      { text: 'Error: 504', severity: 'medium' },
    ]);
    // the search index holds the text, not the severity
    expect(box.json(['search', 'blocker'])).toEqual([]);
    expect(box.json(['search', '504']).map((i: any) => i.id)).toEqual(['I1']);
  });

  it('--follow-up done marks it done; a new date reopens it', () => {
    expect(box.json(['edit', 'I1', '--follow-up', 'done'])).toMatchObject({
      followUp: '2026-11-23',
      followUpDone: true,
    });
    expect(box.json(['edit', 'I1', '--follow-up', '2026-12-01'])).toMatchObject({
      followUp: '2026-12-01',
      followUpDone: false,
    });
  });

  it('an open follow-up never falls before its conversation, as pm log refuses it (fresh-eyes E12)', () => {
    expect(box.json(['edit', 'I1', '--date', '2026-11-10', '--follow-up', '2026-11-12'])).toMatchObject({
      date: '2026-11-10',
      followUp: '2026-11-12',
    });
    const before = box.snapshot();
    const early = box.pm(['edit', 'I1', '--follow-up', '2026-11-09']);
    expectUsageError(early);
    expect(early.err).toMatch(/^pm: --follow-up 2026-11-09 is before the conversation \(2026-11-10\)/);
    const moved = box.pm(['edit', 'I1', '--date', '2026-11-15']);
    expectUsageError(moved);
    expect(moved.err).toBe(
      "pm: I1's open follow-up (2026-11-12) would fall before the conversation (2026-11-15)\n" +
        'hint: give the next step too: pm edit I1 --date 2026-11-15 --follow-up +3d (or --clear follow-up)\n',
    );
    expect(box.snapshot()).toBe(before);
    // a follow-up done, or cleared, no longer holds the conversation's date back
    expect(box.json(['edit', 'I1', '--follow-up', 'done'])).toMatchObject({ followUpDone: true });
    expect(box.json(['edit', 'I1', '--date', '2026-11-15'])).toMatchObject({
      date: '2026-11-15',
      followUp: '2026-11-12',
    });
  });

  it('changing the people re-derives customer contact; the search index follows the text', () => {
    box.pm(['log', '--with', 'Sal Es', '--account', 'Acme', '--role', 'stakeholder', '--summary', 'internal']);
    expect(box.json(['edit', 'I1', '--with', 'Sal Es']).kind).toBe('stakeholder');
    expect(box.json(['edit', 'I1', '--with', 'Jane Roe', '--with', 'Sal Es']).kind).toBe('customer');
    box.pm(['edit', 'I1', '--summary', 'Completely different words', '--pain', 'zebra']);
    expect(box.json(['search', 'export'])).toEqual([]);
    expect(box.json(['search', 'zebra']).map((r: any) => r.id)).toEqual(['I1']);
  });

  it('--with a name known at one other account is that person: refused with the --account hint, never a namesake', () => {
    box.pm(['log', '--with', 'Raj Patel <raj@globex.test>', '--account', 'Globex', '--summary', 'x']);
    const before = box.snapshot();
    const r = box.pm(['edit', 'I1', '--with', 'Raj Patel']);
    expectUsageError(r);
    expect(r.err).toMatch(/^pm: Raj Patel is a contact at Globex, not Acme \(I1's account\)$/m);
    expect(r.err).toMatch(/pm edit I1 --with "Raj Patel" --account "Globex"/);
    expect(box.snapshot()).toBe(before);
    // the hint does it; someone new of that name says so (--role), with the namesake note
    expect(box.pm(['edit', 'I1', '--with', 'Raj Patel', '--account', 'Globex']).code).toBe(0);
    expect(box.json(['show', 'I1'])).toMatchObject({ account: 'Globex', with: ['Raj Patel'] });
    box.pm(['log', '--with', 'Lee Park <lee@hooli.test>', '--account', 'Hooli', '--summary', 'y']);
    const other = box.pm(['edit', 'I3', '--with', 'Raj Patel', '--role', 'customer']);
    expect(other.code, other.err).toBe(0);
    expect(other.err).toMatch(
      /new contact: Raj Patel \(customer, Hooli\) — another Raj Patel is at Globex; .*pm contact merge/,
    );
  });

  it('bad input is a usage error and changes nothing', () => {
    const before = box.snapshot();
    for (const args of [
      ['edit', 'I9', '--summary', 'x'],
      ['edit', 'I1'],
      ['edit', 'I1', '--date', 'soon'],
      ['edit', 'I1', '--clear', 'summary'],
      ['edit', 'I1', '--tag', 'x', '--clear', 'tags'],
      ['edit', 'I1', '--summary', 's'.repeat(1001)],
      ['edit', 'nope', '--summary', 'x'],
      ['edit', 'I1', '--supports', 'H1'],
      ['edit', 'I1', '--account', 'Globex'],
      ['edit', 'I1', '--role', 'partner'],
    ])
      expectUsageError(box.pm(args));
    expect(box.snapshot()).toBe(before);
  });
});

describe('pm edit of a conversation with evidence (the kind copied onto its links and people)', () => {
  const customers = () => (box.json(['hyp', 'list']) as { customersSupporting: number }[])[0].customersSupporting;
  const healthy = () => (box.json(['doctor']) as { healthy: boolean }).healthy;
  it('a call turned into a support ticket stops counting as customer evidence, and back', () => {
    expect(box.pm(['hyp', 'add', 'Finance teams want faster exports']).code).toBe(0);
    expect(box.pm(['hyp', 'link', 'H1', 'I1', '--supports']).code).toBe(0);
    expect(customers()).toBe(1);
    // the edit's one UPDATE sets the date too: the copy on the date must not restore the old kind
    let r = box.pm(['edit', 'I1', '--channel', 'support', '--source', 'Zendesk']);
    expect(r.code, r.err).toBe(0);
    expect(customers()).toBe(0);
    expect(box.sql('SELECT kind FROM evidence')).toEqual([{ kind: 'indirect' }]);
    expect(box.sql('SELECT kind FROM interview_contacts')).toEqual([{ kind: 'indirect' }]);
    expect(healthy()).toBe(true);
    r = box.pm(['edit', 'I1', '--channel', 'call', '--clear', 'source', '--date', '2026-11-19']);
    expect(r.code, r.err).toBe(0);
    expect(customers()).toBe(1);
    expect(box.sql('SELECT date, kind FROM evidence')).toEqual([{ date: '2026-11-19', kind: 'customer' }]);
    expect(healthy()).toBe(true);
  });

  it('a journal the old triggers left wrong is put right by the upgrade to schema 20', () => {
    expect(box.pm(['hyp', 'add', 'Finance teams want faster exports']).code).toBe(0);
    expect(box.pm(['hyp', 'link', 'H1', 'I1', '--supports']).code).toBe(0);
    expect(box.pm(['edit', 'I1', '--channel', 'support', '--source', 'Zendesk']).code).toBe(0);
    // what schema 19's edit left (its trigger on the date copied the statement's old kind over the
    // new one), with the summaries following those copies as their triggers make them
    const db = new Database(box.db);
    db.exec("UPDATE evidence SET kind = 'customer'; UPDATE interview_contacts SET kind = 'customer'");
    db.close();
    expect(customers()).toBe(1);
    const old = new Database(box.db);
    old.pragma('user_version = 19');
    old.close();
    expect(customers()).toBe(0);
    expect(box.sql('SELECT kind FROM evidence')).toEqual([{ kind: 'indirect' }]);
    expect(healthy()).toBe(true);
  });
});

describe('pm delete', () => {
  it('needs --yes without a terminal, then removes the interview, its links and its index row', () => {
    const h = addHypothesis('Exports matter');
    const db = new Database(box.db);
    db.prepare(
      "INSERT INTO evidence (hypothesis_id, interview_id, direction, strength) VALUES (?, 1, 'supports', 'medium')",
    ).run(h);
    db.close();
    const before = box.snapshot();
    const r = box.pm(['delete', 'I1']);
    expectUsageError(r);
    expect(r.err).toMatch(/--yes/);
    expect(box.snapshot()).toBe(before);
    const ok = box.pm(['delete', 'I1', '--yes']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^Deleted I1/);
    for (const t of [
      'interviews',
      'evidence',
      'pains',
      'quotes',
      'interview_tags',
      'interview_contacts',
      'interviews_fts',
    ])
      expect(box.sql(`SELECT count(*) AS n FROM ${t}`)[0].n, t).toBe(0);
    expect(box.json(['search', 'export'])).toEqual([]);
  });

  it('never reuses an id after a delete', () => {
    box.pm(['delete', 'last', '--yes']);
    expect(box.json(['log', '--with', 'Jane Roe', '--summary', 'again']).id).toBe('I2');
  });

  it('a hypothesis with evidence needs --force; it goes with its evidence and outcomes', () => {
    const h = addHypothesis('Exports matter');
    const db = new Database(box.db);
    db.prepare(
      "INSERT INTO evidence (hypothesis_id, interview_id, direction, strength) VALUES (?, 1, 'supports', 'medium')",
    ).run(h);
    db.prepare(
      "INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES ('o1', ?, 'killed', '2026-11-19', 'meh')",
    ).run(h);
    db.close();
    const before = box.snapshot();
    const r = box.pm(['delete', `H${h}`, '--yes']);
    expectUsageError(r);
    expect(r.err).toMatch(/--force/);
    expect(box.snapshot()).toBe(before);
    expect(box.pm(['delete', `H${h}`, '--yes', '--force']).code).toBe(0);
    for (const t of ['hypotheses', 'evidence', 'outcomes'])
      expect(box.sql(`SELECT count(*) AS n FROM ${t}`)[0].n, t).toBe(0);
    expect(box.sql('SELECT count(*) AS n FROM interviews')[0].n).toBe(1);
  });

  it('a hypothesis without evidence needs only --yes; unknown ids are usage errors', () => {
    const h = addHypothesis('Lonely');
    expect(box.pm(['delete', `H${h}`, '--yes']).code).toBe(0);
    const before = box.snapshot();
    expectUsageError(box.pm(['delete', `H${h}`, '--yes']));
    expectUsageError(box.pm(['delete', 'I42', '--yes']));
    expect(box.snapshot()).toBe(before);
  });
});
