// The standup page on a real terminal (a pseudo-terminal, as a person sees it): `pm demo` on an
// 80×24 terminal fits it, page and note together, in colour, no line wider than 80 columns.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { onTerminal, sandbox, type Sandbox } from '../helpers.js';
import { displayWidth } from '../../src/render/width.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('pm demo on an 80×24 terminal', () => {
  it('fits the screen with the prompt after it: at most 23 lines of at most 80 columns, the verdict first', () => {
    const r = onTerminal(box, [], ['--db', join(box.dir, 'demo.db'), 'demo'], {
      COLUMNS: '80',
      LINES: '24',
      NO_COLOR: '',
    });
    expect(r.failure).toBeNull();
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/\u001b\[\d+m/); // a terminal: in colour
    const plain = r.output
      .replace(/\u001b\[[\d;]*m/g, '')
      .replace(/\r\n/g, '\n')
      .replace(/\n$/, '');
    const lines = plain.split('\n');
    // the shell's prompt takes the 24th row: more, and the verdict would scroll off the top
    expect(lines.length, plain).toBeLessThanOrEqual(23);
    // the page; the note after it names the sample's path, as long as the temporary folder's
    const page = lines.filter((l) => !l.startsWith('Explore the sample: pm --db '));
    expect(page.length).toBe(lines.length - 1);
    for (const l of page) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe('OVERDUE · 2026-W47 · as of 2026-11-20');
    expect(plain).toMatch(/Needs action \(\d+, from \d+ flags\)/);
  });
});
