// The report as a CommonMark document a team reads (a wiki page, a standup note): the same
// sections and numbers as the text view, complete (no row limit), user text escaped by
// src/render/markdown.ts so it can never break the document.
import type { Report } from '../core/report.js';
import { mdHeading, mdInline } from './markdown.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function list(items: string[], empty: string): string[] {
  return items.length ? items.map((i) => `- ${i}`) : [mdInline(empty)];
}

function who(names: string[], account: string): string {
  return mdInline(names.length ? `${names.join(', ')} (${account})` : account);
}

export function renderReportMarkdown(r: Report): string {
  const out: string[] = [];
  const range = `${r.period.start}..${r.period.end}`;
  out.push(mdHeading(1, `Report ${r.period.label}`), '');
  out.push(`${mdInline(`${range}, as of ${r.asOf}${r.by ? `, conversations held by ${r.by}` : ''}`)}: **${r.verdict}**`, '');

  if (r.empty) {
    out.push('Nothing logged yet. Log your first customer conversation right after the call:', '',
      '```sh', 'pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "What they said"',
      'pm hyp add "Finance teams want itemised invoices"', 'pm report --week', '```', '');
  }

  const k = r.contact;
  out.push(mdHeading(2, 'Customer contact'), '');
  out.push(...list([
    `Customer conversations: ${k.direct} with ${plural(k.customers, 'customer')} (target ${k.target}: **${k.met ? 'met' : 'not met'}**)`,
    `Last customer conversation: ${k.lastDirect === null ? 'none yet' : `${k.lastDirect}, ${plural(k.daysSinceLastDirect!, 'day')} ago`}${k.overdue ? ' (**overdue**)' : ''}`,
    `Indirect signals: ${k.indirect}`,
    `Stakeholder meetings (not counted): ${k.stakeholder}`,
  ], ''), '');
  out.push(`Customer conversations per week (target ${r.weekly.target}); streak: ${plural(r.weekly.streak, 'week')}${r.weekly.streakAtLeast ? ' or more' : ''} on target.`, '');
  out.push(...list(r.weekly.weeks.map((w) => mdInline(`${w.label}: ${w.direct}${w.met ? ' (on target)' : w.current ? ' (so far)' : ''}`)), ''), '');

  out.push(mdHeading(2, 'Conversations'), '');
  out.push(...list(r.conversations.map((v) =>
    `**${v.id}** ${v.date} · ${mdInline(v.channel)}${v.kind === 'customer' ? '' : ` (${v.kind === 'indirect' ? 'signal' : 'stakeholder'})`} · ${who(v.with, v.account)}: ${mdInline(v.summary)}`),
  'No conversations in this period.'), '');

  out.push(mdHeading(2, 'Accounts going cold'), '');
  out.push(...list(r.overdueAccounts.map((a) =>
    `${mdInline(a.account)}: last customer conversation ${a.lastDirect}, ${plural(a.daysSince, 'day')} ago (cadence ${a.cadenceDays} days)`),
  'No accounts going cold.'), '');

  out.push(mdHeading(2, 'Unvalidated hypotheses'), '');
  out.push(...list(r.hypotheses.unvalidated.map((h) =>
    `**${h.id}** ${mdInline(h.statement)} — ${h.ageDays} days old; supports ${h.supports} (${plural(h.customersSupporting, 'customer')}), refutes ${h.refutes} (${plural(h.customersRefuting, 'customer')}); last evidence ${h.lastEvidence ?? 'none'}; decide by ${h.decideBy}${h.flags.length ? `; flags: ${h.flags.map((f) => `\`${f}\``).join(', ')}` : ''}`),
  'No open hypotheses.'), '');

  out.push(mdHeading(2, 'Decided this period'), '');
  out.push(...list(r.hypotheses.decided.map((o) =>
    `**${o.id}** ${o.outcome} on ${o.date}: ${mdInline(o.statement)} — ${mdInline(o.reason)}`), 'No decisions this period.'), '');

  out.push(mdHeading(2, 'Killed and invalidated'), '');
  out.push(...list(r.hypotheses.killed.map((h) =>
    `**${h.id}** ${h.outcome} on ${h.date}: ${mdInline(h.statement)} — ${mdInline(h.reason)}${h.evidenceAfter.length ? `; \`evidence-after-kill\`: ${h.evidenceAfter.join(', ')}` : ''}`),
  'Nothing killed or invalidated.'), '');

  out.push(mdHeading(2, 'Themes'), '');
  out.push(...list(r.themes.map((t) =>
    `${mdInline(t.theme)} (${t.kind}): ${plural(t.accounts, 'account')}, ${plural(t.interviews, 'interview')}${t.segments.length ? `; segments: ${mdInline(t.segments.join(', '))}` : ''}${t.flags.length ? '; `single-account`' : ''}`),
  'No tags or pains in this period.'), '');

  out.push(mdHeading(2, 'Follow-ups due'), '');
  out.push(...list(r.followUps.map((f) =>
    `**${f.id}** due ${f.followUp} (${f.daysOverdue === 0 ? 'today' : `${plural(f.daysOverdue, 'day')} ago`}): ${who(f.with, f.account)} — ${mdInline(f.summary)}`),
  'No follow-ups due.'), '');

  out.push(mdHeading(2, 'Flags'), '');
  out.push(...list(r.flags.map((f) => `\`${f.kind}\` ${mdInline(f.message)}`), 'Nothing to act on.'));
  return out.join('\n') + '\n';
}
