// pm forget asks first on a terminal; the question says what the erasure will rewrite (their
// interviews kept as "Forgotten contact", how many mentions become [forgotten], where, and which
// hypotheses), so the user answers knowing. A pseudo-terminal is the point: run as a process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onTerminal, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ok = (args: string[]) => expect(box.pm(args).code).toBe(0);

describe('pm forget at a terminal', () => {
  it('previews what it rewrites before asking; answered no, nothing changes', () => {
    ok(['log', '--with', 'Zelda Quux', '--account', 'Quuxcorp', '--summary', 'Zelda: exports take an hour']);
    ok(['log', '--with', 'Zelda Quux', '--account', 'Quuxcorp', '--summary', 'second call', '--quote', 'I export']);
    ok(['log', '--with', 'Ann Lee', '--account', 'Quuxcorp', '--summary', 'Ann says Zelda Quux is the buyer']);
    ok(['hyp', 'add', 'Teams like Zelda Quux pay for exports']);
    const before = box.snapshot();
    const run = onTerminal(box, [['Erase Zelda Quux', 'n\r']], ['forget', 'Zelda Quux'], { COLUMNS: '1000' });
    expect(run.failure).toBeNull();
    expect(run.code).toBe(0);
    // the prompt breaks at words to the terminal's width (E20): read it as one line
    const question = run.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/ *\r?\n */g, ' ');
    expect(question).toContain(
      'Their 2 interviews stay, as "Forgotten contact"; their 1 quote is deleted. 3 mentions of them become ' +
        '[forgotten]; besides their interviews, 2 records change (hypothesis H1). This cannot be undone.',
    );
    expect(question).toContain('Nothing erased.');
    expect(box.snapshot()).toBe(before);
  });

  it('Ctrl-C at the question says nobody was erased; a person merged away is named with whom they became', () => {
    ok(['log', '--with', 'Kimberly Yu <kimberly@nw.test>', '--account', 'Northwind', '--summary', 'budget']);
    ok(['log', '--with', 'Kim Yu <kim@nw.test>', '--account', 'Northwind', '--summary', 'invoices']);
    ok(['contact', 'merge', 'Kimberly Yu', 'Kim Yu']);
    const before = box.snapshot();
    const run = onTerminal(box, [['Erase Kim Yu', '\u0003']], ['forget', 'kimberly@nw.test'], { COLUMNS: '1000' });
    expect(run.failure).toBeNull();
    expect(run.code).toBe(130);
    const shown = run.output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/ *\r?\n */g, ' ');
    expect(shown).toContain('Erase Kim Yu (Northwind, kim@nw.test; merged here with Kimberly Yu <kimberly@nw.test>)');
    expect(shown).toContain('pm: interrupted, nothing erased: Kim Yu');
    expect(shown).not.toContain('nothing saved');
    expect(box.snapshot()).toBe(before);
  });
});
