// pm import FILE|-: validate the whole document first, then merge it in one transaction.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { decodeUtf8, safeLine, shellWord } from '../core/text.js';
import { settingChangesText } from '../core/config.js';
import { MAX_NESTING, nestedDeeperThan, validateDocument, type JournalDoc } from '../core/import-validate.js';
import { importJournal, journalLookup, type ImportCounts } from '../db/import.js';
import { removedLines, removedNamed } from './deleted-there.js';
import { isTerminal, readLimited, readTypedStdin, writeErr } from '../io.js';
import { interruptible } from '../interrupt.js';
import {
  accountLookalikeLine,
  arrivedRepeatLine,
  contactLookalikeLine,
  nearAccountWarnings,
} from './identity-warnings.js';
import { dropDraftNaming } from './log-draft.js';
import { warnFilesStillHolding } from './written-files.js';
import { liveNames, type ErasedPerson } from '../db/forget.js';
import { deletedRecord } from '../db/deleted-ids.js';
import { listConflicts } from '../db/conflicts.js';
import { fieldsApart, label } from '../render/conflicts.js';
import { recordRef } from '../core/versions.js';
import type { ContactDoc } from '../core/import-validate.js';
import { stageNewJournal, writeTransactionAsync, type DB, type Journal } from '../db/journal.js';

export interface ImportFlags {
  /** interviews and hypotheses deleted here to bring back from the file (I12, H3, or a UUID) */
  undelete?: string[];
}

/** Below this many interviews an import is quick enough to need no progress line. */
const PROGRESS_FROM = 10_000;

/**
 * The most an import reads: 256 MB. The contract sets no size for a file, but the largest journal
 * measured (the bench's 100k interviews over five years) exports to 74 MB and imports in 350 MB of
 * memory; a file several times that is still read, and /dev/zero or a runaway pipe is stopped.
 */
export const IMPORT_LIMIT = 256 * 1024 * 1024;

function readInput(file: string): string {
  const what = file === '-' ? 'stdin' : file;
  // Each block as it is read: a SQLite file (a journal or a backup) is the usual wrong file, and
  // JSON text never holds a NUL byte, so pm import /dev/zero stops at its first block.
  const inspect = (block: Uint8Array, offset: number) => {
    if (offset === 0 && Buffer.from(block.subarray(0, 16)).toString('latin1') === 'SQLite format 3\u0000')
      throw new UsageError(
        `${what} is a SQLite file (a journal?), not a JSON export`,
        'pm import reads what pm export --format json writes; to use a journal as it is: pm --db PATH …',
      );
    const nul = block.indexOf(0);
    if (nul >= 0) throw new UsageError(`${what} is not a JSON export: it holds a NUL byte (at byte ${offset + nul})`);
  };
  let bytes: Buffer;
  try {
    bytes = readLimited(file, IMPORT_LIMIT, what, inspect);
  } catch (err) {
    if (err instanceof UsageError && /larger than/.test(err.message))
      throw new UsageError(
        err.message,
        'export a period at a time (pm export --format json --since …) and import each',
      );
    if (err instanceof UsageError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(
      `cannot read ${what}: ` +
        `${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a folder' : e.message}`,
    );
  }
  const deep = nestedDeeperThan(bytes, MAX_NESTING);
  if (deep >= 0)
    throw new UsageError(
      `${what} is not a pm export: it nests lists and objects more than ${MAX_NESTING} deep (at byte ${deep})`,
      'pm import reads what pm export --format json writes',
    );
  return decodeUtf8(bytes, what);
}

export function parseDocument(textIn: string, what: string): unknown {
  if (textIn.trim() === '')
    throw new UsageError(
      `${what} is empty: nothing to import`,
      'pm import reads what pm export --format json writes (pm export --format json > team.json)',
    );
  try {
    return JSON.parse(textIn);
  } catch (err) {
    throw new UsageError(
      `${what} is not valid JSON: ${(err as Error).message}`,
      'pm import reads what pm export --format json writes',
    );
  }
}

/** At most this many ids named in a line of the summary, then "…". */
const IDS_NAMED = 5;

const idList = (ids: string[]) =>
  ids.length > IDS_NAMED ? `${ids.slice(0, IDS_NAMED).join(', ')}, …` : ids.join(', ');

/**
 * The records --undelete names, as `kind uuid`, each deleted here (H4); a usage error for one that is
 * in the journal or was never deleted here.
 */
function recordsToUndelete(db: DB, given: string[]): Map<string, string> {
  const wanted = new Map<string, string>();
  for (const g of given) {
    const found = deletedRecord(db, g);
    if ('record' in found) {
      wanted.set(found.record, g.trim());
      continue;
    }
    if (found.why === 'live')
      throw new UsageError(
        `${safeLine(found.id)} is in the journal, not deleted: nothing to bring back`,
        `try: pm show ${safeLine(found.id)}`,
      );
    throw new UsageError(
      `nothing named ${JSON.stringify(safeLine(found.id))} was deleted in this journal`,
      '--undelete takes the id a deleted interview or hypothesis had here (I12, H3); pm import FILE names those ' +
        'the file holds',
    );
  }
  return wanted;
}

function summary(c: ImportCounts, file: string): string {
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const kinds = [
    [c.interviews, 'interview', 'interviews'],
    [c.hypotheses, 'hypothesis', 'hypotheses'],
    [c.outcomes, 'outcome', 'outcomes'],
    [c.evidence, 'evidence link', 'evidence links'],
    [c.contacts, 'contact', 'contacts'],
    [c.accounts, 'account', 'accounts'],
  ] as const;
  const added = [
    ...kinds.map(([k, one, many]) => part(k.added, one, many)),
    ...(c.opportunities.added ? [part(c.opportunities.added, 'named opportunity', 'named opportunities')] : []),
  ].join(', ');
  const lines = [`Imported ${added}.`];
  const changed = [...kinds, [c.settings, 'setting', 'settings'] as const]
    .filter(([k]) => k.updated > 0)
    .map(([k, one, many]) => part(k.updated, one, many));
  if (changed.length) lines.push(`Updated to their newer version: ${changed.join(', ')}.`);
  const deleted = kinds.filter(([k]) => k.deleted > 0).map(([k, one, many]) => part(k.deleted, one, many));
  // each of this journal's interviews and hypotheses the file deleted, named as pm delete names it,
  // with the way back: "1 interview" alone left the user to guess which call was gone (H20)
  const head = `Deleted as they were deleted there: ${deleted.join(', ')}`;
  const removed = removedLines(head, c.removed, 'this import', 'pm import --json');
  if (removed.length) lines.push(...removed);
  else if (deleted.length) lines.push(`Deleted as they were deleted there: ${deleted.join(', ')}.`);
  const known =
    c.interviews.existing +
    c.hypotheses.existing +
    c.outcomes.existing +
    c.evidence.existing +
    c.contacts.existing +
    c.accounts.existing;
  if (known) lines.push(`Already in the journal: ${part(known, 'record', 'records')} (kept as they are).`);
  // found here under another UUID (the same name or email): the same UUID is "already in the journal"
  const [contacts, accounts] = [c.contacts.matched - c.contacts.existing, c.accounts.matched - c.accounts.existing];
  if (contacts || accounts)
    lines.push(`Matched to yours: ${part(contacts, 'contact', 'contacts')}, ${part(accounts, 'account', 'accounts')}.`);
  const joined = [
    ...(c.contacts.joined ? [part(c.contacts.joined, 'contact', 'contacts')] : []),
    ...(c.accounts.joined ? [part(c.accounts.joined, 'account', 'accounts')] : []),
  ];
  if (joined.length) lines.push(`Held twice in the file, now one: ${joined.join(', ')}.`);
  if (c.contacts.forgotten)
    lines.push(
      `Kept as "Forgotten contact": ${part(c.contacts.forgotten, 'person', 'people')} already erased with pm forget.`,
    );
  if (c.contacts.erased)
    lines.push(
      `Erased on arrival: ${part(c.contacts.erased, 'person', 'people')} erased with pm forget (same email, ` +
        `or same name at their account), kept as "Forgotten contact".`,
    );
  if (c.contacts.erasedHere)
    lines.push(
      `Erased here: ${part(c.contacts.erasedHere, 'of your contacts', 'of your contacts')}, whom the file's ` +
        `journal had erased with pm forget.`,
    );
  if (c.scrubbedHere.interviews)
    lines.push(
      `Scrubbed here as pm forget does: ${part(c.scrubbedHere.interviews, 'interview', 'interviews')} of yours ` +
        `with a person the file's journal erased (${part(c.scrubbedHere.quotes, 'quote', 'quotes')} left out, ` +
        `${part(c.scrubbedHere.mentions, 'mention', 'mentions')} removed).`,
    );
  if (c.scrubbed.interviews)
    lines.push(
      `Scrubbed of erased people: ${part(c.scrubbed.interviews, 'interview', 'interviews')} ` +
        `(${part(c.scrubbed.quotes, 'quote', 'quotes')} left out, ` +
        `${part(c.scrubbed.mentions, 'mention', 'mentions')} removed).`,
    );
  const orphans = kinds.reduce((n, [k]) => n + k.leftOut, 0) - Math.min(c.contacts.leftOut, c.contacts.forgotten);
  if (orphans > 0) lines.push(`Left out: ${part(orphans, 'record', 'records')} referring to what this journal lacks.`);
  if (c.conflicts)
    lines.push(
      `${part(c.conflicts, 'record was', 'records were')} changed here and there at once: ` +
        'the later version is kept, the other listed by pm sync conflicts.',
    );
  if (c.undeleted.length)
    lines.push(`Brought back, as they were in the file: ${idList(c.undeleted)} (deleted here), with their links.`);
  if (c.keptDeleted.length) {
    const arg = file === '-' ? 'FILE' : /^[\w./@:+-]+$/.test(file) ? file : JSON.stringify(file);
    const flags = c.keptDeleted
      .slice(0, IDS_NAMED)
      .map((id) => `--undelete ${id}`)
      .join(' ');
    lines.push(
      `Kept deleted: ${part(c.keptDeleted.length, 'record', 'records')} deleted in this journal that the file holds ` +
        `as before (${idList(c.keptDeleted)}); a copy older than the deletion does not bring it back. ` +
        `If the deletion was a mistake: pm import ${safeLine(arg)} ${flags}`,
    );
  }
  if (c.config) lines.push("Took the file's settings (the journal was empty).");
  else if (settingChangesText(c.settingsChanged))
    lines.push(`Settings changed by the file: ${settingChangesText(c.settingsChanged)} (pm config lists them).`);
  return lines.join('\n');
}

/**
 * Read, check, then merge in one transaction. SIGINT or SIGTERM (src/interrupt.ts) is seen between
 * the steps and once the merge is done, before its commit: the transaction rolls back, nothing is
 * written, exit 130/143. The merge itself runs synchronously (seconds for a 100k-interview file),
 * so a signal during it takes effect when it ends.
 */
export async function importCommand(ctx: Context, file: string, flags: ImportFlags = {}): Promise<void> {
  const what = file === '-' ? 'stdin' : file;
  let showedProgress = false;
  let droppedDraft = false;
  // the journal's own people the file's erasures forgot here, as they were known (the draft, the files)
  const erased: ErasedPerson[] = [];
  const endProgress = () => {
    if (showedProgress) writeErr('\n');
    showedProgress = false;
  };
  const counts = await interruptible(
    async (checkpoint) => {
      await readTypedStdin(file, 'the JSON export', 'interrupted, nothing imported');
      const text = readInput(file);
      // a Ctrl-C while stdin was read reached the producer too: the input may be cut short, so the
      // signal is seen before it is parsed (exit 130, not "not valid JSON": fresh-eyes E15)
      await checkpoint();
      const raw = parseDocument(text, what);
      await checkpoint();
      // A new journal has nothing to refer to: check the file before creating it, so a bad file
      // leaves no journal behind. An existing one is checked inside the write transaction.
      let checked: JournalDoc | undefined = ctx.read().missing
        ? validateDocument(raw, undefined, { source: what })
        : undefined;
      await checkpoint();
      const progress =
        isTerminal(2) && !ctx.globals.quiet
          ? (done: number, total: number) => writeErr(`\rpm: importing interviews… ${done}/${total}`)
          : undefined;
      const mergeInto = async ({ db }: Journal): Promise<ImportCounts> => {
        checked ??= validateDocument(raw, journalLookup(db), { source: what });
        const large = checked.interviews.length >= PROGRESS_FROM;
        erased.length = 0;
        const undelete = recordsToUndelete(db, flags.undelete ?? []);
        const result = importJournal(db, checked, {
          today: ctx.today,
          erased,
          undelete: new Set(undelete.keys()),
          onProgress:
            large && progress
              ? (done, total) => {
                  showedProgress = true;
                  progress(done, total);
                }
              : undefined,
        });
        // one asked back that the file does not hold (a copy made after the deletion): nothing is written
        for (const [record, given] of undelete) {
          const [kind, uuid] = record.split(' ');
          const table = kind === 'interview' ? 'interviews' : 'hypotheses';
          if (db.prepare(`SELECT 1 FROM ${table} WHERE uuid = ?`).pluck().get(uuid) === undefined)
            throw new UsageError(
              `${what} does not hold ${safeLine(given)} as it was before its deletion: nothing imported`,
              'an export or backup made before the delete holds it: pm --db BACKUP export --format json --out ' +
                `before.json, then pm import before.json --undelete ${safeLine(given)}`,
            );
        }
        // a pm log draft naming a person the file erased goes, before the erasure commits (as pm forget)
        if (dropDraftNaming(ctx.dbPath, erased, liveNames(db))) droppedDraft = true;
        // the last moment a signal can call it off: thrown here, the transaction rolls back
        await checkpoint();
        return result;
      };
      let merged: ImportCounts | undefined;
      try {
        // a journal that does not exist yet is built beside its path and put there whole (src/db/journal.ts)
        const staged = checked ? stageNewJournal(ctx.dbPath, ctx.env) : undefined;
        if (staged) {
          try {
            const result = await writeTransactionAsync(staged.journal, () => mergeInto(staged.journal));
            if (staged.install()) {
              merged = result;
              ctx.saved = true;
              ctx.close(); // what follows reads the journal now at the path, not the empty stand-in
            }
          } finally {
            staged.abandon();
          }
          // another pm made the journal meanwhile: the file is merged into it, checked against it
          if (!merged) checked = undefined;
        }
        merged ??= await ctx.transactionAsync(mergeInto);
      } finally {
        endProgress();
      }
      if (merged.contacts.erasedHere || merged.rewrite) await rewriteAfterLocalErasures(ctx);
      return merged;
    },
    () => 'interrupted, nothing imported',
    () => `interrupted after the import of ${what} was saved in full`,
  );
  for (const m of counts.nameMatches)
    ctx.warn(
      `${safeLine(m.name)} (${safeLine(m.account)}) has the name of a person erased with pm forget; imported, ` +
        `since no email or UUID says it is them (if it is: pm forget ${JSON.stringify(m.name)} --yes)`,
    );
  if (droppedDraft) ctx.info('removed the unsaved pm log draft that named a person the file erased');
  warnFilesStillHolding(ctx, erased, 'the file');
  lookalikeWarnings(ctx, counts);
  ownLossWarnings(ctx, counts);
  if (counts.interviews.added > 0) movedJournalWarning(ctx);
  // rewrite is the command's own business (the file rewritten after an erased person's interview changed)
  // as are the new accounts' names and this journal's losses (read for the warnings above)
  const { rewrite: _rewrite, ownLost: _lost, removed, ...shown } = counts;
  const { newAccounts: _names, ...lookalikes } = counts.lookalikes;
  const deletedByFile = removedNamed(removed);
  if (ctx.json) ctx.printJson({ ...shown, lookalikes, deletedByFile });
  else ctx.out(summary(counts, file));
}

/**
 * The journal's conversations are all by one name that is not the user's: a journal moved to this
 * machine by JSON (user.name is never exported), whose first pm log here made the report the new
 * login's own, every earlier call someone else's (fresh-eyes wave 19 H17). Said with the command that
 * claims them; a teammate's file imported beside calls of the user's says nothing.
 */
function movedJournalWarning(ctx: Context): void {
  const { db } = ctx.read();
  const names = db
    .prepare('SELECT min(by), count(*) FROM interviews WHERE by IS NOT NULL GROUP BY by COLLATE NOCASE LIMIT 2')
    .raw()
    .all() as [string, number][];
  if (names.length !== 1) return;
  const config = ctx.config();
  const me = ctx.defaultBy(config);
  const [name, n] = names[0];
  if (name.toLowerCase() === me.toLowerCase()) return;
  const known = config['user.name'] ? 'user.name' : 'your OS login; user.name is not set';
  ctx.warn(
    `the journal's ${n === 1 ? '1 conversation is' : `${n} conversations are`} by ${JSON.stringify(safeLine(name))}, ` +
      `and pm knows you here as ${JSON.stringify(safeLine(me))} (${known}): if they are yours, pm config set ` +
      `user.name ${shellWord(safeLine(name))}; else your report, once you log, counts your own calls alone`,
  );
}

/** At most this many of this journal's records that lost to the file's are named; pm sync conflicts lists all. */
const OWN_LOSSES = 5;

/**
 * This journal's records that lost to the file's later copy (a contact matched by email, made apart
 * with another role or name), each with what changed and the way back: "1 record was changed here
 * and there at once" named nothing, and a customer silently became a teammate's stakeholder, taking
 * the user's calls with them out of customer contact (fresh-eyes wave 18 H1).
 */
function ownLossWarnings(ctx: Context, counts: ImportCounts): void {
  if (counts.ownLost.length === 0) return;
  const { db } = ctx.read();
  for (const loss of counts.ownLost.slice(0, OWN_LOSSES)) {
    const c = listConflicts(db, loss.id)[0];
    if (!c) continue;
    const lost = c.lostDeleted ? null : c.lost;
    ctx.warn(
      `your ${c.kind} ${label(lost)} (${recordRef(c.kind, c.key)}) lost to the file's later copy: now ` +
        `${label(c.current)}${fieldsApart(c.kind, c.current, lost)}, yours was ` +
        `${label(lost)}${fieldsApart(c.kind, lost, c.current)} (pm sync resolve ${c.id} lost brings yours back)`,
    );
    const [was, now] = [lost as ContactDoc | null, c.current as ContactDoc | null];
    if (c.kind === 'contact' && was?.role === 'customer' && now && now.role !== 'customer')
      ctx.warn(
        `${safeLine(now.name)} is now ${now.role === 'stakeholder' ? 'a stakeholder' : `"${now.role}"`} here: ` +
          `your conversations with them no longer count as customer contact (pm sync resolve ${c.id} lost ` +
          'keeps them a customer)',
      );
  }
  const more = counts.ownLost.length - OWN_LOSSES;
  if (more > 0) ctx.warn(`and ${more} more of your records lost to the file's later copies: pm sync conflicts`);
}

/** At most this many "did you mean" warnings after an import; pm doctor lists every lookalike. */
const LOOKALIKE_LINES = 20;

/** The file's new contacts and accounts that look like others (src/commands/identity-warnings.ts). */
function lookalikeWarnings(ctx: Context, counts: ImportCounts): void {
  const { newAccounts } = counts.lookalikes;
  // the accounts a new one was said to look like (above) are not named again, as pm log leaves them
  const like = (name: string) => counts.lookalikes.accounts.filter((a) => a.name === name).map((a) => a.like.name);
  const lines = [
    ...counts.lookalikes.accounts.map((a) => accountLookalikeLine('the new account', a.name, a.like.name)),
    // "Acme Inc." beside "Acme", "Acm": as pm log warns of a new account (fresh-eyes wave 14 H13); a pair
    // the file brings both of is the teammate's own
    ...(newAccounts.length
      ? newAccounts.flatMap((name) =>
          nearAccountWarnings(ctx.read().db, 'the new account', name, [...newAccounts, ...like(name)]),
        )
      : []),
    ...counts.lookalikes.contacts.map((c) => contactLookalikeLine('the new contact', c.name, c.uuid, c.like)),
    // as pm log notes a new contact named as one already at the account (told apart by email alone)
    ...counts.lookalikes.namesakes.map((n) => {
      const ref = (uuid: string, email: string | null) => (email ? JSON.stringify(email) : uuid);
      const own = n.email ? `, ${safeLine(n.email)}` : '';
      return (
        `the new contact ${JSON.stringify(safeLine(n.name))} (${safeLine(n.account)}${own})` +
        `: another ${safeLine(n.name)} is at ${safeLine(n.account)}` +
        `${n.like.email ? ` with ${safeLine(n.like.email)}` : ''}; if it is the same person: ` +
        `pm contact merge ${safeLine(ref(n.uuid, n.email))} ${safeLine(ref(n.like.uuid, n.like.email))}`
      );
    }),
    // two PMs wrote one belief: its evidence is split, and neither copy reaches a verdict (wave 10, E7)
    ...counts.lookalikes.hypotheses.map(arrivedRepeatLine),
  ];
  for (const line of lines.slice(0, LOOKALIKE_LINES)) ctx.warn(line);
  if (lines.length > LOOKALIKE_LINES)
    ctx.warn(`${lines.length - LOOKALIKE_LINES} more new names look like others; pm doctor lists them all`);
}

/**
 * The file named people of this journal as erased elsewhere, and the import erased them: rewrite
 * the journal's file without their old bytes (src/db/erasure.ts). Their marks were committed with
 * the import, so a failure here is finished by the next pm command.
 */
async function rewriteAfterLocalErasures(ctx: Context): Promise<void> {
  const { rewriteAfterErasure } = await import('../db/erasure.js');
  try {
    const r = rewriteAfterErasure(ctx.write().db);
    if (!r.rewritten || r.walHeld)
      ctx.warn('another program has the journal open: the next pm command finishes the erasure');
  } catch (err) {
    ctx.warn(
      `could not rewrite the journal's file after erasing (${(err as Error).message}); the next pm command ` +
        `finishes it (or: pm forget --resume)`,
    );
  }
}
