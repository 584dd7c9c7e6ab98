// The HTML standup page (pm report --format html, pm export --format html) in a real headless
// browser (issue 20): Debian's Chromium, driven by playwright-core. The page loads with no console
// error and asks for nothing but itself; its visible numbers are the JSON report's; hostile text typed
// into the journal shows as text and never becomes an element or an attribute; it fits a phone's
// width, and screenshots at phone and desktop widths are not blank; it prints. One browser for the
// file: each page is opened in its own context.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sandbox } from '../helpers.js';

// what page.evaluate's functions use, in the browser (the project's types are node's)
declare const document: any;
declare const innerWidth: number;

const CHROMIUM = process.env.PM_TEST_CHROMIUM ?? '/usr/bin/chromium';

const box = sandbox();
let browser: Browser | undefined;

const HOSTILE = {
  summary: `<script>alert('summary')</script><img src=x onerror="alert(1)"> & "quotes" 'too'`,
  account: '</style><b id=injected>Evil</b> Corp',
  tag: '<iframe src="javascript:alert(2)">',
  pain: '"><svg onload=alert(3)>',
  hypothesis: '<a href="https://evil.test/">click</a> users want links',
  notes: '</pre><h1 id=injected2>not a heading</h1>\n\t- indented list',
};

const RTL = { name: 'محمد العلي', account: 'شركة الرياض', summary: 'يريدون تقارير شهرية' };

function ok(args: string[]): string {
  const r = box.pm(args);
  if (r.code !== 0) throw new Error(`pm ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return r.out;
}

let report: any;
const files: Record<string, string> = {};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  const launching = chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // the sample journal (every section and flag), then hostile text in every kind of field
  ok(['--db', box.db, 'demo', '--format', 'json']);
  ok(['hyp', 'add', HOSTILE.hypothesis]);
  ok([
    'log',
    '--with',
    'Mallory <m@evil.test>',
    '--account',
    HOSTILE.account,
    '--summary',
    HOSTILE.summary,
    '--notes',
    HOSTILE.notes,
    '--tag',
    HOSTILE.tag,
    '--pain',
    `${HOSTILE.pain}:blocker`,
    '--quote',
    HOSTILE.summary,
  ]);
  // a right-to-left customer (H6): name, account and summary each keep their place in the line
  ok(['log', '--with', RTL.name, '--account', RTL.account, '--summary', RTL.summary]);
  report = box.json(['report']);
  files.report = join(box.dir, 'report.html');
  writeFileSync(files.report, ok(['report', '--format', 'html']));
  files.export = join(box.dir, 'export.html');
  ok(['export', '--format', 'html', '--week', '--as-of', '2026-11-20', '--out', files.export]);
  browser = await launching;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  box.cleanup();
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(file: string, width = 1280, height = 800): Promise<Opened> {
  const context = await browser!.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.request().url() === url ? route.continue() : route.abort();
  });
  await page.goto(url);
  return { page, errors, requests };
}

// what a reader sees (innerText follows the layout and CSS, as a reader does)
// biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
const visible = (page: Page) => page.locator('body').innerText();

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent())?.trim();

describe('pm report --format html in Chromium', () => {
  it('loads with no console error and requests nothing but itself', async () => {
    for (const file of [files.report, files.export]) {
      const { page, errors, requests } = await open(file);
      expect(errors, file).toEqual([]);
      expect(requests, file).toEqual([pathToFileURL(file).href]);
      await page.context().close();
    }
  });

  it("shows the JSON report's numbers", async () => {
    const { page } = await open(files.report);
    expect(await text(page, '#verdict')).toBe(report.verdict);
    for (const key of ['direct', 'indirect', 'stakeholder', 'target'])
      expect(await text(page, `[data-n="${key}"]`), key).toBe(String(report.contact[key]));
    expect(await text(page, '[data-n="customers"]')).toMatch(new RegExp(`^${report.contact.customers} customers?$`));
    // the heading counts the lines listed, and the flags behind them when several share a line (E22)
    const items = await page.locator('#needs li').count();
    expect(await text(page, '#needs h2')).toBe(
      items < report.flags.length
        ? `Needs action (${items}, from ${report.flags.length} flags)`
        : `Needs action (${items})`,
    );
    // the weekly chart: one bar a week from the first record's week (none before: wave 13 H2), labelled
    // with its customer conversations
    const charted = report.weekly.weeks.filter((w: { end: string }) => w.end >= report.weekly.firstDate);
    expect(charted.length).toBeGreaterThan(1);
    expect(await page.locator('#chart-weekly [data-week]').count()).toBe(charted.length);
    for (const w of charted)
      expect(await text(page, `#chart-weekly [data-week="${w.label}"] .count`), w.label).toBe(String(w.direct));
    expect(await page.locator('#chart-weekly .target').count()).toBe(1);
    // the target's label clear of every bar, as the browser lays them out (E13: it sat on the last one)
    const label = (await page.locator('#chart-weekly .target-label').boundingBox())!;
    expect(await page.locator('#chart-weekly .target-label').textContent()).toBe(`target ${report.weekly.target}`);
    for (const bar of await page.locator('#chart-weekly rect').all()) {
      const b = (await bar.boundingBox())!;
      const apart =
        label.x + label.width <= b.x ||
        b.x + b.width <= label.x ||
        label.y + label.height <= b.y ||
        b.y + b.height <= label.y;
      expect(apart).toBe(true);
    }
    // hypotheses by status and confidence
    const unvalidated = report.hypotheses.unvalidated;
    for (const level of ['none', 'opinion', 'anecdotal', 'customers', 'behaviour', 'commitment'])
      expect(await text(page, `#chart-hypotheses [data-key="open-${level}"] .count`), level).toBe(
        String(unvalidated.filter((h: any) => h.confidence.level === level).length),
      );
    for (const outcome of ['validated', 'invalidated', 'killed'])
      expect(await text(page, `#chart-hypotheses [data-key="${outcome}"] .count`), outcome).toBe(
        String(report.hypotheses.decided.filter((o: any) => o.outcome === outcome).length),
      );
    // opportunities by score, best first
    const scores = await page.locator('#chart-opportunities .count').allTextContents();
    expect(scores).toEqual(report.opportunities.top.map((o: any) => String(o.score)));
    expect(report.opportunities.top.length).toBeGreaterThan(1);
    const body = await visible(page);
    for (const c of report.conversations.slice(0, 10)) expect(body).toContain(c.id);
    await page.context().close();
  });

  it('shows hostile text as text: no element, attribute or link comes from it', async () => {
    for (const file of [files.report, files.export]) {
      const { page, errors } = await open(file);
      const dom = await page.evaluate(() => ({
        elements: [...document.querySelectorAll('script, iframe, img, a, object, embed, link, form, input, b#injected')]
          .length,
        injected: document.querySelectorAll('#injected, #injected2').length,
        h1: document.querySelectorAll('h1').length,
        handlers: [...document.querySelectorAll('*')].flatMap((e) =>
          [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
        ),
      }));
      expect(dom, file).toEqual({ elements: 0, injected: 0, h1: 1, handlers: [] });
      const body = await visible(page);
      expect(body, file).toContain(HOSTILE.summary);
      expect(body, file).toContain(HOSTILE.account);
      expect(body, file).toContain(HOSTILE.hypothesis);
      expect(body, file).toContain(HOSTILE.pain);
      expect(errors, file).toEqual([]);
      await page.context().close();
    }
    // the export lists the interviews, notes as written
    const { page } = await open(files.export);
    expect(await page.locator('pre').allInnerTexts()).toContain(HOSTILE.notes);
    expect(await visible(page)).toContain(HOSTILE.tag);
    await page.context().close();
  });

  it('fits a phone, and is not blank at phone and desktop widths', async () => {
    const blank = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    await blank.setContent('<!DOCTYPE html><title>blank</title>');
    const empty = (await blank.screenshot()).length;
    await blank.close();
    for (const [width, height] of [
      [390, 844],
      [1280, 800],
    ]) {
      const { page } = await open(files.report, width, height);
      const fit = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
      expect(fit.scroll, `${width}px`).toBeLessThanOrEqual(fit.width);
      const shot = await page.screenshot();
      expect(shot.length, `${width}px`).toBeGreaterThan(empty * 4);
      for (const chart of ['#chart-weekly svg', '#chart-hypotheses svg', '#chart-opportunities svg']) {
        const b = await page.locator(chart).boundingBox();
        expect(
          b && [b.width > 100, b.height > 50, b.x >= 0, b.x + b.width <= width],
          `${chart} ${JSON.stringify(b)}`,
        ).toEqual([true, true, true, true]);
      }
      await page.context().close();
    }
  });

  it('keeps commands, dates and flags whole on a phone, and a right-to-left name before its account', async () => {
    const look = (page: Page) =>
      page.evaluate((rtl: typeof RTL) => {
        // the lines a piece of text is drawn on (a word broken at its hyphen is on two)
        const lines = (node: any, from: number, to: number) => {
          const range = document.createRange();
          range.setStart(node, from);
          range.setEnd(node, to);
          return new Set([...range.getClientRects()].filter((r: any) => r.width > 0).map((r: any) => Math.round(r.top)))
            .size;
        };
        const walker = document.createTreeWalker(document.querySelector('main'), 4);
        const broken: string[] = [];
        let checked = 0;
        const spots: Record<string, number> = {};
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const inCommand = node.parentElement.closest('.cmd, .flag, h1, .meta');
          const words = /[^\s]*-[^\s]*/g;
          for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
            if (!inCommand && !/\d{4}-\d\d-\d\d/.test(m[0])) continue;
            checked++;
            if (lines(node, m.index, m.index + m[0].length) > 1) broken.push(m[0]);
          }
          for (const [key, text] of Object.entries(rtl)) {
            const at = node.data.indexOf(text);
            if (at < 0 || !node.parentElement.closest('#conversations')) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            spots[key] = range.getBoundingClientRect().left;
          }
        }
        return { broken, checked, spots };
      }, RTL);
    const phone = await open(files.report, 390, 844);
    const seen = await look(phone.page);
    expect(seen.checked).toBeGreaterThan(20);
    expect(seen.broken).toEqual([]);
    await phone.page.context().close();
    // on one line (a wide page), left to right: the name, its account, then what they said
    const desktop = await open(files.report);
    const { spots } = await look(desktop.page);
    expect(Object.keys(spots).sort()).toEqual(['account', 'name', 'summary']);
    expect(spots.name).toBeLessThan(spots.account);
    expect(spots.account).toBeLessThan(spots.summary);
    await desktop.page.context().close();
  });

  it('prints: the charts and sections are there on paper', async () => {
    const { page } = await open(files.report);
    await page.emulateMedia({ media: 'print' });
    for (const id of ['#needs', '#chart-weekly svg', '#conversations', '#follow-ups'])
      expect(await page.locator(id).isVisible(), id).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.context().close();
  });
});
