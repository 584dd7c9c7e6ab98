// The interactive `pm log` at a 40-column terminal (wave 11's E20: a phone's ssh app, a split tmux
// pane): the prompts broke their questions, help lines and choices at the 40th column, in the middle
// of a word ("a surve" / "y, a ticket)"). Driven through a real pseudo-terminal that says it is 40
// columns wide, as `stty cols 40` makes it. What pm says between the prompts, and the answer typed once
// given, broke at the 40th column too ("Who: Jane Roe (Acme, customer), from --wi" / "th"; wave 13's
// closing list): they are broken at words as the prompts are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onTerminal, sandbox, type Sandbox } from '../helpers.js';
import { displayWidth } from '../../src/render/width.js';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  expect(box.pm(['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'Digest']).code).toBe(
    0,
  );
  expect(box.pm(['log', '--with', 'Jane Roe', '--summary', 'Again', '--pain', 'slow CSV export']).code).toBe(0);
  expect(box.pm(['hyp', 'add', 'Finance teams will pay for automatic invoice matching']).code).toBe(0);
});
afterAll(() => box.cleanup());

const ENTER = '\r';

/** Every word of `phrase` whole in `plain`: shown, and never broken over two lines. */
function wholeWords(plain: string, phrase: string) {
  const flowing = plain.replace(/\n+/g, ' ').replace(/ +/g, ' ');
  expect(flowing, phrase).toContain(phrase);
  for (const word of phrase.split(' '))
    for (let i = 1; i < word.length; i++)
      expect(plain, `${word} broken`).not.toContain(`${word.slice(0, i)}\n${word.slice(i)}`);
}

describe('pm log at a 40-column terminal', () => {
  it('breaks its questions, help lines and choices at words', () => {
    const r = onTerminal(
      box,
      [
        ['Who did you talk to', 'jan'],
        ['Jane Roe \\(Acme, customer\\)[\\s\\S]*No person', ENTER],
        ['How and when', ENTER],
        ['summary', `Exports weekly${ENTER}`],
        ['Pains', 'slow'],
        ['slow CSV', `\u001b[B${ENTER}`], // ↓ to the pain heard before
        ['quote', ENTER],
        ['Tags', ENTER],
        ['support or refute', ENTER],
        ['Follow up', ENTER],
      ],
      ['log'],
      { PTY_COLS: '40' },
    );
    expect(r.code, r.output).toBe(0);
    const plain = r.output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
    for (const phrase of [
      'No person: a signal (a review, a survey, a ticket)',
      'How and when (a journey stage too)? (call today)',
      'Pains they described (a | b; pain:high sets a severity)?',
      '↓ pains heard before, severities · ⏎ takes it · ⇥ puts it in the line',
      'Does it support or refute a hypothesis?',
      '⏎ links it · -H3 refutes · H3! strong · H3? weak · H3:did, H3!paid · H3 -H5',
      'H1 supports · Finance teams will',
      'Follow up by (Enter for none; tomorrow, fri, +1w)?',
    ])
      wholeWords(plain, phrase);
    expect(box.json(['show', 'last'])).toMatchObject({
      summary: 'Exports weekly',
      pains: [{ text: 'slow CSV export' }],
    });
  });

  it('breaks what it says between the prompts, and the answer once given, at words', () => {
    const summary = "Exports weekly to the finance team's shared drives, reconciled by hand every Friday";
    const r = onTerminal(
      box,
      [
        ['How and when', ENTER],
        ['summary', `${summary}${ENTER}`],
        ['Pains', ENTER],
        ['quote', ENTER],
        ['Tags', ENTER],
        ['support or refute', ENTER],
        ['Follow up', ENTER],
      ],
      ['log', '--with', 'Jane Roe'],
      { PTY_COLS: '40' },
    );
    expect(r.code, r.output).toBe(0);
    const plain = r.output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
    // a line the terminal would break itself is one pm did not: each line of these fits its 40 columns
    const fits = (start: string) => {
      const from = plain.lastIndexOf(start);
      const end = plain.indexOf('\n?', from);
      for (const line of plain.slice(from, end < 0 ? undefined : end).split('\n'))
        expect(displayWidth(line), line).toBeLessThanOrEqual(40);
    };
    wholeWords(plain, 'Who: Jane Roe (Acme, customer), from --with');
    fits('Who: Jane Roe');
    // the answer as shown once given (while it is typed, the prompt redraws it as it comes)
    const given = plain.slice(plain.lastIndexOf('What did you learn'));
    wholeWords(given.slice(0, given.indexOf('Pains')), `What did you learn (summary)? ${summary}`);
    const id = box.json(['show', 'last']).id;
    wholeWords(plain, `Logged ${id} · call with Jane Roe (Acme) on`);
    fits('Logged');
    fits('✔ What did you learn');
    expect(box.json(['show', 'last'])).toMatchObject({ summary });
  });
});
