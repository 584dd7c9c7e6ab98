// Notes pasted from a word processor, Slack or a phone write a name with typographic apostrophes and
// dashes (O’Connor, Jean‑Luc, Jean–Luc) where it was typed at a terminal with ' and - (fresh-eyes
// wave 10 E2): pm forget, an erasure arriving by import and --redact find it in either spelling. And a
// name ending in a bracket takes the bracket with it ("[forgotten]) and Bob" was left).
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;
const texts = (who: 'a' | 'b') =>
  JSON.parse(pm(who, ['ls', '--json']).out)
    .filter((i: { with: string[] }) => i.with.includes('Bob'))
    .map((i: { summary: string }) => i.summary)
    .sort();

// each pasted as a user would paste it: ’ (U+2019), ‘ (U+2018), ʼ (U+02BC), ` , ‑ (U+2011), – (U+2013), — (U+2014)
const PASTED = [
  'Met Sinéad O’Connor and Sinead O‘Connor',
  'Sinéad Oʼconnor and SINEAD O`CONNOR said so',
  'Asked Zoë O’Brien‑Smith',
  'Jean‑Luc Picard, Jean–Luc Picard, Jean—Luc Picard',
];
const PEOPLE = ["Sinéad O'Connor", 'Zoë O’Brien-Smith', 'Jean-Luc Picard'];

function logAll(who: 'a' | 'b') {
  for (const p of PEOPLE) pm(who, ['log', '--with', p, '--account', 'Acme', '--summary', 'own call']);
  for (const s of PASTED) pm(who, ['log', '--with', 'Bob', '--account', 'Acme', '--summary', s]);
}

const SCRUBBED = [
  'Asked [forgotten]',
  'Met [forgotten] and [forgotten]',
  '[forgotten] and [forgotten] said so',
  '[forgotten], [forgotten], [forgotten]',
];

describe('an erased name written with the other apostrophe or dash', () => {
  it('pm forget removes every typographic spelling of it', () => {
    logAll('a');
    for (const p of PEOPLE) pm('a', ['forget', p, '--yes']);
    expect(texts('a')).toEqual(SCRUBBED);
  });

  it("a teammate's erasure arriving by import removes them from this journal's pasted text", () => {
    logAll('a');
    team.trade('a', 'b');
    for (const p of PEOPLE) pm('a', ['forget', p, '--yes']);
    team.trade('a', 'b');
    expect(texts('b')).toEqual(SCRUBBED);
  });

  it('--redact replaces the whole name, leaving no word of it between dashes', () => {
    logAll('a');
    const doc = JSON.parse(pm('a', ['export', '--format', 'json', '--redact']).out);
    const summaries: string[] = doc.interviews.map((i: { summary: string }) => i.summary).join('\n');
    for (const word of ['Sinéad', 'Sinead', 'Connor', 'CONNOR', 'Brien', 'Smith', 'Jean', 'Luc', 'Picard'])
      expect(summaries).not.toContain(word);
    expect(summaries).toContain('Contact 3, Contact 3, Contact 3');
  });

  it('a name ending in a bracket leaves no stray bracket behind', () => {
    pm('a', ['log', '--with', 'C++ Dev (Lead)', '--account', 'Acme', '--summary', 'own call']);
    pm('a', [
      'log',
      '--with',
      'Bob',
      '--account',
      'Acme',
      '--summary',
      'talked to C++ Dev (Lead) and Bob (and C++ Dev)',
    ]);
    pm('a', ['forget', 'C++ Dev (Lead)', '--yes']);
    expect(texts('a')).toEqual(['talked to [forgotten] and Bob (and C++ Dev)']);
  });
});
