// What a first-time user stumbled on (wave 8's fixes of wave 7's findings): themes, wording.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe("the report's themes", () => {
  it("count the accounts' segments, not a contact's copy made when it was created (E9)", () => {
    const log = (who: string, account: string, segment: string) =>
      expect(
        box.pm(['log', '--with', who, '--account', account, '--segment', segment, '--tag', 'billing', '--summary', 'x'])
          .code,
      ).toBe(0);
    log('Raj Patel', 'Globex', 'smb'); // sets Globex's segment and Raj's
    log('Ann Lee', 'Initech', 'enterprise');
    expect(box.pm(['account', 'set', 'Globex', '--segment', 'mid-market']).code).toBe(0);
    const billing = box.json(['report']).themes.find((t: { theme: string }) => t.theme === 'billing');
    expect(billing).toMatchObject({ accounts: 2, segments: ['enterprise', 'mid-market'] });
  });
});
