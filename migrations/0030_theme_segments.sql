-- 0030_theme_segments: each contact's and account's segment beside its row id (issue 18). The
-- report's themes (markdown, HTML, `--full`, JSON: not the standup page, which counts them) gather
-- the segments of each theme's accounts and people: on the harsh 100k journal's week (515
-- conversations, ~1,000 tags and pains) one account row and one contact row a tag or pain, from
-- ~210 and ~600 pages of rows that carry every other column too. These narrow indexes answer the
-- same lookups from a few dozen pages: the statement 6.8 -> 4.8 ms of CPU in a fresh connection.
-- IF NOT EXISTS: a journal set back to an older version runs it again.
CREATE INDEX IF NOT EXISTS accounts_segments ON accounts(id, segment);
CREATE INDEX IF NOT EXISTS contacts_segments ON contacts(id, segment);
