// pm import refuses a hypothesis to be decided before it was created, as pm hyp add and edit do (fresh-eyes
// wave 19 H12): whole or nothing, the record named, the journal as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

describe('pm import: a decide-by day before the creation', () => {
  it('is refused with the record named, and nothing is imported', () => {
    box.ok(['hyp', 'add', 'Finance pays for matching', '--date', '2026-11-02']);
    box.ok(['log', '--with', 'Ann', '--account', 'Acme', '--summary', 'yes', '--supports', 'H1']);
    const file = join(box.dir, 'a.json');
    box.ok(['export', '--format', 'json', '--out', file]);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.hypotheses[0].decideBy = '2020-01-01';
    writeFileSync(file, JSON.stringify(doc));
    const other = join(box.dir, 'other.db');
    box.ok(['--db', other, 'hyp', 'add', 'Already here']);
    const r = box.pm(['--db', other, 'import', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^pm: .*hypotheses\[0\] .*decideBy 2020-01-01 is before the hypothesis was created \(2026-11-02\)/m,
    );
    expect(box.json(['--db', other, 'hyp', 'list', '--status', 'all']).map((h: any) => h.statement)).toEqual([
      'Already here',
    ]);
    expect(box.json(['--db', other, 'ls']).length).toBe(0);
  });
});
