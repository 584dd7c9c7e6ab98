// Evidence as `pm log --supports/--refutes` names it: a hypothesis, a direction, a strength and a
// basis. After the id come up to two modifiers separated by colons, in any order: a strength
// (weak, medium, strong) and a basis (said, did, paid): H3, H3:strong, H3:paid, H3:strong:paid.
import { UsageError } from '../errors.js';
import { STRENGTHS, type Direction, type Strength } from './hypotheses.js';
import { BASES, type Basis } from './confidence.js';

export interface EvidenceRequest {
  hypothesis: number;
  direction: Direction;
  strength: Strength;
  basis: Basis;
}

const FORMS = 'write H3, or add a strength and a basis: H3:strong, H3:paid, H3:weak:did';

/** "H3", "h3", "3", then ":strength" and/or ":basis" (each at most once). */
export function parseEvidence(raw: string, direction: Direction): EvidenceRequest {
  const m = /^\s*[hH]?(\d{1,15})((?::[^:]*){0,2})\s*$/.exec(raw);
  if (!m) throw new UsageError(`--${direction}: ${JSON.stringify(raw)} is not a hypothesis id`, FORMS);
  let strength: Strength | undefined;
  let basis: Basis | undefined;
  for (const part of m[2].split(':').slice(1)) {
    const word = part.trim().toLowerCase();
    const isStrength = (STRENGTHS as readonly string[]).includes(word);
    const isBasis = (BASES as readonly string[]).includes(word);
    if (!isStrength && !isBasis)
      throw new UsageError(
        `--${direction}: unknown strength or basis ${JSON.stringify(part)}`,
        `strengths: ${STRENGTHS.join(', ')}; bases: ${BASES.join(', ')}`,
      );
    if ((isStrength && strength !== undefined) || (isBasis && basis !== undefined))
      throw new UsageError(
        `--${direction}: ${JSON.stringify(raw)} gives the ${isStrength ? 'strength' : 'basis'} twice`,
        FORMS,
      );
    if (isStrength) strength = word as Strength;
    else basis = word as Basis;
  }
  return { hypothesis: Number(m[1]), direction, strength: strength ?? 'medium', basis: basis ?? 'said' };
}

/** Every --supports and --refutes; one interview cannot both support and refute a hypothesis. */
export function parseEvidenceFlags(supports: string[] = [], refutes: string[] = []): EvidenceRequest[] {
  const all = [
    ...supports.map((s) => parseEvidence(s, 'supports')),
    ...refutes.map((s) => parseEvidence(s, 'refutes')),
  ];
  const seen = new Map<number, EvidenceRequest>();
  for (const e of all) {
    const before = seen.get(e.hypothesis);
    if (before && before.direction !== e.direction)
      throw new UsageError(`H${e.hypothesis} cannot be both supported and refuted by one interview`);
    seen.set(e.hypothesis, e);
  }
  return [...seen.values()];
}
