// pm edit --with that leaves no customer in a conversation says what it now is, as pm log does, and
// names the hypotheses whose customer evidence it stops being (fresh-eyes wave 19 H21): a validated
// hypothesis lost its "paid" evidence without a word.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
  box.ok(['log', '--with', 'Sally Sales', '--account', 'Our Co', '--summary', 'sync', '--date', '2026-10-02']);
  box.ok(['contact', 'set', 'Sally Sales', '--role', 'stakeholder']);
  box.ok(['hyp', 'add', 'Finance teams will pay for matching', '--date', '2026-10-01']);
  box.ok([
    'log',
    '--with',
    'Bruce Kim',
    '--account',
    'Wayne',
    '--summary',
    'paid',
    '--supports',
    'H1:strong:paid',
    '--date',
    '2026-10-26',
  ]);
});
afterEach(() => box.cleanup());

describe('pm edit --with that leaves a customer call without a customer', () => {
  it('says it is a stakeholder meeting now and that its evidence for H1 no longer counts', () => {
    box.ok(['hyp', 'validate', 'H1', '--reason', 'Wayne paid']);
    const r = box.ok(['edit', 'I2', '--with', 'Sally Sales']);
    expect(r.out).toMatch(
      /^Edited I2 · call with Sally Sales \(.*\) on 2026-10-26 · a stakeholder meeting: not customer contact$/m,
    );
    expect(r.err).toContain(
      'pm: warning: I2 is no longer customer contact (no customer present): its evidence no longer counts for H1 (validated)',
    );
  });

  it('says nothing of evidence when the call stays a customer call', () => {
    const r = box.ok(['edit', 'I2', '--with', 'Bruce Kim', '--with', 'Sally Sales']);
    expect(r.err).not.toMatch(/no longer/);
    expect(r.out).not.toMatch(/not customer contact/);
  });
});
