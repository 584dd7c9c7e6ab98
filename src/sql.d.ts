declare module '*.sql' {
  const sql: string;
  export default sql;
}

/** The schema as it now stands, one script for a new journal (migrations/fresh-schema.mjs). */
declare module 'pm:fresh-schema' {
  const sql: string;
  export default sql;
}
