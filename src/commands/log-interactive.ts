// Interactive `pm log`, on a terminal when --summary is not given. Loaded (with inquirer, ~40 ms)
// only on this path. Built to be done in under 30 seconds right after a call (issue 15): a typical
// call with a known person (who, how and when, summary, a pain, a quote, a tag, a hypothesis it
// supports, no follow-up) is 8 prompts and 11 keystrokes besides what is typed (three of them ↓ to
// the third hypothesis; test/e2e/log-interactive.test.ts counts them):
//   1 who            type part of a name, Enter (their open follow-up is shown)
//   2 how and when   Enter: "call today" (or "video yesterday", "visit mon"; a journey stage from
//                    journey.stages may be added: "call today onboard")
//   3 summary        typed, Enter
//   4 pains          typed, Enter (several: "a | b"; "slow export:high" sets a severity; Tab
//                    completes a pain already heard, or a severity after ":")
//   5 quotes         typed, Enter (several: "a | b")
//   6 tags           typed, Enter (comma-separated)
//   7 evidence       ↓ to the hypothesis, Enter links it (supports, medium, said; -H3 refutes, H3!
//                    strong, H3? weak, H3:did or H3!paid a basis, "H3 -H5" several); Enter on "None"
//   8 follow-up      Enter for none, or tomorrow, fri, +1w
// Every option of issue 17 (severity, stage, basis) is typed into one of these prompts: none adds one.
// Ctrl-C at any prompt (or a signal: the terminal closed, the session ended), or a save that fails,
// keeps what was typed as a draft beside the journal (src/commands/log-draft.ts); the next `pm log`
// offers to resume it. Nothing is written to the journal before the last answer, and the draft is
// removed once the log resumed from it is saved.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Context } from '../context.js';
import { LIMITS, checkText, nearPersonName, refusePlaceholder, safeLine } from '../core/text.js';
import { parseDeadline } from '../core/dates.js';
import { fromSqliteError, Interrupted, PmError, UsageError } from '../errors.js';
import { keepOnSignal } from '../interrupt.js';
import { type Channel, parseChannel } from '../core/channels.js';
import { ROLES, parsePerson, type ContactRow, type Person, type Role } from '../core/contacts.js';
import type { EvidenceRequest } from '../core/evidence.js';
import {
  checkPersona,
  draftFromOptions,
  followUpAfter,
  parseMinutes,
  type LogDraft,
  type LogOptions,
} from '../core/interviews.js';
import { notASeverity, parsePain, SEVERITIES } from '../core/pains.js';
import {
  evidenceFilter,
  firstSentence,
  hasAnswers,
  ITEM_SEPARATOR,
  answersNo,
  hypothesisMatches,
  linkLabel,
  meansNothing,
  orNothing,
  painCompletions,
  painNames,
  parseEvidenceTerm,
  parseHowWhen,
  splitItems,
  type LogAnswers,
  type OpenHypothesis,
} from '../core/quick-log.js';
import { knownSources, knownTags, openFollowUps } from '../db/interviews.js';
import { allContacts, bracketedAccount, contactByEmail, contactsByName } from '../db/contacts.js';
import { openHypotheses } from '../db/evidence.js';
import { accountsFormerlyNamed, findAccount, knownAccounts } from '../db/accounts.js';
import { knownPersonas, knownSegments } from '../db/contacts.js';
import { namedOpportunities, painSpellings } from '../db/opportunities.js';
import { journeyStages } from '../core/config.js';
import {
  journalExists,
  listedPeople,
  matchParticipants,
  readNotes,
  refuseListedPeople,
  refuseOtherAccount,
  report,
  saveLog,
} from './log.js';
import { ErasedRefusal, refuseErasedMention, refuseErasedPerson } from './identity-warnings.js';
import { readDrafts, removeDraft, writeDraft } from './log-draft.js';
import { fitSaid, loadPrompts } from '../prompts.js';
import { pasteSafe, unjoin } from './paste.js';
import { cleanTag, distinctTags, nameKey } from '../core/identity.js';
import { clipWords } from '../render/wrap.js';
import { displayWidth } from '../render/width.js';

/** A line said between the prompts, broken at its words as they are (the terminal broke it mid-word). */
function say(ctx: Context, text: string): void {
  ctx.info(fitSaid(text));
}

/** A validator for inquirer: true, or the usage error's message. */
function valid(check: (s: string) => unknown): (s: string) => true | string {
  return (s: string) => {
    try {
      check(s);
      return true;
    } catch (err) {
      if (err instanceof PmError) return err.message + (err.hint ? ` (${err.hint.replace(/^accepted: /, '')})` : '');
      throw err;
    }
  };
}

/**
 * The answer to "Which account?" for a new person: required (pm log --with a new name needs
 * --account too), so an empty one says what to type rather than "account is empty" (fresh-eyes E7).
 */
export function checkNewAccount(s: string): string {
  if (s.trim() === '')
    throw new UsageError(
      'a new person needs their account',
      'type the organisation they work at, e.g. Acme (a new one is made)',
    );
  return checkText('account', s.trim(), LIMITS.account);
}

/** The terminal's width (else $COLUMNS, else 80): the prompts' lines are kept within it where they can be. */
function columns(): number {
  return process.stdout.columns || Number.parseInt(process.env.COLUMNS ?? '', 10) || 80;
}

/** Ctrl-C (or the prompt closed) at a prompt. */
function isPromptExit(err: unknown): boolean {
  const name = (err as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

type Who = { contact: ContactRow } | { name: string } | { signal: true };

/**
 * A new person's name typed at Who, checked as the save checks it. Known people joined ("Jane Roe,
 * Raj Patel") are a call with several, which this prompt, about one person, cannot log: offered as a
 * new contact, the save refused it and the draft it kept resumed into the same refusal (wave 11 F8).
 */
function checkNewWho(db: ReturnType<Context['read']>['db'], s: string): void {
  checkText('name', s, LIMITS.name);
  const person = parsePerson(s);
  // an erased person's email is them at any account: refused here, as the flag form refuses it
  if (person.email) refuseErasedPerson(db, person, null);
  // "Jane Roe (Bluebird)" for the Jane Roe of Acme (her own account offers her, not a new contact);
  // "Mia Chen (CFO)", whose brackets name no account, is a new contact's name as typed, as --with with
  // --account takes it: her account is asked next, and refused there if it is the brackets' (review
  // wave 13 R3)
  const typed = bracketedAccount(db, person);
  if (typed && findAccount(db, typed.account)) refuseOtherAccount(db, typed);
  const parts = listedPeople(db, person);
  if (parts)
    throw new UsageError(
      `${JSON.stringify(safeLine(s))} names ${parts.length} known contacts: type one of them here`,
      `several people at once: pm log ${parts.map((p) => `--with ${JSON.stringify(safeLine(p))}`).join(' ')} ` +
        '--summary "…"',
    );
}

/**
 * The known people a line typed at Who names by pm's own forms: by the email of "Jane Roe <jane@acme.test>",
 * or "Jane Roe (Acme)" (with the others of that name when the account is not theirs). Offered only as a
 * new contact, they were asked account, role and segment again, and a different account typed there
 * ended in a save refused at every resume (fresh-eyes wave 12 G14).
 */
function typedPeople(db: ReturnType<Context['read']>['db'], raw: string): ContactRow[] {
  let person: Person;
  try {
    person = parsePerson(raw);
  } catch {
    return []; // half typed: "Jane Roe <jane@ac"
  }
  const byEmail = person.email ? contactByEmail(db, person.email) : undefined;
  if (byEmail) return [byEmail];
  const typed = bracketedAccount(db, person);
  return typed ? [...typed.at, ...typed.named.filter((c) => !typed.at.includes(c))] : [];
}

/** Does a line typed at Who name a known person outright (their email, or their name and account)? */
function typedKnown(db: ReturnType<Context['read']>['db'], raw: string): boolean {
  try {
    const person = parsePerson(raw);
    if (person.email) return contactByEmail(db, person.email) !== undefined;
    return (bracketedAccount(db, person)?.at.length ?? 0) > 0;
  } catch {
    return false;
  }
}

const SIGNAL_CHOICE = 'No person: a signal (a review, a survey, a ticket)';

/** Is `t` typed from the start of a word of the signal choice ("no pers", "signal", "review")? */
function signalWords(t: string): boolean {
  return ` ${SIGNAL_CHOICE.toLowerCase().replace(/[^a-z ]/g, '')}`.includes(` ${t.replace(/[^a-z ]/g, '')}`);
}

export async function logInteractive(ctx: Context, opts: LogOptions): Promise<void> {
  // a flag typed wrong is said before the questions, not after every answer
  if (opts.minutes !== undefined) parseMinutes(opts.minutes);
  const prompts = await loadPrompts();
  const journal = ctx.dbPath;
  const { db } = ctx.read();

  // a journal pm cannot write is said before the questions, not after every answer (fresh-eyes E1)
  if (journalExists(journal)) {
    try {
      accessSync(journal, constants.W_OK);
      accessSync(dirname(journal), constants.W_OK);
    } catch {
      throw fromSqliteError({ code: 'SQLITE_READONLY' }, journal);
    }
  }

  // the drafts kept (by Ctrl-C, a signal or a failed save), oldest first: resume one, put it off
  // (it stays, offered again), or discard it
  let answers: LogAnswers = {};
  let resumed: string | undefined;
  for (const kept of readDrafts(journal)) {
    if (!hasAnswers(kept.answers)) continue;
    const what = [kept.answers.whoLabel, kept.answers.summary ?? kept.answers.pending?.text]
      .filter((s): s is string => Boolean(s))
      .map((s) => clipWords(safeLine(s), Math.max(20, (columns() - 40) / 2)))
      .join(': ');
    // left another day: when, and the day its call gets (its words are read as of that day)
    const day = kept.answers.day;
    const when = day && day !== ctx.today ? ` on ${day}` : '';
    const dated = when && kept.answers.howWhen !== undefined ? draftDate(ctx, kept.answers.howWhen, day!) : '';
    const choice = await prompts.select<'resume' | 'later' | 'discard'>({
      message: `Resume the log you left${when}${what ? ` (${what})` : ''}${dated}?`,
      choices: [
        { name: 'Yes, resume it', value: 'resume' },
        { name: 'Later: log another call now (the draft stays)', value: 'later' },
        { name: 'Discard it', value: 'discard' },
      ],
    });
    if (choice === 'discard') removeDraft(kept.path);
    if (choice !== 'resume') continue;
    answers = kept.answers;
    resumed = kept.path;
    break;
  }

  // what is being typed at the current prompt, kept if Ctrl-C comes before Enter
  let typing: { prompt: string; text: string } | undefined;
  const tracked =
    (prompt: string) =>
    (value: string, { isFinal }: { isFinal: boolean }) => {
      if (!isFinal) typing = { prompt, text: value };
      return value;
    };
  /** the text an interrupted prompt had, to edit on resuming */
  const pendingText = (prompt: string): string | undefined =>
    answers.pending?.prompt === prompt ? answers.pending.text : undefined;
  const ask = async (prompt: string, message: string, check: (s: string) => unknown, fallback?: string) => {
    typing = undefined;
    const pending = pendingText(prompt);
    const answer = await prompts.input({
      message,
      default: pending ?? fallback,
      prefill: pending !== undefined ? 'editable' : 'tab',
      transformer: tracked(prompt),
      validate: valid(check),
    });
    if (answers.pending?.prompt === prompt) delete answers.pending;
    return answer;
  };

  /** Keep what was typed as the draft; false when there was nothing to keep or it could not be written. */
  const keep = (): boolean => {
    if (typing && typing.text.trim() !== '') answers.pending = typing;
    if (!hasAnswers(answers)) return false;
    // pm forget ran while the prompts waited: a draft would hold the person it erased (H19)
    if (namesErased(db, answers)) {
      ctx.info('pm: nothing is kept as a draft: your answers name a person erased with pm forget meanwhile');
      erased = true;
      return false;
    }
    // the journal's folder may not exist yet (the first log): made as pm makes it, 0700
    try {
      mkdirSync(dirname(journal), { recursive: true, mode: 0o700 });
    } catch {
      /* then the draft cannot be written either */
    }
    return writeDraft(journal, answers, new Date(), resumed);
  };
  let erased = false;
  // a signal at a prompt (the terminal closed, the session ended, kill -INT) keeps the draft too
  const release = keepOnSignal(() => (keep() ? KEPT : undefined));
  let draft: LogDraft;
  try {
    draft = await collect(ctx, db, opts, answers, prompts, ask, pendingText, (t) => {
      typing = t;
    });
  } catch (err) {
    if (isPromptExit(err) && keep()) throw new Interrupted(KEPT);
    throw err;
  } finally {
    release();
  }
  typing = undefined;
  let saved: ReturnType<typeof saveLog>;
  try {
    saved = saveLog(ctx, draft);
  } catch (err) {
    // the save failed (the journal locked by another process, read-only, a full disk): the answers
    // are not lost with it (fresh-eyes wave 10 E1)
    if (err instanceof ErasedRefusal) {
      // refused for a person erased meanwhile: neither a draft nor stderr keeps what names them (H19)
      ctx.info('pm: nothing is kept as a draft: your answers name a person erased with pm forget meanwhile');
      throw err;
    }
    if (keep()) ctx.info('pm: your answers are kept as a draft: run pm log again to resume it');
    else if (!erased) ctx.info(`pm: your answers, not saved:\n${JSON.stringify(answers, null, 2)}`);
    throw err;
  }
  // saved: an output that fails now (stdout gone) must not leave a draft that would log it twice
  if (resumed) removeDraft(resumed);
  report(ctx, saved, fitSaid);
}

/**
 * Whether `answers` are, or name, a person erased with pm forget since they were typed (pm forget run
 * in another terminal while the prompts waited): their contact, or a name or text the save refuses.
 */
function namesErased(db: ReturnType<Context['read']>['db'], answers: LogAnswers): boolean {
  const who = answers.who;
  let own: string[] = [];
  try {
    if (who && 'contact' in who) {
      const row = db.prepare('SELECT name, forgotten FROM contacts WHERE uuid = ?').get(who.contact) as
        | { name: string; forgotten: number }
        | undefined;
      if (row?.forgotten === 1) return true;
      if (row) own = [row.name];
    } else if (who && 'name' in who) {
      const person = parsePerson(who.name);
      refuseErasedPerson(db, person, answers.account ?? null);
      own = [person.name];
    }
    const { summary, notes, pains, quotes, tags, pending } = answers;
    const texts: [string, string | undefined][] = [summary, notes, pains, quotes, tags, pending?.text].map((t) => [
      'text',
      t,
    ]);
    refuseErasedMention(db, texts, own);
  } catch (err) {
    // a journal locked or gone cannot be asked: the answers are kept, as before
    return err instanceof ErasedRefusal;
  }
  return false;
}

const KEPT = 'interrupted; what you typed is kept as a draft (pm log offers to resume it)';

/** ", its call dated 2026-12-06": a draft's How and when read as of `day`, or nothing if it cannot be. */
function draftDate(ctx: Context, howWhen: string, day: string): string {
  try {
    const stages = journeyStages(ctx.config());
    return `, its call dated ${parseHowWhen(howWhen, day, { channel: 'call', signal: false, stages }).date}`;
  } catch {
    return '';
  }
}

/** The first sentence of `text`, or as many of its words as a summary holds. */
function leadOf(text: string): string {
  const first = firstSentence(text.trim());
  if ([...first].length <= LIMITS.summary) return first;
  const clipped = clipWords(first, LIMITS.summary - 1); // by display width: zero-width marks still count
  return [...clipped].length <= LIMITS.summary ? clipped : `${[...first].slice(0, LIMITS.summary - 1).join('')}…`;
}

type Prompts = Awaited<ReturnType<typeof loadPrompts>>;
type Ask = (prompt: string, message: string, check: (s: string) => unknown, fallback?: string) => Promise<string>;

/** Ask what `answers` does not hold yet, recording each answer there; returns the checked draft. */
async function collect(
  ctx: Context,
  db: ReturnType<Context['read']>['db'],
  opts: LogOptions,
  answers: LogAnswers,
  prompts: Prompts,
  ask: Ask,
  pending: (prompt: string) => string | undefined,
  typing: (t: { prompt: string; text: string }) => void,
): Promise<LogDraft> {
  const today = ctx.today;
  const known = allContacts(db);

  // a draft's person merged away or erased since: asked again
  const drafted = answers.who;
  if (drafted && 'contact' in drafted && !known.some((c) => c.uuid === drafted.contact)) {
    say(ctx, 'the person of the draft is no longer in the journal (merged or erased): who was it?');
    delete answers.who;
    delete answers.whoLabel;
  }
  // a draft's new name that the save refuses (kept before the Who prompt checked it): asked again,
  // with the answers that described the new person
  // a draft's new name that is a known person by pm's own forms (kept before Who offered them): them
  // (only one: two namesakes at that account are told apart at Who, review wave 13 R5)
  const typed = drafted && 'name' in drafted && typedKnown(db, drafted.name) ? typedPeople(db, drafted.name) : [];
  const person =
    typed.length === 1 || (typed.length > 1 && typed[1].accountId !== typed[0].accountId) ? typed[0] : null;
  if (person) {
    say(ctx, `the person of the draft is ${safeLine(person.name)} (${safeLine(person.account)}, ${person.role})`);
    answers.who = { contact: person.uuid };
    answers.whoLabel = `${person.name} (${person.account})`;
    for (const key of ['account', 'role', 'segment', 'persona'] as const) delete answers[key];
  } else if (typed.length > 1) {
    say(
      ctx,
      `${typed.length} contacts are ${safeLine(typed[0].name)} at ${safeLine(typed[0].account)}: ` +
        "which was the draft's?",
    );
    for (const key of ['who', 'whoLabel', 'account', 'role', 'segment', 'persona'] as const) delete answers[key];
  } else if (drafted && 'name' in drafted) {
    // and an erased person's name at the draft's account, which the save refuses (review wave 12 R2)
    const why = valid((s) => {
      checkNewWho(db, s);
      refuseErasedPerson(db, parsePerson(s), answers.account ?? null);
    })(drafted.name);
    if (why !== true) {
      say(ctx, `the person of the draft cannot be logged as typed: ${why}. Who was it?`);
      for (const key of ['who', 'whoLabel', 'account', 'role', 'segment', 'persona'] as const) delete answers[key];
    }
  }

  // 1. who: --with chooses them (as --channel chooses the channel), found as the scripted form finds them
  if (answers.who === undefined && opts.with?.length) {
    if (opts.with.length > 1)
      throw new UsageError(
        'on a terminal, pm log asks about one person; several people are logged with --summary',
        `try: pm log ${opts.with.map((w) => `--with ${JSON.stringify(w)}`).join(' ')} --summary "…"`,
      );
    const person = parsePerson(opts.with[0]);
    const unknown =
      opts.account === undefined &&
      !(person.email && contactByEmail(db, person.email)) &&
      contactsByName(db, person.name).length === 0 &&
      !bracketedAccount(db, person);
    const found = unknown
      ? undefined
      : matchParticipants(db, { people: [person], account: opts.account ?? null, role: null, segment: null })
          .contacts[0].existing;
    if (found) {
      answers.who = { contact: found.uuid };
      answers.whoLabel = `${found.name} (${found.account})`;
      say(ctx, `Who: ${safeLine(found.name)} (${safeLine(found.account)}, ${found.role}), from --with`);
    } else {
      refuseListedPeople(db, person);
      answers.who = { name: opts.with[0] };
      answers.whoLabel = person.name;
    }
  }
  if (answers.who === undefined) {
    // a pasted name ending in Enter is taken, as at Pains (src/commands/paste.ts); of pasted lines (an
    // email signature) the first is the name, the rest said below, never glued into it (H18)
    const pastedRest: string[] = [];
    const chosen = await pasteSafe(
      () =>
        prompts.search<Who>({
          message: 'Who did you talk to?',
          initialValue: pending('who'),
          source: (term) => {
            const raw = (term ?? '').trim();
            typing({ prompt: 'who', text: raw });
            const t = raw.toLowerCase();
            // "Jane Roe <jane@acme.test>" and "Jane Roe (Acme)", the forms pm takes and prints, are her
            const named = typedPeople(db, raw);
            const matches: { value: Who; name: string; short?: string }[] = [
              ...named,
              ...known.filter(
                (c) =>
                  !named.some((n) => n.uuid === c.uuid) &&
                  (!t ||
                    c.name.toLowerCase().includes(t) ||
                    (c.email ?? '').toLowerCase().includes(t) ||
                    c.account.toLowerCase().includes(t)),
              ),
            ]
              .slice(0, 20)
              .map((c) => ({
                value: { contact: c },
                name: `${safeLine(c.name)} (${safeLine(c.account)}, ${c.role})`,
              }));
            const signalChoice = { value: { signal: true } as Who, name: SIGNAL_CHOICE, short: 'no person: a signal' };
            // "no person", "signal", "review" … matching no one: the signal first, and no new contact of that name
            if (t.length >= 2 && matches.length === 0 && signalWords(t)) return [signalChoice];
            if (t && !known.some((c) => c.name.toLowerCase() === t) && !typedKnown(db, raw)) {
              // a name the save would refuse is not offered: its reason is, and with nothing else to
              // take, Enter leaves the line as typed to correct (@inquirer/search types it back)
              // an email being typed ("Zoë Brandt <zoe@hafen.d") is not yet a mistake: no reason under each key
              const typingEmail = raw.lastIndexOf('<') > raw.lastIndexOf('>');
              const refused = typingEmail ? 'the email ends with >' : valid((s) => checkNewWho(db, s))(raw);
              if (refused !== true) return [...matches, { value: { name: raw }, name: refused, disabled: ' ' }];
              // "Sven Odegard", "Jnae Roe", "Jane": the known person above New contact, where Enter, Enter
              // made a second one at the same account (fresh-eyes wave 14 H8)
              if (t.length >= 3 && matches.length < 20) {
                const listed = new Set(matches.map((m) => ('contact' in m.value ? m.value.contact.uuid : '')));
                for (const c of known.filter((k) => !listed.has(k.uuid) && nearPersonName(raw, k.name)).slice(0, 3))
                  matches.push({
                    value: { contact: c },
                    name: `${safeLine(c.name)} (${safeLine(c.account)}, ${c.role}) — did you mean?`,
                    short: `${safeLine(c.name)} (${safeLine(c.account)}, ${c.role})`,
                  });
              }
              matches.push({ value: { name: raw }, name: `New contact: ${safeLine(raw)}` });
            }
            matches.push(signalChoice);
            return matches;
          },
          validate: (w) => ('name' in w ? valid((s) => checkNewWho(db, s))(w.name) : true),
        }),
      undefined,
      undefined,
      pastedRest,
    );
    const who = withPastedEmail(ctx, db, chosen, pastedRest);
    if ('contact' in who) {
      answers.who = { contact: who.contact.uuid };
      answers.whoLabel = `${who.contact.name} (${who.contact.account})`;
    } else if ('name' in who) {
      answers.who = { name: who.name };
      answers.whoLabel = who.name;
    } else {
      answers.who = { signal: true };
      answers.whoLabel = 'a signal';
    }
  }
  const who = answers.who;
  const contact = 'contact' in who ? known.find((c) => c.uuid === who.contact) : undefined;
  // text naming a person erased with pm forget is refused where it is typed, as the save refuses it
  // (the conversation's own person of that name spared): refused only at the save, the draft kept
  // came back to the same refusal at every resume (wave 11 F7)
  const ownNames = contact ? [contact.name] : 'name' in who ? [parsePerson(who.name).name] : [];
  const noErased = (what: string, text: string) => refuseErasedMention(db, [[what, text]], ownNames);

  // the person's open follow-ups (a customer conversation after them answers them: said once saved)
  if (contact)
    for (const f of openFollowUps(db, [contact.id], today))
      say(
        ctx,
        `  open follow-up of ${f.id} with ${safeLine(contact.name)}, due ${f.followUp}: ` +
          clipWords(safeLine(f.summary), Math.max(20, columns() - 50)),
      );

  // a new person: their account, role and segment
  if ('name' in who) {
    if (answers.account === undefined)
      answers.account = (
        await ask(
          'account',
          `${safeLine(who.name)} is new. Which account (organisation)?`,
          // their name at the account an erased person of that name was at is that person (E1); "Mia
          // Chen (Globex)" at Globex is the Mia Chen of another account, as --with and --account read it
          (a) => {
            const account = checkNewAccount(a);
            const typed = bracketedAccount(db, parsePerson(who.name));
            if (typed && nameKey(typed.account) === nameKey(account)) refuseOtherAccount(db, typed);
            refuseErasedPerson(db, parsePerson(who.name), account);
          },
          opts.account,
        )
      ).trim();
    if (answers.role === undefined)
      answers.role = await prompts.select<Role>({
        message: 'Their role?',
        choices: ROLES.map((r) => ({ value: r })),
        default: 'customer',
      });
    if (answers.segment === undefined) {
      const used = usedSegmentsHint(knownSegments(db), knownPersonas(db), Math.max(16, columns() - 70));
      const typed = await ask('segment', `Segment / persona (smb / ops lead; Enter to skip${used})?`, (s) => {
        const [segment, persona] = splitSegmentPersona(s);
        if (segment) checkText('segment', segment, LIMITS.segment);
        if (persona) checkPersona(persona, 'persona');
      });
      [answers.segment, answers.persona] = splitSegmentPersona(typed);
    }
  }

  // a signal: where it came from, an account or a source
  const signal = 'signal' in who;
  if (signal && answers.from === undefined) {
    const accounts = knownAccounts(db);
    const sources = knownSources(db);
    answers.from = await pasteSafe(() =>
      prompts.search<{ account: string } | { source: string }>({
        message: 'Where did it come from (an account, or a source like Capterra)?',
        initialValue: pending('from'),
        source: (term) => {
          const raw = (term ?? '').trim();
          typing({ prompt: 'from', text: raw });
          const t = raw.toLowerCase();
          const list: { value: { account: string } | { source: string }; name: string; short?: string }[] = [
            ...sources
              .filter((s) => !t || s.toLowerCase().includes(t))
              .map((s) => ({ value: { source: s }, name: `${safeLine(s)} (source)`, short: safeLine(s) })),
            ...accounts
              .filter((a) => !t || a.toLowerCase().includes(t))
              .map((a) => ({ value: { account: a }, name: `${safeLine(a)} (account)`, short: safeLine(a) })),
          ].slice(0, 20);
          const exact = [...sources, ...accounts].some((n) => n.toLowerCase() === t);
          if (t && !exact) {
            list.push({ value: { source: raw }, name: `New source: ${safeLine(raw)}`, short: safeLine(raw) });
            // a former name of an account (renamed or merged into another) is that account, as the save reads it
            const [now, ...more] = accountsFormerlyNamed(db, raw);
            if (now && more.length === 0)
              list.push({
                value: { account: now.name },
                name: `${safeLine(now.name)} (account, formerly ${safeLine(raw)})`,
                short: safeLine(now.name),
              });
            else list.push({ value: { account: raw }, name: `New account: ${safeLine(raw)}`, short: safeLine(raw) });
          }
          return list;
        },
        validate: (f) =>
          valid((s) => checkText('source' in f ? 'source' : 'account', s, LIMITS.account))(
            'source' in f ? f.source : f.account,
          ),
      }),
    );
  }

  // 2. how and when
  const fixedChannel = opts.channel !== undefined ? parseChannel(opts.channel) : undefined;
  const stages = journeyStages(ctx.config());
  const defaults = { channel: (signal ? 'support' : 'call') as Channel, signal, fixedChannel, stages };
  // the stage is offered where a customer's journey is: not for a signal, a stakeholder or a partner
  const journey = !signal && (contact ? contact.role === 'customer' || contact.role === 'prospect' : true);
  // the stages named where the line leaves room to type the answer (80 columns: 'How and when' and
  // the default take ~30), else only said to exist: a word that is neither names them all
  const listed = ` (a stage too: ${stages.map(safeLine).join(', ')})`;
  const stageHint = !journey ? '' : listed.length <= columns() - 50 ? listed : ' (a journey stage too)';
  if (answers.howWhen === undefined)
    answers.howWhen = await ask(
      'howWhen',
      fixedChannel
        ? `When${stageHint}?`
        : signal
          ? 'How and when (support, sales, review or survey)?'
          : `How and when${stageHint}?`,
      (s) => parseHowWhen(s, today, defaults),
      [fixedChannel ? '' : defaults.channel, opts.date ?? 'today', opts.stage ?? ''].filter(Boolean).join(' '),
    );
  // a draft's answer is read as of the day it was typed: "call today" left at night and resumed the
  // next morning is the evening's call (fresh-eyes wave 17 H3); a draft of an earlier pm has no day
  answers.day ??= today;
  const { channel, date, stage } = parseHowWhen(answers.howWhen, answers.day, defaults);

  // 3. summary
  // a paste of several lines (call notes) is one summary, its lines joined by spaces: the first line's
  // Enter would otherwise submit it and the rest be lost
  // Notes pasted whole (longer than a summary holds) are kept as the interview's notes, their first
  // sentence the summary (fresh-eyes wave 10 E8: the paste was refused, with nowhere else to put it)
  if (answers.summary === undefined) {
    const notesGiven = opts.notes !== undefined || opts.notesFile !== undefined;
    const pasted: { raw: string; joined: string }[] = [];
    const said = await pasteSafe(
      () =>
        ask('summary', 'What did you learn (summary)?', (s) => {
          refusePlaceholder(
            'the summary',
            checkText('summary', s, notesGiven ? LIMITS.summary : LIMITS.notes),
            'write what you learned in place of the "…"',
          );
          noErased('the summary', s);
        }),
      ' ',
      pasted,
    );
    if ([...said].length > LIMITS.summary) {
      answers.notes = unjoin(said, pasted);
      answers.summary = leadOf(said);
      say(
        ctx,
        `  that is longer than a summary (${LIMITS.summary} characters): its first sentence is the summary, ` +
          'and the whole of it is kept as the notes',
      );
    } else answers.summary = said;
  }

  // 4, 5. pains and quotes, several at once
  // (what the command line gave, --pain, --quote, --tag, --follow-up, is each prompt's default)
  if (answers.pains === undefined)
    answers.pains = await pasteSafe(
      () =>
        askPains(prompts, db, pending('pains') ?? joined(opts.pain, ` ${ITEM_SEPARATOR} `), typing, (s) =>
          noErased('the pain', s),
        ),
      ` ${ITEM_SEPARATOR} `,
    );
  // "none", "-", "n/a" at these optional prompts are an empty answer (the echo of one is "none")
  if (answers.quotes === undefined)
    answers.quotes = orNothing(
      await pasteSafe(
        () =>
          ask(
            'quotes',
            `A quote, their words (several: a ${ITEM_SEPARATOR} b)?`,
            (s) => {
              for (const q of splitItems(s)) checkText('quote', q, LIMITS.quote);
              noErased('the quote', s);
            },
            joined(opts.quote, ` ${ITEM_SEPARATOR} `),
          ),
        ` ${ITEM_SEPARATOR} `,
      ),
    );

  // 6. tags
  if (answers.tags === undefined) {
    const tags = knownTags(db);
    const usedTags = clipWords(tags.slice(0, 8).map(safeLine).join(', '), Math.max(16, columns() - 56));
    // pasted lines (a spreadsheet column) are one tag each, as pains are one pain a line: the first
    // line's Enter kept it alone and the others were dropped (fresh-eyes wave 17 H18)
    answers.tags = orNothing(
      await pasteSafe(
        () =>
          ask(
            'tags',
            `Tags, comma-separated${tags.length ? ` (used: ${usedTags})` : ''}?`,
            (s) => {
              for (const t of splitTags(s)) checkText('tag', t, LIMITS.tag);
              noErased('the tag', s);
            },
            joined(opts.tag, ', '),
          ),
        ', ',
      ),
    );
  }

  // 7. evidence: Enter links the highlighted hypothesis
  const open: OpenHypothesis[] = openHypotheses(db).map((h) => ({ rowid: h.rowid, id: h.id, statement: h.statement }));
  if (answers.evidence === undefined)
    answers.evidence =
      open.length === 0 ? [] : await pasteSafe(() => askEvidence(prompts, open, pending('evidence'), typing));

  // 8. follow-up
  if (answers.followUp === undefined)
    answers.followUp = orNothing(
      await ask(
        'followUp',
        'Follow up by (Enter for none; tomorrow, fri, +1w)?',
        (s) => {
          if (orNothing(s).trim() !== '') followUpAfter(parseDeadline(s, today, date, ''), date, '');
        },
        opts.followUp,
      ),
    ).trim();

  // the same checks as the scripted form, then the same save
  const from = answers.from;
  const base: LogDraft = draftFromOptions(
    {
      with: contact
        ? [contact.email ? `${contact.name} <${contact.email}>` : contact.name]
        : 'name' in who
          ? [who.name]
          : [],
      segment: answers.segment || undefined,
      persona: answers.persona || undefined,
      account: contact
        ? contact.account
        : 'name' in who
          ? answers.account
          : from && 'account' in from
            ? from.account
            : undefined,
      source: from && 'source' in from ? from.source : undefined,
      channel,
      date,
      summary: answers.summary,
      by: opts.by,
      minutes: opts.minutes,
      notes: opts.notes,
      notesFile: opts.notesFile,
    },
    today,
    () => answers.notes ?? readNotes(opts),
  );
  const role = answers.role === undefined ? null : (answers.role as Role);
  return {
    ...base,
    role: role ?? base.role,
    stage: stage ?? base.stage,
    pains: splitItems(answers.pains).map((p) => parsePain(p, 'pain')),
    quotes: splitItems(answers.quotes),
    tags: splitTags(answers.tags),
    evidence: answers.evidence,
    followUp: answers.followUp === '' ? null : parseDeadline(answers.followUp, today, date, ''),
  };
}

const EMAIL_LINE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * The person chosen at Who from a pasted signature's first line, and its other lines (`rest`): a new
 * contact gets the email line as their email (`Lena Voss <lena…>`, or the contact known by it); the
 * lines not used (title, company) are said, so that nothing pasted goes without a word.
 */
function withPastedEmail(ctx: Context, db: ReturnType<Context['read']>['db'], who: Who, rest: string[]): Who {
  if (rest.length === 0) return who;
  let chosen = who;
  const email = rest.find((l) => EMAIL_LINE.test(l)) ?? '';
  if (email && 'name' in who && !who.name.includes('@')) {
    const known = contactByEmail(db, email);
    const named = `${who.name} <${email}>`;
    if (known) chosen = { contact: known };
    else if (valid((s) => checkNewWho(db, s))(named) === true) chosen = { name: named };
  }
  const left = chosen === who ? rest : rest.filter((l) => l !== email);
  if (left.length) say(ctx, `  pasted at Who and not used: ${left.map(safeLine).join(' · ')}`);
  return chosen;
}

/**
 * One prompt for the evidence: the open hypotheses, "None" first. Enter links the highlighted one
 * (as supporting, medium, said); typing filters, a leading "-" lists refutations, a trailing "!" or
 * "?" makes them strong or weak, ":did" or ":paid" sets the basis, and ids typed ("H3!paid -H5")
 * link as written, several at once.
 */
async function askEvidence(
  prompts: Prompts,
  open: OpenHypothesis[],
  initialValue: string | undefined,
  typing: (t: { prompt: string; text: string }) => void,
): Promise<EvidenceRequest[]> {
  const width = Math.max(30, columns() - 34);
  // a statement after its label on one line of a narrow terminal (the cursor, " · "), at least 12
  const roomFor = (label: string) => Math.min(width, Math.max(12, columns() - 5 - displayWidth(label)));
  const statement = (rowid: number) => open.find((h) => h.rowid === rowid)?.statement ?? '';
  return prompts.search<EvidenceRequest[]>({
    message: 'Does it support or refute a hypothesis?',
    initialValue,
    source: (term) => {
      const raw = (term ?? '').trim();
      typing({ prompt: 'evidence', text: raw });
      // "n", "no", "none", "-": no link, as Enter on the empty line (a lone "-" is no refutation yet)
      const none = { value: [], name: 'None', short: 'none' };
      if (answersNo(raw) || (raw.length > 1 && 'none'.startsWith(raw.toLowerCase()))) return [none];
      let typed: EvidenceRequest[] | null = null;
      try {
        typed = parseEvidenceTerm(raw, open);
      } catch (err) {
        if (!(err instanceof PmError)) throw err;
        return [{ value: [], name: err.message, disabled: ' ' }];
      }
      if (typed) {
        const label = typed.map(linkLabel).join(', ');
        const one =
          typed.length === 1
            ? ` · ${clipWords(safeLine(statement(typed[0].hypothesis)), roomFor(`Link ${label}`))}`
            : '';
        return [{ value: typed, name: `Link ${label}${one}`, short: label }];
      }
      const choices: { value: EvidenceRequest[]; name: string; short?: string }[] = [];
      if (raw === '') choices.push(none);
      const f = evidenceFilter(raw);
      const shown = open.filter((h) => hypothesisMatches(h.id, h.statement, f.text));
      for (const h of shown) {
        const link: EvidenceRequest = {
          hypothesis: h.rowid,
          direction: f.direction,
          strength: f.strength,
          basis: f.basis,
        };
        choices.push({
          value: [link],
          name: `${linkLabel(link)} · ${clipWords(safeLine(h.statement), roomFor(linkLabel(link)))}`,
          short: linkLabel(link),
        });
      }
      return choices;
    },
    theme: {
      style: {
        keysHelpTip: () => '⏎ links it · -H3 refutes · H3! strong · H3? weak · H3:did, H3!paid · H3 -H5',
      },
    },
  });
}

/**
 * The pains, several at one prompt ("a | b", "slow export:high"): what is typed is the first
 * choice (Enter takes it as typed); below it the pains already heard that the last one may be, or
 * the severities after a colon (↓ to one; Enter takes it, Tab puts it in the line to go on typing).
 */
async function askPains(
  prompts: Prompts,
  db: ReturnType<Context['read']>['db'],
  initialValue: string | undefined,
  typing: (t: { prompt: string; text: string }) => void,
  noErased: (text: string) => void,
): Promise<string> {
  const names = painNames(namedOpportunities(db), painSpellings(db));
  const check = valid((s) => {
    noErased(s);
    for (const item of splitItems(s)) {
      const pain = parsePain(item, 'pain');
      // asked again here, where the scripted form can only warn (fresh-eyes wave 10 E12)
      const word = notASeverity(pain.text);
      if (word !== undefined)
        throw new UsageError(`${JSON.stringify(word)} is not a severity: write one of ${SEVERITIES.join(', ')}`);
    }
  });
  const choice = (line: string) => ({ value: line, name: safeLine(line), short: clipWords(safeLine(line), 60) });
  return prompts.search<string>({
    message: `Pains they described (a ${ITEM_SEPARATOR} b; pain:high sets a severity)?`,
    initialValue,
    source: (term) => {
      const raw = term ?? '';
      typing({ prompt: 'pains', text: raw });
      if (raw.trim() === '' || meansNothing(raw)) return [{ value: '', name: 'None', short: 'none' }];
      // a line that would be asked again is not offered, its reason is: @inquirer/search empties the
      // line when validate refuses it (the whole pain typed again), and leaves it as typed when Enter
      // has nothing to take
      const refused = check(raw.trim());
      if (refused !== true)
        return [{ value: '', name: refused, disabled: ' ' }, ...painCompletions(raw, names).map(choice)];
      return [raw.trim(), ...painCompletions(raw, names)].map(choice);
    },
    validate: check,
    theme: {
      style: { keysHelpTip: () => '↓ pains heard before, severities · ⏎ takes it · ⇥ puts it in the line' },
    },
  });
}

/** A repeated flag's values as one answer's default (none: no default). */
function joined(values: string[] | undefined, separator: string): string | undefined {
  return values?.length ? values.join(separator) : undefined;
}

/** "smb / ops lead" → a segment and a persona, either may be empty. */
function splitSegmentPersona(s: string): [string, string] {
  const cut = s.indexOf('/');
  return cut === -1 ? [s.trim(), ''] : [s.slice(0, cut).trim(), s.slice(cut + 1).trim()];
}

/** Tags typed as "a, b": cleaned as every tag is (src/core/identity.ts). */
function splitTags(s: string): string[] {
  return distinctTags(
    s
      .split(',')
      .map(cleanTag)
      .filter((t) => t !== ''),
  );
}

/** What the segment / persona prompt lists as used: both halves it asks for, each named. */
export function usedSegmentsHint(segments: string[], personas: string[], width: number): string {
  const halves = (
    [
      ['segments', segments],
      ['personas', personas],
    ] as const
  ).filter(([, names]) => names.length > 0);
  // each half gets its share of the line, so that many segments never hide the personas
  const each = Math.max(16, Math.floor(width / Math.max(1, halves.length)));
  const parts = halves.map(([what, names]) => clipWords(`${what} ${names.slice(0, 5).map(safeLine).join(', ')}`, each));
  return parts.length ? `; used: ${parts.join('; ')}` : '';
}
