// The plain report after `pm import` of a teammate's export is the user's own, as it is once a teammate's
// calls arrive by pm sync (fresh-eyes wave 17 H19): it counted Dana's three calls as Pat's, so Pat, 17
// days without a customer, read ON TRACK and his cron --check never fired.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
});
afterEach(() => box.cleanup());

describe("the plain report of a journal holding a teammate's imported calls", () => {
  it("is the user's own, says so on its first line, and --team is everyone's", () => {
    box.ok(['config', 'set', 'user.name', 'Pat']);
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Pat call', '--date', '2026-11-20']);
    const dana = ['--db', join(box.dir, 'dana.db')];
    box.ok([...dana, 'config', 'set', 'user.name', 'Dana']);
    for (const date of ['2026-12-01', '2026-12-02', '2026-12-03'])
      box.ok([...dana, 'log', '--with', 'Bo Li', '--account', 'Bluebird', '--summary', 'Dana call', '--date', date]);
    const file = join(box.dir, 'dana.json');
    box.ok([...dana, 'export', '--format', 'json', '--out', file]);

    const before = box.json(['report']);
    box.ok(['import', file]);
    const pat = box.json(['report']);
    expect(pat).toMatchObject({ by: 'Pat', own: true, verdict: before.verdict });
    expect(pat.contact).toEqual(before.contact);
    expect(pat.verdict).toBe('overdue');
    expect(pat.contact).toMatchObject({ lastDirect: '2026-11-20', daysSinceLastDirect: 17, overdue: true });
    const first = box.ok(['report']).out.split('\n')[0];
    expect(first).toContain("by Pat (yours; the team's: pm report --team)");
    expect(box.pm(['report', '--check']).code).toBe(3);
    // the team's page counts Dana's calls
    const team = box.json(['report', '--team']);
    expect([team.by, team.contact.lastDirect]).toEqual([null, '2026-12-03']);
  });

  it("is the whole journal's when the imported calls are the user's own (a second laptop's export)", () => {
    box.ok(['config', 'set', 'user.name', 'Pat']);
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Pat call', '--date', '2026-11-20']);
    const laptop = ['--db', join(box.dir, 'laptop.db')];
    box.ok([...laptop, 'config', 'set', 'user.name', 'Pat']);
    box.ok([...laptop, 'log', '--with', 'Bo Li', '--account', 'Bluebird', '--summary', 'call', '--date', '2026-12-03']);
    const file = join(box.dir, 'laptop.json');
    box.ok([...laptop, 'export', '--format', 'json', '--out', file]);
    box.ok(['import', file]);
    const pat = box.json(['report']);
    expect([pat.by, pat.own, pat.contact.lastDirect]).toEqual([null, undefined, '2026-12-03']);
  });
});
