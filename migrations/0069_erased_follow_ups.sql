-- 0069_erased_follow_ups: since wave 16 pm forget drops the open follow-ups of conversations with no
-- one living left in them (src/db/forget.ts): the standup asked every morning to contact a person who
-- asked to be forgotten, whom pm log refuses. Erasures made before kept theirs (review wave 16 R7):
-- this drops them once, the same rule, for conversations holding at least one erased person and no
-- living one (one with no people at all, a signal from a source, keeps its follow-up). Each journal
-- drops its own as it upgrades, tracking standing aside as it does while applying a teammate's
-- changes: no new version of the conversations is made, so nothing is pushed that could take the
-- place of a teammate's later edit of them. Run again (a journal set back), it finds none.
UPDATE sync_clock SET tracking = 0;
UPDATE interviews SET follow_up = NULL
WHERE follow_up IS NOT NULL AND follow_up_done = 0
  AND EXISTS (SELECT 1 FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
    WHERE ic.interview_id = interviews.id AND c.forgotten = 1)
  AND NOT EXISTS (SELECT 1 FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
    WHERE ic.interview_id = interviews.id AND c.forgotten = 0);
UPDATE sync_clock SET tracking = 1;
