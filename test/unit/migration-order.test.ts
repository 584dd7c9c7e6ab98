// Migrations land from parallel work, sometimes out of their numbers' order. A journal runs those
// numbered above its user_version, in the list's order, and SCHEMA_VERSION is the list's last: the
// list must grow strictly and name every file of migrations/ (the fresh schema a new journal gets is
// built from the files), or a journal would skip one or be called "newer than this pm".
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations.js';

const DIR = join(import.meta.dirname, '..', '..', 'migrations');

describe('the list of migrations', () => {
  it('grows strictly, ends at SCHEMA_VERSION, and is every numbered file of migrations/', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(SCHEMA_VERSION).toBe(Math.max(...versions));
    const files = readdirSync(DIR)
      .filter((f) => /^\d{4}_.*\.sql$/.test(f))
      .sort();
    expect(MIGRATIONS.map((m) => `${m.name}.sql`)).toEqual(files);
    for (const m of MIGRATIONS) expect(m.name.slice(0, 4)).toBe(String(m.version).padStart(4, '0'));
  });
});
