import { defineConfig } from 'vitest/config';

// Tests run in UTC unless TZ says otherwise, and every test process inherits it: in-process runs
// of pm share their process's time zone (test/helpers.ts), spawned ones get TZ from the sandbox.
process.env.TZ ??= 'UTC';

export default defineConfig({
  plugins: [
    {
      // migrations/*.sql are imported as text, as esbuild's text loader does for the build
      name: 'sql-as-text',
      transform(code: string, id: string) {
        if (id.endsWith('.sql')) return { code: `export default ${JSON.stringify(code)};`, map: null };
        return undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
