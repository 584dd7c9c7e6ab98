-- 0028_follow_up_answers: each open follow-up's answer, kept by triggers (issue 18). A follow-up
-- stops being due once a later customer conversation includes one of its people (issue 15): asked
-- by the report of every open follow-up, one seek per person present (contacts' kept latest
-- customer conversation, 0018/0022, else interview_contacts by person, kind and date, 0013); on the
-- harsh 100k journal, 1,718 open follow-ups, ~2.9 ms to count the 692 due and ~1 ms for the first
-- ten. Kept here: the day of the first customer conversation after it that one of its people was in
-- (NULL: none yet). A follow-up is answered as of a day when that day is on or after it, so the
-- report reads the kept day for any --as-of (~0.2 ms for the count). Rows only for open follow-ups
-- (follow_up set, not done), as the view computes them; src/db/summaries.ts lists the summary
-- (pm doctor checks it, pm import and sync rebuild it). What can change an answer: a follow-up's
-- own day, its follow-up or its people; and a customer conversation gained or lost by one of its
-- people, which changes only the follow-ups of that person dated from the person's previous
-- customer conversation up to it (those before are answered by that one): the triggers recompute
-- those, each from the view, by the index on (contact_id, kind, date). IF NOT EXISTS: a journal set
-- back to an older version runs it again.
CREATE TABLE IF NOT EXISTS follow_up_answers (
  interview_id INTEGER PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
  answered_on  TEXT
) STRICT;

CREATE VIEW IF NOT EXISTS follow_up_answers_now AS
  SELECT i.id AS interview_id,
    (SELECT min((SELECT min(l.date) FROM interview_contacts l
        WHERE l.contact_id = ic.contact_id AND l.kind = 'customer' AND l.date > i.date))
      FROM interview_contacts ic WHERE ic.interview_id = i.id) AS answered_on
  FROM interviews i WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0;

DELETE FROM follow_up_answers;
INSERT INTO follow_up_answers SELECT * FROM follow_up_answers_now;

CREATE TRIGGER IF NOT EXISTS follow_up_answers_after_interview_insert AFTER INSERT ON interviews
WHEN NEW.follow_up IS NOT NULL AND NEW.follow_up_done = 0 BEGIN
  INSERT OR REPLACE INTO follow_up_answers SELECT * FROM follow_up_answers_now WHERE interview_id = NEW.id;
END;

CREATE TRIGGER IF NOT EXISTS follow_up_answers_after_interview_update
AFTER UPDATE OF date, follow_up, follow_up_done ON interviews BEGIN
  DELETE FROM follow_up_answers WHERE interview_id = OLD.id;
  INSERT OR REPLACE INTO follow_up_answers SELECT * FROM follow_up_answers_now WHERE interview_id = NEW.id;
END;

CREATE TRIGGER IF NOT EXISTS follow_up_answers_after_interview_delete AFTER DELETE ON interviews BEGIN
  DELETE FROM follow_up_answers WHERE interview_id = OLD.id;
END;

-- who was in a conversation, or its copy of the conversation's date and kind, changed: its own
-- follow-up, and for a customer conversation the person's follow-ups since their previous one. A
-- person added to a conversation comes here too: 0013's trigger copies the date and kind onto the
-- new row at once, an update of them.
CREATE TRIGGER IF NOT EXISTS follow_up_answers_after_people_update
AFTER UPDATE OF interview_id, contact_id, date, kind ON interview_contacts BEGIN
  UPDATE follow_up_answers SET answered_on = (SELECT v.answered_on FROM follow_up_answers_now v
    WHERE v.interview_id = follow_up_answers.interview_id)
  WHERE interview_id IN (OLD.interview_id, NEW.interview_id) OR OLD.kind = 'customer' AND interview_id IN (
    SELECT w.interview_id FROM interview_contacts w
    WHERE w.contact_id = OLD.contact_id AND w.kind IN ('customer', 'indirect', 'stakeholder', '') AND w.date < OLD.date
      AND w.date >= coalesce((SELECT max(p.date) FROM interview_contacts p
        WHERE p.contact_id = OLD.contact_id AND p.kind = 'customer' AND p.date < OLD.date), ''))
    OR NEW.kind = 'customer' AND interview_id IN (
    SELECT w.interview_id FROM interview_contacts w
    WHERE w.contact_id = NEW.contact_id AND w.kind IN ('customer', 'indirect', 'stakeholder', '') AND w.date < NEW.date
      AND w.date >= coalesce((SELECT max(p.date) FROM interview_contacts p
        WHERE p.contact_id = NEW.contact_id AND p.kind = 'customer' AND p.date < NEW.date), ''));
END;

CREATE TRIGGER IF NOT EXISTS follow_up_answers_after_people_delete AFTER DELETE ON interview_contacts BEGIN
  UPDATE follow_up_answers SET answered_on = (SELECT v.answered_on FROM follow_up_answers_now v
    WHERE v.interview_id = follow_up_answers.interview_id)
  WHERE interview_id = OLD.interview_id OR OLD.kind = 'customer' AND interview_id IN (
    SELECT w.interview_id FROM interview_contacts w
    WHERE w.contact_id = OLD.contact_id AND w.kind IN ('customer', 'indirect', 'stakeholder', '') AND w.date < OLD.date
      AND w.date >= coalesce((SELECT max(p.date) FROM interview_contacts p
        WHERE p.contact_id = OLD.contact_id AND p.kind = 'customer' AND p.date < OLD.date), ''));
END;
