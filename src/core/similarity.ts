// Does a new hypothesis restate an idea already killed or invalidated? Token overlap: the Jaccard
// index of the two statements' content words (lower-cased, accents stripped, a light plural
// stemming, stop-words and the "We believe that …" framing removed). Cheap, explainable, and
// needs no full-text index over hypotheses. A statement and its denial ("do not want") share their
// words and are opposite beliefs: they never match (negated).

const STOP_WORDS = new Set(
  `a an the and or but if of to in on at by for from with without into onto about as is are was were be been being
   it its this that these those there their they them we our us i my me you your he she his her
   will would can could should shall may might must do does did doing done have has had having
   not no nor never none neither nobody nothing cannot
   so than then too very just also more most some any all each every other such own same
   believe think expect assume hypothesis hypothesize hypothesise want wants need needs
   who whom which what when where why how because while until
   s t d m ll re ve`
    .split(/\s+/)
    .filter(Boolean),
);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lower-cased, accents stripped, a contraction's negation taken off ("don't" is "do", "won't" "will"). */
function plain(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(won|can|shan)['’]t\b/g, (_m, w: string) => ({ won: 'will', can: 'can', shan: 'shall' })[w]!)
    .replace(/(\p{L})n['’]t\b/gu, '$1');
}

const NEGATION = /\b(?:not|no|nor|never|none|neither|nobody|nothing|cannot)\b|n['’]t\b/;

/**
 * Does the statement deny what its words say ("do not want", "don't want", "never want")? The
 * negation is a stop-word of contentWords, so "want" and "do not want" share their words; a statement
 * and its denial are opposite beliefs, never the same one (fresh-eyes wave 18 H12).
 */
export function negated(text: string): boolean {
  return NEGATION.test(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
}

/** The content words of a statement, normalised for comparison. */
export function contentWords(text: string): Set<string> {
  const words = plain(text)
    .split(/[^\p{L}\p{N}]+/u)
    // a one-character word is the belief's as any other: "pay 5" is not "pay 9", "Plan B" not "Plan C";
    // what an apostrophe leaves ("team's", "we'll") is a stop-word
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .map(stem);
  return new Set(words);
}

/** |A ∩ B| / |A ∪ B|: 1 for the same words, 0 for none in common. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Two statements this similar or more are taken for the same idea. */
export const RESEMBLANCE_THRESHOLD = 0.5;

/** The candidate whose statement most resembles `statement`, at or above the threshold; else null. */
export function mostResembling<T extends { statement: string }>(
  statement: string,
  candidates: readonly T[],
  threshold = RESEMBLANCE_THRESHOLD,
): { item: T; score: number } | null {
  const words = contentWords(statement);
  const denies = negated(statement);
  let best: { item: T; score: number } | null = null;
  for (const item of candidates) {
    // its denial is another belief: a killed "want" is evidence for "do not want"
    if (negated(item.statement) !== denies) continue;
    const score = jaccard(words, contentWords(item.statement));
    if (score >= threshold && (!best || score > best.score)) best = { item, score };
  }
  return best;
}

/**
 * Two statements with the same content words (case, accents, plurals, stop-words and the "We believe"
 * framing aside) are one belief written twice: the key they share. '' for a statement of no content word.
 */
export function statementKey(text: string): string {
  const key = [...contentWords(text)].sort().join(' ');
  return key !== '' && negated(text) ? `not ${key}` : key;
}

/** The key of the statement's opposite: "want x" of "do not want x", and the other way. */
export function oppositeKey(text: string): string {
  const key = [...contentWords(text)].sort().join(' ');
  return key !== '' && !negated(text) ? `not ${key}` : key;
}
