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

/** Words people write for a severity that pm does not have. */
const SEVERITY_WORDS = new Set(
  'critical crit severe serious urgent important minor major moderate mild trivial normal blocking showstopper'
    .concat(' extreme highest max maximum top lowest min minimum least')
    .concat(' hi lo med mid')
    .split(' '),
);

/**
 * A warning when a pain was stored whole though it seems to end in a severity ("x:critical", "x:hihg"):
 * the word after its last colon is a severity word pm does not have, or a typo of one (the same first
 * letter, at most 2 edits away, 1 for a word of 3 letters). "ratio 3:1" and "note: text" stay silent.
 */
export function painSeverityWarning(p: Pain): string | undefined {
  const word = notASeverity(p.text);
  if (word === undefined) return undefined;
  return (
    `${JSON.stringify(word)} is not a severity (${SEVERITIES.join(', ')}): stored the pain ` +
    `${JSON.stringify(p.text)} at ${p.severity} severity`
  );
}

/** What the words pm does not have mean, the nearest severity (a typo's is the one it is a typo of). */
const MEANT: Readonly<Record<string, Severity>> = Object.fromEntries(
  [
    ['blocker', 'blocking showstopper'],
    ['high', 'critical crit severe serious urgent important major extreme highest max maximum top hi'],
    ['medium', 'moderate normal med mid'],
    ['low', 'minor mild trivial lowest min minimum least lo'],
  ].flatMap(([severity, words]) => words.split(' ').map((w) => [w, severity as Severity])),
);

/**
 * The warnings of an interview's pains (painSeverityWarning), then one line with the `pm edit` that
 * sets the severities they seem meant as: `--pain` replaces the whole list, so it names every pain.
 */
export function painSeverityWarnings(pains: readonly Pain[], id: string): string[] {
  const warnings: string[] = [];
  const meant = pains.map((p) => {
    const warning = painSeverityWarning(p);
    if (warning === undefined) return p;
    warnings.push(warning);
    const word = notASeverity(p.text)!;
    const lower = word.toLowerCase();
    const severity = MEANT[lower] ?? SEVERITIES.find((s) => lower[0] === s[0] && editDistance(lower, s) <= 2)!;
    // a pain that is only the word (":urgent") keeps it as its text: --pain ":high" is an empty pain
    const text = p.text.slice(0, p.text.lastIndexOf(':')).trimEnd();
    return { text: text === '' ? p.text : text, severity };
  });
  if (warnings.length === 0) return warnings;
  const flags = meant.map((p) => `--pain ${shellWord(`${p.text}:${p.severity}`)}`).join(' ');
  warnings.push(`to set the severity meant: pm edit ${id} ${flags}`);
  return warnings;
}

/** The word after a pain's last colon when it seems meant as a severity pm does not have (see above). */
export function notASeverity(text: string): string | undefined {
  const m = /:\s*([A-Za-z]+)\s*$/.exec(text);
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  const typo = (s: string) =>
    word.length >= 3 && word[0] === s[0] && editDistance(word, s) <= (word.length === 3 ? 1 : 2);
  if (isSeverity(word) || (!SEVERITY_WORDS.has(word) && !SEVERITIES.some(typo))) return undefined;
  return m[1];
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
