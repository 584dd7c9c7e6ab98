// Erasing a person rewrites every mention of their name, except in a conversation held with a living
// namesake: another person of that name, whom pm tells apart (their own email), is who it names there
// (fresh-eyes wave 9 E1). The erased person's email still goes everywhere. Locally and by import.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;
const summaries = (who: 'a' | 'b') =>
  JSON.parse(pm(who, ['ls', '--json']).out)
    .map((i: { summary: string }) => i.summary)
    .sort();

describe('an erasure and a living namesake', () => {
  it('pm forget keeps the name in the namesake own conversation; the email goes', () => {
    pm('a', ['log', '--with', 'Zed Quux <zed@acme.test>', '--account', 'Acme', '--summary', 'Zed Quux hates exports']);
    pm('a', [
      'log',
      '--with',
      'Zed Quux <zq@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'Zed Quux (not zed@acme.test) owns billing',
    ]);
    pm('a', ['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'Ann: Zed Quux decides']);
    pm('a', ['forget', 'zed@acme.test', '--yes']);
    expect(summaries('a')).toEqual([
      'Ann: [forgotten] decides',
      'Zed Quux (not [forgotten]) owns billing',
      '[forgotten] hates exports',
    ]);
  });

  it('an erasure arriving by import leaves the namesake own conversation as written', () => {
    pm('b', ['log', '--with', 'Zed Quux <zed@acme.test>', '--account', 'Acme', '--summary', 'exports hurt']);
    pm('a', [
      'log',
      '--with',
      'Zed Quux <zq@acme2.test>',
      '--account',
      'Acme',
      '--summary',
      'Another Zed Quux at Acme',
    ]);
    team.trade('b', 'a');
    pm('b', ['forget', 'zed@acme.test', '--yes']);
    team.trade('b', 'a');
    expect(summaries('a')).toEqual(['Another Zed Quux at Acme', 'exports hurt']);
    const contacts = JSON.parse(pm('a', ['contacts', '--json']).out)
      .map((c: { name: string }) => c.name)
      .sort();
    expect(contacts).toEqual(['Forgotten contact', 'Zed Quux']);
  });
});
