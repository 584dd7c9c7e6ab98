// pm search marks a column longer than LONG_COLUMN itself (src/db/fts.ts markFirstMatches) instead of
// asking FTS5's highlight(), whose cost grows with length times matches (fresh-eyes E36): it must mark
// the words highlight() marks, with the same tokenizer's idea of a word, case and accents.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LONG_COLUMN, markFirstMatches } from '../../src/db/fts.js';
import { MATCH_END, MATCH_START } from '../../src/core/search-text.js';
import { sandbox } from '../helpers.js';

describe('marking the first matches of a long column', () => {
  it('marks what FTS5 highlight() marks (words, prefixes, any case, accents, digits)', () => {
    const db = new Database(':memory:');
    db.exec(
      `CREATE VIRTUAL TABLE t USING fts5(summary, notes, pains, quotes, tokenize = 'unicode61 remove_diacritics 2')`,
    );
    const text =
      'Ledger close: the ledgers were late. LEDGER-2 and ledger_3; Lédger, café ledgering. ' +
      'Invoice matching 2026 ok; invoicing; "match" (matched) résumé Resume ledger.';
    db.prepare('INSERT INTO t (rowid, summary, notes, pains, quotes) VALUES (1, ?, ?, ?, ?)').run('', text, '', '');
    const highlight = db.prepare(
      `SELECT highlight(t, 1, '${MATCH_START}', '${MATCH_END}') FROM t WHERE t MATCH ? AND rowid = 1`,
    );
    for (const q of ['ledger', 'ledg*', 'LEDGER', 'ledger invoice', 'match*', 'resume', '2026', 'cafe'])
      expect([q, markFirstMatches(text, q)]).toEqual([q, highlight.pluck().get(q)]);
    // a phrase: highlight() marks it as one span, its words are marked one by one here; the snippet
    // is cut at the first mark, the same
    const phrase = '"invoice matching"';
    const mine = markFirstMatches(text, phrase);
    const theirs = highlight.pluck().get(phrase) as string;
    expect(mine.indexOf(MATCH_START)).toBe(theirs.indexOf(MATCH_START));
    expect(mine.replace(/[\uE000\uE001]/g, '')).toBe(text);
    db.close();
  });

  it('pm search over a note longer than the limit shows the first match, as marked', () => {
    const box = sandbox();
    try {
      const words = ['alpha', 'beta', 'gamma', 'delta', 'team'];
      const filler = Array.from({ length: Math.ceil((LONG_COLUMN * 1.5) / 6) }, (_, k) => words[k % 5]).join(' ');
      const notes = `${filler} The Ledger closes late. ${'ledger '.repeat(200)}`;
      const file = `${box.dir}/notes.txt`;
      writeFileSync(file, notes);
      expect(
        box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'long call', '--notes-file', file]).code,
      ).toBe(0);
      const hits = box.json(['search', 'ledger']);
      expect(hits.map((h: { summary: string }) => h.summary)).toEqual(['long call']);
      expect(hits[0].snippet).toMatch(/^….* The Ledger closes late\. ledger ledger/);
    } finally {
      box.cleanup();
    }
  });
});
