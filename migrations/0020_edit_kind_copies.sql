-- 0020_edit_kind_copies: an interview's links and people take its kind as it is, not as an edit's
-- statement saw it. `pm edit I1 --channel support` on a conversation with evidence left its links (and
-- the copies of its date and kind on the people present) with the old kind: the edit's one UPDATE sets
-- the date and the channel, the channel's trigger sets the new kind, and the trigger on the date then
-- copied the statement's own NEW.kind, the old one, over it. A support ticket went on counting as
-- customer evidence (and a call turned into a ticket stopped counting), until `pm doctor --repair`.
-- The copies now read the conversation's row as it is when they run, in whichever order the triggers
-- fire; links and people copied wrong before are put right here (their own triggers then correct the
-- evidence totals and each person's latest conversation).

DROP TRIGGER IF EXISTS interviews_evidence_after_update;
CREATE TRIGGER interviews_evidence_after_update AFTER UPDATE OF date, kind ON interviews BEGIN
  UPDATE evidence SET (date, kind) = (SELECT i.date, i.kind FROM interviews i WHERE i.id = NEW.id)
  WHERE interview_id = NEW.id;
END;

DROP TRIGGER IF EXISTS interviews_people_after_update;
CREATE TRIGGER interviews_people_after_update AFTER UPDATE OF date, kind ON interviews BEGIN
  UPDATE interview_contacts SET (date, kind) = (SELECT i.date, i.kind FROM interviews i WHERE i.id = NEW.id)
  WHERE interview_id = NEW.id;
END;

UPDATE evidence SET (date, kind) = (SELECT i.date, i.kind FROM interviews i WHERE i.id = evidence.interview_id)
WHERE EXISTS (SELECT 1 FROM interviews i WHERE i.id = evidence.interview_id
  AND (i.date IS NOT evidence.date OR i.kind IS NOT evidence.kind));

UPDATE interview_contacts SET (date, kind) = (SELECT i.date, i.kind FROM interviews i
  WHERE i.id = interview_contacts.interview_id)
WHERE EXISTS (SELECT 1 FROM interviews i WHERE i.id = interview_contacts.interview_id
  AND (i.date IS NOT interview_contacts.date OR i.kind IS NOT interview_contacts.kind));
