// pm sync [init URL | status | conflicts | resolve ID kept|lost]: a team journal shared through
// PostgreSQL (issue 19). What runs against PostgreSQL lives in src/db/remote.ts, loaded (with the
// `pg` client) only when a sync runs: pm starts on every call, and most calls never sync.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { listConflicts, resolveConflict, type ConflictRow } from '../db/conflicts.js';
import { recordRef, versionTime } from '../core/versions.js';
import { safeLine } from '../core/text.js';
import { parseConfigValue, settingChangesText } from '../core/config.js';
import { claimName } from './config.js';
import { contestedDecisions, outcomeUuids } from '../db/contested.js';
import { lastInterviewId, sameNameElsewhere } from '../db/same-name.js';
import { loadPrompts } from '../prompts.js';
import type { SyncResult } from '../db/remote.js';
import { dropDraftNaming } from './log-draft.js';
import { fieldsApart, label } from '../render/conflicts.js';
import { warnFilesStillHolding } from './written-files.js';
import { arrivedRepeatLine } from './identity-warnings.js';
import { removedLines, removedNamed } from './deleted-there.js';

function conflictJson(c: ConflictRow) {
  return {
    id: c.id,
    kind: c.kind,
    key: c.key,
    record: recordRef(c.kind, c.key),
    detectedOn: c.detectedOn,
    kept: { rev: c.keptVersion, at: versionTime(c.keptVersion), deleted: c.current === null, record: c.current },
    lost: { rev: c.lostVersion, at: versionTime(c.lostVersion), deleted: c.lostDeleted, record: c.lost },
  };
}

export function conflicts(ctx: Context): void {
  const rows = listConflicts(ctx.read().db);
  if (ctx.json) {
    ctx.printJson(rows.map(conflictJson));
    return;
  }
  if (rows.length === 0) {
    // a conflict is kept by the journal that met both versions (the second to sync), and by the other
    // only at its next sync: "no record was changed here and elsewhere at once" could be false (G3)
    ctx.out(
      "No conflicts kept here. A change of yours that lost to a teammate's made at the same time is " +
        'listed here after your next pm sync.',
    );
    return;
  }
  const c = ctx.color;
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(
      `${c.bold(String(r.id))}  ${recordRef(r.kind, r.key)}  ${r.kind}, ` +
        `changed here and elsewhere at once (${r.detectedOn})`,
    );
    const lost = r.lostDeleted ? null : r.lost;
    lines.push(
      `   kept: ${label(r.current)}${fieldsApart(r.kind, r.current, lost)}  ${c.dim(versionTime(r.keptVersion))}`,
    );
    lines.push(`   lost: ${label(lost)}${fieldsApart(r.kind, lost, r.current)}  ${c.dim(versionTime(r.lostVersion))}`);
  }
  lines.push('', `Keep what won: pm sync resolve ID kept · bring back what lost: pm sync resolve ID lost`);
  ctx.out(lines.join('\n'));
}

export function resolve(ctx: Context, id: string, keep: string): void {
  if (keep !== 'kept' && keep !== 'lost')
    throw new UsageError(`keep "kept" or "lost", not ${JSON.stringify(keep)}`, 'try: pm sync resolve 1 kept');
  const n = /^\d{1,15}$/.test(id.trim()) ? Number(id) : Number.NaN;
  const conflict = Number.isSafeInteger(n) ? listConflicts(ctx.read().db, n)[0] : undefined;
  if (!conflict) throw new UsageError(`no conflict ${JSON.stringify(id)}`, 'try: pm sync conflicts');
  ctx.transaction(({ db }) => resolveConflict(db, conflict, keep));
  const what = keep === 'kept' ? label(conflict.current) : label(conflict.lostDeleted ? null : conflict.lost);
  if (ctx.json) ctx.printJson({ ...conflictJson(conflict), resolved: keep });
  else
    ctx.out(
      `Resolved ${conflict.id} (${recordRef(conflict.kind, conflict.key)}): ` +
        // the lost side a deletion: the record is deleted again, with its links (fresh-eyes wave 10 F6)
        (keep === 'lost' && conflict.lostDeleted
          ? `deleted again, as the lost side was${linkNote(conflict.kind)}`
          : `${keep === 'kept' ? 'kept' : 'brought back'} ${what}`),
    );
}

/** What a deletion takes with it: an interview's or hypothesis's evidence links. */
function linkNote(kind: string): string {
  if (kind === 'interview') return ' (its evidence links go with it)';
  if (kind === 'hypothesis') return ' (its evidence links and outcomes go with it)';
  return '';
}

function mergedSummary(r: SyncResult): string {
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const totals = { added: 0, updated: 0, deleted: 0, leftOut: 0 };
  for (const m of r.merged)
    for (const k of Object.values(m.kinds)) {
      totals.added += k.added;
      totals.updated += k.updated;
      totals.deleted += k.deleted;
      totals.leftOut += k.leftOut;
    }
  const erased = r.merged.reduce((n, m) => n + m.erased, 0);
  const bits = [
    `pulled ${part(r.pulled, 'change', 'changes')}`,
    totals.added ? `${totals.added} new` : '',
    totals.updated ? `${totals.updated} updated` : '',
    totals.deleted ? `${totals.deleted} deleted` : '',
    erased ? `${part(erased, 'person', 'people')} forgotten` : '',
  ].filter(Boolean);
  return `Synced: ${bits.join(', ')}; pushed ${part(r.pushed, 'change', 'changes')}.`;
}

/**
 * Conversations under the user's name that another device logged, named the first time that device
 * is seen (fresh-eyes wave 13 H18): two people sharing a name, or one person's second machine. pm
 * cannot tell which; the user can, by the conversations.
 */
function sameNameWarnings(ctx: Context, lastId: number): void {
  const config = ctx.config();
  const me = ctx.defaultBy(config);
  for (const { device, ids } of sameNameElsewhere(ctx.write().db, me, lastId)) {
    const shown = ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');
    const whose = config['user.name'] === null ? 'your OS login (user.name is not set)' : 'your user.name';
    ctx.warn(
      `${ids.length === 1 ? 'a conversation' : `${ids.length} conversations`} logged on another device ` +
        `(${device}…) ${ids.length === 1 ? 'is' : 'are'} by "${me}", ${whose}: ${shown}. Your other machine? ` +
        `Then nothing to do. Not yours (pm show ${ids[0]})? A teammate logs as "${me}" too, and the team ` +
        `counts you as one person: each of you set your own name (pm config set user.name "Your Name").`,
    );
  }
}

export async function sync(ctx: Context): Promise<void> {
  const { runSync } = await import('../db/remote.js');
  const before = outcomeUuids(ctx.write().db);
  const lastId = lastInterviewId(ctx.write().db);
  const result = await runSync(() => ctx.write().db, ctx.env, ctx.today);
  sameNameWarnings(ctx, lastId);
  for (const d of contestedDecisions(ctx.write().db, before))
    ctx.warn(
      `${d.id} was decided twice on ${d.date}: "${d.here}" here, "${d.arrived}" by a teammate; ` +
        `it is now ${d.status} (the decision recorded last): pm hyp show ${d.id}`,
    );
  // a pm log draft naming a person an arriving erasure forgot goes too (as pm forget drops it)
  const live = result.erased.length ? (await import('../db/forget.js')).liveNames(ctx.write().db) : undefined;
  if (dropDraftNaming(ctx.dbPath, result.erased, live))
    ctx.info('removed the unsaved pm log draft that named a person erased elsewhere');
  warnFilesStillHolding(ctx, result.erased, 'a teammate');
  // a teammate's new hypothesis stating one of this journal's again: its evidence would be split (E7)
  for (const h of result.repeated) ctx.warn(arrivedRepeatLine(h));
  const settingsChanged = result.merged.flatMap((m) => m.settingsChanged);
  // the conflicts whose losing side is this journal's own change: said by record, with the way back (G3)
  const lostHere = result.merged.flatMap((m) => m.ownLost);
  // this journal's interviews and hypotheses a teammate deleted, named with the way back, as pm import
  // names them (fresh-eyes wave 18 H20): "2 deleted" left the user to guess which call was gone
  const removed = result.merged.flatMap((m) => m.removed);
  if (ctx.json) {
    ctx.printJson({
      pulled: result.pulled,
      pushed: result.pushed,
      conflicts: result.conflicts,
      lostHere: lostHere.map((l) => ({ conflict: l.id, kind: l.kind, key: l.key, record: recordRef(l.kind, l.key) })),
      erasuresPushed: result.erasuresPushed,
      settingsChanged,
      deletedByTeammate: removedNamed(removed),
    });
    return;
  }
  // --quiet is for the cron line team.md gives: the summary of every run filled its log, 40 identical
  // lines a day, and drowned the one that matters (H14); what a teammate changed and warnings stay
  if (!ctx.globals.quiet) ctx.out(mergedSummary(result));
  // shared settings are the team's (team.md): a teammate's change is said, not found later in the standup
  const settings = settingChangesText(settingsChanged);
  if (settings) ctx.out(`Settings changed by a teammate: ${settings} (pm config lists them).`);
  const part = (n: number, one: string, many: string) => (n ? [`${n} ${n === 1 ? one : many}`] : []);
  const interviews = removed.filter((r) => r.kind === 'interview').length;
  const kinds = [
    ...part(interviews, 'interview', 'interviews'),
    ...part(removed.length - interviews, 'hypothesis', 'hypotheses'),
  ];
  const deleted = removedLines(
    `Deleted here as a teammate deleted them: ${kinds.join(', ')}`,
    removed,
    'this sync',
    'pm sync --json',
  );
  if (deleted.length) ctx.out(deleted.join('\n'));
  for (const l of lostHere.slice(0, 5))
    ctx.warn(
      `your change of ${recordRef(l.kind, l.key)} (${l.kind}) lost to a change made elsewhere at once; ` +
        `it is kept as conflict ${l.id}: pm sync conflicts shows it, pm sync resolve ${l.id} lost brings it back`,
    );
  if (lostHere.length > 5) ctx.warn(`and ${lostHere.length - 5} more of your changes lost: pm sync conflicts`);
  // a losing version of an erased person's record or interview is not kept (it may hold them: team.md),
  // but said, on both sides, rather than lost without a word (fresh-eyes wave 15 H5)
  const dropped = result.merged.flatMap((m) => m.dropped);
  const gone = (d: (typeof dropped)[number]) => {
    const what = d.kind === 'interview' ? 'an interview of a forgotten person' : 'a forgotten person';
    return `${recordRef(d.kind, d.key)} (${d.kind}) is ${what}, and a losing version could bring them back`;
  };
  for (const d of dropped.filter((x) => x.own).slice(0, 5))
    ctx.warn(`your change of ${gone(d)}: it lost to a change made elsewhere at once and is not kept; redo it`);
  for (const d of dropped.filter((x) => !x.own).slice(0, 5))
    ctx.warn(`a teammate's change of ${gone(d)}: it lost to yours, made at once, and is not kept`);
  if (dropped.length > 10) ctx.warn(`and more changes of forgotten people's records lost (${dropped.length} in all)`);
  const others = result.conflicts - lostHere.length;
  if (others > 0)
    ctx.warn(
      `${others} record${others === 1 ? ' was' : 's were'} changed here and elsewhere at once; ` +
        'the later version is kept: pm sync conflicts',
    );
}

export async function init(
  ctx: Context,
  url: string,
  opts: { newDevice?: boolean; switch?: boolean; name?: string } = {},
): Promise<void> {
  const name = opts.name === undefined ? undefined : (parseConfigValue('user.name', opts.name.trim()) as string);
  const { initRemote } = await import('../db/remote.js');
  const leave = opts.switch ? null : { me: ctx.defaultBy(ctx.config()) };
  const r = await initRemote(() => ctx.write().db, ctx.env, url, opts.newDevice === true, leave);
  if (r.hadPassword) ctx.warn('the password in the URL was not stored: pm sync reads it from PGPASSWORD or ~/.pgpass');
  await whoYouAre(ctx, name);
  if (ctx.json) ctx.printJson({ url: r.url, created: r.created, server: r.server });
  else
    ctx.out(
      `${r.created ? 'Created the schema pm in' : 'Connected to'} ${r.url}; ` +
        "run pm sync to push this journal and pull your team's.",
    );
}

/**
 * Who this journal's conversations are by, for the team: every interview carries its `by`, and two
 * teammates without user.name and with the same OS login (root, ubuntu, vscode) were one person on
 * every synced journal, for good (fresh-eyes wave 13 H18). --name sets it; at a terminal pm asks;
 * otherwise a warning says which name the team will see.
 */
async function whoYouAre(ctx: Context, name: string | undefined): Promise<void> {
  if (name === undefined && ctx.config()['user.name'] !== null) return;
  let chosen = name;
  if (chosen === undefined && ctx.interactive) {
    const { input } = await loadPrompts();
    const answer = await input({
      message: 'Your name, as your teammates will see it on your conversations:',
      validate: (v) => v.trim() !== '' || 'a name, like Dana Lee',
    });
    chosen = parseConfigValue('user.name', answer.trim()) as string;
  }
  if (chosen === undefined) {
    const os = ctx.defaultBy(ctx.config());
    ctx.warn(
      `user.name is not set: your conversations reach the team as ${JSON.stringify(os)} (your OS login), ` +
        'as do those of any teammate with the same login; set who you are: pm config set user.name "Dana Lee"',
    );
    return;
  }
  claimName(ctx, chosen);
}

export async function status(ctx: Context): Promise<void> {
  const { remoteStatus } = await import('../db/remote.js');
  const s = await remoteStatus(ctx.read().db, ctx.env);
  if (!s) {
    if (ctx.json) ctx.printJson({ url: null });
    else ctx.out("Not connected to a database: pm sync init URL connects this journal to your team's.");
    return;
  }
  if (ctx.json) {
    ctx.printJson(s);
    return;
  }
  ctx.out(
    [
      `Remote:     ${s.url}${s.reachable ? '' : ` (unreachable: ${safeLine(s.error ?? '')})`}`,
      `Last sync:  ${s.lastSync ?? 'never'}`,
      `To push:    ${s.waiting} change${s.waiting === 1 ? '' : 's'} made here`,
      `To pull:    ${s.toPull === null ? 'unknown' : `${s.toPull} change${s.toPull === 1 ? '' : 's'} made elsewhere`}`,
      `Conflicts:  ${s.conflicts}${s.conflicts ? ' (pm sync conflicts)' : ''}`,
    ].join('\n'),
  );
}
