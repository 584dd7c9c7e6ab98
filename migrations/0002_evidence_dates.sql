-- 0002_evidence_dates: evidence rows carry their interview's date and kind, kept by triggers, so
-- that counting a hypothesis's evidence "as of a day" reads only the evidence table (clustered by
-- hypothesis) and never the wide interviews table. On a five-year, 100k-interview journal those
-- interview reads were most of the time `pm report` and `pm hyp list` took.
-- evidence is WITHOUT ROWID and cannot gain NOT NULL columns in place, so it is rebuilt; the
-- migration runner switches foreign keys off around this (so dropping the old table cascades
-- nothing) and runs foreign_key_check before it commits.

CREATE TABLE evidence_v2 (
  hypothesis_id INTEGER NOT NULL REFERENCES hypotheses(id) ON DELETE CASCADE,
  interview_id  INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  direction     TEXT NOT NULL CHECK (direction IN ('supports', 'refutes')),
  strength      TEXT NOT NULL DEFAULT 'medium' CHECK (strength IN ('weak', 'medium', 'strong')),
  -- copies of interviews.date and interviews.kind, kept by the triggers below
  date          TEXT NOT NULL DEFAULT '',
  kind          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (hypothesis_id, interview_id)
) STRICT, WITHOUT ROWID;

INSERT INTO evidence_v2 (hypothesis_id, interview_id, direction, strength, date, kind)
  SELECT e.hypothesis_id, e.interview_id, e.direction, e.strength, i.date, i.kind
  FROM evidence e JOIN interviews i ON i.id = e.interview_id;

DROP TABLE evidence;
ALTER TABLE evidence_v2 RENAME TO evidence;
CREATE INDEX evidence_by_interview ON evidence(interview_id, hypothesis_id);

-- a new link takes its interview's date and kind
CREATE TRIGGER evidence_copy_after_insert AFTER INSERT ON evidence BEGIN
  UPDATE evidence SET (date, kind) = (SELECT i.date, i.kind FROM interviews i WHERE i.id = NEW.interview_id)
  WHERE hypothesis_id = NEW.hypothesis_id AND interview_id = NEW.interview_id;
END;

-- an interview whose date or kind changes (pm edit, a contact's new role) updates its links
CREATE TRIGGER interviews_evidence_after_update AFTER UPDATE OF date, kind ON interviews BEGIN
  UPDATE evidence SET date = NEW.date, kind = NEW.kind WHERE interview_id = NEW.id;
END;
