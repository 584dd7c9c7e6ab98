// Found by a first-time user in wave 13 (docs/decisions.md, "Found by a first-time user (wave 13)").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-11-09' })));
afterEach(() => box.cleanup());

function run(args: string[], today?: string) {
  const r = box.pm(args, today ? { env: { PM_TODAY: today } } : {});
  if (r.code !== 0 && r.code !== 3) throw new Error(`pm ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return r.out;
}
const needs = (out: string) => out.slice(out.indexOf('Needs action'));

describe("the standup's line for a hypothesis says every reason to act its flags give (H1, H12)", () => {
  it('past its decide-by and ready to kill: the line says both and acts with the kill', () => {
    run(['hyp', 'add', 'Teams want a Slack digest', '--decide-by', '2026-11-23']);
    run(['log', '--with', 'Chloé Martin', '--account', 'Umbrella', '--summary', 'ignores Slack', '--refutes', 'H1']);
    run(['log', '--with', 'Ana Gómez', '--account', 'Acme', '--summary', 'never reads digests', '--refutes', 'H1']);
    const page = needs(run(['report'], '2026-11-24'));
    expect(page).toContain('Decide H1: 1 day past its decide-by; 2 customers refute it');
    expect(page).toContain('→ pm hyp kill H1 --reason "…"');
  });

  it('a bet that ran out says so on its line, alone and among several', () => {
    run(['hyp', 'add', 'Admins can set up SSO without our help', '--decide-by', '2026-11-27']);
    run(['hyp', 'add', 'Teams want a Slack digest', '--decide-by', '2026-11-23']);
    run(['log', '--with', 'Chloé Martin', '--account', 'Umbrella', '--summary', 'ignores Slack', '--refutes', 'H2']);
    run(['log', '--with', 'Ana Gómez', '--account', 'Acme', '--summary', 'never reads digests', '--refutes', 'H2']);
    run(['hyp', 'bet', 'H1', '--until', '2026-12-14', '--reason', 'new SSO wizard may fix it'], '2026-12-07');
    const page = needs(run(['report'], '2026-12-15'));
    expect(page).toContain('Decide 2 hypotheses past their decide-by: H1 18d (bet over), H2 22d (2 refute)');
    run(['hyp', 'kill', 'H2', '--reason', 'nobody reads digests'], '2026-12-15');
    const alone = needs(run(['report'], '2026-12-15'));
    expect(alone).toContain('Decide H1: 18 days past its decide-by; its bet ran until 2026-12-14');
  });

  it('refuted by two while three paid for it: the line says both and points at the evidence, not the kill', () => {
    const people = ['Ann A:Acme', 'Bob B:Globex', 'Cy C:Initech'];
    run(['hyp', 'add', 'Controllers will pay for auto-matching'], '2026-12-07');
    for (const p of people) {
      const [name, account] = p.split(':');
      run(
        ['log', '--with', name, '--account', account, '--summary', 'signed', '--supports', 'H1:strong:paid'],
        '2026-12-07',
      );
    }
    for (const p of ['Dee D:Hooli', 'Eve E:Umbrella']) {
      const [name, account] = p.split(':');
      run(['log', '--with', name, '--account', account, '--summary', 'meh', '--refutes', 'H1:weak'], '2026-12-07');
    }
    const page = needs(run(['report'], '2026-12-07'));
    expect(page).toContain('Kill H1? 2 customers refute it, 3 customers support it');
    expect(page).toContain('→ pm hyp show H1');
    expect(page).not.toContain('pm hyp kill H1');
  });
});

describe('--segment at a known account (H15)', () => {
  it('fills an account that has none and warns, with the command, when the account is in another', () => {
    run(['log', '--with', 'Ann A', '--account', 'Acme', '--segment', 'enterprise', '--summary', 'a']);
    const other = box.pm(['log', '--with', 'Bo B', '--account', 'Acme', '--segment', 'smb', '--summary', 'b']);
    expect(other.code, other.err).toBe(0);
    expect(other.err).toContain('pm: warning: Acme is in segment "enterprise"');
    expect(other.err).toContain('pm account set "Acme" --segment "smb"');
    run(['log', '--with', 'Cy C', '--account', 'Globex', '--summary', 'c']);
    const filled = box.pm(['log', '--with', 'Di D', '--account', 'Globex', '--segment', 'smb', '--summary', 'd']);
    expect(filled.err).not.toContain('warning');
    // a known record changed: said, as a new account is (review wave 13 R4)
    expect(filled.err).toContain("Globex's segment: smb (it had none");
    const accounts = box.json(['accounts']) as { name: string; segment: string | null }[];
    expect(accounts.map((a) => [a.name, a.segment])).toEqual([
      ['Acme', 'enterprise'],
      ['Globex', 'smb'],
    ]);
    const coverage = run(['coverage']);
    expect(coverage).toMatch(/smb/);
  });
});

describe('the --segment warning writes names as pm writes them to a terminal (review wave 13 R9)', () => {
  it('control characters in an account name that came from elsewhere are shown, not sent', () => {
    run(['log', '--with', 'Ann A', '--account', 'Acme', '--segment', 'enterprise', '--summary', 'a']);
    // as an import of another tool's file could have written it
    const db = new Database(box.db);
    db.prepare("UPDATE accounts SET name = 'Acme\u001b[31mRED' WHERE name = 'Acme'").run();
    db.close();
    const r = box.pm(['log', '--with', 'Bo B', '--account', 'Acme', '--segment', 'smb', '--summary', 'b']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('is in segment "enterprise"');
    expect(r.err).not.toContain('\u001b');
  });
});

describe('the whole-journal export judges no pace (H13)', () => {
  it('no behind-target and no "1 more today" over a span that is no cadence period; a week export still has them', () => {
    run(['init', '--target', '2']);
    const days = ['2026-11-09', '2026-11-11', '2026-11-17', '2026-11-19', '2026-11-24', '2026-12-01', '2026-12-03'];
    for (const d of days) run(['log', '--with', 'Ana Gómez', '--account', 'Acme', '--summary', `call ${d}`], d);
    run(['log', '--with', 'Ana Gómez', '--summary', 'Monday'], '2026-12-07');
    const whole = run(['export'], '2026-12-07');
    expect(whole).toContain('as of 2026-12-07: **on track**');
    expect(whole).toContain('(the whole journal: its last weeks against the target below)');
    expect(whole).not.toContain('behind-target');
    expect(whole).not.toContain('more today');
    const html = run(['export', '--format', 'html'], '2026-12-07');
    expect(html).toContain('the whole journal: its last weeks against the target in the chart');
    // a week is a cadence period: Sunday of a week with one call is behind
    expect(run(['export', '--week'], '2026-11-29')).toContain('behind-target');
  });
});

describe('every warning shows control characters rather than sending them (review wave 13 R9)', () => {
  it("a path typed with an escape sequence is named safely in pm export --out's warning", () => {
    run(['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'a']);
    const r = box.pm(['export', '--out', `${box.dir}/team\u001b[31m.json`]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('pm: warning: writing md into');
    expect(r.err).not.toContain('\u001b');
  });
});
