// README and package.json promise Node 20.19: every package `npm ci` installs (dev ones too, since a
// contributor runs `npm ci` first) must accept it, or npm greets a newcomer with an EBADENGINE warning
// (fresh-eyes wave 8 E20: markdownlint 0.41+ needs Node 22). The lock records each package's range;
// the few forms npm packages use are read here, and an unknown form fails rather than passes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

type Version = [number, number, number];

function parse(text: string): Version {
  const parts = text.replace(/^v/, '').split('.');
  const num = (p: string | undefined) => (p === undefined || p === 'x' || p === '*' ? 0 : Number(p));
  const version: Version = [num(parts[0]), num(parts[1]), num(parts[2])];
  if (version.some((n) => !Number.isInteger(n))) throw new Error(`unknown version form: ${text}`);
  return version;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function satisfiesComparator(v: Version, comparator: string): boolean {
  if (comparator === '*' || comparator === '') return true;
  const m = /^(>=|<=|>|<|=|\^|~)?(.+)$/.exec(comparator);
  if (!m) throw new Error(`unknown range form: ${comparator}`);
  const [, op, rest] = m;
  const target = parse(rest);
  const c = compare(v, target);
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '^':
      return c >= 0 && (target[0] > 0 ? v[0] === target[0] : v[1] === target[1]);
    case '~':
      return c >= 0 && v[0] === target[0] && v[1] === target[1];
    default: {
      // A bare version: 20.x matches every 20, 20.19.0 only itself.
      const given = rest.split('.').filter((p) => p !== 'x' && p !== '*').length;
      return target.slice(0, given).every((n, i) => n === v[i]);
    }
  }
}

function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => satisfiesComparator(v, comparator)),
  );
}

describe("the packages npm ci installs accept package.json's minimum Node", () => {
  it('reads the ranges npm packages use', () => {
    expect(satisfies('20.19.0', '>=20.19')).toBe(true);
    expect(satisfies('20.19.0', '>=22')).toBe(false);
    expect(satisfies('20.19.0', '>= 10.x')).toBe(true);
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.19.0', '^20.17.0 || >=22.9.0')).toBe(true);
    expect(satisfies('20.19.0', '^12.17.0 || ^14.13 || >=16.0.0')).toBe(true);
    expect(satisfies('20.19.0', '>=23.5.0 || ^22.13.0')).toBe(false);
    expect(satisfies('20.19.0', '20.x || 22.x')).toBe(true);
    expect(satisfies('20.19.0', '18.x')).toBe(false);
    expect(satisfies('20.19.0', '*')).toBe(true);
  });

  it('every package in package-lock.json accepts it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const minimum = (/^>=\s*([\d.]+)$/.exec(pkg.engines.node) ?? [])[1];
    expect(minimum).toBeDefined();
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries<{ engines?: { node?: string } | string[] }>(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (range && !satisfies(minimum, range)) refusing.push(`${path.replace(/^.*node_modules\//, '')} ${range}`);
    }
    expect(refusing).toEqual([]);
  });
});
