// `pm guide H3` as text and markdown, and `pm guide check` as text and markdown: each question with
// problems, then each problem's reason under it.
import type { ChalkInstance } from 'chalk';
import { confidenceText } from '../core/confidence.js';
import type { CheckedQuestion, Guide } from '../core/guide.js';
import { safe, safeLine } from '../core/text.js';
import { mdHeading, mdInline } from './markdown.js';

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

export function renderGuideText(g: Guide, c: ChalkInstance): string {
  const label = (s: string) => c.dim(s.padEnd(17));
  const out = [
    `${c.bold(`Interview guide for ${g.id}`)} · ${g.kind} · ${safeLine(g.statement)}`,
    '',
    c.bold('Ask about what they did, not what they would do:'),
    ...g.questions.map((q, k) => `  ${k + 1}. ${safeLine(q)}`),
    '',
    `${label('Proves it')}${safe(g.prove)}`,
    `${label('Disproves it')}${safe(g.disprove)}`,
    `${label('Evidence so far')}${evidenceText(g)}`,
    ...askNextText(g).map((l, k) => `${label(k === 0 ? 'Ask next' : '')}${safeLine(l)}`),
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

export function renderCheckText(checked: CheckedQuestion[], c: ChalkInstance): string {
  const flawed = checked.filter((q) => q.problems.length > 0);
  const out: string[] = [];
  const width = String(checked.at(-1)?.line ?? 1).length;
  for (const q of flawed) {
    out.push(`${c.dim(`${String(q.line).padStart(width)}:`)} ${safeLine(q.text)}`);
    for (const p of q.problems) out.push(`${' '.repeat(width + 2)}${c.yellow(p.kind)}: ${safeLine(p.reason)}`);
  }
  if (flawed.length) out.push('');
  out.push(
    flawed.length
      ? c.yellow(`${plural(flawed.length, 'question')} of ${checked.length} to rework`)
      : c.green(`${plural(checked.length, 'question')}, all open and about what they did`),
  );
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
