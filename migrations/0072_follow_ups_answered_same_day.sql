-- 0072_follow_ups_answered_same_day: a follow-up is answered by a later customer conversation with one of
-- its people (0028), and "later" was a later day only: the follow-up of a morning call answered by an
-- afternoon call with the same person, logged after it, stayed due on the standup page, in --json and
-- in pm show (fresh-eyes H15). Conversations are ordered by day, then by the order this journal logged
-- them (the local id: a teammate's call counts from when it arrived here; pm knows no hours): a
-- conversation of the same day logged after the asking one answers it, the asking one itself never.
-- The view keeps its columns; its seek, a range of the index on (contact_id, kind, date), whose
-- entries hold the interview's id next, now starts at (day, id). The triggers of a person's
-- conversations gained or lost recompute that person's follow-ups up to the conversation's day
-- included, where they stopped the day before. Every open follow-up's answer is computed again here;
-- pm doctor compares the table with the view. DROP first: a journal set back runs this again.
DROP VIEW IF EXISTS follow_up_answers_now;
CREATE VIEW follow_up_answers_now AS
  SELECT i.id AS interview_id,
    (SELECT min((SELECT min(l.date) FROM interview_contacts l
        WHERE l.contact_id = ic.contact_id AND l.kind = 'customer' AND (l.date, l.interview_id) > (i.date, i.id)))
      FROM interview_contacts ic WHERE ic.interview_id = i.id) AS answered_on,
    i.follow_up, i.date
  FROM interviews i WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0;

DROP TRIGGER IF EXISTS follow_up_answers_after_people_insert;
CREATE TRIGGER follow_up_answers_after_people_insert AFTER INSERT ON interview_contacts BEGIN
  UPDATE follow_up_answers SET answered_on = (SELECT v.answered_on FROM follow_up_answers_now v
    WHERE v.interview_id = follow_up_answers.interview_id)
  WHERE interview_id = NEW.interview_id OR NEW.kind = 'customer' AND interview_id IN (
    SELECT w.interview_id FROM interview_contacts w
    WHERE w.contact_id = NEW.contact_id AND w.kind IN ('customer', 'indirect', 'stakeholder', '') AND w.date <= NEW.date
      AND w.date >= coalesce((SELECT max(p.date) FROM interview_contacts p
        WHERE p.contact_id = NEW.contact_id AND p.kind = 'customer' AND p.date < NEW.date), ''));
END;

DROP TRIGGER IF EXISTS follow_up_answers_after_people_update;
CREATE TRIGGER follow_up_answers_after_people_update
AFTER UPDATE OF interview_id, contact_id, date, kind ON interview_contacts BEGIN
  UPDATE follow_up_answers SET answered_on = (SELECT v.answered_on FROM follow_up_answers_now v
    WHERE v.interview_id = follow_up_answers.interview_id)
  WHERE interview_id IN (OLD.interview_id, NEW.interview_id) OR OLD.kind = 'customer' AND interview_id IN (
    SELECT w.interview_id FROM interview_contacts w
    WHERE w.contact_id = OLD.contact_id AND w.kind IN ('customer', 'indirect', 'stakeholder', '') AND w.date <= OLD.date
      AND w.date >= coalesce((SELECT max(p.date) FROM interview_contacts p
        WHERE p.contact_id = OLD.contact_id AND p.kind = 'customer' AND p.date < OLD.date), ''))
    OR NEW.kind = 'customer' AND interview_id IN (
    SELECT w.interview_id FROM interview_contacts w
    WHERE w.contact_id = NEW.contact_id AND w.kind IN ('customer', 'indirect', 'stakeholder', '') AND w.date <= NEW.date
      AND w.date >= coalesce((SELECT max(p.date) FROM interview_contacts p
        WHERE p.contact_id = NEW.contact_id AND p.kind = 'customer' AND p.date < NEW.date), ''));
END;

DROP TRIGGER IF EXISTS follow_up_answers_after_people_delete;
CREATE TRIGGER follow_up_answers_after_people_delete AFTER DELETE ON interview_contacts BEGIN
  UPDATE follow_up_answers SET answered_on = (SELECT v.answered_on FROM follow_up_answers_now v
    WHERE v.interview_id = follow_up_answers.interview_id)
  WHERE interview_id = OLD.interview_id OR OLD.kind = 'customer' AND interview_id IN (
    SELECT w.interview_id FROM interview_contacts w
    WHERE w.contact_id = OLD.contact_id AND w.kind IN ('customer', 'indirect', 'stakeholder', '') AND w.date <= OLD.date
      AND w.date >= coalesce((SELECT max(p.date) FROM interview_contacts p
        WHERE p.contact_id = OLD.contact_id AND p.kind = 'customer' AND p.date < OLD.date), ''));
END;

UPDATE follow_up_answers SET answered_on = (SELECT v.answered_on FROM follow_up_answers_now v
  WHERE v.interview_id = follow_up_answers.interview_id);
