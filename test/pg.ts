// A PostgreSQL database of its own for a test of `pm sync`, on the server test/pg-setup.ts started
// for the run. A test that cannot get one fails (it never passes without a database).
import pg from 'pg';

export interface TestDatabase {
  /** what pm sync init takes (no password: the env gives it, as PGPASSWORD) */
  url: string;
  /** PGPASSWORD and the like, for the environment pm runs with */
  env: NodeJS.ProcessEnv;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function server(): { url: URL; password: string } {
  const url = process.env.PM_TEST_PGURL;
  if (!url) throw new Error(process.env.PM_TEST_PGERROR ?? 'no PostgreSQL for this test run (test/pg-setup.ts)');
  return { url: new URL(url), password: process.env.PM_TEST_PGPASSWORD ?? '' };
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const { url, password } = server();
  const client = new pg.Client({
    host: url.hostname,
    port: Number(url.port),
    user: url.username,
    password,
    database,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database. */
export async function testDatabase(): Promise<TestDatabase> {
  const { url, password } = server();
  const name = `pm_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    url: dbUrl.toString(),
    env: { PGPASSWORD: password },
    query: (sql, params) => admin(async (c) => (await c.query(sql, params)).rows, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
