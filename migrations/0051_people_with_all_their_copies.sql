-- 0051_people_with_all_their_copies: a person's row in interview_contacts is written with its copies of
-- the interview's account and of the person's persona and role (0046), as 0048 does its copies of the
-- date and kind, instead of an AFTER INSERT trigger that updated the row just written (review wave 10
-- R5): every people insert (pm log, pm edit --with, a contact merge, an import or sync) wrote the row
-- twice, and an import left those copies to a rebuild at its end (today's 100k: 0.59 s of CPU). pm's
-- writers (PEOPLE_INSERT, src/db/interview-writer.ts) now write every copy; the check of 0048 checks
-- them all, so that a row written without them is refused rather than left wrong (docs/decisions.md).
-- A journal set back to an older version runs this again.
DROP TRIGGER IF EXISTS interview_contacts_people_after_insert;
DROP TRIGGER IF EXISTS interview_contacts_checked_on_insert;

CREATE TRIGGER interview_contacts_checked_on_insert AFTER INSERT ON interview_contacts
WHEN NOT EXISTS (SELECT 1 FROM interviews i, contacts c WHERE i.id = NEW.interview_id AND c.id = NEW.contact_id
  AND i.date = NEW.date AND i.kind = NEW.kind AND i.account_id IS NEW.account_id AND c.persona IS NEW.persona
  AND NEW.customer = (c.role IN ('customer', 'prospect')) AND (i.kind <> 'stakeholder' OR NEW.customer = 0))
BEGIN
  SELECT RAISE(ABORT, 'a person''s row in interview_contacts must carry its interview''s date, kind and account and the person''s persona and role, and a customer or prospect makes the interview a customer conversation first (src/db/interview-writer.ts, addPeople)');
END;
