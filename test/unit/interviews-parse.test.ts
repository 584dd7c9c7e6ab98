import { describe, expect, it } from 'vitest';
import { parsePerson } from '../../src/core/contacts.js';
import { parseEvidence, parseEvidenceFlags } from '../../src/core/evidence.js';
import { draftFromOptions } from '../../src/core/interviews.js';
import { byMostOverdue, type Standing } from '../../src/core/cadence.js';
import { UsageError } from '../../src/errors.js';

describe('parsePerson', () => {
  it('reads "Name <email>", a bare name and a bare email', () => {
    expect(parsePerson('Jane Roe <jane@acme.test>')).toEqual({ name: 'Jane Roe', email: 'jane@acme.test' });
    expect(parsePerson('  Jane Roe  ')).toEqual({ name: 'Jane Roe', email: null });
    expect(parsePerson('jane@acme.test')).toEqual({ name: 'jane@acme.test', email: 'jane@acme.test' });
    // pasted from a mail signature, without < >: the email is not part of the name (G4)
    expect(parsePerson('Jane Roe jane@acme.test')).toEqual({ name: 'Jane Roe', email: 'jane@acme.test' });
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
    expect(parseEvidence('H3', 'supports')).toEqual({
      hypothesis: 3,
      direction: 'supports',
      strength: 'medium',
      basis: 'said',
    });
    expect(parseEvidence('h12:STRONG', 'refutes')).toEqual({
      hypothesis: 12,
      direction: 'refutes',
      strength: 'strong',
      basis: 'said',
    });
    expect(parseEvidence('7:weak', 'supports').strength).toBe('weak');
    for (const bad of ['H', 'I3', 'H3:huge', 'H3:', 'H-1'])
      expect(() => parseEvidence(bad, 'supports')).toThrow(UsageError);
  });
  it('refuses one hypothesis both ways, and keeps the last strength given for one direction', () => {
    expect(() => parseEvidenceFlags(['H1'], ['H1'])).toThrow(/both/);
    expect(parseEvidenceFlags(['H1:weak', 'H1:strong'])).toEqual([
      { hypothesis: 1, direction: 'supports', strength: 'strong', basis: 'said' },
    ]);
  });
  it('takes a basis after the id, with or without a strength, in either order', () => {
    expect(parseEvidence('H3:paid', 'supports')).toMatchObject({ strength: 'medium', basis: 'paid' });
    expect(parseEvidence('H3:strong:did', 'supports')).toMatchObject({ strength: 'strong', basis: 'did' });
    expect(parseEvidence('3:DID:weak', 'refutes')).toMatchObject({ strength: 'weak', basis: 'did' });
    expect(parseEvidence('H3:said', 'supports').basis).toBe('said');
    expect(() => parseEvidence('H3:paid:did', 'supports')).toThrow(/gives the basis twice/);
    expect(() => parseEvidence('H3:weak:strong', 'supports')).toThrow(/gives the strength twice/);
    expect(() => parseEvidence('H3:strong:paid:x', 'supports')).toThrow(UsageError);
    expect(() => parseEvidence('H3:bought', 'supports')).toThrow(/unknown strength or basis "bought"/);
  });
});

describe('draftFromOptions', () => {
  const noNotes = () => null;
  it('names everything that is missing at once', () => {
    expect(() => draftFromOptions({}, '2026-11-20', noNotes)).toThrow(/--summary and --with/);
    expect(() => draftFromOptions({ channel: 'survey' }, '2026-11-20', noNotes)).toThrow(
      /--summary and --with, --account or --source/,
    );
    expect(
      draftFromOptions({ channel: 'survey', account: 'Acme', summary: 'NPS' }, '2026-11-20', noNotes).people,
    ).toEqual([]);
  });
});

describe('byMostOverdue', () => {
  // going cold itself is decided in SQL: test/unit/going-cold.test.ts
  const at = (daysSince: number | null, cadence: number | 'off' | null): Standing => ({
    lastDirect: daysSince === null ? null : 'some day',
    daysSince,
    cadence,
    overdue: daysSince !== null && typeof cadence === 'number' && daysSince > cadence,
  });
  it('sorts by days past the cadence, off and never at the end, then by name', () => {
    const rows = [
      { name: 'never', ...at(null, 30) },
      { name: 'off', ...at(2000, 'off') },
      { name: 'short', ...at(10, 3) },
      { name: 'long', ...at(80, 60) },
      { name: 'Early', ...at(1, 30) },
      { name: 'Also early', ...at(1, 30) },
    ];
    expect(byMostOverdue(rows).map((r) => r.name)).toEqual(['long', 'short', 'Also early', 'Early', 'never', 'off']);
  });
});
