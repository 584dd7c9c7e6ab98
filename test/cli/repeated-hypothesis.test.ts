// Two PMs write the same belief (wave 10, E7): after a trade each journal held it twice, the evidence
// split between the two so that neither reached a verdict, and nothing said so; a second `pm hyp add`
// of an open statement did not warn either. Both now warn, naming both ids and the way to unite them.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;
const BELIEF = 'Finance teams will pay for automatic invoice matching';

describe('a hypothesis both PMs wrote', () => {
  it('pm import warns that the new one states an open one again; --json lists it under lookalikes.hypotheses', () => {
    pm('a', ['hyp', 'add', BELIEF]);
    pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'mine', '--supports', 'H1']);
    pm('b', ['hyp', 'add', 'We believe finance team will pay for Automatic Invoice-Matching.']);
    pm('b', ['log', '--with', 'Raj Patel', '--account', 'Globex', '--summary', 'theirs', '--supports', 'H1']);
    const r = team.trade('b', 'a');
    expect(r.err).toContain('pm: warning: the new H2 "We believe finance team will pay for Automatic ');
    expect(r.err).toContain(
      "states the open H1 again, so their evidence is split; if it is one belief: link H2's evidence to H1 " +
        '(pm hyp show H2 lists it), then pm delete H2 --force',
    );
    // the way out it names makes one hypothesis of the two, holding both calls
    pm('a', ['hyp', 'link', 'H1', 'I2', '--supports']);
    pm('a', ['delete', 'H2', '--force', '--yes']);
    const hyps = JSON.parse(pm('a', ['hyp', 'list', '--json']).out);
    expect(hyps).toHaveLength(1);
    expect(JSON.parse(pm('a', ['hyp', 'show', 'H1', '--json']).out).evidence).toHaveLength(2);
  });

  it('in --json, under lookalikes.hypotheses; a trade of nothing new and a different belief say nothing', () => {
    pm('a', ['hyp', 'add', BELIEF]);
    pm('b', ['hyp', 'add', BELIEF]);
    pm('b', ['hyp', 'add', 'Admins want SSO']);
    const file = join(team.box.dir, 'b.json');
    pm('b', ['export', '--format', 'json', '--out', file]);
    const counts = JSON.parse(pm('a', ['import', file, '--json']).out);
    const [b1] = JSON.parse(pm('b', ['hyp', 'list', '--json']).out);
    const [a1] = JSON.parse(pm('a', ['hyp', 'list', '--json']).out);
    expect(counts.lookalikes.hypotheses).toEqual([
      { uuid: b1.uuid, id: 'H2', statement: BELIEF, status: 'open', like: { uuid: a1.uuid, id: 'H1', status: 'open' } },
    ]);
    expect(team.trade('b', 'a').err).not.toContain('states the open');
  });

  // eyes2 wave 11 F6: both journals are told; each was told to delete "the new" one, the other's, and
  // doing both deleted the belief everywhere. Both are now told to delete the same one.
  it('both journals are told to fold the same one, and following both keeps one', () => {
    pm('a', ['hyp', 'add', BELIEF]);
    pm('b', ['hyp', 'add', `${BELIEF}.`]);
    const uuids = (who: 'a' | 'b') =>
      (JSON.parse(pm(who, ['hyp', 'list', '--status', 'all', '--json']).out) as { uuid: string }[]).map((h) => h.uuid);
    const [mine] = uuids('a');
    const [theirs] = uuids('b');
    const [keep, fold] = mine < theirs ? [mine, theirs] : [theirs, mine];
    const toDelete = (err: string) => /then pm delete (H\d+) --force --yes/.exec(err)?.[1];
    const onB = toDelete(team.trade('a', 'b').err);
    const onA = toDelete(team.trade('b', 'a').err);
    expect(onA && onB).toBeTruthy();
    const uuidOf = (who: 'a' | 'b', id: string) => JSON.parse(pm(who, ['hyp', 'show', id, '--json']).out).uuid;
    expect(uuidOf('a', onA!)).toBe(fold);
    expect(uuidOf('b', onB!)).toBe(fold);
    pm('a', ['delete', onA!, '--force', '--yes']);
    pm('b', ['delete', onB!, '--force', '--yes']);
    team.trade('a', 'b');
    team.trade('b', 'a');
    expect(uuids('a')).toEqual([keep]);
    expect(uuids('b')).toEqual([keep]);
  });

  // fresh-eyes wave 15 H17: the belief was validated here; the teammate's open copy arrived without a word,
  // its paid commitment split from the validated one, and the standup then asked about it as a new idea
  it('a new copy of a belief decided here is warned too, and both journals keep the decided one', () => {
    pm('a', ['hyp', 'add', BELIEF]);
    pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'mine', '--supports', 'H1']);
    pm('a', ['hyp', 'validate', 'H1', '--reason', 'six for']);
    pm('b', ['hyp', 'add', BELIEF, '--criteria', '2 pilots']);
    pm('b', ['log', '--with', 'Nina Novak', '--account', 'Vega', '--summary', 'would pay', '--supports', 'H1:paid']);
    const file = join(team.box.dir, 'b.json');
    pm('b', ['export', '--format', 'json', '--out', file]);
    const r = pm('a', ['import', file]);
    expect(r.err).toContain(
      `pm: warning: the new H2 "${BELIEF}" states the validated H1 again, so their evidence is split; if it ` +
        "is one belief: link H2's evidence to H1 (pm hyp show H2 lists it), then pm delete H2 --force --yes",
    );
    // the teammate, taking the validated one, is told to fold the same: their own open copy
    const back = team.trade('a', 'b');
    expect(back.err).toContain(
      'the new validated H2 "Finance teams will pay for automatic invoice matching" states the open H1 again',
    );
    expect(back.err).toContain(
      "keep H2 (your teammates are told the same): link H1's evidence to H2 (pm hyp show H1 lists it), " +
        'then pm delete H1 --force --yes',
    );
    const json = JSON.parse(pm('a', ['import', file, '--json']).out);
    expect(json.lookalikes.hypotheses).toEqual([]);
  });

  it('a pair the file brings both of is not noted: the teammate wrote both', () => {
    pm('b', ['hyp', 'add', BELIEF]);
    pm('b', ['hyp', 'add', BELIEF]);
    pm('a', ['hyp', 'add', 'Admins want SSO']);
    expect(team.trade('b', 'a').err).not.toContain('states the open');
  });

  it('pm hyp add of a statement already open warns, naming both ids and pm delete; a killed one is not open', () => {
    pm('a', ['hyp', 'add', BELIEF]);
    pm('a', ['hyp', 'add', 'Admins want SSO']);
    const r = pm('a', ['hyp', 'add', `${BELIEF.toLowerCase()}.`]);
    expect(r.err).toContain(
      `pm: warning: H3 states the open H1 again: "${BELIEF.toLowerCase()}."; if it is one belief, log evidence ` +
        'to H1 and pm delete H3',
    );
    pm('a', ['hyp', 'kill', 'H1', '--reason', 'nobody pays']);
    expect(pm('a', ['hyp', 'add', BELIEF]).err).toContain('H4 states the open H3 again');
    expect(pm('a', ['hyp', 'add', 'Admins want SSO audit logs']).err).not.toContain('states the open');
  });

  // fresh-eyes wave 18 H12: "do not want" was called the same belief as "want", and the advice (log its
  // evidence to the other, delete it) would have turned support into support of the opposite
  it('a negated statement is not the same belief: pm hyp add names it the opposite, with how evidence goes', () => {
    pm('a', ['hyp', 'add', 'Finance leads want itemised invoices']);
    const r = pm('a', ['hyp', 'add', 'Finance leads do not want itemised invoices']);
    expect(r.err).not.toContain('states the open');
    expect(r.err).toContain(
      'pm: warning: H2 states the opposite of the open H1; evidence for one refutes the other ' +
        '(a call for H2: --supports H2 --refutes H1)',
    );
    expect(pm('a', ['hyp', 'add', "Finance leads don't want itemised invoices"]).err).toContain(
      'H3 states the open H2 again',
    );
    pm('a', ['hyp', 'add', 'Ops leads want a weekly digest']);
    pm('a', ['hyp', 'kill', 'H4', '--reason', 'no']);
    // the kill is evidence for the negation, not a dead idea proposed again
    expect(pm('a', ['hyp', 'add', 'Ops leads never want a weekly digest']).err).not.toContain('resembles H4');
    expect(pm('a', ['hyp', 'add', 'Ops leads want a weekly digest!']).err).toContain('resembles H4');
  });
});
