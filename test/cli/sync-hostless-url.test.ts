// libpq's host-less URL (postgres:///team, the host and port from PGHOST and PGPORT, as psql takes it)
// is a URL pm sync takes (fresh-eyes wave 15 H15 found it refused as "not a PostgreSQL URL"): stored
// as given, and each sync reads the environment it runs with (a real PostgreSQL, test/pg.ts).
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals();

describe('pm sync init postgres:///db', () => {
  it('connects through PGHOST, PGPORT and PGUSER, and syncs', async () => {
    const url = new URL(await t.postgres());
    const env = {
      PGHOST: url.hostname,
      PGPORT: url.port,
      PGUSER: decodeURIComponent(url.username),
      PGPASSWORD: process.env.PM_TEST_PGPASSWORD ?? '',
    };
    const hostless = `postgres://${url.pathname}`;
    expect(hostless).toMatch(/^postgres:\/\/\/\w+$/);
    t.pm('a', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'a call']);
    const pm = (args: string[]) => t.box.pm(['--db', t.file('a'), ...args], { env });
    const init = pm(['sync', 'init', hostless]);
    expect(init.code, init.err).toBe(0);
    expect(pm(['sync']).code).toBe(0);
    expect(JSON.parse(pm(['sync', 'status', '--json']).out).url).toBe(hostless);
  });
});
