// The markdown export's per-interview "Follow-up:" line says, as pm show does, which later customer
// conversation answered it (src/db/interviews.ts answeredSql), as of the export's last day: a past
// week's export stays byte-for-byte the same when later calls are logged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-11-20' });
});
afterEach(() => box.cleanup());

function pm(...args: string[]): string {
  const r = box.pm(args);
  expect(r.code, `pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r.out;
}

const JANE = ['--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme'];

describe('the markdown export says which conversation answered a follow-up', () => {
  it('as pm show does, in the whole export and a week that holds the answer', () => {
    pm('log', ...JANE, '--summary', 'first', '--date', '2026-11-10', '--follow-up', '2026-11-12');
    pm('log', ...JANE, '--summary', 'owed, no answer yet', '--date', '2026-11-11', '--follow-up', '2026-11-20');
    pm('log', ...JANE, '--summary', 'second', '--date', '2026-11-12');
    const answered = '- **Follow-up:** 2026-11-12 · answered by I2 on 2026-11-11';
    expect(pm('show', 'I1')).toMatch(/^Follow-up: 2026-11-12 · answered by I2 on 2026-11-11$/m);
    for (const md of [pm('export'), pm('export', '--week', '2026-W46')]) {
      expect(md).toContain(`${answered}\n`);
      // I2's own follow-up: answered by I3 (the day after), also as pm show says
      expect(md).toContain('- **Follow-up:** 2026-11-20 · answered by I3 on 2026-11-12\n');
    }
  });

  it('as of the export: a past week stays byte-for-byte the same when later calls answer its follow-ups', () => {
    pm('log', ...JANE, '--summary', 'first', '--date', '2026-11-10', '--follow-up', '2026-11-17');
    const before = pm('export', '--week', '2026-W46');
    const asOf = pm('export', '--as-of', '2026-11-15');
    expect(before).toContain('- **Follow-up:** 2026-11-17\n');
    pm('log', ...JANE, '--summary', 'the answer', '--date', '2026-11-16');
    expect(pm('export', '--week', '2026-W46')).toBe(before);
    expect(pm('export', '--as-of', '2026-11-15')).toBe(asOf);
    expect(pm('export')).toContain('- **Follow-up:** 2026-11-17 · answered by I2 on 2026-11-16\n');
    // done by hand says so, as before
    pm('edit', 'I1', '--follow-up', 'done');
    expect(pm('export')).toContain('- **Follow-up:** 2026-11-17 (done)\n');
  });
});
