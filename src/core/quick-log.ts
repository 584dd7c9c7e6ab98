// The interactive `pm log`'s answers (issue 15: a typical call in at most 8 prompts): how the few
// prompts that take several things at once are read, and the draft that Ctrl-C keeps. Pure: the
// prompts are src/commands/log-interactive.ts, the draft's file src/commands/log-draft.ts.
import { UsageError } from '../errors.js';
import { DIRECT_CHANNELS, INDIRECT_CHANNELS, isIndirect, nearChannel, parseChannel, type Channel } from './channels.js';
import { parsePastDate } from './dates.js';
import { parseEvidence, type EvidenceRequest } from './evidence.js';
import type { Strength } from './hypotheses.js';
import { BASES, type Basis } from './confidence.js';
import type { NamedOpportunity, Spelling } from './opportunities.js';
import { painKey, SEVERITIES } from './pains.js';
import { editDistance } from './text.js';

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
 * "How and when?": a channel, a day and the customer's journey stage in one answer, any of them, in
 * any order: `call today` (the default), `video`, `yesterday`, `visit mon onboard`,
 * `2026-11-18 support`. `signal`: only an indirect channel will do (no person was there).
 * `fixedChannel`: --channel was given, only the day (and stage) is asked. `stages`: the setting
 * journey.stages (a stage of several words is matched whole).
 */
export function parseHowWhen(
  text: string,
  today: string,
  defaults: { channel: Channel; signal: boolean; fixedChannel?: Channel; stages?: string[] },
): { channel: Channel; date: string; stage: string | null } {
  let words = text.trim().split(/\s+/).filter(Boolean);
  let stage: string | null = null;
  // the longest stage first, so that "early adopt" wins over "adopt"
  const stages = [...(defaults.stages ?? [])].sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length);
  for (const st of stages) {
    const sw = st.toLowerCase().split(/\s+/);
    const at = words.findIndex((_, i) => sw.every((w, j) => words[i + j]?.toLowerCase() === w));
    if (at === -1) continue;
    if (stage !== null) throw new UsageError(`two journey stages: ${stage} and ${st}`, 'give one');
    stage = st;
    words = [...words.slice(0, at), ...words.slice(at + sw.length)];
  }
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
  let date: string;
  try {
    date = parsePastDate(rest.length ? rest.join(' ') : 'today', today, '');
  } catch (err) {
    // a channel mistyped ("vidoe yesterday") was read as part of the day: say which word (wave 11 E16)
    const near = channel === undefined && defaults.fixedChannel === undefined ? nearChannel(rest[0]) : null;
    if (err instanceof UsageError && near !== null)
      throw new UsageError(
        `${JSON.stringify(rest[0])} is not a channel: did you mean ${near}?`,
        `e.g. ${JSON.stringify([near, ...rest.slice(1)].join(' '))}; channels: ${[...CHANNEL_WORDS].join(', ')}`,
      );
    const wrong = err instanceof UsageError ? strayWord(rest, today, channel, defaults.stages ?? []) : undefined;
    if (wrong) throw wrong;
    // a word that is no day may be a stage mistyped: name the stages too
    if (err instanceof UsageError && stages.length > 0)
      throw new UsageError(err.message, `${err.hint ?? ''}; journey stages: ${(defaults.stages ?? []).join(', ')}`);
    throw err;
  }
  if (date > today) throw new UsageError(`${date} is in the future`, 'log a conversation once it has happened');
  return { channel: chosen, date, stage };
}

// what people call a channel pm names otherwise
const CHANNEL_SYNONYMS: Record<string, string> = {
  zoom: 'video',
  teams: 'video',
  meet: 'video',
  meeting: 'video',
  phone: 'call',
  slack: 'chat',
  mail: 'email',
  webinar: 'event',
  conference: 'event',
};

/**
 * The one word of `rest` that is neither a day nor part of one ("call yesterday evalute", "zoom today"),
 * named with what it may be: "yesterday evalute" was refused whole as a date (fresh-eyes wave 14 H12).
 */
function strayWord(
  rest: string[],
  today: string,
  channel: Channel | undefined,
  stages: string[],
): UsageError | undefined {
  const parses = (words: string[]) => {
    try {
      parsePastDate(words.length ? words.join(' ') : 'today', today, '');
      return true;
    } catch {
      return false;
    }
  };
  const at = rest.findIndex((_, i) => parses(rest.filter((_, j) => j !== i)));
  if (at === -1) return undefined;
  const word = rest[at];
  const w = word.toLowerCase();
  const synonym = channel === undefined ? CHANNEL_SYNONYMS[w] : undefined;
  const stage = stages.find((st) => editDistance(w, st.toLowerCase()) <= (st.length > 4 ? 2 : 1));
  const meant = synonym ?? stage;
  // one word alone that is nothing pm knows may be a day mistyped ("yesterdy"): the date's error says so
  if (rest.length === 1 && meant === undefined) return undefined;
  const what = stages.length ? 'a channel, a day or a journey stage' : 'a channel or a day';
  return new UsageError(
    `${JSON.stringify(word)} is not ${synonym ? 'a channel' : stage ? 'a journey stage' : what}` +
      (meant ? `: did you mean ${meant}?` : ''),
    `channels: ${[...CHANNEL_WORDS].join(', ')}${stages.length ? `; journey stages: ${stages.join(', ')}` : ''}`,
  );
}

/** An open hypothesis as the evidence prompt lists it. */
export interface OpenHypothesis {
  rowid: number;
  id: string;
  statement: string;
}

const STRENGTH_MARK: Record<string, Strength> = { '!': 'strong', '?': 'weak' };

/**
 * One id as typed at the evidence prompt: `H3`, `-H3` (refutes), a strength mark `!` (strong) or `?`
 * (weak), then a basis word (`H3!paid`), or the scripted log's colon form (`H3:paid`,
 * `H3:strong:did`, docs/reference.md). Null when it is not an id (it is then a filter).
 */
const ID_TERM = /^([-+]?)[hH](\d{1,15})([!?]?)([a-zA-Z]*)((?::[^:\s]*){0,2})$/;

/**
 * What was typed at the evidence prompt, when it is a list of ids: `h3` (supports, medium, said),
 * `-h5` (refutes), `h3!` (strong), `h3?` (weak), `h3!paid`, `h3:did`, several separated by spaces or
 * commas. Null when the text is not such a list (it is then a filter of the list); a UsageError
 * names an id that is not open, or a strength or basis that is not one.
 */
export function parseEvidenceTerm(term: string, open: OpenHypothesis[]): EvidenceRequest[] | null {
  const tokens = markWords(
    term
      .split(/[\s,]+/)
      .map((t) => t.trim())
      .filter(Boolean),
  );
  if (tokens.length === 0) return null;
  const matches = tokens.map((t) => ID_TERM.exec(t));
  if (matches.some((m) => m === null)) return null;
  const links: EvidenceRequest[] = [];
  for (const m of matches as RegExpExecArray[]) {
    const rowid = Number(m[2]);
    const direction = m[1] === '-' ? 'refutes' : 'supports';
    // the marks as the scripted form spells them, so that one parser reads both (and refuses twice)
    // `H1:paid!`: the README's H3:paid and H3! put together, the mark last
    const late = m[3] === '' && /[!?]$/.test(m[5]) ? m[5].slice(-1) : '';
    const mark = STRENGTH_MARK[m[3] || late];
    const colons = late ? m[5].slice(0, -1) : m[5];
    const link = parseEvidence(`H${rowid}${mark ? `:${mark}` : ''}${m[4] ? `:${m[4]}` : ''}${colons}`, direction);
    if (!open.some((h) => h.rowid === rowid))
      throw new UsageError(`H${rowid} is not an open hypothesis`, 'pm hyp link H… I… adds evidence to any other');
    if (links.some((l) => l.hypothesis === rowid)) throw new UsageError(`H${rowid} is named twice`);
    links.push(link);
  }
  return links;
}

// The words the list itself shows after an id ("H1 supports") and the scripted flags take (strong, paid)
const MARK_WORDS: Record<string, string> = {
  supports: '+',
  support: '+',
  supporting: '+',
  refutes: '-',
  refute: '-',
  refuting: '-',
  strong: ':strong',
  strongly: ':strong',
  medium: ':medium',
  weak: ':weak',
  weakly: ':weak',
  said: ':said',
  did: ':did',
  paid: ':paid',
};

/**
 * Words typed after an id, as the list shows them ("H1 supports", "H1 refutes strong", "h1 suports"),
 * folded into the id's marks (-H1, H1:strong): typing what the choices read ended in "No results found"
 * (fresh-eyes wave 14 H1). A word that is a start of one mark word, or a letter or two off one, is it;
 * any other word after an id is refused with what to type, so the list never goes blank without a reason.
 */
function markWords(tokens: string[]): string[] {
  if (tokens.length < 2 || !ID_TERM.test(tokens[0])) return tokens;
  const out: string[] = [];
  for (const t of tokens) {
    if (ID_TERM.test(t)) {
      out.push(t);
      continue;
    }
    const id = out.length - 1;
    const w = t.toLowerCase();
    const starts = Object.keys(MARK_WORDS).filter((k) => k.startsWith(w));
    const marks = new Set(starts.map((k) => MARK_WORDS[k]));
    const word =
      MARK_WORDS[w] !== undefined ? w : marks.size === 1 ? starts[0] : w.length >= 4 ? closestMark(w) : undefined;
    const bare = out[id].replace(/^[-+]/, '').replace(/[!?:].*$/, '');
    if (word === undefined)
      throw new UsageError(
        marks.size > 1
          ? `${bare} ${t}…: ${[...new Set(starts.map((k) => k.replace(/s$|ing$|ly$/, '')))].join(', ')}?`
          : `"${t}" is not a mark: Enter links ${bare} as supporting; ` +
              `${bare} refutes (or -${bare}), ${bare} strong, ${bare} paid`,
      );
    const mark = MARK_WORDS[word];
    if (mark === '-') out[id] = `-${out[id].replace(/^[-+]/, '')}`;
    else if (mark !== '+') out[id] += mark;
  }
  return out;
}

function closestMark(word: string): string | undefined {
  let best: string | undefined;
  let distance = 3;
  for (const k of Object.keys(MARK_WORDS)) {
    const d = editDistance(word, k);
    if (d < distance) [best, distance] = [k, d];
  }
  return best;
}

const BASIS_SUFFIX = new RegExp(`[!?:](${BASES.join('|')})$`, 'i');

/**
 * The list's mode from a filter: a leading `-` lists refutations, a trailing `!`/`?` a strength, a
 * trailing `:did`/`:paid` (or `!paid`) a basis; what is left filters by id or statement.
 */
export function evidenceFilter(term: string): {
  direction: 'supports' | 'refutes';
  strength: Strength;
  basis: Basis;
  text: string;
} {
  let text = term.trim();
  const direction = text.startsWith('-') ? 'refutes' : 'supports';
  if (direction === 'refutes' || text.startsWith('+')) text = text.slice(1);
  let basis: Basis = 'said';
  const b = BASIS_SUFFIX.exec(text);
  if (b) {
    basis = b[1].toLowerCase() as Basis;
    text = text.slice(0, b.index + (b[0][0] === ':' ? 0 : 1));
  }
  const last = text.slice(-1);
  const strength = STRENGTH_MARK[last] ?? 'medium';
  if (STRENGTH_MARK[last]) text = text.slice(0, -1);
  return { direction, strength, basis, text: text.trim().toLowerCase() };
}

/**
 * Is an answer one of the words for nothing ("none", "-", "n/a", any case)? pm echoes an empty answer
 * as "none", so a PM types it at the next log (fresh-eyes wave 17 H14: it became a pain "none").
 */
export function meansNothing(answer: string): boolean {
  return /^(none|nothing|n\/a|-+|–|—)$/i.test(answer.trim());
}

/** Nothing, or "n"/"no": "Does it …?" reads as yes/no, and "n" linked evidence (H13). */
export function answersNo(answer: string): boolean {
  return meansNothing(answer) || /^(n|no)$/i.test(answer.trim());
}

/** An optional prompt's answer, "" for the words for nothing. */
export function orNothing(answer: string): string {
  return meansNothing(answer) ? '' : answer;
}

/**
 * Does the hypothesis `id` or a word of its `statement` start with `text` (several words: a run of
 * them)? Letters inside a word do not count: "n" found "Finance" and Enter linked it (H13).
 */
export function hypothesisMatches(id: string, statement: string, text: string): boolean {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const typed = words(text);
  return typed === '' || id.toLowerCase().startsWith(typed) || ` ${words(statement)}`.includes(` ${typed}`);
}

/** How a link reads in the list and in the answer: `H3 supports`, `H5 refutes (strong, paid)`. */
export function linkLabel(l: EvidenceRequest): string {
  const marks = [l.strength === 'medium' ? '' : l.strength, l.basis === 'said' ? '' : l.basis].filter(Boolean);
  return `H${l.hypothesis} ${l.direction}${marks.length ? ` (${marks.join(', ')})` : ''}`;
}

/**
 * What the pains prompt offers for `line` (what is typed so far, several pains separated by `|`):
 * the last pain completed from the names pains already go by (`names`, the most heard first), or
 * its severity completed after a colon (`slow export:h` → `slow export:high`). Each offer is the
 * whole line as it would read (Tab puts it in the line, Enter takes it); at most `limit`.
 */
export function painCompletions(line: string, names: string[], limit = 8): string[] {
  const cut = line.lastIndexOf(ITEM_SEPARATOR);
  const head = cut === -1 ? '' : `${line.slice(0, cut + 1).trimEnd()} `;
  const last = line.slice(cut + 1).trimStart();
  if (last === '') return [];
  const colon = /^([\s\S]*\S)\s*:\s*([a-zA-Z]*)$/.exec(last);
  if (colon) {
    const typed = colon[2].toLowerCase();
    return SEVERITIES.filter((sv) => sv.startsWith(typed) && sv !== typed).map((sv) => `${head}${colon[1]}:${sv}`);
  }
  const words = painKey(last).split(' ');
  const already = new Set(splitItems(line).map(painKey));
  return names
    .filter((n) => {
      const key = painKey(n);
      return key !== painKey(last) && !already.has(key) && words.every((w) => key.includes(w));
    })
    .slice(0, limit)
    .map((n) => `${head}${n}`);
}

/**
 * The names pains already go by, the most heard first: each opportunity the user named (its
 * aliases lead to it), then each pain as it is written most often. One name per pain.
 */
export function painNames(
  named: Pick<NamedOpportunity, 'name' | 'key' | 'aliases'>[],
  spellings: Spelling[],
): string[] {
  const nameOf = new Map<string, Pick<NamedOpportunity, 'name' | 'key'>>();
  for (const n of named) {
    nameOf.set(n.key, n);
    for (const a of n.aliases) nameOf.set(a.key, n);
  }
  // per pain: its name, how often it was heard, and how often the name's spelling was written
  const byKey = new Map<string, { name: string; count: number; best: number }>();
  for (const n of named) byKey.set(n.key, { name: n.name, count: 0, best: Number.POSITIVE_INFINITY });
  for (const [written, count] of spellings) {
    const text = written.trim();
    const key = nameOf.get(painKey(text))?.key ?? painKey(text);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { name: text, count, best: count });
    else {
      if (count > seen.best || (count === seen.best && text < seen.name))
        Object.assign(seen, { name: text, best: count });
      seen.count += count;
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((v) => v.name);
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
  persona?: string;
  /** a signal's origin: an account or a source */
  from?: { account: string } | { source: string };
  howWhen?: string;
  /**
   * the day howWhen was answered (YYYY-MM-DD): its words ("today", "yesterday", "fri") are read as of
   * that day, so a draft left at night and resumed the next morning keeps the call's day
   */
  day?: string;
  summary?: string;
  /** the whole of a paste too long for the summary (its first sentence is the summary) */
  notes?: string;
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

// Words whose full stop ends no sentence: a title before a name, a company's suffix, Latin's short forms.
// A dotted word ("e.g.", "U.S.") is such a word too, and so is an initial (see isInitial).
const ABBREVIATIONS = new Set(
  'dr mr mrs ms mx prof sr jr st inc ltd co corp vs approx dept fig no vol ca cf al mt gen col capt lt sgt'.split(' '),
);
// Words a one-letter name follows ("Plan B.", "option A.", "Tier C."): that letter is a label, not an initial.
const LABELLED = new Set(
  (
    'plan option options version variant phase stage step type tier level grade class part section appendix ' +
    'model scenario route path choice case group team vitamin'
  ).split(' '),
);
// Words that open sentences far more often than they are surnames ("We chose B. Then we ship.").
const OPENERS = new Set(
  (
    'the then they we it he she you this that there these those so but and or if when after before also next ' +
    'now our their my an in on at for to not no yes'
  ).split(' '),
);

/**
 * Is the one-letter `letter`, with `before` the word ahead of it and `after` the text after its full stop, an
 * initial ("J. Smith", "J. R. Ewing")? A capital letter followed by a capitalised name that is no sentence's
 * usual first word, and not a label ("Plan B. Then we ship." ran on past "B.": wave 15, after H15's fix).
 */
function isInitial(letter: string, before: string | undefined, after: string): boolean {
  if (!/^\p{Lu}$/u.test(letter)) return false;
  if (before !== undefined && LABELLED.has(before.toLowerCase())) return false;
  const next = /^\s+["'\u201c\u2018(]?([\p{L}'\u2019-]+)(\.?)/u.exec(after);
  if (next === null || !/^\p{Lu}/u.test(next[1])) return false;
  // "J. A. Smith", "J. I. Rao": the next is another initial, whatever word its letter spells
  return ([...next[1]].length === 1 && next[2] === '.') || !OPENERS.has(next[1].toLowerCase());
}

/**
 * The first sentence of a paste, the summary of call notes pasted at the summary prompt: up to a full
 * stop, ! or ? before a space, unless the full stop ends an abbreviation ("Dr. Lee said …" was cut at
 * "Dr.": fresh-eyes wave 14 H15). Not Intl.Segmenter's sentences: it knows no abbreviations either,
 * and runs a sentence on into a pasted list ("by hand. - Then …").
 */
export function firstSentence(text: string): string {
  for (const m of text.matchAll(/[.!?]+["'\u201d\u2019)\]]*(?=\s|$)/gu)) {
    const end = m.index + m[0].length;
    const upTo = text.slice(0, end);
    const found = m[0] === '.' ? /(?:^|[\s("'])(?:([\p{L}]+)\s+)?([\p{L}.]+)\.$/u.exec(upTo) : null;
    const word = found?.[2];
    const abbreviation =
      word !== undefined &&
      ([...word].length === 1
        ? isInitial(word, found?.[1], text.slice(end))
        : word.includes('.') || ABBREVIATIONS.has(word.toLowerCase()));
    if (!abbreviation) return upTo.trim();
  }
  return text.trim();
}
