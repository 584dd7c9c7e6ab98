// Exit code 3 ("a check found something") is what scripts and CI branch on: every command that can
// exit 3 is named in the exit-code tables of docs/reference.md and README.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const row3 = (file: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('| 3 |')) ?? '';

describe('exit code 3 is documented for every check', () => {
  // the commands whose tests (report, coverage.test.ts, guide.test.ts) see exit 3
  const checks = ['pm report --check', 'pm coverage --check', 'pm guide check'];
  it.each(['docs/reference.md', 'README.md'])('%s', (file) => {
    for (const check of checks) expect(row3(file)).toContain(`\`${check}\``);
  });
});
