// Names as pm stores them and as it compares them (issue 16, finding 13). "José Peña" typed in NFC
// or NFD, with a zero-width space inside, in full-width letters or in capitals is one person:
// * stored: cleanName/cleanEmail/cleanTag on input: Unicode NFC, invisible characters removed
//   (zero-width spaces, word joiners, soft hyphens, byte-order marks, bidi controls), runs of
//   spaces made one space, trimmed. What is left looks as it was typed;
// * compared: by identityKey (src/core/mentions.ts: NFKC, case-folded, invisibles removed), which
//   the journal keeps beside each name (contacts.name_key, email_key, accounts.name_key,
//   interview_tags.tag_key: src/db/identity.ts) so that a lookup is one indexed read;
// * a lookalike (UTS #39 "confusable": "Jоsé" with a Cyrillic о) is not the same name, and cannot
//   be decided from the text alone: a new contact or account whose lookalikeKey equals an existing
//   one's gets a "did you mean" warning, and pm doctor lists such pairs.
import { UsageError } from '../errors.js';
import { identityKey } from './mentions.js';
import { once } from './once.js';
import { checkText } from './text.js';

export { identityKey };

/**
 * Invisible characters that change nothing a reader sees: every default-ignorable code point
 * (U+200B zero-width space, U+2060 word joiner, U+FEFF, U+00AD soft hyphen, U+200E/F and
 * U+202A–E, U+2066–9 bidi controls …) except the joiners and selectors that do change how some
 * text is drawn: ZWJ/ZWNJ (emoji sequences; Persian, Indic scripts), variation selectors and tag
 * characters (emoji). ZWJ and ZWNJ are removed only after a Latin, Greek or Cyrillic letter, or a
 * space, where they draw nothing.
 */
const INVISIBLE = once(
  () =>
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: each is matched as one code point, on purpose
    /(?!\u200C|\u200D|[\uFE00-\uFE0F\u{E0020}-\u{E007F}\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/gu,
);
const JOINER_AFTER_ALPHABET = once(() => /(?<=[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\s]|^)(?:\u200C|\u200D)+/gu);
/** Every kind of space (no-break, ideographic, thin …), tabs and line breaks: one space in a name. */
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/gu;
const PLAIN = /^[\u0020-\u007E]*$/;

/** Text with its invisible characters removed (see INVISIBLE), in NFC. */
export function withoutInvisibles(s: string): string {
  if (PLAIN.test(s)) return s;
  return s.normalize('NFC').replace(INVISIBLE(), '').replace(JOINER_AFTER_ALPHABET(), '');
}

/** A person's or an account's name as stored: NFC, no invisible characters, spaces collapsed, trimmed. */
export function cleanName(s: string): string {
  if (PLAIN.test(s)) return s.replace(/ {2,}/g, ' ').trim();
  return withoutInvisibles(s).replace(SPACES, ' ').trim();
}

/** An email as stored: NFC, no invisible characters or spaces at its ends. */
export function cleanEmail(s: string): string {
  if (PLAIN.test(s)) return s.trim();
  return withoutInvisibles(s).replace(/^\s+|\s+$/gu, '');
}

/** A tag as stored: like a name (a tag is a label people type again to find it). */
export function cleanTag(s: string): string {
  return cleanName(s);
}

/** identityKey with a fast path for printable ASCII, the usual case (test/unit/identity.test.ts compares them). */
export function nameKey(s: string): string {
  if (PLAIN.test(s)) return s.toLowerCase().replace(/ {2,}/g, ' ').trim();
  return identityKey(s);
}

/** Text as the search index holds it and as queries are read: src/core/search-text.ts. */
export { foldForIndex } from './search-text.js';

/** The UTS #39 prototype map (confusables.txt): a string with each character replaced by its prototype. */
export type ConfusableMap = (s: string) => string;

/**
 * The key two names that look alike share: the UTS #39 skeleton (NFD, each character mapped to
 * its prototype in confusables.txt, NFD again) of the name's identity key, so that case and width
 * count as they do for identity ("JОSÉ" with a Cyrillic О looks like "José").
 */
export function lookalikeKey(s: string, prototypes: ConfusableMap): string {
  return prototypes(nameKey(s).normalize('NFD')).normalize('NFD');
}

/** A name given on the command line, checked (src/core/text.ts) and cleaned; invisible-only is empty. */
export function checkName(what: string, raw: string, limit: number): string {
  const name = cleanName(checkText(what, raw, limit));
  if (name === '') throw new UsageError(`${what} is empty`);
  return name;
}

/** An email given on the command line, checked and cleaned. */
export function checkEmail(what: string, raw: string, limit: number): string {
  const email = cleanEmail(checkText(what, raw, limit));
  if (email === '') throw new UsageError(`${what} is empty`);
  return email;
}

/**
 * Tags given on the command line, checked and cleaned (a tag of invisible characters only is
 * refused). `--tag billing,sso` is two tags, as the interactive prompt ("Tags, comma-separated")
 * reads the same text: kept as one tag "billing,sso", the call was missing from `pm ls --tag
 * billing` and the billing theme (fresh-eyes E9). A value of commas alone is refused as empty.
 */
export function checkTags(what: string, values: string[] | undefined, limit: number): string[] {
  const tags = (values ?? []).flatMap((v) => {
    const parts = v.split(',').filter((part) => part.trim() !== '');
    return (parts.length ? parts : [v.replaceAll(',', '')]).map((part) => checkName(what, part, limit));
  });
  return distinctTags(tags);
}

/**
 * Tags that are one but for case or spacing ("billing", "BILLING", "billing "), as themes and
 * `pm ls --tag` compare them: the first spelling, once (fresh-eyes wave 11 E14: one interview held both).
 */
export function distinctTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => !seen.has(nameKey(t)) && Boolean(seen.add(nameKey(t))));
}
