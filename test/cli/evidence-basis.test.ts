// Evidence basis (said, did, paid) through the scripted log and pm hyp link, and the confidence a
// hypothesis reaches, shown by pm hyp list/show and on every hypothesis record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ok = (args: string[]) => box.ok(args);

function call(who: string, account: string, ...more: string[]): void {
  ok(['log', '--with', who, '--account', account, '--summary', `talked to ${who}`, ...more]);
}

const confidence = (id = 'H1') => box.json(['hyp', 'show', id]).confidence;

describe('the basis of a link', () => {
  it('is said by default, and set in pm log after the id, with or without a strength', () => {
    ok(['hyp', 'add', 'Finance teams will pay for matching']);
    ok(['hyp', 'add', 'Admins want SSO']);
    const rec = box.json([
      'log',
      '--with',
      'Jane Roe',
      '--account',
      'Acme',
      '--summary',
      'Signed the pilot',
      '--supports',
      'H1:strong:paid',
      '--refutes',
      'H2:did',
    ]);
    expect(rec.evidence).toEqual([
      { hypothesis: 'H1', direction: 'supports', strength: 'strong', basis: 'paid' },
      { hypothesis: 'H2', direction: 'refutes', strength: 'medium', basis: 'did' },
    ]);
    expect(box.sql('SELECT hypothesis_id, basis FROM evidence ORDER BY hypothesis_id')).toEqual([
      { hypothesis_id: 1, basis: 'paid' },
      { hypothesis_id: 2, basis: 'did' },
    ]);
    call('Raj Patel', 'Globex', '--supports', 'H1');
    expect(box.sql('SELECT basis FROM evidence WHERE interview_id = 2')).toEqual([{ basis: 'said' }]);
    // pm show gives a link's strength and basis when they are not the defaults
    expect(ok(['show', 'I1']).out).toMatch(/^Evidence: {2}supports H1 \(strong, paid\), refutes H2 \(did\)$/m);
    expect(ok(['show', 'I2']).out).toMatch(/^Evidence: {2}supports H1$/m);
  });

  it('an unknown basis, or one given twice, is a usage error that writes nothing', () => {
    ok(['hyp', 'add', 'Finance teams will pay for matching']);
    for (const [flag, message] of [
      ['H1:bought', /unknown strength or basis "bought"/],
      ['H1:paid:did', /gives the basis twice/],
    ] as const) {
      const before = box.snapshot();
      const r = box.pm(['log', '--with', 'Jane', '--account', 'Acme', '--summary', 'x', '--supports', flag]);
      expectUsageError(r);
      expect(r.err).toMatch(message);
      expect(box.snapshot()).toBe(before);
    }
  });

  it('pm hyp link --basis sets it; linking again without --basis keeps it', () => {
    ok(['hyp', 'add', 'Finance teams will pay for matching']);
    call('Jane Roe', 'Acme');
    expect(ok(['hyp', 'link', 'H1', 'I1', '--supports', '--basis', 'did']).out).toBe(
      'Linked I1 to H1: supports (medium, did)\n',
    );
    expect(ok(['hyp', 'link', 'H1', 'I1', '--supports', '--strength', 'strong']).out).toBe(
      'Updated evidence: I1 now supports H1 (strong, did), was supports (medium, did)\n',
    );
    expect(ok(['hyp', 'link', 'H1', 'I1', '--supports', '--basis', 'said']).out).toMatch(
      /now supports H1 \(strong\), was supports \(strong, did\)/,
    );
    const bad = box.pm(['hyp', 'link', 'H1', 'I1', '--supports', '--basis', 'rumour']);
    expectUsageError(bad);
    expect(bad.err).toMatch(/"rumour" is not a basis/);
  });
});

describe('confidence', () => {
  it('climbs the ladder as evidence comes in, each level through the CLI', () => {
    ok(['hyp', 'add', 'Finance teams will pay for matching']);
    expect(confidence()).toEqual({ level: 'none', score: 0, refutedAt: null });
    // a colleague's opinion
    ok(['log', '--with', 'Sam Hale', '--account', 'Us', '--role', 'stakeholder', '--summary', 's', '--supports', 'H1']);
    expect(confidence()).toEqual({ level: 'opinion', score: 0.1, refutedAt: null });
    // a support ticket that mentions a payment is still second-hand
    ok(['log', '--channel', 'support', '--account', 'Acme', '--summary', 'ticket', '--supports', 'H1:paid']);
    expect(confidence().level).toBe('opinion');
    call('Jane Roe', 'Acme', '--supports', 'H1');
    call('Jim Roe', 'Acme', '--supports', 'H1');
    expect(confidence()).toEqual({ level: 'anecdotal', score: 0.5, refutedAt: null });
    // a third customer, but from the same account: one account's wish
    call('Joe Roe', 'Acme', '--supports', 'H1');
    expect(confidence().level).toBe('anecdotal');
    call('Lena Fox', 'Foxworks', '--supports', 'H1');
    expect(confidence()).toEqual({ level: 'customers', score: 1, refutedAt: null });
    call('Omar Ruiz', 'Quillco', '--supports', 'H1:did');
    expect(confidence()).toEqual({ level: 'behaviour', score: 3, refutedAt: null });
    call('Kim Lee', 'Northwind', '--supports', 'H1:weak:paid');
    expect(confidence()).toEqual({ level: 'commitment', score: 5, refutedAt: null });
    // and the refuting evidence's level beside it
    call('Ana Ortiz', 'Bluebird', '--refutes', 'H1:did');
    expect(confidence()).toEqual({ level: 'commitment', score: 5, refutedAt: 'behaviour' });
    const shown = ok(['hyp', 'show', 'H1']).out;
    expect(shown).toMatch(/^Confidence {1,2}commitment \(score 5 of 5\) · refuted: behaviour \(score 3 of 5\)$/m);
    expect(shown).toMatch(/supports {2}weak {4}call paid · Kim Lee \(Northwind\)/);
    const listed = ok(['hyp', 'list']).out;
    expect(listed.split('\n')[0]).toMatch(/ CONFIDENCE /);
    expect(listed).toMatch(/commitment vs behaviour/);
  });

  it('is on every hypothesis record: add, list, show, link and decisions', () => {
    const added = box.json(['hyp', 'add', 'Admins want SSO']);
    expect(added.confidence).toEqual({ level: 'none', score: 0, refutedAt: null });
    call('Jane Roe', 'Acme');
    expect(box.json(['hyp', 'link', 'H1', 'I1', '--supports']).confidence.level).toBe('anecdotal');
    expect(box.json(['hyp', 'list'])[0].confidence.level).toBe('anecdotal');
    expect(box.json(['hyp', 'kill', 'H1', '--reason', 'no']).confidence.level).toBe('anecdotal');
  });

  it('counts evidence as of the day: pm hyp list on an earlier day does not see a later payment', () => {
    ok(['hyp', 'add', 'Finance teams will pay for matching', '--date', '2026-11-01']);
    call('Jane Roe', 'Acme', '--supports', 'H1', '--date', '2026-11-02');
    call('Lena Fox', 'Foxworks', '--supports', 'H1:paid', '--date', '2026-11-15');
    expect(box.json(['hyp', 'show', 'H1'], { env: { PM_TODAY: '2026-11-10' } }).confidence.level).toBe('anecdotal');
    expect(box.json(['hyp', 'show', 'H1']).confidence.level).toBe('commitment');
  });
});

describe('single-segment', () => {
  it('marks a hypothesis whose supporting customers, two or more, all come from one segment', () => {
    ok(['hyp', 'add', 'Enterprise admins want SSO']);
    call('Jane Roe', 'Acme', '--supports', 'H1');
    ok(['account', 'set', 'Acme', '--segment', 'enterprise']);
    // one customer: too few to say
    expect(box.json(['hyp', 'show', 'H1']).flags).not.toContain('single-segment');
    ok([
      'log',
      '--with',
      'Lena Fox',
      '--account',
      'Globex',
      '--segment',
      'enterprise',
      '--summary',
      'x',
      '--supports',
      'H1',
    ]);
    expect(box.json(['hyp', 'show', 'H1']).flags).toContain('single-segment');
    expect(ok(['hyp', 'list']).out).toMatch(/single-segment/);
    // a customer from an account without a segment: we cannot tell
    call('Omar Ruiz', 'Quillco', '--supports', 'H1');
    expect(box.json(['hyp', 'show', 'H1']).flags).not.toContain('single-segment');
    ok(['account', 'set', 'Quillco', '--segment', 'smb']);
    expect(box.json(['hyp', 'show', 'H1']).flags).not.toContain('single-segment');
    ok(['account', 'set', 'Quillco', '--segment', 'Enterprise']);
    expect(box.json(['hyp', 'show', 'H1']).flags).toContain('single-segment');
  });
});
