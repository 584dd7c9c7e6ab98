// What a first-time user stumbled on (wave 3, second pass): a pain whose severity pm does not know is
// stored whole with a warning; --supports takes a bare number as a hypothesis id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const MIA = ['--with', 'Mia Chen', '--account', 'Acme', '--summary', 'Onboarding', '--date', '2026-09-01'];

function pains(): { text: string; severity: string }[] {
  return (box.json(['show', 'I1']) as { pains: { text: string; severity: string }[] }).pains;
}

describe('a pain with a severity pm does not know', () => {
  it('is stored whole at medium, with a warning that says so (exit 0)', () => {
    const r = box.pm(['log', ...MIA, '--pain', 'x:critical', '--pain', 'slow export:hihg', '--pain', 'slow:extreme']);
    expect(r.code).toBe(0);
    // words for the most or least that pm has no severity of (fresh-eyes wave 9 E7)
    expect(r.err).toContain('"extreme" is not a severity');
    expect(r.err).toContain(
      'pm: warning: "critical" is not a severity (low, medium, high, blocker): stored the pain "x:critical" ' +
        'at medium severity',
    );
    expect(r.err).toContain('"hihg" is not a severity');
    // and how to store what was meant (--pain replaces the list, so every pain is named; wave 16 H3)
    expect(r.err).toContain(
      'pm: warning: to set the severity meant: pm edit I1 --pain x:high --pain "slow export:high" --pain slow:high\n',
    );
    expect(pains()).toEqual([
      { text: 'x:critical', severity: 'medium' },
      { text: 'slow export:hihg', severity: 'medium' },
      { text: 'slow:extreme', severity: 'medium' },
    ]);
  });

  it('stays silent for a colon that is no severity attempt, and for a real severity', () => {
    const silent = ['ratio 3:1', 'note: text', 'Error: timeout', 'export: slow', 'x:constructor', 'sso:blocker'];
    const r = box.pm(['log', ...MIA, ...silent.flatMap((p) => ['--pain', p])]);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('warning');
    expect(pains().at(-1)).toEqual({ text: 'sso', severity: 'blocker' });
  });

  it('pm edit --pain warns the same way', () => {
    expect(box.pm(['log', ...MIA]).code).toBe(0);
    const r = box.pm(['edit', 'I1', '--pain', 'no SSO: urgent']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('pm: warning: "urgent" is not a severity');
    expect(pains()).toEqual([{ text: 'no SSO: urgent', severity: 'medium' }]);
    const fix = /to set the severity meant: pm edit I1 (.*)\n/.exec(r.err)![1];
    expect(fix).toBe('--pain "no SSO:high"');
    expect(box.pm(['edit', 'I1', '--pain', 'no SSO:high', '--pain', 'x:meduim']).err).toContain(
      'pm edit I1 --pain "no SSO:high" --pain x:medium\n',
    );
    // a pain that is only the word keeps it as its text, or the command would give an empty pain
    const only = box.pm(['edit', 'I1', '--pain', ':urgent']).err;
    expect(only).toContain('pm edit I1 --pain :urgent:high\n');
    expect(box.pm(['edit', 'I1', '--pain', ':urgent:high']).code).toBe(0);
    // the command it gives does what it says
    expect(box.pm(['edit', 'I1', '--pain', 'no SSO:high']).err).not.toContain('warning');
    expect(pains()).toEqual([{ text: 'no SSO', severity: 'high' }]);
  });
});

describe('--supports with a bare number', () => {
  it('names the hypothesis of that number, as H2 does (documented)', () => {
    expect(box.pm(['hyp', 'add', 'one']).code).toBe(0);
    expect(box.pm(['hyp', 'add', 'two']).code).toBe(0);
    expect(box.pm(['log', ...MIA, '--supports', '2']).code).toBe(0);
    const shown = box.json(['show', 'I1']) as { evidence: { hypothesis: string; direction: string }[] };
    expect(JSON.stringify(shown)).toContain('H2');
    expect(box.pm(['log', ...MIA, '--supports', '9']).code).toBe(2);
  });
});

describe('a contact named as pm prints them, "Name (Account)"', () => {
  const at = (account: string) => [
    '--with',
    'Mia Chen',
    '--account',
    account,
    '--summary',
    'x',
    '--date',
    '2026-09-01',
  ];
  const mias = () =>
    (box.json(['contacts']) as { name: string; account: string }[]).filter((c) => c.name === 'Mia Chen');

  it('the namesake note prints the exact merge command, and that command works', () => {
    expect(box.pm(['log', ...at('Globex')]).code).toBe(0);
    const r = box.pm(['log', ...at('Acme')]);
    expect(r.code).toBe(0);
    const command = 'pm contact merge "Mia Chen (Acme)" "Mia Chen (Globex)"';
    expect(r.err).toContain(`another Mia Chen is at Globex; if it is the same person: ${command}`);
    expect(box.pm(['contact', 'merge', 'Mia Chen (Acme)', 'Mia Chen (Globex)']).code).toBe(0);
    expect(mias().map((c) => c.account)).toEqual(['Globex']);
  });

  it('pm contact set and pm forget take it too; a bare name of two stays ambiguous', () => {
    expect(box.pm(['log', ...at('Globex')]).code).toBe(0);
    expect(box.pm(['log', ...at('Acme')]).code).toBe(0);
    const ambiguous = box.pm(['contact', 'set', 'Mia Chen', '--role', 'prospect']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('name one as "Name (Account)"');
    expect(box.pm(['contact', 'set', 'mia chen (ACME)', '--role', 'prospect']).code).toBe(0);
    const roles = box.json(['contacts']) as { name: string; account: string; role: string }[];
    expect(roles.find((c) => c.account === 'Acme')?.role).toBe('prospect');
    expect(roles.find((c) => c.account === 'Globex')?.role).toBe('customer');
    expect(box.pm(['forget', 'Mia Chen (Globex)', '--yes']).code).toBe(0);
    expect(mias().map((c) => c.account)).toEqual(['Acme']);
    expect(box.pm(['contact', 'set', 'Mia Chen (Initech)', '--role', 'prospect']).code).toBe(2);
  });
});
