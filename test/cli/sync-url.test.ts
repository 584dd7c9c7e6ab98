// pm sync init with a URL it cannot use: the error names the URL without its credentials, however
// the password breaks the URL (an unencoded #, /, ? or @), and says how to give a password (no database).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';
import { storableUrl, withoutCredentials } from '../../src/db/remote.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const BAD = [
  'postgres://dana:s3cr#t@db.example.test/pm',
  'postgres://dana:12#34@db.example.test/pm',
  'postgres://dana:s3/cr?t@db.example.test:5432/pm',
  'mysql://dana:s3cr3tpw@db.example.test/pm',
  'postgres:dana:s3cr3tpw@db.example.test/pm',
  'http://db.example.test/pm?password=s3cr3tpw',
];
const SECRETS = ['s3cr', 'cr?t', '12#34', 's3cr3tpw'];

describe('pm sync init: a URL it cannot use', () => {
  it('is refused (exit 2) naming the URL without its password, with how to give one', () => {
    for (const url of BAD) {
      const r = box.pm(['sync', 'init', url]);
      expect(r.code, url).toBe(2);
      expect(r.err, url).toMatch(/^pm: not a PostgreSQL URL: ".*db\.example\.test/m);
      expect(r.err, url).toMatch(/percent-encoded, or given in PGPASSWORD/);
      for (const secret of SECRETS) expect(r.err, url).not.toContain(secret);
    }
  });

  it('keeps the user, host and database in view, and the password out of what is stored', () => {
    expect(withoutCredentials('postgres://dana:s3cr#t@db.example.test/pm')).toBe('postgres://…@db.example.test/pm');
    expect(withoutCredentials('postgres://dana:p@ss@db.example.test/pm')).toBe('postgres://…@db.example.test/pm');
    expect(withoutCredentials('postgres://db.example.test/pm')).toBe('postgres://db.example.test/pm');
    expect(storableUrl('postgres://dana:s3cr3tpw@db.example.test/pm?password=x')).toEqual({
      url: 'postgres://dana@db.example.test/pm',
      hadPassword: true,
    });
  });
});
