// A paste into a prompt of the interactive pm log. A terminal hands a paste over as one chunk, whose
// keys all reach the prompt before a search prompt (@inquirer/search) has looked up what they typed:
// it drops an Enter that comes while it looks, so "slow export⏎" pasted at Pains left the prompt
// waiting, and two lines pasted became one pain "slow exportcsv timeout" (measured through a pty).

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Run `ask` with pastes cut in two: a chunk of text and line breaks is handed to the prompt without
 * the line break that ends it, which follows a moment later, once the prompt has read the text; a
 * line break inside it becomes `separator` (the answer's list separator, " | ") where the answer is a
 * list, so each pasted line is an item. A key typed alone (Enter, Ctrl-C, an arrow) is untouched.
 */
export async function pasteSafe<T>(ask: () => Promise<T>, separator?: string): Promise<T> {
  const stdin = process.stdin;
  const emit = stdin.emit as (this: NodeJS.ReadStream, event: string | symbol, ...args: unknown[]) => boolean;
  const later = new Set<NodeJS.Timeout>();
  const patched = function (this: NodeJS.ReadStream, event: string | symbol, ...args: unknown[]): boolean {
    const chunk = args[0];
    if (event !== 'data' || (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)))
      return emit.call(this, event, ...args);
    const text = chunk.toString();
    const end = /(\r\n|\r|\n)$/.exec(text);
    const body = end ? text.slice(0, -end[0].length) : text;
    const lines = LINE_BREAK.test(body);
    if (body === '' || (lines ? !separator : !end)) return emit.call(this, event, ...args);
    const joined = separator
      ? body
          .split(LINE_BREAK)
          .filter((line) => line.trim() !== '')
          .join(separator)
      : body;
    if (end) {
      const timer = setTimeout(() => {
        later.delete(timer);
        emit.call(stdin, 'data', Buffer.isBuffer(chunk) ? Buffer.from(end[0]) : end[0]);
      }, 20);
      later.add(timer);
    }
    return emit.call(this, event, Buffer.isBuffer(chunk) ? Buffer.from(joined) : joined);
  };
  stdin.emit = patched as typeof stdin.emit;
  try {
    return await ask();
  } finally {
    stdin.emit = emit;
    for (const timer of later) clearTimeout(timer);
  }
}
