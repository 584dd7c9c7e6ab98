// Conviction bets (src/core/hypotheses.ts): running from their first day to --until inclusive, due
// from the day after; while one runs the hypothesis carries `bet`, once due `bet-due`.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/core/config.js';
import { betState, hypothesisFlags, type Bet, type EvidenceStats } from '../../src/core/hypotheses.js';

const bet: Bet = { since: '2026-11-10', until: '2026-11-30', reason: 'we have seen the pain' };

// stale, past its decide-by and refuted by two customers: every flag a bet holds
const doomed: EvidenceStats = {
  createdOn: '2026-09-01',
  decideBy: '2026-10-01',
  supports: 0,
  refutes: 2,
  customersSupporting: 0,
  customersRefuting: 2,
  accountsSupporting: 0,
  accountsRefuting: 2,
  otherSupports: 0,
  otherRefutes: 0,
  lastEvidence: '2026-09-10',
  basisSupporting: null,
  basisRefuting: 0,
};

describe('betState', () => {
  it('is nothing before the bet starts, running on its first day and on --until, due the day after', () => {
    expect(betState(null, '2026-11-20')).toBeNull();
    expect(betState(bet, '2026-11-09')).toBeNull();
    expect(betState(bet, '2026-11-10')).toBe('running');
    expect(betState(bet, '2026-11-20')).toBe('running');
    expect(betState(bet, '2026-11-30')).toBe('running');
    expect(betState(bet, '2026-12-01')).toBe('due');
    expect(betState(bet, '2027-03-01')).toBe('due');
  });
});

describe('the flags of a hypothesis held as a bet', () => {
  it('keep stale, past-decide-by and ready-to-kill, and add bet while it runs (the report makes them wait)', () => {
    expect(hypothesisFlags(doomed, '2026-11-20', DEFAULTS)).toEqual(['stale', 'past-decide-by', 'ready-to-kill']);
    expect(hypothesisFlags(doomed, '2026-11-20', DEFAULTS, bet)).toEqual([
      'stale',
      'past-decide-by',
      'ready-to-kill',
      'bet',
    ]);
    expect(hypothesisFlags(doomed, '2026-11-30', DEFAULTS, bet)).toContain('bet');
  });

  it('say bet-due from the day after --until, and no longer bet', () => {
    const after = hypothesisFlags(doomed, '2026-12-01', DEFAULTS, bet);
    expect(after).toContain('bet-due');
    expect(after).not.toContain('bet');
  });
});
