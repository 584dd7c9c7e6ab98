// `pm show` of a contact merged into another here names whom they became (merged_names, schema 42,
// which pm forget already reads): it said "nothing called "Bo Li"", as if the person and their calls
// were gone, when they are Jane Roe's now (wave 18). An account's former names:
// account-former-names.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('pm show of a contact merged away', () => {
  it('says whom they were merged into and how to show them, exit 2, by name or as pm printed them', () => {
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'a']);
    box.ok(['log', '--with', 'Bo Li <bo@acme.test>', '--account', 'Acme', '--summary', 'b']);
    box.ok(['contact', 'merge', 'Bo Li', 'Jane Roe', '--yes']);
    for (const typed of ['Bo Li', 'bo li', 'Bo Li (Acme)']) {
      const r = box.pm(['show', typed]);
      expectUsageError(r);
      expect(r.err, typed).toBe(
        `pm: ${JSON.stringify(typed)} was merged into Jane Roe (Acme), who has their conversations now\n` +
          'try: pm show "Jane Roe (Acme)"\n',
      );
    }
    // the command it names shows them; Bo's email, which Jane lacked, went to her and names her
    expect(box.ok(['show', 'Jane Roe (Acme)']).out).toMatch(/^Jane Roe <bo@acme\.test> · customer at Acme/);
    expect(box.ok(['show', 'bo@acme.test']).out).toMatch(/^Jane Roe <bo@acme\.test> · customer at Acme/);
    // a name nobody had is still nothing
    expect(box.pm(['show', 'Cy Oh']).err).toMatch(/^pm: nothing called "Cy Oh"/);
  });
});
