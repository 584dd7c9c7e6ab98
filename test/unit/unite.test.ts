// src/core/unite.ts: what a contact or account created on two journals holds once they are one.
import { describe, expect, it } from 'vitest';
import { differingFields, sameFields, uniteCopies } from '../../src/core/unite.js';

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
