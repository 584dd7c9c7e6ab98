-- 0001_init: the first schema of a pm journal. Why it looks like this:
-- * every record has a time-ordered UUID (v7) so journals can be exported and merged without clashes,
--   and a short display id (I12, H3) that is the INTEGER PRIMARY KEY with AUTOINCREMENT, so an id
--   is never reused after a delete;
-- * dates are calendar days stored as 'YYYY-MM-DD' text, so they sort and compare as strings;
-- * interviews.kind (customer | indirect | stakeholder) is derived from the channel and the roles of
--   the people present, and kept right by triggers, so that "is this customer contact?" is one
--   indexed column for the report and can never drift from the contacts' roles;
-- * hypotheses.status is the latest outcome (by date, then entry), kept by triggers on outcomes.

CREATE TABLE config (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE accounts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL COLLATE NOCASE UNIQUE,
  segment      TEXT,
  -- NULL: the journal's account.cadenceDays; 0: off (never "going cold"); N: every N days
  cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 0)
) STRICT;

CREATE TABLE contacts (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  email      TEXT COLLATE NOCASE UNIQUE,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  role       TEXT NOT NULL DEFAULT 'customer'
             CHECK (role IN ('customer', 'prospect', 'stakeholder', 'partner')),
  segment    TEXT,
  forgotten  INTEGER NOT NULL DEFAULT 0 CHECK (forgotten IN (0, 1))
) STRICT;
CREATE INDEX contacts_by_account_name ON contacts(account_id, name COLLATE NOCASE);
CREATE INDEX contacts_by_name ON contacts(name COLLATE NOCASE);

CREATE TABLE interviews (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid           TEXT NOT NULL UNIQUE,
  date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  channel        TEXT NOT NULL DEFAULT 'call'
                 CHECK (channel IN ('call', 'video', 'visit', 'chat', 'email', 'event',
                                    'support', 'sales', 'review', 'survey')),
  -- derived, kept by triggers: 'customer' (direct channel, a customer or prospect present),
  -- 'indirect' (second-hand channel), 'stakeholder' (direct, but only stakeholders/partners)
  kind           TEXT NOT NULL DEFAULT 'stakeholder'
                 CHECK (kind IN ('customer', 'indirect', 'stakeholder')),
  account_id     INTEGER NOT NULL REFERENCES accounts(id),
  by             TEXT,
  minutes        INTEGER CHECK (minutes IS NULL OR minutes >= 0),
  summary        TEXT NOT NULL,
  notes          TEXT,
  follow_up      TEXT CHECK (follow_up IS NULL OR follow_up GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  follow_up_done INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1)),
  created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX interviews_by_date ON interviews(date, id);
CREATE INDEX interviews_by_kind_date ON interviews(kind, date);
CREATE INDEX interviews_by_account_kind_date ON interviews(account_id, kind, date);
CREATE INDEX interviews_follow_up_open ON interviews(follow_up) WHERE follow_up IS NOT NULL AND follow_up_done = 0;

CREATE TABLE interview_contacts (
  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  contact_id   INTEGER NOT NULL REFERENCES contacts(id),
  PRIMARY KEY (interview_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX interview_contacts_by_contact ON interview_contacts(contact_id, interview_id);

-- pains, quotes and tags keep the order the user gave them in
CREATE TABLE pains (
  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (interview_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE quotes (
  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (interview_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE interview_tags (
  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  tag          TEXT NOT NULL,
  PRIMARY KEY (interview_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX interview_tags_by_tag ON interview_tags(tag COLLATE NOCASE, interview_id);

CREATE TABLE hypotheses (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid       TEXT NOT NULL UNIQUE,
  statement  TEXT NOT NULL,
  kind       TEXT NOT NULL DEFAULT 'value'
             CHECK (kind IN ('value', 'usability', 'feasibility', 'viability')),
  criteria   TEXT,
  created_on TEXT NOT NULL CHECK (created_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  decide_by  TEXT NOT NULL CHECK (decide_by GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- derived, kept by triggers on outcomes: the latest outcome ('reopened' means open again)
  status     TEXT NOT NULL DEFAULT 'open'
             CHECK (status IN ('open', 'validated', 'invalidated', 'killed'))
) STRICT;
CREATE INDEX hypotheses_by_status ON hypotheses(status);

CREATE TABLE hypothesis_tags (
  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  tag           TEXT NOT NULL,
  PRIMARY KEY (hypothesis_id, position)
) STRICT, WITHOUT ROWID;

-- changes to a statement or criterion after evidence was linked: the bar cannot move quietly
CREATE TABLE hypothesis_revisions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
  date          TEXT NOT NULL,
  field         TEXT NOT NULL CHECK (field IN ('statement', 'criteria')),
  before        TEXT,
  after         TEXT
) STRICT;
CREATE INDEX hypothesis_revisions_by_hypothesis ON hypothesis_revisions(hypothesis_id, id);

CREATE TABLE evidence (
  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
  interview_id  INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  direction     TEXT NOT NULL CHECK (direction IN ('supports', 'refutes')),
  strength      TEXT NOT NULL DEFAULT 'medium' CHECK (strength IN ('weak', 'medium', 'strong')),
  PRIMARY KEY (hypothesis_id, interview_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX evidence_by_interview ON evidence(interview_id, hypothesis_id);

CREATE TABLE outcomes (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid          TEXT NOT NULL UNIQUE,
  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
  outcome       TEXT NOT NULL CHECK (outcome IN ('validated', 'invalidated', 'killed', 'reopened')),
  date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason        TEXT NOT NULL
) STRICT;
CREATE INDEX outcomes_by_hypothesis ON outcomes(hypothesis_id, date, id);
CREATE INDEX outcomes_by_date ON outcomes(date);

-- UUIDs of people erased with `pm forget`: an import never brings them back
CREATE TABLE forgotten (
  uuid TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- full-text index over what was said: one row per interview, rowid = interviews.id.
-- Kept by the application (src/db/fts.ts) because pains and quotes live in their own tables.
CREATE VIRTUAL TABLE interviews_fts USING fts5(
  summary, notes, pains, quotes,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- interviews.kind: recomputed whenever the channel, the people present or their roles change
CREATE TRIGGER interviews_kind_after_insert AFTER INSERT ON interviews BEGIN
  UPDATE interviews SET kind = CASE
      WHEN channel IN ('support', 'sales', 'review', 'survey') THEN 'indirect'
      WHEN EXISTS (SELECT 1 FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
                   WHERE ic.interview_id = interviews.id AND c.role IN ('customer', 'prospect')) THEN 'customer'
      ELSE 'stakeholder' END
  WHERE id = NEW.id;
END;
CREATE TRIGGER interviews_kind_after_channel AFTER UPDATE OF channel ON interviews BEGIN
  UPDATE interviews SET kind = CASE
      WHEN channel IN ('support', 'sales', 'review', 'survey') THEN 'indirect'
      WHEN EXISTS (SELECT 1 FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
                   WHERE ic.interview_id = interviews.id AND c.role IN ('customer', 'prospect')) THEN 'customer'
      ELSE 'stakeholder' END
  WHERE id = NEW.id;
END;
CREATE TRIGGER interview_contacts_kind_after_insert AFTER INSERT ON interview_contacts BEGIN
  UPDATE interviews SET kind = CASE
      WHEN channel IN ('support', 'sales', 'review', 'survey') THEN 'indirect'
      WHEN EXISTS (SELECT 1 FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
                   WHERE ic.interview_id = interviews.id AND c.role IN ('customer', 'prospect')) THEN 'customer'
      ELSE 'stakeholder' END
  WHERE id = NEW.interview_id;
END;
CREATE TRIGGER interview_contacts_kind_after_delete AFTER DELETE ON interview_contacts BEGIN
  UPDATE interviews SET kind = CASE
      WHEN channel IN ('support', 'sales', 'review', 'survey') THEN 'indirect'
      WHEN EXISTS (SELECT 1 FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
                   WHERE ic.interview_id = interviews.id AND c.role IN ('customer', 'prospect')) THEN 'customer'
      ELSE 'stakeholder' END
  WHERE id = OLD.interview_id;
END;
CREATE TRIGGER contacts_kind_after_role AFTER UPDATE OF role ON contacts BEGIN
  UPDATE interviews SET kind = CASE
      WHEN channel IN ('support', 'sales', 'review', 'survey') THEN 'indirect'
      WHEN EXISTS (SELECT 1 FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
                   WHERE ic.interview_id = interviews.id AND c.role IN ('customer', 'prospect')) THEN 'customer'
      ELSE 'stakeholder' END
  WHERE id IN (SELECT interview_id FROM interview_contacts WHERE contact_id = NEW.id);
END;

-- hypotheses.status: the latest outcome by date, then by entry
CREATE TRIGGER outcomes_status_after_insert AFTER INSERT ON outcomes BEGIN
  UPDATE hypotheses SET status = COALESCE(
    (SELECT CASE outcome WHEN 'reopened' THEN 'open' ELSE outcome END FROM outcomes
      WHERE hypothesis_id = NEW.hypothesis_id ORDER BY date DESC, id DESC LIMIT 1), 'open')
  WHERE id = NEW.hypothesis_id;
END;
CREATE TRIGGER outcomes_status_after_delete AFTER DELETE ON outcomes BEGIN
  UPDATE hypotheses SET status = COALESCE(
    (SELECT CASE outcome WHEN 'reopened' THEN 'open' ELSE outcome END FROM outcomes
      WHERE hypothesis_id = OLD.hypothesis_id ORDER BY date DESC, id DESC LIMIT 1), 'open')
  WHERE id = OLD.hypothesis_id;
END;
