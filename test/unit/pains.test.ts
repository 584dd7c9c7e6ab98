// Pains as `--pain` takes them (text, and a severity after the last colon) and the key they group
// by into opportunities.
import { describe, expect, it } from 'vitest';
import { painKey, parsePain, SEVERITY_WEIGHT } from '../../src/core/pains.js';
import { UsageError } from '../../src/errors.js';

describe('parsePain', () => {
  it('reads a severity after the last colon, and medium without one', () => {
    expect(parsePain('slow CSV export')).toEqual({ text: 'slow CSV export', severity: 'medium' });
    expect(parsePain('slow CSV export:high')).toEqual({ text: 'slow CSV export', severity: 'high' });
    expect(parsePain('slow CSV export : Blocker ')).toEqual({ text: 'slow CSV export', severity: 'blocker' });
    expect(parsePain('typos:low')).toEqual({ text: 'typos', severity: 'low' });
  });

  it('keeps a colon that is not followed by a severity as part of the pain', () => {
    expect(parsePain('Error: timeout')).toEqual({ text: 'Error: timeout', severity: 'medium' });
    expect(parsePain('ratio 3:2')).toEqual({ text: 'ratio 3:2', severity: 'medium' });
    expect(parsePain('slow:urgent')).toEqual({ text: 'slow:urgent', severity: 'medium' });
    // a pain that ends in a severity word takes its own severity after it
    expect(parsePain('Priority: high:medium')).toEqual({ text: 'Priority: high', severity: 'medium' });
  });

  it('refuses an empty pain, with or without a severity, and text over its limit', () => {
    expect(() => parsePain(':high')).toThrow(UsageError);
    expect(() => parsePain('   ')).toThrow(UsageError);
    expect(() => parsePain(`${'x'.repeat(501)}:high`)).toThrow(/longer than 500/);
    expect(parsePain(`${'x'.repeat(500)}:high`).text).toHaveLength(500);
  });
});

describe('painKey', () => {
  it('groups case- and space-insensitively', () => {
    expect(painKey('Slow  CSV export ')).toBe(painKey('slow csv\texport'));
    expect(painKey('  SLOW CSV EXPORT')).toBe('slow csv export');
    expect(painKey('slow CSV exports')).not.toBe(painKey('slow CSV export'));
  });

  it('treats composed and decomposed accents as the same text', () => {
    expect(painKey('Caf\u00e9 menu')).toBe(painKey('Cafe\u0301 menu'));
  });
});

describe('the severity weights', () => {
  it('are low 1, medium 2, high 3, blocker 5', () => {
    expect(SEVERITY_WEIGHT).toEqual({ low: 1, medium: 2, high: 3, blocker: 5 });
  });
});
