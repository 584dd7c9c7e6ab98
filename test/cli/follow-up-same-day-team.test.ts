// A teammate's call later the same day answers a follow-up once it arrives (H15, schema 72): pm
// orders a day's conversations as this journal logged them, and an imported one was logged here when
// it arrived. The import writes with the summaries' triggers suspended and rebuilds them from their
// views, so this is the rebuild's path, as pm log was the triggers'.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const team = twoJournals('2026-12-05');
const { pm } = team;
const due = (who: 'a' | 'b') =>
  (JSON.parse(pm(who, ['report', '--json']).out).followUps as { id: string }[]).map((f) => f.id);

describe("a teammate's call of the same day", () => {
  it('answers the follow-up asked before it arrived, on both journals', () => {
    pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'asks for SSO', '--follow-up', 'today']);
    team.trade('a', 'b');
    expect(due('b')).toEqual(['I1']);
    pm('b', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'SSO walkthrough']);
    expect(due('b')).toEqual([]);
    expect(due('a')).toEqual(['I1']);
    team.trade('b', 'a');
    expect(due('a')).toEqual([]);
    expect(JSON.parse(pm('a', ['show', 'I1', '--json']).out)).toMatchObject({
      followUpAnsweredBy: 'I2',
      followUpAnsweredOn: '2026-12-05',
    });
    expect(JSON.parse(pm('a', ['doctor', '--json']).out).healthy).toBe(true);
  });
});
