// pm hyp end to end: every command, the evidence rules through pm log, and every illegal move.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { sandbox, expectUsageError, filledOnce, type Sandbox } from '../helpers.js';
import { UUID_RE } from '../../src/core/uuid.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ok = (args: string[]) => box.ok(args);

/** pm log as a script would run it: one person of one account. */
function logged(who: string, account: string, summary: string, more: string[] = []): void {
  ok(['log', '--with', who, '--account', account, '--summary', summary, ...more]);
}

/** A failing command: usage error, the message matches, and the journal did not change. */
function refused(args: string[], message: RegExp, hint?: RegExp): void {
  const before = box.snapshot();
  const r = box.pm(args);
  expectUsageError(r);
  expect(r.err).toMatch(message);
  if (hint) expect(r.err).toMatch(hint);
  expect(box.snapshot()).toBe(before);
}

/** Run checks against a sandbox whose journal does not exist. */
function withEmptyJournal(check: (empty: Sandbox) => void): void {
  const empty = sandbox();
  try {
    check(empty);
    expect(existsSync(empty.db)).toBe(false);
  } finally {
    empty.cleanup();
  }
}

const RECORD_KEYS = [
  'uuid',
  'id',
  'statement',
  'kind',
  'criteria',
  'createdOn',
  'decideBy',
  'tags',
  'revisions',
  'status',
  'ageDays',
  'supports',
  'refutes',
  'customersSupporting',
  'customersRefuting',
  'lastEvidence',
  'flags',
];

describe('pm hyp add', () => {
  it('says the whole statement it saved, however narrow the terminal', () => {
    // the confirmation is where the PM checks what was saved, as pm log and pm hyp kill print theirs
    // (it was cut mid-word: "mid-sized logisti…", fresh-eyes wave 17 H2)
    const long = 'Finance leads at mid-sized logistics firms will pay for automatic invoice matching';
    expect(box.spawn(['hyp', 'add', long], { env: { COLUMNS: '80' } }).out).toBe(
      `Added H1 · value · decide by 2026-12-18: ${long}\n`,
    );
  });

  it('adds a hypothesis and says so; --json prints the record', () => {
    const r = ok(['hyp', 'add', 'Finance teams want itemised invoices', '--criteria', '3 of 5 finance leads say yes']);
    expect(r.out).toBe('Added H1 · value · decide by 2026-12-18: Finance teams want itemised invoices\n');
    const rec = box.json([
      'hyp',
      'add',
      'Admins will pay for SSO',
      '--kind',
      'Viability',
      '--tag',
      'enterprise',
      '--tag',
      'sso',
      '--date',
      '2026-11-10',
      '--decide-by',
      '+2w',
    ]);
    for (const key of RECORD_KEYS) expect(rec).toHaveProperty(key);
    expect(rec).toMatchObject({
      id: 'H2',
      statement: 'Admins will pay for SSO',
      kind: 'viability',
      criteria: null,
      createdOn: '2026-11-10',
      decideBy: '2026-11-24',
      tags: ['enterprise', 'sso'],
      revisions: [],
      status: 'open',
      ageDays: 10,
      supports: 0,
      refutes: 0,
      customersSupporting: 0,
      customersRefuting: 0,
      lastEvidence: null,
      flags: ['decide-soon', 'no-evidence'], // decide by in 4 days
    });
    expect(rec.uuid).toMatch(UUID_RE);
    expect(rec.uuid[14]).toBe('7');
  });

  it('defaults decide-by to --date + hypothesis.decideDays', () => {
    ok(['config', 'set', 'hypothesis.decideDays', '10']);
    expect(box.json(['hyp', 'add', 'X', '--date', '2026-11-02']).decideBy).toBe('2026-11-12');
  });

  it('the record is printed the same way by every hyp command', () => {
    const added = box.json(['hyp', 'add', 'Finance teams want itemised invoices']);
    const listed = box.json(['hyp', 'list'])[0];
    const { evidence, outcomes, ...shown } = box.json(['hyp', 'show', 'H1']);
    expect(box.json(['show', 'h1'])).toEqual({ ...shown, evidence, outcomes });
    expect(box.pm(['show', 'H1']).out).toBe(box.pm(['hyp', 'show', 'H1']).out);
    expect(listed).toEqual(added);
    expect(shown).toEqual(added);
    expect(evidence).toEqual([]);
    expect(outcomes).toEqual([]);
  });

  it('warns, without refusing, when the statement resembles a killed or invalidated hypothesis', () => {
    ok(['hyp', 'add', 'We believe finance teams want itemised invoices', '--date', '2026-10-01']);
    ok(['hyp', 'kill', 'H1', '--reason', 'only Acme asked', '--date', '2026-10-15']);
    const r = ok(['hyp', 'add', 'Finance teams need itemised invoices']);
    expect(r.out).toMatch(/^Added H2/);
    expect(r.err).toMatch(/^pm: warning: H2 resembles H1 \(killed 2026-10-15: only Acme asked\)/m);
    const unrelated = ok(['hyp', 'add', 'Admins will pay for SSO']);
    expect(unrelated.err).toBe('');
    // an open look-alike is no graveyard (the same belief again is warned about otherwise: E7)
    const open = ok(['hyp', 'add', 'Admins would pay for SSO audit logs']);
    expect(open.err).toBe('');
  });

  it('refuses bad input and writes nothing', () => {
    ok(['init']);
    refused(['hyp', 'add'], /a statement is required/, /try: pm hyp add/);
    refused(
      ['hyp', 'add', 'X', '--kind', 'desirability'],
      /--kind: "desirability" is not a kind/,
      /value, usability, feasibility, viability/,
    );
    refused(['hyp', 'add', 'X', '--date', 'someday'], /--date: "someday" is not a date/);
    refused(['hyp', 'add', 'X', '--date', '2026-11-21'], /in the future/);
    refused(['hyp', 'add', 'X', '--decide-by', '3d'], /--decide-by: "3d" is not a date/, /\+3d/);
    refused(
      ['hyp', 'add', 'X', '--date', '2026-11-10', '--decide-by', '2026-11-09'],
      /before the hypothesis was created/,
    );
    refused(['hyp', 'add', 'x'.repeat(1001)], /statement is longer than 1000 characters/);
    refused(['hyp', 'add', '   '], /statement is empty/);
    refused(['hyp', 'add', 'X', '--tag', 't'.repeat(501)], /tag is longer than 500/);
  });

  it('stores text verbatim and never prints control characters raw', () => {
    const statement = "'; DROP TABLE hypotheses; -- \u001b[31mred\u001b[0m";
    const r = ok(['hyp', 'add', statement]);
    expect(r.out).not.toContain('\u001b');
    expect(box.json(['hyp', 'show', 'H1']).statement).toBe(statement);
  });
});

describe('pm hyp edit', () => {
  it('changes the fields given; tags replace the list', () => {
    ok(['hyp', 'add', 'X', '--tag', 'a', '--date', '2026-11-10']);
    const r = ok([
      'hyp',
      'edit',
      'h1',
      '--statement',
      'Y',
      '--kind',
      'usability',
      '--decide-by',
      '2026-12-01',
      '--tag',
      'b',
      '--tag',
      'c',
    ]);
    expect(r.out).toBe('Edited H1 · statement, kind, decide-by, tags\n');
    expect(box.json(['hyp', 'show', 'H1'])).toMatchObject({
      statement: 'Y',
      kind: 'usability',
      decideBy: '2026-12-01',
      tags: ['b', 'c'],
      revisions: [],
    });
    ok(['hyp', 'edit', 'H1', '--criteria', '']);
    expect(box.json(['hyp', 'show', 'H1']).criteria).toBeNull();
  });

  it('once evidence is linked, the statement and criterion need --force and each change is a revision', () => {
    ok(['hyp', 'add', 'Finance teams want itemised invoices', '--criteria', '3 of 5 say yes', '--date', '2026-11-01']);
    logged('Ann', 'Acme', 'Wants line items', ['--supports', 'H1']);
    refused(
      ['hyp', 'edit', 'H1', '--criteria', '2 of 5 say yes'],
      /H1 already has evidence; changing its statement or criterion needs --force/,
      /--force/,
    );
    refused(['hyp', 'edit', 'H1', '--statement', 'Other'], /needs --force/);
    // other fields move freely
    ok(['hyp', 'edit', 'H1', '--decide-by', '+1w']);
    ok([
      'hyp',
      'edit',
      'H1',
      '--criteria',
      '2 of 5 say yes',
      '--statement',
      'Finance leads want itemised invoices',
      '--force',
    ]);
    const rec = box.json(['hyp', 'show', 'H1']);
    expect(rec.criteria).toBe('2 of 5 say yes');
    expect(rec.decideBy).toBe('2026-11-27');
    expect(rec.revisions).toEqual([
      {
        date: '2026-11-20',
        field: 'statement',
        before: 'Finance teams want itemised invoices',
        after: 'Finance leads want itemised invoices',
      },
      { date: '2026-11-20', field: 'criteria', before: '3 of 5 say yes', after: '2 of 5 say yes' },
    ]);
    const text = ok(['hyp', 'show', 'H1']).out;
    expect(text).toMatch(
      /Revisions\n.*2026-11-20 {2}statement: "Finance teams want itemised invoices" → "Finance leads want itemised invoices"/,
    );
    expect(text).toMatch(/2026-11-20 {2}criterion: "3 of 5 say yes" → "2 of 5 say yes"/);
  });

  it('refuses nothing to change, unknown ids and bad values', () => {
    ok(['hyp', 'add', 'X', '--date', '2026-11-10']);
    refused(['hyp', 'edit', 'H1'], /nothing to change/);
    refused(['hyp', 'edit', 'H9', '--kind', 'value'], /unknown hypothesis H9/, /try: pm hyp list --status all/);
    refused(['hyp', 'edit', 'X1', '--kind', 'value'], /not a hypothesis id/, /try: pm hyp list --status all/);
    refused(['hyp', 'edit', 'H1', '--decide-by', '2026-11-01'], /before the hypothesis was created \(2026-11-10\)/);
  });
});

describe('pm hyp list', () => {
  // three hypotheses, the third killed: made by the first test, copied for the others (filledOnce)
  const three = filledOnce(() => {
    ok(['hyp', 'add', 'Finance teams want itemised invoices', '--tag', 'Billing', '--date', '2026-11-01']);
    ok(['hyp', 'add', 'Admins will pay for SSO', '--date', '2026-11-01']);
    ok(['hyp', 'add', 'Dark mode matters', '--date', '2026-11-01']);
    ok(['hyp', 'kill', 'H3', '--reason', 'nobody asked']);
  });
  beforeEach(() => three(box));

  it('shows open ones by default; --status and --tag filter', () => {
    expect(box.json(['hyp', 'list']).map((h: any) => h.id)).toEqual(['H1', 'H2']);
    expect(box.json(['hyp', 'list', '--status', 'killed']).map((h: any) => h.id)).toEqual(['H3']);
    expect(box.json(['hyp', 'list', '--status', 'all']).map((h: any) => h.id)).toEqual(['H1', 'H2', 'H3']);
    expect(box.json(['hyp', 'list', '--status', 'validated'])).toEqual([]);
    expect(box.json(['hyp', 'list', '--tag', 'billing']).map((h: any) => h.id)).toEqual(['H1']);
    expect(box.json(['hypothesis', 'list', '--status', 'all', '--tag', 'nope'])).toEqual([]);
    refused(
      ['hyp', 'list', '--status', 'closed'],
      /--status: "closed" is not a status/,
      /open, validated, invalidated, killed, all/,
    );
  });

  // eyes2 wave 11 F1, F3: "p,q" found nothing (one tag no writer can store), "" listed them all
  it('--tag reads a comma list as pm hyp add writes it (both tags), and refuses an empty one', () => {
    ok(['hyp', 'add', 'Controllers want approvals by email', '--tag', 'billing,Approvals']);
    expect(box.json(['hyp', 'list', '--tag', 'approvals,BILLING']).map((h: any) => h.id)).toEqual(['H4']);
    expect(box.json(['hyp', 'list', '--tag', 'billing']).map((h: any) => h.id)).toEqual(['H1', 'H4']);
    expect(box.json(['hyp', 'list', '--tag', 'billing,sso'])).toEqual([]);
    expect(box.pm(['hyp', 'list', '--tag', 'billing,sso']).out).toMatch(/No open hypotheses tagged billing and sso/);
    refused(['hyp', 'list', '--tag', ''], /pm: --tag is empty/);
  });

  it('a decided hypothesis carries its decision and raises no flags', () => {
    const h3 = box.json(['hyp', 'list', '--status', 'killed'])[0];
    expect(h3).toMatchObject({
      status: 'killed',
      flags: [],
      decision: { outcome: 'killed', date: '2026-11-20', reason: 'nobody asked' },
    });
  });

  it('prints an aligned table that fits the width, the flags under a row when the statement needs the room', () => {
    ok([
      'hyp',
      'edit',
      'H2',
      '--statement',
      'Admins of large companies will pay for single sign-on as soon as their security team asks for it',
    ]);
    // not a terminal: COLUMNS gives the width
    const listed = box.pm(['hyp', 'list'], { env: { COLUMNS: '100' } });
    expect(listed.code, listed.err).toBe(0);
    const lines = listed.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +STATEMENT +KIND +AGE +SUP\/REF +CUST +LAST EV +CONFIDENCE +DECIDE BY$/);
    // the statement gets the room (cut after a whole word), the flags move under their row
    expect(lines[1]).toMatch(/^H1 +Finance teams want .*\S +value +19d +0\/0 +0\/0 +— +none +11-29$/);
    expect(lines[2]).toMatch(/^ {4}flags stale, no-evidence$/);
    expect(lines[3]).toMatch(/^H2 +Admins of large companies will pay… +value/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    // columns line up
    expect(lines[1].indexOf('value')).toBe(lines[3].indexOf('value'));
  });

  it('says when there is nothing to list, and never creates a journal to say it', () => {
    withEmptyJournal((empty) => {
      const r = empty.pm(['hyp', 'list']);
      expect(r.code).toBe(0);
      expect(r.out).toBe('No open hypotheses.\n');
      expect(empty.json(['hyp', 'list', '--status', 'all'])).toEqual([]);
    });
  });
});

describe('evidence as a PM would trust it', () => {
  // H1, made by the first test, copied for the others (filledOnce)
  const h1 = filledOnce(() => ok(['hyp', 'add', 'Finance teams want itemised invoices', '--date', '2026-11-01']));
  beforeEach(() => h1(box));

  it('ready to validate: validateAt distinct customers from two accounts, none refuting', () => {
    logged('Ann', 'Acme', 'Wants line items', ['--supports', 'H1:strong', '--date', '2026-11-02']);
    logged('Ann', 'Acme', 'Still wants line items', ['--supports', 'H1', '--date', '2026-11-09']);
    logged('Bob', 'Acme', 'Same', ['--supports', 'H1', '--date', '2026-11-10']);
    let h = box.json(['hyp', 'show', 'H1']);
    expect(h).toMatchObject({ supports: 3, customersSupporting: 2, accountsSupporting: 1 });
    expect(h.flags).not.toContain('ready-to-validate');
    logged('Cy', 'Initech', 'Needs it for audit', ['--supports', 'H1', '--date', '2026-11-12']);
    h = box.json(['hyp', 'show', 'H1']);
    expect(h).toMatchObject({
      supports: 4,
      customersSupporting: 3,
      accountsSupporting: 2,
      lastEvidence: '2026-11-12',
      flags: ['ready-to-validate'],
    });
  });

  it('stakeholders and second-hand signals are shown apart and never count', () => {
    logged('Sam', 'Acme', 'Sales says everyone asks', ['--role', 'stakeholder', '--supports', 'H1']);
    ok(['log', '--account', 'Globex', '--channel', 'review', '--summary', 'G2 review asks for it', '--supports', 'H1']);
    const h = box.json(['hyp', 'show', 'H1']);
    expect(h).toMatchObject({ supports: 0, customersSupporting: 0, otherSupports: 2, flags: ['stale', 'no-evidence'] });
    expect(h.evidence.map((e: any) => [e.interviewId, e.counts])).toEqual([
      ['I1', false],
      ['I2', false],
    ]);
    const text = ok(['hyp', 'show', 'H1']).out;
    expect(text).toMatch(/I1 .*call · Sam \(Acme\) +\[no customer present: not counted\]\n +Sales says everyone asks/);
    expect(text).toMatch(/I2 .*review · Globex +\[second-hand: not counted\]\n +G2 review asks for it/);
    expect(ok(['hyp', 'list']).out).toMatch(/2ND-HAND[\s\S]*H1 .* 0\/0 +0\/0 +2\/0 /);
  });

  it('ready to kill at killAt distinct refuting customers', () => {
    logged('Ann', 'Acme', 'Never reads invoices', ['--refutes', 'H1']);
    logged('Bob', 'Initech', 'Exports to Excel', ['--refutes', 'H1:weak']);
    const h = box.json(['hyp', 'show', 'H1']);
    expect(h).toMatchObject({ refutes: 2, customersRefuting: 2, flags: ['ready-to-kill'] });
    expect(h.evidence.map((e: any) => e.strength)).toEqual(['medium', 'weak']);
  });
});

describe('pm hyp show', () => {
  it('shows statement, criterion, dates, flags, a timeline of evidence and outcomes, and the reasons', () => {
    ok([
      'hyp',
      'add',
      'Finance teams want itemised invoices',
      '--criteria',
      '3 of 5 say yes',
      '--date',
      '2026-11-01',
      '--tag',
      'billing',
    ]);
    logged('Ann <ann@acme.test>', 'Acme', 'Wants itemised invoices badly', [
      '--supports',
      'H1:strong',
      '--date',
      '2026-11-02',
    ]);
    ok(['hyp', 'kill', 'H1', '--reason', 'one account only', '--date', '2026-11-05']);
    ok(['hyp', 'reopen', 'H1', '--reason', 'Initech asked too', '--date', '2026-11-06']);
    const out = ok(['hyp', 'show', 'h1']).out;
    expect(out).toContain('H1  Finance teams want itemised invoices\n');
    expect(out).toMatch(/Status +open · value risk/);
    expect(out).toMatch(/Criterion +3 of 5 say yes/);
    expect(out).toMatch(/Created +2026-11-01 \(19 days ago\)/);
    expect(out).toMatch(/Decide by +2026-12-04 \(in 14 days\)/); // reopened on 2026-11-06: + 28 days
    expect(out).toMatch(/Tags +billing/);
    // reopened 14 days ago: its stale clock runs from the reopening (not yet more than 14 days)
    expect(out).toMatch(/Flags +none\n\nTimeline/);
    expect(out).toMatch(
      /Timeline\n {2}2026-11-02 {2}I1 +supports {2}strong {2}call · Ann \(Acme\)\n +Wants itemised invoices badly\n {2}2026-11-05 {2}killed: one account only\n {2}2026-11-06 {2}reopened: Initech asked too/,
    );
    const json = box.json(['hyp', 'show', 'H1']);
    expect(json.evidence).toEqual([
      expect.objectContaining({
        interviewId: 'I1',
        date: '2026-11-02',
        with: ['Ann'],
        account: 'Acme',
        direction: 'supports',
        strength: 'strong',
        summary: 'Wants itemised invoices badly',
        counts: true,
      }),
    ]);
    expect(json.outcomes.map((o: any) => [o.outcome, o.date, o.reason])).toEqual([
      ['killed', '2026-11-05', 'one account only'],
      ['reopened', '2026-11-06', 'Initech asked too'],
    ]);
    for (const o of json.outcomes) expect(o.uuid).toMatch(UUID_RE);
  });

  it('an unknown id is a usage error with a hint', () => {
    refused(['hyp', 'show', 'H4'], /^pm: unknown hypothesis H4$/m, /^try: pm hyp list --status all$/m);
    refused(['hyp', 'show', 'I4'], /not a hypothesis id/, /try: pm hyp list --status all/);
  });
});

describe('outcomes', () => {
  beforeEach(() => {
    ok(['hyp', 'add', 'X', '--date', '2026-11-01']);
  });

  it('validate, invalidate, kill and reopen: the status is the latest outcome', () => {
    expect(ok(['hyp', 'validate', 'H1', '--reason', '4 of 5 asked', '--date', '2026-11-10']).out).toBe(
      'Validated H1 on 2026-11-10 — 4 of 5 asked\n',
    );
    expect(box.json(['hyp', 'show', 'H1']).status).toBe('validated');
    expect(box.json(['hyp', 'reopen', 'H1', '--reason', 'churned anyway', '--date', '2026-11-12']).status).toBe('open');
    expect(box.json(['hyp', 'invalidate', 'H1', '--reason', 'they use Excel', '--date', '2026-11-12']).status).toBe(
      'invalidated',
    );
    ok(['hyp', 'reopen', 'H1', '--reason', 'new segment']);
    const killed = box.json(['hyp', 'kill', 'H1', '--reason', 'out of strategy', '--date', 'today']);
    expect(killed).toMatchObject({
      status: 'killed',
      decision: { outcome: 'killed', date: '2026-11-20', reason: 'out of strategy' },
    });
    expect(box.sql('SELECT status FROM hypotheses')[0].status).toBe('killed');
    expect(box.sql('SELECT count(*) AS n FROM outcomes')[0].n).toBe(5);
  });

  it('reopen sets a new decide-by: the reopen date + hypothesis.decideDays, or --decide-by', () => {
    ok(['hyp', 'validate', 'H1', '--reason', 'yes', '--date', '2026-11-10']);
    // the old decide-by (2026-11-29) stays until a reopening, which starts a new time box
    const reopened = ok(['hyp', 'reopen', 'H1', '--reason', 'a customer refuted it', '--date', '2026-11-12']);
    expect(reopened.out).toBe(
      'Reopened H1 on 2026-11-12: open again, decide by 2026-12-10 (it was 2026-11-29) — a customer refuted it\n',
    );
    expect(box.json(['hyp', 'show', 'H1']).decideBy).toBe('2026-12-10');
    ok(['config', 'set', 'hypothesis.decideDays', '14']);
    ok(['hyp', 'kill', 'H1', '--reason', 'no', '--date', '2026-11-13']);
    expect(box.json(['hyp', 'reopen', 'H1', '--reason', 'again']).decideBy).toBe('2026-12-04'); // today + 14
    ok(['hyp', 'kill', 'H1', '--reason', 'no']);
    // +2w counts from --date, as pm hyp add does
    expect(box.json(['hyp', 'reopen', 'H1', '--reason', 'again', '--decide-by', '+2w']).decideBy).toBe('2026-12-04');
    ok(['hyp', 'kill', 'H1', '--reason', 'no']);
    expect(box.json(['hyp', 'reopen', 'H1', '--reason', 'again', '--decide-by', '2027-01-15']).flags).not.toContain(
      'past-decide-by',
    );
    ok(['hyp', 'kill', 'H1', '--reason', 'no']);
    refused(
      ['hyp', 'reopen', 'H1', '--reason', 'x', '--decide-by', '2026-11-19'],
      /--decide-by 2026-11-19 is before the reopening \(2026-11-20\)/,
    );
    refused(['hyp', 'kill', 'H1', '--reason', 'x', '--decide-by', '+1w'], /unknown option '--decide-by'/);
  });

  it('refuses the moves the rules forbid, naming the fix, and writes nothing', () => {
    refused(['hyp', 'reopen', 'H1', '--reason', 'x'], /H1 is already open/);
    ok(['hyp', 'kill', 'H1', '--reason', 'no', '--date', '2026-11-10']);
    refused(
      ['hyp', 'validate', 'H1', '--reason', 'x'],
      /H1 was killed on 2026-11-10; it cannot be validated before it is reopened/,
      /try: pm hyp reopen H1 --reason/,
    );
    refused(['hyp', 'invalidate', 'H1', '--reason', 'x'], /cannot be invalidated before it is reopened/);
    refused(['hyp', 'kill', 'H1', '--reason', 'x'], /cannot be killed before it is reopened/);
    refused(
      ['hyp', 'reopen', 'H1', '--reason', 'x', '--date', '2026-11-09'],
      /last decided on 2026-11-10 \(killed\); an outcome cannot be dated before that/,
      /try: --date 2026-11-10 or later/,
    );
    ok(['hyp', 'reopen', 'H1', '--reason', 'same day is fine', '--date', '2026-11-10']);
    refused(['hyp', 'validate', 'H1', '--reason', 'x', '--date', '2026-10-31'], /before that/);
  });

  it('needs a reason, a past date and a known hypothesis', () => {
    refused(['hyp', 'kill', 'H1'], /needs --reason/, /try: pm hyp kill H1 --reason/);
    refused(['hyp', 'kill', 'H1', '--reason', ' '], /needs --reason/);
    refused(['hyp', 'kill', 'H1', '--reason', 'r'.repeat(1001)], /reason is longer than 1000/);
    refused(['hyp', 'kill', 'H1', '--reason', 'x', '--date', 'tomorrow'], /--date: "tomorrow" is in the future/);
    refused(['hyp', 'kill', 'H1', '--reason', 'x', '--date', '2026-12-01'], /in the future/);
    refused(['hyp', 'kill', 'H2', '--reason', 'x'], /unknown hypothesis H2/, /try: pm hyp list --status all/);
  });

  it('an unknown id on a journal that does not exist yet creates nothing', () => {
    withEmptyJournal((empty) => {
      expectUsageError(empty.pm(['hyp', 'kill', 'H1', '--reason', 'x']));
      expectUsageError(empty.pm(['hyp', 'link', 'H1', 'I1', '--supports']));
      expectUsageError(empty.pm(['hyp', 'edit', 'H1', '--kind', 'value']));
      expectUsageError(empty.pm(['hyp', 'show', 'H1']));
    });
  });
});

describe('pm hyp link / unlink', () => {
  // H1 and two calls not linked to it: made by the first test, copied for the others (filledOnce)
  const unlinked = filledOnce(() => {
    ok(['hyp', 'add', 'Finance teams want itemised invoices', '--date', '2026-11-01']);
    logged('Ann', 'Acme', 'Wants line items', ['--date', '2026-11-02']);
    logged('Bob', 'Initech', 'Exports to Excel', ['--date', '2026-11-03']);
  });
  beforeEach(() => unlinked(box));

  it('adds evidence after the fact; linking again updates it and says so', () => {
    expect(ok(['hyp', 'link', 'H1', 'I1', '--supports']).out).toBe('Linked I1 to H1: supports (medium)\n');
    expect(ok(['hyp', 'link', 'h1', 'i1', '--refutes', '--strength', 'strong']).out).toBe(
      'Updated evidence: I1 now refutes H1 (strong), was supports (medium)\n',
    );
    expect(ok(['hyp', 'link', 'H1', 'I1', '--supports']).out).toBe(
      'Updated evidence: I1 now supports H1 (strong), was refutes (strong)\n',
    );
    expect(ok(['hyp', 'link', 'H1', 'I1', '--supports']).out).toBe(
      'I1 already supports H1 (strong); nothing changed\n',
    );
    const rec = box.json(['hyp', 'link', 'H1', 'last', '--supports', '--strength', 'weak']);
    expect(rec).toMatchObject({ id: 'H1', supports: 2, customersSupporting: 2 });
    expect(box.sql('SELECT interview_id, direction, strength FROM evidence ORDER BY interview_id')).toEqual([
      { interview_id: 1, direction: 'supports', strength: 'strong' },
      { interview_id: 2, direction: 'supports', strength: 'weak' },
    ]);
  });

  it('unlinks', () => {
    ok(['hyp', 'link', 'H1', 'I1', '--supports']);
    expect(ok(['hyp', 'unlink', 'H1', 'I1']).out).toBe('Unlinked I1 from H1\n');
    expect(box.json(['hyp', 'show', 'H1']).evidence).toEqual([]);
    refused(['hyp', 'unlink', 'H1', 'I1'], /I1 is not linked to H1/, /try: pm hyp show H1/);
  });

  it('warns when the hypothesis was killed or invalidated, and links anyway', () => {
    ok(['hyp', 'kill', 'H1', '--reason', 'no', '--date', '2026-11-05']);
    const r = ok(['hyp', 'link', 'H1', 'I2', '--supports']);
    expect(r.err).toMatch(/^pm: warning: H1 was killed on 2026-11-05/m);
    expect(box.sql('SELECT count(*) AS n FROM evidence')[0].n).toBe(1);
  });

  it('refuses a missing or double direction, a bad strength, unknown ids', () => {
    refused(['hyp', 'link', 'H1', 'I1'], /--supports or --refutes/);
    refused(['hyp', 'link', 'H1', 'I1', '--supports', '--refutes'], /not both/);
    refused(
      ['hyp', 'link', 'H1', 'I1', '--supports', '--strength', 'huge'],
      /--strength: "huge" is not a strength/,
      /weak, medium, strong/,
    );
    refused(['hyp', 'link', 'H1', 'I9', '--supports'], /I9/);
    refused(['hyp', 'link', 'H7', 'I1', '--supports'], /unknown hypothesis H7/, /try: pm hyp list --status all/);
    refused(['hyp', 'unlink', 'H7', 'I1'], /unknown hypothesis H7/);
  });
});

describe('help', () => {
  it('every hyp command has examples and pm hypothesis is an alias', () => {
    for (const cmd of ['add', 'edit', 'list', 'show', 'validate', 'invalidate', 'kill', 'reopen', 'link', 'unlink']) {
      const r = box.pm(['hyp', cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Examples:\n {2}pm hyp/);
    }
    expect(box.pm(['hypothesis', '--help']).out).toMatch(/Examples:/);
  });
});

describe('pm hyp show of a decided hypothesis with links since (what the report sends the user to see)', () => {
  it('names the late interviews and the way out, as the report flags them; a link before the decision raises nothing', () => {
    ok(['hyp', 'add', 'Teams want a scheduled export', '--date', '2026-10-01']);
    ok(['hyp', 'add', 'Admins invite in bulk', '--date', '2026-10-01']);
    logged('Ann Lee', 'Acme', 'wants exports', ['--date', '2026-10-05', '--supports', 'H1', '--supports', 'H2']);
    ok(['hyp', 'kill', 'H1', '--reason', 'nobody pays', '--date', '2026-10-10']);
    ok(['hyp', 'validate', 'H2', '--reason', 'seen', '--date', '2026-10-10']);
    // before any link after the decisions: no flag on either
    expect(box.json(['hyp', 'show', 'H1']).flags).toEqual([]);
    expect(box.pm(['hyp', 'show', 'H2']).out).toMatch(/Flags\s+none/);
    logged('Bo Chan', 'Hooli', 'still asks for exports', ['--date', '2026-11-02', '--supports', 'H1']);
    logged('Cy Dunn', 'Initech', 'bulk invites do not matter', ['--date', '2026-11-03', '--refutes', 'H2']);

    const report = box.pm(['report', '--week']).out;
    expect(report).toMatch(/H1 was killed, but I2 since supports it.*pm hyp show H1/);
    const killed = box.pm(['hyp', 'show', 'H1']).out;
    expect(killed).toMatch(/Flags\s+evidence-after-kill/);
    expect(killed).toContain('I2 logged after the kill supports it');
    expect(killed).toContain('→ pm hyp reopen H1 --reason "…" · pm hyp unlink H1 I2');
    expect(box.json(['show', 'H1']).flags).toEqual(['evidence-after-kill']);

    const validated = box.pm(['hyp', 'show', 'H2']).out;
    expect(validated).toMatch(/Flags\s+evidence-after-validate/);
    expect(validated).toContain('I3 logged after the validation refutes it');
    expect(box.json(['hyp', 'show', 'H2']).flags).toEqual(['evidence-after-validate']);
    // pm hyp list agrees (its FLAGS cell, and --json): fresh-eyes E5
    const listed = box.json(['hyp', 'list', '--status', 'all']);
    expect(listed.map((h: { id: string; flags: string[] }) => [h.id, h.flags])).toEqual([
      ['H1', ['evidence-after-kill']],
      ['H2', ['evidence-after-validate']],
    ]);
    const rows = box.pm(['hyp', 'list', '--status', 'all']).out.split('\n');
    expect(rows.find((l) => /^\s*H1 /.test(l))).toContain('evidence-after-kill');
    expect(rows.find((l) => /^\s*H2 /.test(l))).toContain('evidence-after-validate');

    // the way out it names works: unlinking the late interview clears the flag
    ok(['hyp', 'unlink', 'H1', 'I2']);
    expect(box.pm(['hyp', 'show', 'H1']).out).toMatch(/Flags\s+none/);
  });

  it('a customer refuting a killed hypothesis confirms the kill: no flag, no action, --check unmoved (wave 15 H10)', () => {
    ok(['hyp', 'add', 'Ops want a digest', '--criteria', 'c', '--date', '2026-11-10']);
    ok(['hyp', 'kill', 'H1', '--reason', 'Slack instead', '--date', '2026-11-12']);
    ok(['config', 'set', 'cadence.target', '1']);
    const said = box.pm([
      'log',
      '--with',
      'A B',
      '--account',
      'X',
      '--summary',
      'reads Slack, not mail',
      '--refutes',
      'H1',
    ]);
    expect(said.code).toBe(0);
    expect(said.err).not.toContain('H1 is killed');
    const report = box.pm(['report']).out;
    expect(report).not.toMatch(/H1 was killed/);
    expect(report).toMatch(/Nothing needs action/);
    expect(box.pm(['report', '--check']).code).toBe(0);
    const json = box.json(['report']);
    expect(json.hypotheses.killed[0]).toMatchObject({ id: 'H1', flags: [], evidenceAfter: [] });
    expect(json.flags).toEqual([]);
    expect(box.json(['hyp', 'show', 'H1']).flags).toEqual([]);
    expect(box.json(['hyp', 'list', '--status', 'all'])[0].flags).toEqual([]);
    const shown = box.pm(['hyp', 'show', 'H1']).out;
    expect(shown).toMatch(/Flags\s+none/);
    expect(shown).toContain('I1 logged after the kill refutes it too: it confirms the decision');
    // a customer who wants it after all is what puts the kill in doubt
    logged('Cy D', 'Y', 'we need the digest', ['--supports', 'H1']);
    expect(box.pm(['report', '--check']).code).toBe(3);
    expect(box.json(['report']).flags.map((f: { kind: string }) => f.kind)).toEqual(['evidence-after-kill']);
    expect(box.pm(['report']).out).toMatch(/H1 was killed, but I2 since supports it/);
  });
});
