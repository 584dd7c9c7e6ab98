// A kept conflict's two versions in a few words (pm sync conflicts, and pm import naming what a
// teammate's later copy changed of yours): each version's label and the fields where they differ.
import type { BetDoc, RecordDoc } from '../core/import-validate.js';
import type { Pain } from '../core/pains.js';
import { recordRef } from '../core/versions.js';
import { safeLine } from '../core/text.js';

/** A record in a few words: an interview's summary, a hypothesis's statement, a name, a setting. */
export function label(doc: RecordDoc | null): string {
  if (!doc) return '(deleted)';
  const d = doc as unknown as Record<string, unknown>;
  const text = d.summary ?? d.statement ?? d.name ?? d.reason ?? (d.key !== undefined ? `${d.key} = ${d.value}` : null);
  if (d.direction) return `${d.direction} (${d.strength})`;
  return typeof text === 'string' ? safeLine(text) : JSON.stringify(doc);
}

/**
 * What a conflict is about: the fields of `doc` that `other` holds otherwise (fresh-eyes E24: two
 * versions of a hypothesis whose criteria differ showed the same statement twice). The field the
 * label already shows (a summary, a statement, a name) is not named again.
 */
export function fieldsApart(kind: string, doc: RecordDoc | null, other: RecordDoc | null): string {
  const fields = FIELD_NAMES[kind];
  if (!fields || !doc || !other) return '';
  const d = doc as unknown as Record<string, unknown>;
  const o = other as unknown as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, name] of fields) {
    if (JSON.stringify(d[key] ?? null) === JSON.stringify(o[key] ?? null)) continue;
    parts.push(`${name} ${fieldValue(key, d[key] ?? null)}`);
  }
  return parts.length ? safeLine(` · ${parts.join(' · ')}`) : '';
}

/** A field's value in a few words: ids as refs, lists joined, long text cut. */
function fieldValue(key: string, v: unknown): string {
  if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) return '(none)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (key === 'accountUuid') return recordRef('account', String(v));
  if (key === 'contactUuids') return (v as string[]).map((u) => recordRef('contact', u)).join(', ');
  if (key === 'opportunityUuids') return `${(v as string[]).length} linked`;
  if (key === 'pains') return (v as Pain[]).map((p) => `${cut(p.text)} (${p.severity})`).join(', ');
  if (key === 'bet') {
    const bet = v as BetDoc;
    return `until ${bet.until}: ${cut(bet.reason)}`;
  }
  if (Array.isArray(v)) return v.map((x) => cut(String(x))).join(', ');
  return typeof v === 'string' ? cut(v) : String(v);
}

const cut = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

const PEOPLE_FIELDS = [
  ['email', 'email'],
  ['accountUuid', 'account'],
  ['role', 'role'],
  ['segment', 'segment'],
  ['persona', 'persona'],
  ['cadenceDays', 'cadence'],
] as const;

/** The fields a conflict names when its two versions differ there, by kind: [key, word shown]. */
const FIELD_NAMES: Record<string, readonly (readonly [string, string])[]> = {
  account: PEOPLE_FIELDS,
  contact: PEOPLE_FIELDS,
  interview: [
    ['date', 'date'],
    ['channel', 'channel'],
    ['accountUuid', 'account'],
    ['contactUuids', 'with'],
    ['source', 'source'],
    ['by', 'by'],
    ['minutes', 'minutes'],
    ['notes', 'notes'],
    ['pains', 'pains'],
    ['quotes', 'quotes'],
    ['tags', 'tags'],
    ['followUp', 'follow-up'],
    ['followUpDone', 'follow-up done'],
    ['stage', 'stage'],
  ],
  hypothesis: [
    ['kind', 'kind'],
    ['criteria', 'criteria'],
    ['decideBy', 'decide by'],
    ['tags', 'tags'],
    ['bet', 'bet'],
    ['opportunityUuids', 'opportunities'],
  ],
  outcome: [
    ['outcome', 'outcome'],
    ['date', 'date'],
  ],
  evidence: [['basis', 'basis']],
  opportunity: [['aliases', 'aliases']],
};
