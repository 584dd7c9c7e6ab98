// Colour on a real terminal (test/e2e/pty-driver.py): pm's text and the prompts follow one rule,
// NO_COLOR before FORCE_COLOR and --color before both (issue 20).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onTerminal, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  const r = box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Exports take an hour']);
  if (r.code !== 0) throw new Error(r.err);
});
afterAll(() => box.cleanup());

const SGR = /\x1b\[[0-9;]*m/;
const NO = 'n\r';

/** `pm delete I1` on a terminal, answering no to its question: what it printed. */
function deletePrompt(env: NodeJS.ProcessEnv, flags: string[] = []): string {
  box.env.FORCE_COLOR = env.FORCE_COLOR;
  box.env.NO_COLOR = env.NO_COLOR;
  const r = onTerminal(box, [['Delete', NO]], ['delete', 'I1', ...flags]);
  expect(r.failure).toBeNull();
  return r.output;
}

describe('colour on a terminal', () => {
  it('FORCE_COLOR=1 NO_COLOR=1: the prompt is plain, and node does not warn about the pair', () => {
    const out = deletePrompt({ FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(out).toMatch(/Delete I1/);
    expect(out).not.toMatch(SGR);
    expect(out).not.toMatch(/Warning/);
  });

  it('--color always colours the prompt, even with NO_COLOR', () => {
    expect(deletePrompt({ FORCE_COLOR: undefined, NO_COLOR: '1' }, ['--color', 'always'])).toMatch(SGR);
  });
});
