-- 0068_report_decided_late: the killed and invalidated hypotheses that a link dated after their
-- decision supports, latest decision first, from the entries the report keeps (0044, 0065: `flag` is
-- set exactly when such a link exists, as of any day). The standup page counts them and lists the
-- first ten: it looked up every killed hypothesis with any later link, one search into the evidence
-- each (870 of the harsh 100k bench journal, twice: once for the count), ~1.7 ms of CPU in a fresh
-- process, the most of any statement the harsh journal pays and today's 1k does not. With this index
-- the list is read in its order and only links dated after --as-of are looked up (src/db/report.ts,
-- lateKilled). An index only: report_decided's triggers keep it as they keep the table.
DROP INDEX IF EXISTS report_decided_late;
CREATE INDEX report_decided_late ON report_decided(decided_on DESC, hypothesis_id)
  WHERE list = 'killed' AND flag IS NOT NULL;
