import { describe, expect, it } from 'vitest';
import { validateDocument, type ExistsInJournal } from '../../src/core/import-validate.js';

const A = '01900000-0000-7000-8000-00000000a001';
const C = '01900000-0000-7000-8000-00000000c001';
const I = '01900000-0000-7000-8000-00000000e001';
const H = '01900000-0000-7000-8000-00000000f001';
const O = '01900000-0000-7000-8000-00000000b001';

function minimal(): any {
  return {
    format: 'pm-journal',
    version: 1,
    accounts: [{ uuid: A, name: 'Acme' }],
    contacts: [{ uuid: C, name: 'Jane', accountUuid: A }],
    interviews: [
      {
        uuid: I,
        date: '2026-11-02',
        channel: 'call',
        contactUuids: [C],
        accountUuid: A,
        summary: 'Hi',
        extra: { nested: true },
      },
    ],
    hypotheses: [{ uuid: H, statement: 'We believe', createdOn: '2026-11-01', decideBy: '2026-11-29' }],
    evidence: [{ interviewUuid: I, hypothesisUuid: H, direction: 'supports' }],
  };
}

function error(doc: unknown, exists?: ExistsInJournal): string {
  try {
    validateDocument(doc, exists);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('no error');
}

describe('validateDocument', () => {
  it('fills absent optional values with null, [] and defaults, and ignores unknown keys', () => {
    const doc = validateDocument(minimal());
    expect(doc.accounts[0]).toEqual({ uuid: A, name: 'Acme', segment: null, cadenceDays: null });
    expect(doc.contacts[0]).toEqual({
      uuid: C,
      name: 'Jane',
      email: null,
      accountUuid: A,
      role: 'customer',
      segment: null,
      persona: null,
    });
    expect(doc.interviews[0]).toEqual({
      uuid: I,
      id: null,
      date: '2026-11-02',
      channel: 'call',
      contactUuids: [C],
      accountUuid: A,
      source: null,
      by: null,
      minutes: null,
      summary: 'Hi',
      notes: null,
      pains: [],
      quotes: [],
      tags: [],
      followUp: null,
      followUpDone: false,
      stage: null,
    });
    expect(doc.hypotheses[0]).toMatchObject({ kind: 'value', criteria: null, tags: [], revisions: [], bet: null });
    expect(doc.evidence[0].strength).toBe('medium');
    expect(doc.evidence[0].basis).toBe('said');
    expect(doc.outcomes).toEqual([]);
    expect(doc.opportunities).toEqual([]);
    expect(doc.hypotheses[0].opportunityUuids).toEqual([]);
    expect(doc.config).toEqual({});
  });

  it('takes named opportunities and the hypotheses made for them (version 2)', () => {
    const d = minimal();
    d.version = 2;
    d.opportunities = [{ uuid: O.toUpperCase(), name: 'slow export', aliases: ['export too slow'] }];
    d.hypotheses[0].opportunityUuids = [O, O.toUpperCase()];
    const doc = validateDocument(d);
    expect(doc.opportunities).toEqual([{ uuid: O, name: 'slow export', aliases: ['export too slow'] }]);
    expect(doc.hypotheses[0].opportunityUuids).toEqual([O]);
  });

  it('accepts references to records that only the journal has', () => {
    const doc = {
      format: 'pm-journal',
      version: 1,
      evidence: [{ interviewUuid: I, hypothesisUuid: H, direction: 'refutes', strength: 'weak' }],
    };
    expect(error(doc)).toMatch(/^evidence\[0\]: interviewUuid .* is neither in the file nor in the journal/);
    const asked: string[] = [];
    const validated = validateDocument(doc, (table, uuid) => {
      asked.push(`${table} ${uuid}`);
      return true;
    });
    expect(validated.evidence).toHaveLength(1);
    expect(asked).toEqual([`interviews ${I}`, `hypotheses ${H}`]);
  });

  it('cadenceDays is null, "off" or at least one day', () => {
    for (const ok of [null, 'off', 7]) {
      const d = minimal();
      d.accounts[0].cadenceDays = ok;
      expect(validateDocument(d).accounts[0].cadenceDays).toBe(ok);
    }
    for (const bad of [0, -3, 1.5, 'never', '7']) {
      const d = minimal();
      d.accounts[0].cadenceDays = bad;
      expect(error(d)).toMatch(/^accounts\[0\] \(uuid .*\): cadenceDays/);
    }
  });

  it('takes known settings, validated, never user.name', () => {
    const d = minimal();
    d.config = { 'cadence.target': 2, 'week.start': 'sunday', 'user.name': 'Someone', 'future.key': [1] };
    expect(validateDocument(d).config).toEqual({ 'cadence.target': 2, 'week.start': 'sunday' });
    d.config = { 'week.start': 'friday' };
    expect(error(d)).toMatch(/^config: week.start must be monday or sunday/);
  });

  it('names the record and the field in every error', () => {
    const cases: [(d: any) => void, RegExp][] = [
      [
        (d) => (d.hypotheses[0].revisions = [{ date: '2026-11-02', field: 'kind' }]),
        /^hypotheses\[0\] \(uuid .*\): revisions\[0\]: field "kind" is not one of statement, criteria/,
      ],
      [(d) => (d.interviews[0].minutes = -1), /^interviews\[0\] .*minutes -1 must be a whole number of at least 0/],
      [(d) => (d.interviews[0].followUp = '2026-13-01'), /followUp "2026-13-01" is not a date/],
      [(d) => (d.interviews[0].followUpDone = 'yes'), /followUpDone "yes" must be true or false/],
      [(d) => (d.interviews[0].tags = ['ok', 5]), /tags\[1\] must be text, not 5/],
      [(d) => (d.interviews[0].quotes = ['q'.repeat(501)]), /quotes\[0\] is longer than 500 characters/],
      [
        (d) => (d.contacts[0].uuid = 'not-a-uuid'),
        /^contacts\[0\] \(uuid not-a-uuid\): uuid "not-a-uuid" is not a UUID/,
      ],
      [(d) => (d.accounts = {}), /^accounts: must be a list/],
      [(d) => (d.interviews[0] = 'I1'), /^interviews\[0\]: must be an object/],
      [(d) => (d.interviews[0].summary = '   '), /summary is empty/],
      [(d) => (d.interviews[0].summary = 'bad \uD800 surrogate'), /summary is not valid UTF-8/],
      [(d) => (d.version = '1'), /^the file: version is "1", not one of 1, 2/],
      [(d) => (d.interviews[0].pains = [{ severity: 'high' }]), /^interviews\[0\] .*: pains\[0\]: text is missing/],
      [(d) => (d.interviews[0].pains = [{ text: 'x', severity: 'HIGH' }]), /pains\[0\]: severity "HIGH" is not one of/],
      [(d) => (d.interviews[0].pains = [7]), /pains\[0\] must be text, not 7/],
      [
        (d) => (d.hypotheses[0].opportunityUuids = [O]),
        /^hypotheses\[0\] .*: opportunityUuids .* is neither in the file nor in the journal/,
      ],
      [(d) => (d.hypotheses[0].opportunityUuids = 'x'), /opportunityUuids must be a list/],
      // as pm hyp add and edit refuse it (fresh-eyes wave 19 H12)
      [
        (d) => (d.hypotheses[0].decideBy = '2020-01-01'),
        /^hypotheses\[0\] .*: decideBy 2020-01-01 is before the hypothesis was created \(2026-11-01\)/,
      ],
      [(d) => (d.opportunities = [{ uuid: O, aliases: [] }]), /^opportunities\[0\] .*: name is missing/],
      [
        (d) =>
          (d.opportunities = [
            { uuid: O, name: 'slow export', aliases: ['export too slow'] },
            { uuid: H.replace('f001', 'f002'), name: 'Export  TOO slow' },
          ]),
        /^opportunities\[1\] .*: "Export {2}TOO slow" is already a name of another opportunity in the file/,
      ],
    ];
    for (const [spoil, message] of cases) {
      const d = minimal();
      spoil(d);
      expect(error(d)).toMatch(message);
    }
  });

  it('lower-cases UUIDs so that the same record is found however it was written', () => {
    const d = minimal();
    d.accounts[0].uuid = A.toUpperCase();
    const doc = validateDocument(d);
    expect(doc.accounts[0].uuid).toBe(A);
    expect(doc.interviews[0].accountUuid).toBe(A);
  });
});
