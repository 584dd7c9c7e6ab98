// A name saved with an emoji or a symbol ("Sven Ødegård 🇳🇴", "🎓 Grete Strauß") is erased with it: the
// text wrote "[forgotten] 🇳🇴", the flag still pointing at the person (fresh-eyes wave 16 H6). The same
// emoji elsewhere in the text, or another one beside the name, is not the name's and stays.
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers.js';

describe("an erased name's emoji and symbols", () => {
  it('pm forget takes them with the name, leaving the rest of the text', () => {
    const box = sandbox();
    const log = (who: string, summary: string, notes?: string) =>
      box.ok([
        'log',
        '--with',
        who,
        '--account',
        'Nordlys',
        '--summary',
        summary,
        ...(notes ? ['--notes', notes] : []),
      ]);
    log('Sven Ødegård 🇳🇴', 'Sven Ødegård 🇳🇴 said yes; Sven agrees 🎉');
    log('🎓 Grete Strauß', 'Met 🎓 Grete Strauß and Ann', 'Grete Strauß: budget ok 🎓');
    log('Ann Ash', 'Ann says Sven Ødegård🇳🇴 knows; also 🎓  Grete Strauß. Sven Ødegård 🎉 party');
    box.ok(['forget', 'Sven Ødegård 🇳🇴', '--yes']);
    box.ok(['forget', '🎓 Grete Strauß', '--yes']);
    expect(box.sql('SELECT summary, notes FROM interviews ORDER BY id')).toEqual([
      { summary: '[forgotten] said yes; [forgotten] agrees 🎉', notes: null },
      { summary: 'Met [forgotten] and Ann', notes: '[forgotten]: budget ok 🎓' },
      { summary: 'Ann says [forgotten] knows; also [forgotten]. [forgotten] 🎉 party', notes: null },
    ]);
  });

  it('--redact replaces them with the name', () => {
    const box = sandbox();
    box.ok(['log', '--with', 'Sven Ødegård 🇳🇴', '--account', 'Nordlys', '--summary', 'Sven Ødegård 🇳🇴 said yes']);
    const doc = box.json(['export', '--format', 'json', '--redact']);
    expect(doc.interviews.map((i: { summary: string }) => i.summary)).toEqual(['Contact 1 said yes']);
  });
});
