// CSV as RFC 4180 defines it: fields holding a double quote, comma, CR or LF are quoted, double
// quotes inside are doubled, records end with CRLF. Nothing else is changed: the cell holds the text.

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(fields: (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
