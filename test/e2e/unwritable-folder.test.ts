// A backup or an export into a folder pm may not write is exit 1, as docs/reference.md says for
// pm backup and as a full disk is: the machine's state, not a usage error (fresh-eyes wave 10 E17:
// it was exit 2). Permissions are the point: run as a user they bind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runAsUser, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('a folder pm cannot write', () => {
  it('pm backup and pm export --out into it are exit 1, naming the path; nothing written', () => {
    expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'exports hurt']).code).toBe(0);
    const shut = join(box.dir, 'shut');
    mkdirSync(shut);
    const backup = runAsUser(box, ['backup', join(shut, 'j.db')]);
    chmodSync(shut, 0o500);
    const b = runAsUser(box, ['backup', join(shut, 'j.db')]);
    expect(backup.code, backup.err).toBe(0);
    expect(b.code, b.err).toBe(1);
    expect(b.err).toMatch(/^pm: cannot write the backup .*shut\/j\.db: permission denied/m);
    const e = runAsUser(box, ['export', '--out', join(shut, 'week.md')]);
    expect(e.code, e.err).toBe(1);
    expect(e.err).toMatch(/^pm: cannot write --out .*shut\/week\.md: permission denied/m);
    expect(readdirSync(shut)).toEqual(['j.db']);
  });
});
