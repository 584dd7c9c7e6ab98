-- 0071_follow_up_answers_due: each open follow-up's answer (0028) carries copies of its follow-up day
-- and its conversation's day, indexed with the answer's day. The standup page counts the follow-ups due
-- and unanswered as of --as-of ("692 follow-ups due"): read from the open follow-ups' index on
-- interviews, each was sought in follow_up_answers for its answer, ~0.4 ms of the harsh 100k journal's
-- 1,458 in a fresh process (today's 1k: 0.04). From the index below alone, a range of it. The copies
-- are the view's, so 0028's triggers, which write a follow-up's row from the view whenever its day,
-- follow-up or people change, keep them; src/db/summaries.ts's entry (pm doctor, import and sync)
-- compares and rebuilds the whole row. A journal set back to an older version runs this again (the
-- columns dropped first: dropFollowUpDue).
ALTER TABLE follow_up_answers ADD COLUMN follow_up TEXT;
ALTER TABLE follow_up_answers ADD COLUMN date TEXT;

DROP VIEW IF EXISTS follow_up_answers_now;
CREATE VIEW follow_up_answers_now AS
  SELECT i.id AS interview_id,
    (SELECT min((SELECT min(l.date) FROM interview_contacts l
        WHERE l.contact_id = ic.contact_id AND l.kind = 'customer' AND l.date > i.date))
      FROM interview_contacts ic WHERE ic.interview_id = i.id) AS answered_on,
    i.follow_up, i.date
  FROM interviews i WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0;

UPDATE follow_up_answers SET (follow_up, date) = (SELECT i.follow_up, i.date FROM interviews i
  WHERE i.id = follow_up_answers.interview_id);

CREATE INDEX follow_up_answers_due ON follow_up_answers(follow_up, date, answered_on);
