// Shell completion's pure parts and its ties to the command table (issue 20): the scripts hold every
// command, option and fixed value of the table; every value either completes or is free text; ids
// are found by ranges of digits; the tags' index walk finds what reading every row finds.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, type CommandSpec, GLOBAL_OPTIONS } from '../../src/cli/commands.js';
import { completionScript } from '../../src/commands/completion.js';
import { describeLine, idRanges, offerable } from '../../src/core/completion.js';
import { nameKey } from '../../src/core/identity.js';
import { liveCandidates } from '../../src/db/complete.js';
import { type DB, openForWrite } from '../../src/db/journal.js';

/** Every command of the table with its path ('hyp show'). */
function* commands(list: readonly CommandSpec[] = COMMANDS, parent = ''): Generator<[string, CommandSpec]> {
  for (const c of list) {
    const path = parent ? `${parent} ${c.name}` : c.name;
    yield [path, c];
    yield* commands(c.subcommands ?? [], path);
  }
}

const SHELLS = ['bash', 'zsh', 'fish'] as const;

describe('the completion scripts, written from the command table', () => {
  const scripts = Object.fromEntries(SHELLS.map((s) => [s, completionScript(s)]));

  it('hold every command and alias, every option and every fixed value, in each shell', () => {
    for (const shell of SHELLS) {
      const script = scripts[shell];
      for (const [path, c] of commands()) {
        for (const word of [c.name, ...(c.aliases ?? [])]) expect(script, `${shell}: ${path}`).toContain(word);
        for (const o of c.options ?? []) {
          const long = /--([\w-]+)/.exec(o.flags)![1];
          expect(script, `${shell}: ${path} --${long}`).toMatch(new RegExp(`(--|-l )${long}\\b`));
          for (const v of o.values ?? []) expect(script, `${shell}: ${path} --${long} ${v}`).toContain(v);
        }
        for (const a of c.arguments ?? [])
          for (const v of a.values ?? []) expect(script, `${shell}: ${path} ${a.name} ${v}`).toContain(v);
      }
      for (const o of GLOBAL_OPTIONS) expect(script).toContain(/--[\w-]+/.exec(o.flags)![0].slice(2));
    }
  });

  it('fish turns file names off only where no path is expected (no blanket complete -c pm -f)', () => {
    const rules = scripts.fish.split('\n').filter((l) => l.startsWith('complete '));
    expect(rules.length).toBeGreaterThan(100);
    // -f under a condition, or for the value of an option that takes one (-r)
    for (const rule of rules.filter((r) => / -f\b/.test(r))) expect(rule).toMatch(/ -n '| -r /);
  });

  it('bash and zsh scripts never use bashcompinit: zsh is native, a #compdef function', () => {
    expect(scripts.zsh).toMatch(/^#compdef pm\n/);
    expect(scripts.zsh).not.toMatch(/bashcompinit|complete -F/);
    expect(scripts.zsh).toMatch(/_describe/);
  });
});

// values that are free text: completion offers nothing for them (not even file names)
const FREE = ['n', 'days', 'value', 'date', 'text', 'text[:severity]', 'name', 'email', 'query', 'statement'];
FREE.push('new', 'week', 'month', 'url');
// pm import --undelete: the id a record had before it was deleted, which the journal lists no more
FREE.push('deleted-id');

describe('the command table says how every value completes', () => {
  it('a value completes from a fixed set, file names or the journal, unless it is free text', () => {
    for (const [path, c] of commands()) {
      const values = [
        ...(c.options ?? []).map((o) => ({
          ...o,
          what: `${path} ${o.flags}`,
          holder: / [<[](.+)[>\]]$/.exec(o.flags)?.[1],
        })),
        ...(c.arguments ?? []).map((a) => ({ ...a, what: `${path} ${a.name}`, holder: a.name.slice(1, -1) })),
      ];
      for (const v of values) {
        if (!v.holder || FREE.includes(v.holder)) continue;
        expect(v.values?.length || v.complete, `${v.what}: how does it complete?`).toBeTruthy();
      }
    }
  });

  it('paths and files complete file names', () => {
    for (const [path, c] of commands()) {
      for (const o of [...(c.options ?? []), ...GLOBAL_OPTIONS])
        if (/<(path|file)>/.test(o.flags)) expect(o.complete, `${path} ${o.flags}`).toBe('file');
      for (const a of c.arguments ?? [])
        if (/^[<[](path|file)[>\]]$/.test(a.name)) expect(a.complete, `${path} ${a.name}`).toBe('file');
    }
  });
});

describe('completion rules', () => {
  it('idRanges: the ids whose digits start so, up to the largest', () => {
    expect(idRanges('', 150)).toEqual([[1, 150]]);
    expect(idRanges('1', 150)).toEqual([
      [1, 1],
      [10, 19],
      [100, 150],
    ]);
    expect(idRanges('12', 99)).toEqual([[12, 12]]);
    expect(idRanges('2', 1)).toEqual([]);
    expect(idRanges('0', 100)).toEqual([]);
    expect(idRanges('x', 100)).toEqual([]);
    expect(idRanges('', 0)).toEqual([]);
  });

  it('idRanges holds exactly the ids whose decimal digits start with the prefix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 2500 }), (p, max) => {
        const prefix = String(p);
        const expected = Array.from({ length: max }, (_, i) => i + 1).filter((id) => String(id).startsWith(prefix));
        const got = idRanges(prefix, max).flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
        expect(got.sort((a, b) => a - b)).toEqual(expected);
      }),
    );
  });

  it('a description is one safe line of at most 80 characters', () => {
    expect(describeLine('a\nb\tc\u001b[31md\u202e e')).toBe('a b c [31md e');
    expect([...describeLine('x'.repeat(200))]).toHaveLength(80);
    expect(describeLine('é'.repeat(100)).endsWith('…')).toBe(true);
  });

  it('values a shell would insert wrongly are not offered', () => {
    expect(offerable('Jane Roe')).toBe(true);
    expect(offerable("O'Brien")).toBe(true);
    expect(offerable('-rf')).toBe(false);
    expect(offerable('two\nlines')).toBe(false);
    expect(offerable('tab\there')).toBe(false);
    expect(offerable(' ')).toBe(false);
  });
});

describe('tags: the walk through their index finds what reading every row finds', () => {
  let dir: string;
  let db: DB;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-complete-'));
    db = openForWrite(join(dir, 'j.db')).db;
    db.prepare("INSERT INTO accounts(uuid, name) VALUES ('0190a000-0000-7000-8000-000000000001', 'Acme')").run();
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tag = fc.oneof(fc.constantFrom('Billing', 'billing', 'BILLING', 'ux', 'UX', 'a', 'b', 'é', 'É'), fc.string());

  it('the same tags, one spelling for each, in the same order, as reading every row', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(tag, { maxLength: 4 }), { maxLength: 12 }),
        fc.array(tag, { maxLength: 4 }),
        (ivs, hyp) => {
          db.exec('DELETE FROM interviews; DELETE FROM hypotheses');
          for (const tags of ivs) {
            n++;
            const id = db
              .prepare(
                `INSERT INTO interviews(uuid, date, account_id, summary, created_at)
               VALUES (?, '2026-11-20', 1, 's', '2026-11-20T00:00:00Z')`,
              )
              .run(`0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`).lastInsertRowid;
            for (const [i, t] of tags.entries())
              db.prepare('INSERT INTO interview_tags(interview_id, position, tag) VALUES (?, ?, ?)').run(id, i, t);
          }
          const h = db
            .prepare(
              `INSERT INTO hypotheses(uuid, statement, created_on, decide_by)
             VALUES (?, 'h', '2026-11-20', '2026-12-20')`,
            )
            .run(`0190b000-0000-7000-8000-${String(++n).padStart(12, '0')}`).lastInsertRowid;
          for (const [i, t] of hyp.entries())
            db.prepare('INSERT INTO hypothesis_tags(hypothesis_id, position, tag) VALUES (?, ?, ?)').run(h, i, t);
          // the simple path: every tag row read, one for each key pm compares tags by
          const every = db
            .prepare('SELECT tag FROM interview_tags UNION ALL SELECT tag FROM hypothesis_tags')
            .raw()
            .all() as [string][];
          const simple = [...new Set(every.map(([t]) => nameKey(t)))].sort();
          const walked = liveCandidates(db, 'tag', '').map(([t]) => nameKey(t));
          expect(walked).toEqual(simple);
        },
      ),
      { numRuns: 40 },
    );
  });
});
