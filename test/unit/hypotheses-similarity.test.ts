// The graveyard check: which statements are taken for the same idea.
import { describe, expect, it } from 'vitest';
import { contentWords, jaccard, mostResembling } from '../../src/core/similarity.js';

describe('statement resemblance', () => {
  const dead = [
    { id: 'H1', statement: 'We believe finance teams want itemised invoices' },
    { id: 'H2', statement: 'Admins will pay extra for single sign-on' },
  ];

  it('ignores framing, case, accents and plurals', () => {
    expect([...contentWords('We believe that Finance TEAMS want itemised invoices')].sort()).toEqual([
      'finance',
      'invoice',
      'itemised',
      'team',
    ]);
    expect(contentWords('Café')).toEqual(contentWords('cafe'));
  });

  it('finds a restated idea and names the closest', () => {
    expect(mostResembling('Finance team needs itemised invoices', dead)?.item.id).toBe('H1');
    expect(mostResembling('We think admins would pay for single sign-on', dead)?.item.id).toBe('H2');
  });

  it('leaves different ideas alone, even when they share a word', () => {
    expect(mostResembling('Finance teams want a weekly cash-flow forecast', dead)).toBeNull();
    expect(mostResembling('We believe', dead)).toBeNull();
  });

  it('is 1 for the same words and 0 for none in common', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(1);
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
