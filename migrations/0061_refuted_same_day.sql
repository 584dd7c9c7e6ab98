-- 0061_refuted_same_day: a customer refuting a hypothesis on the day it was validated
-- raises evidence-after-validate, as one refuting it any later day does (fresh-eyes wave 13 H5). The
-- rule was "dated after the validation day", so a validation in the morning standup and a refuting
-- call that afternoon were never flagged, alone or across pm sync. Evidence now counts when it is
-- dated after the validation, or dated that day and its interview logged after the validating
-- outcome: interviews' and outcomes' UUIDs are version 7 (time-ordered, kept by sync and import), so
-- their order is the order they were logged on every device. This makes again the report's kept
-- entries (0044) with that rule, and widens 0036's partial index of validated hypotheses refuted
-- since to those whose latest refuting link is on the validation day, which src/db/report.ts looks
-- up one by one (few hypotheses are validated and refuted on one day). src/db/hypothesis-stats.ts
-- (loggedAfterSql) and src/core/hypotheses.ts (loggedAfter) write the same rule.

DROP VIEW IF EXISTS report_decided_now;

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
      "message": "H%d was validated on %s, but customer evidence logged after refutes it (%s): reopen it (pm hyp reopen H%d --reason \"…\")"
    }', id, id, decided_on, late, id)
  FROM (
    SELECT h.id, h.statement, h.decided_on,
      (SELECT group_concat(x, ', ') FROM (SELECT 'I' || e.interview_id AS x FROM evidence e
        WHERE e.hypothesis_id = h.id AND e.date >= h.decided_on AND e.direction = 'refutes' AND e.kind = 'customer'
          AND (e.date > h.decided_on OR (SELECT i.uuid FROM interviews i WHERE i.id = e.interview_id) >
            (SELECT o.uuid FROM outcomes o WHERE o.hypothesis_id = h.id AND o.date = h.decided_on
              ORDER BY o.id DESC LIMIT 1))
        ORDER BY e.date, e.interview_id LIMIT -1)) AS late
    FROM hypotheses h
    WHERE h.status = 'validated')
  WHERE late IS NOT NULL;

DELETE FROM report_decided;
INSERT INTO report_decided SELECT * FROM report_decided_now;

DROP INDEX IF EXISTS hypothesis_links_refuted;
-- validated hypotheses with customer evidence refuting them dated on or after the validation day
CREATE INDEX hypothesis_links_refuted ON hypothesis_links(decided_on DESC, hypothesis_id, last_refuted, status)
  WHERE status = 'validated' AND last_refuted >= decided_on;
