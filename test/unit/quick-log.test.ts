// The interactive log's answers read from few prompts (issue 15): "how and when" in one, several
// pains or quotes in one, evidence ids with their direction and strength, and the draft file.
import { describe, expect, it } from 'vitest';
import {
  evidenceFilter,
  firstSentence,
  hasAnswers,
  hypothesisMatches,
  answersNo,
  meansNothing,
  parseEvidenceTerm,
  linkLabel,
  painCompletions,
  painNames,
  parseHowWhen,
  readDraftFile,
  splitItems,
} from '../../src/core/quick-log.js';
import { parseDeadline } from '../../src/core/dates.js';
import { UsageError } from '../../src/errors.js';

const TODAY = '2026-11-20';
const person = { channel: 'call' as const, signal: false };

describe('how and when', () => {
  it('takes a channel and a day, either or both, in either order', () => {
    expect(parseHowWhen('call today', TODAY, person)).toEqual({ channel: 'call', date: TODAY, stage: null });
    expect(parseHowWhen('', TODAY, person)).toEqual({ channel: 'call', date: TODAY, stage: null });
    expect(parseHowWhen('video yesterday', TODAY, person)).toEqual({
      channel: 'video',
      date: '2026-11-19',
      stage: null,
    });
    expect(parseHowWhen('mon Visit', TODAY, person)).toEqual({ channel: 'visit', date: '2026-11-16', stage: null });
    expect(parseHowWhen('2026-11-02', TODAY, person)).toEqual({ channel: 'call', date: '2026-11-02', stage: null });
  });

  // fresh-eyes wave 11 E16: "vidoe yesterday" was reported as a day, '"vidoe yesterday" is not a date'
  it('a channel mistyped is named as a channel, with the answer as it could be typed', () => {
    expect(() => parseHowWhen('vidoe yesterday', TODAY, person)).toThrow(
      /^"vidoe" is not a channel: did you mean video\?$/,
    );
    try {
      parseHowWhen('cal mon', TODAY, person);
    } catch (err) {
      expect((err as Error).message).toBe('"cal" is not a channel: did you mean call?');
      expect((err as { hint?: string }).hint).toMatch(/^e\.g\. "call mon"; channels: call, /);
    }
    expect.assertions(4);
    // a word near no channel stays a day that cannot be read
    expect(() => parseHowWhen('call yesterdy', TODAY, person)).toThrow(/^"yesterdy" is not a date$/);
  });

  it('a day it cannot read is named as typed, not by a flag the user never typed (fresh-eyes wave 8 E22)', () => {
    expect(() => parseHowWhen('call 2026-13-45', TODAY, person)).toThrow(/^"2026-13-45" is not a date$/);
    expect(() => parseHowWhen('call +3d', TODAY, person)).toThrow(/^"\+3d" is in the future$/);
    // the follow-up prompt's answer, read as the interactive log reads it
    expect(() => parseDeadline('soon', TODAY, TODAY, '')).toThrow(/^"soon" is not a date$/);
    expect(() => parseDeadline('soon', TODAY)).toThrow(/^--follow-up: "soon" is not a date$/);
  });

  it('a signal takes only an indirect channel; --channel fixes it; a bad day or the future is refused', () => {
    const signal = { channel: 'support' as const, signal: true };
    expect(parseHowWhen('review', TODAY, signal)).toEqual({ channel: 'review', date: TODAY, stage: null });
    expect(() => parseHowWhen('call', TODAY, signal)).toThrow(/a signal comes through/);
    expect(parseHowWhen('mon', TODAY, { ...person, fixedChannel: 'email' })).toEqual({
      channel: 'email',
      date: '2026-11-16',
      stage: null,
    });
    expect(() => parseHowWhen('call someday', TODAY, person)).toThrow(UsageError);
    expect(() => parseHowWhen('2026-12-01', TODAY, person)).toThrow(/in the future/);
  });
});

describe('a journey stage in the same answer', () => {
  const stages = ['discover', 'evaluate', 'early adopt', 'adopt'];
  it('takes a stage (any case, several words whole) as the setting spells it, beside the channel and day', () => {
    expect(parseHowWhen('video mon ADOPT', TODAY, { ...person, stages })).toEqual({
      channel: 'video',
      date: '2026-11-16',
      stage: 'adopt',
    });
    expect(parseHowWhen('early adopt yesterday', TODAY, { ...person, stages })).toEqual({
      channel: 'call',
      date: '2026-11-19',
      stage: 'early adopt',
    });
    expect(parseHowWhen('call', TODAY, { ...person, stages }).stage).toBeNull();
  });

  it('refuses two stages, and names the stages when a word is neither a day nor a stage', () => {
    expect(() => parseHowWhen('discover evaluate', TODAY, { ...person, stages })).toThrow(/two journey stages/);
    try {
      parseHowWhen('call onbaord', TODAY, { ...person, stages });
      expect.unreachable();
    } catch (err) {
      expect((err as UsageError).hint).toMatch(/journey stages: discover, evaluate, early adopt, adopt/);
    }
  });
});

describe('pains completed at their prompt', () => {
  const names = ['slow CSV export', 'no audit trail', 'SSO missing'];
  it('offers the pains already heard that the last one typed may be, as the whole line', () => {
    expect(painCompletions('csv', names)).toEqual(['slow CSV export']);
    expect(painCompletions('slow  export', names)).toEqual(['slow CSV export']);
    expect(painCompletions('slow CSV export | a', names)).toEqual(['slow CSV export | no audit trail']);
    // none for what is typed whole, nor for a pain already in the line
    expect(painCompletions('slow csv export', names)).toEqual([]);
    expect(painCompletions('no audit trail | trail', names)).toEqual([]);
    expect(painCompletions('', names)).toEqual([]);
  });

  it('after a colon, the severities', () => {
    expect(painCompletions('slow CSV export:', names)).toEqual([
      'slow CSV export:low',
      'slow CSV export:medium',
      'slow CSV export:high',
      'slow CSV export:blocker',
    ]);
    expect(painCompletions('a | slow CSV export: b', names)).toEqual(['a | slow CSV export:blocker']);
    expect(painCompletions('slow CSV export:high', names)).toEqual([]);
  });

  it('names each pain once: an opportunity the user named (its aliases lead to it), else its most written spelling', () => {
    const named = [
      {
        name: 'slow CSV export',
        key: 'slow csv export',
        aliases: [{ key: 'export too slow', name: 'Export too slow' }],
      },
    ];
    const spellings: [string, number][] = [
      ['export too slow', 4],
      ['No audit trail', 1],
      ['no audit trail', 2],
      ['sso', 1],
    ];
    expect(painNames(named, spellings)).toEqual(['slow CSV export', 'no audit trail', 'sso']);
  });
});

describe('several items at one prompt', () => {
  it('splits on |, trims, and drops empty ones', () => {
    expect(splitItems('slow export:high | no audit trail |')).toEqual(['slow export:high', 'no audit trail']);
    expect(splitItems('')).toEqual([]);
    expect(splitItems('We tried, it failed; twice')).toEqual(['We tried, it failed; twice']);
  });
});

describe('evidence typed at its prompt', () => {
  const open = [
    { rowid: 1, id: 'H1', statement: 'Finance wants invoices' },
    { rowid: 3, id: 'H3', statement: 'Admins want SSO' },
  ];
  it('reads ids with a direction and a strength; anything else is a filter (null)', () => {
    expect(parseEvidenceTerm('h3', open)).toEqual([
      { hypothesis: 3, direction: 'supports', strength: 'medium', basis: 'said' },
    ]);
    expect(parseEvidenceTerm('H1! -h3?', open)).toEqual([
      { hypothesis: 1, direction: 'supports', strength: 'strong', basis: 'said' },
      { hypothesis: 3, direction: 'refutes', strength: 'weak', basis: 'said' },
    ]);
    expect(parseEvidenceTerm('sso', open)).toBeNull();
    expect(parseEvidenceTerm('', open)).toBeNull();
    expect(() => parseEvidenceTerm('h2', open)).toThrow(/H2 is not an open hypothesis/);
    expect(() => parseEvidenceTerm('h1 -h1', open)).toThrow(/named twice/);
  });

  it('reads a basis after the strength mark or a colon, as the scripted --supports H3:paid', () => {
    expect(parseEvidenceTerm('h3!paid h1:did', open)).toEqual([
      { hypothesis: 3, direction: 'supports', strength: 'strong', basis: 'paid' },
      { hypothesis: 1, direction: 'supports', strength: 'medium', basis: 'did' },
    ]);
    expect(parseEvidenceTerm('-H3:weak:did', open)).toEqual([
      { hypothesis: 3, direction: 'refutes', strength: 'weak', basis: 'did' },
    ]);
    expect(() => parseEvidenceTerm('h3!:strong', open)).toThrow(/strength twice/);
    expect(() => parseEvidenceTerm('h3!bought', open)).toThrow(/unknown strength or basis "bought"/);
    expect(linkLabel({ hypothesis: 3, direction: 'supports', strength: 'strong', basis: 'paid' })).toBe(
      'H3 supports (strong, paid)',
    );
    expect(linkLabel({ hypothesis: 3, direction: 'refutes', strength: 'medium', basis: 'said' })).toBe('H3 refutes');
  });

  it('a filter: a leading - lists refutations, a trailing ! or ? a strength, :did or !paid a basis', () => {
    const plain = { direction: 'supports', strength: 'medium', basis: 'said' };
    expect(evidenceFilter('')).toEqual({ ...plain, text: '' });
    expect(evidenceFilter('-sso!')).toEqual({ ...plain, direction: 'refutes', strength: 'strong', text: 'sso' });
    expect(evidenceFilter('Finance?')).toEqual({ ...plain, strength: 'weak', text: 'finance' });
    expect(evidenceFilter('sso:did')).toEqual({ ...plain, basis: 'did', text: 'sso' });
    expect(evidenceFilter('-sso!PAID')).toEqual({
      direction: 'refutes',
      strength: 'strong',
      basis: 'paid',
      text: 'sso',
    });
    // a word that is only a basis without its mark stays a filter ("paid plans")
    expect(evidenceFilter('paid')).toEqual({ ...plain, text: 'paid' });
  });
});

describe('the draft file', () => {
  it('reads a draft back, and ignores a file that is not one', () => {
    const doc = { format: 'pm-log-draft', savedAt: '2026-11-20T10:00:00Z', answers: { summary: 'x' } };
    expect(readDraftFile(JSON.stringify(doc))).toEqual(doc);
    expect(readDraftFile('{"format":"other"}')).toBeNull();
    expect(readDraftFile('not json')).toBeNull();
    expect(hasAnswers({})).toBe(false);
    expect(hasAnswers({ pending: { prompt: 'summary', text: '  ' } })).toBe(false);
    expect(hasAnswers({ pending: { prompt: 'summary', text: 'They' } })).toBe(true);
    expect(hasAnswers({ howWhen: 'call today' })).toBe(true);
  });
});

// fresh-eyes wave 14 H12: "yesterday evalute" was refused whole as '"yesterday evalute" is not a date'
describe('How and when: the one word it does not know', () => {
  const stages = { ...person, stages: ['evaluate', 'onboard'] };
  it('is named alone, with the stage or channel it may be', () => {
    expect(() => parseHowWhen('call yesterday evalute', TODAY, stages)).toThrow(
      /^"evalute" is not a journey stage: did you mean evaluate\?$/,
    );
    expect(() => parseHowWhen('zoom today', TODAY, person)).toThrow(/^"zoom" is not a channel: did you mean video\?$/);
    expect(() => parseHowWhen('meeting today', TODAY, person)).toThrow(
      /^"meeting" is not a channel: did you mean video\?$/,
    );
    expect(() => parseHowWhen('call today frobnicate', TODAY, stages)).toThrow(
      /^"frobnicate" is not a channel, a day or a journey stage$/,
    );
  });
});

// fresh-eyes wave 14 H15: a paste's summary was "Dr."
describe('the first sentence of pasted notes', () => {
  it('runs on past titles, initials, short forms and numbers', () => {
    const first = 'Dr. Lee (e.g. the CFO, J. R. Smith of Acme Inc. too) pays $3.50 per seat vs. Mr. Roe.';
    expect(firstSentence(`${first} They reconcile by hand. Next: the spec.`)).toBe(first);
    expect(firstSentence('Exports are slow! They wait an hour.')).toBe('Exports are slow!');
    expect(firstSentence('no full stop at all')).toBe('no full stop at all');
  });

  // wave 15: "Plan B. Then we ship." ran on past "B." (a one-letter word was always an initial)
  it.each([
    ['Plan B. Then we ship.', 'Plan B.'],
    ['We go with option A. Customers want it now.', 'We go with option A.'],
    ['They picked B. Then they shipped.', 'They picked B.'],
    ['Tier C. The rest wait.', 'Tier C.'],
    ['plan b. then we ship.', 'plan b.'],
    ['Talked to J. Smith about exports. Then lunch.', 'Talked to J. Smith about exports.'],
    ['J. R. Ewing called. Then more.', 'J. R. Ewing called.'],
    ['Dr. Lee and J. Smith agree. Next steps.', 'Dr. Lee and J. Smith agree.'],
    ['Met A. I. Rao today. Good call.', 'Met A. I. Rao today.'],
  ])('%j ends at %j', (text, first) => {
    expect(firstSentence(text)).toBe(first);
  });
});

describe('the words for nothing and the hypothesis filter (fresh-eyes wave 17 H13)', () => {
  it('"none", "-", "n/a" in any case are nothing, and "n", "no" at a yes/no question; a word that only starts so is not', () => {
    for (const w of ['none', 'None', ' NONE ', '-', 'n/a', 'N/A', '—']) expect(meansNothing(w)).toBe(true);
    for (const w of ['n', 'No', ' NO ', 'none']) expect(answersNo(w)).toBe(true);
    expect(meansNothing('no')).toBe(false);
    for (const w of ['nobody', 'no audit trail', '-H1', 'nonetheless', 'billing', 'NA'])
      expect(answersNo(w)).toBe(false);
  });

  it('matches an id or words of the statement from their start, never letters inside a word', () => {
    const s = 'Finance leads at SMBs will pay for automatic invoice-matching';
    expect(hypothesisMatches('H1', s, 'n')).toBe(false);
    expect(hypothesisMatches('H1', s, 'y')).toBe(false);
    expect(hypothesisMatches('H1', s, 'inv')).toBe(true);
    expect(hypothesisMatches('H1', s, 'invoice match')).toBe(true);
    expect(hypothesisMatches('H1', s, 'FIN')).toBe(true);
    expect(hypothesisMatches('H12', s, 'h1')).toBe(true);
    expect(hypothesisMatches('H1', s, '')).toBe(true);
  });
});
