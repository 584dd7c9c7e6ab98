// The published JSON Schemas (schema/) cover every command that prints JSON and every version of the
// export format, name the same values as the code, and tell a developer what to do when an output
// grows a key the schema does not list.
import { describe, expect, it } from 'vitest';
import { COMMANDS, DEFAULT_OUTPUTS } from '../../src/cli/commands.js';
import { CHANNELS, INDIRECT_CHANNELS } from '../../src/core/channels.js';
import { ROLES } from '../../src/core/contacts.js';
import { KINDS, OUTCOMES, STATUSES, STRENGTHS } from '../../src/core/hypotheses.js';
import { SEVERITIES } from '../../src/core/pains.js';
import { BASES, CONFIDENCE_LEVELS } from '../../src/core/confidence.js';
import { PROBLEMS } from '../../src/core/guide.js';
import { CONFIG_KEYS } from '../../src/core/config.js';
import { FORMAT_VERSION, READABLE_VERSIONS } from '../../src/core/import-validate.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandSchemas, SCHEMA_DIR, schemaErrors } from '../schemas.js';
import { checkJsonOutput, commandWords } from '../json-output.js';

const journal = JSON.parse(readFileSync(join(SCHEMA_DIR, 'pm-journal.schema.json'), 'utf8'));
const output = JSON.parse(readFileSync(join(SCHEMA_DIR, 'output.schema.json'), 'utf8'));
const enumOf = (def: { enum: unknown[] }) => def.enum.filter((v) => v !== null);

describe('the JSON Schemas', () => {
  it('name a schema for every command that prints JSON, and only for those', () => {
    const printsJson: string[] = [];
    for (const c of COMMANDS) {
      const json = (c.outputs ?? DEFAULT_OUTPUTS).includes('json');
      if (c.action && json) printsJson.push(c.name);
      for (const s of c.subcommands ?? []) if (s.action && json) printsJson.push(`${c.name} ${s.name}`);
    }
    expect(Object.keys(commandSchemas()).sort()).toEqual(printsJson.sort());
    for (const ref of Object.values(commandSchemas())) expect(() => schemaErrors({}, ref)).not.toThrow();
  });

  it('have a schema for every version import reads, and export writes the one commands.json names', () => {
    for (const v of READABLE_VERSIONS) {
      const pinned = JSON.parse(readFileSync(join(SCHEMA_DIR, `pm-journal.v${v}.schema.json`), 'utf8'));
      expect(pinned.properties.version.const).toBe(v);
    }
    expect(journal.properties.version.enum).toEqual([...READABLE_VERSIONS]);
    expect(commandSchemas().export).toBe(`pm-journal.v${FORMAT_VERSION}.schema.json`);
  });

  it('list the same values as the code', () => {
    const d = journal.$defs;
    expect(d.channel.enum).toEqual([...CHANNELS]);
    expect(d.indirectChannel.enum).toEqual([...INDIRECT_CHANNELS]);
    expect(d.role.enum).toEqual([...ROLES]);
    expect(enumOf(d.contact.properties.role)).toEqual([...ROLES]);
    expect(d.kind.enum).toEqual([...KINDS]);
    expect(enumOf(d.hypothesis.properties.kind)).toEqual([...KINDS]);
    expect(d.severity.enum).toEqual([...SEVERITIES]);
    expect(enumOf(d.painObject.properties.severity)).toEqual([...SEVERITIES]);
    expect(d.strength.enum).toEqual([...STRENGTHS]);
    expect(enumOf(d.evidence.properties.strength)).toEqual([...STRENGTHS]);
    expect(d.basis.enum).toEqual([...BASES]);
    expect(enumOf(d.evidence.properties.basis)).toEqual([...BASES]);
    expect(d.outcomeKind.enum).toEqual([...OUTCOMES]);
    expect(Object.keys(d.config.properties).sort()).toEqual([...CONFIG_KEYS].sort());
    const o = output.$defs;
    expect(o.status.enum).toEqual([...STATUSES]);
    expect(o.confidenceLevel.enum).toEqual([...CONFIDENCE_LEVELS]);
    expect(o.guideCheck.items.properties.problems.items.properties.kind.enum).toEqual([...PROBLEMS]);
    expect(o.config.required).toEqual([...CONFIG_KEYS]);
  });

  it('say which key of which output is not in its schema, and what to do', () => {
    const hypothesis = {
      uuid: '0190a000-0000-7000-8000-000000000007',
      id: 'H1',
      statement: 'Finance teams want faster exports',
      kind: 'value',
      criteria: null,
      createdOn: '2026-11-01',
      decideBy: '2026-12-01',
      tags: [],
      revisions: [],
      by: 'Dana',
      bet: null,
      status: 'open',
      ageDays: 19,
      supports: 0,
      refutes: 0,
      customersSupporting: 0,
      customersRefuting: 0,
      lastEvidence: null,
      flags: ['no-evidence'],
      accountsSupporting: 0,
      accountsRefuting: 0,
      otherSupports: 0,
      otherRefutes: 0,
      decision: null,
      confidence: { level: 'none', score: 0, refutedAt: null },
      opportunityUuids: [],
      opportunities: [],
    };
    const args = ['hyp', 'add', 'Finance teams want faster exports', '--json'];
    expect(() => checkJsonOutput(args, { code: 0, out: JSON.stringify(hypothesis) }, undefined)).not.toThrow();
    const grown = JSON.stringify({ ...hypothesis, interviewGuide: 'G1' });
    expect(() => checkJsonOutput(args, { code: 0, out: grown }, undefined)).toThrow(
      /pm hyp add .*--json: the JSON on stdout does not match schema\/output\.schema\.json#\/\$defs\/hypothesis:\n {2}the output has the key "interviewGuide", which schema\/output\.schema\.json#\/\$defs\/hypothesis does not list .*add it to the schema/,
    );
    // published, the schemas allow keys a later pm adds
    expect(schemaErrors(JSON.parse(grown), 'output.schema.json#/$defs/hypothesis', 'open')).toBeNull();
    // a list says which item
    expect(() => checkJsonOutput(['hyp', 'list', '--json'], { code: 0, out: `[${grown}]` }, undefined)).toThrow(
      /\/0 has the key "interviewGuide"/,
    );
    // a value outside the schema's list
    const flagged = JSON.stringify({ ...hypothesis, flags: ['no-evidnce'] });
    expect(() => checkJsonOutput(args, { code: 0, out: flagged }, undefined)).toThrow(
      /\/flags\/0 must be equal to one/,
    );
    // a word that names no command is left alone
    expect(() => checkJsonOutput(['opp', 'list', '--json'], { code: 0, out: '[]' }, undefined)).not.toThrow();
    expect(commandWords(['--db', 'x.db', 'hyp', '--json', 'list'])).toEqual(['hyp', 'list']);
    expect(commandWords(['ls', '--json'])).toEqual(['interviews']);
  });
});
