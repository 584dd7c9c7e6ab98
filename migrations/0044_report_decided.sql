-- 0044_report_decided: the entries of `pm report --json`'s killed and refuted-since-validated lists,
-- each as the JSON text the report prints, kept by triggers (issue 18). JSON is complete: every
-- killed or invalidated hypothesis with the links dated after its decision, every validated one that
-- customers refuted since, each with its flag. Made at every report by format() and json_quote from
-- the hypotheses, their latest outcomes and their late links, they were ~5 ms of CPU of ~45 in the
-- statements of today's 100k bench journal (986 killed) and ~11 of the harsh 100k's (930 killed,
-- 375 refuted); here they are written once, when a hypothesis, its outcome or its links change, and
-- read back in the list's order. Neither list counts days to --as-of, so the text holds as of any
-- day on or after the latest outcome and the latest link of a decided hypothesis; a report as of an
-- earlier day makes them as before (src/db/report-json.ts, which test/unit/report-json.test.ts holds
-- these to). The view computes the table from scratch (pm doctor compares, pm import and sync
-- rebuild it once after a bulk write: src/db/summaries.ts). A journal set back to an older version
-- runs this again.

DROP TRIGGER IF EXISTS report_decided_after_insert;
DROP TRIGGER IF EXISTS report_decided_after_update;
DROP TRIGGER IF EXISTS report_decided_after_delete;
DROP TRIGGER IF EXISTS report_decided_after_outcome_update;
DROP TRIGGER IF EXISTS report_decided_after_link_insert;
DROP TRIGGER IF EXISTS report_decided_after_link_update;
DROP TRIGGER IF EXISTS report_decided_after_link_delete;
DROP VIEW IF EXISTS report_decided_now;
DROP TABLE IF EXISTS report_decided;

CREATE TABLE report_decided (
  hypothesis_id INTEGER PRIMARY KEY REFERENCES hypotheses(id) ON DELETE CASCADE,
  list       TEXT NOT NULL CHECK (list IN ('killed', 'refuted')),
  date       TEXT,  -- the list's order: killed by the latest outcome's day, refuted by the validation's
  decided_on TEXT,
  entry      TEXT NOT NULL,  -- the list's entry, as JSON at its place in the document
  flag       TEXT            -- the flag it raises (evidence-after-kill, evidence-after-validate) or NULL
) STRICT;

CREATE VIEW report_decided_now AS
  SELECT id AS hypothesis_id, 'killed' AS list, date, decided_on,
    format('{
        "id": %s,
        "statement": %s,
        "outcome": %s,
        "date": %s,
        "reason": %s,
        "flags": %s,
        "evidenceAfter": %s
      }', json_quote('H' || id), json_quote(statement), json_quote(status), json_quote(coalesce(date, '')),
      json_quote(coalesce(reason, '')), CASE WHEN late IS NULL THEN '[]' ELSE '[
          "evidence-after-kill"
        ]' END, CASE WHEN late IS NULL THEN '[]' ELSE '[
          "' || replace(late, ', ', '",
          "') || '"
        ]' END) AS entry,
    CASE WHEN late IS NOT NULL THEN format('{
      "kind": "evidence-after-kill",
      "subject": "H%d",
      "message": "H%d was %s on %s, but %s dated after still %s to it: reopen it, or unlink"
    }', id, id, status, coalesce(date, ''), late, CASE WHEN instr(late, ',') THEN 'link' ELSE 'links' END) END AS flag
  FROM (
    SELECT h.id, h.statement, h.status, h.decided_on, o.date, o.reason,
      (SELECT group_concat(x, ', ') FROM (SELECT 'I' || e.interview_id AS x FROM evidence e
        WHERE e.hypothesis_id = h.id AND e.date > h.decided_on ORDER BY e.date, e.interview_id LIMIT -1)) AS late
    FROM hypotheses h
      CROSS JOIN outcomes o ON o.id = (SELECT o2.id FROM outcomes o2 WHERE o2.hypothesis_id = h.id
        ORDER BY o2.date DESC, o2.id DESC LIMIT 1)
    WHERE h.status IN ('killed', 'invalidated'))
  UNION ALL
  SELECT id, 'refuted', decided_on, decided_on,
    format('{
        "id": %s,
        "statement": %s,
        "validatedOn": %s,
        "flags": %s,
        "evidenceAfter": %s
      }', json_quote('H' || id), json_quote(statement), json_quote(decided_on), '[
          "evidence-after-validate"
        ]', '[
          "' || replace(late, ', ', '",
          "') || '"
        ]'),
    format('{
      "kind": "evidence-after-validate",
      "subject": "H%d",
      "message": "H%d was validated on %s, but customer evidence dated after refutes it (%s): reopen it (pm hyp reopen H%d --reason \"…\")"
    }', id, id, decided_on, late, id)
  FROM (
    SELECT h.id, h.statement, h.decided_on,
      (SELECT group_concat(x, ', ') FROM (SELECT 'I' || e.interview_id AS x FROM evidence e
        WHERE e.hypothesis_id = h.id AND e.date > h.decided_on AND e.direction = 'refutes' AND e.kind = 'customer'
        ORDER BY e.date, e.interview_id LIMIT -1)) AS late
    FROM hypotheses h
    WHERE h.status = 'validated')
  WHERE late IS NOT NULL;

INSERT INTO report_decided SELECT * FROM report_decided_now;

-- each list in its order, as the report reads it
CREATE INDEX report_decided_order ON report_decided(list, date DESC, decided_on DESC, hypothesis_id);

-- a hypothesis's entry made again when it, its latest outcome or its links change: the outcomes'
-- inserts and deletes set its status and decision day (0001), which the update below sees; a link's
-- day is copied to it by an update after its insert (0002)
CREATE TRIGGER report_decided_after_insert AFTER INSERT ON hypotheses BEGIN
  INSERT OR REPLACE INTO report_decided SELECT * FROM report_decided_now WHERE hypothesis_id = NEW.id;
END;

CREATE TRIGGER report_decided_after_update AFTER UPDATE OF statement, status, decided_on ON hypotheses BEGIN
  DELETE FROM report_decided WHERE hypothesis_id = NEW.id;
  INSERT INTO report_decided SELECT * FROM report_decided_now WHERE hypothesis_id = NEW.id;
END;

CREATE TRIGGER report_decided_after_delete AFTER DELETE ON hypotheses BEGIN
  DELETE FROM report_decided WHERE hypothesis_id = OLD.id;
END;

CREATE TRIGGER report_decided_after_outcome_update AFTER UPDATE ON outcomes BEGIN
  DELETE FROM report_decided WHERE hypothesis_id IN (OLD.hypothesis_id, NEW.hypothesis_id);
  INSERT INTO report_decided SELECT * FROM report_decided_now
    WHERE hypothesis_id IN (OLD.hypothesis_id, NEW.hypothesis_id);
END;

-- a link to an open hypothesis changes no entry
CREATE TRIGGER report_decided_after_link_insert AFTER INSERT ON evidence
WHEN (SELECT status FROM hypotheses WHERE id = NEW.hypothesis_id) <> 'open' BEGIN
  DELETE FROM report_decided WHERE hypothesis_id = NEW.hypothesis_id;
  INSERT INTO report_decided SELECT * FROM report_decided_now WHERE hypothesis_id = NEW.hypothesis_id;
END;

CREATE TRIGGER report_decided_after_link_update AFTER UPDATE OF hypothesis_id, interview_id, date, direction, kind
ON evidence WHEN (SELECT status FROM hypotheses WHERE id IN (OLD.hypothesis_id, NEW.hypothesis_id)
  AND status <> 'open') IS NOT NULL BEGIN
  DELETE FROM report_decided WHERE hypothesis_id IN (OLD.hypothesis_id, NEW.hypothesis_id);
  INSERT INTO report_decided SELECT * FROM report_decided_now
    WHERE hypothesis_id IN (OLD.hypothesis_id, NEW.hypothesis_id);
END;

CREATE TRIGGER report_decided_after_link_delete AFTER DELETE ON evidence
WHEN (SELECT status FROM hypotheses WHERE id = OLD.hypothesis_id) <> 'open' BEGIN
  DELETE FROM report_decided WHERE hypothesis_id = OLD.hypothesis_id;
  INSERT INTO report_decided SELECT * FROM report_decided_now WHERE hypothesis_id = OLD.hypothesis_id;
END;
