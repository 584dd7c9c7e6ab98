// pm hyp edit --tag gives the whole list of tags, as pm edit's --tag does, and says what it replaced:
// "Edited H7 · tags" alone read as --for's adding, and the tag before was gone without a word
// (fresh-eyes wave 15 H14).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('pm hyp edit --tag', () => {
  it('names the tags it replaced, and nothing when it only adds or changes nothing', () => {
    box.ok(['hyp', 'add', 'Teams want onboarding help']);
    expect(box.ok(['hyp', 'edit', 'H1', '--tag', 'onboarding']).err).not.toContain('replaced');
    const replaced = box.ok(['hyp', 'edit', 'H1', '--tag', 'smb']);
    expect(replaced.out).toBe('Edited H1 · tags\n');
    expect(replaced.err).toContain('replaced tags: onboarding → smb');
    expect(box.ok(['hyp', 'edit', 'H1', '--tag', 'smb']).out).toBe('H1 unchanged: it already says that\n');
    expect(box.ok(['hyp', 'edit', 'H1', '--tag', 'smb,q4']).err).not.toContain('replaced');
    expect(box.json(['hyp', 'show', 'H1']).tags).toEqual(['smb', 'q4']);
  });
});
