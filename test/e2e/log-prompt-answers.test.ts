// The answers a PM types at the interactive `pm log`'s prompts meaning "nothing", and what is pasted
// there, driven through a real pseudo-terminal: nothing invented, nothing lost (fresh-eyes wave 17).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filledOnce, onTerminal, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ENTER = '\r';

/** Raj Patel of Acme and one open hypothesis whose statement holds the letters n, o, y, a. */
const seeded = filledOnce((box) => {
  box.ok(['log', '--with', 'Raj Patel <raj@acme.test>', '--account', 'Acme', '--summary', 'seed']);
  box.ok(['hyp', 'add', 'Finance leads at SMBs will pay for automatic invoice matching', '--criteria', '3 of 5']);
});

type Answers = Partial<Record<'pains' | 'quote' | 'tags' | 'evidence' | 'followUp', string>>;

/** A pm log with Raj up to the hypothesis question: Enter at each prompt, `answers` typed at theirs. */
const toEvidence = (answers: Answers): [string, string][] => [
  ['Who did you talk to', 'Raj'],
  ['Raj Patel \\(Acme', ENTER],
  ['How and when', ENTER],
  ['summary', `answers ${JSON.stringify(answers)}${ENTER}`],
  ['Pains', (answers.pains ?? '') + ENTER],
  ['quote', (answers.quote ?? '') + ENTER],
  ['Tags', (answers.tags ?? '') + ENTER],
];

/** That pm log to its end; returns the run. */
function logWith(answers: Answers) {
  seeded(box);
  return onTerminal(
    box,
    [
      ...toEvidence(answers),
      ['support or refute', (answers.evidence ?? '') + ENTER],
      ['Follow up', (answers.followUp ?? '') + ENTER],
      ['Logged I2', ''],
    ],
    ['log'],
  );
}

describe('pm log on a terminal: "no" at the hypothesis question', () => {
  // before, "n" matched the n of "Finance" and Enter linked the call as supporting H1 (H13); "no",
  // "none" matched nothing and left the prompt stuck on "No results found"; "-" listed H1 refutes
  for (const answer of ['n', 'N', 'no', 'none', 'None', '-'])
    it(`${JSON.stringify(answer)} links nothing`, () => {
      const r = logWith({ evidence: answer });
      expect(r.failure).toBeNull();
      expect(r.code).toBe(0);
      expect(box.json(['show', 'I2']).evidence).toEqual([]);
      expect(box.json(['ls', '--hypothesis', 'H1'])).toEqual([]);
    });

  it('a word of the statement typed from its start finds the hypothesis', () => {
    const r = logWith({ evidence: 'invoice' });
    expect(r.code).toBe(0);
    expect(box.json(['show', 'I2']).evidence).toMatchObject([{ hypothesis: 'H1', direction: 'supports' }]);
  });

  it('letters inside a word find nothing: "y" (of "pay") offers no hypothesis to link', () => {
    seeded(box);
    const r = onTerminal(
      box,
      [...toEvidence({}), ['support or refute', 'y'], ['No results', `${ENTER}\u0003`]],
      ['log'],
    );
    expect(r.failure).toBeNull();
    expect(r.code).toBe(130);
    expect(box.json(['ls', '--hypothesis', 'H1'])).toEqual([]);
  });
});

describe('pm log on a terminal: "none", "-", "n/a" at the optional prompts', () => {
  // before, "none" stored a pain "none" (a theme and an opportunity followed), "-" a quote, "n/a" a
  // tag, and "none" at the follow-up, which says "Enter for none", was refused (H14)
  it('are an empty answer at Pains, Quotes, Tags and the follow-up', () => {
    const r = logWith({ pains: 'none', quote: '-', tags: 'n/a', followUp: 'none' });
    expect(r.failure).toBeNull();
    expect(r.code).toBe(0);
    expect(box.json(['show', 'I2'])).toMatchObject({ pains: [], quotes: [], tags: [], followUp: null });
  });

  it('in any case, and a pain that only starts so is a pain', () => {
    const r = logWith({ pains: 'nonexistent audit trail', quote: 'N/A', tags: 'NONE', followUp: '-' });
    expect(r.code).toBe(0);
    expect(box.json(['show', 'I2'])).toMatchObject({
      pains: [{ text: 'nonexistent audit trail' }],
      quotes: [],
      tags: [],
      followUp: null,
    });
  });
});

describe('pm log on a terminal: lines pasted at Tags and Who', () => {
  // before, every line after the first was dropped without a word: tags billing (H18)
  it('lines pasted at Tags are a tag each', () => {
    const r = logWith({ tags: 'billing\nexport\nsso' });
    expect(r.code).toBe(0);
    expect(box.json(['show', 'I2']).tags).toEqual(['billing', 'export', 'sso']);
  });

  // before, the lines were glued into one new contact "Lena VossHead of Finance, Nordwind AGlena.voss@…"
  it('an email signature pasted at Who: its first line the name, its email line the email, the rest said', () => {
    seeded(box);
    const r = onTerminal(
      box,
      [
        ['Who did you talk to', 'Lena Voss\nHead of Finance, Nordwind AG\nlena.voss@nordwind.de\n'],
        ['is new. Which account', `Nordwind${ENTER}`],
        ['role', ENTER],
        ['Segment', ENTER],
        ['How and when', ENTER],
        ['summary', `signature${ENTER}`],
        ...['Pains', 'quote', 'Tags', 'support or refute', 'Follow up'].map((p): [string, string] => [p, ENTER]),
        ['Logged I2', ''],
      ],
      ['log'],
    );
    expect(r.code).toBe(0);
    expect(r.output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')).toMatch(
      /pasted at Who and not used: Head of Finance, Nordwind AG[\s\S]*Lena Voss <lena\.voss@nordwind\.de> is new/,
    );
    expect(box.sql("SELECT name, email FROM contacts WHERE name LIKE '%Lena%'")).toEqual([
      { name: 'Lena Voss', email: 'lena.voss@nordwind.de' },
    ]);
  });
});

describe('pm log on a terminal: an email typed at Who', () => {
  // before, "has a < or > without the other" showed under every key until the > was typed (H20)
  it('is not scolded while it is typed', () => {
    seeded(box);
    const r = onTerminal(
      box,
      [
        ['Who did you talk to', 'Zoë Brandt <zoe@hafen.de'],
        ['Zoë Brandt <zoe@hafen\\.de', '>'],
        ['New contact: Zoë Brandt <zoe@hafen\\.de>', ENTER],
        ['is new. Which account', '\u0003'],
      ],
      ['log'],
    );
    expect(r.failure).toBeNull();
    expect(r.output).not.toMatch(/without the other/);
  });
});
