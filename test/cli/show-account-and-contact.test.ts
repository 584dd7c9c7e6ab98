// A name that is both an account's and a contact's: pm show shows the account, and says how to see the contact.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

describe('pm show NAME where NAME is an account and a contact', () => {
  beforeEach(() => {
    box.ok(['log', '--with', 'Beta', '--account', 'Acme', '--summary', 'call with beta']);
    box.ok(['log', '--with', 'Kim', '--account', 'Beta', '--summary', 'call at beta co']);
  });

  it('shows the account and names the contact with the command that shows them', () => {
    const r = box.ok(['show', 'Beta']);
    expect(r.out).toContain('call at beta co');
    expect(r.out).not.toContain('call with beta');
    expect(r.err).toContain('hint: Beta is also a contact, Beta (Acme): pm show "Beta (Acme)"');
    // the command the hint gives shows the contact
    const contact = box.ok(['show', 'Beta (Acme)']);
    expect(contact.out).toContain('call with beta');
    expect(contact.out).not.toContain('call at beta co');
    expect(contact.err).not.toContain('hint:');
  });

  it('names each contact of that name, as pm show takes them', () => {
    box.ok(['log', '--with', 'Beta <beta@gamma.test>', '--account', 'Gamma', '--summary', 'call with gamma']);
    const r = box.ok(['show', 'beta']);
    expect(r.err).toContain(
      'hint: Beta is also the name of 2 contacts: pm show "Beta (Acme)" · pm show "beta@gamma.test"',
    );
    expect(box.ok(['show', 'beta@gamma.test']).out).toContain('call with gamma');
  });

  it('with --json too, on stderr, the JSON the account', () => {
    const r = box.ok(['show', 'Beta', '--json']);
    expect(JSON.parse(r.out).name).toBe('Beta');
    expect(JSON.parse(r.out).conversations.map((c: { summary: string }) => c.summary)).toEqual(['call at beta co']);
    expect(r.err).toContain('pm show "Beta (Acme)"');
  });

  it('an account no contact is named after says nothing more', () => {
    expect(box.ok(['show', 'Acme']).err).toBe('');
  });
});
