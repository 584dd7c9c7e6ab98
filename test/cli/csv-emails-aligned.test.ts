// The CSV export's `emails` cell has one item a person of `with`, in its order (fresh-eyes wave 19 H2): a
// script splitting both cells pairs each person with their own email, never with the next one's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv, sandbox, type Sandbox } from '../helpers.js';
import { listFromCell } from '../../src/core/csv.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

describe('pm export --format csv: emails beside their people', () => {
  it('one emails item a with item, empty for a person with none; an empty cell when nobody has one', () => {
    box.ok(['log', '--with', 'Aaron Ash', '--with', 'Zoe Zed <zoe@acme.test>', '--account', 'Acme', '--summary', 'a']);
    box.ok([
      'log',
      '--with',
      'Zoe Zed',
      '--with',
      'Aaron Ash',
      '--with',
      'Bea Bo',
      '--account',
      'Acme',
      '--summary',
      'b',
    ]);
    box.ok(['log', '--with', 'Aaron Ash', '--with', 'Bea Bo', '--summary', 'c']);
    for (const flags of [[], ['--raw'], ['--redact']]) {
      const [header, ...rows] = parseCsv(box.ok(['export', '--format', 'csv', ...flags]).out);
      const cell = (row: string[], name: string) => listFromCell(row[header.indexOf(name)]);
      for (const row of rows) {
        const people = cell(row, 'with');
        const emails = cell(row, 'emails');
        const summary = row[header.indexOf('summary')];
        if (summary === 'c') expect(emails, flags.join(' ')).toEqual([]);
        else expect(emails.length, `${summary} ${flags.join(' ')}`).toBe(people.length);
        if (flags.length === 0 && summary !== 'c')
          expect(Object.fromEntries(people.map((p, k) => [p, emails[k]]))).toEqual({
            'Aaron Ash': '',
            'Zoe Zed': 'zoe@acme.test',
            ...(summary === 'b' ? { 'Bea Bo': '' } : {}),
          });
      }
    }
  });
});
