-- 0008_signal_sources: a signal may come from a source ("Capterra", "NPS survey", "Zendesk") instead
-- of a person or an account (issue 15). Until now a review or a survey had to name an account, so
-- "Capterra" became an account with a 30-day cadence, went cold, and counted as an account in themes.
-- A source is never an account: nothing else is known about it (no people, no cadence, no segment),
-- so it is kept on the interview as a name, like a tag, compared case-insensitively. An interview's
-- account becomes optional: a signal from a source alone has none; every other interview still has
-- one (CHECK), and only a signal (an indirect channel) has a source.
--
-- SQLite cannot drop NOT NULL in place, so interviews is rebuilt. legacy_alter_table keeps the
-- RENAME from rewriting what refers to "interviews" (the foreign keys of pains, quotes, tags, people
-- and evidence, the views, the triggers on other tables) to the old table: they refer to the new one
-- once it is created under the old name. The migration runner switches foreign keys off around this
-- and runs foreign_key_check before it commits. Ids are copied, and so is the AUTOINCREMENT counter,
-- so that the id of an interview deleted before the upgrade is still never reused. The indexes and
-- the triggers on interviews (0002, 0004, 0005) went with the old table and are made again as they
-- were; every column 0001-0007 gave interviews is copied (0007 added `stage`).
PRAGMA legacy_alter_table = ON;
ALTER TABLE interviews RENAME TO interviews_v7;

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
  -- NULL only for a signal from a source alone
  account_id     INTEGER REFERENCES accounts(id),
  -- where a signal came from ("Capterra"), when it is not (only) a person or an account
  source         TEXT COLLATE NOCASE
                 CHECK (source IS NULL OR channel IN ('support', 'sales', 'review', 'survey')),
  by             TEXT,
  minutes        INTEGER CHECK (minutes IS NULL OR minutes >= 0),
  summary        TEXT NOT NULL,
  notes          TEXT,
  follow_up      TEXT CHECK (follow_up IS NULL OR follow_up GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  follow_up_done INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0, 1)),
  created_at     TEXT NOT NULL,
  -- the customer's journey stage when we talked (0007)
  stage          TEXT,
  CHECK (account_id IS NOT NULL OR source IS NOT NULL)
) STRICT;

INSERT INTO interviews (id, uuid, date, channel, kind, account_id, by, minutes, summary, notes, follow_up,
  follow_up_done, created_at, stage)
SELECT id, uuid, date, channel, kind, account_id, by, minutes, summary, notes, follow_up, follow_up_done, created_at,
  stage
FROM interviews_v7;

DELETE FROM sqlite_sequence WHERE name = 'interviews';
INSERT INTO sqlite_sequence (name, seq) SELECT 'interviews', seq FROM sqlite_sequence WHERE name = 'interviews_v7';

DROP TABLE interviews_v7;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX interviews_by_date ON interviews(date, id);
CREATE INDEX interviews_by_kind_date ON interviews(kind, date);
CREATE INDEX interviews_by_account_kind_date ON interviews(account_id, kind, date);
CREATE INDEX interviews_follow_up_open ON interviews(follow_up, follow_up_done, date) WHERE follow_up IS NOT NULL AND follow_up_done = 0;
CREATE INDEX interviews_by_date_kind_account ON interviews(date, kind, account_id);
-- pm ls --source, and a source's signals
CREATE INDEX interviews_by_source ON interviews(source, date) WHERE source IS NOT NULL;

-- 0002
CREATE TRIGGER interviews_evidence_after_update AFTER UPDATE OF date, kind ON interviews BEGIN
  UPDATE evidence SET date = NEW.date, kind = NEW.kind WHERE interview_id = NEW.id;
END;

-- 0004
CREATE TRIGGER accounts_last_direct_after_insert AFTER INSERT ON interviews BEGIN
  UPDATE accounts SET last_direct = (SELECT v.last_direct FROM accounts_last_direct_now v WHERE v.account_id = accounts.id)
  WHERE id = NEW.account_id;
END;

CREATE TRIGGER accounts_last_direct_after_update AFTER UPDATE OF date, kind, account_id ON interviews BEGIN
  UPDATE accounts SET last_direct = (SELECT v.last_direct FROM accounts_last_direct_now v WHERE v.account_id = accounts.id)
  WHERE id IN (OLD.account_id, NEW.account_id);
END;

CREATE TRIGGER accounts_last_direct_after_delete AFTER DELETE ON interviews BEGIN
  UPDATE accounts SET last_direct = (SELECT v.last_direct FROM accounts_last_direct_now v WHERE v.account_id = accounts.id)
  WHERE id = OLD.account_id;
END;

-- 0005
CREATE TRIGGER interviews_kind_after_insert AFTER INSERT ON interviews BEGIN
  UPDATE interviews SET kind = (SELECT v.kind FROM interviews_kind_now v WHERE v.interview_id = interviews.id)
  WHERE id = NEW.id;
END;

CREATE TRIGGER interviews_kind_after_channel AFTER UPDATE OF channel ON interviews BEGIN
  UPDATE interviews SET kind = (SELECT v.kind FROM interviews_kind_now v WHERE v.interview_id = interviews.id)
  WHERE id = NEW.id;
END;
