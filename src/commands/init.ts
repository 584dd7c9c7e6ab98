import type { Context } from '../context.js';
import { parseConfigValue } from '../core/config.js';
import { setConfigValue } from '../db/config.js';
import { existsSync } from 'node:fs';

export function init(ctx: Context, opts: { target?: string; every?: string }): void {
  // validate before anything is created
  const target = opts.target !== undefined ? parseConfigValue('cadence.target', opts.target) : undefined;
  const every = opts.every !== undefined ? parseConfigValue('cadence.days', opts.every) : undefined;
  const existed = existsSync(ctx.dbPath);
  ctx.transaction(({ db }) => {
    if (target !== undefined) setConfigValue(db, 'cadence.target', target);
    if (every !== undefined) setConfigValue(db, 'cadence.days', every);
  });
  const config = ctx.config();
  if (ctx.json) {
    ctx.printJson({
      path: ctx.dbPath,
      created: !existed,
      'cadence.target': config['cadence.target'],
      'cadence.days': config['cadence.days'],
    });
    return;
  }
  ctx.out(`${existed ? 'Journal already at' : 'Created journal at'} ${ctx.dbPath}`);
  ctx.out(
    `Cadence: ${config['cadence.target']} customer conversation${config['cadence.target'] === 1 ? '' : 's'} every ` +
      `${config['cadence.days']} days`,
  );
  if (!existed) ctx.info('Next: pm log right after your next customer call (pm log --help for the scripted form)');
}
