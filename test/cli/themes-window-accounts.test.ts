// A pain heard from one account this week is not called a custom request (single-account) when its
// opportunity was heard from two accounts or more over the Opportunities' 12 weeks: one verdict on one
// page (fresh-eyes wave 19 H6). Tags, and pains one account alone raised, keep the period's rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

const log = (who: string, account: string, date: string, ...pains: string[]) =>
  box.ok([
    'log',
    '--with',
    who,
    '--account',
    account,
    '--summary',
    's',
    '--date',
    date,
    '--tag',
    'billing',
    ...pains.flatMap((p) => ['--pain', p]),
  ]);

describe('the week theme flag and the opportunity window (H6)', () => {
  it('a pain heard from one account this week but from two in the window is not single-account, in every view', () => {
    log('Ana Gómez', 'Acme', '2026-11-10', 'manual invoice matching:high');
    log('Bo Berg', 'Globex', '2026-11-17', 'manual invoice matching');
    // heard before by the same account only: still one account's wish
    log('Cy Chan', 'Initech', '2026-11-18', 'custom export format');
    log('Cy Chan', 'Initech', '2026-12-02', 'manual invoice matching', 'custom export format');
    const week = ['--week', 'last'];
    const themes = box.json(['report', ...week]).themes as { theme: string; flags: string[] }[];
    expect(Object.fromEntries(themes.map((t) => [t.theme, t.flags]))).toEqual({
      'manual invoice matching': [],
      'custom export format': ['single-account'],
      billing: ['single-account'],
    });
    const full = box.ok(['report', ...week, '--full']).out;
    expect(full).toMatch(/manual invoice matching +pain +1 account +1 interview\n/);
    expect(full).toMatch(/custom export format +pain +1 account +1 interview +single-account/);
    const md = box.ok(['report', ...week, '--format', 'md']).out;
    expect(md).toContain('- manual invoice matching (pain): 1 account, 1 interview\n');
    expect(md).toContain('- custom export format (pain): 1 account, 1 interview; `single-account`\n');
    expect(box.ok(['export', ...week]).out).toContain('- manual invoice matching (pain): 1 account, 1 interview\n');
    const html = box.ok(['export', ...week, '--format', 'html']).out;
    const item = (name: string) => html.match(new RegExp(`<li><bdi>${name}</bdi> \\(pain\\).*?</li>`))?.[0];
    expect(item('manual invoice matching')).toBe(
      '<li><bdi>manual invoice matching</bdi> (pain): 1 account, 1 interview</li>',
    );
    expect(item('custom export format')).toContain('<span class="flag">single-account</span>');
  });
});
