// Confidence from evidence (src/core/confidence.ts) at every boundary of the ladder, each way.
import { describe, expect, it } from 'vitest';
import {
  confidenceCell,
  confidenceOf,
  confidenceText,
  levelOf,
  parseBasis,
  type ConfidenceInputs,
  type SideEvidence,
} from '../../src/core/confidence.js';
import { DEFAULTS } from '../../src/core/config.js';
import { UsageError } from '../../src/errors.js';

const side = (over: Partial<SideEvidence> = {}): SideEvidence => ({
  customers: 0,
  accounts: 0,
  other: 0,
  basis: null,
  ...over,
});

const inputs = (over: Partial<ConfidenceInputs> = {}): ConfidenceInputs => ({
  customersSupporting: 0,
  accountsSupporting: 0,
  otherSupports: 0,
  basisSupporting: null,
  customersRefuting: 0,
  accountsRefuting: 0,
  otherRefutes: 0,
  basisRefuting: null,
  ...over,
});

describe('the level one direction reaches', () => {
  it('none without evidence; opinion with only stakeholders, partners or signals', () => {
    expect(levelOf(side(), 3)).toBe('none');
    expect(levelOf(side({ other: 1 }), 3)).toBe('opinion');
    expect(levelOf(side({ other: 12 }), 3)).toBe('opinion');
  });

  it('anecdotal from the first customer up to one short of validateAt', () => {
    expect(levelOf(side({ customers: 1, accounts: 1, basis: 0 }), 3)).toBe('anecdotal');
    expect(levelOf(side({ customers: 2, accounts: 2, basis: 0, other: 4 }), 3)).toBe('anecdotal');
  });

  it('customers at exactly validateAt customers from two accounts; one account is still a custom request', () => {
    expect(levelOf(side({ customers: 3, accounts: 2, basis: 0 }), 3)).toBe('customers');
    expect(levelOf(side({ customers: 3, accounts: 1, basis: 0 }), 3)).toBe('anecdotal');
    expect(levelOf(side({ customers: 9, accounts: 1, basis: 0 }), 3)).toBe('anecdotal');
    expect(levelOf(side({ customers: 4, accounts: 2, basis: 0 }), 5)).toBe('anecdotal');
    expect(levelOf(side({ customers: 5, accounts: 2, basis: 0 }), 5)).toBe('customers');
  });

  it('behaviour with one customer whose evidence is did; commitment with one that paid', () => {
    expect(levelOf(side({ customers: 1, accounts: 1, basis: 1 }), 3)).toBe('behaviour');
    expect(levelOf(side({ customers: 1, accounts: 1, basis: 2 }), 3)).toBe('commitment');
    // the highest level reached: a paying customer outranks many who said so
    expect(levelOf(side({ customers: 8, accounts: 4, basis: 2 }), 3)).toBe('commitment');
    expect(levelOf(side({ customers: 8, accounts: 4, basis: 1 }), 3)).toBe('behaviour');
  });

  it('a basis on second-hand evidence alone stays an opinion', () => {
    // no customer evidence: evidence_totals has no basis for it; the signal counts as opinion
    expect(levelOf(side({ other: 3, basis: null }), 3)).toBe('opinion');
  });
});

describe("a hypothesis's confidence", () => {
  it('has the score of its level, and no refuted level when nothing refutes it', () => {
    const scores = [
      [inputs(), 'none', 0],
      [inputs({ otherSupports: 1 }), 'opinion', 0.1],
      [inputs({ customersSupporting: 2, accountsSupporting: 1, basisSupporting: 0 }), 'anecdotal', 0.5],
      [inputs({ customersSupporting: 3, accountsSupporting: 2, basisSupporting: 0 }), 'customers', 1],
      [inputs({ customersSupporting: 1, accountsSupporting: 1, basisSupporting: 1 }), 'behaviour', 3],
      [inputs({ customersSupporting: 1, accountsSupporting: 1, basisSupporting: 2 }), 'commitment', 5],
    ] as const;
    for (const [i, level, score] of scores)
      expect(confidenceOf(i, DEFAULTS), level).toEqual({ level, score, refutedAt: null });
  });

  it("puts the refuting evidence's level beside it, climbing the same ladder", () => {
    const supported = { customersSupporting: 3, accountsSupporting: 2, basisSupporting: 0 as const };
    expect(confidenceOf(inputs({ ...supported, otherRefutes: 1 }), DEFAULTS).refutedAt).toBe('opinion');
    expect(
      confidenceOf(inputs({ ...supported, customersRefuting: 1, accountsRefuting: 1, basisRefuting: 0 }), DEFAULTS)
        .refutedAt,
    ).toBe('anecdotal');
    expect(
      confidenceOf(inputs({ ...supported, customersRefuting: 3, accountsRefuting: 2, basisRefuting: 0 }), DEFAULTS)
        .refutedAt,
    ).toBe('customers');
    expect(
      confidenceOf(inputs({ ...supported, customersRefuting: 1, accountsRefuting: 1, basisRefuting: 1 }), DEFAULTS)
        .refutedAt,
    ).toBe('behaviour');
    const churned = confidenceOf(
      inputs({ ...supported, customersRefuting: 1, accountsRefuting: 1, basisRefuting: 2 }),
      DEFAULTS,
    );
    expect(churned).toEqual({ level: 'customers', score: 1, refutedAt: 'commitment' });
    expect(confidenceText(churned)).toBe('customers (score 1 of 5) · refuted: commitment (score 5 of 5)');
    expect(confidenceCell(churned)).toBe('customers vs commitment');
  });

  it('reads evidence.validateAt', () => {
    const three = inputs({ customersSupporting: 3, accountsSupporting: 3, basisSupporting: 0 });
    expect(confidenceOf(three, DEFAULTS).level).toBe('customers');
    expect(confidenceOf(three, { 'evidence.validateAt': 4 }).level).toBe('anecdotal');
  });
});

describe('parseBasis', () => {
  it('takes said, did and paid in any case, and names them when it refuses', () => {
    expect(parseBasis(' Paid ')).toBe('paid');
    expect(parseBasis('did')).toBe('did');
    expect(() => parseBasis('bought')).toThrow(UsageError);
    expect(() => parseBasis('bought')).toThrow(/"bought" is not a basis/);
  });
});
