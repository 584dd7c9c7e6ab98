-- 0034_interview_kind_on_insert: a new interview's kind is written by its INSERT, and checked, not
-- set by a trigger's UPDATE after it (issue 18: `pm log`, budget 1.2× the floor, at 1.29–1.36 in the
-- quiet runs of wave 7). The trigger's `UPDATE interviews SET kind` made SQLite compile, at every
-- prepare of the insert, every trigger that follows the kind (its copies on the people and the
-- evidence, the account's last direct contact, the pains heard) and theirs in turn: ~0.7 ms of the
-- insert's ~1 ms to prepare, and ~0.2 ms to run them, at every log, for copies a new interview does
-- not have yet. With no one present yet, the kind is its channel's (interviews_kind_now): 'indirect'
-- for a second-hand channel, else 'stakeholder'; the people's own triggers make it 'customer' as they
-- come, as before. pm's one insert (src/db/interview-writer.ts) writes it; anything else that inserts
-- a row with another kind is refused, rather than left wrong (docs/decisions.md). A journal set back
-- to an older version runs this again.
DROP TRIGGER IF EXISTS interviews_kind_after_insert;
DROP TRIGGER IF EXISTS interviews_kind_checked_on_insert;

-- AFTER, so that the row's own constraints (a signal needs a source) speak first
CREATE TRIGGER interviews_kind_checked_on_insert AFTER INSERT ON interviews
WHEN NEW.kind IS NOT CASE WHEN NEW.channel IN ('support', 'sales', 'review', 'survey') THEN 'indirect'
  ELSE 'stakeholder' END
BEGIN
  SELECT RAISE(ABORT, 'a new interview''s kind must be its channel''s: indirect for support, sales, review and survey, else stakeholder (its people make it customer)');
END;
