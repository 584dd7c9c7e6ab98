// pm show ACCOUNT and pm show CONTACT on a real terminal (a pseudo-terminal): the newest 50
// conversations and how many there are, as pm ls does; into a pipe every one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineFields, sandbox, terminalLines, type Sandbox } from '../helpers.js';
// @ts-expect-error the generator is plain JavaScript
import { generate } from '../bench/generate.mjs';

let box: Sandbox;
let account: string;
let contact: string;
beforeAll(() => {
  box = sandbox();
  const file = join(box.dir, 'journal.json');
  // 300 conversations, half of them with one customer of one account: well over 50 each
  const doc = generate(300, { accounts: 40, contacts: 150, hypotheses: 10, seed: 4 });
  const customer = Object.assign(doc.contacts[0], {
    role: 'customer',
    accountUuid: doc.accounts.find((a: { name: string }) => a.name !== 'Us').uuid,
  });
  doc.interviews.forEach((i: Record<string, unknown>, k: number) => {
    if (k % 2 === 0)
      Object.assign(i, { accountUuid: customer.accountUuid, contactUuids: [customer.uuid], channel: 'call' });
  });
  writeFileSync(file, JSON.stringify(doc));
  expect(box.pm(['import', file]).code).toBe(0);
  account = doc.accounts.find((a: { uuid: string }) => a.uuid === customer.accountUuid).name;
  contact = customer.email;
});
afterAll(() => box.cleanup());

const screen = (args: string[]) => terminalLines(box, args);
describe('pm show ACCOUNT and CONTACT on a terminal', () => {
  it.each([
    ['ACCOUNT', () => account],
    ['CONTACT', () => contact],
  ])('pm show %s: the newest 50 conversations a pipe gets, and how many there are', (_what, who) => {
    const name = who();
    const all = box.pm(['show', name]).out.replace(/\n$/, '').split('\n');
    const head = all.indexOf('') + 1; // its lines before the conversations
    const total = all.length - head;
    expect(total).toBeGreaterThan(60);
    const lines = screen(['show', name]);
    expect(lines.length).toBe(head + 51);
    expect(lines.slice(head, head + 50).map(lineFields)).toEqual(all.slice(head, head + 50).map(lineFields));
    expect(lines[head + 50]).toBe(`(50 of ${total}, newest first; --limit N for more)`);
    expect(screen(['show', name, '--limit', '0']).length).toBe(all.length);
    expect(screen(['show', name, '--limit', '3']).length).toBe(head + 3);
    expect(box.pm(['show', name, '--limit', '3']).out.replace(/\n$/, '').split('\n').length).toBe(head + 3);
  });
});
