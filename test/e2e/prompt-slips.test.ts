// What a PM types at pm log's prompts that pm read wrong (fresh-eyes wave 14): "H1 refutes" as the
// evidence list reads, a name without its accents or with two letters swapped at Who, and call notes
// pasted at the summary whose first sentence holds "Dr.". Driven through a real pseudo-terminal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onTerminal, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ENTER = '\r';
const BACKSPACE = '\x7f';

function session(script: [string, string][]) {
  const r = onTerminal(box, script, ['log']);
  return { ...r, plain: r.output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') };
}

function seed(): void {
  box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'first call', '--date', '2026-11-10']);
  box.ok([
    'log',
    '--with',
    'Sven Ødegård',
    '--account',
    'Fjord AS',
    '--summary',
    'exports fine',
    '--date',
    '2026-11-11',
  ]);
  box.ok(['hyp', 'add', 'Finance leads will pay for automatic payment matching', '--date', '2026-11-01']);
  box.ok(['hyp', 'add', 'Admins can export big workspaces without support', '--date', '2026-11-01']);
}

/** Enter at every prompt after the summary: no pain, quote, tag, evidence or follow-up. */
const ENTER_TO_THE_END: [string, string][] = ['Pains', 'quote', 'Tags', 'support or refute', 'Follow up'].map((p) => [
  p,
  ENTER,
]);

const contacts = () => (box.json(['contacts']) as { name: string }[]).map((c) => c.name).sort();

describe('pm log on a terminal: the evidence typed as the list reads it', () => {
  it('"H1 refutes strong" and "h2 suports" link as written; a word that is no mark says what to type', () => {
    seed();
    const r = session([
      ['Who did you talk to', 'Jane Roe'],
      ['Jane Roe \\(Acme, customer\\)', ENTER],
      ['How and when', ENTER],
      ['summary', `Pays by hand${ENTER}`],
      ['Pains', ENTER],
      ['quote', ENTER],
      ['Tags', ENTER],
      ['support or refute', 'H1 finance'],
      // the reason and what to type, where the list said only "No results found"
      ['"finance" is not a mark: Enter links H1 as supporting; H1 refutes \\(or -H1\\)', BACKSPACE.repeat(7)],
      ['support or refute', 'refutes strong, h2 suports'],
      ['Link H1 refutes \\(strong\\), H2 supports', ENTER],
      ['Follow up', ENTER],
    ]);
    expect(r.code, r.plain.slice(-800)).toBe(0);
    expect(r.plain).not.toMatch(/No results found/);
    expect(box.json(['show', 'I3']).evidence).toMatchObject([
      { hypothesis: 'H1', direction: 'refutes', strength: 'strong' },
      { hypothesis: 'H2', direction: 'supports', strength: 'medium' },
    ]);
  }, 90_000);
});

describe('pm log on a terminal: a known person typed without accents or with a slip', () => {
  for (const typed of ['Sven Odegard', 'Jnae Roe'])
    it(`"${typed}" offers the known person above New contact, and Enter takes them`, () => {
      seed();
      const known = typed === 'Jnae Roe' ? 'Jane Roe \\(Acme' : 'Sven Ødegård \\(Fjord AS';
      const r = session([
        ['Who did you talk to', typed],
        [`❯ ${known}, customer\\) — did you mean\\?[\\s\\S]*New contact: ${typed}`, ENTER],
        ['How and when', ENTER],
        ['summary', `Quick call${ENTER}`],
        ...ENTER_TO_THE_END,
      ]);
      expect(r.code, r.plain.slice(-800)).toBe(0);
      expect(contacts()).toEqual(['Jane Roe', 'Sven Ødegård']);
    }, 90_000);
});

describe('pm log on a terminal: call notes pasted at the summary', () => {
  it('keep their first sentence whole as the summary, past "Dr.", "e.g." and an initial', () => {
    seed();
    const first = 'Dr. Lee at Acme (e.g. the CFO, J. Smith too) said exports take an hour every Friday.';
    const paste = `${first} ${'They reconcile the totals line by line. '.repeat(26).trim()}`;
    const r = session([
      ['Who did you talk to', 'Jane Roe'],
      ['Jane Roe \\(Acme, customer\\)', ENTER],
      ['How and when', ENTER],
      ['summary', `${paste}${ENTER}`],
      ...ENTER_TO_THE_END,
    ]);
    expect(r.code, r.plain.slice(-800)).toBe(0);
    expect(box.json(['show', 'I3'])).toMatchObject({ summary: first, notes: paste });
  }, 90_000);
});
