// CSV list cells that round-trip exactly (issue 20): read by a real CSV reader (Python's csv
// module) and split as docs/reference.md says (items joined by "; ", `\` and `;` inside an item
// escaped with `\`), every list of the CSV export equals the JSON export's. Before, one pain
// "semi; colon list" and two pains "semi" and "colon list" gave the same cell.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox } from '../helpers.js';

const box = sandbox();
afterAll(() => box.cleanup());

/** Python reads the CSV with its csv module and splits the list cells by the documented rule alone. */
const READER = `
import csv, json, sys

def items(cell):
    out, item, i = [], '', 0
    if cell == '':
        return out
    while i < len(cell):
        ch = cell[i]
        if ch == '\\\\' and i + 1 < len(cell):
            item += cell[i + 1]; i += 2; continue
        if ch == ';':
            out.append(item); item = ''; i += 1
            if i < len(cell) and cell[i] == ' ':
                i += 1
            continue
        item += ch; i += 1
    out.append(item)
    return out

with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.DictReader(f))
LISTS = ('with', 'emails', 'pains', 'quotes', 'tags', 'hypotheses', 'pain_severities', 'hypothesis_bases')
print(json.dumps([{k: items(r[k]) for k in LISTS} | {'id': r['id'], 'stage': r['stage'], 'kind': r['kind']} for r in rows]))
`;

function pmOk(args: string[]): string {
  const r = box.pm(args);
  if (r.code !== 0) throw new Error(`pm ${args.join(' ')}: ${r.err}`);
  return r.out;
}

describe('pm export --format csv: list cells', () => {
  it("read by Python's csv module and split as documented, every list equals the JSON export's", () => {
    pmOk(['hyp', 'add', 'Semicolons; everywhere']);
    pmOk(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'one pain', '--pain', 'semi; colon list']);
    pmOk([
      ...['log', '--with', 'Ann Lee', '--summary', 'two pains', '--stage', 'onboard'],
      ...['--pain', 'semi:high', '--pain', 'colon list:blocker'],
    ]);
    pmOk([
      'log',
      '--with',
      'Bo; Li <bo@acme.test>',
      '--with',
      'Cy \\ Dee',
      '--account',
      'Acme',
      '--summary',
      'separators inside items',
      '--pain',
      'ends with a backslash \\',
      '--pain',
      ' leading space;trailing; ',
      '--quote',
      '"We export; then we cry", she said, twice\nand again',
      '--quote',
      'C:\\Users\\jane; D:\\',
      '--tag',
      'a;b',
      '--tag',
      'a',
      '--tag',
      'b',
      '--supports',
      'H1:paid',
    ]);
    pmOk(['log', '--with', 'Sam Hale', '--account', 'Us', '--role', 'stakeholder', '--summary', 'internal']);
    const json = JSON.parse(pmOk(['export', '--format', 'json']));
    const contacts = new Map(json.contacts.map((c: any) => [c.uuid, c]));
    const expected = json.interviews.map((i: any) => ({
      id: i.id,
      with: i.contactUuids.map((u: string) => (contacts.get(u) as any).name),
      // one item a person of `with` (empty for one without), or none when nobody has an email
      emails: ((es: string[]) => (es.some(Boolean) ? es : []))(
        i.contactUuids.map((u: string) => (contacts.get(u) as any).email ?? ''),
      ),
      pains: i.pains.map((p: any) => p.text),
      quotes: i.quotes,
      tags: i.tags,
      hypotheses: i.id === 'I3' ? ['H1:supports:medium'] : [],
      pain_severities: i.pains.map((p: any) => p.severity),
      hypothesis_bases: json.evidence.filter((e: any) => e.interviewUuid === i.uuid).map((e: any) => e.basis),
      stage: i.stage ?? '',
      kind: i.id === 'I4' ? 'stakeholder' : 'customer',
    }));
    for (const raw of [true, false]) {
      const file = join(box.dir, raw ? 'raw.csv' : 'safe.csv');
      pmOk(['export', '--format', 'csv', '--out', file, ...(raw ? ['--raw'] : [])]);
      writeFileSync(join(box.dir, 'read.py'), READER);
      const py = spawnSync('python3', [join(box.dir, 'read.py'), file], { encoding: 'utf8' });
      expect(py.status, py.stderr).toBe(0);
      const read = JSON.parse(py.stdout);
      expect(read).toEqual(expected);
    }
    // the two cells that used to be the same
    const one = expected.find((e: any) => e.id === 'I1');
    const two = expected.find((e: any) => e.id === 'I2');
    expect(one.pains).toEqual(['semi; colon list']);
    expect(two.pains).toEqual(['semi', 'colon list']);
    expect(two).toMatchObject({ pain_severities: ['high', 'blocker'], stage: 'onboard', kind: 'customer' });
    // severity, basis and kind, which the CSV used to drop (a paid link read H1:supports:medium)
    expect(expected.find((e: any) => e.id === 'I3')).toMatchObject({
      pain_severities: ['medium', 'medium'],
      hypotheses: ['H1:supports:medium'],
      hypothesis_bases: ['paid'],
    });
  });
});
