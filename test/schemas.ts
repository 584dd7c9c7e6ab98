// The published JSON Schemas (schema/) as the tests use them, with ajv (draft 2020-12, formats from
// ajv-formats). Two views of the same files:
// - `open`: as published. Unknown keys are allowed (the contract's "more keys welcome"), so a
//   script's validation does not break when pm adds a key. The import property test uses this one.
// - `closed`: every object must list every key it has (unevaluatedProperties: false, added where an
//   object is used). The in-process runner checks every --json output and JSON export of the suites
//   against it (checkJsonOutput), so a key added to an output without its schema fails the test
//   that printed it, naming the key and the schema to add it to.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

export const SCHEMA_DIR = resolve(import.meta.dirname, '..', 'schema');
const BASE = 'https://pm.invalid/schema/';

type Json = Record<string, unknown>;

function loadSchemas(): Json[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as Json);
}

/** Which schema each command's JSON output follows (schema/commands.json): "hyp list" → reference. */
let index: Record<string, string> | undefined;
export function commandSchemas(): Record<string, string> {
  if (index) return index;
  const all = JSON.parse(readFileSync(join(SCHEMA_DIR, 'commands.json'), 'utf8')) as Record<string, string>;
  index = Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith('$')));
  return index;
}

/**
 * The schema with `unevaluatedProperties: false` on every object schema where an instance is
 * described (a root, a property, an item, a branch of anyOf/oneOf), unless it says what to do with
 * other keys itself. Not on a $defs entry itself: a definition may be extended where it is used
 * (`{ "$ref": "#/$defs/interview", "properties": { "snippet": … } }`), and the use closes it. Not
 * inside `if` or `not`, whose meaning would change, nor on `then`/`else`, which describe part of
 * an object.
 */
export function closed(schema: unknown, mark = true): unknown {
  if (Array.isArray(schema)) return schema.map((s) => closed(s, mark));
  if (schema === null || typeof schema !== 'object') return schema;
  const node = { ...(schema as Json) };
  for (const key of ['properties', '$defs', 'patternProperties']) {
    const map = node[key] as Json | undefined;
    if (map) node[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, closed(v, key !== '$defs')]));
  }
  for (const key of ['items', 'additionalProperties', 'contains'])
    if (node[key] !== undefined && typeof node[key] === 'object') node[key] = closed(node[key]);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'])
    if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map((s) => closed(s));
  for (const key of ['then', 'else']) if (node[key] !== undefined) node[key] = closed(node[key], false);
  const describesObject = node.properties !== undefined || node.$ref !== undefined;
  if (mark && describesObject && node.additionalProperties === undefined && node.unevaluatedProperties === undefined)
    node.unevaluatedProperties = false;
  return node;
}

function makeAjv(schemas: Json[]): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    inlineRefs: false,
  });
  formats.default(ajv);
  for (const s of schemas) ajv.addSchema(s);
  return ajv;
}

let ajvs: { open: Ajv2020; closed: Ajv2020 } | undefined;
function instances() {
  if (!ajvs) {
    const schemas = loadSchemas();
    ajvs = { open: makeAjv(schemas), closed: makeAjv(schemas.map((s) => closed(s) as Json)) };
  }
  return ajvs;
}

const compiled = new Map<string, ValidateFunction>();

/** A validator for a reference relative to schema/ ("output.schema.json#/$defs/report"). */
export function validator(ref: string, view: 'open' | 'closed' = 'closed'): ValidateFunction {
  const key = `${view} ${ref}`;
  let v = compiled.get(key);
  if (v === undefined) {
    const ajv = instances()[view];
    // a wrapper, so that the definition itself is a use (and closed in the closed view)
    const wrapper = view === 'closed' ? { $ref: BASE + ref, unevaluatedProperties: false } : { $ref: BASE + ref };
    v = ajv.compile(wrapper);
    compiled.set(key, v);
  }
  return v;
}

/** The definition a reference names, as published. */
const files = new Map<string, Json>();
function definition(ref: string): Json {
  const [file, pointer = ''] = ref.split('#');
  let node = files.get(file);
  if (node === undefined) {
    node = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Json;
    files.set(file, node);
  }
  for (const part of pointer.split('/').filter(Boolean)) node = node[part] as Json;
  return node;
}

/** One error as a person reads it: where, and what to do. */
function describe(e: ErrorObject, ref: string): string {
  const at = e.instancePath === '' ? 'the output' : e.instancePath;
  if (e.keyword === 'unevaluatedProperties')
    return (
      `${at} has the key "${e.params.unevaluatedProperty}", which schema/${ref} does not list ` +
      `(${e.schemaPath.replace(/\/unevaluatedProperties$/, '')}): add it to the schema (docs/reference.md, "JSON Schemas")`
    );
  if (e.keyword === 'required')
    return `${at} lacks the key "${e.params.missingProperty}", which schema/${ref} requires (${e.schemaPath})`;
  return `${at} ${e.message} (${e.schemaPath}${e.keyword === 'enum' ? `: ${JSON.stringify(e.params.allowedValues)}` : ''})`;
}

/**
 * Validate `value` against `ref`: null when it conforms, else the reasons. A union (an anyOf of
 * references, like `show`'s) is checked branch by branch, and the branch that comes closest speaks.
 */
export function schemaErrors(value: unknown, ref: string, view: 'open' | 'closed' = 'closed'): string[] | null {
  const def = definition(ref);
  const branches = Array.isArray(def.anyOf) && (def.anyOf as Json[]).every((b) => typeof b.$ref === 'string');
  const [file] = ref.split('#');
  const refs = branches ? (def.anyOf as Json[]).map((b) => resolveRef(file, b.$ref as string)) : [ref];
  let best: string[] | null = null;
  for (const r of refs) {
    const v = validator(r, view);
    if (v(value)) return null;
    const errors = (v.errors ?? []).map((e) => describe(e, r));
    if (best === null || errors.length < best.length) best = errors;
  }
  return best;
}

function resolveRef(file: string, ref: string): string {
  return ref.startsWith('#') ? `${file}${ref}` : ref;
}
