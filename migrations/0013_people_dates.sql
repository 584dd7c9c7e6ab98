-- 0013_people_dates: who was in a conversation carries the conversation's date and kind, kept by
-- triggers, as evidence rows do since 0002. Issue 15 made a follow-up stop being due once a later
-- customer conversation included one of its people: asked of every open follow-up, "is there a
-- customer conversation with this person between that day and --as-of?" read each of the person's
-- interviews from the wide interviews table (on a five-year, 100k-interview journal: ~20,000 rows
-- for the report's count of follow-ups due, ~45 ms). With the copies and an index by person, kind
-- and date it is one index seek per person. `pm log` asks the same of the people it logs.
ALTER TABLE interview_contacts ADD COLUMN date TEXT NOT NULL DEFAULT '';
ALTER TABLE interview_contacts ADD COLUMN kind TEXT NOT NULL DEFAULT '';

-- the copies from scratch (what the triggers keep, and what pm doctor compares them with)
CREATE VIEW interview_contacts_now AS
  SELECT ic.interview_id, ic.contact_id, i.date, i.kind
  FROM interview_contacts ic JOIN interviews i ON i.id = ic.interview_id;

UPDATE interview_contacts SET (date, kind) = (SELECT v.date, v.kind FROM interview_contacts_now v
  WHERE v.interview_id = interview_contacts.interview_id AND v.contact_id = interview_contacts.contact_id);

CREATE INDEX interview_contacts_by_contact_kind_date ON interview_contacts(contact_id, kind, date);

-- a person added to a conversation takes its date and kind
CREATE TRIGGER interview_contacts_copy_after_insert AFTER INSERT ON interview_contacts BEGIN
  UPDATE interview_contacts SET (date, kind) = (SELECT v.date, v.kind FROM interview_contacts_now v
    WHERE v.interview_id = NEW.interview_id AND v.contact_id = NEW.contact_id)
  WHERE interview_id = NEW.interview_id AND contact_id = NEW.contact_id;
END;

-- a conversation whose date or kind changes (pm edit, the people present, a contact's new role)
CREATE TRIGGER interviews_people_after_update AFTER UPDATE OF date, kind ON interviews BEGIN
  UPDATE interview_contacts SET date = NEW.date, kind = NEW.kind WHERE interview_id = NEW.id;
END;
