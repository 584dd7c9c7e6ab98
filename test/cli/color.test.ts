// Colour as a user meets it (issue 20): --color auto|always|never, --no-color, and NO_COLOR winning
// over FORCE_COLOR. In-process runs are not terminals, so without a flag or FORCE_COLOR nothing is
// coloured; the sandbox sets NO_COLOR=1, which each test sets or removes explicitly.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  const r = box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Exports take an hour']);
  if (r.code !== 0) throw new Error(r.err);
});
afterAll(() => box.cleanup());

const ESC = '\x1b[';
const colored = (args: string[], env: NodeJS.ProcessEnv) => {
  const r = box.pm(args, { env });
  expect(r.code, r.err).toBe(0);
  return r.out.includes(ESC);
};

describe('colour', () => {
  it('FORCE_COLOR=1 NO_COLOR=1 gives no colour: NO_COLOR wins', () => {
    expect(colored(['report'], { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
    expect(colored(['ls'], { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
    // FORCE_COLOR alone still forces it into a pipe
    expect(colored(['report'], { FORCE_COLOR: '1', NO_COLOR: undefined })).toBe(true);
  });

  it('--color always colours a pipe, even with NO_COLOR; --color never and --no-color beat FORCE_COLOR', () => {
    expect(colored(['report', '--color', 'always'], { NO_COLOR: '1' })).toBe(true);
    expect(colored(['--color=always', 'report'], { NO_COLOR: undefined })).toBe(true);
    expect(colored(['report', '--color', 'never'], { FORCE_COLOR: '3', NO_COLOR: undefined })).toBe(false);
    expect(colored(['report', '--no-color'], { FORCE_COLOR: '3', NO_COLOR: undefined })).toBe(false);
    expect(colored(['--no-color', 'ls'], { FORCE_COLOR: '1', NO_COLOR: undefined })).toBe(false);
  });

  it('--color auto is the default: no colour off a terminal', () => {
    expect(colored(['report', '--color', 'auto'], { NO_COLOR: undefined })).toBe(false);
    expect(colored(['report'], { NO_COLOR: undefined })).toBe(false);
  });

  it('--color with another word is a usage error that names the choices, and changes nothing', () => {
    const before = box.snapshot();
    const r = box.pm(['log', '--color', 'sometimes', '--with', 'Jane Roe', '--summary', 'x']);
    expectUsageError(r);
    expect(r.err).toMatch(/^pm: --color: "sometimes" is not auto, always or never$/m);
    expect(box.snapshot()).toBe(before);
  });

  it('--help lists --color with its three values, and --no-color', () => {
    const help = box.pm(['--help']).out.replace(/\s+/g, ' ');
    expect(help).toMatch(/--color <when>\s+ANSI colour: auto .*always or never/);
    expect(help).toMatch(/--no-color\s+the same as --color never/);
  });
});
