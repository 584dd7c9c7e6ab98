-- 0025_cold_accounts: the accounts by their latest customer conversation (kept by 0004), for the
-- report's accounts going cold (issue 18). The text and markdown views show the first ten and how
-- many there are; judging each of 6,001 accounts to count them cost the harsh 100k journal's report
-- ~2.7 ms. Those on the journal's cadence are going cold before one day, the same for all: a range
-- of the first index, counted without reading a row; the few with a cadence of their own are judged
-- from the second; those whose latest conversation is after a report's --as-of are looked up from
-- either (src/db/report.ts). Partial, as the statement asks; cadence_days in each so that it is
-- answered from the indexes alone. IF NOT EXISTS: a journal set back to an older version runs it
-- again.
CREATE INDEX IF NOT EXISTS accounts_by_last_direct ON accounts(last_direct, cadence_days) WHERE cadence_days IS NULL;
CREATE INDEX IF NOT EXISTS accounts_own_cadence ON accounts(last_direct, cadence_days) WHERE cadence_days IS NOT NULL;
