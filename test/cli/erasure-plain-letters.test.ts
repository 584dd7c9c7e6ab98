// A name with letters Unicode does not decompose (Ł, Ø, Æ, Đ, Þ) is typed on an English keyboard
// without them: "Lukasz Oster" for Łukasz Øster, "Sven Odegard" for Sven Ødegård. pm forget and an
// erasure arriving from a teammate remove those spellings too, in the person's own calls and in
// anyone else's, while a living person's name and the rest of the text stay as written.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;
const texts = (who: 'a' | 'b') =>
  (JSON.parse(pm(who, ['ls', '--json']).out) as { summary: string }[]).map((i) => i.summary).sort();

function logAll(who: 'a' | 'b') {
  pm(who, [
    'log',
    '--with',
    'Łukasz Øster',
    '--account',
    'Nordlys',
    '--summary',
    'Lukasz Oster said yes; Øster agrees',
  ]);
  pm(who, ['log', '--with', 'Sven Ødegård', '--account', 'Nordlys', '--summary', 'Sven Odegard is how he signs']);
  pm(who, ['log', '--with', 'Kim Roe', '--account', 'Nordlys', '--summary', 'Kim heard it from Lukasz Oster']);
  pm(who, [
    'log',
    '--with',
    'Kim Roe',
    '--account',
    'Nordlys',
    '--summary',
    'Sven Odegard and Sven Ødegård agree with Kim',
  ]);
}

const SCRUBBED = [
  'Kim heard it from [forgotten]',
  '[forgotten] and [forgotten] agree with Kim',
  '[forgotten] is how he signs',
  '[forgotten] said yes; [forgotten] agrees',
];

describe('an erased name as an English keyboard types it', () => {
  it('pm forget removes the ASCII spelling of Ł, Ø and the like, in their calls and in others', () => {
    logAll('a');
    pm('a', ['forget', 'Łukasz Øster', '--yes']);
    pm('a', ['forget', 'Sven Ødegård', '--yes']);
    expect(texts('a')).toEqual(SCRUBBED);
  });

  it("a teammate's erasure arriving by import removes them the same way", () => {
    logAll('a');
    team.trade('a', 'b');
    pm('a', ['forget', 'Łukasz Øster', '--yes']);
    pm('a', ['forget', 'Sven Ødegård', '--yes']);
    team.trade('a', 'b');
    expect(texts('b')).toEqual(SCRUBBED);
  });
});
