// Team merges found by a first-time user (wave 8): E30, E32, E29 below.
// Two teammates merging the same two contacts (or accounts) in opposite directions (fresh-eyes wave 8
// E30): each said the two are one, so one stays everywhere, the one with the smaller UUID, as for
// records created apart. Before, each journal's merge tombstone deleted the other's kept record:
// each ended with an interview with nobody, and the two journals differed for good.
import { describe, expect, it } from 'vitest';
import { twoJournals, type Name } from '../two-journals.js';

const { pm, trade, postgres } = twoJournals();

interface Row {
  id: string;
  summary: string;
  contactUuids: string[];
  with: string[];
  account: string | null;
}
const interviews = (who: Name) =>
  (JSON.parse(pm(who, ['ls', '--json']).out) as Row[])
    .map((i) => `${i.summary}: ${i.with.join('+')} @ ${i.account}`)
    .sort();
const contacts = (who: Name) =>
  (JSON.parse(pm(who, ['contacts', '--json']).out) as { uuid: string; name: string; account: string }[])
    .map((c) => `${c.uuid} ${c.name} @ ${c.account}`)
    .sort();
const accounts = (who: Name) =>
  (JSON.parse(pm(who, ['accounts', '--json']).out) as { uuid: string; name: string }[])
    .map((a) => `${a.uuid} ${a.name}`)
    .sort();

type Share = { first: () => void; settle: () => void };
const byExports: () => Share = () => ({
  first: () => trade('a', 'b'),
  settle: () => {
    trade('a', 'b');
    trade('b', 'a');
  },
});
const bySync = (url: () => string): Share => ({
  first: () => {
    for (const who of ['a', 'b'] as const) pm(who, ['sync', 'init', url()]);
    pm('a', ['sync']);
    pm('b', ['sync']);
  },
  settle: () => {
    for (let round = 0; round < 3; round++) for (const who of ['a', 'b'] as const) pm(who, ['sync']);
  },
});

/** A scenario's two its: trading exports, and real PostgreSQL sync. */
function bothWays(title: string, settled: string, scenario: (share: Share) => void) {
  describe(title, () => {
    it(`trading exports: ${settled}`, () => scenario(byExports()));
    it('through pm sync (a real PostgreSQL)', async () => {
      const url = await postgres();
      scenario(bySync(() => url));
    });
  });
}

function contactsMergedBothWays(share: Share) {
  pm('a', ['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'jane call']);
  pm('a', ['log', '--with', 'J. Roe <jroe@acme.test>', '--account', 'Acme', '--summary', 'j call']);
  share.first();
  pm('a', ['contact', 'merge', 'J. Roe', 'Jane Roe']);
  pm('b', ['contact', 'merge', 'Jane Roe', 'J. Roe']);
  share.settle();
  const [ca, cb] = [contacts('a'), contacts('b')];
  expect(ca).toHaveLength(1);
  expect(cb).toEqual(ca);
  for (const who of ['a', 'b'] as const) {
    const name = ca[0].split(' ').slice(1, -2).join(' ');
    expect(interviews(who)).toEqual([`j call: ${name} @ Acme`, `jane call: ${name} @ Acme`]);
    expect(JSON.parse(pm(who, ['doctor', '--json']).out).healthy).toBe(true);
  }
}

function accountsMergedBothWays(share: Share) {
  pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'jane call']);
  pm('a', ['log', '--with', 'Bob Li', '--account', 'ACME Inc', '--summary', 'bob call']);
  share.first();
  pm('a', ['account', 'merge', 'ACME Inc', 'Acme']);
  pm('b', ['account', 'merge', 'Acme', 'ACME Inc']);
  share.settle();
  const [aa, ab] = [accounts('a'), accounts('b')];
  expect(aa).toHaveLength(1);
  expect(ab).toEqual(aa);
  const name = aa[0].split(' ').slice(1).join(' ');
  // a call logged later on one journal reaches the other (before: "Left out" for good)
  pm('a', ['log', '--with', 'Jane Roe', '--account', name, '--summary', 'later call']);
  share.settle();
  for (const who of ['a', 'b'] as const)
    expect(interviews(who)).toEqual([
      `bob call: Bob Li @ ${name}`,
      `jane call: Jane Roe @ ${name}`,
      `later call: Jane Roe @ ${name}`,
    ]);
}

describe('the same two records merged in opposite directions on two journals', () => {
  it('contacts, trading exports: one person on both, every interview keeping them', () => {
    contactsMergedBothWays(byExports());
  });
  it('accounts, trading exports: one account on both, and later calls still arrive', () => {
    accountsMergedBothWays(byExports());
  });
  it('contacts through pm sync (a real PostgreSQL)', async () => {
    const url = await postgres();
    contactsMergedBothWays(bySync(() => url));
  });
  it('accounts through pm sync (a real PostgreSQL)', async () => {
    const url = await postgres();
    accountsMergedBothWays(bySync(() => url));
  });
});

// The same hypothesis decided differently on two journals the same day (fresh-eyes wave 8 E32): the
// outcomes of one day are in the order they were recorded (their UUIDs) on every journal; before, each
// journal's own entry order made each show the other's decision as the current one, for good.
function decidedBothWays(share: Share) {
  pm('a', ['hyp', 'add', 'Finance teams will pay', '--date', '2026-12-01']);
  share.first();
  pm('a', ['hyp', 'validate', 'H1', '--reason', 'a: 3 pay']);
  pm('b', ['hyp', 'kill', 'H1', '--reason', 'b: too niche']);
  share.settle();
  for (const who of ['a', 'b'] as const) {
    const [h] = JSON.parse(pm(who, ['hyp', 'list', '--status', 'all', '--json']).out) as { status: string }[];
    expect(h.status, who).toBe('killed');
    const shown = JSON.parse(pm(who, ['hyp', 'show', 'H1', '--json']).out) as { outcomes: { reason: string }[] };
    expect(shown.outcomes.map((o) => o.reason)).toEqual(['a: 3 pay', 'b: too niche']);
  }
}

bothWays(
  'one hypothesis validated on one journal and killed on the other the same day',
  'the decision recorded last is the status on both',
  decidedBothWays,
);

// A contact (or account) merged away on one journal while a teammate edits it (fresh-eyes wave 8 E29):
// the teammate's journal fills the kept record's empty fields from the edited copy when the merge
// arrives; the journal that merged does the same with the edit when it arrives. Before, the persona
// reached the kept contact in the teammate's journal only, for good.
function mergedHereEditedThere(share: Share) {
  pm('a', ['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'jane call']);
  pm('a', ['log', '--with', 'J. Roe <jroe@acme-inc.test>', '--account', 'ACME Inc', '--summary', 'j call']);
  share.first();
  pm('a', ['account', 'merge', 'ACME Inc', 'Acme']);
  pm('a', ['contact', 'merge', 'J. Roe', 'Jane Roe']);
  pm('b', ['contact', 'set', 'J. Roe', '--persona', 'controller']);
  pm('b', ['account', 'set', 'ACME Inc', '--segment', 'enterprise', '--cadence', '10']);
  share.settle();
  for (const who of ['a', 'b'] as const) {
    const people = JSON.parse(pm(who, ['contacts', '--json']).out) as { name: string; persona: string | null }[];
    expect(people.map((c) => `${c.name} ${c.persona}`)).toEqual(['Jane Roe controller']);
    const orgs = JSON.parse(pm(who, ['accounts', '--json']).out) as Record<string, unknown>[];
    expect(orgs.map((o) => `${o.name} ${o.segment} ${o.cadenceDays}`)).toEqual(['Acme enterprise 10']);
  }
}

bothWays(
  'a contact and an account merged away here and edited there',
  'the edit reaches the kept record on both journals',
  mergedHereEditedThere,
);

/** The one hypothesis on a journal: its statement and status, and `pm hyp show`'s JSON of it. */
function onlyHypothesis(who: Name) {
  const list = JSON.parse(pm(who, ['hyp', 'list', '--status', 'all', '--json']).out) as Record<string, unknown>[];
  expect(list, who).toHaveLength(1);
  const shown = JSON.parse(pm(who, ['hyp', 'show', String(list[0].id), '--json']).out);
  return { line: `${list[0].statement} ${list[0].status}`, shown };
}

// A killed hypothesis deleted on one journal while a teammate edits it (fresh-eyes wave 8 E35): the
// later edit brings it back, and its decisions come back with it. Before, it came back open on both
// journals, the kill and its reason gone with no conflict, flagged ready to kill again.
function killedDeletedHereEditedThere(share: Share) {
  pm('a', ['hyp', 'add', 'Ops leads want a weekly digest', '--date', '2026-12-01']);
  pm('a', ['hyp', 'kill', 'H1', '--reason', 'they prefer Slack', '--date', '2026-12-02']);
  share.first();
  pm('a', ['delete', 'H1', '--yes', '--force']);
  pm('b', ['hyp', 'edit', 'H1', '--tag', 'digest']);
  share.settle();
  for (const who of ['a', 'b'] as const) {
    const { line, shown } = onlyHypothesis(who);
    expect(line).toBe('Ops leads want a weekly digest killed');
    expect((shown.outcomes as { reason: string }[]).map((o) => o.reason)).toEqual(['they prefer Slack']);
  }
}

bothWays(
  'a killed hypothesis deleted here and edited there',
  'it comes back killed, with its reason, on both',
  killedDeletedHereEditedThere,
);

// Evidence linked on one journal to a hypothesis a teammate deleted meanwhile (fresh-eyes wave 8 E23
// addendum): the links are a later change of it, as an edit would be, so it stays with them on both
// journals, and the deletion is a conflict. Before, the links vanished on both with no conflict.
function linkedHereDeletedThere(share: Share) {
  pm('a', ['hyp', 'add', 'Finance teams will pay', '--date', '2026-12-01']);
  pm('a', ['log', '--with', 'Omar Diaz', '--account', 'Initech', '--summary', 'omar call', '--date', '2026-12-02']);
  share.first();
  pm('a', ['delete', 'H1', '--yes', '--force']);
  pm('b', ['hyp', 'link', 'H1', 'I1', '--refutes']);
  share.settle();
  for (const who of ['a', 'b'] as const) {
    const { line, shown } = onlyHypothesis(who);
    expect(line).toBe('Finance teams will pay open');
    expect((shown.evidence as { direction: string }[]).map((e) => e.direction)).toEqual(['refutes']);
  }
  const conflicts = JSON.parse(pm('b', ['sync', 'conflicts', '--json']).out) as { kind: string }[];
  expect(conflicts.map((c) => c.kind)).toEqual(['hypothesis']);
}

bothWays(
  'evidence linked here to a hypothesis deleted there',
  'the hypothesis stays with its link on both, the deletion a conflict',
  linkedHereDeletedThere,
);
