-- 0036_hypothesis_link_facts: a row a hypothesis with its status and days and what its links say,
-- kept by triggers (issue 18), so that the report's lists of hypotheses are read from partial
-- indexes alone. The standup page counts the open hypotheses by their flags, the killed ones that
-- links dated after their decision still point to and the validated ones that customers refuted
-- since: it joined each open, killed or validated hypothesis to its evidence totals (0003), and for
-- the validated ones scanned their links, ~3.4 ms of SQL in a fresh process on the harsh 100k bench
-- journal (1,590 open, 930 killed, ~600 validated), ~0.6 on today's 1k. Here the latest link (any
-- kind), the latest customer link refuting it and the counts the flags are judged from (copied from
-- evidence_totals) sit beside the status and days (copied from hypotheses), and three partial
-- indexes hold each list in the page's order: a count and the first rows. The facts hold as of any
-- day on or after the latest link (as the totals do); a report as of an earlier day looks the links
-- up (src/db/report.ts). A table of its own rather than columns of hypotheses: a journal set back to
-- an older version runs this again. The view computes it from scratch (pm doctor compares, pm import
-- and sync rebuild it once after a bulk write: src/db/summaries.ts). evidence_totals is written by
-- 0003's triggers as a delete and an insert of a hypothesis's row at every change of its links.

DROP TRIGGER IF EXISTS hypothesis_links_after_insert;
DROP TRIGGER IF EXISTS hypothesis_links_after_update;
DROP TRIGGER IF EXISTS hypothesis_links_after_delete;
DROP TRIGGER IF EXISTS hypothesis_links_after_totals_insert;
DROP TRIGGER IF EXISTS hypothesis_links_after_totals_delete;
DROP VIEW IF EXISTS hypothesis_links_now;
DROP TABLE IF EXISTS hypothesis_links;

CREATE TABLE hypothesis_links (
  hypothesis_id INTEGER PRIMARY KEY REFERENCES hypotheses(id) ON DELETE CASCADE,
  status        TEXT NOT NULL,
  created_on    TEXT NOT NULL,
  decide_by     TEXT NOT NULL,
  decided_on    TEXT,
  last_link     TEXT,  -- the latest link's date, whatever its kind
  last_refuted  TEXT,  -- the latest customer-contact link refuting it
  last_evidence TEXT,  -- the latest customer-contact link's date
  customers_supporting INTEGER NOT NULL,
  accounts_supporting  INTEGER NOT NULL,
  customers_refuting   INTEGER NOT NULL
) STRICT;

CREATE VIEW hypothesis_links_now AS
  SELECT h.id AS hypothesis_id, h.status, h.created_on, h.decide_by, h.decided_on, t.last_date AS last_link,
    (SELECT max(e.date) FROM evidence e WHERE e.hypothesis_id = h.id AND e.direction = 'refutes'
      AND e.kind = 'customer') AS last_refuted,
    t.last_evidence, coalesce(t.customers_supporting, 0) AS customers_supporting,
    coalesce(t.accounts_supporting, 0) AS accounts_supporting, coalesce(t.customers_refuting, 0) AS customers_refuting
  FROM hypotheses h LEFT JOIN evidence_totals t ON t.hypothesis_id = h.id;

INSERT INTO hypothesis_links SELECT * FROM hypothesis_links_now;

-- the open hypotheses by id with what their flags are judged from (src/db/report.ts, openFlags)
CREATE INDEX hypothesis_links_open ON hypothesis_links(hypothesis_id, created_on, decide_by, last_evidence,
  last_link, customers_supporting, accounts_supporting, customers_refuting, status) WHERE status = 'open';
-- killed and invalidated hypotheses with a link dated after their decision, latest decision first
CREATE INDEX hypothesis_links_late ON hypothesis_links(decided_on DESC, hypothesis_id, last_link, created_on,
  status) WHERE status IN ('killed', 'invalidated') AND last_link > decided_on;
-- validated hypotheses with customer evidence refuting them dated after the validation, latest first
CREATE INDEX hypothesis_links_refuted ON hypothesis_links(decided_on DESC, hypothesis_id, last_refuted, status)
  WHERE status = 'validated' AND last_refuted > decided_on;

CREATE TRIGGER hypothesis_links_after_insert AFTER INSERT ON hypotheses BEGIN
  INSERT OR REPLACE INTO hypothesis_links SELECT * FROM hypothesis_links_now WHERE hypothesis_id = NEW.id;
END;

CREATE TRIGGER hypothesis_links_after_update AFTER UPDATE OF status, created_on, decide_by, decided_on ON hypotheses
BEGIN
  UPDATE hypothesis_links SET (status, created_on, decide_by, decided_on) =
    (NEW.status, NEW.created_on, NEW.decide_by, NEW.decided_on)
  WHERE hypothesis_id = NEW.id;
END;

CREATE TRIGGER hypothesis_links_after_delete AFTER DELETE ON hypotheses BEGIN
  DELETE FROM hypothesis_links WHERE hypothesis_id = OLD.id;
END;

CREATE TRIGGER hypothesis_links_after_totals_insert AFTER INSERT ON evidence_totals BEGIN
  UPDATE hypothesis_links SET (last_link, last_refuted, last_evidence, customers_supporting, accounts_supporting,
      customers_refuting) = (NEW.last_date, (SELECT max(e.date) FROM evidence e WHERE e.hypothesis_id = NEW.hypothesis_id
      AND e.direction = 'refutes' AND e.kind = 'customer'), NEW.last_evidence, NEW.customers_supporting,
      NEW.accounts_supporting, NEW.customers_refuting)
  WHERE hypothesis_id = NEW.hypothesis_id;
END;

CREATE TRIGGER hypothesis_links_after_totals_delete AFTER DELETE ON evidence_totals BEGIN
  UPDATE hypothesis_links SET (last_link, last_refuted, last_evidence, customers_supporting, accounts_supporting,
      customers_refuting) = (NULL, NULL, NULL, 0, 0, 0)
  WHERE hypothesis_id = OLD.hypothesis_id;
END;
