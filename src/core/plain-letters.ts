// Letters that Unicode does not decompose, so that folding accents away leaves them as they are.

/**
 * Those letters (lower case) as an English keyboard types them: without these a name's ASCII spelling
 * ("Sven Odegard", "Lukasz Oster") would survive the erasure of Sven Ødegård or Łukasz Øster. ß and ı are
 * left to case folding (upper then lower makes them ss and i).
 */
export const PLAIN_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
};
export const PLAIN_LETTER = /[øæœđðłþħŧ]/g;
