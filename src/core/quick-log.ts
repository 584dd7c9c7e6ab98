// The interactive `pm log`'s answers (issue 15: a typical call in at most 8 prompts): how the few
// prompts that take several things at once are read, and the draft that Ctrl-C keeps. Pure: the
// prompts are src/commands/log-interactive.ts, the draft's file src/commands/log-draft.ts.
import { UsageError } from '../errors.js';
import { DIRECT_CHANNELS, INDIRECT_CHANNELS, isIndirect, parseChannel, type Channel } from './channels.js';
import { parsePastDate } from './dates.js';
import type { EvidenceRequest } from './evidence.js';
import type { Strength } from './hypotheses.js';

/** What separates several pains or quotes typed at one prompt: `slow export | no audit trail`. */
export const ITEM_SEPARATOR = '|';

/** `a | b | c` → ['a', 'b', 'c'] (trimmed, empty ones dropped). */
export function splitItems(text: string): string[] {
  return text
    .split(ITEM_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const CHANNEL_WORDS = new Set<string>([...DIRECT_CHANNELS, ...INDIRECT_CHANNELS]);

/**
 * "How and when?": a channel and a day in one answer, either or both, in either order: `call today`
 * (the default), `video`, `yesterday`, `visit mon`, `2026-11-18 support`. `signal`: only an indirect
 * channel will do (no person was there). `fixedChannel`: --channel was given, only the day is asked.
 */
export function parseHowWhen(
  text: string,
  today: string,
  defaults: { channel: Channel; signal: boolean; fixedChannel?: Channel },
): { channel: Channel; date: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let channel: Channel | undefined;
  const rest: string[] = [];
  for (const w of words) {
    if (defaults.fixedChannel === undefined && channel === undefined && CHANNEL_WORDS.has(w.toLowerCase()))
      channel = parseChannel(w);
    else rest.push(w);
  }
  const chosen = defaults.fixedChannel ?? channel ?? defaults.channel;
  if (defaults.signal && !isIndirect(chosen))
    throw new UsageError(
      `a ${chosen} is a conversation with people; a signal comes through support, sales, review or survey`,
    );
  const date = parsePastDate(rest.length ? rest.join(' ') : 'today', today);
  if (date > today) throw new UsageError(`${date} is in the future`, 'log a conversation once it has happened');
  return { channel: chosen, date };
}

/** An open hypothesis as the evidence prompt lists it. */
export interface OpenHypothesis {
  rowid: number;
  id: string;
  statement: string;
}

const STRENGTH_MARK: Record<string, Strength> = { '!': 'strong', '?': 'weak' };

/**
 * What was typed at the evidence prompt, when it is a list of ids: `h3` (supports, medium), `-h5`
 * (refutes), `h3!` (strong), `h3?` (weak), several separated by spaces or commas. Null when the text
 * is not such a list (it is then a filter of the list); a UsageError names an id that is not open.
 */
export function parseEvidenceTerm(term: string, open: OpenHypothesis[]): EvidenceRequest[] | null {
  const tokens = term
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tokens.length === 0) return null;
  const links: EvidenceRequest[] = [];
  for (const t of tokens) {
    const m = /^([-+]?)[hH](\d{1,15})([!?]?)$/.exec(t);
    if (!m) return null;
    const rowid = Number(m[2]);
    if (!open.some((h) => h.rowid === rowid))
      throw new UsageError(`H${rowid} is not an open hypothesis`, 'pm hyp link H… I… adds evidence to any other');
    if (links.some((l) => l.hypothesis === rowid)) throw new UsageError(`H${rowid} is named twice`);
    links.push({
      hypothesis: rowid,
      direction: m[1] === '-' ? 'refutes' : 'supports',
      strength: STRENGTH_MARK[m[3]] ?? 'medium',
      basis: 'said',
    });
  }
  return links;
}

/**
 * The list's mode from a filter: a leading `-` lists refutations, a trailing `!`/`?` a strength;
 * what is left filters by id or statement.
 */
export function evidenceFilter(term: string): { direction: 'supports' | 'refutes'; strength: Strength; text: string } {
  let text = term.trim();
  const direction = text.startsWith('-') ? 'refutes' : 'supports';
  if (direction === 'refutes' || text.startsWith('+')) text = text.slice(1);
  const last = text.slice(-1);
  const strength = STRENGTH_MARK[last] ?? 'medium';
  if (STRENGTH_MARK[last]) text = text.slice(0, -1);
  return { direction, strength, text: text.trim().toLowerCase() };
}

/** How a link reads in the list and in the answer: `H3 supports`, `H5 refutes (strong)`. */
export function linkLabel(l: EvidenceRequest): string {
  return `H${l.hypothesis} ${l.direction}${l.strength === 'medium' ? '' : ` (${l.strength})`}`;
}

/**
 * The answers of an interactive log so far: what Ctrl-C keeps as a draft, and what resuming it
 * starts from. Each is set once its prompt is answered; `pending` is what was being typed at the
 * prompt that was interrupted.
 */
export interface LogAnswers {
  /** a known contact (by UUID), a new one (by name), or none: a signal */
  who?: { contact: string } | { name: string } | { signal: true };
  /** label of who, for the resume question: `Jane Roe (Acme)` */
  whoLabel?: string;
  account?: string;
  role?: string;
  segment?: string;
  /** a signal's origin: an account or a source */
  from?: { account: string } | { source: string };
  howWhen?: string;
  summary?: string;
  pains?: string;
  quotes?: string;
  tags?: string;
  evidence?: EvidenceRequest[];
  followUp?: string;
  pending?: { prompt: string; text: string };
}

export interface LogDraftFile {
  format: 'pm-log-draft';
  /** when it was kept (ISO) */
  savedAt: string;
  answers: LogAnswers;
}

/** A draft file's content, checked; null when it is not one (then it is ignored, not trusted). */
export function readDraftFile(text: string): LogDraftFile | null {
  try {
    const doc = JSON.parse(text) as LogDraftFile;
    if (doc?.format !== 'pm-log-draft' || typeof doc.answers !== 'object' || doc.answers === null) return null;
    if (typeof doc.savedAt !== 'string') return null;
    return doc;
  } catch {
    return null;
  }
}

/** Was anything typed worth keeping? */
export function hasAnswers(a: LogAnswers): boolean {
  return Object.keys(a).some((k) => k !== 'pending') || (a.pending !== undefined && a.pending.text.trim() !== '');
}
