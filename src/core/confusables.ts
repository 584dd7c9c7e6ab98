// UTS #39 confusables: which characters look like which (Cyrillic "о" like Latin "o", "ｍ" like
// "rn"), from Unicode's confusables.txt as the unhomoglyph package ships it (data.json: each
// source character to its prototype). unhomoglyph's own function builds one regular expression of
// its 6,311 characters when it loads (~10 ms); pm looks each character up in the same table instead
// (test/unit/identity.test.ts checks the two agree). The table stays out of the bundle (esbuild's
// external list) and is read only when a name outside printable ASCII is written or compared.
import type { ConfusableMap } from './identity.js';

let table: Record<string, string> | undefined;

/**
 * The table's entries for printable ASCII, so that an ASCII name (most names) needs no table: its
 * characters can only be looked up among these (test/unit/identity.test.ts checks them against the
 * table). Reading the table costs a few milliseconds, at a pm log that adds a contact.
 */
export const ASCII_PROTOTYPES: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'l',
  '`': "'",
  '"': "''",
  '|': 'l',
  I: 'l',
  '%': 'º/₀',
  m: 'rn',
};
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

/** Each character of `s` replaced by its prototype (characters with none stay). */
export const prototypes: ConfusableMap = (s) => {
  let map = ASCII_PROTOTYPES;
  if (!PRINTABLE_ASCII.test(s)) {
    table ??= require('unhomoglyph/data.json') as Record<string, string>;
    map = table;
  }
  let out = '';
  for (const ch of s) out += Object.hasOwn(map, ch) ? map[ch] : ch;
  return out;
};
