// Text made at first use rather than at module load (src/core/once.ts, src/sql.d.ts): the lazy
// forms must answer what the plain ones did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { once } from '../../src/core/once.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('text made at first use', () => {
  it("each migration's SQL is its file's text, the same at every read", () => {
    for (const m of MIGRATIONS) {
      const file = readFileSync(join(ROOT, 'migrations', `${m.name}.sql`), 'utf8');
      expect(m.sql).toBe(file);
      expect(m.sql).toBe(file);
    }
  });

  it('once() makes its value at the first call only, and keeps it', () => {
    let made = 0;
    const value = once(() => {
      made++;
      return /\p{L}+/gu;
    });
    expect(made).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(made).toBe(1);
    expect('José Peña'.match(first)).toEqual(['José', 'Peña']);
  });
});
