// Journey stages: the setting journey.stages names them, in order; an interview may carry one.
import { UsageError } from '../errors.js';
import { didYouMean, nearNames } from './text.js';

/** A stage as typed (any case), as the setting spells it; one not in the setting is a usage error. */
export function parseStage(raw: string, stages: string[], flag = '--stage'): string {
  const v = raw.trim().toLowerCase();
  const found = stages.find((s) => s.toLowerCase() === v);
  if (found !== undefined) return found;
  // a typo ("onbaord") named as --channel's are (fresh-eyes wave 17 H20)
  const guess = didYouMean(nearNames(raw, stages, 1));
  throw new UsageError(
    `${flag}: ${JSON.stringify(raw)} is not a journey stage`,
    `${guess ? `${guess} ` : ''}stages: ${stages.join(', ')} ` +
      '(the setting journey.stages: pm config set journey.stages "…")',
  );
}
