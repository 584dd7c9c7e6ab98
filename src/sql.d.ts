// SQL text read when called (esbuild.config.mjs, vitest.config.ts), only when a
// journal is created or migrated: the build reads it then from dist/sql/, so that no start reads the
// ~260 KB of schema history, and no code cache holds it (a string in code that runs is compiled into
// the cache and read back at every start).
/** The schema as it now stands, one script for a new journal (migrations/fresh-schema.mjs). */
declare module 'pm:fresh-schema' {
  const sql: () => string;
  export default sql;
}

/** A schema file's text, by its name (`0001_init.sql`): dist/sql/ in the build, migrations/ in tests. */
declare module 'pm:sql-file' {
  export const sqlFile: (name: string) => string;
}
