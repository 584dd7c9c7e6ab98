import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sandbox, expectUsageError, filledOnce, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const JANE = ['--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme'];

/** A hypothesis written straight into the journal (pm hyp is another command's business). */
function addHypothesis(statement: string, outcome?: 'killed' | 'invalidated' | 'validated'): string {
  if (!existsSync(box.db)) expect(box.pm(['init']).code).toBe(0);
  const db = new Database(box.db);
  const id = Number(
    db
      .prepare(
        `INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES (?, ?, '2026-11-01', '2026-12-01')`,
      )
      .run(`h-${statement}`, statement).lastInsertRowid,
  );
  if (outcome)
    db.prepare(
      `INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES (?, ?, ?, '2026-11-10', 'why')`,
    ).run(`o-${id}`, id, outcome);
  db.close();
  return `H${id}`;
}

describe('pm log, scripted', () => {
  it('logs a call and says so on one line, naming what is new', () => {
    const r = box.pm(['log', ...JANE, '--summary', 'Exports take an hour']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('Logged I1 · call with Jane Roe (Acme) on 2026-11-20\n');
    expect(r.err).toMatch(/new account: Acme/);
    expect(r.err).toMatch(/new contact: Jane Roe \(customer, Acme\)/);
    const again = box.pm(['log', ...JANE, '--summary', 'Follow-up call']);
    expect(again.out).toBe('Logged I2 · call with Jane Roe (Acme) on 2026-11-20\n');
    expect(again.err).not.toMatch(/new/);
  });

  it('--json prints the record with the export keys plus with and account', () => {
    const rec = box.json([
      'log',
      ...JANE,
      '--with',
      'Bo Li',
      '--summary',
      'Pricing',
      '--notes',
      'long notes',
      '--channel',
      'video',
      '--date',
      '2026-11-18',
      '--minutes',
      '45',
      '--pain',
      'slow export',
      '--pain',
      'no SSO:blocker',
      '--quote',
      'It takes forever',
      '--tag',
      'export',
      '--tag',
      'pricing',
      '--follow-up',
      '+1w',
      '--by',
      'Dana',
    ]);
    expect(rec).toMatchObject({
      id: 'I1',
      date: '2026-11-18',
      channel: 'video',
      by: 'Dana',
      minutes: 45,
      summary: 'Pricing',
      notes: 'long notes',
      pains: [
        { text: 'slow export', severity: 'medium' },
        { text: 'no SSO', severity: 'blocker' },
      ],
      quotes: ['It takes forever'],
      tags: ['export', 'pricing'],
      followUp: '2026-11-25',
      followUpDone: false,
      with: ['Jane Roe', 'Bo Li'],
      account: 'Acme',
    });
    for (const key of [
      'uuid',
      'id',
      'date',
      'channel',
      'contactUuids',
      'accountUuid',
      'by',
      'minutes',
      'summary',
      'notes',
      'pains',
      'quotes',
      'tags',
      'followUp',
      'followUpDone',
      'with',
      'account',
    ])
      expect(rec).toHaveProperty(key);
    expect(rec.contactUuids).toHaveLength(2);
    const stored = box.sql('SELECT uuid FROM contacts ORDER BY id').map((c) => c.uuid);
    expect(rec.contactUuids).toEqual(stored);
    expect(rec.accountUuid).toBe(box.sql('SELECT uuid FROM accounts')[0].uuid);
  });

  it('absent optional values are null or empty lists, and by defaults to user.name, else the OS user', () => {
    const rec = box.json(['log', ...JANE, '--summary', 'x']);
    expect(rec).toMatchObject({
      minutes: null,
      notes: null,
      pains: [],
      quotes: [],
      tags: [],
      followUp: null,
      by: 'tester',
    });
    box.pm(['config', 'set', 'user.name', 'Dana Lee']);
    expect(box.json(['log', ...JANE, '--summary', 'y']).by).toBe('Dana Lee');
  });

  it('accepts every date form and counts +Nd follow-ups from --date', () => {
    expect(box.json(['log', ...JANE, '--summary', 'a', '--date', 'yesterday']).date).toBe('2026-11-19');
    expect(box.json(['log', ...JANE, '--summary', 'a', '--date', 'mon']).date).toBe('2026-11-16');
    expect(box.json(['log', ...JANE, '--summary', 'a', '--date', '2w']).date).toBe('2026-11-06');
    const r = box.json(['log', ...JANE, '--summary', 'a', '--date', '3d', '--follow-up', '+2d']);
    expect([r.date, r.followUp]).toEqual(['2026-11-17', '2026-11-19']);
    expect(box.json(['log', ...JANE, '--summary', 'a', '--follow-up', 'tue']).followUp).toBe('2026-11-24');
  });

  it('says which open follow-up a later customer conversation with the same person answers', () => {
    expect(
      box.pm(['log', ...JANE, '--summary', 'first', '--date', '2026-11-10', '--follow-up', '2026-11-17']).code,
    ).toBe(0);
    // a signal from the same account answers nothing
    const signal = box.pm(['log', '--channel', 'support', '--with', 'Jane Roe', '--summary', 'a ticket']);
    expect(signal.err).not.toMatch(/answers/);
    const call = box.pm(['log', '--with', 'Jane Roe', '--summary', 'second', '--date', '2026-11-18', '--json']);
    expect(call.err).toMatch(/^answers the follow-up of I1 \(due 2026-11-17: first\)$/m);
    const text = box.pm(['log', '--with', 'Jane Roe', '--summary', 'third']);
    expect(text.code).toBe(0);
    expect(text.err).not.toMatch(/answers/); // answered already, by I3
    const r = box.pm([
      'log',
      '--with',
      'Raj <raj@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'x',
      '--date',
      '2026-11-11',
      '--follow-up',
      '+1d',
    ]);
    expect(r.code).toBe(0);
    const answer = box.pm(['log', '--with', 'raj@acme.test', '--summary', 'y', '--date', '2026-11-19']);
    expect(answer.err).toMatch(/answers the follow-up of I5 \(due 2026-11-12: x\)/);
    expect(box.json(['report']).followUps).toEqual([]);
  });

  it('pm show and the records say which conversation answered a follow-up, as the report reads it', () => {
    // a call of the same day logged before it answers nothing (one logged after it would: schema 72)
    box.pm(['log', ...JANE, '--summary', 'same day', '--date', '2026-11-10']);
    box.pm(['log', '--with', 'Jane Roe', '--summary', 'first', '--date', '2026-11-10', '--follow-up', '2026-11-12']);
    box.pm(['log', '--with', 'Raj <raj@acme.test>', '--account', 'Acme', '--summary', 'x', '--date', '2026-11-11']);
    box.pm(['log', '--with', 'Raj', '--summary', 'owed', '--date', '2026-11-11', '--follow-up', '2026-11-13']);
    // a signal answers nothing; a later customer call with Jane does
    box.pm(['log', '--channel', 'support', '--with', 'Jane Roe', '--summary', 'ticket', '--date', '2026-11-13']);
    box.pm(['log', '--with', 'Jane Roe', '--summary', 'second', '--date', '2026-11-16']);
    box.pm(['log', '--with', 'Jane Roe', '--summary', 'third', '--date', '2026-11-17']);
    expect(box.pm(['show', 'I2']).out).toMatch(/^Follow-up: 2026-11-12 · answered by I6 on 2026-11-16$/m);
    expect(box.pm(['show', 'I4']).out).toMatch(/^Follow-up: 2026-11-13$/m);
    const shown = box.json(['show', 'I2']);
    // followUpDone keeps its meaning: what pm edit --follow-up done set
    expect([shown.followUpDone, shown.followUpAnsweredBy, shown.followUpAnsweredOn]).toEqual([
      false,
      'I6',
      '2026-11-16',
    ]);
    const listed = box.json(['ls']).map((r: any) => [r.id, r.followUpAnsweredBy, r.followUpAnsweredOn]);
    expect(listed.filter((r: any[]) => r[1] !== null)).toEqual([['I2', 'I6', '2026-11-16']]);
    // the report agrees: only Raj's follow-up is due
    expect(box.json(['report']).followUps.map((f: any) => f.id)).toEqual(['I4']);
    box.pm(['edit', 'I2', '--follow-up', 'done']);
    expect(box.pm(['show', 'I2']).out).toMatch(/^Follow-up: 2026-11-12 \(done\)$/m);
  });
  it('an indirect signal may name only the account, and is not customer contact', () => {
    const r = box.pm(['log', '--channel', 'support', '--account', 'Globex', '--summary', '3 tickets about exports']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Logged I1 · support .*Globex.* on 2026-11-20 · a signal: not customer contact$/m);
    expect(box.sql('SELECT kind FROM interviews')[0].kind).toBe('indirect');
  });

  it('a meeting with stakeholders only is not customer contact; a customer joining makes it one', () => {
    box.pm(['log', '--with', 'Sal Es', '--account', 'Us', '--role', 'stakeholder', '--summary', 'pipeline review']);
    expect(box.sql('SELECT kind FROM interviews WHERE id = 1')[0].kind).toBe('stakeholder');
    box.pm(['log', ...JANE, '--summary', 'call']);
    expect(box.sql('SELECT kind FROM interviews WHERE id = 2')[0].kind).toBe('customer');
  });

  it('reads notes from stdin with --notes-file -, and from a file', () => {
    const transcript = 'Line one\nLine two — ünïcode ✓\n';
    expect(box.json(['log', ...JANE, '--summary', 'x', '--notes-file', '-'], { input: transcript }).notes).toBe(
      transcript,
    );
    const file = join(box.dir, 'notes.md');
    writeFileSync(file, '# Meeting\n- a point\n');
    expect(box.json(['log', ...JANE, '--summary', 'x', '--notes-file', file]).notes).toBe('# Meeting\n- a point\n');
  });

  it('stores text verbatim, whatever it looks like', () => {
    const odd = `'); DROP TABLE interviews; -- "quoted" *bold* NEAR(a b) \u001b[31mred`;
    const rec = box.json(['log', ...JANE, '--summary', odd, '--tag', 'Ümlaut tag']);
    expect(rec.summary).toBe(odd);
    expect(box.sql('SELECT summary FROM interviews')[0].summary).toBe(odd);
  });

  it('--tag "billing, sso" is two tags, as the prompt "Tags, comma-separated" reads it (E9)', () => {
    expect(box.json(['log', ...JANE, '--summary', 'x', '--tag', 'billing, sso', '--tag', 'export']).tags).toEqual([
      'billing',
      'sso',
      'export',
    ]);
    expect(box.json(['ls', '--tag', 'billing']).map((i: { id: string }) => i.id)).toEqual(['I1']);
    expect(box.json(['edit', 'I1', '--tag', 'sso,onboarding']).tags).toEqual(['sso', 'onboarding']);
    expect(box.json(['hyp', 'add', 'Admins want SSO', '--tag', 'sso,security']).tags).toEqual(['sso', 'security']);
    expect(box.json(['hyp', 'edit', 'H1', '--tag', 'billing, sso']).tags).toEqual(['billing', 'sso']);
    // commas alone are no tag
    const empty = box.pm(['log', ...JANE, '--summary', 'x', '--tag', ' , ']);
    expectUsageError(empty);
    expect(empty.err).toMatch(/--tag is empty/);
  });
});

describe('pm log: matching contacts and accounts', () => {
  // Jane of Acme, logged once: by the first test, copied for the others (filledOnce)
  const withJane = filledOnce((box) => expect(box.pm(['log', ...JANE, '--summary', 'first']).code).toBe(0));
  beforeEach(() => withJane(box));

  it('finds a known contact by email, whatever the name and case', () => {
    const r = box.pm(['log', '--with', 'J. Roe <JANE@ACME.TEST>', '--summary', 'by email']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/with Jane Roe \(Acme\)/);
    expect(box.sql('SELECT count(*) AS n FROM contacts')[0].n).toBe(1);
  });

  it('finds a known contact by name within the account, case-insensitively, and the account too', () => {
    const r = box.pm(['log', '--with', 'JANE ROE', '--account', 'acme', '--summary', 'by name']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/new/);
    expect(box.sql('SELECT count(*) AS n FROM contacts')[0].n).toBe(1);
    expect(box.sql('SELECT count(*) AS n FROM accounts')[0].n).toBe(1);
  });

  it('without --account, a name known in exactly one account is that contact', () => {
    expect(box.json(['log', '--with', 'jane roe', '--summary', 'x']).account).toBe('Acme');
  });

  it('a name known in several accounts is a usage error listing them', () => {
    box.pm(['log', '--with', 'Jane Roe', '--account', 'Globex', '--summary', 'other Jane']);
    const before = box.snapshot();
    const r = box.pm(['log', '--with', 'Jane Roe', '--summary', 'which one?']);
    expectUsageError(r);
    expect(r.err).toMatch(/Acme/);
    expect(r.err).toMatch(/Globex/);
    expect(box.snapshot()).toBe(before);
  });

  it('a new contact needs --account', () => {
    const before = box.snapshot();
    const r = box.pm(['log', '--with', 'Nobody Known', '--summary', 'x']);
    expectUsageError(r);
    expect(r.err).toMatch(/--account/);
    expect(box.snapshot()).toBe(before);
  });

  it('a --role or --account contradicting a known contact is a usage error pointing to pm contact set', () => {
    const before = box.snapshot();
    for (const args of [
      ['--with', 'Jane Roe <jane@acme.test>', '--account', 'Globex'],
      ['--with', 'Jane Roe', '--account', 'Acme', '--role', 'partner'],
      ['--with', 'jane@acme.test', '--role', 'stakeholder'],
    ]) {
      const r = box.pm(['log', ...args, '--summary', 'x']);
      expectUsageError(r);
      expect(r.err).toMatch(/pm contact set/);
    }
    expect(box.snapshot()).toBe(before);
  });

  it('people from two accounts in one interview are a usage error', () => {
    box.pm(['log', '--with', 'Sam Ng', '--account', 'Globex', '--summary', 'x']);
    const before = box.snapshot();
    expectUsageError(box.pm(['log', '--with', 'Jane Roe', '--with', 'Sam Ng', '--summary', 'both']));
    expect(box.snapshot()).toBe(before);
  });

  it("a colleague (a stakeholder) joins a customer's call as themselves: the account and kind stay the customer's", () => {
    box.pm(['log', '--with', 'Sam Hale', '--account', 'Our team', '--role', 'stakeholder', '--summary', 'prep']);
    const colleague = box.sql("SELECT id FROM contacts WHERE name = 'Sam Hale'")[0].id;
    // without --account: the account of the people who are not colleagues
    const joint = box.json(['log', '--with', 'Jane Roe', '--with', 'Sam Hale', '--summary', 'joint call']);
    expect([joint.account, joint.kind, joint.with]).toEqual(['Acme', 'customer', ['Jane Roe', 'Sam Hale']]);
    // with --account: the known colleague, not a new customer of the same name at Acme
    const r = box.pm(['log', '--with', 'Sam Hale', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'again']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/new contact/);
    expect(box.sql('SELECT count(*) AS n FROM contacts')[0].n).toBe(2);
    expect(box.sql('SELECT interview_id FROM interview_contacts WHERE contact_id = ?', colleague)).toHaveLength(3);
    expect(box.sql("SELECT DISTINCT kind, account_id FROM interviews WHERE summary <> 'prep'")).toEqual([
      { kind: 'customer', account_id: 1 },
    ]);
    // pm edit --account: only the customers' account stands in the way, not the colleague's
    const moved = box.pm(['edit', 'I3', '--account', 'Globex']);
    expectUsageError(moved);
    expect(moved.err).toMatch(/^pm: I3's contacts are at Acme, not Globex$/m);
    // someone new of a colleague's name at a customer: say their role
    const namesake = box.pm(['log', '--with', 'Sam Hale', '--account', 'Acme', '--role', 'customer', '--summary', 'y']);
    expect(namesake.err).toMatch(/new contact: Sam Hale \(customer, Acme\)/);
  });

  it('a colleague is taken for a bare name at a known account: an email, --role customer, a segment say new', () => {
    box.pm(['log', ...JANE, '--summary', 'a']);
    box.pm(['log', '--with', 'Ann Oh <ann@initech.test>', '--account', 'Initech', '--summary', 'a']);
    box.pm(['log', '--with', 'Bo Li <bo@hooli.test>', '--account', 'Hooli', '--summary', 'a']);
    box.pm(['log', '--with', 'Sam Hale', '--account', 'Our team', '--role', 'stakeholder', '--summary', 'b']);
    const people = () => box.sql('SELECT name, email, role, segment, persona, account_id FROM contacts ORDER BY id');
    const colleague = people()[3];
    for (const args of [
      ['--with', 'Sam Hale <sam.h@acme.test>', '--account', 'Acme'],
      ['--with', 'Sam Hale', '--account', 'Globex', '--role', 'customer'],
      ['--with', 'Sam Hale', '--account', 'Initech', '--segment', 'healthcare'],
      ['--with', 'Sam Hale', '--account', 'Hooli', '--persona', 'finance lead'],
    ]) {
      const r = box.json(['log', ...args, '--summary', 'new person']);
      expect(r.kind, args.join(' ')).toBe('customer');
      expect(people()[3], args.join(' ')).toEqual(colleague);
      expect(people().at(-1), args.join(' ')).toMatchObject({ name: 'Sam Hale', role: 'customer' });
    }
    expect(people().filter((c) => c.name === 'Sam Hale')).toHaveLength(5);
  });

  it("a colleague's bare name at a new account is refused: the colleague, or someone new there, is said (H11)", () => {
    box.pm(['log', '--with', 'Sam', '--account', 'Our team', '--role', 'stakeholder', '--summary', 'prep']);
    const before = box.snapshot();
    // it was a new customer Sam at NewCo, and the meeting about NewCo counted as customer contact
    for (const more of [[], ['--with', 'Dana Fox']]) {
      const r = box.pm(['log', '--with', 'Sam', ...more, '--account', 'NewCo', '--summary', 'NewCo deal']);
      expectUsageError(r);
      expect(r.err).toMatch(/^pm: "Sam" is your colleague Sam \(stakeholder, Our team\), and NewCo is a new account/m);
      expect(r.err).toContain(
        'hint: your colleague: --with "Sam (Our team)"; someone new at NewCo called Sam: --with "Sam" ' +
          '--account "NewCo" --role customer (or with their email)',
      );
      expect(box.snapshot()).toBe(before);
    }
    // the colleague, named as pm prints them: a meeting about NewCo, not customer contact
    const met = box.json(['log', '--with', 'Sam (Our team)', '--account', 'NewCo', '--summary', 'NewCo deal']);
    expect([met.kind, met.account, met.with]).toEqual(['stakeholder', 'NewCo', ['Sam']]);
    expect(box.sql("SELECT role, account_id FROM contacts WHERE name = 'Sam'")).toHaveLength(1);
    // someone new of that name at a new account, said with --role
    const named = box.pm(['log', '--with', 'Sam', '--account', 'Initech', '--role', 'customer', '--summary', 'x']);
    expect(named.code, named.err).toBe(0);
    expect(named.err).toMatch(/new contact: Sam \(customer, Initech\)/);
  });

  it("a new contact called by a colleague's first name is logged with a warning and the merge that undoes it", () => {
    box.pm(['log', '--with', 'Sam Lee', '--account', 'Our team', '--role', 'stakeholder', '--summary', 'prep']);
    const r = box.pm(['log', '--with', 'Sam', '--account', 'NewCo', '--summary', 'NewCo deal']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(
      'pm: warning: the new contact "Sam" (customer, NewCo) is the first name of your colleague Sam Lee ' +
        '(stakeholder, Our team); if it was them: pm contact merge "Sam (NewCo)" "Sam Lee (Our team)"',
    );
    // the merge it names makes the call what it was: a meeting with the colleague, not customer contact
    box.ok(['contact', 'merge', 'Sam (NewCo)', 'Sam Lee (Our team)', '--yes']);
    expect(box.sql("SELECT kind FROM interviews WHERE summary = 'NewCo deal'")).toEqual([{ kind: 'stakeholder' }]);
    // another first name, or a whole name, is someone new with no word of the colleague
    for (const name of ['Samir', 'Sam Ray'])
      expect(box.ok(['log', '--with', name, '--account', 'NewCo', '--summary', 'x']).err).not.toMatch(/colleague/);
  });

  it('--role is for the people met for the first time: a known customer keeps theirs, and is never duplicated', () => {
    box.pm(['log', ...JANE, '--summary', 'a']);
    const joint = ['--with', 'Jane Roe', '--with', 'New Colleague', '--role', 'stakeholder'];
    // at another account, Jane would become a second Jane Roe, a stakeholder there: refused
    const before = box.snapshot();
    const dup = box.pm(['log', ...joint, '--account', 'Our Co', '--summary', 'x']);
    expectUsageError(dup);
    expect(dup.err).toMatch(/^pm: Jane Roe is a customer at Acme; --role stakeholder would make a second Jane Roe/m);
    expect(box.snapshot()).toBe(before);
    // at her account: Jane keeps her role, the new colleague takes --role, the call is customer contact
    const r = box.json(['log', ...joint, '--account', 'Acme', '--summary', 'demo']);
    expect([r.account, r.kind, r.with]).toEqual(['Acme', 'customer', ['Jane Roe', 'New Colleague']]);
    expect(box.sql('SELECT name, role FROM contacts ORDER BY id')).toEqual([
      { name: 'Jane Roe', role: 'customer' },
      { name: 'New Colleague', role: 'stakeholder' },
    ]);
    // nobody new: a --role that contradicts a known person is still refused
    const again = box.snapshot();
    expectUsageError(box.pm(['log', '--with', 'Jane Roe', '--role', 'stakeholder', '--summary', 'y']));
    expect(box.snapshot()).toBe(again);
  });

  it('a partner is another company: a call with a customer and a partner is still logged once per company', () => {
    box.pm(['log', '--with', 'Pia Part', '--account', 'Resell Co', '--role', 'partner', '--summary', 'x']);
    const before = box.snapshot();
    expectUsageError(box.pm(['log', '--with', 'Jane Roe', '--with', 'Pia Part', '--summary', 'both']));
    expect(box.snapshot()).toBe(before);
  });
  it('a new contact in a known account gets the role given, and the account is not new', () => {
    const r = box.pm(['log', '--with', 'Pat Kim', '--account', 'ACME', '--role', 'prospect', '--summary', 'x']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/new contact: Pat Kim \(prospect, Acme\)/);
    expect(r.err).not.toMatch(/new account/);
  });
});

describe('pm log: evidence', () => {
  it('--supports and --refutes write evidence rows with their strength', () => {
    const h1 = addHypothesis('Finance wants itemised invoices');
    const h2 = addHypothesis('Teams want SSO');
    const rec = box.json([
      'log',
      ...JANE,
      '--summary',
      'x',
      '--supports',
      `${h1}:strong`,
      '--refutes',
      h2.toLowerCase(),
    ]);
    expect(rec.evidence).toEqual([
      { hypothesis: h1, direction: 'supports', strength: 'strong', basis: 'said' },
      { hypothesis: h2, direction: 'refutes', strength: 'medium', basis: 'said' },
    ]);
    expect(
      box.sql('SELECT hypothesis_id, interview_id, direction, strength FROM evidence ORDER BY hypothesis_id'),
    ).toEqual([
      { hypothesis_id: 1, interview_id: 1, direction: 'supports', strength: 'strong' },
      { hypothesis_id: 2, interview_id: 1, direction: 'refutes', strength: 'medium' },
    ]);
  });

  it('an unknown hypothesis is a usage error and nothing is written (not even a new journal)', () => {
    const r = box.pm(['log', ...JANE, '--summary', 'x', '--supports', 'H9']);
    expectUsageError(r);
    expect(r.err).toMatch(/H9/);
    expect(existsSync(box.db)).toBe(false);
    addHypothesis('one');
    const before = box.snapshot();
    expectUsageError(box.pm(['log', ...JANE, '--summary', 'x', '--supports', 'H1', '--refutes', 'H7:weak']));
    expect(box.snapshot()).toBe(before);
    expect(box.sql('SELECT count(*) AS n FROM interviews')[0].n).toBe(0);
  });

  it('evidence for a killed or invalidated hypothesis is accepted, with a warning when it supports it', () => {
    const killed = addHypothesis('Nobody needs this', 'killed');
    const invalid = addHypothesis('Wrong belief', 'invalidated');
    const r = box.pm(['log', ...JANE, '--summary', 'x', '--supports', killed, '--supports', invalid]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(new RegExp(`warning: ${killed} is killed`));
    expect(r.err).toMatch(new RegExp(`warning: ${invalid} is invalidated`));
    // refuting one confirms the decision (wave 15 H10): nothing to warn about
    const confirming = box.pm(['log', ...JANE, '--summary', 'y', '--refutes', killed, '--refutes', invalid]);
    expect(confirming.code, confirming.err).toBe(0);
    expect(confirming.err).not.toMatch(/is killed|is invalidated/);
    expect(box.sql('SELECT count(*) AS n FROM evidence')[0].n).toBe(4);
  });

  it('bad strengths, bad ids and one hypothesis both ways are usage errors', () => {
    addHypothesis('one');
    const before = box.snapshot();
    for (const args of [
      ['--supports', 'H1:huge'],
      ['--supports', 'X1'],
      ['--supports', 'H1', '--refutes', 'H1'],
    ]) {
      expectUsageError(box.pm(['log', ...JANE, '--summary', 'x', ...args]));
    }
    expect(box.snapshot()).toBe(before);
  });
});

describe('pm log: bad input is exit 2, one line, and changes nothing', () => {
  it('without a terminal and without --summary it names what is missing', () => {
    const r = box.pm(['log']);
    expectUsageError(r);
    expect(r.err).toMatch(/--summary/);
    expect(r.err).toMatch(/--with/);
    const r2 = box.pm(['log', '--with', 'Jane']);
    expectUsageError(r2);
    expect(r2.err).toMatch(/--summary/);
    expect(r2.err).not.toMatch(/needs .*--with/);
    expectUsageError(box.pm(['log', '--summary', 'who?']));
    expect(existsSync(box.db)).toBe(false);
  });

  it('refuses bad dates, channels, roles, minutes, and text over its limit', () => {
    box.pm(['log', ...JANE, '--summary', 'first']);
    const before = box.snapshot();
    const cases: string[][] = [
      ['--date', 'someday'],
      ['--date', '2026-02-30'],
      ['--follow-up', '3d'],
      ['--channel', 'telepathy'],
      ['--role', 'boss'],
      ['--minutes', 'ten'],
      ['--minutes', '-5'],
      ['--summary', 'x'.repeat(1001)],
      ['--pain', 'p'.repeat(501)],
      ['--quote', 'q'.repeat(501)],
      ['--tag', 't'.repeat(501)],
      ['--with', 'N'.repeat(501)],
      ['--account', 'A'.repeat(501)],
      ['--tag', ''],
      ['--notes', 'a', '--notes-file', '-'],
      ['--notes-file', join(box.dir, 'missing.txt')],
    ];
    for (const extra of cases) {
      const args = ['log', ...JANE, '--summary', 'ok', ...extra];
      const r = box.pm(args);
      expectUsageError(r);
      expect(r.err.split('\n').filter((l) => l.startsWith('pm: '))).toHaveLength(1);
    }
    expect(box.snapshot()).toBe(before);
  });

  it('a summary of exactly 1,000 characters is fine (counted in characters, not bytes)', () => {
    expect(box.pm(['log', ...JANE, '--summary', 'é'.repeat(1000)]).code).toBe(0);
  });

  it('refuses invalid UTF-8 and NUL bytes in notes from stdin, and notes over 5 MB', () => {
    box.pm(['log', ...JANE, '--summary', 'first']);
    const before = box.snapshot();
    for (const input of [
      Buffer.from([0x61, 0xff, 0xfe, 0x62]),
      Buffer.from('a\u0000b'),
      Buffer.alloc(5 * 1024 * 1024 + 1, 0x61),
    ]) {
      const r = box.pm(['log', ...JANE, '--summary', 'x', '--notes-file', '-'], { input });
      expectUsageError(r);
    }
    expect(box.snapshot()).toBe(before);
  });
});

describe('pm ls --json', () => {
  it('prints every interview as the same record, newest first (date, then id)', () => {
    box.pm(['log', ...JANE, '--summary', 'older', '--date', '2026-11-10']);
    box.pm(['log', ...JANE, '--summary', 'newer A', '--date', '2026-11-19']);
    box.pm(['log', '--with', 'Sam Ng', '--account', 'Globex', '--summary', 'newer B', '--date', '2026-11-19']);
    const list = box.json(['ls']);
    expect(list.map((r: any) => r.summary)).toEqual(['newer B', 'newer A', 'older']);
    const one = box.json(['log', ...JANE, '--summary', 'same shape']);
    expect(box.json(['ls'])[0]).toEqual(one);
  });
});

describe('pm log without what it needs, off a terminal', () => {
  it('names the way to be asked that works: a terminal, no --json, output not piped (fresh-eyes wave 10 E23)', () => {
    const r = box.pm(['log', '--json']);
    expectUsageError(r);
    expect(r.err).toContain('pm log needs --summary');
    expect(r.err).toContain('run pm log without --summary at a terminal, without --json and with its output not piped');
  });

  it('its example is the call being logged: the --with, --account and --summary given (fresh-eyes wave 16 H11)', () => {
    const r = box.pm(['log', '--with', 'Raj Patel', '--account', 'Acme Inc']);
    expectUsageError(r);
    expect(r.err).toContain('try: pm log --with "Raj Patel" --account "Acme Inc" --summary "what you learned"  (or');
    expect(box.pm(['log', '--summary', 'Exports hurt']).err).toContain(
      'try: pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "Exports hurt"  (or',
    );
  });

  it('with --summary given, names it as the reason nothing is asked (fresh-eyes wave 11 E17)', () => {
    const r = box.pm(['log', '--summary', 'only the summary given']);
    expectUsageError(r);
    expect(r.err).toContain('pm log needs --with (who you talked to)');
    expect(r.err).toMatch(/to be asked, run pm log without --summary/);
  });
});

// fresh-eyes wave 11 E4: two customers written the natural way became one new contact
describe('pm log --with of known people joined by , & + or and', () => {
  const ok = (args: string[]) => expect(box.pm(args).code, args.join(' ')).toBe(0);
  it('is refused with how to log several people; one name with "and" in it, or an email, is a person', () => {
    ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'a']);
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'b']);
    const before = box.snapshot();
    for (const joined of [
      'Jane Roe, Raj Patel',
      'Jane Roe & Raj Patel',
      'jane roe and Raj Patel',
      'Jane Roe+Raj Patel',
    ]) {
      for (const extra of [[], ['--account', 'Acme']]) {
        const r = box.pm(['log', '--with', joined, ...extra, '--summary', 'joint']);
        expect(r.code, joined).toBe(2);
        expect(r.err, joined).toMatch(
          /^pm: ".*" names 2 known contacts; pm logs each person apart\nhint: repeat --with/m,
        );
      }
    }
    expect(box.pm(['edit', 'I1', '--with', 'Jane Roe, Raj Patel']).code).toBe(2);
    expect(box.snapshot()).toBe(before);
    // the way the hint says
    ok(['log', '--with', 'Jane Roe', '--with', 'Raj Patel', '--summary', 'joint']);
    // not a list of known people: a new person as before
    ok(['log', '--with', 'Sandra Anderson', '--account', 'Acme', '--summary', 'c']);
    ok(['log', '--with', 'Jane Roe, CFO', '--account', 'Acme', '--summary', 'd']);
  });
});
