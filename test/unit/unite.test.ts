// src/core/unite.ts: what a contact or account created on two journals holds once they are one.
import { describe, expect, it } from 'vitest';
import { differingFields, mergeVersions, sameFields, uniteCopies } from '../../src/core/unite.js';

interface Copy {
  uuid: string;
  name: string;
  email: string | null;
  segment: string | null;
  persona?: string | null;
  rev: string;
  vv: Record<string, string>;
}
const a: Copy = {
  uuid: 'a',
  name: 'Nina Novak',
  email: 'nina@acme.test',
  segment: null,
  persona: 'CFO',
  rev: 'x',
  vv: {},
};
const b: Copy = {
  uuid: 'b',
  name: 'Nina Novak',
  email: null,
  segment: 'enterprise',
  persona: 'buyer',
  rev: 'y',
  vv: {},
};

describe('uniteCopies', () => {
  it("keeps the later copy's fields, fills each it left empty from the other, and keeps the other copy when a field differs", () => {
    const { content, lost } = uniteCopies(b, a);
    expect(content).toMatchObject({ uuid: 'b', email: 'nina@acme.test', segment: 'enterprise', persona: 'buyer' });
    expect(lost).toMatchObject({ uuid: 'a', email: 'nina@acme.test', segment: 'enterprise', persona: 'CFO' });
    expect(differingFields(a, b)).toEqual(['persona']);
  });

  it('keeps nothing as lost when the copies differ only where one left a field empty', () => {
    const { content, lost } = uniteCopies({ ...b, persona: null }, a);
    expect(lost).toBeNull();
    expect(content).toMatchObject({ email: 'nina@acme.test', segment: 'enterprise', persona: 'CFO' });
  });

  it('compares fields only: identity and versions aside, a missing field is an empty one', () => {
    expect(sameFields({ ...a, uuid: 'z', rev: 'q' }, a)).toBe(true);
    const { persona: _p, ...withoutPersona } = a;
    expect(sameFields({ ...withoutPersona }, { ...a, persona: null })).toBe(true);
    expect(sameFields(a, b)).toBe(false);
  });
});

describe('mergeVersions: two concurrent versions of one record, field by field against what both shared', () => {
  // versions of device A (…a) and B (…b); both shared X (made on A), then A made A1, B made B1
  const v = (ms: number, d: string) => `${ms.toString(16).padStart(12, '0')}000000.${d.repeat(16)}`;
  const [X, A1, B1] = [v(1, 'a'), v(2, 'a'), v(3, 'b')];
  const base = { name: 'Raj', email: 'raj@old.test' as string | null, persona: 'analyst' as string | null };
  const fields = ['name', 'email', 'persona'];
  const side = (doc: typeof base, stamps: Record<string, string>, vv: Record<string, string>) => ({ doc, stamps, vv });

  it('takes each side’s own change, an emptied field included, with no conflict; alike either way round', () => {
    const mine = side({ ...base, persona: 'controller' }, { email: X, persona: A1 }, { [A1.slice(19)]: A1 });
    const theirs = side({ ...base, email: null }, { email: B1, persona: X }, { [X.slice(19)]: X, [B1.slice(19)]: B1 });
    const one = mergeVersions(fields, mine, theirs, true);
    expect(one).toEqual({
      content: { name: 'Raj', email: null, persona: 'controller' },
      stamps: { email: B1, persona: A1 },
      lost: null,
    });
    expect(mergeVersions(fields, theirs, mine, false)).toEqual(one);
  });

  it('a field both changed: the later change, the other value the lost side', () => {
    const mine = side({ ...base, persona: 'controller' }, { persona: A1 }, { [A1.slice(19)]: A1 });
    const theirs = side({ ...base, persona: 'cfo' }, { persona: B1 }, { [X.slice(19)]: X, [B1.slice(19)]: B1 });
    expect(mergeVersions(fields, mine, theirs, true)).toEqual({
      content: { ...base, persona: 'cfo' },
      stamps: { persona: B1 },
      lost: { ...base, persona: 'controller' },
    });
  });

  it('one stamp, two values (stamped when the schema came): the later version, filled, as copies made apart', () => {
    const mine = side({ ...base, email: null }, { email: X }, {});
    const theirs = side({ ...base, email: 'raj@new.test' }, { email: X }, {});
    expect(mergeVersions(fields, mine, theirs, false).content.email).toBe('raj@new.test');
    expect(mergeVersions(fields, mine, theirs, false).lost).toBeNull();
  });
});
