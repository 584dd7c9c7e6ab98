// pm report --format html in-process: what the page is made of, without a browser (the browser
// tests are test/e2e/html-page.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

describe('pm report --format html', () => {
  it('is one inert document: a policy that forbids scripts and fetches, no script, one h1', () => {
    const r = box.pm(['report', '--format', 'html']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(r.out).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(r.out).not.toMatch(/<script|<link|<img|<iframe|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(r.out.match(/<h1>/g)).toHaveLength(1);
    // nothing logged yet: the page says how to start
    expect(r.out).toContain('<p id="empty">Nothing logged yet.');
  });

  it('gives the same bytes for the same journal and options', () => {
    box.pm(['log', '--with', 'Jane <jane@acme.test>', '--account', 'Acme', '--summary', 'x']);
    const a = box.pm(['report', '--format', 'html', '--as-of', '2026-11-20']).out;
    const b = box.pm(['report', '--format', 'html', '--as-of', '2026-11-20'], { env: { PM_TODAY: '2026-12-01' } }).out;
    expect(a).toBe(b);
    expect(a).not.toContain('id="empty"');
  });

  it('html with --json, or with --full, is a usage error', () => {
    expect(box.pm(['report', '--format', 'html', '--json']).code).toBe(2);
    const full = box.pm(['report', '--format', 'html', '--full']);
    expect(full.code).toBe(2);
    expect(full.err).toMatch(/^pm: --full is for the text report/);
    expect(box.pm(['coverage', '--format', 'html']).err).toContain(
      'pm: --format must be text, md or json (got "html")',
    );
  });
});
