// Pages a team shares name hypotheses by the reference every journal reads the same (a real
// PostgreSQL, test/pg.ts; fresh-eyes wave 13 H9): Pat's H1 is Dana's H2, and Dana typing the
// "pm hyp kill H1" of Pat's page killed her own, different H1, exit 0.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-07');

describe("a synced journal's pages", () => {
  it('name each hypothesis with its reference, and the command they give acts on the same one elsewhere', async () => {
    t.syncFirst(await t.postgres());
    t.pm('a', ['hyp', 'add', 'Pat: controllers want bulk approve']);
    t.pm('b', ['hyp', 'add', 'Dana: CFOs want a close dashboard']);
    for (const who of ['a', 'b', 'a'] as const) t.pm(who, ['sync']);
    const pats = JSON.parse(t.pm('a', ['hyp', 'list', '--json']).out) as { id: string; ref: string }[];
    const danas = JSON.parse(t.pm('b', ['hyp', 'list', '--json']).out) as { id: string; ref: string }[];
    const ref = pats[0].ref;
    expect(pats[0].id).toBe('H1');
    // on Dana's journal, Pat's hypothesis is H2 and her own is H1
    expect(danas.find((h) => h.ref === ref)?.id).toBe('H2');
    for (const name of ['Ann A', 'Bo B'])
      t.pm('a', ['log', '--with', name, '--account', name, '--summary', 'no need', '--refutes', 'H1']);

    const standup = t.pm('a', ['report']).out;
    expect(standup).toContain(`H1 (${ref})`);
    expect(standup).toContain(`pm hyp kill ${ref} --reason`);
    expect(standup).not.toContain('pm hyp kill H1');
    expect(t.pm('a', ['report', '--full']).out).toContain(`H1 (${ref}) is ready to kill`);
    expect(t.pm('a', ['report', '--team', '--full']).out).toContain(`H1 (${ref})`);
    const md = t.pm('a', ['export', '--week', '--format', 'md']).out;
    expect(md).toContain(`### H1 (${ref}) · open`);
    expect(md).toContain(`**H1 (${ref})** refutes`);
    const page = t.pm('a', ['export', '--week', '--format', 'html']).out.replace(/<[^>]*>/g, '');
    expect(page).toContain(`pm hyp kill ${ref}`);
    // JSON keeps its keys and values, and names the reference beside each id, as hyp list does (H7):
    // a script posting the flags to the team channel names the hypothesis every journal reads the same
    const json = JSON.parse(t.pm('a', ['report', '--json']).out);
    const flag = json.flags.find((f: { kind: string }) => f.kind === 'ready-to-kill');
    expect([flag?.subject, flag?.ref]).toEqual(['H1', ref]);
    expect(json.hypotheses.unvalidated.map((h: { id: string; ref: string }) => [h.id, h.ref])).toContainEqual([
      'H1',
      ref,
    ]);
    const team = JSON.parse(t.pm('a', ['report', '--team', '--json']).out);
    expect(team.flags.find((f: { kind: string }) => f.kind === 'ready-to-kill')?.ref).toBe(ref);
    expect(JSON.parse(t.pm('a', ['guide', 'H1', '--json']).out).ref).toBe(ref);
    const everyId = (v: unknown, found: [string, string][] = []): [string, string][] => {
      if (Array.isArray(v)) for (const x of v) everyId(x, found);
      else if (v !== null && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.id === 'string' && /^H\d+$/.test(o.id)) found.push([o.id, String(o.ref)]);
        for (const x of Object.values(o)) everyId(x, found);
      }
      return found;
    };
    const inTree = everyId(JSON.parse(t.pm('a', ['tree', '--json']).out));
    expect(inTree.length).toBeGreaterThan(0);
    for (const [id, r] of inTree) expect(r).toBe(pats.find((h) => h.id === id)?.ref);

    // hyp list and show print it
    expect(t.pm('a', ['hyp', 'list']).out).toMatch(new RegExp(`^H1 +${ref} +Pat: controllers`, 'm'));
    expect(t.pm('a', ['hyp', 'show', 'H1']).out.split('\n')[0]).toBe(`H1 (${ref})  Pat: controllers want bulk approve`);
    expect(t.pm('b', ['guide', ref]).out).toContain('Interview guide for H2');

    // Dana follows Pat's page: Pat's hypothesis is killed, hers stays open
    t.pm('b', ['hyp', 'kill', ref, '--reason', 'per Pat']);
    const after = JSON.parse(t.pm('b', ['hyp', 'list', '--status', 'all', '--json']).out);
    expect(after.map((h: { id: string; status: string }) => [h.id, h.status])).toEqual([
      ['H1', 'open'],
      ['H2', 'killed'],
    ]);
  });

  it('name each interview with its reference, as hypotheses are, so a teammate acts on the same call', async () => {
    // fresh-eyes wave 16 H7: Ann's notes said "I9 confirmed the budget" and "follow up on I6", which are
    // other calls in Bob's journal, and --json gave interviews no ref
    t.pm('b', ['log', '--with', 'Lea D', '--account', 'Nordlys', '--summary', 'Dana: Lea wants SSO']);
    t.pm('a', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'Pat: Ann on exports']);
    // killed before the call that supports it: evidence-after-kill names the call
    for (const args of [
      ['hyp', 'add', 'Controllers want bulk approve'],
      ['hyp', 'kill', 'H1', '--reason', 'no'],
    ])
      expect(t.box.pm(['--db', t.file('a'), ...args], { env: { PM_TODAY: '2026-12-04' } }).code).toBe(0);
    t.pm('a', [
      'log',
      ...['--with', 'Raj P', '--account', 'Globex', '--summary', 'Pat: Raj confirmed the budget'],
      ...['--follow-up', 'today', '--supports', 'H1'],
    ]);
    t.syncFirst(await t.postgres());
    t.pm('b', ['sync']);
    const ls = (who: 'a' | 'b') =>
      JSON.parse(t.pm(who, ['ls', '--json']).out) as { id: string; ref: string; summary: string }[];
    const raj = ls('a').find((i) => i.summary.startsWith('Pat: Raj'));
    const bobs = ls('b').find((i) => i.ref === raj?.ref);
    // the call is Pat's I2 and Dana's I3; Dana's I2 is another call
    expect([raj?.id, bobs?.id]).toEqual(['I2', 'I3']);
    const named = `I2 (${raj?.ref})`;

    const md = t.pm('a', ['export', '--week', '--format', 'md']).out;
    expect(md).toContain(`- **${named}** 2026-12-07 · call · Raj P (Globex): Pat: Raj confirmed the budget`);
    expect(md).toContain(`### ${named} · 2026-12-07 · call with Raj P (Globex)`);
    expect(md).toMatch(new RegExp(`^- \\*\\*${named.replace(/[()]/g, '\\$&')}\\*\\* due 2026-12-07 \\(today\\)`, 'm'));
    expect(md).toContain(`\`evidence-after-kill\`: ${named}`);
    const html = t.pm('a', ['export', '--week', '--format', 'html']).out.replace(/<[^>]*>/g, '');
    expect(html).toContain(`${named} 2026-12-07`);
    expect(html).toContain(`${named} due`);
    expect(t.pm('a', ['report', '--team', '--format', 'md']).out).toContain(`**${named}**`);
    expect(t.pm('a', ['report', '--full']).out).toContain(`${named}: follow-up with Raj P`);

    // JSON keeps its keys and values, with ref beside the interview's id and a follow-up flag's subject
    for (const args of [
      ['report', '--json'],
      ['report', '--team', '--json'],
    ]) {
      const json = JSON.parse(t.pm('a', args).out);
      const conversation = json.conversations.find((c: { id: string }) => c.id === 'I2');
      expect([conversation?.id, conversation?.ref], args.join(' ')).toEqual(['I2', raj?.ref]);
      expect(json.followUps.map((f: { id: string; ref: string }) => [f.id, f.ref])).toEqual([['I2', raj?.ref]]);
      const flag = json.flags.find((f: { kind: string }) => f.kind === 'follow-up-due');
      expect([flag?.subject, flag?.ref]).toEqual(['I2', raj?.ref]);
    }
    // Dana follows Pat's page: the reference is Pat's call in her journal, not her own I2
    expect(t.pm('b', ['show', String(raj?.ref)]).out).toContain('Pat: Raj confirmed the budget');
  });

  it('of a journal that does not sync name hypotheses by their ids alone', () => {
    t.pm('a', ['hyp', 'add', 'Controllers want bulk approve']);
    for (const name of ['Ann A', 'Bo B'])
      t.pm('a', ['log', '--with', name, '--account', name, '--summary', 'no need', '--refutes', 'H1']);
    for (const args of [['report'], ['report', '--full'], ['hyp', 'list'], ['hyp', 'show', 'H1']])
      expect(t.pm('a', args).out).not.toMatch(/H-[0-9a-f]{6}/);
    expect(t.pm('a', ['report']).out).toContain('pm hyp kill H1 --reason');
    expect(t.pm('a', ['export', '--week', '--format', 'md']).out).not.toMatch(/[HI]-[0-9a-f]{6}/);
    expect(t.pm('a', ['export', '--week', '--format', 'html']).out).not.toMatch(/[HI]-[0-9a-f]{6}/);
    for (const args of [
      ['report', '--json'],
      ['report', '--full'],
    ])
      expect(t.pm('a', args).out).not.toMatch(/"ref"|[HI]-[0-9a-f]{6}/);
  });
});
