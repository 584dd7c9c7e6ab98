// `pm forget CONTACT [--yes]`: erase a person from the journal (privacy requests, a departed
// customer). See src/db/forget.ts for what is erased.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { ContactRow } from '../core/contacts.js';
import { contactByEmail, contactsByName } from '../db/contacts.js';
import { forgetContact, FORGOTTEN_NAME, purgeFreedPages } from '../db/forget.js';
import { safeLine } from '../core/text.js';
import { loadPrompts } from '../prompts.js';
import { interruptible } from '../interrupt.js';

function resolveContact(ctx: Context, who: string): ContactRow {
  const { db } = ctx.read();
  const match = who.includes('@') ? contactByEmail(db, who) : undefined;
  if (match) return match;
  const byName = contactsByName(db, who).filter((c) => c.name !== FORGOTTEN_NAME);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1)
    throw new UsageError(
      `${JSON.stringify(who)} matches ${byName.length} contacts: ${byName.map((c) => `${safeLine(c.name)} (${safeLine(c.account)}${c.email ? `, ${safeLine(c.email)}` : ''})`).join('; ')}`,
      'name them by email: pm forget jane@example.com',
    );
  throw new UsageError(`no contact named ${JSON.stringify(who)}`, 'try: pm contacts');
}

/** Backup copies beside the journal that still hold the person's name or email. */
function backupsHolding(journalPath: string, needles: string[]): string[] {
  const dir = dirname(journalPath);
  const base = basename(journalPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const bytes = needles.filter((n) => n.length >= 3).map((n) => Buffer.from(n, 'utf8'));
  return names
    .filter((n) => n !== base && n.startsWith(base) && !n.endsWith('-wal') && !n.endsWith('-shm'))
    .map((n) => join(dir, n))
    .filter((p) => {
      try {
        const content = readFileSync(p);
        return bytes.some((b) => content.includes(b));
      } catch {
        return false;
      }
    });
}

export async function forget(ctx: Context, who: string, opts: { yes?: boolean }): Promise<void> {
  const contact = resolveContact(ctx, who);
  const label = `${safeLine(contact.name)} (${safeLine(contact.account)}${contact.email ? `, ${safeLine(contact.email)}` : ''})`;
  if (!opts.yes) {
    if (!ctx.interactive)
      throw new UsageError(
        `forgetting ${label} cannot be undone; confirm with --yes`,
        `try: pm forget ${JSON.stringify(who)} --yes`,
      );
    const { confirm } = await loadPrompts();
    const ok = await confirm({
      message: `Erase ${label} from the journal? Their interviews stay, as "${FORGOTTEN_NAME}". This cannot be undone.`,
      default: false,
    });
    if (!ok) {
      ctx.info('Nothing erased.');
      return;
    }
  }
  const needles = [contact.name, ...(contact.email ? [contact.email] : [])];
  // SIGINT/SIGTERM (src/interrupt.ts): before the erasure commits, it is called off and nothing is
  // erased; once it has, the file is rewritten all the same and pm exits 130/143 saying so
  const { result, rewritten, walHeld } = await interruptible(
    async (checkpoint) => {
      await checkpoint();
      const erased = await ctx.transactionAsync(async ({ db }) => {
        const r = forgetContact(db, contact.id);
        await checkpoint();
        return r;
      });
      return { result: erased, ...purgeFreedPages(ctx.write().db) };
    },
    () => `interrupted, nothing erased: ${label} is still in the journal`,
    () => `interrupted after ${label} was erased in full`,
  );
  const backups = backupsHolding(ctx.dbPath, needles);
  if (ctx.json) {
    ctx.printJson({ ...result, name: FORGOTTEN_NAME, backupsStillHolding: backups });
  } else {
    ctx.out(
      `Forgot ${label}: ${result.interviews} interview${result.interviews === 1 ? '' : 's'} now attributed to "${FORGOTTEN_NAME}", ${result.quotes} quote${result.quotes === 1 ? '' : 's'} erased${result.mentions ? `, ${result.mentions} mention${result.mentions === 1 ? '' : 's'} of them removed from those interviews` : ''}`,
    );
  }
  for (const b of backups)
    ctx.warn(`the backup ${b} still holds this person; delete it or re-create it with pm backup`);
  if (!rewritten)
    ctx.warn(
      `another program was writing to the journal, so copies of this person's old rows may remain in the free space of ${ctx.dbPath}; once it has finished, \`sqlite3 ${ctx.dbPath} VACUUM\` rewrites the file without them`,
    );
  if (walHeld)
    ctx.warn(
      `another program is reading the journal, so this person's old bytes are not yet overwritten in ${ctx.dbPath} (and its -wal file); they are once that program closes the journal and a pm command next changes it (pm log, pm hyp …)`,
    );
}
