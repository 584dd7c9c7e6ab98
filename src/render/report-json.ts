// `pm report --json`: the report as JSON.stringify(report, null, 2) writes it, with the long lists'
// entries, written by SQLite (src/db/report-json.ts), spliced in at their places. The report is
// stringified with a marker string where each list goes; a marker is found by the text around it,
// which only the document's own layout can hold (a newline in a string is written \n, and no other
// array holds strings at its indent), and replaced by the list's text.
import type { JsonLists, JsonText } from '../core/report-json.js';
import type { RaisedFlag, Report } from '../core/report.js';

// the flags src/core/report.ts raises before the accounts going cold, and after the follow-ups due;
// the open hypotheses' flags come between
const FIRST = new Set(['overdue-contact', 'behind-target']);
const LAST = new Set(['segment-silent', 'bet-due', 'contested-decision']);

const MARK = '\u0000';

/**
 * The JSON document of a report built without the long lists (src/db/report-json.ts), with them,
 * in pieces to write in turn; and the report's flags as far as `--check` needs them: the first,
 * when any is raised.
 */
export function renderReportJson(
  report: Report,
  lists: JsonLists,
): { pieces: (string | JsonText)[]; flags: RaisedFlag[] } {
  // each list's text to splice in, with the text around it, by the text its marker makes where it goes
  const splice = new Map<string, [string, JsonText, string]>();
  const list = (name: string, indent: number, text: JsonText | null) => {
    if (text === null) return [];
    const pad = ' '.repeat(indent);
    splice.set(`\n${pad}"${name}": "\\u0000${name}"`, [`\n${pad}"${name}": [\n${pad}  `, text, `\n${pad}]`]);
    return `${MARK}${name}`;
  };
  const flag = (name: string, text: JsonText | null) => {
    if (text === null) return [];
    splice.set(`\n    "\\u0000${name}"`, ['\n    ', text, '']);
    return [`${MARK}${name}`];
  };
  // in the document's order (the markers are looked for in turn)
  const conversations = list('conversations', 2, lists.conversations);
  const overdueAccounts = list('overdueAccounts', 2, lists.overdueAccounts);
  const open = lists.open;
  const unvalidated = open === null ? report.hypotheses.unvalidated : list('unvalidated', 4, open.entries);
  const killed = list('killed', 4, lists.killed);
  const refutedAfterValidation = list('refutedAfterValidation', 4, lists.refutedAfterValidation);
  // none, or built by the report (src/db/report-json.ts), as the report holds them
  const themes = lists.themes === null ? report.themes : list('themes', 2, lists.themes);
  const followUps = list('followUps', 2, lists.followUps);
  const f = lists.flags;
  const flags = [
    ...report.flags.filter((x) => FIRST.has(x.kind)),
    ...flag('accounts', f.accounts),
    // the open hypotheses' (from the report when it built them)
    ...(open === null ? report.flags.filter((x) => !FIRST.has(x.kind) && !LAST.has(x.kind)) : flag('open', open.flags)),
    ...flag('killed', f.killed),
    ...flag('refuted', f.refuted),
    ...flag('followUps', f.followUps),
    ...report.flags.filter((x) => LAST.has(x.kind)),
  ];
  const marked = {
    ...report,
    conversations,
    overdueAccounts,
    hypotheses: { ...report.hypotheses, unvalidated, killed, refutedAfterValidation },
    themes,
    followUps,
    flags,
  };
  const doc = `${JSON.stringify(marked, null, 2)}\n`;
  const pieces: (string | JsonText)[] = [];
  let at = 0;
  let tail = '';
  for (const [mark, [before, text, after]] of splice) {
    const k = doc.indexOf(mark, at);
    if (k < 0) throw new Error(`the report's ${JSON.stringify(mark)} is not where JSON puts it`);
    pieces.push(tail + doc.slice(at, k) + before, text);
    at = k + mark.length;
    tail = after;
  }
  pieces.push(tail + doc.slice(at));
  const first = flags[0];
  return { pieces, flags: first === undefined ? [] : [typeof first === 'string' ? firstFlag(splice, first) : first] };
}

/** The first flag of a list's flags (an entry ends at its first line holding only a closing brace). */
function firstFlag(splice: Map<string, [string, JsonText, string]>, mark: string): RaisedFlag {
  const text = splice.get(`\n    "\\u0000${mark.slice(1)}"`)![1];
  return JSON.parse(text.toString('utf8', 0, text.indexOf('\n    }') + 6)) as RaisedFlag;
}
