// Journey stages on interviews (the setting journey.stages) and personas on contacts: set in the
// scripted log, pm edit and pm contact set, and carried by the JSON export and import with bets
// and evidence basis.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

function ok(args: string[], b = box) {
  const r = b.pm(args);
  expect(r.code, `pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r;
}

function refused(args: string[], message: RegExp): void {
  const before = box.snapshot();
  const r = box.pm(args);
  expectUsageError(r);
  expect(r.err).toMatch(message);
  expect(box.snapshot()).toBe(before);
}

const JANE = ['--with', 'Jane Roe', '--account', 'Acme'];

describe('stages', () => {
  it('pm log --stage takes one of journey.stages in any case, stored as the setting spells it', () => {
    expect(box.json(['log', ...JANE, '--summary', 'x', '--stage', 'ONBOARD']).stage).toBe('onboard');
    expect(box.json(['log', ...JANE, '--summary', 'y']).stage).toBeNull();
    refused(['log', ...JANE, '--summary', 'z', '--stage', 'renewal'], /--stage: "renewal" is not a journey stage/);
    const r = box.pm(['log', ...JANE, '--summary', 'z', '--stage', 'renewal']);
    expect(r.err).toMatch(/stages: discover, evaluate, onboard, adopt, expand, churn/);
    // a typo is named, as --channel's are (fresh-eyes wave 17 H20)
    refused(['log', ...JANE, '--summary', 'z', '--stage', 'onbaord'], /hint: did you mean "onboard"\? stages: /);
  });

  it('follows the setting: the team names its own stages', () => {
    ok(['config', 'set', 'journey.stages', ' Trial, Paying ,Renewal']);
    expect(box.json(['config', 'get', 'journey.stages'])).toBe('Trial,Paying,Renewal');
    expect(box.json(['log', ...JANE, '--summary', 'x', '--stage', 'renewal']).stage).toBe('Renewal');
    refused(['log', ...JANE, '--summary', 'x', '--stage', 'adopt'], /not a journey stage/);
    for (const [value, message] of [
      ['', /at least one stage/],
      ['a,,b', /empty stage/],
      ['Trial,trial', /names "trial" twice/],
      ['x'.repeat(51), /longer than 50/],
    ] as const)
      refused(['config', 'set', 'journey.stages', value], message);
  });

  it('pm edit --stage changes it, --clear stage empties it', () => {
    ok(['log', ...JANE, '--summary', 'x']);
    expect(box.json(['edit', 'I1', '--stage', 'Adopt']).stage).toBe('adopt');
    refused(['edit', 'I1', '--stage', 'nowhere'], /not a journey stage/);
    refused(['edit', 'I1', '--stage', 'adopt', '--clear', 'stage'], /contradict/);
    expect(box.json(['edit', 'I1', '--clear', 'stage']).stage).toBeNull();
    expect(box.json(['edit', 'I1', '--summary', 'kept']).stage).toBeNull();
    ok(['edit', 'I1', '--stage', 'expand']);
    expect(box.json(['edit', 'I1', '--summary', 'still']).stage).toBe('expand');
    // pm show names the stage, and says nothing of one the interview has not
    expect(ok(['show', 'I1']).out).toMatch(/^Stage: {5}expand$/m);
    ok(['edit', 'I1', '--clear', 'stage']);
    expect(ok(['show', 'I1']).out).not.toMatch(/Stage/);
  });
});

describe('personas', () => {
  it('pm log --persona gives a new contact one, fills it in for a known contact without, and refuses a clash', () => {
    ok(['log', ...JANE, '--summary', 'x', '--persona', ' finance lead ']);
    ok(['log', '--with', 'Raj', '--account', 'Acme', '--summary', 'y']);
    ok(['log', '--with', 'Raj', '--summary', 'z', '--persona', 'ops lead']);
    expect(box.sql('SELECT name, persona FROM contacts ORDER BY id')).toEqual([
      { name: 'Jane Roe', persona: 'finance lead' },
      { name: 'Raj', persona: 'ops lead' },
    ]);
    refused(['log', '--with', 'Raj', '--summary', 'w', '--persona', 'cfo'], /Raj is known as "ops lead", not "cfo"/);
  });

  it('pm contact set --persona sets and removes it; pm contacts and pm show name it', () => {
    ok(['log', ...JANE, '--summary', 'x']);
    expect(ok(['contact', 'set', 'Jane Roe', '--persona', 'finance lead']).out).toMatch(/· finance lead$/m);
    expect(box.json(['contacts'])[0].persona).toBe('finance lead');
    expect(ok(['contacts']).out).toMatch(/PERSONA[\s\S]*finance lead/);
    expect(ok(['show', 'Jane Roe']).out.split('\n')[0]).toMatch(/· finance lead$/);
    expect(box.json(['contact', 'set', 'Jane Roe', '--persona', '']).persona).toBeNull();
  });

  it('pm edit --persona is for new contacts given with --with, like --role and --segment', () => {
    ok(['log', ...JANE, '--summary', 'x']);
    refused(['edit', 'I1', '--persona', 'cfo'], /--role, --segment and --persona describe new contacts/);
    ok(['edit', 'I1', '--with', 'Jane Roe', '--with', 'Kim Lee', '--persona', 'it admin']);
    expect(box.sql("SELECT persona FROM contacts WHERE name = 'Kim Lee'")).toEqual([{ persona: 'it admin' }]);
  });
});

describe('the markdown export', () => {
  it("shows each interview's stage, a link's basis, and each hypothesis's confidence and bet", () => {
    ok(['hyp', 'add', 'Finance teams will pay for matching', '--date', '2026-11-01']);
    ok(['hyp', 'add', 'Teams want a digest', '--date', '2026-11-01']);
    ok(['log', ...JANE, '--summary', 'Signed', '--stage', 'expand', '--supports', 'H1:strong:paid', '--refutes', 'H2']);
    ok(['log', '--with', 'Raj', '--account', 'Globex', '--summary', 'No stage here', '--supports', 'H2:did']);
    ok(['hyp', 'bet', 'H2', '--until', '2026-12-01', '--reason', 'we think | they will']);
    const md = ok(['export']).out;
    expect(md).toMatch(
      /^### I1 · 2026-11-20 · call with Jane Roe \(Acme\)\n\n- \*\*By:\*\* .*\n- \*\*Summary:\*\* Signed\n- \*\*Stage:\*\* expand$/m,
    );
    expect(md).toMatch(/^- \*\*H1\*\* supports \(strong, paid\): Finance teams will pay for matching$/m);
    expect(md).toMatch(/^- \*\*H2\*\* refutes \(medium\): Teams want a digest$/m);
    expect(md.split('### I2')[1]).not.toMatch(/Stage/);
    expect(md).toMatch(/^- \*\*Confidence:\*\* commitment \(score 5 of 5\)$/m);
    expect(md).toMatch(/^- \*\*Confidence:\*\* behaviour \(score 3 of 5\) · refuted: anecdotal \(score 0\.5 of 5\)$/m);
    expect(md).toMatch(/^- \*\*Bet:\*\* until 2026-12-01 \(held since 2026-11-20\): we think \\\| they will$/m);
    expect(md).toMatch(/^- \*\*I1\*\* 2026-11-20 supports \(strong, paid\) · Jane Roe \(Acme\): Signed$/m);
    // as of a day before the evidence, no confidence yet
    const early = ok(['export', '--as-of', '2026-11-10']).out;
    expect(early).toMatch(/^- \*\*Confidence:\*\* none \(score 0 of 5\)$/m);
    expect(early).not.toMatch(/\*\*Bet:\*\*/);
  });
});

describe('the JSON export and import', () => {
  it('carry stages, personas, bets and evidence basis, and import them into another journal', () => {
    ok(['hyp', 'add', 'Finance teams will pay for matching']);
    ok([
      'log',
      ...JANE,
      '--summary',
      'Signed',
      '--stage',
      'evaluate',
      '--persona',
      'finance lead',
      '--supports',
      'H1:paid',
    ]);
    ok(['hyp', 'bet', 'H1', '--until', '+3w', '--reason', 'we saw it']);
    const doc = box.json(['export', '--format', 'json']);
    expect(doc.interviews[0].stage).toBe('evaluate');
    expect(doc.contacts[0].persona).toBe('finance lead');
    expect(doc.evidence[0].basis).toBe('paid');
    expect(doc.hypotheses[0].bet).toEqual({ until: '2026-12-11', reason: 'we saw it', since: '2026-11-20' });

    const other = ok(['export', '--format', 'json']).out;
    const file = join(box.dir, 'mine.json');
    writeFileSync(file, other);
    const copy = join(box.dir, 'copy.db');
    ok(['--db', copy, 'import', file]);
    const again = box.json(['--db', copy, 'export', '--format', 'json']);
    expect(again.interviews[0].stage).toBe('evaluate');
    expect(again.contacts[0].persona).toBe('finance lead');
    expect(again.evidence[0].basis).toBe('paid');
    expect(again.hypotheses[0].bet).toEqual(doc.hypotheses[0].bet);
    expect(box.json(['--db', copy, 'hyp', 'show', 'H1']).confidence.level).toBe('commitment');
  });

  it('a file without those keys imports with none (said for every link); bad values are refused by name', () => {
    box.ok(['init']); // an export needs a journal (a missing one is exit 1: fresh-eyes wave 18 H8)
    const base = box.json(['export', '--format', 'json']);
    const file = join(box.dir, 'in.json');
    const acc = '01900000-0000-7000-8000-000000000001';
    const con = '01900000-0000-7000-8000-000000000002';
    const int = '01900000-0000-7000-8000-000000000003';
    const hyp = '01900000-0000-7000-8000-000000000004';
    const doc = {
      ...base,
      accounts: [{ uuid: acc, name: 'Acme' }],
      contacts: [{ uuid: con, name: 'Jane', accountUuid: acc }],
      interviews: [
        { uuid: int, date: '2026-11-02', channel: 'call', contactUuids: [con], accountUuid: acc, summary: 'x' },
      ],
      hypotheses: [{ uuid: hyp, statement: 's', createdOn: '2026-11-01', decideBy: '2026-12-01' }],
      evidence: [{ interviewUuid: int, hypothesisUuid: hyp, direction: 'supports' }],
    };
    const bad = (edit: (d: typeof doc & Record<string, any>) => void, message: RegExp) => {
      const d = structuredClone(doc) as typeof doc & Record<string, any>;
      edit(d);
      writeFileSync(file, JSON.stringify(d));
      refused(['import', file], message);
    };
    bad(
      (d) => ((d.evidence[0] as any).basis = 'rumour'),
      /evidence\[0\]: basis "rumour" is not one of said, did, paid/,
    );
    bad(
      (d) => ((d.hypotheses[0] as any).bet = { until: '2026-12-01', since: '2026-10-01', reason: 'x' }),
      /before the hypothesis was created/,
    );
    bad(
      (d) => ((d.hypotheses[0] as any).bet = { until: '2026-11-01', since: '2026-11-05', reason: 'x' }),
      /until 2026-11-01 is before since/,
    );
    bad((d) => ((d.hypotheses[0] as any).bet = { until: '2026-12-01', since: '2026-11-05' }), /bet: reason is missing/);
    bad((d) => ((d.interviews[0] as any).stage = 'x'.repeat(51)), /stage is longer than 50/);
    writeFileSync(file, JSON.stringify(doc));
    ok(['import', file]);
    expect(box.sql('SELECT basis FROM evidence')).toEqual([{ basis: 'said' }]);
    expect(box.sql('SELECT stage FROM interviews')).toEqual([{ stage: null }]);
    expect(box.sql('SELECT persona FROM contacts')).toEqual([{ persona: null }]);
    expect(box.sql('SELECT bet_until FROM hypotheses')).toEqual([{ bet_until: null }]);
  });
});
