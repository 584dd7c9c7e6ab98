-- 0007_journey_bets_basis: what a conversation adds up to (issue 17, second half). Why each change:
-- * interviews.stage: the customer's journey stage when we talked (a name from the setting
--   journey.stages, kept as text: the stages are the team's to rename), so that `pm coverage` can
--   say which stages we have not heard from;
-- * contacts.persona: who the person is (free text, "finance lead"), beside role and segment;
-- * evidence.basis: what a link rests on: `said` (the default: they told us), `did` (observed
--   behaviour, usage data) or `paid` (money or a signed commitment); confidence in a hypothesis
--   climbs with it;
-- * hypotheses.bet_until/bet_reason/bet_since: a conviction bet held against early evidence until a
--   deadline (all three set, or none); bets are few, so a partial index finds them without reading
--   every hypothesis;
-- * evidence_totals gains what confidence needs as of today, so that `pm report` and `pm hyp list`
--   still read one row per hypothesis: the refuting customers' accounts, and the strongest basis of
--   customer evidence each way (0 said, 1 did, 2 paid; null: no customer evidence that way). Its
--   view gains the same columns at the end (the triggers copy the view's rows whole), and the
--   trigger on evidence rows now also fires when a link's basis changes.

ALTER TABLE interviews ADD COLUMN stage TEXT;
ALTER TABLE contacts ADD COLUMN persona TEXT;

ALTER TABLE evidence ADD COLUMN basis TEXT NOT NULL DEFAULT 'said' CHECK (basis IN ('said', 'did', 'paid'));

ALTER TABLE hypotheses ADD COLUMN bet_until TEXT
  CHECK (bet_until IS NULL OR bet_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE hypotheses ADD COLUMN bet_reason TEXT;
ALTER TABLE hypotheses ADD COLUMN bet_since TEXT
  CHECK (bet_since IS NULL OR bet_since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
CREATE INDEX hypotheses_bets ON hypotheses(bet_until) WHERE bet_until IS NOT NULL;

ALTER TABLE evidence_totals ADD COLUMN accounts_refuting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence_totals ADD COLUMN basis_supporting INTEGER;  -- 0 said, 1 did, 2 paid; null: no customer link
ALTER TABLE evidence_totals ADD COLUMN basis_refuting INTEGER;

DROP VIEW evidence_totals_now;
-- reads evidence_customers: refresh that first
CREATE VIEW evidence_totals_now AS
  SELECT e.hypothesis_id,
    sum(e.kind = 'customer' AND e.direction = 'supports') AS supports, sum(e.kind = 'customer' AND e.direction = 'refutes') AS refutes,
    sum(e.kind <> 'customer' AND e.direction = 'supports') AS other_supports, sum(e.kind <> 'customer' AND e.direction = 'refutes') AS other_refutes,
    max(CASE WHEN e.kind = 'customer' THEN e.date END) AS last_evidence, max(e.date) AS last_date,
    (SELECT count(*) FROM evidence_customers ec WHERE ec.hypothesis_id = e.hypothesis_id AND ec.direction = 'supports') AS customers_supporting,
    (SELECT count(*) FROM evidence_customers ec WHERE ec.hypothesis_id = e.hypothesis_id AND ec.direction = 'refutes') AS customers_refuting,
    (SELECT count(DISTINCT ec.account_id) FROM evidence_customers ec WHERE ec.hypothesis_id = e.hypothesis_id AND ec.direction = 'supports') AS accounts_supporting,
    (SELECT count(DISTINCT ec.account_id) FROM evidence_customers ec WHERE ec.hypothesis_id = e.hypothesis_id AND ec.direction = 'refutes') AS accounts_refuting,
    max(CASE WHEN e.kind = 'customer' AND e.direction = 'supports' THEN CASE e.basis WHEN 'paid' THEN 2 WHEN 'did' THEN 1 ELSE 0 END END) AS basis_supporting,
    max(CASE WHEN e.kind = 'customer' AND e.direction = 'refutes' THEN CASE e.basis WHEN 'paid' THEN 2 WHEN 'did' THEN 1 ELSE 0 END END) AS basis_refuting
  FROM evidence e GROUP BY e.hypothesis_id;

DELETE FROM evidence_totals;
INSERT INTO evidence_totals SELECT * FROM evidence_totals_now;

DROP TRIGGER evidence_customers_after_evidence_update;
CREATE TRIGGER evidence_customers_after_evidence_update AFTER UPDATE OF date, kind, direction, basis ON evidence BEGIN
  DELETE FROM evidence_customers WHERE hypothesis_id = NEW.hypothesis_id;
  INSERT INTO evidence_customers SELECT * FROM evidence_customers_now WHERE hypothesis_id = NEW.hypothesis_id;
  DELETE FROM evidence_totals WHERE hypothesis_id = NEW.hypothesis_id;
  INSERT INTO evidence_totals SELECT * FROM evidence_totals_now WHERE hypothesis_id = NEW.hypothesis_id;
END;
