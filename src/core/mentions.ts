// Finding a person's name or email in free text, however it is spelled in Unicode: in NFC or NFD,
// with accents or without ("José Peña", "Jose Pena"), in full-width letters, in any case, with a
// zero-width space or a soft hyphen inside, with the letters Unicode does not decompose written as an
// English keyboard types them ("Lukasz Oster" for Łukasz Øster). `pm forget` scrubs what this finds and `--redact`
// replaces it, so both erase the same mentions. What it cannot find is a name spelled differently
// (a nickname, a typo, a transliteration): docs/reference.md says so.
//
// Text is compared in a folded form (foldForMatch): each character decomposed (NFKD), case-folded,
// stripped of nonspacing marks (accents) and of default-ignorable code points (zero-width spaces,
// soft hyphens, bidi controls), ø æ œ đ ð ł þ ħ ŧ made o ae oe d d l th h t (PLAIN_LETTERS), every
// apostrophe made ' and every hyphen or dash made - (notes pasted from a word processor or a phone
// write "O’Connor", "Jean‑Luc" for a name typed "O'Connor", "Jean-Luc").
// Each base character is folded with its marks, so every folded
// character maps back to the span of the original it came from, and a match is replaced there.

import { once } from './once.js';
import { PLAIN_LETTER, PLAIN_LETTERS } from './plain-letters.js';

/** Nonspacing marks (accents) and default-ignorable code points (ZWSP, ZWJ, soft hyphen, bidi controls…). */
const DROPPED = once(() => /[\p{Mn}\p{Default_Ignorable_Code_Point}]/gu);
/** A base character with the marks that follow it (or marks with no base). */
const CLUSTER = once(() => /\P{M}\p{M}*|\p{M}+/gsu);
const ASCII = /^[\u0000-\u007f]*$/;
/** A word of folded text: letters, digits and (spacing) marks. */
const WORD_G = once(() => /[\p{L}\p{N}\p{M}]+/gu);
/** Between the words of a name, any run of spaces, underscores or hyphens is one space ("jose_pena"). */
const SEPARATORS = /[\s_-]+/g;
/** Apostrophes (’ ‘ ʼ ` ´ ′ and kin) and hyphens or dashes (‐ ‑ ‒ – — ― −): each is one character, so indexes keep. */
const APOSTROPHES = /[`\u00b4\u02b9\u02bb\u02bc\u02bd\u02c8\u2018\u2019\u201a\u201b\u2032]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63]/g;

/** `text` with every apostrophe written ' and every dash -: "Sam O’Neil" is "Sam O'Neil". */
export function plainPunctuation(text: string): string {
  return text.replace(APOSTROPHES, "'").replace(DASHES, '-');
}

const clusterCache = new Map<string, string>();

/** One base character and its marks, folded: decomposed, case-folded, without accents or ignorables. */
export function foldCluster(cluster: string): string {
  let folded = clusterCache.get(cluster);
  if (folded === undefined) {
    // upper then lower: full case folding for what lower alone leaves apart (ß/SS, final ς/σ)
    // apostrophes first: NFKD would make ´ a space and an accent
    folded = cluster
      .replace(APOSTROPHES, "'")
      .replace(DASHES, '-')
      .normalize('NFKD')
      .toUpperCase()
      .toLowerCase()
      .normalize('NFKD')
      .replace(DROPPED(), '')
      .replace(PLAIN_LETTER, (c) => PLAIN_LETTERS[c]);
    if (clusterCache.size < 10_000) clusterCache.set(cluster, folded);
  }
  return folded;
}

export interface FoldedText {
  folded: string;
  /** original start of the character each folded character came from (null: the same index, ASCII text) */
  starts: Int32Array | null;
  /** original end of that character */
  ends: Int32Array | null;
}

/**
 * Text folded for matching. ASCII text only needs lower-casing, which keeps every index where it
 * was (the fast path, for most of what a journal holds; test/unit/mentions.test.ts checks it
 * against the general path).
 */
export function foldForMatch(text: string): FoldedText {
  if (ASCII.test(text)) {
    const lower = text.toLowerCase();
    return { folded: lower.includes('`') ? lower.replace(APOSTROPHES, "'") : lower, starts: null, ends: null };
  }
  return foldGeneral(text);
}

/** The general path of foldForMatch, cluster by cluster with the map back to the original. */
export function foldGeneral(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(CLUSTER())) {
    const f = foldCluster(m[0]);
    folded += f;
    for (let k = 0; k < f.length; k++) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
  }
  return { folded, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** A needle folded as text is: whole, edges of punctuation trimmed, runs of spaces made one. */
export function foldNeedle(needle: string): string {
  return foldForMatch(needle)
    .folded.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(SEPARATORS, ' ');
}

/**
 * The key two names, emails, accounts or tags are the same by: NFKC (full-width letters are their
 * ASCII selves), case-folded, without default-ignorable code points, spaces collapsed. Accents
 * count ("José" is not "Jose"). Keyed hashes of erased people are made of it (src/core/erasure.ts):
 * it must not change, or old hashes stop matching.
 */
export function identityKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters of a word, the way needles are measured ("Al" is too short to look for alone). */
export function letterCount(s: string): number {
  return (s.match(/\p{L}/gu) ?? []).length;
}

/**
 * Is this name one word of a script with letter case ("May", "Will", "José")? Such a word is also a
 * word of the language ("Teams may want SSO", "in May"), so outside the erased person's own
 * conversations it names them only beside their account or email ("May (Xco)", "May <may@x.test>";
 * eyes2 wave 11 F11). A name without case (王伟) is left to the rule of full names.
 */
export function isOneWordName(name: string): boolean {
  const words = foldNeedle(name).match(WORD_G()) ?? [];
  return words.length === 1 && /[\p{Lu}\p{Ll}]/u.test(name);
}

/** The parts of a name worth looking for alone: words of three letters or more. */
export function nameParts(name: string): string[] {
  return name
    .normalize('NFC')
    .split(/[\s,.;:()"'<>_/\\|@-]+/u)
    .filter((p) => letterCount(p) >= 3);
}

export interface Needle {
  /** what to look for: a name, an email, a part of a name */
  text: string;
  replacement: string;
  /**
   * also inside a longer word, when that word is a @handle or a whole tag ("@zquux", "zeldaquux"):
   * for needles of four letters or more, so that "Ann" does not take "@planning"
   */
  inside?: boolean;
  /**
   * only where written as a name, its first letter a capital: a word of a name that is also a word of
   * the language ("Will", "Mark", "Hope") is left where it is that word ("teams will pay")
   */
  capitalised?: boolean;
}

/** Up to this many words around a mention are tried as a living person's name (LiveNames). */
const LIVE_WORDS = 6;

/**
 * The names of living contacts, in the form runs of words are compared in (foldNeedle), read when
 * first asked: a scrub that finds no mention never loads them. A run of words around a mention that
 * is one of them names that person, not the erased one: after `pm forget "Kim Lee"`, "Kim Lee Smith,
 * the CFO" is about a living Kim Lee Smith (wave 13's closing list).
 */
export class LiveNames {
  private keys: Set<string> | undefined;
  private words: Set<string> | undefined;

  constructor(private readonly load: () => Iterable<string>) {}

  private get loaded(): { keys: Set<string>; words: Set<string> } {
    if (!this.keys || !this.words) {
      this.keys = new Set();
      this.words = new Set();
      for (const name of this.load()) {
        const key = foldNeedle(name);
        this.keys.add(key);
        // squeezed, as a @handle or a tag writes a name ("@kimleesmith")
        this.words.add(key.replace(/[^\p{L}\p{N}]+/gu, ''));
      }
    }
    return { keys: this.keys, words: this.words };
  }

  /** Is `key` (a run of words, foldNeedle's form) a living person's name? */
  has(key: string): boolean {
    return this.loaded.keys.has(key);
  }

  /** Is `word` a living person's name written as one word ("kimleesmith")? */
  hasWord(word: string): boolean {
    return this.loaded.words.has(word);
  }

  /**
   * These names but for those inside `name` (the erased person's own: "Kim Lee" of an erased "Kim Lee
   * Smith" may be them, by a shorter name, in their own conversations).
   */
  besides(name: string): LiveNames {
    const own = ` ${foldNeedle(name)} `;
    const squeezed = own.replace(/[^\p{L}\p{N}]+/gu, '');
    const view = Object.create(this) as LiveNames;
    view.has = (key) => !own.includes(` ${key} `) && this.has(key);
    view.hasWord = (word) => !squeezed.includes(word) && this.hasWord(word);
    return view;
  }
}

interface Prepared {
  key: string;
  replacement: string;
}

export interface MatchResult {
  text: string;
  count: number;
}

interface Whole {
  replacement: string;
  capitalised: boolean;
  /** the symbols before the name as it is written (dressing), nearest first */
  head: string[];
  /** the symbols (or brackets it opened) after it */
  tail: string[];
}

/**
 * The pieces of what is around a name's words at one end (its folded text outside its first or last
 * letter), apart at spaces, when they are symbols (emoji, flags, ✓), or with `closers` closing
 * brackets; none when anything else is there (a "." of "Kim Lee Jr." is the sentence's as often).
 */
function dressing(edge: string, closers: boolean): string[] {
  const pieces = edge.split(/\s+/).filter((p) => p !== '');
  const symbol = closers ? /^[\p{S}\p{M})\]}>]+$/u : /^[\p{S}\p{M}]+$/u;
  return pieces.every((p) => symbol.test(p)) ? pieces : [];
}

/** Spaces on one line (of folded text). */
const SPACE = /[^\S\n\r]/;

/** Where the pieces of `tail` that `folded` writes after `to` end, in order, spaces on one line between. */
function dressedTo(folded: string, to: number, tail: string[]): number {
  let end = to;
  for (const piece of tail) {
    let at = end;
    while (at < folded.length && SPACE.test(folded[at])) at++;
    if (!folded.startsWith(piece, at)) break;
    end = at + piece.length;
  }
  return end;
}

/** Where the pieces of `head` (nearest first) that `folded` writes before `from` start. */
function dressedFrom(folded: string, from: number, head: string[]): number {
  let start = from;
  for (const piece of head) {
    let at = start;
    while (at > 0 && SPACE.test(folded[at - 1])) at--;
    if (at < piece.length || !folded.startsWith(piece, at - piece.length)) break;
    start = at - piece.length;
  }
  return start;
}

/**
 * Finds needles as whole words (a run of letters, digits and marks; "_" and "-" separate words, so
 * `zelda_quux` holds "zelda"), the longest run of words first, in one pass over the words of the
 * text. The first needle given wins a key two of them share.
 */
export class MentionMatcher {
  private readonly whole = new Map<string, Whole>();
  private readonly inside: Prepared[] = [];
  private maxWords = 0;
  private maxLength = 0;

  /**
   * `live`: living people's names, a run of words around a mention that is one of them left as written.
   * `join`: a mention right after a replacement (only spaces between) joins it, one replacement for the
   * two: the words of one name are one erased person ("Kim Lee" of an erased "Kim Lee Smith" in their
   * own conversation, or "Smith" after a scrub of another of their names took "Kim Lee"), not "[forgotten]
   * [forgotten]" (wave 15).
   */
  constructor(
    needles: Needle[],
    private readonly live?: LiveNames,
    private readonly join = false,
  ) {
    for (const n of needles) {
      const key = foldNeedle(n.text);
      if (key.length < 2) continue;
      if (!this.whole.has(key)) {
        // what dresses a name at its ends goes with it where the text writes it too: the symbols of "Sven
        // Ødegård 🇳🇴" or "🎓 Grete Strauß" (words alone left "[forgotten] 🇳🇴", fresh-eyes wave 16 H6), and
        // a bracket the name opened ("C++ Dev (Lead)", "May <may@x.test>"; else "[forgotten]) and Bob")
        const folded = foldGeneral(n.text).folded.trim();
        const head = dressing(/^[^\p{L}\p{N}]*/u.exec(folded)![0], false).reverse();
        const tail = dressing(/[^\p{L}\p{N}]*$/u.exec(folded)![0], /[([{<]/.test(key));
        this.whole.set(key, { replacement: n.replacement, capitalised: n.capitalised === true, head, tail });
        this.maxWords = Math.max(this.maxWords, key.match(WORD_G())?.length ?? 0);
        this.maxLength = Math.max(this.maxLength, key.length);
      }
      // inside a word: the needle's letters without its spaces and punctuation ("zeldaquux")
      const squeezed = key.replace(/[^\p{L}\p{N}]+/gu, '');
      if (n.inside && letterCount(squeezed) >= 4 && !this.inside.some((p) => p.key === squeezed))
        this.inside.push({ key: squeezed, replacement: n.replacement });
    }
    // longest first, so that "zeldaquux" is preferred to "zelda" inside a word
    this.inside.sort((a, b) => b.key.length - a.key.length);
  }

  get empty(): boolean {
    return this.whole.size === 0;
  }

  /** Replace every mention in `text`; `wholeIsTag`: the text is one tag, matched inside its words too. */
  replace(text: string, opts: { tag?: boolean } = {}): MatchResult {
    if (this.whole.size === 0 || text === '') return { text, count: 0 };
    const { folded, starts, ends } = foldForMatch(text);
    const start = (i: number) => (starts ? starts[i] : i);
    const end = (i: number) => (ends ? ends[i - 1] : i);
    const words = [...folded.matchAll(WORD_G())];
    let out = '';
    let copied = 0;
    let count = 0;
    /** the first word after the last mention replaced: a living name around a mention starts there or later */
    let free = 0;
    for (let i = 0; i < words.length; ) {
      const from = words[i].index;
      let taken = 0;
      let head = 0;
      let tail = 0;
      let replacement: string | undefined;
      for (let k = Math.min(this.maxWords, words.length - i); k >= 1; k--) {
        const last = words[i + k - 1];
        const to = last.index + last[0].length;
        if (to - from > this.maxLength * 2) continue;
        const hit = this.whole.get(folded.slice(from, to).replace(SEPARATORS, ' '));
        if (hit !== undefined && (!hit.capitalised || /^\p{Lu}/u.test(text.slice(start(from))))) {
          replacement = hit.replacement;
          taken = k;
          head = from - dressedFrom(folded, from, hit.head);
          tail = dressedTo(folded, to, hit.tail) - to;
          break;
        }
      }
      if (replacement === undefined && this.inside.length && (opts.tag || folded[from - 1] === '@')) {
        const word = words[i][0];
        const hit = this.inside.find((p) => word.includes(p.key));
        if (hit && hit.key !== word && this.live?.hasWord(word)) {
          i++;
          continue;
        }
        if (hit) {
          replacement = hit.replacement;
          taken = 1;
        }
      }
      const lived =
        replacement !== undefined && this.live && taken > 0 ? this.livingAround(folded, words, free, i, taken) : 0;
      if (lived > 0) i = lived;
      else if (replacement !== undefined) {
        const to = words[i + taken - 1].index + words[i + taken - 1][0].length + tail;
        const dressed = start(from - head);
        const origFrom = dressed >= copied ? dressed : start(from);
        if (origFrom >= copied) {
          const before = out + text.slice(copied, origFrom);
          // spaces on one line only: a mark at a line's end and a name opening the next are two lines of notes
          const gap = this.join ? /[^\S\n\r]*$/.exec(before)! : null;
          out =
            gap && before.slice(0, gap.index).endsWith(replacement) ? before.slice(0, gap.index) : before + replacement;
          copied = end(to);
          count++;
        }
        i += taken;
        free = i;
      } else i++;
    }
    return count === 0 ? { text, count: 0 } : { text: out + text.slice(copied), count };
  }

  /**
   * The word after a living person's name that holds the mention of words [i, i + taken) and more
   * (from word `free` on), or 0 when none does.
   */
  private livingAround(folded: string, words: RegExpExecArray[], free: number, i: number, taken: number): number {
    const last = i + taken - 1;
    for (let a = i; a >= Math.max(free, last - LIVE_WORDS + 1); a--)
      for (let b = Math.min(words.length - 1, a + LIVE_WORDS - 1); b >= last; b--) {
        if (a === i && b === last) continue;
        const key = folded.slice(words[a].index, words[b].index + words[b][0].length).replace(SEPARATORS, ' ');
        if (this.live!.has(key)) return b + 1;
      }
    return 0;
  }
}
