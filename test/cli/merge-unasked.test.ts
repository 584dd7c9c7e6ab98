// Off a terminal a merge cannot ask, and the contract's `pm contact merge A B` / `pm account merge A B`
// take no flag: a script that follows it still merges, and is told on stderr that two names were joined
// unasked; --yes says it was meant (fresh-eyes wave 10 E6). The question at a terminal: test/e2e.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ok = (args: string[]) => {
  const r = box.pm(args);
  expect(r.code, r.err).toBe(0);
  return r;
};

describe('a merge of two names off a terminal', () => {
  it('merges as the contract says and warns, naming both and their accounts; --yes is quiet', () => {
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'Pays someone to reconcile']);
    ok(['log', '--with', 'Mia Chen', '--account', 'Globex', '--summary', 'Wants exports']);
    ok(['log', '--with', 'Ann Lee', '--account', 'Initech', '--summary', 'Audits']);
    const merged = ok(['contact', 'merge', 'Raj Patel', 'Mia Chen']);
    expect(merged.out).toBe('Merged into Mia Chen (Globex) · 2 interviews\n');
    expect(merged.err).toContain(
      'pm: warning: merged "Raj Patel" (Acme) into "Mia Chen" (Globex), two names, without asking ' +
        '(not at a terminal): only a backup undoes it; pm contact merge … --yes says it was meant',
    );
    const account = ok(['account', 'merge', 'Initech', 'Globex']);
    expect(account.err).toContain('pm: warning: merged the account "Initech" into "Globex" without asking');
    expect(ok(['contact', 'merge', 'Ann Lee', 'Mia Chen', '--yes']).err).not.toContain('warning');
    ok(['log', '--with', 'Bo Li', '--account', 'Acme', '--summary', 'x']);
    expect(ok(['account', 'merge', 'Acme', 'Globex', '-y']).err).not.toContain('warning');
  });

  it('pm opportunity merge, which has no split, merges off a terminal and warns; --yes is quiet (E5)', () => {
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'a', '--pain', 'slow export:high']);
    ok(['log', '--with', 'Mia Chen', '--account', 'Globex', '--summary', 'b', '--pain', 'export too slow']);
    ok(['log', '--with', 'Ann Lee', '--account', 'Initech', '--summary', 'c', '--pain', 'exports crawl']);
    const merged = ok(['opportunity', 'merge', 'export too slow', 'slow export']);
    expect(merged.out).toBe('Merged "export too slow" into "slow export" (also called: "export too slow")\n');
    expect(merged.err).toContain(
      'pm: warning: merged the opportunity "export too slow" into "slow export" without asking (not at a terminal)',
    );
    expect(ok(['opportunity', 'merge', 'exports crawl', 'slow export', '--yes']).err).toBe('');
  });

  it('one name at two accounts merges without a warning, as before', () => {
    ok(['log', '--with', 'Mia Chen', '--account', 'Acme', '--summary', 'a']);
    ok(['log', '--with', 'Mia Chen', '--account', 'Globex', '--summary', 'b']);
    expect(ok(['contact', 'merge', 'Mia Chen (Acme)', 'Mia Chen (Globex)']).err).not.toContain('warning');
  });
});
