// Shell completion's vocabulary and its pure rules. The command table (src/cli/commands.ts) says
// what completes each value; `pm completion` writes the scripts from it (src/render/completion-*.ts)
// and the scripts ask `pm __complete` (src/complete.ts) for what lives in the journal.

/** Records of the journal that complete a value, read by `pm __complete KIND`. */
export const LIVE_KINDS = [
  /** interview ids (I12) with their date, account and summary, and `last` */
  'interview',
  /** hypothesis ids (H3) with their statements: all, the open ones, the decided ones, those with a bet */
  'hypothesis',
  'hypothesis.open',
  'hypothesis.decided',
  'hypothesis.bet',
  /** names, with their account */
  'contact',
  'account',
  /** tags of interviews and hypotheses */
  'tag',
  /** where signals came from (pm log --source) */
  'source',
  /** opportunities: named ones, and the pains of recent interviews */
  'opportunity',
  /** the setting journey.stages */
  'stage',
  /** segments and personas in use */
  'segment',
  'persona',
  /** the conflicts pm sync kept (pm sync resolve), with the record each is about */
  'conflict',
] as const;

export type LiveKind = (typeof LIVE_KINDS)[number];

/** What completes a value that is not one of a fixed set: file names, or the journal's records. */
export type Completes = 'file' | LiveKind | readonly LiveKind[];

export function isLiveKind(word: string): word is LiveKind {
  return (LIVE_KINDS as readonly string[]).includes(word);
}

/** A candidate: the value inserted, and what the shell shows beside it. */
export type Candidate = readonly [value: string, description: string];

const DESCRIPTION_WIDTH = 80;
// C0 and C1 controls, DEL, the bidirectional overrides and isolates: stored text must not drive
// the terminal, nor reorder what is shown beside a candidate
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]+/g;

/** A description on one line: controls become spaces, runs of spaces one, at most 80 characters. */
export function describeLine(text: string): string {
  const line = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  // no more UTF-16 units than that: no more characters either
  if (line.length <= DESCRIPTION_WIDTH) return line;
  const chars = [...line];
  return chars.length > DESCRIPTION_WIDTH ? `${chars.slice(0, DESCRIPTION_WIDTH - 1).join('')}…` : line;
}

/**
 * Can a value be offered? One the shell would insert wrongly is not: control characters (a tab or
 * a newline would also break `pm __complete`'s lines), a leading dash (pm would read an option),
 * or nothing at all.
 */
export function offerable(value: string): boolean {
  return value.trim() !== '' && !value.startsWith('-') && !/[\u0000-\u001F\u007F-\u009F]/.test(value);
}

/**
 * The ranges of ids whose digits start with `digits` (ids up to `max`): "12" is 12, 120–129,
 * 1200–1299 … Each is a range of the primary key, so a prefix is found without reading every row.
 */
export function idRanges(digits: string, max: number): [number, number][] {
  if (!/^\d*$/.test(digits) || digits.startsWith('0')) return [];
  const ranges: [number, number][] = [];
  if (digits === '') return max >= 1 ? [[1, max]] : [];
  const start = Number(digits);
  for (let scale = 1; start * scale <= max && scale <= 1e15; scale *= 10) {
    ranges.push([start * scale, Math.min(max, (start + 1) * scale - 1)]);
  }
  return ranges;
}

/** `pm __complete`'s answer: a line a candidate, its value and description separated by a tab. */
export function candidateLines(candidates: Iterable<Candidate>): string {
  let out = '';
  for (const [value, description] of candidates) {
    if (!offerable(value)) continue;
    const d = describeLine(description);
    out += d ? `${value}\t${d}\n` : `${value}\n`;
  }
  return out;
}
