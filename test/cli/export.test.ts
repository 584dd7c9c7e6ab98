import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, expectUsageError, filledOnce, parseCsv, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

// a CR inside a field (a CRLF typed is stored as "\n" since wave 11 E6; a lone CR is kept)
const HOSTILE_NOTES = 'Line one, with "quotes"\rline two\nline three, "again"';

/**
 * Jane (Acme) twice in week 46, Sam (Globex) in week 47; H1 supported by Jane's first call, H2
 * killed in week 47: made by the first test that asks, copied for the others (filledOnce).
 */
const seeded = filledOnce((box) => {
  const log = (args: string[]) => {
    const r = box.pm(['log', ...args]);
    if (r.code !== 0) throw new Error(r.err);
  };
  log([
    '--with',
    'Jane Roe <jane@acme.test>',
    '--account',
    'Acme',
    '--date',
    '2026-11-10',
    '--summary',
    'Jane says exports, commas, "quotes"',
    '--notes',
    HOSTILE_NOTES,
    '--pain',
    'slow export',
    '--pain',
    'manual; CSV:high',
    '--quote',
    'Roe here: it is slow',
    '--tag',
    'export',
  ]);
  log([
    '--with',
    'Jane Roe',
    '--account',
    'Acme',
    '--date',
    '2026-11-12',
    '--summary',
    'Second call with jane',
    '--channel',
    'video',
    '--minutes',
    '20',
  ]);
  log([
    '--with',
    'Sam Hill <sam@globex.test>',
    '--account',
    'Globex',
    '--role',
    'prospect',
    '--date',
    '2026-11-17',
    '--summary',
    'Sam Hill on Globex billing',
    '--follow-up',
    '2026-11-24',
  ]);
  for (const args of [
    ['hyp', 'add', 'Finance teams want itemised invoices', '--date', '2026-11-01'],
    ['hyp', 'add', 'Exports are the main pain', '--date', '2026-11-01'],
    ['hyp', 'link', 'H1', 'I1', '--supports', '--strength', 'strong'],
    ['hyp', 'kill', 'H2', '--reason', 'Sam says nobody cares', '--date', '2026-11-18'],
  ]) {
    const r = box.pm(args);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.err}`);
  }
});
const seed = () => seeded(box);

describe('pm export --format json', () => {
  it('the whole journal: every record with its UUID, display ids as id, no user.name', () => {
    seed();
    box.pm(['config', 'set', 'user.name', 'Dana Secret']);
    const doc = box.json(['export']);
    expect(Object.keys(doc)).toEqual([
      'format',
      'version',
      'exportedAt',
      'config',
      'accounts',
      'contacts',
      'interviews',
      'hypotheses',
      'evidence',
      'outcomes',
      'forgotten',
      'privacyKeys',
      'opportunities',
      'settings',
      'deleted',
    ]);
    expect(doc.format).toBe('pm-journal');
    expect(doc.version).toBe(2);
    expect(doc.config['user.name']).toBeUndefined();
    // the setting stays home; the calls logged under the OS login became hers when she set it (wave 14 H10)
    expect(JSON.stringify(doc, (k, v) => (k === 'by' ? undefined : v))).not.toContain('Dana Secret');
    expect(doc.interviews.map((i: any) => i.id)).toEqual(['I1', 'I2', 'I3']);
    expect(doc.hypotheses.map((h: any) => h.id)).toEqual(['H1', 'H2']);
    expect(Object.keys(doc.interviews[0])).toEqual([
      'uuid',
      'id',
      'date',
      'channel',
      'contactUuids',
      'accountUuid',
      'source',
      'by',
      'minutes',
      'summary',
      'notes',
      'pains',
      'quotes',
      'tags',
      'followUp',
      'followUpDone',
      'stage',
      'rev',
      'vv',
    ]);
    expect(doc.interviews[1]).toMatchObject({
      notes: null,
      pains: [],
      quotes: [],
      tags: [],
      followUp: null,
      followUpDone: false,
      minutes: 20,
    });
    expect(doc.outcomes).toMatchObject([{ outcome: 'killed', date: '2026-11-18', reason: 'Sam says nobody cares' }]);
    expect(doc.evidence).toMatchObject([
      {
        interviewUuid: doc.interviews[0].uuid,
        hypothesisUuid: doc.hypotheses[0].uuid,
        direction: 'supports',
        strength: 'strong',
        basis: 'said',
      },
    ]);
    // every record carries its version: a hybrid logical clock, and the version vector holding it
    for (const r of [...doc.accounts, ...doc.contacts, ...doc.interviews, ...doc.hypotheses, ...doc.evidence])
      expect(r.vv[r.rev.slice(19)]).toBe(r.rev);
  });

  it('a period: its interviews and outcomes with every record they refer to, and nothing after --as-of', () => {
    seed();
    const w46 = box.json(['export', '--week', '2026-W46']);
    expect(w46.interviews.map((i: any) => i.date)).toEqual(['2026-11-10', '2026-11-12']);
    expect(w46.contacts.map((c: any) => c.name)).toEqual(['Jane Roe']);
    expect(w46.accounts.map((a: any) => a.name)).toEqual(['Acme']);
    expect(w46.hypotheses.map((h: any) => h.statement)).toEqual(['Finance teams want itemised invoices']);
    expect(w46.outcomes).toEqual([]);
    // "last" is counted from today (2026-11-20): the week of 2026-11-09
    expect(box.json(['export', '--week', 'last']).interviews).toEqual(w46.interviews);
    const w47 = box.json(['export', '--week']);
    expect(w47.interviews.map((i: any) => i.date)).toEqual(['2026-11-17']);
    expect(w47.hypotheses.map((h: any) => h.id)).toEqual(['H2']);
    expect(w47.outcomes).toHaveLength(1);
    const cut = box.json(['export', '--since', '2026-11-01', '--until', '2026-11-30', '--as-of', '2026-11-12']);
    expect(cut.interviews.map((i: any) => i.date)).toEqual(['2026-11-10', '2026-11-12']);
    expect(cut.outcomes).toEqual([]);
    // a period export imports on its own
    const other = join(box.dir, 'other.db');
    writeFileSync(join(box.dir, 'w47.json'), JSON.stringify(w47));
    expect(box.pm(['--db', other, 'import', join(box.dir, 'w47.json')]).code).toBe(0);
  });

  it('bad options are usage errors', () => {
    for (const args of [
      ['--format', 'pdf'],
      ['--week', 'soon'],
      ['--week', '--month'],
      ['--until', '2026-11-01'],
      ['--as-of', 'someday'],
      ['--redact=names'],
    ]) {
      expectUsageError(box.pm(['export', ...args]));
    }
  });
});

describe('pm export --format csv', () => {
  it('one interview a row, RFC 4180, lists joined with "; " (a ; inside an item escaped)', () => {
    seed();
    const r = box.pm(['export', '--format', 'csv']);
    expect(r.code, r.err).toBe(0);
    const rows = parseCsv(r.out);
    expect(rows[0]).toEqual([
      'id',
      'uuid',
      'date',
      'channel',
      'account',
      'with',
      'emails',
      'by',
      'minutes',
      'summary',
      'pains',
      'quotes',
      'tags',
      'follow_up',
      'follow_up_done',
      'hypotheses',
      'notes',
      'source',
      'stage',
      'kind',
      'pain_severities',
      'hypothesis_bases',
      'follow_up_answered_by',
    ]);
    expect(rows).toHaveLength(4);
    const record = Object.fromEntries(rows[0].map((k, i) => [k, rows[1][i]]));
    expect(record).toMatchObject({
      id: 'I1',
      date: '2026-11-10',
      channel: 'call',
      account: 'Acme',
      with: 'Jane Roe',
      emails: 'jane@acme.test',
      summary: 'Jane says exports, commas, "quotes"',
      // two pains, the second with a semicolon of its own (escaped: issue 20)
      pains: 'slow export; manual\\; CSV',
      quotes: 'Roe here: it is slow',
      tags: 'export',
      hypotheses: 'H1:supports:strong',
      notes: HOSTILE_NOTES,
      follow_up: '',
      minutes: '',
    });
    const sam = Object.fromEntries(rows[0].map((k, i) => [k, rows[3][i]]));
    expect(sam).toMatchObject({ follow_up: '2026-11-24', follow_up_done: 'no', with: 'Sam Hill' });
  });
});

describe('pm export --redact', () => {
  const identifying = [/jane/i, /\broe\b/i, /sam\b/i, /hill/i, /acme\.test/i, /globex\.test/i];

  it('leaves no contact name or email in JSON, CSV, markdown or HTML; the same person keeps one pseudonym', () => {
    seed();
    for (const format of ['json', 'csv', 'md', 'html']) {
      const r = box.pm(['export', '--format', format, '--redact']);
      expect(r.code, r.err).toBe(0);
      for (const re of identifying) expect(r.out, `${format} ${re}`).not.toMatch(re);
      expect(r.out).toContain('Contact 1');
      expect(r.out).toContain('Acme');
    }
    const doc = box.json(['export', '--redact']);
    expect(doc.contacts.map((c: any) => [c.name, c.email])).toEqual([
      ['Contact 1', 'contact-1@example.invalid'],
      ['Contact 2', 'contact-2@example.invalid'],
    ]);
    expect(doc.interviews[0].quotes).toEqual(['Contact 1 here: it is slow']);
    expect(doc.interviews[2].summary).toBe('Contact 2 on Globex billing');
    // stable: the week's export calls Sam "Contact 2" too, and so does it after Jane is erased
    expect(box.json(['export', '--week', '--redact']).contacts.map((c: any) => c.name)).toEqual(['Contact 2']);
    expect(box.pm(['forget', 'jane@acme.test', '--yes']).code).toBe(0);
    expect(box.json(['export', '--week', '--redact']).contacts.map((c: any) => c.name)).toEqual(['Contact 2']);
    expect(box.pm(['export', '--week', '--redact']).out).toContain('Contact 2');
  });

  it('--redact=all also replaces accounts', () => {
    seed();
    for (const format of ['md', 'html']) {
      const r = box.pm(['export', '--format', format, '--redact=all']);
      expect(r.code, r.err).toBe(0);
      expect(r.out, format).not.toMatch(/acme|globex/i);
      expect(r.out, format).toContain('Account 2');
    }
    const doc = box.json(['export', '--redact=all']);
    expect(doc.accounts.map((a: any) => a.name)).toEqual(['Account 1', 'Account 2']);
  });
});

describe('pm export --out', () => {
  it('writes the file atomically, owner-only, with what stdout would show', () => {
    seed();
    for (const format of ['json', 'csv', 'md', 'html']) {
      const path = join(box.dir, `out.${format}`);
      writeFileSync(path, 'old content');
      const r = box.pm(['export', '--format', format, '--week', 'last', '--out', path]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toBe('');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const stdout = box.pm(['export', '--format', format, '--week', 'last']).out;
      const written = readFileSync(path, 'utf8');
      if (format === 'json')
        expect({ ...JSON.parse(written), exportedAt: 0 }).toEqual({ ...JSON.parse(stdout), exportedAt: 0 });
      else expect(written).toBe(stdout);
    }
    expect(readdirSync(box.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a folder that does not exist is a usage error', () => {
    seed();
    expectUsageError(box.pm(['export', '--out', join(box.dir, 'no', 'such', 'notes.md')]));
  });
});

describe('pm export: flags that do not fit', () => {
  it('--front-matter is for markdown, --until without --since names pm export, an account merge counts in words', () => {
    seed();
    const before = box.snapshot();
    const csv = box.pm(['export', '--format', 'csv', '--front-matter']);
    expectUsageError(csv);
    expect(csv.err).toMatch(/^pm: --front-matter is for --format md$/m);
    const until = box.pm(['export', '--week', 'last', '--until', '2026-11-15']);
    expectUsageError(until);
    expect(until.err).toMatch(/^try: pm export --since /m);
    expect(box.snapshot()).toBe(before);
    box.pm(['log', '--with', 'Ann Oh <ann@globex.test>', '--account', 'Globex Inc', '--summary', 'x']);
    const merged = box.pm(['account', 'merge', 'Globex Inc', 'Acme']);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.err).toMatch(/^Moved 1 contact and 1 interview from Globex Inc; Globex Inc is gone\.$/m);
  });
});

describe('pm export --format md', () => {
  const HOSTILE = {
    summary:
      '# Not a heading | pipe <script>alert(1)</script> [click](javascript:alert(1)) ![x](javascript:x) <javascript:alert(1)> &amp; `code` *em* ~~s~~ \\',
    notes:
      '# heading\n\n```\nfence\n```\n<div>html block</div>\n> quote\n- list\n1. ordered\n---\n===\n    indented code\n\u001b[31mred\u001b[0m\n[ref]: javascript:alert(1)\n[ref]\n<!-- comment -->',
    pain: '| a | b |',
    quote: '"](javascript:alert(1))',
    tag: '#tag',
    name: 'Bob [x](javascript:alert(1))',
    account: 'Evil | Corp <i>',
    statement: '## H9 · open <img src=x onerror=alert(1)>',
    reason: '<script>alert(2)</script>\n# killed',
  };

  function hostileJournal(): void {
    const steps = [
      [
        'log',
        '--with',
        HOSTILE.name,
        '--account',
        HOSTILE.account,
        '--date',
        '2026-11-10',
        '--summary',
        HOSTILE.summary,
        '--notes',
        HOSTILE.notes,
        '--pain',
        HOSTILE.pain,
        '--quote',
        HOSTILE.quote,
        '--tag',
        HOSTILE.tag,
      ],
      ['hyp', 'add', HOSTILE.statement, '--criteria', '* star | pipe', '--date', '2026-11-01'],
      ['hyp', 'link', 'H1', 'I1', '--refutes'],
      ['hyp', 'kill', 'H1', '--reason', HOSTILE.reason, '--date', '2026-11-11'],
    ];
    for (const args of steps) {
      const r = box.pm(args);
      if (r.code !== 0) throw new Error(`${args[0]}: ${r.err}`);
    }
  }

  async function parse(markdown: string) {
    const { Parser } = await import('commonmark');
    return new Parser().parse(markdown);
  }

  it('user text never breaks the document: no HTML, no javascript: links, only the headings pm writes', async () => {
    hostileJournal();
    const r = box.pm(['export', '--week', 'last']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toContain('\u001b');
    const tree = await parse(r.out);
    const walker = tree.walker();
    const headings: string[] = [];
    const types = new Set<string>();
    let text = '';
    for (let event = walker.next(); event; event = walker.next()) {
      const node = event.node;
      if (!event.entering) continue;
      types.add(node.type);
      if (node.type === 'link' || node.type === 'image') expect(node.destination).not.toMatch(/javascript:/i);
      if (node.type === 'text') text += node.literal;
      // the notes, as written, in a fenced block (docs/reference.md, "Markdown as written")
      if (node.type === 'code_block') {
        expect(node.info).toBe('text');
        text += node.literal;
      }
      // the empty comment that splits what a renderer would link or make an emoji of
      if (node.type === 'html_inline') expect(node.literal).toBe('<!-- -->');
      if (node.type === 'heading') {
        let h = '';
        for (let child = node.firstChild; child; child = child.next) h += child.literal ?? '';
        headings.push(`${node.level} ${h}`);
      }
    }
    for (const forbidden of ['html_block', 'link', 'image', 'block_quote', 'thematic_break'])
      expect(types).not.toContain(forbidden);
    expect(headings).toEqual([
      '1 Report 2026-W46',
      '2 Customer contact',
      '2 Conversations',
      '2 Accounts going cold',
      '2 Unvalidated hypotheses',
      '2 Decided this period',
      '2 Killed and invalidated',
      '2 Themes',
      '2 Opportunities',
      '2 Follow-ups due',
      '2 Flags',
      '2 Opportunity–solution tree',
      '2 Interviews',
      `3 I1 · 2026-11-10 · call with ${HOSTILE.name} (${HOSTILE.account})`,
      '2 Hypotheses',
      '3 H1 · killed · value',
    ]);
    // what was typed is shown as typed
    for (const s of [
      HOSTILE.summary,
      HOSTILE.pain,
      HOSTILE.quote,
      HOSTILE.tag,
      HOSTILE.statement,
      '<div>html block</div>',
      '[ref]: javascript:alert(1)',
      '```',
    ])
      expect(text).toContain(s);
  });

  it('the same journal and options give the same bytes, whatever day an export of a past week is made', () => {
    seed();
    const first = box.pm(['export', '--week', 'last', '--front-matter']);
    expect(first.code, first.err).toBe(0);
    const later = box.pm(['export', '--week', '2026-W46', '--front-matter'], { env: { PM_TODAY: '2026-12-02' } });
    expect(later.out).toBe(first.out);
    expect(
      first.out.startsWith('---\nperiod: "2026-W46"\nstart: "2026-11-09"\nend: "2026-11-15"\nas-of: "2026-11-15"\n'),
    ).toBe(true);
    expect(box.pm(['export', '--week', 'last']).out.startsWith('# Report 2026-W46\n')).toBe(true);
  });

  it("the running week's export is as of today, not of a Sunday still to come (fresh-eyes wave 13 H8)", () => {
    seed();
    // PM_TODAY is Friday 2026-11-20, in W47 (2026-11-16..22); Sam's call that day must read as today's
    const md = box.pm(['export', '--week', '--front-matter']);
    expect(md.code, md.err).toBe(0);
    expect(md.out).toContain('as-of: "2026-11-20"');
    expect(md.out).toContain('2026-11-16..2026-11-22, as of 2026-11-20');
    expect(md.out).not.toContain('as of 2026-11-22');
    const html = box.pm(['export', '--week', '--format', 'html']);
    expect(html.code, html.err).toBe(0);
    // what a reader sees: the page's text without its tags
    const seen = html.out.replace(/<[^>]*>/g, '');
    expect(seen).toContain('as of 2026-11-20');
    expect(seen).not.toContain('as of 2026-11-22');
    // the same week exported once it is over is as of its Sunday, as before
    const after = box.pm(['export', '--week', '2026-W47', '--front-matter'], { env: { PM_TODAY: '2026-11-25' } });
    expect(after.out).toContain('as-of: "2026-11-22"');
  });

  it('a past week (markdown, and the report as of then) shows the statement and criterion in force then', () => {
    seed();
    const hypotheses = (md: string) => md.slice(md.indexOf('# Hypotheses'));
    const before = box.pm(['export', '--week', 'last']).out;
    // today (2026-11-20, after W46) the bar moves on H1, which has evidence: kept as revisions
    const edit = box.pm([
      'hyp',
      'edit',
      'H1',
      '--statement',
      'Finance leads want PDFs',
      '--criteria',
      '4 of 5',
      '--force',
    ]);
    expect(edit.code, edit.err).toBe(0);
    const after = box.pm(['export', '--week', 'last']).out;
    // the whole note: its report section, the tree and the Hypotheses section
    expect(after).toBe(before);
    // a second revision since: the first one's `before` is still what stood
    expect(box.pm(['hyp', 'edit', 'H1', '--statement', 'Finance leads want CSV', '--force']).code).toBe(0);
    expect(box.pm(['export', '--week', 'last']).out).toBe(before);
    expect(hypotheses(after)).not.toContain('Revisions:');
    const asOf = (args: string[]) => box.json(['report', '--as-of', '2026-11-15', ...args]);
    expect(JSON.stringify(asOf([]))).not.toContain('Finance leads want PDFs');
    expect(JSON.stringify(asOf([]))).toContain('Finance teams want itemised invoices');
    // the whole journal, as of today, shows the new bar and how it moved
    const now = hypotheses(box.pm(['export']).out);
    expect(now).toContain('Finance leads want PDFs');
    expect(now).toContain('- 2026-11-20 statement: Finance teams want itemised invoices → Finance leads want PDFs');
  });

  it('has the report, then every interview with its details, then the hypotheses with evidence and outcomes', async () => {
    seed();
    const md = box.pm(['export']).out;
    const order = [
      '# Report',
      '# Interviews',
      '## I1 · 2026-11-10 · call with Jane Roe (Acme)',
      '## I3 · 2026-11-17',
      '# Hypotheses',
      '## H1 · open · value',
      '## H2 · killed · value',
    ];
    const at = order.map((s) => md.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('- slow export (medium)\n- manual; CSV (high)');
    expect(md).toContain('- “Roe here: it is slow”');
    expect(md).toContain('- **H1** supports (strong): Finance teams want itemised invoices');
    expect(md).toContain('2026-11-18 **killed**: Sam says nobody cares');
    expect(md).toContain('**Follow-up:** 2026-11-24');
  });

  it('a hypothesis written after the period, linked to its calls since, is not shown as open then', () => {
    seed();
    // today (2026-11-20) a new belief, and last week's first call linked to it
    expect(box.pm(['hyp', 'add', 'Auditors need the export as PDF']).code).toBe(0);
    expect(box.pm(['hyp', 'link', 'H3', 'I1', '--supports']).code).toBe(0);
    const md = box.pm(['export', '--week', 'last']).out;
    expect(md).toContain('## H3 · created after 2026-11-15 · value');
    expect(md).toContain('- **H3** supports (medium): Auditors need the export as PDF');
    // the report above, as of 2026-11-15, knew only H1 (H2 was killed on the 18th)
    const report = md.slice(md.indexOf('## Unvalidated hypotheses'), md.indexOf('## Decided this period'));
    expect(report).toContain('**H1**');
    expect(report).not.toContain('H3');
  });
});
