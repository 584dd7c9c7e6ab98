// Two journals logging under one name (a real PostgreSQL, test/pg.ts; fresh-eyes wave 13 H18): two
// laptops with user.name unset and one OS login were one teammate in pm report --team for good, and
// no sync said so.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-08');
const log = (who: 'a' | 'b', name: string) =>
  t.pm(who, ['log', '--with', name, '--account', name, '--summary', 'call']);

describe('pm sync, when conversations under your name arrive from another device', () => {
  it('says so once for that device, naming them and how to tell a teammate from your other machine', async () => {
    const url = await t.postgres();
    t.pm('a', ['sync', 'init', url]);
    log('a', 'Ann A');
    t.pm('a', ['sync']);
    t.pm('b', ['sync', 'init', url]);
    const first = t.pm('b', ['sync']).err;
    expect(first).toMatch(
      /warning: a conversation logged on another device \([0-9a-f]{8}…\) is by "[^"]+", your OS login/,
    );
    expect(first).toContain(
      '(user.name is not set): I1. Your other machine? Then nothing to do. Not yours (pm show I1)?',
    );
    expect(first).toContain('pm config set user.name "Your Name"');
    // once a device: the next conversations from it are not named again
    log('a', 'Bo B');
    t.pm('a', ['sync']);
    expect(t.pm('b', ['sync']).err).not.toContain('another device');
    // and the other journal hears of this one when its first conversation arrives
    log('b', 'Cy C');
    t.pm('b', ['sync']);
    expect(t.pm('a', ['sync']).err).toContain('is by "');
    expect(t.pm('a', ['sync']).err).not.toContain('another device');
  });

  it('says nothing of a teammate with a name of their own', async () => {
    t.pm('a', ['config', 'set', 'user.name', 'Pat']);
    t.pm('b', ['config', 'set', 'user.name', 'Dana']);
    t.syncFirst(await t.postgres());
    log('a', 'Ann A');
    t.pm('a', ['sync']);
    expect(t.pm('b', ['sync']).err).not.toContain('another device');
  });
});
