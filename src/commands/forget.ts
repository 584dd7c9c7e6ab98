// `pm forget CONTACT [--yes]` / `pm forget --resume`: erase a person from the journal (privacy
// requests, a departed customer). src/db/forget.ts says what is erased; src/db/erasure.ts how an
// erasure is made to finish: the mark first, then the scrub, then the file rewritten, each
// committed, so that whatever interrupts it, the next pm command finishes it.
import type { Context } from '../context.js';
import { Interrupted, JournalError, UsageError } from '../errors.js';
import { hasPendingErasure } from '../db/journal.js';
import { statusLine } from './status-line.js';
import { changedMeanwhile, emailOf, nameToType, nearContacts, type ContactRow } from '../core/contacts.js';
import { nameKey } from '../core/identity.js';
import { plainPunctuation } from '../core/mentions.js';
import {
  allContacts,
  contactByEmail,
  contactByUuid,
  contactsByMergedName,
  contactsByName,
  contactsByNameAndAccount,
  mergedNamesOf,
  sameContactNow,
} from '../db/contacts.js';
import { UUID_RE } from '../core/uuid.js';
import { dropDraftNaming } from './log-draft.js';
import { filesHolding } from './written-files.js';
import {
  ERASED_MARK,
  forgetContact,
  forgetPreview,
  FORGOTTEN_NAME,
  liveNames,
  type ForgetResult,
} from '../db/forget.js';
import { loadForgottenList, recordErasure, rewriteAfterErasure, setPending, writtenFiles } from '../db/erasure.js';
import { safeLine, shellWord } from '../core/text.js';
import { loadPrompts } from '../prompts.js';
import { interruptible } from '../interrupt.js';

function resolveContact(ctx: Context, who: string): ContactRow {
  const { db } = ctx.read();
  const byUuid = UUID_RE.test(who.trim()) ? contactByUuid(db, who.trim()) : undefined;
  if (byUuid && byUuid.name !== FORGOTTEN_NAME) return byUuid;
  const match = who.includes('@') ? contactByEmail(db, emailOf(who) ?? who) : undefined;
  if (match) return match;
  let byName = contactsByName(db, who).filter((c) => c.name !== FORGOTTEN_NAME);
  if (byName.length === 1) return byName[0];
  // "Mia Chen (Acme)", as pm prints a contact
  const atAccount = contactsByNameAndAccount(db, who).filter((c) => c.name !== FORGOTTEN_NAME);
  if (atAccount.length === 1) return atAccount[0];
  if (byName.length === 0) byName = atAccount;
  // a person merged into another here (pm contact merge keeps their name and email in this journal
  // for this): the contact they became, named with them in the preview (review R5)
  if (byName.length === 0 && !match) byName = contactsByMergedName(db, who);
  // the name written with another apostrophe or dash ("Sam O'Neil" typed for Sam O’Neil pasted from a
  // signature), as the erasure finds their mentions (fresh-eyes wave 10 F3); the question names them
  if (byName.length === 0 && !match) {
    const plain = (s: string) => nameKey(plainPunctuation(s));
    const wanted = plain(who);
    byName = allContacts(db).filter((c) => plain(c.name) === wanted || plain(`${c.name} (${c.account})`) === wanted);
  }
  if (byName.length === 1) return byName[0];
  if (byName.length > 1)
    throw new UsageError(
      `${JSON.stringify(who)} matches ${byName.length} contacts: ` +
        byName
          .map((c) => `${safeLine(c.name)} (${safeLine(c.account)}${c.email ? `, ${safeLine(c.email)}` : ''})`)
          .join('; '),
      `name one: ${byName.map((c) => `pm forget ${shellWord(nameToType(c, byName))}`).join(' · ')}`,
    );
  const near = nearContacts(allContacts(db), who);
  throw new UsageError(
    `no contact named ${JSON.stringify(who)}`,
    near.length
      ? `did you mean ${near.map((c) => `${safeLine(c.name)} (${safeLine(c.account)})`).join(', or ')}? ` +
          near.map((c) => `pm forget ${shellWord(nameToType(c, near))}`).join(' · ')
      : 'try: pm contacts',
  );
}

/** An erased person named again: their hashes say so (the name or email itself is nowhere). */
function alreadyErased(ctx: Context, who: string): { erasedOn: string | null } | null {
  const { db, missing } = ctx.read();
  if (missing) return null;
  const list = loadForgottenList(db);
  if (list.size === 0) return null;
  const email = who.includes('@') ? (emailOf(who) ?? who.trim()) : null;
  const m = list.match({ uuid: '', name: who, email });
  return m && (m.by === 'email' || (m.by === 'name' && email === null)) ? { erasedOn: m.entry.erasedOn } : null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `pm forget --resume`: finish what an interrupted erasure left (opening the journal does it). */
function resume(ctx: Context): void {
  if (ctx.read().missing) throw new JournalError(`there is no journal at ${ctx.dbPath}`, 'try: pm doctor');
  const { db } = ctx.write();
  if (hasPendingErasure(db))
    throw new JournalError(
      'the interrupted erasure is not finished yet (see the warning above)',
      'free some disk space, or close the program that has the journal open, and run pm forget --resume again',
    );
  const done = ctx.erasureFinished;
  if (ctx.json) ctx.printJson({ finished: done !== undefined, scrubbed: done?.scrubbed ?? 0 });
  else if (!done) ctx.out('No erasure to finish.');
}

export async function forget(
  ctx: Context,
  who: string | undefined,
  opts: { yes?: boolean; resume?: boolean },
): Promise<void> {
  if (opts.resume) {
    if (who !== undefined) throw new UsageError('--resume finishes interrupted erasures: give it no contact');
    resume(ctx);
    return;
  }
  if (who === undefined || who.trim() === '')
    throw new UsageError('forget whom?', 'try: pm forget "Jane Roe" (or their email), or pm forget --resume');
  let contact: ContactRow;
  try {
    contact = resolveContact(ctx, who);
  } catch (err) {
    const erased = err instanceof UsageError ? alreadyErased(ctx, who) : null;
    if (!erased) throw err;
    ctx.info(
      `${JSON.stringify(who)} was erased already${erased.erasedOn ? ` on ${erased.erasedOn}` : ''}: nothing of ` +
        `them is left to erase`,
    );
    if (ctx.json) ctx.printJson({ alreadyErased: true, erasedOn: erased.erasedOn });
    return;
  }
  // the people merged into them here are erased with them: named, since the user may know them so
  const aliases = mergedNamesOf(ctx.read().db, contact.uuid);
  const label =
    `${safeLine(contact.name)} ` +
    `(${safeLine(contact.account)}${contact.email ? `, ${safeLine(contact.email)}` : ''}` +
    `${aliases.length ? `; merged here with ${aliases.map(aliasText).join(', ')}` : ''})`;
  if (!opts.yes) {
    if (!ctx.interactive)
      throw new UsageError(
        `forgetting ${label} cannot be undone; confirm with --yes`,
        `try: pm forget ${JSON.stringify(who)} --yes`,
      );
    const status = statusLine(ctx);
    status(`pm: reading what erasing ${label} rewrites…`);
    const preview = forgetPreview(ctx.write().db, contact.id);
    status('');
    const { confirm } = await loadPrompts();
    const ok = await confirm({
      message: `Erase ${label} from the journal? ${previewText(preview)} This cannot be undone.`,
      default: false,
    }).catch((err: Error) => {
      // Ctrl-C at the question: what the user wants to know is that nobody was erased
      if (err?.name === 'ExitPromptError' || err?.name === 'AbortPromptError')
        throw new Interrupted(`interrupted, nothing erased: ${label} is still in the journal`);
      throw err;
    });
    if (!ok) {
      ctx.info('Nothing erased.');
      return;
    }
  }
  const needles = [contact, ...aliases].flatMap((p) => [p.name, ...(p.email ? [p.email] : [])]);
  const person = { uuid: contact.uuid, name: contact.name, email: contact.email };
  // an interactive log's draft that names them (issue 15) is dropped before the erasure is marked:
  // an erasure finished by the next command (src/db/erasure.ts) knows only hashes, and could not
  // find the draft; a kill before the mark leaves the person whole, and no draft of them
  if (dropDraftNaming(ctx.dbPath, [person, ...aliases], liveNames(ctx.read().db, contact.id)))
    ctx.info(`removed the unsaved pm log draft that named ${label}`);
  // SIGINT/SIGTERM (src/interrupt.ts): before the mark commits, the erasure is called off and nothing
  // is erased; once it has, the erasure is finished all the same and pm exits 130/143 saying so
  const status = statusLine(ctx);
  const { result, rewrite } = await interruptible(
    async (checkpoint) => {
      await checkpoint();
      status(`pm: erasing ${label}…`);
      // 1. the mark: from here on, the erasure is finished whatever happens (src/db/erasure.ts)
      await ctx.transactionAsync(async ({ db }) => {
        // found before the confirmation: another pm may have merged or erased them since
        if (!sameContactNow(db, contact)) throw changedMeanwhile(contact, 'pm forget');
        recordErasure(db, person, ctx.today, 1);
        // and each person merged into them, under their own UUID: their name and email never come
        // back here (an old file with their record), and the erasure reaches a journal that still
        // has them apart (their scrub is the kept contact's, below)
        for (const alias of mergedNamesOf(db, contact.uuid)) recordErasure(db, alias, ctx.today, 0);
        await checkpoint();
      });
      ctx.verbose(`pm forget: marked ${contact.uuid} for erasure`);
      // 2. the scrub, and the mark moved on to the rewrite
      const scrubbed = ctx.transaction(({ db }) => {
        const r = forgetContact(db, contact.id);
        setPending(db, contact.uuid, 2);
        return r;
      });
      ctx.verbose('pm forget: scrubbed; rewriting the file');
      status("pm: rewriting the journal's file without them…");
      // 3. the file rewritten without the person's old bytes
      try {
        return { result: scrubbed, rewrite: rewriteAfterErasure(ctx.write().db) };
      } catch (err) {
        const code = (err as { code?: string }).code;
        const why = code === 'SQLITE_FULL' ? 'the disk is full' : (err as Error).message;
        throw new JournalError(
          `erased ${label} from the journal's records, but could not rewrite its file (${why}): old copies of ` +
            `their data remain in its free space until it is`,
          'pm finishes the erasure at its next command once there is room; or run: pm forget --resume',
        );
      }
    },
    () => `interrupted, nothing erased: ${label} is still in the journal`,
    () => `interrupted after ${label} was erased in full`,
  ).finally(() => status(''));
  ctx.verbose('pm forget: rewritten');
  const files = filesHolding(ctx.dbPath, writtenFiles(ctx.write().db), needles);
  const backups = files.filter((f) => f.kind === 'backup').map((f) => f.path);
  const exports = files.filter((f) => f.kind === 'export').map((f) => f.path);
  if (ctx.json) {
    ctx.printJson({
      ...result,
      name: FORGOTTEN_NAME,
      rewritten: rewrite.rewritten && !rewrite.walHeld,
      backupsStillHolding: backups,
      exportsStillHolding: exports,
    });
  } else {
    const elsewhere = result.otherRecords ? ` (${plural(result.otherRecords, 'other record')} included)` : '';
    ctx.out(
      `Forgot ${label}: ${plural(result.interviews, 'interview')} now attributed to "${FORGOTTEN_NAME}", ` +
        `${plural(result.quotes, 'quote')} ` +
        `erased${result.mentions ? `, ${plural(result.mentions, 'mention')} of them removed${elsewhere}` : ''}`,
    );
    if (result.followUps)
      ctx.out(`${followUpsDropped(result.followUps, 'was', 'were')}: no one living is left to follow up with.`);
    // the team's own words changed: say where, so that they can be read again (fresh-eyes E25)
    if (result.hypotheses.length)
      ctx.out(`Hypotheses rewritten where they named them: ${result.hypotheses.join(', ')}`);
  }
  // a journal from before pm read addresses as addresses (fresh-eyes wave 17 H21) may hold the same
  // person again as "(jane@acme.test)" or "mailto:jane@acme.test": named, with what erases them
  const address = contact.email === null ? null : emailOf(contact.email)?.toLowerCase();
  if (address)
    for (const c of allContacts(ctx.read().db))
      if (c.name !== FORGOTTEN_NAME && c.email !== null && emailOf(c.email)?.toLowerCase() === address)
        ctx.warn(
          `${safeLine(c.name)} (${safeLine(c.account)}) holds the same address as "${safeLine(c.email)}"; ` +
            `if they are the same person: pm forget ${c.uuid} --yes`,
        );
  for (const b of backups)
    ctx.warn(`the backup ${b} still holds this person; delete it or re-create it with pm backup`);
  for (const e of exports) ctx.warn(`the export ${e} still holds this person; delete it or export again`);
  if (rewrite.busy)
    ctx.warn(
      `another program was writing to the journal, so copies of this person's old rows may remain in the free ` +
        `space of ${ctx.dbPath}; the next pm command rewrites the file without them (or: pm forget --resume)`,
    );
  if (rewrite.walHeld)
    ctx.warn(
      `another program is reading the journal, so this person's old bytes are not yet overwritten in ` +
        `${ctx.dbPath} (and its -wal file); they are once that program closes the journal and a pm command next ` +
        `opens it (or: pm forget --resume)`,
    );
}

const aliasText = (a: { name: string; email: string | null }) =>
  `${safeLine(a.name)}${a.email ? ` <${safeLine(a.email)}>` : ''}`;

/** What the confirmation says the erasure will do: their interviews kept, and the words rewritten where. */
function previewText(p: ForgetResult): string {
  const said = previewWords(p);
  return p.followUps ? `${said} ${followUpsDropped(p.followUps, 'is', 'are')}.` : said;
}

/** "1 open follow-up with them is dropped" (verbs: the preview's "is", the outcome's "was"). */
function followUpsDropped(k: number, one: string, many: string): string {
  return `${k === 1 ? 'Their one open follow-up' : `Their ${k} open follow-ups`} ${k === 1 ? one : many} dropped`;
}

function previewWords(p: ForgetResult): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  const kept =
    p.interviews === 0
      ? 'They are in no interview.'
      : `Their ${n(p.interviews, 'interview')} stay${p.interviews === 1 ? 's' : ''}, as "${FORGOTTEN_NAME}"` +
        (p.quotes ? `; their ${n(p.quotes, 'quote')} ${p.quotes === 1 ? 'is' : 'are'} deleted.` : '.');
  if (p.mentions === 0) return `${kept} No text names them.`;
  const mentions = `${n(p.mentions, 'mention')} of them become${p.mentions === 1 ? 's' : ''} ${ERASED_MARK}`;
  if (!p.otherRecords) return `${kept} ${mentions}.`;
  const hyps = p.hypotheses.length
    ? ` (${p.hypotheses.length === 1 ? 'hypothesis' : 'hypotheses'} ${p.hypotheses.join(', ')})`
    : '';
  const changes = `${n(p.otherRecords, 'record')} change${p.otherRecords === 1 ? 's' : ''}`;
  return `${kept} ${mentions}; besides their interviews, ${changes}${hyps}.`;
}
