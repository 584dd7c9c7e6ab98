/** The schema as it now stands, one script for a new journal (see fresh-schema.mjs). */
export function freshSchema(dir?: string): string;
