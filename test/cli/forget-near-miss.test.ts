// Fresh-eyes wave 11 E3: an erasure request names the person as they sign, not as they were typed
// months ago; pm forget answered "no contact named" with no suggestion, which reads as "we hold nothing
// about them". A near miss now names who it may mean and the exact command; nothing is erased without it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

it('a near miss names the candidates and how to erase each, exit 2, nothing erased', () => {
  for (const [who, account] of [
    ['Zoë Ŝtraße 👩‍💻', 'Ünïcode GmbH'],
    ['Raj Patel <raj@acme.test>', 'Acme'],
    ['Mia Chen', 'Globex'],
  ])
    expect(box.pm(['log', '--with', who, '--account', account, '--summary', 's']).code).toBe(0);
  const before = box.snapshot();
  const cases: [string, RegExp][] = [
    [
      'Zoë Ŝtraße',
      /^hint: did you mean Zoë Ŝtraße 👩‍💻 \(Ünïcode GmbH\)\? pm forget "Zoë Ŝtraße 👩‍💻 \(Ünïcode GmbH\)"$/m,
    ],
    ['Raj', /^hint: did you mean Raj Patel \(Acme\)\? pm forget raj@acme\.test$/m],
    ['patel', /^hint: did you mean Raj Patel \(Acme\)\? pm forget raj@acme\.test$/m],
    ['raj@acme.tes', /^hint: did you mean Raj Patel \(Acme\)\? pm forget raj@acme\.test$/m],
    ['Raj Patel (Acme Inc)', /^hint: did you mean Raj Patel \(Acme\)\?/m],
    ['Mia Chne', /^hint: did you mean Mia Chen \(Globex\)\? pm forget "Mia Chen \(Globex\)"$/m],
  ];
  for (const [who, hint] of cases) {
    const r = box.pm(['forget', who, '--yes']);
    expect(r.code, who).toBe(2);
    expect(r.err, who).toMatch(
      new RegExp(`^pm: no contact named ${JSON.stringify(who).replace(/[()]/g, '\\$&')}$`, 'm'),
    );
    expect(r.err, who).toMatch(hint);
  }
  expect(box.snapshot()).toBe(before);
  // nobody near: as before
  expect(box.pm(['forget', 'Nobody Atall', '--yes']).err).toMatch(/^try: pm contacts$/m);
});
