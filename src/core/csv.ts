// CSV as RFC 4180 defines it: fields holding a double quote, comma, CR or LF are quoted, double
// quotes inside are doubled, records end with CRLF. One change to the text, unless the caller asks
// for it raw: a cell a spreadsheet would take for a formula gets a leading ' (formulaSafe).

import type { InterviewDoc } from './import-validate.js';
import type { Role } from './contacts.js';

export type CsvValue = string | number | boolean | null | undefined;

/** An interview with what its row shows of the rest of the export document (src/render/csv.ts). */
export interface CsvInterview extends InterviewDoc {
  /** its account's name; null for none */
  account: string | null;
  /** the contacts present, in the order of contactUuids */
  people: { uuid: string; name: string; email: string | null; role: Role }[];
  /** each evidence link (`H3:supports:strong`) and its basis, in the order of the hypotheses' UUIDs */
  links: { link: string; basis: string }[];
  /** the conversation of the export that answered its follow-up (`I7`), as the report reads it; else null */
  answeredBy: string | null;
}

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

/**
 * A list in one cell (pains, quotes, tags, who): its items joined by "; ", each item with `\` written
 * `\\` and `;` written `\;`, so that one pain "semi; colon list" (`semi\; colon list`) and two pains
 * "semi" and "colon list" (`semi; colon list`) never give the same cell, and every list reads back
 * exactly (listFromCell). Items without `;` or `\` are written as they are.
 */
export function listCell(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, (ch) => `\\${ch}`)).join(LIST_SEPARATOR);
}

/** What joins the items of a list cell. */
export const LIST_SEPARATOR = '; ';

/**
 * The items of a list cell (the inverse of listCell): `\` takes the next character as it is, an
 * unescaped `;` ends an item, and the one space after it is the separator's. An empty cell is an
 * empty list.
 */
export function listFromCell(cell: string): string[] {
  if (cell === '') return [];
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '\\' && i + 1 < cell.length) item += cell[++i];
    else if (ch === ';') {
      items.push(item);
      item = '';
      if (cell[i + 1] === ' ') i++;
    } else item += ch;
  }
  items.push(item);
  return items;
}
