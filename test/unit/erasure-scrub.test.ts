// The text scrub of an erasure, case by case (src/db/forget.ts): an erased name inside a teammate's
// or a living contact's longer name stays theirs, who held a conversation (`by`) goes only when it is
// nothing but the erased person, and a person erased with the longer name merged into them leaves one
// [forgotten] a mention, never "[forgotten] Smith" nor "[forgotten] [forgotten] [forgotten]" (wave 15).
import { describe, expect, it } from 'vitest';
import { LiveNames } from '../../src/core/mentions.js';
import { longestFirst, personNeedles, scrubBy } from '../../src/db/forget.js';

type Person = { name: string; email: string | null };
/** `text` scrubbed of `erased` one after another, as pm forget, import and sync do for a person and their merged names */
function scrub(text: string, erased: Person[], living: string[], where: 'theirs' | 'everywhere'): string {
  const live = new LiveNames(() => living);
  let out = text;
  for (const p of longestFirst(erased)) out = personNeedles(p.name, p.email, 'Acme', live)[where].replace(out).text;
  return out;
}

const kimLee: Person = { name: 'Kim Lee', email: 'kim@x.test' };
const kimLeeSmith: Person = { name: 'Kim Lee Smith', email: null };
const teammate = ['Kim Lee Smith'];

describe('the erasure scrub', () => {
  const cases: [string, Person[], string[], 'theirs' | 'everywhere', string, string][] = [
    [
      "a teammate's longer name",
      [kimLee],
      teammate,
      'everywhere',
      'Kim Lee Smith asked Kim Lee',
      'Kim Lee Smith asked [forgotten]',
    ],
    [
      "a teammate's longer name, in their own conversation",
      [kimLee],
      teammate,
      'theirs',
      'Kim Lee Smith held it; Kim said no',
      'Kim Lee Smith held it; [forgotten] said no',
    ],
    ['a longer name nobody has', [kimLee], [], 'everywhere', 'Kim Lee Jones called', '[forgotten] Jones called'],
    [
      'their merged longer name, elsewhere',
      [kimLee, kimLeeSmith],
      [],
      'everywhere',
      'Jane said Kim Lee Smith is out, Kim Lee too',
      'Jane said [forgotten] is out, [forgotten] too',
    ],
    [
      'their merged longer name, listed first',
      [kimLeeSmith, kimLee],
      [],
      'everywhere',
      'Kim Lee Smith; Kim Lee',
      '[forgotten]; [forgotten]',
    ],
    [
      'their merged longer name, in their conversation',
      [kimLee, kimLeeSmith],
      [],
      'theirs',
      'Kim Lee Smith said hi; ask Smith Kim Lee; Kim Lee',
      '[forgotten] said hi; ask [forgotten]; [forgotten]',
    ],
    [
      'the words of their name one by one, in their conversation',
      [kimLeeSmith],
      [],
      'theirs',
      'Kim Lee came, then Lee',
      '[forgotten] came, then [forgotten]',
    ],
    ['their email beside their name', [kimLee], [], 'everywhere', 'cc Kim Lee kim@x.test', 'cc [forgotten]'],
    [
      'their name at a line end and the next line opening, in their conversation (review wave 15 R2)',
      [kimLee],
      [],
      'theirs',
      'Attendees: Sam Ray, Kim Lee\nKim Lee: we need exports',
      'Attendees: Sam Ray, [forgotten]\n[forgotten]: we need exports',
    ],
    [
      'their name on two lines, elsewhere',
      [kimLee],
      [],
      'everywhere',
      'cc Kim Lee\r\nKim Lee said no',
      'cc [forgotten]\r\n[forgotten] said no',
    ],
  ];
  it.each(cases)('%s', (_, erased, living, where, text, expected) => {
    expect(scrub(text, erased, living, where)).toBe(expected);
  });

  const byCases: [string, Person, string, string][] = [
    ['the erased name', kimLee, 'Kim Lee', '[forgotten]'],
    ['the erased email', kimLee, 'KIM@x.test', '[forgotten]'],
    ["a teammate's longer name", kimLee, 'Kim Lee Smith', 'Kim Lee Smith'],
    ['a name before it', kimLee, 'Ann Kim Lee', 'Ann Kim Lee'],
    ['a one-word name, a teammate of that name', { name: 'May', email: null }, 'May', 'May'],
    ['someone else', kimLee, 'Pat Kim', 'Pat Kim'],
  ];
  it.each(byCases)('who held a conversation: %s', (_, erased, by, expected) => {
    const m = personNeedles(erased.name, erased.email, 'Acme', new LiveNames(() => [])).everywhere;
    expect(scrubBy(by, (t) => m.replace(t).text)).toBe(expected);
  });
});
