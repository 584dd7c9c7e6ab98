// What a first-time user stumbled on (wave 7): messages that name what the user gave and the way out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sandbox, type Sandbox } from '../helpers.js';
import { knownPersonas, knownSegments } from '../../src/db/contacts.js';
import { usedSegmentsHint } from '../../src/commands/log-interactive.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('pm import of an export from a newer pm', () => {
  it('names stdin as stdin and says to upgrade pm, not to fix the file (exit 2, journal untouched)', () => {
    expect(box.pm(['init']).code).toBe(0);
    const before = box.snapshot();
    const r = box.pm(['import', '-'], { input: '{"format":"pm-journal","version":99}' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pm: stdin: format version 99 was written by a newer pm/m);
    expect(r.err).toContain('hint: nothing was imported; upgrade pm to a version that reads it');
    expect(r.err).not.toContain('fix the file');
    expect(box.snapshot()).toBe(before);
  });
});

describe('pm log --notes-file with nothing in it', () => {
  it('names the flag and the way out (exit 2, nothing logged)', () => {
    const args = ['log', '--with', 'Mia Chen', '--account', 'Acme', '--summary', 'Onboarding', '--notes-file'];
    const r = box.pm([...args, '-'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pm: --notes-file - \(stdin\) is empty: no notes to store$/m);
    expect(r.err).toMatch(/^hint: .*leave --notes-file out/m);
    expect(r.err).not.toMatch(/^pm: notes is empty/m);
    expect(box.pm(['ls']).out).not.toContain('Onboarding');
  });
});

describe('a second contact of the same name at the same account', () => {
  const quinn = (email: string) => [
    'log',
    '--with',
    `Quinn Ash <${email}>`,
    '--account',
    'Tyrell',
    '--summary',
    'x',
    '--date',
    '2026-11-02',
  ];

  it('gets the namesake note with the email that tells them apart, and its merge command works', () => {
    expect(box.pm(quinn('quinn@tyrell.test')).code).toBe(0);
    const r = box.pm(quinn('q.ash@tyrell.test'));
    expect(r.code).toBe(0);
    const command = 'pm contact merge "q.ash@tyrell.test" "quinn@tyrell.test"';
    expect(r.err).toContain(
      `new contact: Quinn Ash (customer, Tyrell) — another Quinn Ash is at Tyrell with quinn@tyrell.test; ` +
        `if it is the same person: ${command}`,
    );
    expect(box.pm(['contact', 'merge', 'q.ash@tyrell.test', 'quinn@tyrell.test']).code).toBe(0);
    const quinns = (box.json(['contacts']) as { name: string; email: string | null }[]).filter(
      (c) => c.name === 'Quinn Ash',
    );
    expect(quinns.map((c) => c.email)).toEqual(['quinn@tyrell.test']);
  });

  it('a contact with no namesake gets no note', () => {
    const r = box.pm(quinn('quinn@tyrell.test'));
    expect(r.err).toMatch(/^new contact: Quinn Ash \(customer, Tyrell\)$/m);
  });
});

describe("the interactive log's segment / persona prompt", () => {
  it('lists the segments in use (contacts and accounts) beside the personas, each named', () => {
    const log = (name: string, account: string, more: string[]) =>
      expect(box.pm(['log', '--with', name, '--account', account, '--summary', 'x', ...more]).code).toBe(0);
    log('Mia Chen', 'Acme', ['--segment', 'enterprise', '--persona', 'finance lead']);
    log('Bo Li', 'Acme', ['--segment', 'enterprise']);
    log('Ann Lee', 'Globex', ['--persona', 'ops manager']);
    expect(box.pm(['account', 'set', 'Globex', '--segment', 'smb']).code).toBe(0);
    const db = new Database(box.db, { readonly: true });
    try {
      expect(knownSegments(db)).toEqual(['enterprise', 'smb']);
      expect(usedSegmentsHint(knownSegments(db), knownPersonas(db), 80)).toBe(
        '; used: segments enterprise, smb; personas finance lead, ops manager',
      );
    } finally {
      db.close();
    }
    expect(usedSegmentsHint([], ['finance lead'], 80)).toBe('; used: personas finance lead');
    expect(usedSegmentsHint([], [], 80)).toBe('');
  });
});

describe('a signal from a source in the markdown and HTML exports', () => {
  it('reads "signal from" as pm log says it, in the whole export and a week; people are still "with"', () => {
    const log = (args: string[]) => expect(box.pm(['log', '--summary', 'x', ...args]).code).toBe(0);
    log(['--channel', 'survey', '--source', 'NPS survey']);
    log(['--channel', 'support', '--account', 'Acme']);
    log(['--with', 'Mia Chen', '--account', 'Acme']);
    for (const args of [
      ['export', '--format', 'md'],
      ['export', '--week'],
    ]) {
      const md = box.pm(args).out;
      expect(md).toMatch(/^### I1 · 2026-11-20 · survey signal from NPS survey · a signal: not customer contact$/m);
      expect(md).toMatch(/^### I2 · 2026-11-20 · support signal from Acme · a signal: not customer contact$/m);
      expect(md).toMatch(/^### I3 · 2026-11-20 · call with Mia Chen \(Acme\)$/m);
    }
    // each heading's text, as a reader sees it (names and dates sit in their own elements)
    const html = box.pm(['export', '--format', 'html']).out;
    const headings = [...html.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => m[1].replace(/<[^>]*>/g, ''));
    expect(headings).toContain('I1 · 2026-11-20 · survey signal from NPS survey · a signal: not customer contact');
    expect(headings).toContain('I3 · 2026-11-20 · call with Mia Chen (Acme)');
  });
});
