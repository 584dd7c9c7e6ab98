-- 0026_line_names: the names a line of `pm ls` shows, beside each contact's and account's row id
-- (issue 18). `pm ls --since 2w` (1,588 conversations on the harsh 100k journal) names each
-- conversation's people and account by row id: one contact row and one account row a line, from
-- ~450 and ~200 pages of rows that carry every other column too (keys, emails, counts). These
-- narrow indexes answer the same lookups from ~60 and ~30 pages: ~3 ms less of CPU in a fresh
-- process (0.96x). IF NOT EXISTS: a journal set back to an older version runs it again.
CREATE INDEX IF NOT EXISTS contacts_names ON contacts(id, name);
CREATE INDEX IF NOT EXISTS accounts_names ON accounts(id, name);
