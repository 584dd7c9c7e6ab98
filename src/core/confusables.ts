// UTS #39 confusables: which characters look like which (Cyrillic "о" like Latin "o", "ｍ" like
// "rn"), from Unicode's confusables.txt as the unhomoglyph package ships it (data.json: each
// source character to its prototype). unhomoglyph's own function builds one regular expression of
// its 6,311 characters when it loads (~10 ms); pm looks each character up in the same table instead
// (test/unit/identity.test.ts checks the two agree). The table stays out of the bundle (esbuild's
// external list) and is read only when pm compares a new name with the known ones.
import type { ConfusableMap } from './identity.js';

let table: Record<string, string> | undefined;

/** Each character of `s` replaced by its prototype (characters with none stay). */
export const prototypes: ConfusableMap = (s) => {
  table ??= require('unhomoglyph/data.json') as Record<string, string>;
  let out = '';
  for (const ch of s) out += Object.hasOwn(table, ch) ? table[ch] : ch;
  return out;
};
