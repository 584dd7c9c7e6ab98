import { describe, expect, it } from 'vitest';
import { parseEvidence, parseEvidenceFlags, parsePerson, draftFromOptions } from '../../src/commands/log.js';
import { byMostOverdue, standing } from '../../src/commands/accounts.js';
import { UsageError } from '../../src/errors.js';

describe('parsePerson', () => {
  it('reads "Name <email>", a bare name and a bare email', () => {
    expect(parsePerson('Jane Roe <jane@acme.test>')).toEqual({ name: 'Jane Roe', email: 'jane@acme.test' });
    expect(parsePerson('  Jane Roe  ')).toEqual({ name: 'Jane Roe', email: null });
    expect(parsePerson('jane@acme.test')).toEqual({ name: 'jane@acme.test', email: 'jane@acme.test' });
    expect(parsePerson('<jane@acme.test>')).toEqual({ name: 'jane@acme.test', email: 'jane@acme.test' });
  });
  it('refuses an empty name, a non-email between brackets, and names over 500 characters', () => {
    for (const bad of ['', '   ', 'Jane <not an email>', 'x'.repeat(501)])
      expect(() => parsePerson(bad)).toThrow(UsageError);
    expect(parsePerson('x'.repeat(500)).name).toHaveLength(500);
  });
});

describe('parseEvidence', () => {
  it('takes H3, h3, 3 and a strength suffix; medium by default', () => {
    expect(parseEvidence('H3', 'supports')).toEqual({ hypothesis: 3, direction: 'supports', strength: 'medium' });
    expect(parseEvidence('h12:STRONG', 'refutes')).toEqual({
      hypothesis: 12,
      direction: 'refutes',
      strength: 'strong',
    });
    expect(parseEvidence('7:weak', 'supports').strength).toBe('weak');
    for (const bad of ['H', 'I3', 'H3:huge', 'H3:', 'H-1'])
      expect(() => parseEvidence(bad, 'supports')).toThrow(UsageError);
  });
  it('refuses one hypothesis both ways, and keeps the last strength given for one direction', () => {
    expect(() => parseEvidenceFlags(['H1'], ['H1'])).toThrow(/both/);
    expect(parseEvidenceFlags(['H1:weak', 'H1:strong'])).toEqual([
      { hypothesis: 1, direction: 'supports', strength: 'strong' },
    ]);
  });
});

describe('draftFromOptions', () => {
  it('names everything that is missing at once', () => {
    expect(() => draftFromOptions({}, '2026-11-20')).toThrow(/--summary and --with/);
    expect(() => draftFromOptions({ channel: 'survey' }, '2026-11-20')).toThrow(/--summary and --with or --account/);
    expect(draftFromOptions({ channel: 'survey', account: 'Acme', summary: 'NPS' }, '2026-11-20').people).toEqual([]);
  });
});

describe('standing and byMostOverdue', () => {
  it('is overdue only past the cadence, never when off or never contacted', () => {
    expect(standing('2026-11-13', 7, '2026-11-20').overdue).toBe(false);
    expect(standing('2026-11-12', 7, '2026-11-20')).toEqual({
      lastDirect: '2026-11-12',
      daysSince: 8,
      cadence: 7,
      overdue: true,
    });
    expect(standing('2020-01-01', 'off', '2026-11-20').overdue).toBe(false);
    expect(standing(null, 7, '2026-11-20').overdue).toBe(false);
  });
  it('sorts by days past the cadence, off and never at the end', () => {
    const rows = [
      { name: 'never', ...standing(null, 30, '2026-11-20') },
      { name: 'off', ...standing('2020-01-01', 'off', '2026-11-20') },
      { name: 'short', ...standing('2026-11-10', 3, '2026-11-20') },
      { name: 'long', ...standing('2026-09-01', 60, '2026-11-20') },
    ];
    expect(
      byMostOverdue(rows)
        .map((r) => r.name)
        .slice(0, 2),
    ).toEqual(['long', 'short']);
  });
});
