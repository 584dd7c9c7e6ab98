-- 0048_people_with_their_copies: a person's row in interview_contacts is written with its copies of
-- the interview's date and kind, and the interview with the kind its people give it, instead of two
-- triggers fixing both after every people insert (issue 18: `pm log`, budget 1.2x the floor).
-- interview_contacts_kind_after_insert ran `UPDATE interviews SET kind`, and
-- interview_contacts_copy_after_insert `UPDATE interview_contacts SET (date, kind)`: every prepare
-- of a people insert compiled both and every trigger following those columns in turn (the copies on
-- the evidence and the people, the account's last direct contact, the pains heard, each contact's
-- activity, the follow-ups answered), and ran them for copies a new interview mostly does not have
-- yet: ~0.7 of the insert's ~1 ms at every log. Now pm's writers (src/db/interview-writer.ts: log,
-- edit --with, import, sync; contact merges, src/db/contacts.ts) write the kind first and the copies
-- with the row; a trigger that cannot cascade checks both, so that anything else writing a row
-- without them is refused rather than left wrong (docs/decisions.md). A new interview may be
-- inserted as 'customer' (a direct channel, its writer about to add a customer or prospect): the
-- check of 0034 allows it. What the cascade did besides is done by triggers of their own on the
-- insert, which change nothing else: follow_up_answers (the copy's UPDATE refreshed them), and the
-- customers behind the evidence of the interview's hypotheses (the kind's UPDATE rewrote that evidence).
-- contacts_last_direct (0022, for the report's follow-ups due) is in no query plan since schema 29:
-- it cost a page of every customer log.
-- A journal set back to an older version runs this again.
DROP INDEX IF EXISTS contacts_last_direct;
DROP TRIGGER IF EXISTS interview_contacts_kind_after_insert;
DROP TRIGGER IF EXISTS interview_contacts_copy_after_insert;
DROP TRIGGER IF EXISTS interview_contacts_checked_on_insert;
DROP TRIGGER IF EXISTS follow_up_answers_after_people_insert;
DROP TRIGGER IF EXISTS evidence_customers_after_people_insert;
DROP TRIGGER IF EXISTS interviews_kind_checked_on_insert;

-- AFTER, so that the row's own constraints (a signal needs a source) speak first
CREATE TRIGGER interviews_kind_checked_on_insert AFTER INSERT ON interviews
WHEN NEW.kind IS NOT CASE WHEN NEW.channel IN ('support', 'sales', 'review', 'survey') THEN 'indirect'
  ELSE 'stakeholder' END
  AND NOT (NEW.kind = 'customer' AND NEW.channel NOT IN ('support', 'sales', 'review', 'survey'))
BEGIN
  SELECT RAISE(ABORT, 'a new interview''s kind must be its channel''s: indirect for support, sales, review and survey, else stakeholder, or customer when a customer or prospect is among its people');
END;

CREATE TRIGGER interview_contacts_checked_on_insert AFTER INSERT ON interview_contacts
WHEN NOT EXISTS (SELECT 1 FROM interviews i WHERE i.id = NEW.interview_id AND i.date = NEW.date AND i.kind = NEW.kind
  AND (i.kind <> 'stakeholder'
    OR NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = NEW.contact_id AND c.role IN ('customer', 'prospect'))))
BEGIN
  SELECT RAISE(ABORT, 'a person''s row in interview_contacts must carry its interview''s date and kind, and a customer or prospect makes the interview a customer conversation first (src/db/interview-writer.ts, addPeople)');
END;

-- as follow_up_answers_after_people_update does for a row that changes
CREATE TRIGGER follow_up_answers_after_people_insert AFTER INSERT ON interview_contacts BEGIN
  UPDATE follow_up_answers SET answered_on = (SELECT v.answered_on FROM follow_up_answers_now v
    WHERE v.interview_id = follow_up_answers.interview_id)
  WHERE interview_id = NEW.interview_id OR NEW.kind = 'customer' AND interview_id IN (
    SELECT w.interview_id FROM interview_contacts w
    WHERE w.contact_id = NEW.contact_id AND w.kind IN ('customer', 'indirect', 'stakeholder', '') AND w.date < NEW.date
      AND w.date >= coalesce((SELECT max(p.date) FROM interview_contacts p
        WHERE p.contact_id = NEW.contact_id AND p.kind = 'customer' AND p.date < NEW.date), ''));
END;

-- as evidence_customers_after_contact_update does for a person whose role or account changes
CREATE TRIGGER evidence_customers_after_people_insert AFTER INSERT ON interview_contacts
WHEN EXISTS (SELECT 1 FROM evidence WHERE interview_id = NEW.interview_id) BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id IN (SELECT hypothesis_id FROM evidence WHERE interview_id = NEW.interview_id);
  INSERT INTO evidence_customers SELECT * FROM evidence_customers_now
    WHERE hypothesis_id IN (SELECT hypothesis_id FROM evidence WHERE interview_id = NEW.interview_id);
  DELETE FROM evidence_totals WHERE hypothesis_id IN (SELECT hypothesis_id FROM evidence WHERE interview_id = NEW.interview_id);
  INSERT INTO evidence_totals SELECT * FROM evidence_totals_now
    WHERE hypothesis_id IN (SELECT hypothesis_id FROM evidence WHERE interview_id = NEW.interview_id);
END;
