// What the markdown export (src/render/markdown-export.ts) shows of the journal, as
// src/db/exchange.ts reads it: the exchange format's records, named for reading.
import type { HypothesisDoc, InterviewDoc } from './import-validate.js';
import type { Direction, Outcome, Strength } from './hypotheses.js';
import type { Basis } from './confidence.js';
import type { InterviewKind } from './interviews.js';

/** An interview as the markdown export shows it: who by name (with UUIDs, for pseudonyms), its hypotheses by row id. */
export interface MarkdownInterview extends Omit<InterviewDoc, 'uuid' | 'id' | 'contactUuids'> {
  id: string;
  /** null for a signal from a source alone */
  account: string | null;
  /** [uuid, name] of each contact, by UUID */
  contacts: [string, string][];
  /** [hypothesis row id, direction, strength, basis] of each link, by hypothesis */
  links: [number, Direction, Strength, Basis][];
  /** the later customer conversation that answered its follow-up, on or before the range's last day */
  followUpAnswered: { id: string; date: string } | null;
  /** a stakeholder meeting or a signal is no customer contact: the document says so */
  kind: InterviewKind;
}

/**
 * An interview's lines made by SQLite (src/db/exchange.ts MD_INTERVIEW_TEXTS): [id, date, channel, its
 * contacts' names (null: none), account and source, the lines from By to the quotes with each typed text
 * between two NULs, notes, summary, links as JSON (or null), kind].
 */
export type InterviewLines = [
  number,
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  string,
  string | null,
  InterviewKind,
];

export interface MarkdownHypothesis extends HypothesisDoc {
  rowid: number;
  id: string;
}

export interface MarkdownOutcome {
  hypothesis: number;
  outcome: Outcome;
  date: string;
  reason: string;
}

/**
 * What the markdown export shows of a range (or the whole journal): the same interviews,
 * hypotheses and outcomes as exportJournal, in the same order. The interviews are read one at a
 * time as they are written (`interviews()`; nothing else may run on the journal meanwhile): a
 * week of the bench journal is 557 of them, the whole journal 100,000.
 */
export interface MarkdownRecords {
  /** the first interview's day, null when the range has none */
  firstDate: string | null;
  interviews(): IterableIterator<MarkdownInterview>;
  /**
   * The same interviews, not redacted: each as its lines when `asTyped` says the lines' typed texts are
   * shown as typed, else as interviews() reads it (a whole journal: every one so).
   */
  lines(asTyped: (lines: string) => boolean): IterableIterator<InterviewLines | MarkdownInterview>;
  hypotheses: MarkdownHypothesis[];
  outcomes: MarkdownOutcome[];
}
