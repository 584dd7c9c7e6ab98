// A paste into a prompt of the interactive pm log. A terminal hands a paste over as one chunk, whose
// keys all reach the prompt before a search prompt (@inquirer/search) has looked up what they typed:
// it drops an Enter that comes while it looks, so "slow export⏎" pasted at Pains left the prompt
// waiting, and two lines pasted became one pain "slow exportcsv timeout" (measured through a pty).

const LINE_BREAK = /\r\n|\r|\n/;
const PASTE_MARKS = /\u001b\[20[01]~/g;
/** Other escape sequences and control characters in a pasted line: what no prompt would have kept. */
const CONTROLS = /\u001b\[[0-9;?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Run `ask` with pastes cut in two: a chunk of text and line breaks is handed to the prompt without
 * the line break that ends it, which follows a moment later, once the prompt has read the text; a
 * line break inside it becomes `separator` (the answer's list separator, " | ") where the answer is a
 * list, so each pasted line is an item. A key typed alone (Enter, Ctrl-C, an arrow) is untouched.
 * `pasted` collects each paste as it came and as the prompt got it (see unjoin). With `rest`, the
 * prompt gets a paste's first line and its Enter, and its other lines go into `rest` for a later
 * question, where the terminal would hand them to whichever prompt comes next (pm hyp add: a
 * criterion pasted with the statement went to the Risk kind list, wave 14 H22).
 */
export async function pasteSafe<T>(
  ask: () => Promise<T>,
  separator?: string,
  pasted?: { raw: string; joined: string }[],
  rest?: string[],
): Promise<T> {
  const stdin = process.stdin;
  const emit = stdin.emit as (this: NodeJS.ReadStream, event: string | symbol, ...args: unknown[]) => boolean;
  const later = new Set<NodeJS.Timeout>();
  const patched = function (this: NodeJS.ReadStream, event: string | symbol, ...args: unknown[]): boolean {
    const chunk = args[0];
    if (event !== 'data' || (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)))
      return emit.call(this, event, ...args);
    // a terminal in bracketed-paste mode wraps a paste in ESC[200~ … ESC[201~: the prompt's keypress
    // reader drops them, but lines kept for a later question would keep them (wave 17 H22's rest)
    const text = chunk.toString().replace(PASTE_MARKS, '');
    let end = /(\r\n|\r|\n)$/.exec(text)?.[0];
    const body = end ? text.slice(0, -end.length) : text;
    const lines = LINE_BREAK.test(body);
    if (body === '' || (lines ? !separator && !rest : !end)) return emit.call(this, event, ...args);
    const filled = body.split(LINE_BREAK).filter((line) => line.trim() !== '');
    let joined: string;
    if (rest && lines) {
      joined = filled[0] ?? '';
      rest.push(...filled.slice(1).map((line) => line.replace(CONTROLS, '').trim()));
      end ??= '\r';
    } else joined = separator ? filled.join(separator) : body;
    pasted?.push({ raw: body.replace(/\r\n?/g, '\n'), joined });
    if (end) {
      const timer = setTimeout(() => {
        later.delete(timer);
        emit.call(stdin, 'data', Buffer.isBuffer(chunk) ? Buffer.from(end) : end);
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

/**
 * The answer with each paste in it as it came, line breaks and blank lines kept (call notes pasted at
 * the summary, kept as the notes): each paste's joined text found in order and put back raw. Text
 * typed around a paste stays; a paste edited at the prompt stays as edited.
 */
export function unjoin(answer: string, pasted: { raw: string; joined: string }[]): string {
  let text = answer;
  let from = 0;
  for (const { raw, joined } of pasted) {
    const at = text.indexOf(joined, from);
    if (at < 0) continue;
    text = text.slice(0, at) + raw + text.slice(at + joined.length);
    from = at + raw.length;
  }
  return text;
}
