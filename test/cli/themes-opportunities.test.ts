// The report's themes group pains as opportunities do, merges and renames included, and are named as
// the opportunity is (fresh-eyes wave 13 H4): text, markdown, JSON, the week's export and the standup's count.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

const section = (out: string, title: string) => {
  const from = out.indexOf(title);
  return out.slice(from, out.indexOf('\n\n', from));
};

describe('themes after pm opportunity merge and rename (H4)', () => {
  for (const [label, other] of [
    ['a pain written with letters beyond ASCII', 'reconciling by hand 🧾'],
    ['plain ASCII pains', 'reconciling by hand'],
  ] as const)
    it(`one theme named as the opportunity, not single-account: ${label}`, () => {
      box.ok([
        'log',
        '--with',
        'Ana Gómez',
        '--account',
        'Acme',
        '--summary',
        'a',
        '--pain',
        'manual reconciliation:high',
      ]);
      box.ok([
        'log',
        '--with',
        'Björn Øster',
        '--account',
        'Globex',
        '--summary',
        'b',
        '--pain',
        'manual reconciliation',
      ]);
      box.ok(['log', '--with', 'Zoë Ŝtraße', '--account', 'Ünïcode GmbH', '--summary', 'c', '--pain', `${other}:high`]);
      box.ok(['opportunity', 'merge', other, 'manual reconciliation', '--yes']);
      const merged = box.json(['report']).themes;
      expect(merged).toEqual([
        {
          theme: 'manual reconciliation',
          kind: 'pain',
          accounts: 3,
          signals: 0,
          segments: [],
          interviews: 3,
          flags: [],
        },
      ]);
      box.ok(['opportunity', 'rename', 'manual reconciliation', 'Reconciliation by hand']);
      expect(box.json(['report']).themes).toEqual([{ ...merged[0], theme: 'Reconciliation by hand' }]);
      expect(section(box.ok(['report', '--full']).out, 'Themes')).toBe(
        'Themes (1)\n  Reconciliation by hand  pain  3 accounts  3 interviews',
      );
      const md = '## Themes\n\n- Reconciliation by hand (pain): 3 accounts, 3 interviews\n';
      expect(box.ok(['report', '--format', 'md']).out).toContain(md);
      expect(box.ok(['export', '--week']).out).toContain(md);
      expect(box.ok(['report']).out).toContain('0 open hypotheses · 1 theme · 1 opportunity');
    });
});
