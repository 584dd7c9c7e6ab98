// Whom the standup page asks to follow up with (fresh-eyes H7). A follow-up is answered by a later
// customer conversation with one of its people, so the page names, and its command logs a call with,
// the first living customer or prospect the conversation had: after pm forget of the first person the
// line said "Follow up with Forgotten contact", and with a colleague listed first it proposed
// `pm log --with` the colleague, a stakeholder meeting that answers nothing. A follow-up left with
// colleagues alone (its customer erased) is closed by hand, as a stakeholder meeting's is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const followUpLine = () =>
  box
    .ok(['report'])
    .out.split('\n')
    .find((l) => l.includes('Follow up with'));

/** A call at Acme on `date` with `people`, and its extra flags. */
const call = (people: string[], date: string, ...extra: string[]) =>
  box.ok(['log', ...people.flatMap((p) => ['--with', p]), '--account', 'Acme', '--date', date, ...extra]);
const ASKS = ['--summary', 'asks for SSO', '--follow-up', '2026-11-12'];
const line = (who: string, command: string) =>
  `  ! Follow up with ${who} (Acme), due 8 days ago — asks for SSO  → ${command}`;

describe("the standup page's follow-up line", () => {
  it('names the living customer, not "Forgotten contact", once the first person is erased', () => {
    call(['Jane Roe', 'Raj Patel'], '2026-11-10', ...ASKS);
    box.ok(['forget', 'Jane Roe', '--yes']);
    expect(followUpLine()).toBe(line('Raj Patel', 'pm log --with "Raj Patel"'));
  });

  it('names the customer, not a colleague listed before them, and closes it by hand once only colleagues are left', () => {
    call(['Sam Hale'], '2026-11-01', '--role', 'stakeholder', '--summary', 'prep');
    call(['Sam Hale', 'Jane Roe'], '2026-11-10', ...ASKS);
    expect(followUpLine()).toBe(line('Jane Roe', 'pm log --with "Jane Roe"'));
    box.ok(['forget', 'Jane Roe', '--yes']);
    // the follow-up stays (Sam was there: wave 16), but no call with Sam alone can answer it
    expect(followUpLine()).toBe(line('Sam Hale', 'pm edit I2 --follow-up done'));
  });
});
