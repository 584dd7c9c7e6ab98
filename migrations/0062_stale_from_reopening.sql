-- 0062_stale_from_reopening: a reopened hypothesis is made again (fresh-eyes wave 13 H11): its stale
-- clock starts at the reopening, as its decide-by does, where one reopened today with a fresh
-- --decide-by +1w was stale (actionable, --check exit 3) that very day for the weeks since its last
-- evidence before the kill. An open hypothesis's decision day (hypotheses.decided_on, copied here by
-- 0036) is its latest reopening, so src/db/report.ts's openFlags reads it; the partial index of open
-- hypotheses (0036) gains it so that the report's flags are still read from that index alone.
DROP INDEX IF EXISTS hypothesis_links_open;
CREATE INDEX hypothesis_links_open ON hypothesis_links(hypothesis_id, created_on, decide_by, last_evidence,
  last_link, customers_supporting, accounts_supporting, customers_refuting, decided_on, status) WHERE status = 'open';
