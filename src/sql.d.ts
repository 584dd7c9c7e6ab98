// Text embedded in the build as a function that returns it (esbuild.config.mjs, vitest.config.ts):
// a string literal in code that runs at every start is compiled into pm's code cache and read back
// at each start (the migrations and the fresh schema: ~200 KB of a 550 KB cache); one inside a
// function nobody calls stays in the bundle's text, untouched, until a journal is created or migrated.
declare module '*.sql' {
  const sql: () => string;
  export default sql;
}

/** The schema as it now stands, one script for a new journal (migrations/fresh-schema.mjs). */
declare module 'pm:fresh-schema' {
  const sql: () => string;
  export default sql;
}
