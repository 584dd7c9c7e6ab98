// `pm config` as text: each key, its value ((unset) dimmed) and its default, then what it means.
import type { ChalkInstance } from 'chalk';
import { safeLine } from '../core/text.js';
import { table } from './table.js';

export interface ConfigLine {
  key: string;
  value: string | null;
  /** "default" when the value is the default, else "default X" */
  note: string;
  about: string;
}

export function configTable(rows: ConfigLine[], c: ChalkInstance): string {
  return table(rows, [
    { text: (r) => r.key, width: 22 },
    {
      text: (r) => (r.value === null ? '(unset)' : safeLine(r.value)),
      // as wide as the widest value (journey.stages is a list), cut past 48
      min: 12,
      max: 48,
      gap: 1,
      paint: (s, r) => (r.value === null ? c.dim(s) : s),
    },
    // the note and the description, each dimmed: one column, as nothing follows it
    {
      text: (r) => `${r.note}  — ${r.about}`,
      // two spaces, as between the other columns: a long value (journey.stages) must not run into "default"
      gap: 2,
      paint: (_, r) => `${c.dim(r.note)}  ${c.dim(`— ${r.about}`)}`,
    },
  ]).join('\n');
}
