// Coverage (src/core/coverage.ts): the window, segment-silent at its boundary, and the rows built
// from what the journal holds.
import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Config } from '../../src/core/config.js';
import { buildCoverage, coverageWindow, isSilent, silentMessage, type CoverageRows } from '../../src/core/coverage.js';
import { UsageError } from '../../src/errors.js';

const asOf = '2026-11-20';
const stages = ['discover', 'evaluate', 'onboard'];
const none: CoverageRows = {
  segments: [],
  segmentCounts: [],
  personas: [],
  personaCounts: [],
  stagesUsed: [],
  stageCounts: [],
};
const window = coverageWindow({}, asOf);

describe('coverageWindow', () => {
  it('is the 12 weeks up to --as-of by default, that day included; --weeks N; --since DATE', () => {
    expect(window).toEqual({ start: '2026-08-29', end: asOf, weeks: 12 });
    expect(coverageWindow({ weeks: '1' }, asOf)).toEqual({ start: '2026-11-14', end: asOf, weeks: 1 });
    expect(coverageWindow({ since: '2026-11-01' }, asOf)).toEqual({ start: '2026-11-01', end: asOf, weeks: null });
    for (const bad of ['0', 'x', '-1', '2.5']) expect(() => coverageWindow({ weeks: bad }, asOf)).toThrow(UsageError);
    expect(() => coverageWindow({ weeks: '2', since: '2026-11-01' }, asOf)).toThrow(/not both/);
  });
});

describe('segment-silent', () => {
  it('is raised after more than coverage.silentDays days, not on the day itself, and when never heard', () => {
    expect(isSilent('2026-10-21', asOf, 30)).toBe(false); // exactly 30 days
    expect(isSilent('2026-10-20', asOf, 30)).toBe(true); // 31
    expect(isSilent(asOf, asOf, 30)).toBe(false);
    expect(isSilent(null, asOf, 30)).toBe(true);
  });

  it('marks the silent segments and lists them among the flags, reading coverage.silentDays', () => {
    const rows: CoverageRows = {
      ...none,
      segments: [
        { segment: 'smb', accounts: 2, lastHeard: '2026-10-21' },
        { segment: 'Enterprise', accounts: 3, lastHeard: '2026-10-20' },
        { segment: 'public', accounts: 1, lastHeard: null },
      ],
      segmentCounts: [{ key: 'SMB', conversations: 4, accounts: 2 }],
    };
    const c = buildCoverage(rows, window, asOf, DEFAULTS, stages);
    expect(
      c.segments.map((g) => [g.segment, g.conversations, g.accountsHeard, g.accounts, g.daysSince, g.flags]),
    ).toEqual([
      ['Enterprise', 0, 0, 3, 31, ['segment-silent']],
      ['public', 0, 0, 1, null, ['segment-silent']],
      ['smb', 4, 2, 2, 30, []],
    ]);
    expect(c.flags.map((f) => f.subject)).toEqual(['Enterprise', 'public']);
    // pm coverage's own messages do not send the user to pm coverage (E7); the report's do
    expect(c.flags[0].message).toBe(
      'Enterprise: no customer conversation for 31 days, since 2026-10-20 (3 accounts; silent after 30)',
    );
    expect(c.flags[1].message).toBe('public: no customer conversation with its 1 account yet');
    expect(silentMessage({ segment: 'public', accounts: 1, lastHeard: null }, asOf, 30)).toBe(
      'public: no customer conversation with its 1 account yet (pm coverage)',
    );
    const patient: Config = { ...DEFAULTS, 'coverage.silentDays': 31 };
    expect(buildCoverage(rows, window, asOf, patient, stages).flags.map((f) => f.subject)).toEqual(['public']);
  });
});

describe('the rows', () => {
  it('lists every stage of the journey in order, then stages no longer in it, then the unstaged', () => {
    const c = buildCoverage(
      {
        ...none,
        stagesUsed: [
          { key: 'Evaluate', lastHeard: '2026-11-02' },
          { key: 'renewal', lastHeard: '2026-06-01' },
        ],
        stageCounts: [
          { key: 'evaluate', conversations: 3, accounts: 2 },
          { key: null, conversations: 5, accounts: 4 },
        ],
      },
      window,
      asOf,
      DEFAULTS,
      stages,
    );
    expect(c.stages.map((s) => [s.stage, s.conversations, s.accounts, s.lastHeard, s.inJourney])).toEqual([
      ['discover', 0, 0, null, true],
      ['evaluate', 3, 2, '2026-11-02', true],
      ['onboard', 0, 0, null, true],
      ['renewal', 0, 0, '2026-06-01', false],
      [null, 5, 4, null, false],
    ]);
  });

  it('lists every persona in use by name, then the customers without one; conversations with accounts without a segment last', () => {
    const c = buildCoverage(
      {
        ...none,
        personas: [
          { key: 'ops lead', lastHeard: null },
          { key: 'Finance lead', lastHeard: '2026-11-10' },
        ],
        personaCounts: [
          { key: 'finance lead', conversations: 2, accounts: 2, people: 3 },
          { key: null, conversations: 1, accounts: 1, people: 1 },
        ],
        segmentCounts: [{ key: null, conversations: 7, accounts: 3 }],
      },
      window,
      asOf,
      DEFAULTS,
      stages,
    );
    expect(c.personas.map((p) => [p.persona, p.conversations, p.people, p.accounts, p.daysSince])).toEqual([
      ['Finance lead', 2, 3, 2, 10],
      ['ops lead', 0, 0, 0, null],
      [null, 1, 1, 1, null],
    ]);
    expect(c.segments).toEqual([
      {
        segment: null,
        conversations: 7,
        accountsHeard: 3,
        accounts: null,
        lastHeard: null,
        daysSince: null,
        flags: [],
      },
    ]);
    expect(c.flags).toEqual([]);
  });
});
