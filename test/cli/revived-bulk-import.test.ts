// An import of more than 200 changes writes in bulk and rebuilds the summaries once; one that changes
// nothing existing rebuilds only those after the last interview it found. An interview deleted here
// that a teammate edited meanwhile comes back with its old id (deleted_ids), below that mark: its
// summaries were skipped, and pm doctor said "Summaries: FAILED" until --repair (a possibility noted
// in wave 11's closing, reproduced here). Fails before.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';
// @ts-expect-error the generator is plain JavaScript
import { generate } from '../bench/generate.mjs';

const team = twoJournals();
const { pm } = team;

describe('an interview deleted here brought back by a bulk import', () => {
  it('takes its id again with its summaries: its pains are in the report, pm doctor finds nothing', () => {
    pm('a', ['hyp', 'add', 'Finance teams will pay', '--date', '2026-12-01']);
    pm('a', ['log', '--with', 'Omar Diaz', '--account', 'Initech', '--summary', 'first', '--date', '2026-12-02']);
    pm('a', [
      ...['log', '--with', 'Ann Lee', '--account', 'Initech', '--summary', 'second', '--date', '2026-12-03'],
      ...['--pain', 'export to sheets breaks:high'],
    ]);
    pm('a', ['log', '--with', 'Raj Patel', '--account', 'Globex', '--summary', 'third', '--date', '2026-12-04']);
    pm('a', ['hyp', 'link', 'H1', 'I2', '--supports']);
    team.trade('a', 'b');
    pm('a', ['delete', 'I2', '--yes', '--force']);
    pm('b', ['edit', 'I2', '--summary', 'second, edited']);
    // and the teammate's other work: over 200 new records, so that the import writes in bulk
    const other = join(team.box.dir, 'other.json');
    writeFileSync(other, JSON.stringify(generate(1200, { accounts: 10, contacts: 20, hypotheses: 5, seed: 7 })));
    pm('b', ['import', other]);
    team.trade('b', 'a');
    expect(JSON.parse(pm('a', ['show', 'I2', '--json']).out).summary).toBe('second, edited');
    const doctor = team.run('a', ['doctor']);
    expect(doctor.out).toMatch(/Summaries: ok/);
    expect(doctor.code).toBe(0);
    const report = JSON.parse(pm('a', ['report', '--json']).out);
    expect(JSON.stringify(report)).toContain('export to sheets breaks');
  });
});
