-- 0011_opportunities: what the user decides about the pains customers raise (issue 17). Pains group
-- into opportunities by their text, case- and space-insensitively, without any table; these hold
-- what the text alone cannot say:
-- * opportunities: a name the user gave a group of pains, by `pm opportunity merge` or `rename`, or by
--   making a hypothesis for it (`pm hyp add … --for NAME`); `key` is the name as pains are grouped
--   (Unicode NFC, lower case, runs of white space as one space, trimmed), computed by pm;
-- * opportunity_aliases: other names whose pains join it (the first name of a merge, the old name of
--   a rename), so that pains written the old way, before or after, count for it. A key is an
--   opportunity's or an alias's, never both (pm keeps this);
-- * hypothesis_opportunities: the opportunity–solution tree's edges, a hypothesis to each
--   opportunity it addresses.
CREATE TABLE opportunities (
  id   INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  key  TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE opportunity_aliases (
  key            TEXT PRIMARY KEY,
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  name           TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX opportunity_aliases_by_opportunity ON opportunity_aliases(opportunity_id);

CREATE TABLE hypothesis_opportunities (
  hypothesis_id  INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  PRIMARY KEY (hypothesis_id, opportunity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX hypothesis_opportunities_by_opportunity ON hypothesis_opportunities(opportunity_id, hypothesis_id);
