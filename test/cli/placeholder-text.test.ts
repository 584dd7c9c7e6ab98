// pm prints its commands with `--reason "…"` where the learning goes (the standup, hyp show, hints);
// pasted as shown, the decision was recorded with "…" for its reason and nothing said (fresh-eyes
// wave 17 H9). A text with no word in it is refused where the user types it, the journal untouched.
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers.js';

describe('a placeholder pasted as the text', () => {
  it('is refused as a reason, a summary, a statement or a criterion, with nothing written', () => {
    const box = sandbox();
    box.ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'retypes invoices']);
    box.ok(['hyp', 'add', 'Finance teams pay for matching', '--criteria', '3 of 5 say yes']);
    const before = box.snapshot();
    for (const [args, what] of [
      [['hyp', 'validate', 'H1', '--reason', '…'], 'the reason "…"'],
      [['hyp', 'kill', 'H1', '--reason', '...'], 'the reason "..."'],
      [['hyp', 'bet', 'H1', '--until', '+4w', '--reason', ' … '], 'the reason "…"'],
      [['log', '--with', 'Raj Patel', '--summary', '…'], '--summary "…"'],
      [['edit', 'I1', '--summary', '...'], '--summary "..."'],
      [['hyp', 'add', '…', '--criteria', 'x'], 'the statement "…"'],
      [['hyp', 'edit', 'H1', '--criteria', '…'], 'the criterion "…"'],
    ] as const) {
      const r = box.pm([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`pm: ${what} has no words`);
      expect(r.err).toMatch(/in place of the "…"/);
    }
    expect(box.snapshot()).toBe(before);
  });

  it('takes a reason with words, however short, and punctuation around them', () => {
    const box = sandbox();
    box.ok(['hyp', 'add', 'Finance teams pay for matching', '--criteria', '3 of 5 say yes']);
    box.ok(['hyp', 'kill', 'H1', '--reason', '… no.']);
    expect(box.sql('SELECT reason FROM outcomes')).toEqual([{ reason: '… no.' }]);
  });
});
