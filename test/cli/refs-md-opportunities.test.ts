// A synced journal's markdown names each hypothesis by reference everywhere on the page (fresh-eyes
// wave 13 H9): the opportunities' list still said "hypotheses: H1" beside "**H1 (H-00ead5)**" in the
// same export (review wave 14 R3).
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-02' });
});
afterEach(() => box.cleanup());

describe("the week's markdown of a synced journal", () => {
  it('names the hypotheses of each opportunity with their reference, as the rest of the page does', () => {
    box.ok(['hyp', 'add', 'Finance teams will pay for matching', '--for', 'manual invoice matching']);
    box.ok([
      ...['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'retypes invoices'],
      ...['--pain', 'manual invoice matching:high', '--supports', 'H1'],
    ]);
    const solo = box.ok(['export', '--week', 'this']).out;
    expect(solo).toMatch(/hypotheses: H1(;|$)/m);
    // what pm sync init writes: the journal now syncs
    const db = new Database(box.db);
    db.prepare("INSERT INTO sync_remote (id, url) VALUES (1, 'postgres://x@127.0.0.1:1/n')").run();
    db.close();
    const ref = box.json(['hyp', 'show', 'H1']).ref as string;
    const shared = box.ok(['export', '--week', 'this']).out;
    expect(shared).toContain(`**H1 (${ref})**`);
    expect(shared).toContain(`hypotheses: H1 (${ref})`);
  });
});
