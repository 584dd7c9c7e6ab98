// The long listings on a real terminal (a pseudo-terminal): pm contacts, pm accounts and pm hyp list
// show their first 50 rows and say how many were left out, as pm ls does; into a pipe every row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineFields, sandbox, terminalLines, ticketsExport, type Sandbox } from '../helpers.js';
// @ts-expect-error the generator is plain JavaScript
import { generate } from '../bench/generate.mjs';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  const file = join(box.dir, 'journal.json');
  writeFileSync(file, JSON.stringify(generate(600, { accounts: 70, contacts: 140, hypotheses: 160, seed: 4 })));
  expect(box.pm(['import', file]).code).toBe(0);
});
afterAll(() => box.cleanup());

const screen = (args: string[]) => terminalLines(box, args);

describe('a listing on a terminal', () => {
  it.each([
    [['contacts'], 'most overdue first', 140],
    [['accounts'], 'most overdue first', 71],
    [['hyp', 'list', '--status', 'all'], 'by id', 160],
  ])('pm %j: the first 50 rows of what a pipe gets, and how many there are', (args, order, total) => {
    const all = box.pm(args).out.replace(/\n$/, '').split('\n');
    expect(all.length).toBe(total + 1); // the header, then every row
    const lines = screen(args);
    expect(lines.length).toBe(52);
    expect(lines.slice(0, 51).map(lineFields)).toEqual(all.slice(0, 51).map(lineFields));
    expect(lines[51]).toBe(`(50 of ${total}, ${order}; --limit N for more)`);
  });

  it('--limit N shows N rows, --limit 0 every one, neither with the hint', () => {
    expect(screen(['contacts', '--limit', '5']).length).toBe(6);
    expect(screen(['accounts', '--limit', '0']).length).toBe(72);
  });
});

describe('pm ls on a terminal', () => {
  it('says "for more" only when more interviews match than the 50 it shows', () => {
    const few = sandbox();
    try {
      // 50 rows in one import (a pm log each would cost ~6 ms a row)
      const doc = ticketsExport(50, { account: 'Acme', summary: (k) => `call ${k + 1}` });
      expect(few.pm(['import', '-'], { input: doc }).code).toBe(0);
      const lines = () => terminalLines(few, ['ls']);
      expect(few.pm(['ls']).out.trim().split('\n').length).toBe(50);
      const exactly = lines();
      expect(exactly.length).toBe(50);
      expect(exactly.join('\n')).not.toMatch(/for more/);
      expect(few.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'one more']).code).toBe(0);
      const more = lines();
      expect(more.length).toBe(51);
      expect(more[50]).toBe('(50 of 51, newest first; --limit N for more)');
    } finally {
      few.cleanup();
    }
  });
});
