// pm import names only the settings whose value it changed (fresh-eyes wave 19 H13): a setting the file
// sets to the value the journal already had by default is no change a user can act on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-07' })));
afterEach(() => box.cleanup());

describe('pm import: settings the file sets to their default', () => {
  it('are not listed as changed; the others are', () => {
    const mine = join(box.dir, 'a.db');
    box.ok(['--db', mine, 'init', '--target', '3', '--every', '7']);
    box.ok(['--db', mine, 'log', '--with', 'Ann', '--account', 'Acme', '--summary', 'call']);
    const file = join(box.dir, 'a.json');
    box.ok(['--db', mine, 'export', '--format', 'json', '--out', file]);
    const out = box.ok(['--db', join(box.dir, 'empty.db'), 'import', file]).out;
    const line = out.split('\n').find((l) => l.startsWith('Settings changed by the file'));
    expect(line).toContain('cadence.target 1 (default) → 3');
    expect(out).not.toContain('cadence.days 7 (default) → 7');
    expect(out).not.toMatch(/(\S+) \(default\) → \1\b/);
  });
});
