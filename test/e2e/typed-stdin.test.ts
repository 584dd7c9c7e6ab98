// `pm import -` and `pm log --notes-file -` typed into at a terminal (fresh-eyes wave 8 E27): pm says
// what it waits for, and Ctrl-C ends it at once with 130, nothing written. Needs a real terminal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { onTerminal, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const CTRL_C = '\u0003';

describe('stdin typed at a terminal', () => {
  it('pm log --notes-file -: a hint, then Ctrl-C ends it with 130 before Ctrl-D, nothing saved', () => {
    expect(box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'first']).code).toBe(0);
    const before = readFileSync(box.db);
    const r = onTerminal(
      box,
      [['reading notes from the terminal; end with Ctrl-D', `my half-typed notes\r${CTRL_C}`]],
      ['log', '--with', 'Jane Roe', '--summary', 'second', '--notes-file', '-'],
    );
    expect(r.failure ?? null).toBeNull();
    expect(r.code).toBe(130);
    expect(r.output).toMatch(/pm: interrupted, nothing saved/);
    expect(readFileSync(box.db).equals(before)).toBe(true);
  });

  it('pm log --notes-file -: what was typed up to Ctrl-D is saved as the notes', () => {
    expect(box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'first']).code).toBe(0);
    const r = onTerminal(
      box,
      [['end with Ctrl-D', 'typed notes\r\u0004']],
      ['log', '--with', 'Jane Roe', '--summary', 'second', '--notes-file', '-'],
    );
    expect(r.failure ?? null).toBeNull();
    expect(r.code, r.output).toBe(0);
    expect(box.json(['show', 'I2']).notes).toBe('typed notes\n');
  });

  it('pm import -: Ctrl-C ends it with 130 before Ctrl-D and creates no journal', () => {
    const r = onTerminal(
      box,
      [['reading the JSON export from the terminal', `{"format":\r${CTRL_C}`]],
      ['import', '-'],
    );
    expect(r.failure ?? null).toBeNull();
    expect(r.code).toBe(130);
    expect(r.output).toMatch(/pm: interrupted, nothing imported/);
    expect(existsSync(box.db)).toBe(false);
  });
});
