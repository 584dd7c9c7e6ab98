// `pm __complete contact` takes its lines as one text from SQLite when every contact would be
// offered as stored (src/db/complete.ts contactLines). Whatever the names, it must print what
// candidateLines(liveCandidates(…)) prints, on journals of both bench shapes and with the names
// that candidateLines reshapes or leaves out (which send it the long way).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidateLines } from '../../src/core/completion.js';
import { contactLines, liveCandidates } from '../../src/db/complete.js';
import { insertAccount, mergeAccounts, updateAccount } from '../../src/db/accounts.js';
import { insertContact, updateContact } from '../../src/db/contacts.js';
import { summaryDrift } from '../../src/db/summaries.js';
import type { DB } from '../../src/db/journal.js';
import { generatedJournal } from '../fixtures/generated-journal.js';

const PREFIXES = ['', 'a', 'Ha', 'zo', 'Ada A', 'é'];
const shapes = {
  today: { accounts: 30, contacts: 120, hypotheses: 20, seed: 8, shape: 'today' },
  harsh: { accounts: 120, contacts: 400, hypotheses: 20, seed: 9, shape: 'harsh' },
} as const;

const simple = (db: DB, prefix: string) => candidateLines(liveCandidates(db, 'contact', prefix));
const printed = (db: DB, prefix: string) => contactLines(db, prefix) ?? simple(db, prefix);

describe.each(Object.entries(shapes))('contact completion on a journal of the %s shape', (_shape, opts) => {
  let journal: ReturnType<typeof generatedJournal>;
  beforeAll(() => {
    journal = generatedJournal(300, opts);
  });
  afterAll(() => journal.close());

  it('is one text from SQLite, the same as the lines made one by one', () => {
    for (const prefix of PREFIXES) {
      const fast = contactLines(journal.db, prefix);
      expect(fast, prefix).toBeDefined();
      expect(fast, prefix).toBe(simple(journal.db, prefix));
    }
    expect(contactLines(journal.db, '')!.split('\n').length).toBeGreaterThan(100);
  });

  it('prints what the lines made one by one print, whatever a name or an account is called', () => {
    const db = journal.db;
    const odd = fc.constantFrom(
      'José Peña',
      'Zoë  Li',
      ' Ada',
      'Ada ',
      '-Ada',
      '   ',
      'Tab\there',
      'Line\nbreak',
      'Nul\u0000x',
      'A\u00a0B',
      'bidi\u202eevil',
      'zero\u200bwidth',
      '山田太郎',
      '👨‍👩‍👧 family',
      'x'.repeat(90),
      'é'.repeat(70),
      'Ada Abbott',
    );
    let n = 0;
    fc.assert(
      fc.property(odd, odd, fc.constantFrom('customer', 'prospect', 'stakeholder'), (name, account, role) => {
        db.exec('SAVEPOINT odd');
        try {
          n++;
          const accountId = insertAccount(db, `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, account);
          insertContact(db, {
            uuid: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
            name,
            email: null,
            accountId,
            role,
            segment: null,
          });
          for (const prefix of ['', name.slice(0, 2)]) expect(printed(db, prefix)).toBe(simple(db, prefix));
        } finally {
          db.exec('ROLLBACK TO odd; RELEASE odd');
        }
      }),
      { numRuns: 120 },
    );
  });

  it('lists namesakes at one account in the order they were added (schema 24 indexes their roles too)', () => {
    const db = journal.db;
    db.exec('SAVEPOINT twins');
    try {
      const accountId = insertAccount(db, '00000000-0000-4000-8000-888888888888', 'Twin Corp');
      for (const [k, role] of (['stakeholder', 'customer', 'partner'] as const).entries())
        insertContact(db, {
          uuid: `00000000-0000-4000-9000-88888888888${k}`,
          name: 'Robin Twin',
          email: null,
          accountId,
          role,
          segment: null,
        });
      // namesakes are offered as "Name (Account)" with their role (one form for the three: pm show then
      // names each)
      const twin = 'Robin Twin (Twin Corp)';
      const lines = `${twin}\tstakeholder\n${twin}\tcustomer\n${twin}\tpartner\n`;
      expect(contactLines(db, 'Robin')).toBe(lines);
      expect(simple(db, 'Robin')).toBe(lines);
    } finally {
      db.exec('ROLLBACK TO twins; RELEASE twins');
    }
  });

  it("follows accounts renamed and merged and contacts moved (the account's name kept on each contact, 0033)", () => {
    const db = journal.db;
    db.exec('SAVEPOINT moves');
    try {
      const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
      const accounts = ids('SELECT id FROM accounts ORDER BY id');
      const contacts = ids('SELECT id FROM contacts WHERE forgotten = 0 ORDER BY id');
      updateAccount(db, accounts[0], { name: 'Renamed Holdings' });
      updateAccount(db, accounts[1], { name: accounts.length > 2 ? 'Zeta Works' : 'Other' });
      updateContact(db, contacts[0], { accountId: accounts[2] });
      updateContact(db, contacts[1], { accountId: accounts[0] });
      mergeAccounts(db, accounts[3], accounts[1]);
      const accountId = insertAccount(db, '00000000-0000-4000-8000-777777777777', 'Newco');
      insertContact(db, {
        uuid: '00000000-0000-4000-9000-777777777777',
        name: 'Nia New',
        email: null,
        accountId,
        role: 'prospect',
        segment: null,
      });
      for (const prefix of ['', 'Nia', 'a']) {
        const fast = contactLines(db, prefix);
        expect(fast, prefix).toBeDefined();
        expect(fast, prefix).toBe(simple(db, prefix));
      }
      expect(contactLines(db, '')).toContain('Nia New\tNewco · prospect\n');
      expect(contactLines(db, '')).toContain('\tRenamed Holdings');
      expect(summaryDrift(db)).toEqual([]);
    } finally {
      db.exec('ROLLBACK TO moves; RELEASE moves');
    }
  });

  it('gives way to the lines made one by one on a journal before schema 33 (completion never migrates)', () => {
    const db = journal.db;
    const lines = simple(db, '');
    db.exec('SAVEPOINT old');
    try {
      db.exec(`DROP TRIGGER contacts_account_name_after_insert; DROP TRIGGER contacts_account_name_after_move;
        DROP TRIGGER contacts_account_name_after_rename; DROP VIEW contacts_account_name_now;
        DROP INDEX contacts_for_completion; ALTER TABLE contacts DROP COLUMN account_name;`);
      expect(contactLines(db, '')).toBeUndefined();
      expect(printed(db, '')).toBe(lines);
    } finally {
      db.exec('ROLLBACK TO old; RELEASE old');
    }
  });

  it('goes the long way when a line would not be offered as stored', () => {
    const db = journal.db;
    db.exec('SAVEPOINT odd');
    try {
      const accountId = insertAccount(db, '00000000-0000-4000-8000-999999999999', 'Acme  Corp');
      insertContact(db, {
        uuid: '00000000-0000-4000-9000-999999999999',
        name: 'Dana Doe',
        email: null,
        accountId,
        role: 'customer',
        segment: null,
      });
      expect(contactLines(db, '')).toBeUndefined();
      expect(simple(db, 'Dana')).toContain('Dana Doe\tAcme Corp\n');
    } finally {
      db.exec('ROLLBACK TO odd; RELEASE odd');
    }
  });
});
