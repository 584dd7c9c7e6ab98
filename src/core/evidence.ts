// Evidence as `pm log --supports/--refutes` names it: a hypothesis, a direction and a strength.
import { UsageError } from '../errors.js';
import { STRENGTHS, type Direction, type Strength } from './hypotheses.js';

export interface EvidenceRequest {
  hypothesis: number;
  direction: Direction;
  strength: Strength;
}

/** "H3", "h3", "3", optionally ":weak" / ":medium" / ":strong". */
export function parseEvidence(raw: string, direction: Direction): EvidenceRequest {
  const m = /^\s*[hH]?(\d{1,15})(?::(\w+))?\s*$/.exec(raw);
  if (!m)
    throw new UsageError(
      `--${direction}: ${JSON.stringify(raw)} is not a hypothesis id`,
      `write --${direction} H3, or H3:strong / H3:weak`,
    );
  const strength = (m[2] ?? 'medium').toLowerCase();
  if (!(STRENGTHS as readonly string[]).includes(strength))
    throw new UsageError(
      `--${direction}: unknown strength ${JSON.stringify(m[2])}`,
      `strengths: ${STRENGTHS.join(', ')}`,
    );
  return { hypothesis: Number(m[1]), direction, strength: strength as Strength };
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
