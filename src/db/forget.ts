// Erasing a person (`pm forget`): their name and email, the quotes of every interview they attended,
// and any mention of their name or email in those interviews' summary, notes and pains. The
// interviews stay, attributed to "Forgotten contact". secure_delete zeroes freed pages, the FTS
// index is rebuilt and optimised so no old segment keeps the words, and the caller truncates the WAL.
import type { DB } from './journal.js';
import { reindexInterview } from './fts.js';

export const FORGOTTEN_NAME = 'Forgotten contact';

export interface ForgetResult {
  uuid: string;
  interviews: number;
  quotes: number;
  mentions: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A needle as a whole word: "Ann" must not eat "Annual". */
function wordPattern(needle: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Remove every occurrence of the person's name or email from a text (case-insensitive). */
export function scrub(text: string, needles: string[]): { text: string; count: number } {
  let count = 0;
  let out = text;
  for (const n of needles) {
    if (n.trim().length < 2) continue;
    out = out.replace(wordPattern(n), () => {
      count++;
      return '[forgotten]';
    });
  }
  return { text: out, count };
}

export function forgetContact(db: DB, contactId: number): ForgetResult {
  const person = db.prepare('SELECT uuid, name, email FROM contacts WHERE id = ?').get(contactId) as {
    uuid: string;
    name: string;
    email: string | null;
  };
  // the full name and email, then each part of the name of three letters or more ("Zelda" alone),
  // longest first so that "Zelda Quux" goes whole; only in the interviews the person attended
  const parts = person.name.split(/[\s,.;:()"'<>]+/u).filter((p) => [...p].length >= 3);
  const needles = [...new Set([person.name, ...(person.email ? [person.email] : []), ...parts])].sort(
    (a, b) => b.length - a.length,
  );
  db.pragma('secure_delete = ON');
  const interviewIds = db
    .prepare('SELECT interview_id FROM interview_contacts WHERE contact_id = ?')
    .pluck()
    .all(contactId) as number[];
  let quotes = 0;
  let mentions = 0;
  const delQuotes = db.prepare('DELETE FROM quotes WHERE interview_id = ?');
  const getText = db.prepare('SELECT summary, notes FROM interviews WHERE id = ?');
  const setText = db.prepare('UPDATE interviews SET summary = ?, notes = ? WHERE id = ?');
  const getPains = db.prepare('SELECT position, text FROM pains WHERE interview_id = ?');
  const setPain = db.prepare('UPDATE pains SET text = ? WHERE interview_id = ? AND position = ?');
  for (const id of interviewIds) {
    quotes += delQuotes.run(id).changes;
    const row = getText.get(id) as { summary: string; notes: string | null };
    const summary = scrub(row.summary, needles);
    const notes = row.notes == null ? { text: null, count: 0 } : scrub(row.notes, needles);
    if (summary.count + notes.count > 0) setText.run(summary.text, notes.text, id);
    mentions += summary.count + notes.count;
    for (const p of getPains.all(id) as { position: number; text: string }[]) {
      const s = scrub(p.text, needles);
      if (s.count) setPain.run(s.text, id, p.position);
      mentions += s.count;
    }
    reindexInterview(db, id);
  }
  db.prepare('UPDATE contacts SET name = ?, email = NULL, segment = NULL, forgotten = 1 WHERE id = ?').run(
    FORGOTTEN_NAME,
    contactId,
  );
  db.prepare('INSERT OR IGNORE INTO forgotten(uuid) VALUES (?)').run(person.uuid);
  // merge every FTS segment so that no stale segment still holds the erased words
  db.prepare("INSERT INTO interviews_fts(interviews_fts) VALUES ('optimize')").run();
  return { uuid: person.uuid, interviews: interviewIds.length, quotes, mentions };
}

/**
 * After an erasure: secure_delete zeroed what it freed, but copies of the person's rows left by
 * earlier changes (an import's page splits, rows rewritten before) may sit in free space: VACUUM
 * rewrites the file without any. Then the WAL still holds the old pages until it is checkpointed
 * and truncated; a program reading the journal meanwhile (holding an older snapshot) keeps them
 * there past the busy timeout. Run outside the erasure's transaction.
 */
export function purgeFreedPages(db: DB): { rewritten: boolean; walHeld: boolean } {
  let rewritten = true;
  try {
    db.exec('VACUUM');
  } catch (err) {
    // another writer started between the erasure and now, and held on past the busy timeout
    if (!/^SQLITE_(BUSY|LOCKED)/.test((err as { code?: string }).code ?? '')) throw err;
    rewritten = false;
  }
  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return { rewritten, walHeld: checkpoint?.busy !== 0 };
}
