// A contact matched by name on import takes the file's email into its row, and the key pm finds
// people by email with follows (fresh-eyes wave 8 E28: the email was written without its key, so
// pm doctor called the journal unhealthy, `pm contact set EMAIL` found nobody, and a log with that
// email failed with an internal error).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-05' });
});
afterEach(() => box.cleanup());

const pm = (who: string, args: string[]) => box.pm(['--db', join(box.dir, `${who}.db`), ...args]);

it("an email filled from a teammate's copy finds the person, and the journal stays healthy", () => {
  pm('m1', ['log', '--with', 'Tom Berg', '--account', 'Northwind', '--summary', 'A: Tom', '--date', '2026-12-01']);
  pm('m2', ['log', '--with', 'Tom Berg <tom@northwind.test>', '--account', 'Northwind', '--summary', 'C: Tom']);
  const file = join(box.dir, 'm2.json');
  writeFileSync(file, pm('m2', ['export', '--format', 'json']).out);
  expect(pm('m1', ['import', file]).code).toBe(0);
  const doctor = pm('m1', ['doctor']);
  expect(doctor.code, doctor.out + doctor.err).toBe(0);
  const set = pm('m1', ['contact', 'set', 'tom@northwind.test', '--persona', 'controller']);
  expect(set.code, set.err).toBe(0);
  const log = pm('m1', ['log', '--with', 'Tom Berg <tom@northwind.test>', '--account', 'Northwind', '--summary', 'x']);
  expect(log.code, log.err).toBe(0);
  const contacts = JSON.parse(pm('m1', ['contacts', '--json']).out) as { email: string; persona: string }[];
  expect(contacts).toMatchObject([{ email: 'tom@northwind.test', persona: 'controller' }]);
});
