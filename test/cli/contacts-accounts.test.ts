import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  for (const args of [
    ['--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'a', '--date', '2026-10-01'],
    ['--with', 'Bo Li', '--account', 'Acme', '--summary', 'b', '--date', '2026-10-10'],
    ['--with', 'Sam Ng', '--account', 'Globex', '--role', 'prospect', '--summary', 'c', '--date', '2026-09-01'],
    ['--with', 'Kim Oh', '--account', 'Initech', '--summary', 'd', '--date', '2026-11-19'],
    ['--with', 'Sal Es', '--account', 'Initech', '--role', 'stakeholder', '--summary', 'e', '--date', '2026-11-20'],
    ['--channel', 'support', '--account', 'Hooli', '--summary', 'tickets', '--date', '2026-11-20'],
  ])
    expect(box.pm(['log', ...args]).code).toBe(0);
});
afterEach(() => box.cleanup());

describe('pm accounts', () => {
  it('lists last direct contact, days since, cadence, overdue, most overdue first', () => {
    const list = box.json(['accounts']);
    expect(list.map((a: any) => [a.name, a.lastDirect, a.daysSince, a.cadence, a.overdue])).toEqual([
      ['Globex', '2026-09-01', 80, 30, true],
      ['Acme', '2026-10-10', 41, 30, true],
      ['Initech', '2026-11-19', 1, 30, false],
      ['Hooli', null, null, 30, false],
    ]);
    const text = box.pm(['accounts']).out;
    expect(text.split('\n')[1]).toMatch(/^Globex .*overdue/);
  });

  it('pm account set --cadence N|off|default, --segment', () => {
    expect(box.json(['account', 'set', 'globex', '--cadence', 'off'])).toMatchObject({
      name: 'Globex',
      cadenceDays: 'off',
      cadence: 'off',
      overdue: false,
    });
    expect(box.sql("SELECT cadence_days FROM accounts WHERE name = 'Globex'")[0].cadence_days).toBe(0);
    expect(box.json(['account', 'set', 'Initech', '--cadence', '0']).cadence).toBe('off');
  });

  // fresh-eyes wave 11 E19: pm edit and pm hyp edit teach "edit"; here it was "unknown command 'edit'"
  it('pm account edit and pm contact edit are set', () => {
    expect(box.json(['account', 'edit', 'Acme', '--segment', 'enterprise'])).toMatchObject({ segment: 'enterprise' });
    const r = box.pm(['contact', 'edit', 'Bo Li', '--email', 'bo@acme.test']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Updated Bo Li <bo@acme\.test>/);
  });

  it('a cadence shorter than the silence makes an account overdue; default goes back to the journal setting', () => {
    expect(box.json(['account', 'set', 'Acme', '--cadence', '60', '--segment', 'enterprise'])).toMatchObject({
      cadenceDays: 60,
      overdue: false,
      segment: 'enterprise',
    });
    expect(box.json(['account', 'set', 'Acme', '--cadence', 'default'])).toMatchObject({
      cadenceDays: null,
      cadence: 30,
      overdue: true,
    });
    box.pm(['config', 'set', 'account.cadenceDays', '90']);
    expect(box.json(['accounts']).filter((a: any) => a.overdue)).toEqual([]);
  });

  it('bad input is a usage error and changes nothing', () => {
    const before = box.snapshot();
    for (const args of [
      ['account', 'set', 'Nope', '--cadence', '3'],
      ['account', 'set', 'Acme', '--cadence', 'soon'],
      ['account', 'set', 'Acme'],
      ['account', 'set', 'Acme', '--cadence', '-1'],
      ['account', 'rename', 'Acme', 'Globex'],
      ['account', 'rename', 'Nope', 'X'],
      ['account', 'merge', 'Acme', 'acme'],
      ['account', 'merge', 'Nope', 'Acme'],
    ])
      expectUsageError(box.pm(args));
    expect(box.snapshot()).toBe(before);
  });

  it('rename keeps everything; merge moves contacts and interviews and removes the duplicate', () => {
    expect(box.pm(['account', 'rename', 'Acme', 'ACME Corp']).code).toBe(0);
    expect(box.json(['ls', '--account', 'acme corp']).length).toBe(2);
    expect(box.pm(['account', 'merge', 'Globex', 'ACME Corp']).code).toBe(0);
    expect(
      box
        .json(['accounts'])
        .map((a: any) => a.name)
        .sort(),
    ).toEqual(['ACME Corp', 'Hooli', 'Initech']);
    expect(box.json(['ls', '--account', 'ACME Corp']).length).toBe(3);
    expect(box.json(['show', 'Sam Ng']).account).toBe('ACME Corp');
  });
});

describe('pm contacts', () => {
  it('lists people most overdue first; stakeholders have no cadence and are never overdue', () => {
    const list = box.json(['contacts']);
    expect(list.map((c: any) => [c.name, c.daysSince, c.overdue])).toEqual([
      ['Sam Ng', 80, true],
      ['Jane Roe', 50, true],
      ['Bo Li', 41, true],
      ['Kim Oh', 1, false],
      ['Sal Es', null, false],
    ]);
    // the stakeholder meeting on 2026-11-20 was not customer contact (Sal was the only one there)
    expect(list.find((c: any) => c.name === 'Sal Es')).toMatchObject({
      role: 'stakeholder',
      cadence: null,
      lastDirect: null,
    });
    for (const key of ['uuid', 'name', 'email', 'accountUuid', 'role', 'segment']) expect(list[0]).toHaveProperty(key);
  });

  it('pm contact set changes a contact; a role change re-derives customer contact', () => {
    expect(box.json(['contact', 'set', 'Kim Oh', '--role', 'partner', '--email', 'kim@initech.test'])).toMatchObject({
      role: 'partner',
      email: 'kim@initech.test',
    });
    expect(box.json(['show', 'I4']).kind).toBe('stakeholder');
    expect(box.json(['contact', 'set', 'kim@initech.test', '--name', 'Kim Oh-Lee', '--segment', 'ops'])).toMatchObject({
      name: 'Kim Oh-Lee',
      segment: 'ops',
    });
    const moved = box.pm(['contact', 'set', 'Bo Li', '--account', 'Umbrella']);
    expect(moved.code, moved.err).toBe(0);
    expect(moved.err).toMatch(/new account: Umbrella/);
  });

  it('pm contact set refuses unknown contacts, taken emails, bad roles, nothing to change', () => {
    const before = box.snapshot();
    for (const args of [
      ['contact', 'set', 'Nobody', '--role', 'customer'],
      ['contact', 'set', 'Bo Li', '--email', 'jane@acme.test'],
      ['contact', 'set', 'Bo Li', '--role', 'king'],
      ['contact', 'set', 'Bo Li'],
      ['contact', 'merge', 'Bo Li', 'bo li'],
    ])
      expectUsageError(box.pm(args));
    expect(box.snapshot()).toBe(before);
  });

  it('pm contact merge moves every interview to the kept contact and removes the duplicate', () => {
    box.pm(['log', '--with', 'J. Roe', '--account', 'Acme', '--summary', 'typo contact']);
    const r = box.pm(['contact', 'merge', 'J. Roe', 'jane@acme.test']);
    expect(r.code, r.err).toBe(0);
    expect(box.json(['ls', '--with', 'Jane Roe']).map((i: any) => i.id)).toEqual(['I7', 'I1']);
    expect(box.json(['contacts']).map((c: any) => c.name)).not.toContain('J. Roe');
  });

  it("pm contact merge says which of the duplicate's details the kept contact had its own of, and fills the rest", () => {
    box.pm(['log', '--with', 'J. Roe <j.roe@acme.test>', '--account', 'Acme', '--persona', 'cfo', '--summary', 'x']);
    const r = box.pm(['contact', 'merge', 'J. Roe', 'jane@acme.test']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('Not taken (the contact kept has its own): email j.roe@acme.test');
    expect(r.err).toContain('pm contact set "Jane Roe" --email "j.roe@acme.test"');
    // a detail only the duplicate had is kept, not listed
    expect(r.err).not.toContain('persona');
    expect(box.json(['show', 'Jane Roe'])).toMatchObject({ email: 'jane@acme.test', persona: 'cfo' });
  });
});

// fresh-eyes wave 18 H17: a role changed by pm contact set re-judged every past conversation with the
// person (the weeks' counts, the streak, evidence) and said nothing of it
describe('pm contact set --role says which past conversations change what they count as', () => {
  it('to stakeholder: no longer customer contact, named; back to customer: counted again; same kind: silent', () => {
    for (const [summary, date] of [
      ['first', '2026-11-02'],
      ['second', '2026-11-09'],
    ])
      expect(
        box.pm(['log', '--with', 'Li Wei', '--account', 'Globex', '--summary', summary, '--date', date]).code,
      ).toBe(0);
    const away = box.pm(['contact', 'set', 'Li Wei', '--role', 'stakeholder']);
    expect(away.code, away.err).toBe(0);
    expect(away.err).toContain(
      'pm: warning: 2 past conversations with Li Wei (I7, I8) are now stakeholder meetings, not customer contact',
    );
    const back = box.pm(['contact', 'set', 'Li Wei', '--role', 'prospect']);
    expect(back.err).toContain('pm: warning: 2 past conversations with Li Wei (I7, I8) now count as customer contact');
    expect(box.pm(['contact', 'set', 'Li Wei', '--role', 'customer']).err).not.toContain('past conversation');
  });
});
