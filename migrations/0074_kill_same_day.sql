-- 0074_kill_same_day: a link supporting a killed or invalidated hypothesis on the decision's day, its
-- conversation logged after the decision, raises evidence-after-kill, as a customer refuting a validation
-- that way raises evidence-after-validate (0061; fresh-eyes wave 18 H13). The kill's rule was "dated
-- after the decision's day", so a kill in the morning standup and a call that afternoon supporting the
-- idea were never flagged, where the same afternoon call refuting a morning validation was. One rule now
-- for both: dated after the decision's day, or that day and its interview's UUID (version 7,
-- time-ordered, kept by sync and import) after the deciding outcome's; a call logged before a decision
-- dated back to its day still raises nothing. The message says "logged after", as the validation's does.
-- This makes again the report's kept entries (0044) with that rule; the triggers that keep them read
-- this view and stay as they are (a link's insert or edit, an outcome's, already make its entry again),
-- so no write pays more than it did. The refuted list is as 0061 wrote it. src/core/hypotheses.ts
-- (afterDecision, loggedAfter), src/db/hypothesis-stats.ts (loggedAfterSql), src/db/report.ts,
-- report-json.ts and hypotheses.ts (withDecidedFlags) write the same rule.

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
      "message": "H%d was %s on %s, but %s logged after %s it: reopen it, or unlink"
    }', id, id, status, coalesce(date, ''), late, CASE WHEN instr(late, ',') THEN 'support' ELSE 'supports' END) END AS flag
  FROM (
    SELECT h.id, h.statement, h.status, h.decided_on, o.date, o.reason,
      (SELECT group_concat(x, ', ') FROM (SELECT 'I' || e.interview_id AS x FROM evidence e
        WHERE e.hypothesis_id = h.id AND e.date >= h.decided_on AND e.direction = 'supports'
          AND (e.date > h.decided_on OR (SELECT i.uuid FROM interviews i WHERE i.id = e.interview_id) >
            (SELECT o.uuid FROM outcomes o WHERE o.hypothesis_id = h.id AND o.date = h.decided_on
              ORDER BY o.id DESC LIMIT 1))
        ORDER BY e.date, e.interview_id LIMIT -1)) AS late
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
