// The plain report asks who the user is only of a journal that syncs, or holds calls it did not log
// (wave 15; wave 17 H19): a solo journal has no team to tell them from, and the OS login, without
// $USER, costs every report node:os and a lookup of the password file. A journal with a teammate's
// calls still reads as the user's own by that login (wave 13 H6), whether $USER names it or only the
// OS does.
import { userInfo } from 'node:os';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-02' });
});
afterEach(() => box.cleanup());

const noUser = { USER: undefined };

describe('the plain report, with no user.name set', () => {
  it("is the whole journal's when it logged all its calls, and the OS login's own when others' arrive", () => {
    box.ok(['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'my call', '--date', '2026-12-01'], {
      env: noUser,
    });
    box.ok([
      ...['log', '--with', 'Bo B', '--account', 'Globex', '--summary', "Dana's call"],
      ...['--by', 'Dana', '--date', '2026-12-01'],
    ]);
    // Dana's call logged here, by the user, for her
    const solo = box.json(['report', '--json'], { env: noUser });
    expect([solo.by, solo.own, solo.contact.direct]).toEqual([null, undefined, 2]);
    // the solo page does not depend on who asks
    expect(box.ok(['report'], { env: noUser }).out).toBe(box.ok(['report']).out);

    // Dana's call as pm import or pm sync brings it: not logged here
    const db = new Database(box.db);
    db.prepare("DELETE FROM logged_here WHERE interview_id = (SELECT id FROM interviews WHERE by = 'Dana')").run();
    db.close();
    const arrived = box.json(['report', '--json'], { env: noUser });
    expect([arrived.by, arrived.own, arrived.contact.direct]).toEqual([userInfo().username, true, 1]);

    const syncing = new Database(box.db);
    syncing.prepare("INSERT INTO sync_remote (id, url) VALUES (1, 'postgres://x@127.0.0.1:1/n')").run();
    syncing.close();
    const mine = box.json(['report', '--json'], { env: noUser });
    expect([mine.by, mine.own, mine.contact.direct]).toEqual([userInfo().username, true, 1]);
    expect(box.json(['report', '--json'])).toMatchObject({ by: 'tester', own: true });
  });
});
