// pm opportunities (pm opps): the pains customers raised across a window, grouped and ranked by
// the worth-solving score (src/core/opportunities.ts). pm opportunity merge | rename: the names the
// user gives groups of pains.
import { withRefs } from '../core/page-refs.js';
import { pageRefs } from '../db/refs.js';
import type { Context } from '../context.js';
import { textFormat } from './format.js';
import { UsageError } from '../errors.js';
import { parsePastDate } from '../core/dates.js';
import {
  opportunityNames,
  opportunityWindow,
  rankPainTexts,
  resolveOpportunity,
  type NamedOpportunity,
  type Opportunity,
  type Spelling,
  type Window,
} from '../core/opportunities.js';
import { painKey } from '../core/pains.js';
import { checkText, closest, LIMITS, safeLine } from '../core/text.js';
import { newUuid, type DB } from '../db/journal.js';
import {
  addAlias,
  insertOpportunity,
  mergeOpportunity,
  namedOpportunities,
  opportunityHypotheses,
  painTextTallies,
  painSpellings,
  removeAlias,
  renameOpportunity,
} from '../db/opportunities.js';
import { renderOpportunities, renderOpportunitiesMarkdown } from '../render/opportunities.js';
import { refuseErasedMention } from './identity-warnings.js';
import { goAhead, mergedUnasked, mergeWithoutAsking } from '../prompts.js';

export interface WindowFlags {
  weeks?: string;
  since?: string;
  asOf?: string;
}

/** The window from --weeks/--since and --as-of (default today). */
export function windowOf(ctx: Context, flags: WindowFlags): Window {
  const asOf = flags.asOf !== undefined ? parsePastDate(flags.asOf, ctx.today, '--as-of') : ctx.today;
  return opportunityWindow(flags, asOf);
}

/** The window's opportunities, ranked. */
export function opportunitiesIn(db: DB, w: Window, validateAt: number, by: string | null = null): Opportunity[] {
  // one snapshot: a pm log committed between the statements must not make them disagree
  const read = () => {
    const named = namedOpportunities(db);
    return rankPainTexts(painTextTallies(db, w, named, by), named, opportunityHypotheses(db, w.end), validateAt);
  };
  return db.inTransaction ? read() : db.transaction(read)();
}

/** How many rows a terminal shows by default; into a pipe, and with --json, every row. */
const SHOWN_ON_TERMINAL = 20;

export function parseLimit(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\s*\d{1,9}\s*$/.test(raw))
    throw new UsageError(`--limit must be a whole number (0: all), not ${JSON.stringify(raw)}`);
  return Number(raw);
}

export interface ListFlags extends WindowFlags {
  format?: string;
  limit?: string;
}

export function list(ctx: Context, flags: ListFlags): void {
  const format = textFormat(ctx, flags.format);
  const w = windowOf(ctx, flags);
  const given = parseLimit(flags.limit);
  const limit = given ?? (format === 'text' && ctx.stdoutIsTTY ? SHOWN_ON_TERMINAL : 0);
  const { db } = ctx.read();
  const all = opportunitiesIn(db, w, ctx.config()['evidence.validateAt']);
  const shown = limit === 0 ? all : all.slice(0, limit);
  if (format === 'json') ctx.printJson(withRefs(shown, pageRefs(db)));
  else if (format === 'md') ctx.out(renderOpportunitiesMarkdown(shown, w, all.length - shown.length));
  else
    ctx.out(
      renderOpportunities(shown, {
        color: ctx.color,
        width: ctx.width,
        today: ctx.today,
        window: w,
        more: all.length - shown.length,
      }),
    );
}

// ---------------------------------------------------------------------------------------------
// merge and rename

function opportunityName(what: string, raw: string): string {
  return checkText(what, raw.trim(), LIMITS.pain);
}

function unknownOpportunity(name: string, named: NamedOpportunity[], spellings: Spelling[]): UsageError {
  const guess = closest(name, opportunityNames(named, spellings));
  return new UsageError(
    `no pain or opportunity is called ${JSON.stringify(safeLine(name))}`,
    guess ? `did you mean ${JSON.stringify(safeLine(guess))}? (pm opportunities lists them)` : 'try: pm opportunities',
  );
}

/** What the write commands print with --json: the opportunity as it is named now. */
interface NamedRecord {
  opportunity: string;
  aliases: string[];
  uuid: string;
}

function recordOf(db: DB, id: number): NamedRecord {
  const n = namedOpportunities(db).find((o) => o.id === id)!;
  return { opportunity: n.name, aliases: n.aliases.map((a) => a.name), uuid: n.uuid };
}

/**
 * `pm opportunity merge A B`: B stays (named as typed when it was not named yet), A becomes one
 * of its aliases, and pains written as A, before or after, count for B. A named opportunity A
 * brings its own aliases and hypotheses along.
 */
export async function merge(
  ctx: Context,
  firstRaw: string,
  secondRaw: string,
  opts: { yes?: boolean } = {},
): Promise<void> {
  const first = opportunityName('the opportunity to merge', firstRaw);
  const second = opportunityName('the opportunity to keep', secondRaw);
  // pm has no split (fresh-eyes wave 11 E5: a wrong TAB joined "SSO setup needs IT" into "slow
  // export" for good): asked at a terminal, as pm contact merge and pm account merge are
  resolvePair(ctx.read().db, first, second);
  const both = `${JSON.stringify(safeLine(first))} into ${JSON.stringify(safeLine(second))}`;
  let unasked = false;
  const question =
    `Merge the opportunity ${both}? ` + 'Pains written either way count as one from now on; pm cannot split them again';
  const ok = await goAhead(ctx, question, opts.yes, () => {
    unasked = mergeWithoutAsking('opportunity', [first, second]);
    return true;
  });
  if (!ok) {
    ctx.info('Nothing merged.');
    return;
  }
  const { record, moved } = ctx.transaction(({ db }) => {
    // resolved again: another pm may have merged or renamed either since
    const { from, into } = resolvePair(db, first, second);
    const intoId =
      'named' in into
        ? into.named.id
        : insertOpportunity(db, { uuid: newUuid(db), name: into.spelling, key: into.key });
    if ('named' in from) mergeOpportunity(db, from.named, intoId);
    else addAlias(db, intoId, from.key, from.spelling);
    return { record: recordOf(db, intoId), moved: 'named' in from ? from.named.name : from.spelling };
  });
  if (unasked) ctx.warn(mergedUnasked(`the opportunity ${both}`, 'opportunity'));
  if (ctx.json) ctx.printJson(record);
  else
    ctx.out(
      `Merged "${safeLine(moved)}" into "${safeLine(record.opportunity)}"` +
        ` (also called: ${record.aliases.map((a) => `"${safeLine(a)}"`).join(', ')})`,
    );
}

/** The two opportunities of a merge, both known and not already one (else a usage error). */
function resolvePair(db: DB, first: string, second: string) {
  const named = namedOpportunities(db);
  const spellings = painSpellings(db);
  const from = resolveOpportunity(first, named, spellings);
  const into = resolveOpportunity(second, named, spellings);
  if (!from) throw unknownOpportunity(first, named, spellings);
  if (!into) throw unknownOpportunity(second, named, spellings);
  const sameNamed = 'named' in from && 'named' in into && from.named.id === into.named.id;
  if (sameNamed || ('key' in from && 'key' in into && from.key === into.key))
    throw new UsageError(
      `${JSON.stringify(safeLine(first))} and ${JSON.stringify(safeLine(second))} are already one opportunity`,
      'try: pm opportunities',
    );
  return { from, into };
}

/**
 * `pm opportunity rename OLD NEW`: the opportunity is called NEW from now on, and OLD stays one of
 * its aliases, so pains written the old way still count for it. A name another opportunity goes
 * by is refused (merge them instead).
 */
export function rename(ctx: Context, oldRaw: string, newRaw: string): void {
  const oldName = opportunityName('the opportunity to rename', oldRaw);
  const newName = opportunityName('the new name', newRaw);
  const record = ctx.transaction(({ db }) => {
    refuseErasedMention(db, [['the new name', newName]]);
    const named = namedOpportunities(db);
    const spellings = painSpellings(db);
    const found = resolveOpportunity(oldName, named, spellings);
    if (!found) throw unknownOpportunity(oldName, named, spellings);
    const current: NamedOpportunity =
      'named' in found
        ? found.named
        : {
            id: insertOpportunity(db, { uuid: newUuid(db), name: found.spelling, key: found.key }),
            uuid: '',
            name: found.spelling,
            key: found.key,
            aliases: [],
          };
    const newKey = painKey(newName);
    // a name other pains go by is theirs: making them one is a merge, which says which name stays
    const taken = newKey === current.key ? null : resolveOpportunity(newName, named, spellings);
    const other = taken === null ? null : 'named' in taken ? taken.named.name : taken.spelling;
    if (taken !== null && !('named' in taken && taken.named.id === current.id))
      throw new UsageError(
        `${JSON.stringify(safeLine(newName))} is already the opportunity ${JSON.stringify(safeLine(other!))}`,
        `to make them one: pm opportunity merge ${JSON.stringify(safeLine(current.name))} ` +
          `${JSON.stringify(safeLine(other!))}`,
      );
    if (newKey !== current.key) {
      // the new name may have been one of its aliases; the old one becomes an alias
      removeAlias(db, newKey);
      addAlias(db, current.id, current.key, current.name);
    }
    renameOpportunity(db, current.id, newName, newKey);
    return { ...recordOf(db, current.id), renamed: current.name };
  });
  const { renamed, ...named } = record;
  if (ctx.json) ctx.printJson(named);
  else
    ctx.out(
      `Renamed "${safeLine(renamed)}" to "${safeLine(record.opportunity)}"` +
        (record.aliases.length ? ` (also called: ${record.aliases.map((a) => `"${safeLine(a)}"`).join(', ')})` : ''),
    );
}
