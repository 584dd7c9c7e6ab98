// The hypothesis rules at their boundaries: flags, outcome moves, ids.
import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Config } from '../../src/core/config.js';
import {
  checkOutcome,
  hypothesisFlags,
  hypothesisRecord,
  illegalMove,
  parseHypothesisId,
  type EvidenceStats,
  type HypothesisFacts,
} from '../../src/core/hypotheses.js';
import { UsageError } from '../../src/errors.js';

const config: Config = { ...DEFAULTS }; // staleDays 14, validateAt 3, killAt 2
const asOf = '2026-11-20';

function stats(over: Partial<EvidenceStats> = {}): EvidenceStats {
  return {
    createdOn: '2026-11-10',
    decideBy: '2026-12-08',
    supports: 0,
    refutes: 0,
    customersSupporting: 0,
    customersRefuting: 0,
    accountsSupporting: 0,
    accountsRefuting: 0,
    otherSupports: 0,
    otherRefutes: 0,
    lastEvidence: null,
    basisSupporting: null,
    basisRefuting: null,
    ...over,
  };
}

describe('stale', () => {
  it('is raised only after more than staleDays days since the last evidence', () => {
    const exactly = stats({
      createdOn: '2026-10-01',
      supports: 1,
      customersSupporting: 1,
      accountsSupporting: 1,
      lastEvidence: '2026-11-06',
    });
    expect(hypothesisFlags(exactly, asOf, config)).not.toContain('stale');
    expect(hypothesisFlags({ ...exactly, lastEvidence: '2026-11-05' }, asOf, config)).toContain('stale');
  });

  it('counts from creation when there is no evidence', () => {
    expect(hypothesisFlags(stats({ createdOn: '2026-11-06' }), asOf, config)).not.toContain('stale');
    expect(hypothesisFlags(stats({ createdOn: '2026-11-05' }), asOf, config)).toContain('stale');
  });

  it('is not raised on a new hypothesis whose linked interview is older than it', () => {
    const s = stats({
      createdOn: '2026-11-19',
      supports: 1,
      customersSupporting: 1,
      accountsSupporting: 1,
      lastEvidence: '2026-09-01',
    });
    expect(hypothesisFlags(s, asOf, config)).not.toContain('stale');
  });

  it('follows hypothesis.staleDays', () => {
    expect(
      hypothesisFlags(stats({ createdOn: '2026-11-15' }), asOf, { ...config, 'hypothesis.staleDays': 4 }),
    ).toContain('stale');
  });
});

describe('past-decide-by', () => {
  it('is raised the day after the decide-by date, not on it', () => {
    expect(hypothesisFlags(stats({ decideBy: asOf }), asOf, config)).not.toContain('past-decide-by');
    expect(hypothesisFlags(stats({ decideBy: '2026-11-19' }), asOf, config)).toContain('past-decide-by');
  });
});

describe('ready-to-validate', () => {
  const ready = stats({ supports: 3, customersSupporting: 3, accountsSupporting: 2, lastEvidence: '2026-11-19' });

  it('needs exactly validateAt distinct supporting customers', () => {
    expect(hypothesisFlags(ready, asOf, config)).toContain('ready-to-validate');
    expect(hypothesisFlags({ ...ready, customersSupporting: 2 }, asOf, config)).not.toContain('ready-to-validate');
  });

  it('is not raised when the same customer supported several times', () => {
    // three supporting interviews, but with two people
    expect(hypothesisFlags({ ...ready, supports: 3, customersSupporting: 2 }, asOf, config)).not.toContain(
      'ready-to-validate',
    );
  });

  it('is not raised when all the customers come from one account', () => {
    expect(hypothesisFlags({ ...ready, accountsSupporting: 1 }, asOf, config)).not.toContain('ready-to-validate');
  });

  it('is not raised when any customer refutes', () => {
    expect(hypothesisFlags({ ...ready, refutes: 1, customersRefuting: 1 }, asOf, config)).not.toContain(
      'ready-to-validate',
    );
  });

  it('ignores stakeholder and second-hand support', () => {
    const secondHand = stats({ otherSupports: 10, lastEvidence: null });
    expect(hypothesisFlags(secondHand, asOf, config)).not.toContain('ready-to-validate');
    expect(hypothesisFlags(secondHand, asOf, config)).toContain('no-evidence');
  });

  it('follows evidence.validateAt', () => {
    expect(
      hypothesisFlags({ ...ready, customersSupporting: 2 }, asOf, { ...config, 'evidence.validateAt': 2 }),
    ).toContain('ready-to-validate');
  });
});

describe('ready-to-kill and no-evidence', () => {
  it('ready-to-kill needs exactly killAt distinct refuting customers', () => {
    const one = stats({ refutes: 2, customersRefuting: 1, lastEvidence: '2026-11-19' });
    expect(hypothesisFlags(one, asOf, config)).not.toContain('ready-to-kill');
    expect(hypothesisFlags({ ...one, customersRefuting: 2 }, asOf, config)).toContain('ready-to-kill');
  });

  it('no-evidence goes away with the first customer evidence', () => {
    expect(hypothesisFlags(stats(), asOf, config)).toEqual(['no-evidence']);
    expect(
      hypothesisFlags(stats({ refutes: 1, customersRefuting: 1, lastEvidence: '2026-11-19' }), asOf, config),
    ).toEqual([]);
  });
});

describe('the record', () => {
  const facts: HypothesisFacts = {
    ...stats({ createdOn: '2026-10-01', decideBy: '2026-10-29' }),
    id: 'H2',
    uuid: 'u',
    statement: 's',
    kind: 'value',
    criteria: null,
    status: 'killed',
    outcome: 'killed',
    outcomeDate: '2026-11-01',
    outcomeReason: 'no market',
    tags: [],
    bet: null,
  };

  it('raises no flags on a decided hypothesis, and carries the decision', () => {
    const r = hypothesisRecord(facts, [], asOf, config);
    expect(r.flags).toEqual([]);
    expect(r.decision).toEqual({ outcome: 'killed', date: '2026-11-01', reason: 'no market' });
    expect(r.ageDays).toBe(50);
  });

  it('raises them again once reopened', () => {
    const r = hypothesisRecord({ ...facts, status: 'open', outcome: 'reopened' }, [], asOf, config);
    expect(r.flags).toEqual(['stale', 'past-decide-by', 'no-evidence']);
  });
});

describe('outcome moves', () => {
  it('allows validate, invalidate and kill from open, and only reopen after', () => {
    for (const o of ['validated', 'invalidated', 'killed'] as const) {
      expect(illegalMove('open', o)).toBeNull();
      expect(illegalMove(o, 'reopened')).toBeNull();
      expect(illegalMove(o, 'validated')).not.toBeNull();
      expect(illegalMove(o, 'killed')).not.toBeNull();
    }
    expect(illegalMove('open', 'reopened')).not.toBeNull();
  });

  const killed = {
    id: 'H3',
    status: 'killed' as const,
    createdOn: '2026-10-01',
    latest: { outcome: 'killed' as const, date: '2026-11-10', reason: 'r' },
  };

  it('names the fix for a killed hypothesis', () => {
    expect(() => checkOutcome(killed, 'validated', asOf)).toThrow(UsageError);
    try {
      checkOutcome(killed, 'validated', asOf);
    } catch (err) {
      expect((err as UsageError).hint).toContain('pm hyp reopen H3');
    }
  });

  it('refuses an outcome dated before the latest one, accepts the same day', () => {
    expect(() => checkOutcome(killed, 'reopened', '2026-11-09')).toThrow(/before that/);
    expect(() => checkOutcome(killed, 'reopened', '2026-11-10')).not.toThrow();
  });

  it('refuses an outcome dated before the hypothesis was created', () => {
    const open = { id: 'H1', status: 'open' as const, createdOn: '2026-11-10', latest: null };
    expect(() => checkOutcome(open, 'killed', '2026-11-09')).toThrow(/created on 2026-11-10/);
    expect(() => checkOutcome(open, 'killed', '2026-11-10')).not.toThrow();
  });
});

describe('hypothesis ids', () => {
  it('accepts H7, h7 and 7 (a number alone, as --supports 7 takes it: wave 14 H19), nothing else', () => {
    expect(parseHypothesisId('H7')).toBe(7);
    expect(parseHypothesisId('h12')).toBe(12);
    expect(parseHypothesisId('7')).toBe(7);
    for (const bad of ['0', 'H', 'H0', 'I7', 'H7x', 'H-1', '']) expect(parseHypothesisId(bad)).toBeNull();
  });
});
