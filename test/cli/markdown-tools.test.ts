// The markdown pm writes, read by the real tools the issue tried (issue 20): markdownlint with the
// repo's .markdownlint.jsonc, GitHub's cmark-gfm with its extensions (autolinks, strikethrough,
// tables, tag filter) and pandoc's GFM reader with emoji and $math$. Before, an export failed
// markdownlint (three H1s), `:+1:` became an emoji, bare URLs, `www.` and @names became links,
// `~~x~~` struck text through, `$E=mc^2$` became math and a pasted bullet list in the notes was
// flattened into one paragraph. Obsidian's own syntax (==highlight==, %%comment%%, [[wiki]], #tag,
// ^block) has no command-line renderer: markdown-it with its ==mark==, emoji and linkify extensions
// (the parser family of many note apps) stands in for ==highlight==, shortcodes and bare URLs, and
// test/unit/markdown.test.ts checks that the rest is escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import MarkdownIt from 'markdown-it';
import mark from 'markdown-it-mark';
import { full as emoji } from 'markdown-it-emoji';
import { ROOT, sandbox } from '../helpers.js';

const box = sandbox();
afterAll(() => box.cleanup());

const SUMMARY =
  'Loved it :+1: see https://evil.test, //cdn.evil.test, www.evil.test and jane@acme.test; ping @octocat; ' +
  '$E=mc^2$ ~~gone~~ ==hl== %%hidden%% [[Wiki]] #tag ^block [^1] <b>bold</b>';
const NOTES = 'Pasted list:\n- first\n  - nested\n\tindented with a tab\n\n1. one\n2. two\n\n```\n# not a heading';
const HYPOTHESIS = 'Teams want :tada: exports at https://x.test/#frag ~~now~~';

function ok(args: string[]): string {
  const r = box.pm(args);
  if (r.code !== 0) throw new Error(`pm ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return r.out;
}

/** Every markdown document pm writes, by the command that wrote it. */
const docs: Record<string, string> = {};

beforeAll(() => {
  ok(['hyp', 'add', HYPOTHESIS]);
  ok(['config', 'set', 'product.outcome', 'Faster :rocket: closes, see www.outcome.test']);
  ok([
    'log',
    '--with',
    'Jane ~~Roe~~ <jane@acme.test>',
    '--account',
    'Acme :heart: SA',
    '--summary',
    SUMMARY,
    '--notes',
    NOTES,
    '--pain',
    'exports at http://slow.test:high',
    '--quote',
    'we #need it :fire:',
    '--tag',
    'pricing',
    '--supports',
    'H1',
  ]);
  ok(['log', '--with', 'Bob <bob@beta.test>', '--account', 'Beta', '--summary', 'plain', '--date', '2026-11-02']);
  for (const args of [
    ['export', '--format', 'md'],
    ['report', '--format', 'md'],
    ['coverage', '--format', 'md'],
    ['opportunities', '--format', 'md'],
    ['tree', '--format', 'md'],
    ['guide', 'H1', '--format', 'md'],
  ])
    docs[args.slice(0, -2).join(' ')] = ok(args);
  // pm guide check --format md is a section to append to the guide it reviews (its heading is an H2):
  // linted as the document the two make
  const questions = join(box.dir, 'questions.md');
  writeFileSync(questions, `- Would you pay for :tada: ==this== at https://x.test?\n- ${SUMMARY}\n`);
  const review = box.pm(['guide', 'check', questions, '--format', 'md']);
  expect(review.code, review.err).toBe(3);
  docs['guide H1 + guide check'] = `${docs['guide H1']}\n${review.out}`;
});

const CONFIG = JSON.parse(readFileSync(join(ROOT, '.markdownlint.jsonc'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));

describe('markdownlint', () => {
  it("passes every markdown document pm writes, with the repo's .markdownlint.jsonc", () => {
    expect(Object.keys(docs)).toHaveLength(7);
    for (const [command, md] of Object.entries(docs)) {
      const found = lint({ strings: { [command]: md }, config: CONFIG })[command];
      expect(found.map((e) => `pm ${command}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.errorDetail ?? ''}`)).toEqual(
        [],
      );
    }
  });

  it('finds one H1 in the export (default rule MD025), and keeps only the rules the config names off', () => {
    expect(run('cmark-gfm', [], docs.export).match(/<h1>/g)).toHaveLength(1);
    const defaults = lint({ strings: { doc: docs.export } }).doc;
    expect(new Set(defaults.map((e) => e.ruleNames[0]))).toEqual(new Set(['MD013', 'MD010']));
  });
});

/** The text a reader sees in HTML: tags and comments dropped, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The text nodes of HTML (what GitHub's emoji, mention and link filters read), one by one. */
function textNodes(html: string): string[] {
  return html.split(/<!--[\s\S]*?-->|<[^>]*>/);
}

function run(cmd: string, args: string[], input: string): string {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd}: ${r.error.message} (.ci/run installs it)`);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('cmark-gfm (GitHub)', () => {
  const gfm = (md: string) =>
    run('cmark-gfm', ['-e', 'autolink', '-e', 'strikethrough', '-e', 'table', '-e', 'tagfilter', '-e', 'tasklist'], md);

  it('makes no link, strikethrough, image or raw HTML of user text, and shows it as written', () => {
    for (const [command, md] of Object.entries(docs)) {
      const html = gfm(md);
      expect(html, command).not.toMatch(/<a |<del>|<img |<b>/);
      // cmark-gfm omits raw HTML: the only raw HTML is the empty comments src/render/markdown.ts splits with
      const omitted = html.split('<!-- raw HTML omitted -->').length - 1;
      expect(omitted, command).toBe(md.split('<!-- -->').length - 1);
    }
    const html = gfm(docs.export);
    const shown = visible(html);
    expect(shown).toContain(`Summary: ${SUMMARY}`);
    expect(shown).toContain(HYPOTHESIS);
    expect(shown).toContain('Jane ~~Roe~~ (Acme :heart: SA)');
    expect(shown).toContain('“we #need it :fire:”');
    expect(visible(gfm(docs.tree))).toContain('Faster :rocket: closes, see www.outcome.test');
  });

  it("leaves GitHub's emoji and @mention filters no shortcode or name in one text node", () => {
    for (const [command, md] of Object.entries(docs))
      for (const text of textNodes(gfm(md))) {
        expect(text, command).not.toMatch(/:[a-z0-9_+-]+:/);
        expect(text, command).not.toMatch(/(^|[^\w])@[A-Za-z0-9]/);
      }
  });

  it("keeps the notes' list, indentation, tab and blank lines in one block", () => {
    const html = gfm(docs.export);
    const block = html.match(/<pre><code class="language-text">([\s\S]*?)<\/code><\/pre>/);
    expect(block?.[1] && visible(block[1])).toBe(`${NOTES}\n`);
    expect(html).toContain('<h2>Hypotheses</h2>'); // the fence inside the notes closed nothing
  });
});

describe("pandoc's GFM reader, with emoji and $math$", () => {
  it('makes no emoji, math, link or strikethrough of user text', () => {
    for (const [command, md] of Object.entries(docs)) {
      const html = run('pandoc', ['-f', 'gfm+tex_math_dollars', '-t', 'html'], md);
      expect(html, command).not.toMatch(/<a |<del>|<span class="math|class="emoji"|[👍🎉❤🔥🚀]/u);
    }
    const html = run('pandoc', ['-f', 'gfm+tex_math_dollars', '-t', 'html', '--wrap=none'], docs.export);
    expect(visible(html)).toContain(`Summary: ${SUMMARY}`);
  });
});

describe('markdown-it with ==mark==, emoji shortcodes and linkify (as note apps extend it)', () => {
  // linkify-it's fuzzy links (a bare `evil.com`) off: neither GitHub nor Obsidian links a domain
  // without its scheme or www., and pm leaves such text as it is
  const md = new MarkdownIt({ linkify: true, html: true }).use(mark).use(emoji);
  md.linkify.set({ fuzzyLink: false });

  it('highlights nothing, makes no emoji and links nothing of user text', () => {
    // the renderer does what the issue saw, on text pm does not escape
    expect(md.render('==hl== :+1: https://evil.test //evil.test')).toMatch(
      /<mark>hl<\/mark> 👍 <a href="https:\/\/evil.test">.* <a href="\/\/evil.test">/,
    );
    for (const [command, doc] of Object.entries(docs)) {
      const html = md.render(doc);
      expect(html, command).not.toMatch(/<mark>|<a |[👍🎉❤🔥🚀]/u);
    }
    expect(visible(md.render(docs.export))).toContain(`Summary: ${SUMMARY}`);
  });
});
