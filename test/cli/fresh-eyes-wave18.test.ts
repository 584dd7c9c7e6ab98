// Findings of the fresh-eyes tester in wave 18 (H<n>), each as a user meets it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

describe('a period export carries the decisions of the hypotheses it carries (H2)', () => {
  it('a hypothesis killed before the week comes back killed in the importer', () => {
    box.ok(['hyp', 'add', 'Ops leads want a digest', '--date', '2026-11-20']);
    box.ok(['log', '--with', 'Lee', '--account', 'Acme', '--summary', 'no', '--refutes', 'H1', '--date', '2026-11-25']);
    box.ok(['hyp', 'kill', 'H1', '--reason', 'nobody reads email', '--date', '2026-11-26']);
    box.ok([
      'log',
      '--with',
      'Kim',
      '--account',
      'Beta',
      '--summary',
      'call',
      '--supports',
      'H1',
      '--date',
      '2026-12-02',
    ]);
    // killed after the week: the file says what H1 was on the week's last day
    box.ok(['hyp', 'add', 'Admins want SSO', '--date', '2026-11-20']);
    box.ok(['log', '--with', 'Kim', '--summary', 'sso', '--supports', 'H2', '--date', '2026-12-03']);
    box.ok(['hyp', 'kill', 'H2', '--reason', 'later', '--date', '2026-12-07']);
    const file = join(box.dir, 'w49.json');
    box.ok(['export', '--week', '2026-W49', '--format', 'json', '--out', file]);
    const other = join(box.dir, 'other.db');
    box.ok(['--db', other, 'import', file]);
    const hyps = box.json(['--db', other, 'hyp', 'list', '--status', 'all']);
    const status = Object.fromEntries(hyps.map((h: any) => [h.statement, h.status]));
    expect(status).toEqual({ 'Ops leads want a digest': 'killed', 'Admins want SSO': 'open' });
  });
});

describe('an export from a journal that does not exist writes nothing (H8)', () => {
  it('refuses with exit 1, leaving the last export as it was', () => {
    const file = join(box.dir, 'nightly.json');
    writeFileSync(file, 'last night');
    for (const format of ['json', 'csv', 'md', 'html']) {
      const r = box.pm(['export', '--format', format, '--out', file], { env: { PM_DB: join(box.dir, 'typo.db') } });
      expect(r.code, format).toBe(1);
      expect(r.err).toContain(`pm: no journal at ${join(box.dir, 'typo.db')}: nothing to export`);
      expect(readFileSync(file, 'utf8')).toBe('last night');
      expect(existsSync(join(box.dir, 'typo.db'))).toBe(false);
    }
    // to stdout: nothing printed, and a script sees the failure
    const r = box.pm(['export', '--week'], { env: { PM_DB: join(box.dir, 'typo.db') } });
    expect(r).toMatchObject({ code: 1, out: '' });
  });
});

describe('the contact line never contradicts an overdue verdict (H3)', () => {
  it('17 days without a customer reads "target 1: overdue" in text, markdown and HTML', () => {
    box.ok(['log', '--with', 'Ann', '--account', 'A', '--summary', 'ask', '--date', '2026-11-20']);
    const text = box.ok(['report', '--full']).out;
    expect(text).toContain('0 customer conversations with 0 customers · target 1: overdue\n');
    const md = box.ok(['report', '--format', 'md']).out;
    expect(md).toContain('- Customer conversations: 0 with 0 customers (target 1: **overdue**)\n');
    const html = box.ok(['report', '--format', 'html']).out;
    expect(html).toMatch(/target <[^>]*>1<\/[a-z]+>: <b>overdue<\/b>\)/);
    for (const page of [text, md, html]) expect(page).not.toContain('on track');
    // a past week keeps its met / not met: the period is over
    expect(box.ok(['report', '--week', '2026-W48', '--full']).out).toContain('target 1: not met');
  });
});

describe("an import that changes one of the user's own people says so (H1)", () => {
  const theirs = (person: string, ...more: string[]) => {
    const db = join(box.dir, 'theirs.db');
    const file = join(box.dir, 'theirs.json');
    box.ok(['--db', db, 'log', '--with', person, '--account', 'Acme', '--summary', 'theirs', ...more]);
    box.ok(['--db', db, 'export', '--format', 'json', '--out', file]);
    return file;
  };

  it('a customer made a stakeholder by the later copy is named, with the way back', () => {
    box.ok(['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'mine']);
    const file = theirs('Jane R. <jane@acme.test>', '--role', 'stakeholder');
    const r = box.ok(['import', file]);
    expect(r.err).toContain(
      'pm: warning: your contact Jane Roe (C-', // its reference, then what changed
    );
    expect(r.err).toMatch(
      /lost to the file's later copy: now Jane R\. · role stakeholder, yours was Jane Roe · role customer \(pm sync resolve 1 lost brings yours back\)/,
    );
    expect(r.err).toContain(
      'pm: warning: Jane R. is now a stakeholder here: your conversations with them no longer count as customer ' +
        'contact (pm sync resolve 1 lost keeps them a customer)',
    );
    box.ok(['sync', 'resolve', '1', 'lost']);
    expect(box.json(['contacts']).map((c: any) => [c.name, c.role])).toEqual([['Jane Roe', 'customer']]);
  });

  it('an email typed in another case is the same address: no conflict', () => {
    box.ok(['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'mine']);
    const r = box.ok(['import', theirs('Jane Roe <JANE@acme.test>')]);
    expect(r.out).not.toContain('changed here and there at once');
    expect(r.err).toBe('');
    expect(box.json(['sync', 'conflicts'])).toEqual([]);
    expect(box.json(['contacts']).map((c: any) => c.email)).toEqual(['jane@acme.test']);
  });
});

describe('the same conversation logged twice is said (H9)', () => {
  it('a repeat names its twin and how to undo it; another call that day is not one', () => {
    const call = ['log', '--with', 'Jane', '--account', 'Acme', '--summary', 'Same call'];
    expect(box.ok(call).err).not.toContain('repeats');
    const again = box.ok(call);
    expect(again.err).toContain(
      'pm: warning: I2 repeats I1: call with Jane (Acme) on 2026-12-07, the same summary; ' +
        'if it is one conversation: pm delete I2 --yes',
    );
    // the write stands (two calls a day happen)
    expect(box.json(['ls']).map((i: any) => i.id)).toEqual(['I2', 'I1']);
    expect(box.ok([...call.slice(0, -1), 'Second call']).err).not.toContain('repeats');
    expect(box.ok([...call, '--channel', 'email']).err).not.toContain('repeats');
    expect(box.ok(['log', '--with', 'Kim', '--account', 'Acme', '--summary', 'Same call']).err).not.toContain(
      'repeats',
    );
  });
});

describe('pm show opens either of two people with one name (H10)', () => {
  it('its hint names forms that work, and a UUID is taken', () => {
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'a']);
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Beta', '--summary', 'b']);
    const r = box.pm(['show', 'Jane Roe']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('hint: name one: pm show "Jane Roe (Acme)" · pm show "Jane Roe (Beta)"');
    expect(box.ok(['show', 'Jane Roe (Beta)']).out).toContain('I2');
    // a UUID, as pm contacts --json gives it (the one way to name namesakes at one account without an email)
    const uuids = box.json(['contacts']).map((c: any) => c.uuid);
    for (const uuid of uuids) expect(box.json(['show', uuid]).uuid).toBe(uuid);
    expect(uuids).toHaveLength(2);
  });
});

describe('pm edit --date names an answered follow-up as answered (H6)', () => {
  it('the refusal says who answered it, not "open"', () => {
    box.ok(['log', '--with', 'A', '--account', 'X', '--summary', 'x', '--date', '2026-11-01', '--follow-up', '+1w']);
    box.ok(['log', '--with', 'A', '--summary', 'mon', '--date', '2026-11-30']);
    const r = box.pm(['edit', 'I1', '--date', '2026-12-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "pm: I1's follow-up (2026-11-08, answered by I2 on 2026-11-30) would fall before the conversation (2026-12-01)",
    );
  });
});

describe('a signal missing its source is shown --source (H5)', () => {
  it('the try line of a review without --with, --account or --source', () => {
    const r = box.pm(['log', '--channel', 'review', '--summary', 'no source']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('try: pm log --channel review --source Capterra --summary "no source"');
    expect(r.err).not.toContain('Jane Roe');
  });
});

describe('an account with only stakeholder meetings has no cadence in pm accounts (H7)', () => {
  it('shows — under CADENCE, as pm contacts does for its people', () => {
    box.ok(['log', '--with', 'Sam Cho', '--account', 'Internal', '--role', 'stakeholder', '--summary', 'Sales says']);
    box.ok(['log', '--with', 'Ann', '--account', 'Acme', '--summary', 'a call']);
    const lines = box.ok(['accounts']).out.split('\n');
    const cadence = lines[0].indexOf('CADENCE');
    const cell = (name: string) =>
      lines
        .find((l) => l.startsWith(name))!
        .slice(cadence, cadence + 7)
        .trim();
    expect(cell('Internal')).toBe('—');
    expect(cell('Acme')).toBe('30d');
  });

  it('shows a cadence set on such an account as it was set', () => {
    box.ok(['log', '--with', 'Sam Cho', '--account', 'Internal', '--role', 'stakeholder', '--summary', 'Sales says']);
    box.ok(['account', 'set', 'Internal', '--cadence', '14']);
    expect(box.json(['accounts']).find((a: { name: string }) => a.name === 'Internal').cadence).toBe(14);
  });
});

describe('a hint that is a command to type starts try: (H4)', () => {
  it('pm edit --follow-up done of an interview without one', () => {
    box.ok(['log', '--with', 'A', '--account', 'X', '--summary', 'x']);
    const r = box.pm(['edit', 'I1', '--follow-up', 'done']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('pm: I1 has no follow-up to mark done\ntry: pm edit I1 --follow-up +1w (to set one)\n');
  });
});
