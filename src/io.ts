// Standard output and error without node's stream machinery. `process.stdout`, `process.stderr`
// and `process.stdin` are getters that load some twenty stream modules the first time they are
// touched (measured here: 4 ms when stdout is a file, 6–9 ms when it is a pipe, at every start),
// and pm starts on every call. So pm writes with fs.writeSync, which is what process.stdout does
// on Linux for files and pipes anyway (synchronously), and asks whether a descriptor is a terminal
// without loading the tty module unless it is a character device. Everything pm prints goes
// through here, so nothing written the other way can overtake it; and an in-process run (tests,
// src/cli.ts run()) points all of it, stdin too, at a Stdio of its own.
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { Interrupted, OutputError, ReaderGone, UsageError } from './errors.js';

/**
 * The width of text output when neither a terminal nor $COLUMNS gives one (a pipe, a file): no limit
 * to speak of, and no column's maximum cuts a cell either (src/render/table.ts).
 */
export const NO_WIDTH = 10_000;

/** Where an in-process run reads and writes instead of the process's descriptors. */
export interface Stdio {
  /** what `-` (stdin) reads */
  stdin: string | Buffer;
  /** stdout and stderr act as terminals (colour, width); stdin never is one, so nothing prompts */
  isTTY: boolean;
  /** the terminal's width when isTTY */
  columns?: number;
  /** the terminal's height when isTTY */
  rows?: number;
  out(text: string | Buffer): void;
  err(text: string): void;
}

let redirected: Stdio | undefined;
/** for short waits on a descriptor that is not ready (EAGAIN) */
let pause: Int32Array | undefined;

/** Send what pm reads and writes to `stdio` (undefined: back to the process's descriptors). */
export function redirect(stdio: Stdio | undefined): void {
  redirected = stdio;
}

/**
 * `make()` with nothing it writes going anywhere: a --check whose reader stopped early (`pm report
 * --check | head -1`) makes its page again to answer for the journal, not the pipe (wave 17 H16).
 */
export function unwritten<T>(make: () => T): T {
  const was = redirected;
  redirected = { stdin: '', isTTY: false, out: () => {}, err: () => {} };
  try {
    return make();
  } finally {
    redirected = was;
  }
}

/** The in-process run's Stdio, if one is running. */
export function redirection(): Stdio | undefined {
  return redirected;
}

/** All of stdin, as bytes. */
export function readStdin(): Buffer {
  if (!redirected) return readFileSync(0);
  return typeof redirected.stdin === 'string' ? Buffer.from(redirected.stdin, 'utf8') : redirected.stdin;
}

/** What a user typed into stdin at a terminal, read ahead by readTypedStdin; `-` then reads it. */
let typed: Buffer | undefined;

/**
 * When `file` is `-` and stdin is a terminal (someone typing into `pm import -` or `--notes-file -`),
 * read it all now, through the event loop, saying on stderr what pm waits for: a synchronous read
 * held Ctrl-C off until Ctrl-D (fresh-eyes E27). Ctrl-C ends it at once: pm's own SIGINT handler
 * exits 130 (nothing saved), or, inside interruptible work, this rejects with Interrupted(`stopped`).
 * readLimited('-') then returns what was typed. Anything else (a file, a pipe, a test) is left alone.
 */
export async function readTypedStdin(file: string | undefined, what: string, stopped: string): Promise<void> {
  if (file !== '-' || redirected || typed !== undefined || !isTerminal(0)) return;
  writeErr(`pm: reading ${what} from the terminal; end with Ctrl-D on a line of its own (Ctrl-C cancels)\n`);
  const stdin = process.stdin;
  typed = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => chunks.push(chunk);
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    const onError = (err: Error) => settle(() => reject(err));
    const onSignal = () => settle(() => reject(new Interrupted(stopped)));
    const settle = (then: () => void) => {
      stdin.off('data', onData).off('end', onEnd).off('error', onError);
      process.off('SIGINT', onSignal);
      stdin.pause();
      then();
    };
    stdin.on('data', onData).once('end', onEnd).once('error', onError);
    process.on('SIGINT', onSignal);
  });
}

/** A size for messages: 5 MB, 256 MB. */
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * All of a file, or of stdin (`-`), but never more than `limit` bytes: a longer input is a usage
 * error once its first byte past the limit is read (`--notes-file /dev/zero`, `pm import
 * /dev/zero` used to read until the process died). `inspect` sees each block as it is read and may
 * throw (a NUL byte, which no pm input may hold, is found in the first block of /dev/zero); `true`
 * means "refuse NUL bytes". Errors of the file system (ENOENT, EISDIR) are thrown as they are.
 */
export function readLimited(
  file: string,
  limit: number,
  what: string,
  inspect: boolean | ((block: Uint8Array, offset: number) => void) = false,
): Buffer {
  const check = (block: Uint8Array, offset: number) => {
    if (typeof inspect === 'function') return inspect(block, offset);
    if (!inspect) return;
    const at = block.indexOf(0);
    if (at >= 0) throw new UsageError(`${what} contains a NUL byte (at byte ${offset + at})`);
  };
  const tooLarge = () => new UsageError(`${what} is larger than ${megabytes(limit)}, the most pm reads`);
  if (file === '-' && (redirected || typed !== undefined)) {
    const all = typed ?? readStdin();
    if (all.length > limit) throw tooLarge();
    check(all, 0);
    return all;
  }
  const fd = file === '-' ? 0 : openSync(file, 'r');
  const blocks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const block = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, block, 0, block.length, null);
      } catch (err) {
        // a non-blocking stdin with nothing yet: wait for it
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        pause ??= new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(pause, 0, 0, 2);
        continue;
      }
      if (n === 0) break;
      check(block.subarray(0, n), total);
      total += n;
      if (total > limit) throw tooLarge();
      blocks.push(block.subarray(0, n));
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  return Buffer.concat(blocks, total);
}

/** Is this descriptor a terminal? Files, pipes and /dev/null are answered without loading anything. */
export function isTerminal(fd: 0 | 1 | 2): boolean {
  if (redirected) return fd !== 0 && redirected.isTTY;
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    // `pm report --check > /dev/null` in a cron job: a character device, but no terminal
    const nul = statSync('/dev/null');
    if (stat.rdev === nul.rdev && stat.ino === nul.ino) return false;
  } catch {
    // closed, or no /dev/null: ask the stream
  }
  const stream = fd === 0 ? process.stdin : fd === 1 ? process.stdout : process.stderr;
  return Boolean(stream.isTTY);
}

/** The terminal's width in columns, when stdout is a terminal. */
export function terminalColumns(): number | undefined {
  if (redirected) return redirected.isTTY ? redirected.columns : undefined;
  return isTerminal(1) ? process.stdout.columns : undefined;
}

export function terminalRows(): number | undefined {
  if (redirected) return redirected.isTTY ? redirected.rows : undefined;
  return isTerminal(1) ? process.stdout.rows : undefined;
}

/**
 * Write all of `text` to `fd`. A non-blocking pipe that is full (EAGAIN) is waited on (a terminal
 * shared with a non-blocking stdin can be one too); a reader that went away (EPIPE: `pm ls | head`)
 * ends pm quietly with exit 0 when it was stdout (thrown, so the command's clean-up still runs),
 * and is ignored for stderr. Any other failure on stdout (ENOSPC: `pm log > /dev/full`) is an
 * OutputError; on stderr it is ignored.
 */
function writeAll(fd: 1 | 2, text: string | Buffer): void {
  // most writes go whole at once, and node encodes the string outside the JavaScript heap; the rest
  // (a full pipe took part of it) continue from the bytes of the text
  let bytes: Buffer | undefined;
  let done = 0;
  for (;;) {
    try {
      if (bytes === undefined) {
        done = typeof text === 'string' ? writeSync(fd, text) : writeSync(fd, text);
        if (done === Buffer.byteLength(text)) return;
        bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      } else {
        if (done >= bytes.length) return;
        done += writeSync(fd, bytes, done, bytes.length - done);
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        bytes ??= typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
        pause ??= new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(pause, 0, 0, 2);
        continue;
      }
      if (code === 'EPIPE') {
        if (fd === 1) throw new ReaderGone();
        return;
      }
      // stderr that cannot be written has nowhere to say so: the exit code still does
      if (fd === 2) return;
      const reason =
        code === 'ENOSPC' ? 'no space left on device' : code === 'EIO' ? 'an input/output error' : (code ?? 'error');
      throw new OutputError(reason, typeof text === 'string' ? text : text.toString('utf8'));
    }
  }
}

export const writeOut = (text: string | Buffer): void => (redirected ? redirected.out(text) : writeAll(1, text));
export const writeErr = (text: string): void => (redirected ? redirected.err(text) : writeAll(2, text));
