// `pm contact merge` keeps the going contact's name and email in this journal (merged_names, schema 42),
// so that an erasure of that person arriving later still finds them (review R5; docs/decisions.md
// "pm forget finds a person merged away"). The merge now says so, and `pm forget` of that name or email
// finds the contact they were merged into, names them both, and erases everything: the kept contact,
// the alias, every mention, here and in a teammate's journal, and no later file brings them back.
// Before, the merge said "Not kept … email", and pm forget answered "no contact named …".
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kimBytes, twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm, trade, run } = team;

/** On A: Kimberly Yu <kimberly@nw.test> (I1, quoted) and Kim Yu <kim@nw.test> (I2), traded to B, then merged on A. */
function mergedOnA() {
  pm('a', [
    ...['log', '--with', 'Kimberly Yu <kimberly@nw.test>', '--account', 'Northwind'],
    ...['--summary', 'Kimberly Yu on the budget', '--quote', 'the budget is frozen', '--date', '2026-12-01'],
  ]);
  pm('a', [
    ...['log', '--with', 'Kim Yu <kim@nw.test>', '--account', 'Northwind'],
    ...['--summary', 'Kim on invoices', '--date', '2026-12-02'],
  ]);
  trade('a', 'b');
  return pm('a', ['contact', 'merge', 'Kimberly Yu', 'Kim Yu']);
}

const contacts = (who: 'a' | 'b') =>
  (JSON.parse(pm(who, ['contacts', '--json']).out) as { name: string; email: string | null }[]).map(
    (c) => `${c.name} ${c.email}`,
  );

describe('pm contact merge says what it keeps of the going contact', () => {
  it('their name and email kept in this journal only, for pm forget; the email not taken by the kept contact', () => {
    const r = mergedOnA();
    expect(r.err).toContain(
      'Kept in this journal only (never exported or synced), so that pm forget of them erases Kim Yu: ' +
        'the name Kimberly Yu, the email kimberly@nw.test',
    );
    expect(r.err).not.toMatch(/Not kept.*email/);
    expect(r.err).toContain('Not taken (the contact kept has its own): email kimberly@nw.test');
    expect(contacts('a')).toEqual(['Kim Yu kim@nw.test']);
  });
});

describe('pm forget of a person merged away', () => {
  // by email, by name, as pm prints them (review wave 10 R4) and by UUID (the form an erasure request,
  // pm contacts --json and a teammate's journal name people by; R4)
  for (const named of ['kimberly@nw.test', 'Kimberly Yu', 'Kimberly Yu (Northwind)', 'her UUID']) {
    it(`finds the contact they became by ${named}, and names both before erasing`, () => {
      mergedOnA();
      const uuid = (JSON.parse(pm('b', ['contacts', '--json']).out) as { name: string; uuid: string }[]).find(
        (c) => c.name === 'Kimberly Yu',
      )?.uuid;
      const who = named === 'her UUID' ? String(uuid) : named;
      const asked = run('a', ['forget', who]);
      expect(asked.code).toBe(2);
      expect(asked.err).toContain(
        'forgetting Kim Yu (Northwind, kim@nw.test; merged here with Kimberly Yu <kimberly@nw.test>) cannot be undone',
      );
      expect(contacts('a')).toEqual(['Kim Yu kim@nw.test']);
      const done = pm('a', ['forget', who, '--yes']);
      expect(done.out).toContain('Forgot Kim Yu (Northwind, kim@nw.test; merged here with Kimberly Yu');
      expect(contacts('a')).toEqual(['Forgotten contact null']);
      const summaries = JSON.parse(pm('a', ['ls', '--json']).out).map((i: { summary: string }) => i.summary);
      expect(summaries).toEqual(['[forgotten] on invoices', '[forgotten] on the budget']);
      expect(kimBytes(team.file('a'))).toEqual([]);
      // either name of the person is one erased already
      for (const again of ['kimberly@nw.test', 'Kimberly Yu', 'kim@nw.test'])
        expect(pm('a', ['forget', again]).err).toContain('was erased already');
    });
  }

  it('erases both in a teammate journal that has them apart, and no later file brings either back', () => {
    mergedOnA();
    // B, who never saw the merge, talks to Kimberly again and edits her
    pm('b', [
      ...['log', '--with', 'Kimberly Yu <kimberly@nw.test>', '--account', 'Northwind'],
      ...['--summary', 'Kimberly Yu again', '--date', '2026-12-03'],
    ]);
    pm('b', ['contact', 'set', 'Kimberly Yu', '--persona', 'budget owner']);
    const old = join(team.box.dir, 'b-before.json');
    writeFileSync(old, pm('b', ['export', '--format', 'json']).out);
    pm('a', ['forget', 'kimberly@nw.test', '--yes']);
    trade('b', 'a');
    trade('a', 'b');
    for (const who of ['a', 'b'] as const) {
      expect(contacts(who), who).toEqual(['Forgotten contact null']);
      expect(kimBytes(team.file(who)), who).toEqual([]);
    }
    // B's export from before the erasure, Kimberly's record and new interview in it, brings nothing back
    pm('a', ['import', old]);
    expect(contacts('a')).toEqual(['Forgotten contact null']);
    expect(kimBytes(team.file('a'))).toEqual([]);
  });
});

// wave 10 F4/E6: a person merged into a contact at another account was printed "Raj Patel (Acme)"
// until the merge; their conversations stay Acme's (docs/decisions.md), and so does that name
describe('pm forget of a person merged into a contact at another account', () => {
  it('finds them as "Name (their old account)", and their conversation keeps its account', () => {
    pm('a', ['log', '--with', 'Raj Patel <raj@acme.test>', '--account', 'Acme', '--summary', 'r']);
    pm('a', ['log', '--with', 'Mia Chen <mia@globex.test>', '--account', 'Globex', '--summary', 'm']);
    pm('a', ['contact', 'merge', 'Raj Patel', 'Mia Chen', '--yes']);
    const accounts = () =>
      (JSON.parse(pm('a', ['ls', '--json']).out) as { id: string; account: string }[])
        .map((i) => `${i.id} ${i.account}`)
        .sort();
    expect(accounts()).toEqual(['I1 Acme', 'I2 Globex']);
    const asked = run('a', ['forget', 'Raj Patel (Acme)']);
    expect(asked.err).toContain('forgetting Mia Chen (Globex, mia@globex.test; merged here with Raj Patel');
    expect(run('a', ['forget', 'Raj Patel (Initech)']).err).toMatch(/^pm: no contact named "Raj Patel \(Initech\)"/m);
    pm('a', ['forget', 'Raj Patel (Acme)', '--yes']);
    expect(contacts('a')).toEqual(['Forgotten contact null']);
    expect(accounts()).toEqual(['I1 Acme', 'I2 Globex']);
  });
});

describe('pm forget of a person known by an initial and by their whole name, merged', () => {
  // "Roe" of "Jane Roe" was scrubbed first and left "J. [forgotten] says hi" (fresh-eyes wave 15 H13)
  it('takes the whole written form of each name, the initial with it', () => {
    pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'first']);
    pm('a', [
      ...['log', '--with', 'J. Roe <jroe@acme.test>', '--account', 'Acme'],
      ...['--summary', 'J. Roe says hi; Jane agrees'],
    ]);
    pm('a', ['contact', 'merge', 'J. Roe', 'Jane Roe', '--yes']);
    pm('a', ['forget', 'J. Roe', '--yes']);
    expect(JSON.parse(pm('a', ['show', 'I2', '--json']).out).summary).toBe('[forgotten] says hi; [forgotten] agrees');
  });
});
