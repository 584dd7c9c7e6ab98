// The journal's settings: keys, defaults and validation (contract: "pm config").
import { UsageError } from '../errors.js';
import { checkText, LIMITS } from './text.js';

export interface Config {
  'cadence.target': number;
  'cadence.days': number;
  'account.cadenceDays': number;
  'hypothesis.staleDays': number;
  'hypothesis.decideDays': number;
  'evidence.validateAt': number;
  'evidence.killAt': number;
  'week.start': 'monday' | 'sunday';
  'user.name': string | null;
  /** the customer journey's stages, in order, comma-separated (journeyStages() splits them) */
  'journey.stages': string;
  'coverage.silentDays': number;
  'bets.max': number;
  /** the outcome the opportunity–solution tree grows from (pm tree) */
  'product.outcome': string | null;
}

export type ConfigKey = keyof Config;

export const DEFAULTS: Config = {
  'cadence.target': 1,
  'cadence.days': 7,
  'account.cadenceDays': 30,
  'hypothesis.staleDays': 14,
  'hypothesis.decideDays': 28,
  'evidence.validateAt': 3,
  'evidence.killAt': 2,
  'week.start': 'monday',
  'user.name': null,
  'journey.stages': 'discover,evaluate,onboard,adopt,expand,churn',
  'coverage.silentDays': 30,
  'bets.max': 3,
  'product.outcome': null,
};

export const CONFIG_KEYS = Object.keys(DEFAULTS) as ConfigKey[];

/**
 * Shared settings a teammate's version changed here, as one line's list ("cadence.target 3 → 10,
 * week.start monday → sunday"): pm sync and pm import say so (fresh-eyes wave 11 E9: the standup's
 * target and week changed without a word). A key changed twice reads from the first to the last.
 */
export function settingChangesText(changes: { key: string; from: string | null; to: string | null }[]): string {
  const byKey = new Map<string, { from: string | null; to: string | null }>();
  for (const c of changes) byKey.set(c.key, { from: byKey.get(c.key)?.from ?? c.from, to: c.to });
  const shown = (key: string, v: string | null) => {
    if (v !== null) return v;
    const d = isConfigKey(key) ? DEFAULTS[key] : null;
    return d === null ? '(unset)' : `${d} (default)`;
  };
  // a setting set to the value it had by default changes nothing the user sees ("7 (default) → 7")
  const value = (key: string, v: string | null) => v ?? (isConfigKey(key) ? DEFAULTS[key] : null);
  return [...byKey]
    .filter(([key, c]) => String(value(key, c.from)) !== String(value(key, c.to)))
    .map(([key, c]) => `${key} ${shown(key, c.from)} → ${shown(key, c.to)}`)
    .join(', ');
}

const DESCRIPTIONS: Record<ConfigKey, string> = {
  'cadence.target': 'customer conversations wanted per cadence period',
  'cadence.days': 'length of the cadence period in days; no customer contact for longer is overdue',
  'account.cadenceDays': 'an account with no customer contact for longer is going cold',
  'hypothesis.staleDays': 'an open hypothesis with no new evidence for longer is stale',
  'hypothesis.decideDays': 'default time box: decide-by is this many days after creation',
  'evidence.validateAt': 'distinct supporting customers (from two or more accounts) to be ready to validate',
  'evidence.killAt': 'distinct refuting customers to be ready to kill',
  'week.start': 'monday (ISO weeks) or sunday',
  'user.name': 'who holds the conversations you log (default: the OS user)',
  'journey.stages': "the customer journey's stages, in order, comma-separated (pm log --stage takes one)",
  'coverage.silentDays': 'a segment with accounts and no customer conversation for longer is silent',
  'bets.max': 'conviction bets held at once (pm hyp bet)',
  'product.outcome': 'the outcome pm tree grows from, e.g. "Finance teams close the month in a day"',
};

export function describeKey(key: ConfigKey): string {
  return DESCRIPTIONS[key];
}

export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(DEFAULTS, key);
}

export function assertConfigKey(key: string): ConfigKey {
  if (!isConfigKey(key)) throw new UsageError(`unknown config key: ${key}`, `keys: ${CONFIG_KEYS.join(', ')}`);
  return key;
}

/** Parse a value typed by the user (or stored as text) for `key`; bad values are usage errors. */
export function parseConfigValue<K extends ConfigKey>(key: K, raw: string): Config[K] {
  const value = raw.trim();
  if (key === 'week.start') {
    const v = value.toLowerCase();
    if (v !== 'monday' && v !== 'sunday')
      throw new UsageError(`week.start must be monday or sunday, not ${JSON.stringify(raw)}`);
    return v as Config[K];
  }
  if (key === 'journey.stages') return formatStages(parseStages(value)) as Config[K];
  if (key === 'user.name') {
    if (value === '') throw new UsageError('user.name cannot be empty');
    if (value.length > 500) throw new UsageError('user.name is longer than 500 characters');
    return value as Config[K];
  }
  if (key === 'product.outcome') {
    if (value === '')
      throw new UsageError('product.outcome cannot be empty', 'try: pm config unset product.outcome (to remove it)');
    return checkText('product.outcome', value, 1000) as Config[K];
  }
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  const min =
    key === 'evidence.validateAt' ||
    key === 'evidence.killAt' ||
    key === 'bets.max' ||
    key.endsWith('Days') ||
    key.endsWith('.days')
      ? 1
      : 0;
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(
      `${key} must be a whole number, ${min ? '1 or more' : '0 or more'}, not ${JSON.stringify(raw)}`,
    );
  return n as Config[K];
}

/** Build a full config from stored rows; rows with unknown keys or bad values fall back to defaults. */
export function configFromRows(rows: { key: string; value: string }[]): Config {
  const config: Config = { ...DEFAULTS };
  for (const { key, value } of rows) {
    if (!isConfigKey(key)) continue;
    try {
      (config as unknown as Record<string, unknown>)[key] = parseConfigValue(key, value);
    } catch {
      /* keep the default: a bad stored value must not make every command fail */
    }
  }
  return config;
}

/**
 * The stages of journey.stages as typed ("discover, evaluate,onboard"): trimmed, none empty, none
 * twice (case-insensitively), at most 20 of at most 50 characters. Bad lists are usage errors.
 */
export function parseStages(raw: string): string[] {
  const stages = raw.split(',').map((s) => s.trim());
  if (stages.length === 0 || stages.every((s) => s === ''))
    throw new UsageError(
      'journey.stages needs at least one stage',
      'e.g. discover,evaluate,onboard,adopt,expand,churn',
    );
  if (stages.some((s) => s === ''))
    throw new UsageError(`journey.stages has an empty stage: ${JSON.stringify(raw)}`, 'separate stages with one comma');
  if (stages.length > 20) throw new UsageError('journey.stages holds at most 20 stages');
  const seen = new Set<string>();
  for (const s of stages) {
    if (s.length > LIMITS.stage)
      throw new UsageError(`journey.stages: ${JSON.stringify(s)} is longer than 50 characters`);
    if (/[\u0000-\u001f\u007f]/.test(s)) throw new UsageError('journey.stages: a stage cannot hold control characters');
    const key = s.toLowerCase();
    if (seen.has(key)) throw new UsageError(`journey.stages names ${JSON.stringify(s)} twice`);
    seen.add(key);
  }
  return stages;
}

export function formatStages(stages: string[]): string {
  return stages.join(',');
}

/** The journey's stages, in order. */
export function journeyStages(config: Config): string[] {
  return parseStages(config['journey.stages']);
}
