// Interviews as CSV, one a row (contract: "pm export", csv): a spreadsheet's view of the export
// document, so it shows exactly what the JSON export holds (redacted or not).
import { csvRecord, listCell, type CsvInterview } from '../core/csv.js';
import type { InterviewDoc, JournalDoc } from '../core/import-validate.js';
import { isIndirect } from '../core/channels.js';
import type { Role } from '../core/contacts.js';

export const CSV_COLUMNS = [
  'id',
  'uuid',
  'date',
  'channel',
  'account',
  'with',
  'emails',
  'by',
  'minutes',
  'summary',
  'pains',
  'quotes',
  'tags',
  'follow_up',
  'follow_up_done',
  'hypotheses',
  'notes',
  // last, so that the columns before keep their places (issue 15 added it)
  'source',
  // after it, for the same reason (wave 3): the interview's journey stage and kind, and two lists
  // item for item with `pains` (each pain's severity) and `hypotheses` (each link's basis)
  'stage',
  'kind',
  'pain_severities',
  'hypothesis_bases',
  // wave 6: the later customer conversation with one of its people that answered the follow-up, as
  // the report reads it (follow_up_done stays what pm edit --follow-up done set)
  'follow_up_answered_by',
] as const;

/** customer, indirect or stakeholder, as the journal's view interviews_kind_now (migrations/0005) decides. */
function kindOf(channel: string, roles: Role[]): 'customer' | 'indirect' | 'stakeholder' {
  if (isIndirect(channel)) return 'indirect';
  return roles.some((r) => r === 'customer' || r === 'prospect') ? 'customer' : 'stakeholder';
}

/** `raw`: cells hold the stored text exactly, formula-like ones included (see src/core/csv.ts). */
export function interviewsCsv(doc: JournalDoc, raw = false): string {
  return [...interviewsCsvRecords(doc, doc.interviews, raw)].join('');
}

/** The same records one at a time: the header, then one an interview of `interviews` (as it is read). */
export function* interviewsCsvRecords(
  doc: Omit<JournalDoc, 'interviews'>,
  interviews: Iterable<InterviewDoc>,
  raw = false,
): Generator<string> {
  const accounts = new Map(doc.accounts.map((a) => [a.uuid, a.name]));
  const contacts = new Map(doc.contacts.map((c) => [c.uuid, c]));
  const hypothesisIds = new Map(doc.hypotheses.map((h) => [h.uuid, h.id ?? h.uuid]));
  const links = new Map<string, { link: string; basis: string }[]>();
  for (const e of doc.evidence) {
    const list = links.get(e.interviewUuid) ?? [];
    list.push({ link: `${hypothesisIds.get(e.hypothesisUuid)}:${e.direction}:${e.strength}`, basis: e.basis });
    links.set(e.interviewUuid, list);
  }
  const all = [...interviews];
  const customerTalks = new Map<string, { date: string; id: string; n: number }[]>();
  for (const i of all) {
    const roles = i.contactUuids.map((u) => contacts.get(u)?.role ?? 'customer');
    if (kindOf(i.channel, roles) !== 'customer') continue;
    for (const u of i.contactUuids) {
      const list = customerTalks.get(u) ?? [];
      list.push({ date: i.date, id: i.id ?? '', n: Number(i.id?.slice(1)) });
      customerTalks.set(u, list);
    }
  }
  // the simple path of the export's SQL (src/db/interviews.ts answeredSql): the first customer
  // conversation of the document dated after it with one of its people
  const answered = (i: InterviewDoc): string | null => {
    if (i.followUp === null) return null;
    let first: { date: string; id: string; n: number } | null = null;
    for (const u of i.contactUuids)
      for (const t of customerTalks.get(u) ?? [])
        if (t.date > i.date && (!first || t.date < first.date || (t.date === first.date && t.n < first.n))) first = t;
    return first?.id ?? null;
  };
  function* withLookups(): Generator<CsvInterview> {
    for (const i of all)
      yield {
        ...i,
        account: i.accountUuid === null ? null : (accounts.get(i.accountUuid) ?? null),
        people: i.contactUuids.map((u) => contacts.get(u)).filter((c) => c !== undefined),
        links: links.get(i.uuid) ?? [],
        answeredBy: answered(i),
      };
  }
  yield* csvRecords(withLookups(), raw);
}

/** The header, then one record an interview. */
export function* csvRecords(interviews: Iterable<CsvInterview>, raw = false): Generator<string> {
  yield csvRecord([...CSV_COLUMNS], raw);
  for (const i of interviews) {
    const people = i.people;
    yield csvRecord(
      [
        i.id,
        i.uuid,
        i.date,
        i.channel,
        i.account ?? '',
        listCell(people.map((c) => c.name)),
        // one item a person, beside `with`'s: a script pairing the two cells pairs each with their own
        people.some((c) => c.email) ? listCell(people.map((c) => c.email ?? '')) : '',
        i.by,
        i.minutes,
        i.summary,
        listCell(i.pains.map((p) => p.text)),
        listCell(i.quotes),
        listCell(i.tags),
        i.followUp,
        i.followUp ? (i.followUpDone ? 'yes' : 'no') : '',
        listCell(i.links.map((l) => l.link)),
        i.notes,
        i.source,
        i.stage,
        kindOf(
          i.channel,
          people.map((c) => c.role),
        ),
        listCell(i.pains.map((p) => p.severity)),
        listCell(i.links.map((l) => l.basis)),
        i.answeredBy,
      ],
      raw,
    );
  }
}
