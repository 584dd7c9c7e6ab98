import { defineConfig } from 'vitest/config';

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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
