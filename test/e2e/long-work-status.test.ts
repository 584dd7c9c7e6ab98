// pm forget and pm doctor on a journal of years take seconds. pm forget takes them before its question (the preview is the erasure run
// and rolled back) and after it (the scrub, the file's rewrite): a line on the terminal says what it
// is doing, each replacing the last and cleared before the answer (fresh-eyes wave 16 H4: 10 s and
// 14 s of a blank terminal read as a hang). A pseudo-terminal is the point: run as a process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onTerminal, sandbox, type Sandbox } from '../helpers.js';
// @ts-expect-error the generator is plain JavaScript
import { generate } from '../bench/generate.mjs';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-11-20' })));
afterEach(() => box.cleanup());

const plain = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

describe('pm forget at a terminal, on a journal of years', () => {
  it('says what it is doing while it reads and while it erases, and leaves no status behind', () => {
    const file = join(box.dir, 'j.json');
    writeFileSync(file, JSON.stringify(generate(1000, { seed: 4 })));
    expect(box.pm(['import', file]).code).toBe(0);
    const [email] = box
      .sql<{ email: string }>(
        'SELECT email FROM contacts c WHERE email IS NOT NULL AND EXISTS (SELECT 1 FROM interview_contacts ' +
          'WHERE contact_id = c.id) ORDER BY id LIMIT 1',
      )
      .map((r) => r.email);
    const run = onTerminal(box, [['Erase ', 'y\r']], ['forget', email], { COLUMNS: '1000' });
    expect(run.failure).toBeNull();
    expect(run.code).toBe(0);
    const shown = plain(run.output);
    expect(shown).toMatch(/pm: reading what erasing .* rewrites…\r(\r)?.*Erase /s);
    expect(shown).toContain('pm: erasing ');
    expect(shown).toContain("pm: rewriting the journal's file without them…");
    // each status cleared where the next words start: the outcome's line is whole
    expect(
      shown.split(/\r?\n/).some((l) => /^Forgot .*: \d+ interviews? now attributed/.test(l.split('\r').at(-1)!)),
    ).toBe(true);
  });

  it('prints no status into a pipe', () => {
    const file = join(box.dir, 'j.json');
    writeFileSync(file, JSON.stringify(generate(1000, { seed: 4 })));
    expect(box.pm(['import', file]).code).toBe(0);
    const [email] = box
      .sql<{ email: string }>('SELECT email FROM contacts WHERE email IS NOT NULL LIMIT 1')
      .map((r) => r.email);
    const r = box.spawn(['forget', email, '--yes']);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('erasing');
    const d = box.spawn(['doctor']);
    expect(d.code).toBe(0);
    expect(d.err).not.toContain('checking');
  });

  it('pm doctor says it is checking the journal, then prints its page whole', () => {
    const file = join(box.dir, 'j.json');
    writeFileSync(file, JSON.stringify(generate(1000, { seed: 4 })));
    expect(box.pm(['import', file]).code).toBe(0);
    const run = onTerminal(box, [], ['doctor'], { COLUMNS: '1000' });
    expect(run.code).toBe(0);
    const shown = plain(run.output);
    expect(shown).toMatch(/pm: checking the journal \(\d+ MB\)…/);
    const lines = shown.split(/\r?\n/).map((l) => l.split('\r').at(-1));
    expect(lines.some((l) => /^Integrity: ok/.test(l!))).toBe(true);
  });
});
