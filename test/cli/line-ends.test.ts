// Fresh-eyes wave 11 E6: notes saved by Notepad, Outlook or a transcript tool (CRLF line ends) were
// stored with their CRs: pm show printed ␍ at the end of every line, and the CRs travelled in JSON
// and CSV. Typed text is read with CRLF as a line end (a lone CR inside is kept, a control character
// shown escaped); an import keeps a file's text as its journal held it (decisions.md). Fails before.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

it('notes, summaries, quotes and pains with Windows line ends are stored with "\\n"', () => {
  const file = join(box.dir, 'notes.txt');
  writeFileSync(file, 'Notes line 1\r\nline 2\r\n\r\n- item\r\n');
  const first = ['log', '--with', 'A', '--account', 'X', '--summary', 'Summary\r', '--notes-file', file];
  expect(box.pm([...first, '--quote', 'q1\r\nq2', '--pain', 'slow\r']).code).toBe(0);
  expect(
    box.pm(['log', '--with', 'A', '--summary', 's', '--notes-file', '-'], { input: 'Pasted\r\nfrom Windows\r' }).code,
  ).toBe(0);
  expect(box.pm(['edit', 'I2', '--notes', 'old\rMac']).code).toBe(0);
  const one = box.json(['show', 'I1']);
  expect([one.summary, one.notes, one.quotes, one.pains[0].text]).toEqual([
    'Summary',
    'Notes line 1\nline 2\n\n- item\n',
    ['q1\nq2'],
    'slow',
  ]);
  expect(box.json(['show', 'I2']).notes).toBe('old\rMac');
  expect(box.pm(['show', 'I1']).out).not.toMatch(/␍/);
  // (CSV's own rows end in CRLF, as RFC 4180 has it: the fields have none)
  expect(box.pm(['export', '--format', 'csv']).out).toContain('"Notes line 1\nline 2\n\n- item\n"');
  // the one CR left is the lone CR typed inside I2's notes
  expect(box.pm(['export', '--format', 'json']).out.match(/\\r/g)).toEqual(['\\r']);
});
