// Issue 16, finding 13: "José Peña" logged in NFC and in NFD, with a zero-width space, in capitals
// or full-width letters is one contact; one with a Cyrillic "о" is another, with a "did you mean"
// warning; pm forget typed in NFC leaves no twin; tags and accounts compare the same way; pm search
// folds as the index does (ex\u200Bport is "export"); and a journal made before keeps working: the
// upgrade merges exact twins when email and account agree, and pm doctor warns about the others.
// Each test failed on the code before this change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { sandbox, type Sandbox } from '../helpers.js';
import { APPLICATION_ID, runMigrations } from '../../src/db/journal.js';
import { MIGRATIONS } from '../../src/db/migrations.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const NFC = 'José Peña';
const NFD = NFC.normalize('NFD');
const ZWSP = 'Jo\u200Bsé Peña';
const WIDE = 'ＪＯＳÉ PEÑA';
const CYRILLIC = 'Jоsé Peña'; // U+043E

const ok = (args: string[]) => box.ok(args);

describe('one person however their name is written', () => {
  it('NFC, NFD, a zero-width space, capitals and full width are one contact; a Cyrillic о is warned about', () => {
    ok(['log', '--with', `${NFC} <jose@pena.test>`, '--account', 'Acme SA', '--summary', 'first', '--tag', 'Pricing']);
    for (const [spelling, tag] of [
      [NFD, 'ＰＲＩＣＩＮＧ'],
      [ZWSP, 'pri\u200Bcing'],
      [WIDE, 'PRICING'],
    ])
      expect(ok(['log', '--with', spelling, '--summary', `as ${spelling}`, '--tag', tag]).err).not.toMatch(
        /new contact/,
      );
    ok(['log', '--with', 'JOSE@PENA.TEST', '--summary', 'by email']);
    const lookalike = ok(['log', '--with', CYRILLIC, '--account', 'ＡＣＭＥ ＳＡ', '--summary', 'cyrillic']);
    expect(lookalike.err).toContain(
      `warning: the new contact "${CYRILLIC}" looks like "${NFC}" (Acme SA) but is written with о (U+043E) for o (U+006F); did you mean "${NFC}"?`,
    );

    const contacts = box.json(['contacts']);
    expect(contacts.map((c: any) => [c.name, c.account, c.interviews])).toEqual([
      [NFC, 'Acme SA', 5],
      [CYRILLIC, 'Acme SA', 1],
    ]);
    // stored as typed, in NFC, without the invisible character
    expect(box.sql('SELECT DISTINCT tag FROM interview_tags ORDER BY tag').map((r) => r.tag)).toEqual([
      'PRICING',
      'Pricing',
      'pricing',
      'ＰＲＩＣＩＮＧ',
    ]);
    expect(box.json(['ls', '--tag', 'pricing'])).toHaveLength(4);
    expect(box.json(['ls', '--account', 'acme sa'])).toHaveLength(6);
    expect(box.json(['ls', '--with', 'JOSÉ PEÑA'])).toHaveLength(5);
    const themes = box.json(['report', '--week']).themes.filter((t: any) => t.kind === 'tag');
    expect(themes).toHaveLength(1);
    expect(themes[0].interviews).toBe(4);

    // forgetting the NFC spelling leaves no twin behind
    ok(['forget', NFC, '--yes']);
    expect(box.json(['contacts']).map((c: any) => c.name)).toEqual(['Forgotten contact', CYRILLIC]);
    const doctor = box.json(['doctor']);
    expect(doctor.healthy).toBe(true);
    expect(doctor.warnings).toEqual([]);
  });

  it('pm search finds a word written with a zero-width space, a soft hyphen or full-width letters', () => {
    ok(['log', '--with', 'Mia <mia@x.test>', '--account', 'X', '--summary', 'the ex\u200Bport is slow']);
    ok(['log', '--with', 'Mia', '--summary', 'ex\u00ADport again', '--notes', 'ｅｘｐｏｒｔ in full width']);
    ok(['log', '--with', 'Mia', '--summary', 'nothing to see']);
    expect(box.json(['search', 'export']).map((r: any) => r.id)).toEqual(['I2', 'I1']);
    expect(box.json(['search', 'ｅｘ\u200Bport']).map((r: any) => r.id)).toEqual(['I2', 'I1']);
    // what the summary holds is what was typed
    expect(box.json(['show', 'I1']).summary).toBe('the ex\u200Bport is slow');
  });

  it('an import matches its contacts and accounts the same way', () => {
    ok(['log', '--with', `${NFC} <jose@pena.test>`, '--account', 'Acme SA', '--summary', 'mine']);
    const file = `${box.dir}/theirs.json`;
    const doc = box.json(['export', '--format', 'json']);
    const theirs = {
      ...doc,
      accounts: [{ ...doc.accounts[0], uuid: '00000000-0000-7000-8000-000000000001', name: 'ACME SA' }],
      contacts: [
        {
          ...doc.contacts[0],
          uuid: '00000000-0000-7000-8000-000000000002',
          accountUuid: '00000000-0000-7000-8000-000000000001',
          name: NFD,
          email: null,
        },
      ],
      interviews: [
        {
          ...doc.interviews[0],
          uuid: '00000000-0000-7000-8000-000000000003',
          accountUuid: '00000000-0000-7000-8000-000000000001',
          contactUuids: ['00000000-0000-7000-8000-000000000002'],
          tags: ['ta\u200Bg'],
        },
      ],
    };
    writeFileSync(file, JSON.stringify(theirs));
    const r = box.json(['import', file]);
    expect(r.contacts).toMatchObject({ added: 0, matched: 1 });
    expect(r.accounts).toMatchObject({ added: 0, matched: 1 });
    expect(box.json(['show', 'I2']).tags).toEqual(['tag']);
  });

  it('pm log refuses the email of a person erased with pm forget and warns about their name elsewhere', () => {
    ok(['log', '--with', `${NFC} <jose@pena.test>`, '--account', 'Acme SA', '--summary', 'first']);
    ok(['forget', 'jose@pena.test', '--yes']);
    const again = box.pm(['log', '--with', 'Jose <JOSE@pena.test>', '--account', 'Acme SA', '--summary', 'again']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(
      /^pm: JOSE@pena\.test is the email of a person erased with pm forget on 2026-11-20; pm does not take them back/,
    );
    const byName = ok(['log', '--with', NFD, '--account', 'Other', '--summary', 'namesake']);
    expect(byName.err).toMatch(/warning: "José Peña" has the name of a person erased with pm forget/);
  });
});

describe('"did you mean" wherever a name is made, not only in pm log', () => {
  it('pm import warns about each new contact and account that looks like one already written, once a pair', () => {
    ok(['log', '--with', `${NFC} <jose@pena.test>`, '--account', 'Acme SA', '--summary', 'mine']);
    const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const file = `${box.dir}/theirs.json`;
    writeFileSync(
      file,
      JSON.stringify({
        format: 'pm-journal',
        version: 1,
        // Α: a Greek capital alpha; both of the file's Jоsé (Cyrillic о) look like each other too
        accounts: [{ uuid: u(1), name: 'Αcme SA' }],
        contacts: [
          { uuid: u(2), name: CYRILLIC, accountUuid: u(1) },
          { uuid: u(3), name: 'Jоsé Реña', accountUuid: u(1) }, // and a Cyrillic Р
        ],
        interviews: [],
      }),
    );
    const before = box.sql('SELECT uuid FROM contacts');
    const r = box.pm(['import', file]);
    expect(r.code, r.err).toBe(0);
    const warnings = r.err.split('\n').filter((l) => l.startsWith('pm: warning:'));
    expect(warnings).toEqual([
      'pm: warning: the new account "Αcme SA" looks like "Acme SA" but is written with Α (U+0391) for A (U+0041); did you mean "Acme SA"? if so: pm account merge "Αcme SA" "Acme SA"',
      `pm: warning: the new contact "${CYRILLIC}" looks like "${NFC}" (Acme SA) but is written with о (U+043E) for o (U+006F); did you mean "${NFC}"? if so: pm contact merge ${u(2)} ${before[0].uuid}`,
      expect.stringMatching(
        /^pm: warning: the new contact "Jоsé Реña" looks like "José Peña" \(Acme SA\) but is written with/,
      ),
      expect.stringMatching(
        /^pm: warning: the new contact "Jоsé Реña" looks like "Jоsé Peña" \(Αcme SA\) but is written with Р/,
      ),
    ]);
    // --json carries them, and what was written is what the file said: a warning changes nothing
    const again = box.json(['import', file]);
    expect(again.lookalikes).toEqual({ contacts: [], accounts: [], namesakes: [], hypotheses: [] });
    expect(box.json(['contacts']).map((c: any) => c.name)).toEqual([NFC, CYRILLIC, 'Jоsé Реña']);
    expect(box.json(['doctor']).warnings.length).toBeGreaterThan(0);
  });

  it('pm contact set --name and --account, and pm account rename, warn as pm log does', () => {
    ok(['log', '--with', `${NFC} <jose@pena.test>`, '--account', 'Acme SA', '--summary', 'first']);
    ok(['log', '--with', 'Mia Chen <mia@initech.test>', '--account', 'Initech', '--summary', 'second']);
    const [jose, mia] = box.json(['contacts']).map((c: any) => c.uuid);
    const renamed = ok(['contact', 'set', 'mia@initech.test', '--name', CYRILLIC]);
    expect(renamed.err).toContain(
      `pm: warning: the new name "${CYRILLIC}" looks like "${NFC}" (Acme SA) but is written with о (U+043E) for o (U+006F); did you mean "${NFC}"? if so: pm contact merge ${mia} ${jose}`,
    );
    // the same name again, or another spelling of the same name, is no news
    expect(ok(['contact', 'set', 'mia@initech.test', '--name', CYRILLIC.normalize('NFD')]).err).not.toMatch(/warning/);
    const moved = ok(['contact', 'set', 'mia@initech.test', '--account', 'Acme S\u0410']);
    expect(moved.err).toMatch(
      /^pm: warning: the new account "Acme SА" looks like "Acme SA" but is written with А \(U\+0410\)/m,
    );
    expect(ok(['account', 'rename', 'Initech', 'INITECH']).err).toBe('');
    const lookalike = ok(['account', 'rename', 'INITECH', 'Acmе SA']);
    expect(lookalike.err).toMatch(
      /^pm: warning: the new name "Acmе SA" looks like "Acme SA" but is written with е \(U\+0435\)/m,
    );
    // a warning is all it is: the change is made
    expect(box.json(['contacts']).map((c: any) => [c.name, c.account])).toEqual([
      [NFC, 'Acme SA'],
      [CYRILLIC, 'Acme SА'],
    ]);
  });

  it('pm contact set refuses the email of a person erased with pm forget and warns about their name', () => {
    ok(['log', '--with', `${NFC} <jose@pena.test>`, '--account', 'Acme SA', '--summary', 'first']);
    ok(['log', '--with', 'Mia Chen <mia@initech.test>', '--account', 'Initech', '--summary', 'second']);
    ok(['forget', 'jose@pena.test', '--yes']);
    const email = box.pm(['contact', 'set', 'Mia Chen', '--email', 'JOSE@pena.test']);
    expect(email.code).toBe(2);
    expect(email.err).toMatch(
      /^pm: JOSE@pena\.test is the email of a person erased with pm forget on 2026-11-20; pm does not take them back/m,
    );
    const name = ok(['contact', 'set', 'Mia Chen', '--name', NFD]);
    expect(name.err).toMatch(
      /^pm: warning: "José Peña" has the name of a person erased with pm forget; changed all the same/m,
    );
    // setting something else of theirs says nothing again
    expect(ok(['contact', 'set', 'mia@initech.test', '--segment', 'smb']).err).toBe('');
  });
});

// Rows written by hand, as another program would: keys are UUIDs, as pm-journal requires (and --json prints them)
const key = (k: string) => `00000000-0000-4000-8000-${k.padStart(12, '0')}`;

describe('a journal made before schema 12', () => {
  it('is upgraded: exact twins merged when email and account agree, the others left to pm doctor', () => {
    const db = new Database(box.db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    runMigrations(
      db,
      0,
      MIGRATIONS.filter((m) => m.version <= 11),
    );
    db.exec(`INSERT INTO accounts (uuid, name) VALUES ('${key('a1')}', 'Acme SA'), ('${key('a2')}', 'Acme\u200B SA'), ('${key('a3')}', 'Beta');
      INSERT INTO contacts (uuid, name, email, account_id) VALUES
        ('${key('c1')}', '${NFC}', 'jose@pena.test', 1), ('${key('c2')}', '${NFD}', NULL, 2), ('${key('c3')}', '${ZWSP}', 'JOSE@pena.test\u200B', 1),
        ('${key('c4')}', 'Mia Chen', 'mia@a.test', 3), ('${key('c5')}', 'Mia Chen', 'mia@b.test', 3),
        ('${key('c6')}', '${CYRILLIC}', NULL, 1);`);
    const interview = db.prepare(
      `INSERT INTO interviews (uuid, date, channel, account_id, summary, notes, created_at)
       VALUES (?, ?, 'call', ?, ?, ?, 'now')`,
    );
    const fts = db.prepare('INSERT INTO interviews_fts (rowid, summary, notes, pains, quotes) VALUES (?, ?, ?, ?, ?)');
    [
      [1, 1, key('c1'), 'the ex\u200Bport'],
      [2, 2, key('c2'), 'plain'],
      [3, 1, key('c3'), 'plain'],
      [4, 3, key('c4'), 'plain'],
      [5, 3, key('c5'), 'plain'],
      [6, 1, key('c6'), 'plain'],
    ].forEach(([n, account, contact, summary], k) => {
      const id = Number(interview.run(key(`e${n}`), `2026-11-1${n}`, account, summary, null).lastInsertRowid);
      db.prepare('INSERT INTO interview_contacts VALUES (?, (SELECT id FROM contacts WHERE uuid = ?))').run(
        id,
        contact,
      );
      db.prepare('INSERT INTO interview_tags (interview_id, position, tag) VALUES (?, 0, ?)').run(
        id,
        k % 2 ? 'Pri\u200Bcing' : 'pricing',
      );
      fts.run(id, summary, '', '', '');
    });
    db.close();
    chmodSync(box.db, 0o600); // as pm makes a journal

    const contacts = box.json(['contacts']);
    expect(contacts.map((c: any) => [c.name, c.account, c.email, c.interviews])).toEqual([
      [NFC, 'Acme SA', 'jose@pena.test', 3],
      ['Mia Chen', 'Beta', 'mia@a.test', 1],
      ['Mia Chen', 'Beta', 'mia@b.test', 1],
      [CYRILLIC, 'Acme SA', null, 1], // a Cyrillic letter sorts after the Latin ones
    ]);
    expect(
      box
        .json(['accounts'])
        .map((a: any) => a.name)
        .sort(),
    ).toEqual(['Acme SA', 'Beta']);
    expect(box.json(['search', 'export']).map((r: any) => r.id)).toEqual(['I1']);
    expect(box.json(['ls', '--tag', 'PRICING'])).toHaveLength(6);
    const run = box.pm(['doctor', '--json']);
    const doctor = JSON.parse(run.out);
    expect(doctor.problems).toEqual([]);
    expect(run.code).toBe(0);
    expect(doctor.warnings).toHaveLength(2);
    expect(doctor.warnings[0]).toMatch(/^2 contacts of one account have one name: "Mia Chen" \(Beta, mia@a\.test\)/);
    expect(doctor.warnings[1]).toMatch(/look alike but are written with о \(U\+043E\) for o/);
    // the copy made before the upgrade is beside the journal
    expect(readdirSync(box.dir)).toContain('journal.db.bak-v11');
    expect(readFileSync(`${box.db}.bak-v11`).length).toBeGreaterThan(0);
  });

  it('pm doctor finds keys another program left out, and --repair makes them', () => {
    ok(['log', '--with', `${NFC} <jose@pena.test>`, '--account', 'Acme SA', '--summary', 'first', '--tag', 'x']);
    const db = new Database(box.db);
    db.exec(`INSERT INTO contacts (uuid, name, account_id) VALUES ('${key('0b7a4d')}', 'Ann Lee', 1);
      UPDATE interview_tags SET tag_key = NULL;`);
    db.close();
    const before = box.pm(['doctor', '--json']);
    expect(before.code).toBe(1);
    expect(JSON.parse(before.out).problems[0]).toMatch(/differ from the names of 2 rows .*pm doctor --repair/);
    ok(['doctor', '--repair']);
    expect(box.json(['doctor']).healthy).toBe(true);
    expect(box.json(['ls', '--with', 'ann lee'])).toHaveLength(0);
    expect(box.json(['contacts']).map((c: any) => c.name)).toContain('Ann Lee');
    expect(box.json(['ls', '--tag', 'X'])).toHaveLength(1);
  });
});
