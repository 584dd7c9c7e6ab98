// The interactive log's answers read from few prompts (issue 15): "how and when" in one, several
// pains or quotes in one, evidence ids with their direction and strength, and the draft file.
import { describe, expect, it } from 'vitest';
import {
  evidenceFilter,
  hasAnswers,
  parseEvidenceTerm,
  parseHowWhen,
  readDraftFile,
  splitItems,
} from '../../src/core/quick-log.js';
import { UsageError } from '../../src/errors.js';

const TODAY = '2026-11-20';
const person = { channel: 'call' as const, signal: false };

describe('how and when', () => {
  it('takes a channel and a day, either or both, in either order', () => {
    expect(parseHowWhen('call today', TODAY, person)).toEqual({ channel: 'call', date: TODAY });
    expect(parseHowWhen('', TODAY, person)).toEqual({ channel: 'call', date: TODAY });
    expect(parseHowWhen('video yesterday', TODAY, person)).toEqual({ channel: 'video', date: '2026-11-19' });
    expect(parseHowWhen('mon Visit', TODAY, person)).toEqual({ channel: 'visit', date: '2026-11-16' });
    expect(parseHowWhen('2026-11-02', TODAY, person)).toEqual({ channel: 'call', date: '2026-11-02' });
  });

  it('a signal takes only an indirect channel; --channel fixes it; a bad day or the future is refused', () => {
    const signal = { channel: 'support' as const, signal: true };
    expect(parseHowWhen('review', TODAY, signal)).toEqual({ channel: 'review', date: TODAY });
    expect(() => parseHowWhen('call', TODAY, signal)).toThrow(/a signal comes through/);
    expect(parseHowWhen('mon', TODAY, { ...person, fixedChannel: 'email' })).toEqual({
      channel: 'email',
      date: '2026-11-16',
    });
    expect(() => parseHowWhen('call someday', TODAY, person)).toThrow(UsageError);
    expect(() => parseHowWhen('2026-12-01', TODAY, person)).toThrow(/in the future/);
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

  it('a filter: a leading - lists refutations, a trailing ! or ? a strength', () => {
    expect(evidenceFilter('')).toEqual({ direction: 'supports', strength: 'medium', text: '' });
    expect(evidenceFilter('-sso!')).toEqual({ direction: 'refutes', strength: 'strong', text: 'sso' });
    expect(evidenceFilter('Finance?')).toEqual({ direction: 'supports', strength: 'weak', text: 'finance' });
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
