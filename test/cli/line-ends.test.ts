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

// eyes2 wave 11 F9: a line end at the end of a one-line field was kept: pm show put the pain's
// severity on a line of its own and the summary's indent on an empty line
it('a line end at the end of a summary, pain, quote or --by is dropped; the notes keep theirs', () => {
  const log = ['log', '--with', 'A', '--account', 'X', '--summary', 'sum\r\n', '--notes', 'n\n', '--by', 'Dana\n'];
  expect(box.pm([...log, '--pain', 'slow export\r\n', '--pain', 'no audit:high\n', '--quote', 'q\n\n']).code).toBe(0);
  const one = box.json(['show', 'I1']);
  expect([one.summary, one.notes, one.by, one.quotes]).toEqual(['sum', 'n\n', 'Dana', ['q']]);
  expect(one.pains).toEqual([
    { text: 'slow export', severity: 'medium' },
    { text: 'no audit', severity: 'high' },
  ]);
  expect(box.pm(['show', 'I1']).out).toMatch(/^ {2}- slow export \(medium\)$/m);
  expect(box.pm(['edit', 'I1', '--summary', 'edited\r\n']).code).toBe(0);
  expect(box.json(['show', 'I1']).summary).toBe('edited');
});
