// Property tests of the import validator (fast-check): every well-formed document is accepted with
// its text verbatim and validates to itself again; every single flaw is refused as a usage error
// naming the record; and nothing at all, however malformed, makes it throw anything else.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateDocument } from '../../src/core/import-validate.js';
import { cleanName } from '../../src/core/identity.js';
import { ROLES } from '../../src/core/contacts.js';
import { CHANNELS as CHANNEL_NAMES } from '../../src/core/channels.js';
import { KINDS, OUTCOMES, STRENGTHS } from '../../src/core/hypotheses.js';
import { UsageError } from '../../src/errors.js';
import { SEVERITIES } from '../../src/core/pains.js';

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const uuid = fc.tuple(hex(8), hex(4), hex(3), hex(3), hex(12)).map(([a, b, c, d, e]) => `${a}-${b}-7${c}-8${d}-${e}`);
const day = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/**
 * text a user may store: any well-formed Unicode but NUL (SQL, markdown, escapes, emoji, RTL…), not blank,
 * and not invisible characters alone (a name or tag of nothing else is empty once cleaned: issue 16)
 */
const text = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) })
    .map((s) => s.replaceAll('\0', '').replaceAll('\uFFFD', ''))
    .filter((s) => s.trim() !== '' && cleanName(s) !== '' && [...s].length <= max);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** A well-formed document: 1–3 accounts, contacts in them, interviews of them, hypotheses, evidence, outcomes. */
const documentArb = fc
  .record({
    accounts: fc.uniqueArray(uuid, { minLength: 1, maxLength: 3 }),
    contacts: fc.uniqueArray(uuid, { minLength: 1, maxLength: 4 }),
    interviews: fc.uniqueArray(uuid, { minLength: 1, maxLength: 4 }),
    hypotheses: fc.uniqueArray(uuid, { minLength: 1, maxLength: 3 }),
    outcomes: fc.uniqueArray(uuid, { maxLength: 3 }),
    seed: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    texts: fc.array(text(500), { minLength: 12, maxLength: 12 }),
    notes: optional(
      fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replaceAll('\0', '').replaceAll('\uFFFD', '')),
    ),
    dates: fc.array(day, { minLength: 6, maxLength: 6 }),
  })
  .map(({ accounts, contacts, interviews, hypotheses, outcomes, seed, texts, notes, dates }) => {
    // every id is unique across the whole document, as UUIDs are
    const all = new Set([...accounts, ...contacts, ...interviews, ...hypotheses, ...outcomes]);
    if (all.size !== accounts.length + contacts.length + interviews.length + hypotheses.length + outcomes.length)
      return undefined;
    const pick = <T>(list: readonly T[], k: number) => list[seed[k % seed.length] % list.length];
    const accountOf = (c: number) => pick(accounts, c);
    // version 1 (pains as text) or 2 (pains with a severity)
    const version = (seed[0] % 2) + 1;
    return {
      format: 'pm-journal',
      version,
      exportedAt: '2026-11-20T09:00:00Z',
      config: { 'cadence.days': 7 },
      accounts: accounts.map((u, i) => ({
        uuid: u,
        name: `${texts[0]} ${i}`,
        segment: i % 2 ? texts[1] : null,
        cadenceDays: [null, 'off', 30][i % 3],
      })),
      contacts: contacts.map((u, i) => ({
        uuid: u,
        name: texts[2],
        email: i % 2 ? `p${i}@x.test` : null,
        accountUuid: accountOf(i),
        role: pick(ROLES, i),
        segment: null,
      })),
      interviews: interviews.map((u, i) => ({
        uuid: u,
        id: `I${i + 1}`,
        date: dates[i % dates.length],
        channel: pick(CHANNEL_NAMES, i + 3),
        contactUuids: [contacts[i % contacts.length]],
        accountUuid: accountOf(i % contacts.length),
        by: i % 2 ? texts[3] : null,
        minutes: i % 2 ? seed[i] % 240 : null,
        summary: texts[4],
        notes,
        pains: version === 1 ? [texts[5]] : [{ text: texts[5], severity: pick(SEVERITIES, i + 5) }],
        quotes: i % 2 ? [texts[6], texts[7]] : [],
        tags: [texts[8]],
        followUp: i % 2 ? dates[(i + 1) % dates.length] : null,
        followUpDone: i % 3 === 0,
      })),
      hypotheses: hypotheses.map((u, i) => ({
        uuid: u,
        id: `H${i + 1}`,
        statement: texts[9],
        kind: pick(KINDS, i + 7),
        criteria: i % 2 ? texts[10] : null,
        // a deadline on or after the day it was made, as pm hyp add holds it (fresh-eyes wave 19 H12)
        createdOn: dates[0] < dates[1] ? dates[0] : dates[1],
        decideBy: dates[0] < dates[1] ? dates[1] : dates[0],
        tags: [texts[8]],
        revisions: i % 2 ? [{ date: dates[2], field: 'statement', before: 'old', after: texts[9] }] : [],
      })),
      evidence: interviews.slice(0, hypotheses.length).map((u, i) => ({
        interviewUuid: u,
        hypothesisUuid: hypotheses[i],
        direction: i % 2 ? 'refutes' : 'supports',
        strength: pick(STRENGTHS, i + 11),
      })),
      outcomes: outcomes.map((u, i) => ({
        uuid: u,
        hypothesisUuid: pick(hypotheses, i + 13),
        outcome: pick(OUTCOMES, i + 17),
        date: dates[3],
        reason: texts[11],
      })),
    };
  })
  .filter((doc): doc is NonNullable<typeof doc> => doc !== undefined);

/** One flaw that makes a document bad, and the record its error must name. */
type Flaw = { name: string; apply(doc: any): void; names: RegExp };
const FLAWS: Flaw[] = [
  { name: 'impossible date', apply: (d) => (d.interviews[0].date = '2026-02-30'), names: /^interviews\[0\] .*date/ },
  {
    name: 'date in another form',
    apply: (d) => ((d.outcomes.length ? d.outcomes[0] : d.interviews[0]).date = '20/11/2026'),
    names: /^(outcomes|interviews)\[0\] .*date/,
  },
  { name: 'unknown channel', apply: (d) => (d.interviews[0].channel = 'fax'), names: /^interviews\[0\] .*channel/ },
  { name: 'unknown role', apply: (d) => (d.contacts[0].role = 'boss'), names: /^contacts\[0\] .*role/ },
  {
    name: 'a deadline before its creation',
    apply: (d) => (d.hypotheses[0].decideBy = '1989-12-31'),
    names: /^hypotheses\[0\] .*decideBy 1989-12-31 is before the hypothesis was created/,
  },
  { name: 'unknown kind', apply: (d) => (d.hypotheses[0].kind = 'moral'), names: /^hypotheses\[0\] .*kind/ },
  { name: 'unknown strength', apply: (d) => (d.evidence[0].strength = 'huge'), names: /^evidence\[0\]: strength/ },
  {
    name: 'dangling account',
    apply: (d) => (d.contacts[0].accountUuid = '00000000-0000-7000-8000-000000000000'),
    names: /^contacts\[0\] .*accountUuid .* neither in the file nor in the journal/,
  },
  {
    name: 'dangling contact',
    apply: (d) => d.interviews[0].contactUuids.push('00000000-0000-7000-8000-000000000000'),
    names: /^interviews\[0\] .*contactUuids/,
  },
  {
    name: 'dangling hypothesis',
    apply: (d) => (d.evidence[0].hypothesisUuid = '00000000-0000-7000-8000-000000000000'),
    names: /^evidence\[0\]: hypothesisUuid/,
  },
  {
    name: 'summary over its limit',
    apply: (d) => (d.interviews[0].summary = 'x'.repeat(1001)),
    names: /^interviews\[0\] .*summary is longer/,
  },
  { name: 'NUL in a quote', apply: (d) => (d.interviews[0].quotes = ['a\u0000b']), names: /^interviews\[0\] .*NUL/ },
  { name: 'lone surrogate in a name', apply: (d) => (d.accounts[0].name = 'x\uD800'), names: /^accounts\[0\] .*UTF-8/ },
  {
    name: 'empty statement',
    apply: (d) => (d.hypotheses[0].statement = '  '),
    names: /^hypotheses\[0\] .*statement is empty/,
  },
  { name: 'negative minutes', apply: (d) => (d.interviews[0].minutes = -1), names: /^interviews\[0\] .*minutes/ },
  {
    name: 'a number for text',
    apply: (d) => (d.interviews[0].summary = 42),
    names: /^interviews\[0\] .*summary must be text/,
  },
  { name: 'a duplicate uuid', apply: (d) => d.accounts.push({ ...d.accounts[0] }), names: /^accounts\[\d+\] .*twice/ },
  {
    name: 'not a uuid',
    apply: (d) => (d.hypotheses[0].uuid = 'H1'),
    names: /^hypotheses\[0\] .*uuid "H1" is not a UUID/,
  },
  { name: 'a section that is not a list', apply: (d) => (d.outcomes = {}), names: /^outcomes: must be a list/ },
  { name: 'wrong format', apply: (d) => (d.format = 'jrnl'), names: /^the file: format/ },
  { name: 'newer version', apply: (d) => (d.version = 3), names: /^the file: format version 3/ },
  {
    name: 'unknown severity',
    apply: (d) => (d.interviews[0].pains = [{ text: 'slow', severity: 'urgent' }]),
    names: /^interviews\[0\] .*pains\[0\]: severity "urgent" is not one of low, medium, high, blocker/,
  },
];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('validateDocument, for any document', () => {
  it('accepts every well-formed document, text verbatim, and validates its own result to itself', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const checked = validateDocument(structuredClone(doc));
        // a version-1 pain is text: a pain of medium severity
        const pains = (i: (typeof doc.interviews)[number]) =>
          i.pains.map((p) => (typeof p === 'string' ? { text: p, severity: 'medium' } : p));
        expect(checked.interviews.map((i) => [i.summary, i.notes, i.pains, i.quotes, i.tags])).toEqual(
          // tags are stored as names are: NFC, without invisible characters (src/core/identity.ts)
          doc.interviews.map((i) => [i.summary, i.notes, pains(i), i.quotes, i.tags.map(cleanName)]),
        );
        expect(checked.contacts.map((c) => c.name)).toEqual(doc.contacts.map((c) => cleanName(c.name)));
        expect(checked.version).toBe(2);
        expect(checked.hypotheses.map((h) => h.statement)).toEqual(doc.hypotheses.map((h) => h.statement));
        expect(checked.outcomes.map((o) => o.reason)).toEqual(doc.outcomes.map((o) => o.reason));
        expect(validateDocument(JSON.parse(JSON.stringify(checked)))).toEqual(checked);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses any one flaw as a usage error that names the record, whatever else the document holds', () => {
    fc.assert(
      fc.property(documentArb, fc.constantFrom(...FLAWS), (doc, flaw) => {
        const bad = structuredClone(doc);
        flaw.apply(bad);
        const err = thrown(() => validateDocument(bad));
        expect(err, flaw.name).toBeInstanceOf(UsageError);
        expect((err as Error).message, flaw.name).toMatch(flaw.names);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but a usage error, whatever JSON it is given', () => {
    const near = documentArb.chain((doc) =>
      fc
        .tuple(
          fc.constantFrom('accounts', 'contacts', 'interviews', 'hypotheses', 'evidence', 'outcomes'),
          fc.jsonValue(),
        )
        .map(([section, junk]) => {
          const d: any = structuredClone(doc);
          if (
            Array.isArray(d[section]) &&
            d[section].length &&
            junk &&
            typeof junk === 'object' &&
            !Array.isArray(junk)
          )
            Object.assign(d[section][0], junk);
          else d[section] = junk;
          return d;
        }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), near), (value) => {
        const err = thrown(() => validateDocument(value));
        if (err !== undefined) expect(err).toBeInstanceOf(UsageError);
      }),
      { numRuns: 400 },
    );
  });
});
