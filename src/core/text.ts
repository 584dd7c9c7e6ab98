// Limits on what a user may store, and safe display of what they stored.
import { UsageError } from '../errors.js';
import { PLAIN_LETTERS } from './plain-letters.js';

export const LIMITS = {
  summary: 1000,
  name: 500,
  account: 500,
  tag: 500,
  pain: 500,
  quote: 500,
  statement: 1000,
  criteria: 1000,
  reason: 1000,
  segment: 500,
  persona: 500,
  /** a journey stage's name (journey.stages) */
  stage: 50,
  email: 500,
  notes: 5 * 1024 * 1024,
} as const;

/**
 * Check a piece of user text: no NUL bytes, no invalid UTF-8 (lone surrogates, U+FFFD from a bad
 * decode), within its limit. Returns the text as typed but for its line ends: Windows' CRLF is read
 * as "\n" (fresh-eyes wave 11 E6: notes saved by Notepad or a transcript tool were stored with their
 * CRs, which pm show prints as ␍ on every line); a lone CR is a control character like any other,
 * kept and shown escaped. `asIs`: a file pm imports, whose text is kept as its journal held it.
 * Throws a usage error.
 */
export function checkText(
  what: string,
  raw: string,
  limit: number,
  opts: { allowEmpty?: boolean; asIs?: boolean; line?: boolean } = {},
): string {
  // (a CR left at the very end, what $(…) keeps of a Windows line end, goes; and for a one-line
  // field, `line`, every line end at its end: stored, it put a pain's severity on a line of its own)
  const crlf = opts.asIs || !raw.includes('\r') ? raw : raw.replace(/\r+$/, '').replace(/\r\n/g, '\n');
  const value = opts.line ? crlf.replace(/[\r\n]+$/, '') : crlf;
  if (value.includes('\0')) throw new UsageError(`${what} contains a NUL byte`);
  if (value.includes('\uFFFD')) throw new UsageError(`${what} is not valid UTF-8`);
  if (!value.isWellFormed()) throw new UsageError(`${what} is not valid UTF-8`);
  if (!opts.allowEmpty && value.trim() === '') throw new UsageError(`${what} is empty`);
  const length = limit > 100_000 ? Buffer.byteLength(value) : [...value].length;
  if (length > limit) {
    const unit = limit > 100_000 ? `${Math.round(limit / 1024 / 1024)} MB` : `${limit} characters`;
    throw new UsageError(`${what} is longer than ${unit}`);
  }
  return value;
}

/**
 * Refuses a text with no word in it ("…", "...", "-", "?"): pm's own commands print `--reason "…"` as
 * the place to write, and pasted as shown the decision was recorded with "…" for its learning
 * (fresh-eyes wave 17 H9). Imports keep what a file holds; this is for what is typed.
 */
export function refusePlaceholder(what: string, value: string, hint: string): string {
  // an ASCII letter or digit is a word, and almost every text has one: the Unicode classes below are
  // compiled at their first use (~0.2 ms of a pm log, whose summary passes here; docs/performance.md)
  if (ASCII_WORD.test(value)) return value;
  if (/^[\p{P}\p{Z}\s]*$/u.test(value)) throw new UsageError(`${what} "${value.trim()}" has no words`, hint);
  return value;
}
const ASCII_WORD = /[0-9A-Za-z]/;

/** Decode bytes read from a file or stdin as strict UTF-8; invalid bytes are a usage error. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `${what} is not valid UTF-8 (byte ${firstBadByte(bytes)})`,
      'save it as UTF-8, or convert it first, e.g. from Latin-1: iconv -f latin1 -t utf-8 FILE > FILE.utf8',
    );
  }
}

/** Where `bytes` stop being UTF-8: the length of their longest valid start. */
function firstBadByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // a prefix that ends inside a character is valid so far (stream); a fresh decoder each time
  const valid = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  // the valid start may end in the first bytes of a character the next byte (or the end) cuts short:
  // the bad character starts at its lead byte
  let lead = lo - 1;
  while (lead >= 0 && (bytes[lead] & 0xc0) === 0x80) lead--;
  const needs = lead < 0 ? 0 : bytes[lead] >= 0xf0 ? 4 : bytes[lead] >= 0xe0 ? 3 : bytes[lead] >= 0xc0 ? 2 : 1;
  return lead >= 0 && lo - lead < needs ? lead : lo;
}

// C0 controls except tab and newline, DEL, C1 controls (which include the 8-bit CSI), and the
// bidirectional overrides that can make text display differently from what it is.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const UNSAFE_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const ANY_UNSAFE_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code === 0x1b) return '␛';
  if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀ … ␟
  if (code === 0x7f) return '␡';
  return `\\u{${code.toString(16)}}`;
}

/** Text for the terminal: escape sequences and control characters made visible, newlines kept. */
export function safe(text: string | null | undefined): string {
  if (text == null) return '';
  return text.replace(UNSAFE, visible);
}

/** Text for one table cell: like safe(), and newlines/tabs become spaces. */
export function safeLine(text: string | null | undefined): string {
  if (text == null) return '';
  // most cells hold nothing to change: one test, not two replaces (listings make thousands of cells)
  if (!ANY_UNSAFE_ONE_LINE.test(text)) return text;
  return text.replace(/[\r\n\t]+/g, ' ').replace(UNSAFE_ONE_LINE, visible);
}

/** Edit distance (Levenshtein) between two short strings, case-insensitively. */
export function editDistance(a: string, b: string): number {
  const x = [...a.toLowerCase()],
    y = [...b.toLowerCase()];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** The known name closest to a typo (at most 2 edits, or 1 for short names), for "did you mean". */
export function closest(input: string, known: Iterable<string>): string | undefined {
  const limit = [...input].length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    if (Math.abs(k.length - input.length) > limit) continue;
    const d = editDistance(input, k);
    if (d > 0 && d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** A name folded for "did you mean": compatibility forms, case and accents aside ("Zoë" is "zoe"). */
export function looseKey(s: string): string {
  // printable ASCII has nothing to decompose: the near-name checks fold hundreds of names a log
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase().replace(/\s+/g, ' ').trim();
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

// letters NFKD keeps whole, as an English keyboard types them ("Sven Odegard" for Sven Ødegård)
// (looseKey lower-cases only: ß and ı, which case folding makes ss and i, need their own entries)
const LOOSE_PLAIN: Readonly<Record<string, string>> = { ...PLAIN_LETTERS, ß: 'ss', ı: 'i' };
const LOOSE_PLAIN_LETTER = new RegExp(`[${Object.keys(LOOSE_PLAIN).join('')}]`, 'g');
export const plainKey = (s: string) => looseKey(s).replace(LOOSE_PLAIN_LETTER, (c) => LOOSE_PLAIN[c]);

/**
 * Whether a person's name typed as `typed` may be `known`: but for accents and letters an English
 * keyboard lacks ("Sven Odegard"), a letter or two off ("Jnae Roe"), or fewer of its words ("Jane" for
 * Jane Roe). Not the same name.
 */
export function nearPersonName(typed: string, known: string): boolean {
  const [a, b] = [plainKey(typed), plainKey(known)];
  if (a === '' || b === '' || typed === known) return false;
  if (a === b) return true;
  if (Math.abs(a.length - b.length) <= 2 && editDistance(a, b) <= (Math.min(a.length, b.length) <= 4 ? 1 : 2))
    return true;
  const [mine, theirs] = [a.split(' '), b.split(' ')];
  return mine.every((w) => theirs.includes(w)) || theirs.every((w) => mine.includes(w));
}

/**
 * Known names a mistyped or partial name may mean, at most `max`: the same name but for case and
 * accents, else the closest spelling (closest), else the names with a word that starts with it
 * ("Mia" → "Mia Chen").
 */
export function nearNames(input: string, known: Iterable<string>, max = 3): string[] {
  const names = [...new Set(known)];
  const key = looseKey(input);
  if (key === '') return [];
  const keys = new Map(names.map((n) => [n, looseKey(n)]));
  const same = names.filter((n) => keys.get(n) === key && n !== input);
  if (same.length > 0) return same.slice(0, max);
  const typo = closest(key, keys.values());
  if (typo !== undefined) return names.filter((n) => keys.get(n) === typo).slice(0, max);
  return names
    .filter((n) =>
      keys
        .get(n)!
        .split(' ')
        .some((w) => w.startsWith(key)),
    )
    .slice(0, max);
}

/** `did you mean "A"?` / `did you mean "A" or "B"?`, or undefined when there is nothing to suggest. */
export function didYouMean(names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  const q = names.map((n) => JSON.stringify(safeLine(n)));
  return `did you mean ${q.length === 1 ? q[0] : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`}?`;
}

/** A name as a shell takes it: bare when it is one plain word, else in double quotes. */
export function shellWord(s: string): string {
  return /^[\w@.+:,/-]+$/u.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Words that say what kind of company a name is, not which: "Acme, Inc." is Acme. */
const COMPANY_SUFFIXES = new Set(
  `inc incorporated llc llp ltd limited corp corporation co company plc gmbh ag sa sas sarl srl spa bv nv oy ab
   as aps pty kk gk`.split(/\s+/),
);

/** An account's name folded for "is this a known one?": accents, case, punctuation and a company suffix aside. */
export function accountStem(name: string): string {
  const words = looseKey(name)
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
  while (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}
