import type { Context } from '../context.js';
import { CONFIG_KEYS, DEFAULTS, assertConfigKey, describeKey, parseConfigValue } from '../core/config.js';
import { setConfigValue, setUserName, storedConfigKeys, unsetConfigValue } from '../db/config.js';
import { safeLine } from '../core/text.js';
import { configTable } from '../render/config.js';

export function list(ctx: Context): void {
  const config = ctx.config();
  const stored = storedConfigKeys(ctx.read().db);
  if (ctx.json) {
    ctx.printJson(Object.fromEntries(CONFIG_KEYS.map((k) => [k, config[k]])));
    return;
  }
  const rows = CONFIG_KEYS.map((k) => ({
    key: k,
    value: config[k] === null ? null : String(config[k]),
    note: stored.has(k) ? `default ${DEFAULTS[k] ?? 'unset'}` : 'default',
    about: describeKey(k),
  }));
  ctx.out(configTable(rows, ctx.color));
}

export function get(ctx: Context, key: string): void {
  const k = assertConfigKey(key);
  const value = ctx.config()[k];
  if (ctx.json) ctx.printJson(value);
  else ctx.out(value === null ? '' : safeLine(String(value)));
}

export function set(ctx: Context, key: string, raw: string): void {
  const k = assertConfigKey(key);
  const value = parseConfigValue(k, raw);
  if (k === 'user.name') {
    const claimed = claimName(ctx, value as string);
    // how many conversations changed hands, for a script: pushed at the next sync (review wave 14 R5)
    if (ctx.json) ctx.printJson({ [k]: value, claimed });
    return;
  }
  ctx.transaction(({ db }) => setConfigValue(db, k, value as string | number));
  if (ctx.json) ctx.printJson({ [k]: value });
  else ctx.info(`Set ${k} = ${safeLine(String(value))}`);
}

/**
 * Set user.name (pm config set, pm sync init): where it was unset, this journal's own conversations
 * logged under the OS login become the name's (src/db/config.ts setUserName), and the user is told.
 * Returns how many moved.
 */
export function claimName(ctx: Context, name: string): number {
  const config = ctx.config();
  const former = config['user.name'] === null ? ctx.defaultBy(config) : null;
  const moved = ctx.transaction(({ db }) => setUserName(db, name, former));
  if (ctx.json) return moved;
  ctx.info(`Set user.name = ${safeLine(name)}`);
  if (moved > 0 && former !== null)
    ctx.info(
      `${moved} conversation${moved === 1 ? '' : 's'} logged here as ${safeLine(JSON.stringify(former))} ` +
        `(your OS login) ${moved === 1 ? 'is' : 'are'} now by ${safeLine(name)}`,
    );
  return moved;
}

export function unset(ctx: Context, key: string): void {
  const k = assertConfigKey(key);
  ctx.transaction(({ db }) => unsetConfigValue(db, k));
  const value = DEFAULTS[k];
  if (ctx.json) ctx.printJson({ [k]: value });
  else ctx.info(`Unset ${k}${value === null ? '' : ` (back to the default, ${value})`}`);
}
