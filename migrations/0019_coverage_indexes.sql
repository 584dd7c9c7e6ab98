-- 0019_coverage_indexes: two indexes for the lists `pm coverage` shows whatever the window (issue
-- 18). Every persona of a customer or prospect, and every segment with its accounts and latest
-- customer conversation (also the report's segment-silent), were found by reading every contact and
-- every account: ~4 ms each on a journal of 12,000 contacts and 6,000 accounts, ~0.6 and ~1.2 ms
-- with these. Partial, as their statements ask (src/db/coverage.ts): the personas of customers and
-- prospects not erased; the segments of accounts not switched off, trimmed and case-insensitively,
-- with each account's latest customer conversation (0004) beside it, so the segments are counted
-- from the index alone. IF NOT EXISTS: a journal set back to an older version runs it again.
CREATE INDEX IF NOT EXISTS contacts_by_persona ON contacts(persona COLLATE NOCASE)
  WHERE persona IS NOT NULL AND role IN ('customer', 'prospect') AND forgotten = 0;
CREATE INDEX IF NOT EXISTS accounts_by_segment ON accounts(trim(segment) COLLATE NOCASE, last_direct, segment)
  WHERE segment IS NOT NULL AND trim(segment) <> '' AND cadence_days IS NOT 0;
