-- 0005_kind_view: the rule that makes an interview customer contact, a second-hand signal or a
-- stakeholder meeting was written out in each of the five kind triggers of 0001, and again in
-- `pm import`. It is now one view, interviews_kind_now, that the triggers, the import's rebuild and
-- `pm doctor`'s check all read. Likewise the copy of an interview's date and kind on its evidence
-- rows (0002) gets its view, so that every trigger-kept summary has a `_now` view that computes it
-- from scratch (src/db/summaries.ts lists them). No data changes: the kept values are already these.

CREATE VIEW interviews_kind_now AS
  SELECT i.id AS interview_id, CASE
      WHEN i.channel IN ('support', 'sales', 'review', 'survey') THEN 'indirect'
      WHEN EXISTS (SELECT 1 FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
                   WHERE ic.interview_id = i.id AND c.role IN ('customer', 'prospect')) THEN 'customer'
      ELSE 'stakeholder' END AS kind
  FROM interviews i;

DROP TRIGGER interviews_kind_after_insert;
CREATE TRIGGER interviews_kind_after_insert AFTER INSERT ON interviews BEGIN
  UPDATE interviews SET kind = (SELECT v.kind FROM interviews_kind_now v WHERE v.interview_id = interviews.id)
  WHERE id = NEW.id;
END;

DROP TRIGGER interviews_kind_after_channel;
CREATE TRIGGER interviews_kind_after_channel AFTER UPDATE OF channel ON interviews BEGIN
  UPDATE interviews SET kind = (SELECT v.kind FROM interviews_kind_now v WHERE v.interview_id = interviews.id)
  WHERE id = NEW.id;
END;

DROP TRIGGER interview_contacts_kind_after_insert;
CREATE TRIGGER interview_contacts_kind_after_insert AFTER INSERT ON interview_contacts BEGIN
  UPDATE interviews SET kind = (SELECT v.kind FROM interviews_kind_now v WHERE v.interview_id = interviews.id)
  WHERE id = NEW.interview_id;
END;

DROP TRIGGER interview_contacts_kind_after_delete;
CREATE TRIGGER interview_contacts_kind_after_delete AFTER DELETE ON interview_contacts BEGIN
  UPDATE interviews SET kind = (SELECT v.kind FROM interviews_kind_now v WHERE v.interview_id = interviews.id)
  WHERE id = OLD.interview_id;
END;

DROP TRIGGER contacts_kind_after_role;
CREATE TRIGGER contacts_kind_after_role AFTER UPDATE OF role ON contacts BEGIN
  UPDATE interviews SET kind = (SELECT v.kind FROM interviews_kind_now v WHERE v.interview_id = interviews.id)
  WHERE id IN (SELECT interview_id FROM interview_contacts WHERE contact_id = NEW.id);
END;

-- each evidence row's copy of its interview's date and kind (kept by the triggers of 0002)
CREATE VIEW evidence_interview_now AS
  SELECT e.hypothesis_id, e.interview_id, i.date, i.kind
  FROM evidence e JOIN interviews i ON i.id = e.interview_id;

DROP TRIGGER evidence_copy_after_insert;
CREATE TRIGGER evidence_copy_after_insert AFTER INSERT ON evidence BEGIN
  UPDATE evidence SET (date, kind) = (SELECT v.date, v.kind FROM evidence_interview_now v
    WHERE v.hypothesis_id = NEW.hypothesis_id AND v.interview_id = NEW.interview_id)
  WHERE hypothesis_id = NEW.hypothesis_id AND interview_id = NEW.interview_id;
END;
