// Pains and how much they hurt (issue 17): each pain an interview records carries a severity, and
// pains group into opportunities by their text, case- and space-insensitively. Pure functions.
import { UsageError } from '../errors.js';
import { LIMITS, checkText, editDistance, shellWord } from './text.js';

export const SEVERITIES = ['low', 'medium', 'high', 'blocker'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const DEFAULT_SEVERITY: Severity = 'medium';

/**
 * What a customer's pain weighs in an opportunity's worth-solving score (docs/reference.md,
 * "pm opportunities"): a blocker is worth more than a high and a medium together, so that one
 * customer who cannot go on outranks two who are merely annoyed.
 */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { low: 1, medium: 2, high: 3, blocker: 5 };

export interface Pain {
  text: string;
  severity: Severity;
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export function parseSeverity(value: string, what = '--severity'): Severity {
  const v = value.trim().toLowerCase();
  if (isSeverity(v)) return v;
  throw new UsageError(`${what}: ${JSON.stringify(value)} is not a severity`, `severities: ${SEVERITIES.join(', ')}`);
}

/**
 * A pain as `--pain` takes it: `"slow CSV export"` (medium), or with a severity after the last
 * colon, `"slow CSV export:high"`. Only one of the four severities after the colon is read as one,
 * so a pain that holds a colon ("Error: timeout") stays whole; one that ends in a severity word
 * ("Priority: high") is written with its own severity after it ("Priority: high:medium").
 */
export function parsePain(raw: string, flag = '--pain'): Pain {
  const m = /^([\s\S]*):\s*([A-Za-z]+)\s*$/.exec(raw);
  const severity = m ? m[2].toLowerCase() : '';
  if (m && isSeverity(severity))
    return { text: checkText(flag, m[1].trimEnd(), LIMITS.pain, { line: true }), severity };
  return { text: checkText(flag, raw, LIMITS.pain, { line: true }), severity: DEFAULT_SEVERITY };
}

/** Words people write for a severity pm does not have, and the one each is nearest. */
const MEANT: ReadonlyMap<string, Severity> = new Map(
  [
    ['blocker', 'blocking showstopper'],
    ['high', 'critical crit severe serious urgent important major extreme highest max maximum top hi'],
    ['medium', 'moderate normal med mid'],
    ['low', 'minor mild trivial lowest min minimum least lo'],
  ].flatMap(([severity, words]) => words.split(' ').map((w) => [w, severity as Severity])),
);

/**
 * The severity a pain's last word (after its colon) seems meant as, when it is none of pm's: a word of
 * MEANT, or a typo of a severity (the same first letter, at most 2 edits away, 1 for a word of 3
 * letters). "ratio 3:1", "note: text" and "export: slow" (one edit from low, another first letter) are none.
 */
function meantSeverity(text: string): { word: string; severity: Severity } | undefined {
  const m = /:\s*([A-Za-z]+)\s*$/.exec(text);
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  if (isSeverity(word)) return undefined;
  const severity =
    MEANT.get(word) ??
    (word.length >= 3
      ? SEVERITIES.find((s) => word[0] === s[0] && editDistance(word, s) <= (word.length === 3 ? 1 : 2))
      : undefined);
  return severity === undefined ? undefined : { word: m[1], severity };
}

/** The word after a pain's last colon when it seems meant as a severity pm does not have (meantSeverity). */
export function notASeverity(text: string): string | undefined {
  return meantSeverity(text)?.word;
}

/**
 * For a pain stored whole though it seems to end in a severity ("x:critical", "x:hihg"), a warning that
 * says so; after them, one line with the `pm edit` that sets the severities they seem meant as:
 * `--pain` replaces the whole list, so it names every pain.
 */
export function painSeverityWarnings(pains: readonly Pain[], id: string): string[] {
  const warnings: string[] = [];
  const meant = pains.map((p) => {
    const found = meantSeverity(p.text);
    if (found === undefined) return p;
    warnings.push(
      `${JSON.stringify(found.word)} is not a severity (${SEVERITIES.join(', ')}): stored the pain ` +
        `${JSON.stringify(p.text)} at ${p.severity} severity`,
    );
    // a pain that is only the word (":urgent") keeps it as its text: --pain ":high" is an empty pain
    const text = p.text.slice(0, p.text.lastIndexOf(':')).trimEnd();
    return { text: text === '' ? p.text : text, severity: found.severity };
  });
  if (warnings.length === 0) return warnings;
  // each pain as --pain reads it back: one kept as it was by its text alone where that reads the same
  const typed = (p: Pain, i: number) => {
    const alone = parsePain(p.text);
    const same = p === pains[i] && alone.text === p.text && alone.severity === p.severity;
    return same ? p.text : `${p.text}:${p.severity}`;
  };
  const flags = meant.map((p, i) => `--pain ${shellWord(typed(p, i))}`).join(' ');
  warnings.push(`to set the severity meant: pm edit ${id} ${flags}`);
  return warnings;
}

/**
 * The key pains group by: Unicode NFC, lower case, runs of white space as one space, trimmed.
 * "Slow  CSV export " and "slow csv export" are one pain.
 */
export function painKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** `slow CSV export (high)`: a pain as text and markdown show it. */
export function painLabel(p: Pain): string {
  return `${p.text} (${p.severity})`;
}
