// Every command that prints JSON, run once with --json on the demo journal: the in-process runner
// checks each output against the schema schema/commands.json names for it (test/json-output.ts), so
// this file makes sure no command goes unchecked, whatever the other suites happen to run.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox } from '../helpers.js';
import { commandSchemas, schemaErrors } from '../schemas.js';
import { commandWords } from '../json-output.js';

const box = sandbox();
afterAll(() => box.cleanup());

describe('every --json output follows its published schema', () => {
  it('from init to import, each command once', () => {
    const ran = new Set<string>();
    const run = (args: string[], code = 0, input = '') => {
      const r = box.pm([...args, '--json'], { input });
      expect(r.code, `pm ${args.join(' ')} --json: ${r.err}`).toBe(code);
      ran.add(commandWords(args).join(' '));
      if (args.includes('--out')) return undefined;
      expect(r.out.trim(), `pm ${args.join(' ')} --json printed nothing`).not.toBe('');
      return JSON.parse(r.out);
    };
    run(['init', '--target', '2']);
    run(['demo', '--db', box.db]);
    run(['config']);
    run(['config', 'list']);
    run(['config', 'get', 'cadence.days']);
    run(['config', 'set', 'user.name', 'Dana Lee']);
    run(['config', 'unset', 'user.name']);
    run(['doctor']);
    run(['backup', join(box.dir, 'copy.db')]);
    const logged = run(['log', '--with', 'Zed Ray <zed@acme.test>', '--account', 'Acme', '--summary', 'Pricing call']);
    run(['interviews']);
    run(['edit', logged.id, '--tag', 'pricing']);
    run(['show', logged.id]);
    run(['show', 'H1']);
    run(['show', 'Acme']);
    run(['show', 'Zed Ray']);
    run(['search', 'export']);
    run(['contacts']);
    run(['contact', 'set', 'Zed Ray', '--persona', 'buyer']);
    run(['log', '--with', 'Zed R <zed.r@acme.test>', '--account', 'Acme', '--summary', 'Again']);
    run(['contact', 'merge', 'Zed R', 'Zed Ray']);
    run(['accounts']);
    run(['account', 'set', 'Acme', '--cadence', '14']);
    run(['account', 'rename', 'Acme', 'Acme Corp']);
    run(['log', '--with', 'Al Bo', '--account', 'Acme Two', '--summary', 'Hello']);
    run(['account', 'merge', 'Acme Two', 'Acme Corp']);
    const added = run(['hyp', 'add', 'Admins want audit logs', '--criteria', '3 admins ask']);
    run(['hyp', 'edit', added.id, '--decide-by', '+3w']);
    run(['hyp', 'list', '--status', 'all']);
    run(['hyp', 'show', added.id]);
    run(['hyp', 'link', added.id, logged.id, '--supports', '--basis', 'did']);
    run(['hyp', 'unlink', added.id, logged.id]);
    run(['hyp', 'bet', added.id, '--until', '+2w', '--reason', 'we saw it']);
    run(['hyp', 'unbet', added.id]);
    run(['hyp', 'validate', added.id, '--reason', 'they asked']);
    run(['hyp', 'reopen', added.id, '--reason', 'again']);
    run(['hyp', 'invalidate', added.id, '--reason', 'nobody asked']);
    run(['hyp', 'reopen', added.id, '--reason', 'again']);
    run(['hyp', 'kill', added.id, '--reason', 'out of scope']);
    run(['opportunities']);
    run(['opportunity', 'merge', 'too many setup steps', 'manual invoice matching']);
    run(['opportunity', 'rename', 'manual invoice matching', 'invoice matching by hand']);
    run(['config', 'set', 'product.outcome', 'Finance teams close the month in a day']);
    run(['tree']);
    run(['report', '--check'], 3);
    run(['report', '--month']);
    run(['coverage']);
    run(['guide', 'H1']);
    run(['guide', 'check'], 3, 'Would you pay for it?\nTell me about the last time you exported.\n');
    run(['delete', logged.id, '--yes']);
    run(['delete', added.id, '--yes', '--force']);
    run(['forget', 'Zed Ray', '--yes']);
    run(['forget', 'Zed Ray', '--yes']);
    run(['forget', '--resume']);
    const exported = run(['export']);
    expect(exported.version).toBe(2);
    const file = join(box.dir, 'journal.json');
    run(['export', '--out', file]);
    expect(schemaErrors(JSON.parse(readFileSync(file, 'utf8')), 'pm-journal.v2.schema.json')).toBeNull();
    run(['--db', join(box.dir, 'other.db'), 'import', file]);
    run(['sync', 'status']);
    run(['sync', 'conflicts']);
    // these need a PostgreSQL database (and a conflict): test/cli/sync.test.ts runs them with --json
    const needDatabase = ['sync', 'sync init', 'sync resolve'];
    expect([...ran, ...needDatabase].sort()).toEqual(Object.keys(commandSchemas()).sort());
  });
});
