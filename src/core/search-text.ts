// Text as the search index (src/db/fts.ts) holds it and queries are read, and snippets cut from the
// text as stored. The index's tokenizer (unicode61) splits words at spaces and punctuation, so a run
// of Chinese or Japanese, written without spaces, would be one "word" that only the whole run finds
// (`pm search 对账` missed `如果能自动对账，我们马上买`). The index therefore holds each character of
// the scripts written without spaces as a word of its own, and a query's run of them is read as a
// phrase of those characters: any substring is found, in order, and Latin words keep their prefix
// search and bm25 ranking. (SQLite's trigram tokenizer was the alternative: it cannot match fewer than
// three characters, and most Chinese words are two; docs/decisions.md.)

import { once } from './once.js';

/**
 * Scripts written without spaces between words (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar): each
 * character (with its combining marks) is a word of the index. Script_Extensions, so that the kana
 * prolonged sound mark ー and the iteration mark 々 count too.
 */
const UNSPACED = once(
  () => /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{scx=Hang}\p{scx=Thai}\p{scx=Laoo}\p{scx=Khmr}\p{scx=Mymr}]/u,
);
const IGNORABLE = once(() => /\p{Default_Ignorable_Code_Point}/gu);
const PLAIN = /^[\u0020-\u007E\t\n\r]*$/;

let graphemes: Intl.Segmenter | undefined;

/** Folded text, and for each of its UTF-16 units the span of the stored text it came from. */
export interface FoldedText {
  text: string;
  from: number[];
  to: number[];
}

/**
 * The index's form of `s`, one grapheme cluster at a time (so that each folded character knows
 * where it came from): NFKC (full-width and other compatibility forms are their plain selves), no
 * default-ignorable code point (`ex\u200Bport` and `ex\u00ADport` are "export"), each character of
 * an unspaced script set apart by spaces. Case and accents are folded by the tokenizer
 * (unicode61, remove_diacritics 2).
 */
export function foldMapped(s: string): FoldedText {
  const from: number[] = [];
  const to: number[] = [];
  let text = '';
  if (PLAIN.test(s)) {
    for (let i = 0; i < s.length; i++) {
      from.push(i);
      to.push(i + 1);
    }
    return { text: s, from, to };
  }
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  for (const { segment, index } of graphemes.segment(s)) {
    let f = segment.normalize('NFKC').replace(IGNORABLE(), '');
    if (UNSPACED().test(f)) f = ` ${f} `;
    for (let i = 0; i < f.length; i++) {
      from.push(index);
      to.push(index + segment.length);
    }
    text += f;
  }
  return { text, from, to };
}

/** The index's form of `s` (see foldMapped). */
export function foldForIndex(s: string): string {
  if (PLAIN.test(s)) return s;
  return foldMapped(s).text;
}

/**
 * A name as the index compares its words: folded (foldForIndex), without marks, lower case
 * (unicode61, remove_diacritics 2), so that the contacts `pm search jose` points to are the ones
 * `José` would find.
 */
export function wordsKey(s: string): string {
  if (PLAIN.test(s)) return s.toLowerCase();
  return foldForIndex(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A query as the index reads it: folded as the text is, and each run of unspaced-script characters
 * outside double quotes made a quoted phrase of its characters (`对账` is `" 对  账 "`), so that it
 * matches where those characters stand together. Inside quotes the folded characters already form
 * part of the phrase.
 */
export function foldQuery(q: string): string {
  if (PLAIN.test(q)) return q;
  const n = foldMapped(q).text;
  let out = '';
  let quoted = false;
  let run = '';
  const flush = () => {
    if (run !== '') out += `"${run}"`;
    run = '';
  };
  // a character of an unspaced script comes as ` X ` (possibly with its marks): the run stays open
  // across those spaces while another such character follows; anything else closes it
  const chars = [...n];
  chars.forEach((ch, i) => {
    if (ch === '"') {
      flush();
      quoted = !quoted;
    } else if (!quoted && (UNSPACED().test(ch) || (run !== '' && /\p{M}/u.test(ch)))) {
      run += ch;
      return;
    } else if (!quoted && run !== '' && ch === ' ') {
      const next = chars.slice(i).find((c) => c !== ' ');
      if (next !== undefined && UNSPACED().test(next)) {
        run += ch;
        return;
      }
    }
    flush();
    out += ch;
  });
  flush();
  return out;
}

/** Marks around matched words: private-use characters no user text is expected to hold. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/**
 * A one-line snippet of the stored text `original` around the words the index marked in `marked`
 * (the index's text of it with MATCH_START/MATCH_END around matches, from FTS5's highlight()), with
 * the marks moved onto the stored text; about `width` characters, "…" where cut. Null when `marked`
 * is not the index's form of `original` (a row written by another program): the caller falls back.
 */
export function snippetOf(original: string, marked: string, width = 90): string | null {
  const folded = foldMapped(original);
  const spans: [number, number][] = [];
  let plain = '';
  let start = -1;
  for (const ch of marked) {
    if (ch === MATCH_START) start = plain.length;
    else if (ch === MATCH_END) {
      if (start >= 0 && plain.length > start) spans.push([start, plain.length]);
      start = -1;
    } else plain += ch;
  }
  if (plain !== folded.text || spans.length === 0) return null;
  const hits = spans.map(([a, b]) => [folded.from[a], folded.to[b - 1]] as [number, number]);
  const first = hits[0][0];
  let lo = Math.max(0, first - Math.floor(width / 3));
  let hi = Math.min(original.length, lo + width);
  lo = Math.max(0, Math.min(lo, hi - width));
  // cut at a space when one is near, and never inside a surrogate pair
  if (lo > 0) {
    const space = original.lastIndexOf(' ', lo);
    if (space >= 0 && lo - space < 12) lo = space + 1;
    if (/[\uDC00-\uDFFF]/.test(original[lo] ?? '')) lo++;
  }
  if (hi < original.length) {
    const space = original.indexOf(' ', hi);
    if (space >= 0 && space - hi < 12) hi = space;
    if (/[\uDC00-\uDFFF]/.test(original[hi] ?? '')) hi++;
  }
  let out = lo > 0 ? '…' : '';
  let at = lo;
  for (const [a, b] of hits) {
    if (b <= at || a >= hi) continue;
    const s = Math.max(a, at);
    out += `${original.slice(at, s)}${MATCH_START}${original.slice(s, Math.min(b, hi))}${MATCH_END}`;
    at = Math.min(b, hi);
  }
  out += original.slice(at, hi) + (hi < original.length ? '…' : '');
  return out;
}
