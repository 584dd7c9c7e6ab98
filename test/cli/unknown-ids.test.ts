// An interview or hypothesis id the journal does not have is worded one way by every command that
// takes one: `unknown interview I99`, `unknown hypothesis H99` (as `unknown account`, `unknown
// contact`, `unknown channel`). Before wave 10, `pm hyp …` and `pm guide` said `no hypothesis H99`
// where `pm log`, `pm ls` and `pm delete` said `unknown hypothesis H99`.
import { describe, expect, it } from 'vitest';
import { sandboxForFile } from '../helpers.js';

// every case is refused and writes nothing: one journal for the file
const journal = sandboxForFile([
  ['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'first call'],
  ['hyp', 'add', 'Finance teams will pay'],
]);

const hypothesis: string[][] = [
  ['hyp', 'show', 'H99'],
  ['hyp', 'edit', 'H99', '--kind', 'value'],
  ['hyp', 'kill', 'H99', '--reason', 'x'],
  ['hyp', 'link', 'H99', 'I1', '--supports'],
  ['hyp', 'unlink', 'H99', 'I1'],
  ['hyp', 'bet', 'H99', '--until', '+2w', '--reason', 'x'],
  ['guide', 'H99'],
  ['show', 'H99'],
  ['ls', '--hypothesis', 'H99'],
  ['delete', 'H99', '--yes'],
  ['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'x', '--supports', 'H99'],
];
const interview: string[][] = [
  ['show', 'I99'],
  ['edit', 'I99', '--summary', 'x'],
  ['delete', 'I99', '--yes'],
  ['hyp', 'link', 'H1', 'I99', '--supports'],
];

describe('an unknown id, worded one way', () => {
  for (const args of hypothesis)
    it(`pm ${args.join(' ')}: unknown hypothesis H99`, () => {
      const box = journal();
      const before = box.snapshot();
      const r = box.pm(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^pm: unknown hypothesis H99\b/);
      expect(box.snapshot()).toBe(before);
    });
  for (const args of interview)
    it(`pm ${args.join(' ')}: unknown interview I99`, () => {
      const r = journal().pm(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^pm: unknown interview I99\b/);
    });
});
