-- 0058_pain_hearings_added: a new pain, or a person joining a conversation, adds its own rows of
-- pain_hearings (0027) instead of deleting and making again the rows around it. SQLite compiles every
-- trigger a statement may fire when the statement is prepared, with the triggers those fire in turn,
-- and `pm log` prepares its pains' and people's inserts at every run: their DELETE made it compile
-- pain_hearings' delete triggers (0031's and 0052's recounts) for rows that cannot be there,
-- and the people's remade all the conversation's rows from the view (~0.3 + ~0.3 ms of CPU to prepare,
-- of every log; docs/performance.md, wave 13). Nothing is there to delete: a pain's rows went with it
-- (pain_hearings_after_pain_delete), and since 0048 a conversation has its kind before its people are
-- written (their rows copy it, checked), so a person joining changes no pain's own row. They add one
-- row a pain of the conversation when it is a customer one and they are a customer or prospect, as the
-- view's second half says. OR IGNORE: a row already there (a summary edited by hand, which pm doctor
-- names and repairs) is left as it is rather than refusing the write.
-- A journal set back to an older version runs this again.
DROP TRIGGER IF EXISTS pain_hearings_after_pain_insert;
DROP TRIGGER IF EXISTS pain_hearings_after_people_insert;

CREATE TRIGGER pain_hearings_after_pain_insert AFTER INSERT ON pains BEGIN
  INSERT OR IGNORE INTO pain_hearings SELECT * FROM pain_hearings_now
    WHERE interview_id = NEW.interview_id AND position = NEW.position;
END;

-- NEW's date, kind and customer are the interview's and the person's (0048, 0051's check)
CREATE TRIGGER pain_hearings_after_people_insert AFTER INSERT ON interview_contacts
WHEN NEW.kind = 'customer' AND NEW.customer = 1 BEGIN
  INSERT OR IGNORE INTO pain_hearings
    SELECT p.interview_id, p.position, NEW.contact_id, NEW.date, p.text, NEW.kind, NULL, NULL,
      (SELECT nullif(c.segment, '') FROM contacts c WHERE c.id = NEW.contact_id),
      CASE p.severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END
    FROM pains p WHERE p.interview_id = NEW.interview_id;
END;
