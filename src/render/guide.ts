// `pm guide H3` as text and markdown, and `pm guide check` as text and markdown: each question with
// problems, then each problem's reason under it.
import type { ChalkInstance } from 'chalk';
import { confidenceText } from '../core/confidence.js';
import type { CheckedQuestion, Guide } from '../core/guide.js';
import { safe, safeLine } from '../core/text.js';
import { mdHeading, mdInline } from './markdown.js';
import { wrap } from './wrap.js';
import { displayWidth } from './width.js';
import { NO_WIDTH } from '../io.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function evidenceText(g: Guide): string {
  const e = g.evidence;
  return (
    `${plural(e.customersSupporting, 'customer')} for, ${plural(e.customersRefuting, 'customer')} against ` +
    `(${e.supports} supporting, ${e.refutes} refuting conversations) · confidence ${confidenceText(e.confidence)}`
  );
}

function askNextText(g: Guide): string[] {
  const lines: string[] = [];
  if (g.askNext.segments.length) lines.push(`segments not heard for it yet: ${g.askNext.segments.join(', ')}`);
  if (!g.askNext.stagesLogged)
    lines.push('journey stages: no conversation has one yet (pm log --stage STAGE, then they are asked here)');
  else if (g.askNext.stages.length) lines.push(`journey stages not heard for it yet: ${g.askNext.stages.join(', ')}`);
  if (lines.length === 0)
    lines.push('every segment and stage has been heard for it: ask where the evidence is thinnest');
  return lines;
}

/**
 * `text` wrapped at its words to `width` columns, its first line after `first` and the others under it
 * (`rest`, as wide as `first` shows): a question under its number, a value under its label, as pm hyp
 * show lays out its page (fresh-eyes wave 19 H23: the guide is read on a phone before a call).
 */
function hanging(first: string, rest: string, text: string, width: number): string[] {
  const room = Math.max(width, rest.length + 20);
  return text.split('\n').flatMap((line, k) => {
    const start = k === 0 ? first : rest;
    const lead = displayWidth(start);
    // the lead stands in as a word of its width, so the first line has the room the lead leaves it
    const [head, ...more] = wrap(`${'x'.repeat(lead - 1)} ${line}`, room, rest);
    return [start + head.slice(lead), ...more];
  });
}

export function renderGuideText(g: Guide, c: ChalkInstance, width = NO_WIDTH): string {
  const LABEL = 17;
  const label = (s: string) => c.dim(s.padEnd(LABEL));
  const labelled = (name: string, value: string) => hanging(label(name), ' '.repeat(LABEL), value, width);
  const title = `Interview guide for ${g.id}`;
  const [head, ...more] = wrap(`${title} · ${g.kind} · ${safeLine(g.statement)}`, width, '  ');
  const out = [
    head.startsWith(title) ? `${c.bold(title)}${head.slice(title.length)}` : head,
    ...more,
    '',
    ...wrap('Ask about what they did, not what they would do:', width).map((l) => c.bold(l)),
    ...g.questions.flatMap((q, k) => {
      const number = `  ${k + 1}. `;
      return hanging(number, ' '.repeat(number.length), safeLine(q), width);
    }),
    '',
    ...labelled('Proves it', safe(g.prove)),
    ...labelled('Disproves it', safe(g.disprove)),
    ...labelled('Evidence so far', evidenceText(g)),
    ...askNextText(g).flatMap((l, k) => labelled(k === 0 ? 'Ask next' : '', safeLine(l))),
  ];
  return out.join('\n');
}

export function renderGuideMarkdown(g: Guide): string {
  return [
    mdHeading(1, `Interview guide for ${g.id}`),
    '',
    `${mdInline(g.statement)} (${g.kind})`,
    '',
    mdHeading(2, 'Questions'),
    '',
    ...g.questions.map((q, k) => `${k + 1}. ${mdInline(q)}`),
    '',
    mdHeading(2, 'What would prove or disprove it'),
    '',
    `- **Proves it:** ${mdInline(g.prove)}`,
    `- **Disproves it:** ${mdInline(g.disprove)}`,
    `- **Evidence so far:** ${mdInline(evidenceText(g))}`,
    '',
    mdHeading(2, 'Who to ask next'),
    '',
    ...askNextText(g).map((l) => `- ${mdInline(l)}`),
  ].join('\n');
}

export function renderCheckText(checked: CheckedQuestion[], c: ChalkInstance, width = NO_WIDTH): string {
  const flawed = checked.filter((q) => q.problems.length > 0);
  const out: string[] = [];
  const digits = String(checked.at(-1)?.line ?? 1).length;
  const under = ' '.repeat(digits + 2);
  for (const q of flawed) {
    out.push(...hanging(`${c.dim(`${String(q.line).padStart(digits)}:`)} `, under, safeLine(q.text), width));
    for (const p of q.problems)
      out.push(...hanging(`${under}${c.yellow(p.kind)}: `, `${under}  `, safeLine(p.reason), width));
  }
  if (flawed.length) out.push('');
  const summary = flawed.length
    ? c.yellow(`${plural(flawed.length, 'question')} of ${checked.length} to rework`)
    : c.green(`${plural(checked.length, 'question')}, all open and about what they did`);
  out.push(summary);
  return out.join('\n');
}

/** The same review as a markdown list, to paste beside the guide: each question, its problems nested. */
export function renderCheckMarkdown(checked: CheckedQuestion[]): string {
  const flawed = checked.filter((q) => q.problems.length > 0);
  const out = [mdHeading(2, 'Question check'), ''];
  if (flawed.length === 0) {
    out.push(`${plural(checked.length, 'question')}, all open and about what they did.`);
    return out.join('\n');
  }
  out.push(`${plural(flawed.length, 'question')} of ${checked.length} to rework:`, '');
  for (const q of flawed) {
    out.push(`- Line ${q.line}: ${mdInline(q.text)}`);
    for (const p of q.problems) out.push(`  - **${p.kind}:** ${mdInline(p.reason)}`);
  }
  return out.join('\n');
}
