// Interactive `pm log` (filled in below).
import type { Context } from '../context.js';
import type { LogOptions } from './log.js';
import { UsageError } from '../errors.js';

export async function logInteractive(ctx: Context, opts: LogOptions): Promise<void> {
  void ctx; void opts;
  throw new UsageError('interactive logging is not ready yet; pass --summary');
}
