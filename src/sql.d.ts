// SQL text as a function that returns it (esbuild.config.mjs, vitest.config.ts), called only when a
// journal is created or migrated: the build reads it then from dist/sql/, so that no start reads the
// ~260 KB of schema history, and no code cache holds it (a string in code that runs is compiled into
// the cache and read back at every start).
declare module '*.sql' {
  const sql: () => string;
  export default sql;
}

/** The schema as it now stands, one script for a new journal (migrations/fresh-schema.mjs). */
declare module 'pm:fresh-schema' {
  const sql: () => string;
  export default sql;
}
