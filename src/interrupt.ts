// Ctrl-C (SIGINT) and SIGTERM. Node runs a signal's handler only when the event loop turns, so a
// command working synchronously (a transaction, a VACUUM) cannot be stopped in the middle: a signal
// is seen at the next point where the command lets the loop turn. Commands whose work is long and
// could be left half-done (import, forget, backup, export --out) run it inside interruptible():
// there a signal is recorded, and the command's checkpoints throw Interrupted (the transaction rolls
// back, a temporary file is removed), or, when it came too late to stop anything, the command
// finishes and pm then exits 130/143 saying what was done. Elsewhere SIGTERM keeps its default (the
// process ends at once; SQLite rolls back what was not committed) and SIGINT ends pm with 130 at a
// prompt. Only main() (a real process) turns this on: in-process runs (tests) never get signals.
import { EXIT, Interrupted } from './errors.js';
import { writeErr } from './io.js';

let handling = false;
let guarding = 0;
/**
 * What an interactive `pm log` keeps when a signal ends it at a prompt (SIGINT sent by `kill`, SIGHUP
 * when the terminal goes away, SIGTERM when the session is shut down): writes the draft and returns
 * the line to say, or undefined when there was nothing to keep (see keepOnSignal).
 */
let keeper: (() => string | undefined) | undefined;
let received: NodeJS.Signals | undefined;
/** a signal that came after the last checkpoint of a finished guard: reported when the run ends */
let late: { signal: NodeJS.Signals; message: string } | undefined;

export const exitCodeOf = (signal: NodeJS.Signals): number =>
  signal === 'SIGTERM' ? EXIT.terminated : signal === 'SIGHUP' ? EXIT.hangup : EXIT.interrupted;

function onSignal(signal: NodeJS.Signals): void {
  if (guarding > 0) {
    received ??= signal;
    return;
  }
  // outside interruptible work only SIGINT is handled (and SIGHUP, SIGTERM while keepOnSignal holds
  // a keeper): at a prompt, before anything is saved
  let said = 'interrupted, nothing saved';
  try {
    said = keeper?.() ?? said;
  } catch {
    /* the draft could not be written: nothing was saved */
  }
  try {
    writeErr(`\npm: ${said}\n`);
  } catch {
    /* the terminal is gone (SIGHUP) */
  }
  process.exit(exitCodeOf(signal));
}

const onTerm = () => onSignal('SIGTERM');
const onHup = () => onSignal('SIGHUP');

/**
 * While prompts are open, keep what was typed when a signal ends the process: `keep` writes it
 * (synchronously: the process exits right after) and returns what to say. SIGHUP and SIGTERM are
 * handled only meanwhile (elsewhere they keep their default). Returns the function that stops it.
 */
/** A listener keepOnSignal adds, and removes the same one when the prompts close. */
type Held = [NodeJS.EventEmitter, string, () => void];

export function keepOnSignal(keep: () => string | undefined): () => void {
  keeper = keep;
  // a terminal that really goes away ends stdin (and readline's setRawMode then fails with EIO)
  // before, or instead of, the SIGHUP: the same as a hang-up. SIGTERM is already handled while
  // interruptible work is guarding.
  const held: Held[] = !handling
    ? []
    : [
        [process, 'SIGHUP', onHup],
        ...(guarding === 0 ? [[process, 'SIGTERM', onTerm] as Held] : []),
        [process.stdin, 'end', onHup],
        [process.stdin, 'error', onHup],
      ];
  for (const [emitter, event, handler] of held) emitter.on(event, handler);
  return () => {
    keeper = undefined;
    for (const [emitter, event, handler] of held) emitter.off(event, handler);
  };
}

/** For main(): the process's SIGINT goes through here (SIGTERM only while guarding). */
export function handleSignals(): void {
  handling = true;
  process.on('SIGINT', () => onSignal('SIGINT'));
}

/** Let the event loop turn once, so that a signal already received reaches its handler. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * After reading stdin synchronously (`producer | pm log --notes-file -`): a Ctrl-C meanwhile reached
 * the whole pipeline, so the input may be cut short; it is handled now (exit 130, nothing saved)
 * instead of after the command has saved what it read.
 */
export const settleSignals = turn;

/**
 * Run `work` so that SIGINT or SIGTERM cannot leave it half-done. `work` calls `checkpoint` where
 * stopping is safe (before a commit or a rename): a signal received by then makes it throw
 * Interrupted with `stopped`'s message. A signal after the last checkpoint lets `work` finish; the
 * run then exits 130/143 with `finished`'s message (what was saved).
 */
export async function interruptible<T>(
  work: (checkpoint: () => Promise<void>) => Promise<T>,
  stopped: () => string,
  finished: () => string = () => 'interrupted after the work was done; it was saved in full',
): Promise<T> {
  if (guarding++ === 0 && handling) process.on('SIGTERM', onTerm);
  const checkpoint = async () => {
    await turn();
    if (received) {
      const signal = received;
      received = undefined;
      throw new Interrupted(stopped(), exitCodeOf(signal));
    }
  };
  try {
    const result = await work(checkpoint);
    await turn();
    if (received) late ??= { signal: received, message: finished() };
    received = undefined;
    return result;
  } finally {
    if (--guarding === 0) {
      received = undefined;
      if (handling) process.off('SIGTERM', onTerm);
    }
  }
}

/** For run(): a signal that came too late to stop the work, once, as its message and exit code. */
export function takeLateSignal(): { message: string; code: number } | undefined {
  const l = late;
  late = undefined;
  return l && { message: l.message, code: exitCodeOf(l.signal) };
}
