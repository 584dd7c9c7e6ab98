-- 0039_evidence_by_date: each hypothesis's links in the order of their days (issue 18). `pm report
-- --json` lists, for each killed or invalidated hypothesis, the links dated after its decision, and
-- for each validated one the customer links refuting it since, in date order: from the table's
-- primary key (hypothesis, interview) that read every link of each of ~900 hypotheses and sorted
-- them, one temporary sort a hypothesis (the harsh 100k bench journal: 6,381 late links of 930
-- killed). This index holds them by day, with the columns those lists ask for, so each list is a
-- range of it read in order: the two statements ~17 -> ~13 and ~7 -> ~6 ms of CPU in a fresh
-- process on the harsh 100k (load ~15). IF NOT EXISTS: a journal set back to an older version runs
-- it again.
CREATE INDEX IF NOT EXISTS evidence_by_date ON evidence(hypothesis_id, date, interview_id, direction, kind);
