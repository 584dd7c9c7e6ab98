// How sure the evidence lets us be of a hypothesis: a level on a ladder in the spirit of Itamar
// Gilad's confidence meter, from what its supporting evidence rests on, counted per distinct
// customer. Shown in `pm hyp list/show`, the report, `pm tree` and the markdown export.
import { UsageError } from '../errors.js';
import type { Config } from './config.js';

/** What an evidence link rests on: they told us, we saw them do it, or they paid / signed. */
export const BASES = ['said', 'did', 'paid'] as const;
export type Basis = (typeof BASES)[number];

/** A basis as evidence_totals ranks it (0 said, 1 did, 2 paid), or null: no customer evidence. */
export type BasisRank = 0 | 1 | 2 | null;

export function basisRank(basis: Basis): 0 | 1 | 2 {
  return basis === 'paid' ? 2 : basis === 'did' ? 1 : 0;
}

export function parseBasis(value: string, flag = '--basis'): Basis {
  const v = value.trim().toLowerCase();
  if ((BASES as readonly string[]).includes(v)) return v as Basis;
  throw new UsageError(
    `${flag}: ${JSON.stringify(value)} is not a basis`,
    'bases: said (they told us; the default), did (observed behaviour, usage data), ' +
      'paid (money or a signed commitment)',
  );
}

/** The ladder, lowest first. */
export const CONFIDENCE_LEVELS = ['none', 'opinion', 'anecdotal', 'customers', 'behaviour', 'commitment'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_SCORES: Record<ConfidenceLevel, number> = {
  none: 0,
  opinion: 0.1,
  anecdotal: 0.5,
  customers: 1,
  behaviour: 3,
  commitment: 5,
};

/** One direction's evidence (supporting or refuting), as evidence_totals and the counts hold it. */
export interface SideEvidence {
  /** distinct customers (customers and prospects in customer conversations) */
  customers: number;
  /** their distinct accounts */
  accounts: number;
  /** links from second-hand signals and meetings with stakeholders or partners only */
  other: number;
  /** the strongest basis among the customer-conversation links, or null when there is none */
  basis: BasisRank;
}

/**
 * The highest level one direction's evidence reaches:
 * - `commitment` (5): a customer's evidence is `paid`;
 * - `behaviour` (3): a customer's evidence is `did`;
 * - `customers` (1): at least evidence.validateAt customers from at least two accounts;
 * - `anecdotal` (0.5): fewer customers, or all from one account (a custom request);
 * - `opinion` (0.1): only stakeholders, partners or second-hand signals;
 * - `none` (0): nothing.
 * A basis counts only on customer evidence: a signal that someone paid is still second-hand.
 */
export function levelOf(side: SideEvidence, validateAt: number): ConfidenceLevel {
  if (side.customers > 0 && side.basis === 2) return 'commitment';
  if (side.customers > 0 && side.basis === 1) return 'behaviour';
  if (side.customers >= validateAt && side.accounts >= 2) return 'customers';
  if (side.customers > 0) return 'anecdotal';
  if (side.other > 0) return 'opinion';
  return 'none';
}

/** JSON on every hypothesis: `refutedAt` is the refuting evidence's level, null when nothing refutes it. */
export interface Confidence {
  level: ConfidenceLevel;
  score: number;
  refutedAt: ConfidenceLevel | null;
}

/** What confidence is computed from: the evidence counts every hypothesis record carries. */
export interface ConfidenceInputs {
  customersSupporting: number;
  accountsSupporting: number;
  otherSupports: number;
  basisSupporting: BasisRank;
  customersRefuting: number;
  accountsRefuting: number;
  otherRefutes: number;
  basisRefuting: BasisRank;
}

export function confidenceOf(s: ConfidenceInputs, config: Pick<Config, 'evidence.validateAt'>): Confidence {
  const validateAt = config['evidence.validateAt'];
  const level = levelOf(
    {
      customers: s.customersSupporting,
      accounts: s.accountsSupporting,
      other: s.otherSupports,
      basis: s.basisSupporting,
    },
    validateAt,
  );
  const refuted = levelOf(
    { customers: s.customersRefuting, accounts: s.accountsRefuting, other: s.otherRefutes, basis: s.basisRefuting },
    validateAt,
  );
  return { level, score: CONFIDENCE_SCORES[level], refutedAt: refuted === 'none' ? null : refuted };
}

/**
 * "behaviour (score 3 of 5)", or "anecdotal (score 0.5 of 5) · refuted: customers (score 1 of 5)": how
 * text views show it. The score is labelled: "customers 1" beside "3 for" read as a count of customers
 * (fresh-eyes wave 15 H16).
 */
export function confidenceText(c: Confidence): string {
  const refuted = c.refutedAt === null ? '' : ` · refuted: ${scored(c.refutedAt)}`;
  return `${scored(c.level)}${refuted}`;
}

function scored(level: ConfidenceLevel): string {
  return `${level} (score ${CONFIDENCE_SCORES[level]} of ${CONFIDENCE_SCORES.commitment})`;
}

/** The short form a table column has room for: "behaviour", or "anecdotal vs customers" (refuted at). */
export function confidenceCell(c: Confidence): string {
  return c.refutedAt === null ? c.level : `${c.level} vs ${c.refutedAt}`;
}
