// pm export --redact redacts a pain one way wherever it appears (fresh-eyes wave 19 H24): the Themes
// section sent a pain through the tag rule (a name word inside a word takes it whole), so "need
// Salesforce sync" read "need Contact 1 sync" under Themes and whole under Opportunities and Interviews.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
});
afterEach(() => box.cleanup());

describe('pm export --redact and a pain that holds a name word inside a word', () => {
  it('shows the pain the same under Themes, Opportunities and the interview', () => {
    box.ok(['log', '--with', 'Jane Sales', '--account', 'Acme', '--summary', 'call', '--pain', 'need Salesforce sync']);
    const md = box.ok(['export', '--week', '--redact']).out;
    expect(md).not.toContain('Jane');
    const themes = md.slice(md.indexOf('## Themes'), md.indexOf('## Opportunities'));
    expect(themes).toContain('- need Salesforce sync (pain)');
    expect(md).toContain('**need Salesforce sync**');
    expect(md).not.toMatch(/need Contact \d+ sync/);
  });
});
