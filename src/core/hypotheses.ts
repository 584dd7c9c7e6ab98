// The rules for hypotheses, shared by `pm hyp list`, `pm hyp show` and `pm report`: what status a
// hypothesis has, which outcome moves are legal, and which flags it raises. Pure functions.
import { daysBetween } from './dates.js';
import type { Config } from './config.js';

export const KINDS = ['value', 'usability', 'feasibility', 'viability'] as const;
export type HypothesisKind = (typeof KINDS)[number];
export const STATUSES = ['open', 'validated', 'invalidated', 'killed'] as const;
export type HypothesisStatus = (typeof STATUSES)[number];
export const OUTCOMES = ['validated', 'invalidated', 'killed', 'reopened'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const STRENGTHS = ['weak', 'medium', 'strong'] as const;
export type Strength = (typeof STRENGTHS)[number];
export type Direction = 'supports' | 'refutes';

export type HypothesisFlag = 'stale' | 'past-decide-by' | 'ready-to-validate' | 'ready-to-kill' | 'no-evidence';

/**
 * Evidence as it counts: `supports`/`refutes` and the customer counts come only from customer
 * contact (a direct conversation with a customer or prospect); the same person in several
 * interviews is one customer. Second-hand signals and stakeholder meetings are counted apart
 * (`otherSupports`/`otherRefutes`) and never raise a flag.
 */
export interface EvidenceStats {
  createdOn: string;
  decideBy: string;
  supports: number;
  refutes: number;
  customersSupporting: number;
  customersRefuting: number;
  /** distinct accounts of the supporting customers */
  accountsSupporting: number;
  otherSupports: number;
  otherRefutes: number;
  /** date of the latest customer-contact evidence, or null */
  lastEvidence: string | null;
}

export function hypothesisFlags(s: EvidenceStats, asOf: string, config: Config): HypothesisFlag[] {
  const flags: HypothesisFlag[] = [];
  const since = s.lastEvidence ?? s.createdOn;
  if (daysBetween(since, asOf) > config['hypothesis.staleDays']) flags.push('stale');
  if (s.decideBy < asOf) flags.push('past-decide-by');
  if (s.customersSupporting >= config['evidence.validateAt'] && s.accountsSupporting >= 2 && s.customersRefuting === 0)
    flags.push('ready-to-validate');
  if (s.customersRefuting >= config['evidence.killAt']) flags.push('ready-to-kill');
  if (s.supports + s.refutes === 0) flags.push('no-evidence');
  return flags;
}

/** The status after an outcome: reopened means open again. */
export function statusAfter(outcome: Outcome): HypothesisStatus {
  return outcome === 'reopened' ? 'open' : outcome;
}

/**
 * Is `outcome` a legal move from `status`? From open: validate, invalidate or kill. From validated,
 * invalidated or killed: only reopen. Returns null when legal, else why not.
 */
export function illegalMove(status: HypothesisStatus, outcome: Outcome): string | null {
  if (status === 'open') return outcome === 'reopened' ? 'it is already open' : null;
  if (outcome === 'reopened') return null;
  return `it is ${status}; reopen it first`;
}
