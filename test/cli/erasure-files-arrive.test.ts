// An erasure that arrives names this journal's own files that still hold the person (a real PostgreSQL,
// test/pg.ts; fresh-eyes wave 14 H9): Pat's pm forget named his backups and exports, and Dana's sync
// said "1 person forgotten" while her own export of Zoë stayed on her disk, unnamed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-11-27');
const ZOE = 'Zoë Ŝtraße';

const bothKnowZoe = () => {
  t.pm('a', ['log', '--with', `${ZOE} <zoe@unicode.test>`, '--account', 'Ünïcode GmbH', '--summary', 'exports']);
  t.pm('a', ['log', '--with', 'Raj Patel', '--account', 'Globex', '--summary', 'pricing']);
};
const danasFiles = () => {
  const json = join(t.box.dir, 'dana.json');
  const csv = join(t.box.dir, 'dana.csv');
  t.pm('b', ['export', '--format', 'json', '--out', json]);
  t.pm('b', ['export', '--format', 'csv', '--out', csv]);
  return { json, csv };
};

describe('an erasure that arrives', () => {
  it('by pm sync names the files of this journal that still hold the person, never the name', async () => {
    bothKnowZoe();
    t.syncFirst(await t.postgres());
    const files = danasFiles();
    t.pm('a', ['forget', ZOE, '--yes']);
    t.pm('a', ['sync']);
    const r = t.pm('b', ['sync']);
    expect(r.out).toContain('1 person forgotten');
    expect(r.err).toContain(
      `the export ${files.json} still holds a person a teammate erased; delete it or export again`,
    );
    expect(r.err).toContain(`the export ${files.csv} still holds a person a teammate erased`);
    expect(r.err).not.toContain('Zo');
    expect(existsSync(files.json)).toBe(true); // named, not deleted: they are the user's files
    // exported again, nothing is named at the next sync
    t.pm('b', ['export', '--format', 'json', '--out', files.json]);
    t.pm('b', ['export', '--format', 'csv', '--out', files.csv]);
    expect(t.pm('b', ['sync']).err).toBe('');
  });

  it('by pm import names them too', () => {
    bothKnowZoe();
    t.trade('a', 'b');
    const files = danasFiles();
    t.pm('a', ['forget', ZOE, '--yes']);
    const r = t.trade('a', 'b');
    expect(r.err).toContain(`the export ${files.json} still holds a person the file erased; delete it or export again`);
    expect(r.err).toContain(`the export ${files.csv} still holds a person the file erased`);
  });
});
