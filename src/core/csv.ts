// CSV as RFC 4180 defines it: fields holding a double quote, comma, CR or LF are quoted, double
// quotes inside are doubled, records end with CRLF. One change to the text, unless the caller asks
// for it raw: a cell a spreadsheet would take for a formula gets a leading ' (formulaSafe).

export type CsvValue = string | number | boolean | null | undefined;

/**
 * What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): =, +, -, @ first,
 * or a tab or carriage return before them (Excel and LibreOffice skip those). LibreOffice turned
 * `=HYPERLINK(…)` from a summary into a live link (issue 16).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet shows text: a formula-like cell gets a leading ' (OWASP's advice). */
export function formulaSafe(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One field; `raw` keeps text exactly as stored, else formula-like text is prefixed with '. */
export function csvField(value: CsvValue, raw = false): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' && !raw ? formulaSafe(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(fields: CsvValue[], raw = false): string {
  return fields.map((f) => csvField(f, raw)).join(',') + '\r\n';
}
