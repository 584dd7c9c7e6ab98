// Issue 16, privacy: an erased person stays erased across journals (finding 1), erasure reaches
// every place and every spelling (finding 3), and --redact leaks nothing of a hostile journal
// (finding 4). Each test failed on the code before the issue.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ZELDA = { name: 'Zelda Quux', email: 'zelda.quux@wonka.test' };

/** Every file under `dir` (recursively) that holds one of `needles` as UTF-8 bytes, NFC or NFD. */
function filesHolding(dir: string, needles: string[]): string[] {
  const found: string[] = [];
  const bytes = needles.flatMap((n) => [n.normalize('NFC'), n.normalize('NFD')]).map((n) => Buffer.from(n));
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const content = readFileSync(p);
        for (const b of bytes) if (content.includes(b)) found.push(`${p}: ${b.toString()}`);
      }
    }
  };
  walk(dir);
  return found;
}

function ok(args: string[], db?: string) {
  const r = box.pm(db ? ['--db', db, ...args] : args);
  expect(r.code, `pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r;
}

describe('finding 1: an erased person never comes back through an import', () => {
  it('from a teammate who imported them, nor one who met them under another UUID; a name alone is warned about', () => {
    const dir = (name: string) => {
      mkdirSync(join(box.dir, name), { recursive: true });
      return join(box.dir, name, 'journal.db');
    };
    const alex = box.db;
    const dana = dir('dana');
    const eve = dir('eve');
    const finn = dir('finn');
    ok([
      'log',
      '--with',
      `${ZELDA.name} <${ZELDA.email}>`,
      '--account',
      'Wonka',
      '--summary',
      'Zelda Quux on chocolate audits',
      '--quote',
      'Alex heard the golden ticket line',
      '--date',
      '2026-11-02',
    ]);
    // Dana imported Alex's journal (the same UUID for Zelda), then talked to her again
    ok(['export', '--format', 'json', '--out', join(box.dir, 'alex1.json')]);
    ok(['import', join(box.dir, 'alex1.json')], dana);
    ok(
      [
        'log',
        '--with',
        ZELDA.name,
        '--summary',
        'Follow-up with Zelda about audits',
        '--notes',
        `Zelda Quux (${ZELDA.email}) says Quux family owns Wonka`,
        '--quote',
        'Dana heard the river of cocoa line',
        '--tag',
        'zelda_quux',
        '--date',
        '2026-11-10',
      ],
      dana,
    );
    // Eve met Zelda on her own: another UUID, the same email
    ok(
      [
        'log',
        '--with',
        `Zelda Quux <${ZELDA.email.toUpperCase()}>`,
        '--account',
        'Wonka Inc',
        '--summary',
        'Zelda wants fewer Oompa reports',
        '--quote',
        'Eve heard the everlasting gobstopper line',
        '--date',
        '2026-11-11',
      ],
      eve,
    );
    // Finn met someone of the same name, without an email: maybe her, maybe not
    ok(
      ['log', '--with', 'Zelda Quux', '--account', 'Other Co', '--summary', 'Namesake call', '--date', '2026-11-12'],
      finn,
    );
    for (const [who, db] of [
      ['dana', dana],
      ['eve', eve],
      ['finn', finn],
    ] as const)
      ok(['export', '--format', 'json', '--out', join(box.dir, `${who}.json`)], db);

    ok(['forget', ZELDA.email, '--yes']);
    const fromDana = box.pm(['import', join(box.dir, 'dana.json')]);
    expect(fromDana.code, fromDana.err).toBe(0);
    expect(fromDana.out).toMatch(/Scrubbed of erased people: 1 interview \(1 quote left out, \d+ mentions removed\)/);
    const fromEve = box.json(['import', join(box.dir, 'eve.json')]);
    expect(fromEve.contacts.erased).toBe(1);
    const fromFinn = box.pm(['import', join(box.dir, 'finn.json')]);
    expect(fromFinn.code).toBe(0);
    expect(fromFinn.err).toMatch(/warning: Zelda Quux \(Other Co\) has the name of a person erased with pm forget/);

    // Zelda exists only as Finn's namesake; nothing of her in Alex's journal's files
    expect(
      box.sql("SELECT a.name FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.name = 'Zelda Quux'"),
    ).toEqual([{ name: 'Other Co' }]);
    const alexFiles = join(box.dir, 'alex-files');
    mkdirSync(alexFiles);
    for (const f of readdirSync(box.dir).filter((f) => f.startsWith('journal.db')))
      copyFileSync(join(box.dir, f), join(alexFiles, f));
    expect(
      filesHolding(alexFiles, [
        ZELDA.email,
        'golden ticket',
        'river of cocoa',
        'everlasting gobstopper',
        'zelda_quux',
        'Zelda Quux (',
      ]),
    ).toEqual([]);
    const text = JSON.stringify(box.json(['export', '--format', 'json']).interviews);
    expect(text).not.toMatch(/zelda|quux|golden|cocoa|gobstopper/i);
    expect(alex).toBe(box.db);

    // and the other way: Alex's export erases Eve's own Zelda from Eve's journal, files included
    ok(['export', '--format', 'json', '--out', join(box.dir, 'alex2.json')]);
    const intoEve = box.json(['--db', eve, 'import', join(box.dir, 'alex2.json')]);
    expect(intoEve.contacts.erasedHere).toBe(1);
    expect(filesHolding(join(box.dir, 'eve'), [ZELDA.email, ZELDA.email.toUpperCase(), 'gobstopper'])).toEqual([]);
    // the only Zelda Quux left is Finn's namesake, who came with Alex's export
    expect(
      box
        .json(['--db', eve, 'contacts'])
        .filter((c: any) => /zelda/i.test(c.name))
        .map((c: any) => c.account),
    ).toEqual(['Other Co']);
  });

  it('keeps no name or email of the erased in the journal or its exports: UUIDs and keyed hashes only', () => {
    ok(['log', '--with', `${ZELDA.name} <${ZELDA.email}>`, '--account', 'Wonka', '--summary', 'Hello']);
    ok(['forget', ZELDA.name, '--yes']);
    const doc = box.json(['export', '--format', 'json']);
    expect(doc.forgotten).toHaveLength(1);
    expect(doc.forgotten[0]).toMatchObject({
      emailHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      erasedOn: '2026-11-20',
    });
    expect(doc.privacyKeys).toHaveLength(1);
    expect(JSON.stringify(doc)).not.toMatch(/zelda|quux/i);
    // a redacted export says which UUIDs are erased, but gives nobody a hash to test a guess against
    const redacted = box.json(['export', '--format', 'json', '--redact']);
    expect(redacted.forgotten[0]).toMatchObject({ emailHash: null, nameHash: null, keyId: null });
    expect(redacted.privacyKeys).toEqual([]);
    // naming her again says she is erased already, instead of "no contact named"
    const again = box.pm(['forget', ZELDA.name, '--yes']);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/"Zelda Quux" was erased already on 2026-11-20/);
  });
});

describe('finding 3: erasure reaches tags, hypotheses, outcomes, every spelling, backups and exports', () => {
  it('scrubs them all and names every backup and export pm wrote that still holds the person', () => {
    const nfd = ZELDA.name.normalize('NFD');
    const jose = 'José Peña';
    ok([
      'log',
      '--with',
      `${jose} <jose@pena.test>`,
      '--account',
      'Acme SA',
      '--summary',
      `Call with ${jose.normalize('NFD')} and JOSE PENA, also Ｊｏｓé`,
      '--notes',
      'Jo\u200Bsé said the Peña plan (by José) works',
      '--tag',
      'jose',
      '--tag',
      'jose_pena',
      '--tag',
      'pricing',
      '--quote',
      'Secret numbers',
      '--persona',
      'audit lead',
    ]);
    ok(['hyp', 'add', `${jose} will pay for audits`, '--criteria', `José Peña's team signs`]);
    ok(['hyp', 'link', 'H1', 'I1', '--supports']);
    ok(['hyp', 'bet', 'H1', '--until', '+4w', '--reason', 'José Peña signs in December']);
    ok(['hyp', 'add', 'Buyers like José Peña want exports', '--tag', 'jose-pena']);
    ok(['hyp', 'kill', 'H2', '--reason', `José Peña left; ${nfd} unrelated`]);
    // backups and exports pm wrote, outside the journal's folder too
    const elsewhere = join(box.dir, 'elsewhere');
    mkdirSync(elsewhere);
    ok(['backup', join(elsewhere, 'copy.db')]);
    ok(['export', '--format', 'json', '--out', join(elsewhere, 'team.json')]);
    ok(['export', '--redact', '--out', join(elsewhere, 'shared.md')]);
    // the temporary file of a backup whose pm was killed (SIGKILL) before it renamed it
    const leftover = join(box.dir, `.${basename(box.db)}.backup-2026-11-19.4242.0.tmp`);
    writeFileSync(leftover, 'SQLite format 3\u0000… jose@pena.test …');
    const r = box.pm(['forget', 'jose@pena.test', '--yes', '--json']);
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.backupsStillHolding).toEqual([join(elsewhere, 'copy.db'), leftover]);
    expect(result.exportsStillHolding).toEqual([join(elsewhere, 'team.json')]);
    expect(r.err).toContain(`the backup ${join(elsewhere, 'copy.db')} still holds this person`);
    expect(r.err).toContain(`the export ${join(elsewhere, 'team.json')} still holds this person`);

    const text = JSON.stringify(box.json(['export', '--format', 'json']));
    for (const needle of ['José', 'Jose', 'Peña', 'Pena', 'Ｊｏｓé', 'jose', 'Secret'])
      expect(text.normalize('NFC').toLowerCase(), needle).not.toContain(needle.normalize('NFC').toLowerCase());
    const doc = box.json(['export', '--format', 'json']);
    expect(doc.interviews[0].tags).toEqual(['pricing']);
    expect(doc.hypotheses[0].statement).toBe('[forgotten] will pay for audits');
    expect(doc.hypotheses[0].bet.reason).toBe('[forgotten] signs in December');
    expect(doc.contacts[0]).toMatchObject({ name: 'Forgotten contact', email: null, persona: null });
    expect(doc.hypotheses[1].tags).toEqual([]);
    expect(doc.outcomes[0].reason).toBe(`[forgotten] left; ${nfd} unrelated`);
    for (const f of readdirSync(box.dir).filter((f) => f.startsWith('journal.db')))
      for (const needle of ['Peña', 'jose@pena.test', 'Secret numbers'])
        for (const form of [needle.normalize('NFC'), needle.normalize('NFD')])
          expect(readFileSync(join(box.dir, f)).includes(Buffer.from(form)), `${form} in ${f}`).toBe(false);
    expect(box.json(['doctor']).healthy).toBe(true);
  });
});

describe("erasure reaches the free text outside an interview's body too", () => {
  it("who held a conversation (by), a signal's source, opportunity names and aliases; from an import as well", () => {
    ok([
      'log',
      '--with',
      `${ZELDA.name} <${ZELDA.email}>`,
      '--account',
      'Wonka',
      '--summary',
      'hi',
      '--pain',
      'audits by hand',
    ]);
    ok([
      'log',
      '--channel',
      'support',
      '--source',
      "Zelda Quux's tweet",
      '--by',
      'Zelda Quux',
      '--summary',
      'a tweet',
      '--pain',
      'Zelda Quux wants audits',
    ]);
    // a teammate's source and interviewer named after Zelda Kim are not Zelda Quux
    ok(['log', '--channel', 'review', '--source', 'Zelda K. on G2', '--by', 'Zelda Kim', '--summary', 'a review']);
    ok(['opportunity', 'rename', 'Zelda Quux wants audits', "Zelda Quux's audit ask"]);
    ok(['opportunity', 'merge', 'audits by hand', "Zelda Quux's audit ask"]);
    ok(['export', '--format', 'json', '--out', join(box.dir, 'before.json')]);

    const r = box.json(['forget', ZELDA.email, '--yes']);
    expect(r.otherRecords).toBe(3);
    const doc = box.json(['export', '--format', 'json']);
    expect(doc.interviews.map((i: any) => [i.by, i.source])).toEqual([
      ['tester', null],
      ['[forgotten]', "[forgotten]'s tweet"],
      ['Zelda Kim', 'Zelda K. on G2'],
    ]);
    expect(doc.opportunities.map((o: any) => [o.name, o.aliases])).toEqual([
      ["[forgotten]'s audit ask", ['[forgotten] wants audits', 'audits by hand']],
    ]);
    // the pains still join the opportunity they were merged into
    const [opportunity] = box.json(['opportunities']);
    expect([opportunity.opportunity, opportunity.customers, opportunity.signals]).toEqual([
      "[forgotten]'s audit ask",
      1,
      1,
    ]);
    for (const f of readdirSync(box.dir).filter((f) => f.startsWith('journal.db')))
      expect(readFileSync(join(box.dir, f)).includes(Buffer.from('Quux')), f).toBe(false);
    expect(box.json(['doctor']).healthy).toBe(true);

    // the export made before: a teammate importing it brings none of it back
    const dana = join(box.dir, 'dana', 'journal.db');
    mkdirSync(join(box.dir, 'dana'));
    ok(['import', join(box.dir, 'before.json')], dana);
    ok(['export', '--format', 'json', '--out', join(box.dir, 'dana.json')], dana);
    const theirs = JSON.parse(readFileSync(join(box.dir, 'dana.json'), 'utf8'));
    for (const i of theirs.interviews) i.uuid = i.uuid.replace(/^.{8}/, 'abcdef01');
    writeFileSync(join(box.dir, 'dana.json'), JSON.stringify(theirs));
    ok(['import', join(box.dir, 'dana.json')]);
    const text = JSON.stringify(box.json(['export', '--format', 'json']));
    expect(text).not.toMatch(/quux/i);
    expect(text).toContain('Zelda Kim');
  });
});

describe('finding 4: --redact leaves no name, email, account or interviewer of a hostile journal', () => {
  it('in JSON, CSV and markdown: by, tags, @handles, possessives, NFD, unaccented and full-width spellings', () => {
    ok(['config', 'set', 'user.name', 'Alexandra Kimura']);
    ok([
      'log',
      '--with',
      'José Peña <jose@globex.test>',
      '--account',
      'Globex Corp',
      '--summary',
      "Globex's renewal: Jose Pena and JOSÉ PEÑA (NFD: José Peña) talked; ask @jpena and @globex_it",
      '--notes',
      'Pe\u200Bña and Ｐｅñａ; Peña’s boss; kimura joined',
      '--tag',
      'jose_pena',
      '--tag',
      'JosePena',
      '--tag',
      'globex',
      '--quote',
      'Peña: we need it',
      '--by',
      'Ravi Shankar',
    ]);
    ok(['log', '--with', 'Mia Chen <mia@initech.test>', '--account', 'Initech', '--summary', 'Mia Chen on SSO']);
    ok(['log', '--channel', 'review', '--source', 'Peña on G2', '--summary', 'a review', '--by', 'Ravi Shankar']);
    ok(['hyp', 'add', "Globex and Peña's peers want audits", '--tag', 'pena']);
    ok(['hyp', 'link', 'H1', 'I1', '--supports']);
    // who added a hypothesis (schema 75) and who recorded a decision are named as who held a conversation
    ok(['hyp', 'add', 'Audits sell', '--date', '2026-11-01']);
    ok(['hyp', 'kill', 'H2', '--reason', 'no']);
    const secrets = [
      'José',
      'Jose',
      'Peña',
      'Pena',
      'jose@globex.test',
      'globex',
      'Mia Chen',
      'mia@initech.test',
      'Initech',
      'Ravi',
      'Shankar',
      'Alexandra',
      'Kimura',
      'jpena',
    ];
    for (const format of ['json', 'csv', 'md']) {
      const out = box.pm(['export', '--format', format, '--redact=all']);
      expect(out.code, out.err).toBe(0);
      const folded = out.out
        .normalize('NFKD')
        .replace(/[\u0300-\u036f\u200b]/g, '')
        .toLowerCase();
      for (const s of secrets)
        expect(folded, `${s} in the ${format} export`).not.toContain(
          s
            .normalize('NFKD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase(),
        );
    }
    const doc = box.json(['export', '--format', 'json', '--redact=all']);
    expect(doc.interviews.map((i: any) => i.by)).toEqual(['Interviewer 1', 'Interviewer 2', 'Interviewer 1']);
    expect(doc.interviews[2].source).toBe('Contact 1 on G2');
    expect(doc.hypotheses.map((h: any) => h.by)).toEqual(['Interviewer 2', 'Interviewer 2']);
    expect(doc.outcomes.map((o: any) => o.by)).toEqual(['Interviewer 2']);
    expect(doc.interviews[0].summary).toMatch(/^Account \d's renewal: Contact 1 and Contact 1/);
  });
});

describe('the summaries kept by triggers stay exact through merges and erasures', () => {
  it('pm doctor finds them exact, and hypotheses count each person once, after contact and account merges, forget and an import that erases', () => {
    ok(['hyp', 'add', 'Finance teams want itemised invoices']);
    for (const [who, account, evidence, date] of [
      ['Ann Lee <ann@acme.test>', 'Acme', '--supports', '2026-11-10'],
      ['A. Lee', 'Globex', '--supports', '2026-11-05'],
      ['Bo Chen <bo@globex.test>', 'Globex', '--refutes', '2026-11-06'],
      ['Cy Diaz <cy@initech.test>', 'Initech', '--supports', '2026-11-07'],
      [`${ZELDA.name} <${ZELDA.email}>`, 'Wonka', '--supports', '2026-11-08'],
    ])
      ok(['log', '--with', who, '--account', account, '--summary', `call with ${who}`, evidence, 'H1', '--date', date]);
    const stats = () => {
      const h = box.json(['hyp', 'show', 'H1']);
      return [h.customersSupporting, h.accountsSupporting, h.customersRefuting, h.accountsRefuting];
    };
    const exact = (after: string) => {
      const d = box.json(['doctor']);
      expect([d.summaries, d.healthy], after).toEqual(['ok', true]);
    };
    expect(stats()).toEqual([4, 4, 1, 1]);
    // A. Lee is Ann Lee: one customer fewer for H1, the accounts stay (each interview keeps its own)
    ok(['contact', 'merge', 'A. Lee', 'ann@acme.test']);
    exact('contact merge');
    expect(stats()).toEqual([3, 3, 1, 1]);
    // Cy moves to Acme with Initech: Ann and Cy are one account now
    ok(['account', 'merge', 'Initech', 'Acme']);
    exact('account merge');
    expect(stats()).toEqual([3, 2, 1, 1]);
    // an erased person's evidence stays, as "Forgotten contact"
    ok(['forget', 'ann@acme.test', '--yes']);
    exact('pm forget');
    expect(stats()).toEqual([3, 2, 1, 1]);
    // a teammate's journal that had erased Zelda erases her here on import
    const dana = join(box.dir, 'dana', 'journal.db');
    mkdirSync(join(box.dir, 'dana'));
    ok(['export', '--format', 'json', '--out', join(box.dir, 'mine.json')]);
    ok(['import', join(box.dir, 'mine.json')], dana);
    ok(['forget', ZELDA.email, '--yes'], dana);
    ok(['export', '--format', 'json', '--out', join(box.dir, 'dana.json')], dana);
    expect(box.json(['import', join(box.dir, 'dana.json')]).contacts.erasedHere).toBe(1);
    exact('an import that erases');
    expect(stats()).toEqual([3, 2, 1, 1]);
    // Bo (who refuted) is Cy (who supported): one person each way, in Acme
    ok(['contact', 'merge', 'Bo Chen', 'cy@initech.test']);
    exact('a merge after the erasures');
    expect(stats()).toEqual([3, 2, 1, 1]);
  });
});

describe('an erasure arriving with pm import drops a pm log draft that names the person', () => {
  it("as pm forget does: the teammate's erasure reaches the draft; a draft naming someone else stays", () => {
    ok(['log', '--with', `${ZELDA.name} <${ZELDA.email}>`, '--account', 'Wonka', '--summary', 'Tickets']);
    const dana = join(box.dir, 'dana', 'journal.db');
    mkdirSync(join(box.dir, 'dana'));
    ok(['export', '--format', 'json', '--out', join(box.dir, 'mine.json')]);
    ok(['import', join(box.dir, 'mine.json')], dana);
    ok(['forget', ZELDA.email, '--yes'], dana);
    ok(['export', '--format', 'json', '--out', join(box.dir, 'dana.json')], dana);
    // an interactive pm log that Ctrl-C interrupted kept a draft (issue 15)
    const draft = join(box.dir, `${basename(box.db)}.log-draft.json`);
    const keep = (name: string) =>
      writeFileSync(
        draft,
        JSON.stringify({
          format: 'pm-log-draft',
          savedAt: '2026-11-20T10:00:00.000Z',
          answers: { who: { name }, summary: 'the golden ticket line again' },
        }),
      );
    keep('Bo Chen');
    ok(['import', join(box.dir, 'mine.json')]);
    expect(readFileSync(draft, 'utf8')).toContain('Bo Chen');
    keep(`${ZELDA.name} <${ZELDA.email}>`);
    const r = ok(['import', join(box.dir, 'dana.json')]);
    expect(box.sql('SELECT forgotten FROM contacts WHERE name = ?', ZELDA.name)).toEqual([]);
    expect(() => statSync(draft)).toThrow();
    expect(r.err).toContain('removed the unsaved pm log draft');
  });
});

describe('pm forget of a name several contacts share', () => {
  it("names each in a way pm forget finds alone: their email, or 'Name (Account)'", () => {
    const log = (...args: string[]) => expect(box.pm(['log', ...args, '--summary', 'call']).code).toBe(0);
    log('--with', 'Mia Chen', '--account', 'Acme');
    log('--with', 'Mia Chen', '--account', 'Globex');
    log('--with', 'Mia Chen <mia@initech.test>', '--account', 'Initech');
    const r = box.pm(['forget', 'Mia Chen', '--yes']);
    expectUsageError(r);
    // fresh-eyes wave 10 E14: the hint was "name them by email: pm forget jane@example.com"
    expect(r.err).toContain(
      'name one: pm forget "Mia Chen (Acme)" · pm forget "Mia Chen (Globex)" · pm forget mia@initech.test',
    );
    expect(box.pm(['forget', 'Mia Chen (Globex)', '--yes']).code).toBe(0);
    const mias = box.json(['contacts']).filter((c: { name: string }) => c.name === 'Mia Chen');
    expect(mias.map((c: { account: string }) => c.account).sort()).toEqual(['Acme', 'Initech']);
  });
});

describe('pm forget of a name typed with another apostrophe or dash', () => {
  it('finds the contact stored with the typographic one (fresh-eyes wave 10 F3)', () => {
    expect(box.pm(['log', '--with', 'Sam O’Neil', '--account', 'Initech', '--summary', 'call']).code).toBe(0);
    expect(box.pm(['log', '--with', 'Jean–Luc Picard', '--account', 'Initech', '--summary', 'call']).code).toBe(0);
    for (const typed of ["Sam O'Neil", 'Jean-Luc Picard (Initech)']) {
      const r = box.pm(['forget', typed, '--yes']);
      expect(r.code, r.err).toBe(0);
    }
    expect(box.json(['contacts']).map((c: { name: string }) => c.name)).toEqual([
      'Forgotten contact',
      'Forgotten contact',
    ]);
  });
});
