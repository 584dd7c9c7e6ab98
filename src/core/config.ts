// The journal's settings: keys, defaults and validation (contract: "pm config").
import { UsageError } from '../errors.js';

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
};

export const CONFIG_KEYS = Object.keys(DEFAULTS) as ConfigKey[];

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
  if (key === 'user.name') {
    if (value === '') throw new UsageError('user.name cannot be empty');
    if (value.length > 500) throw new UsageError('user.name is longer than 500 characters');
    return value as Config[K];
  }
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  const min =
    key === 'evidence.validateAt' || key === 'evidence.killAt' || key.endsWith('Days') || key.endsWith('.days') ? 1 : 0;
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${key} must be a whole number${min ? ' of at least 1' : ''}, not ${JSON.stringify(raw)}`);
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
