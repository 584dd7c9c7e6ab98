-- 0054_accounts_going_cold: the accounts on the journal's cadence by their latest customer
-- conversation, then by name as the report orders names, with their segment (issue 18). `pm report
-- --json` lists every account going cold (3,498 of 6,001 on the harsh 100k bench journal), oldest
-- contact first, then by name: each account's wide row was read and judged, and those going cold
-- sorted. Those on the journal's cadence (all but a few hundred) are going cold when their kept latest
-- contact is before one day, so they are a range of this index, read in order with all the list shows
-- of them; only the others are judged and sorted, and merged in: the statement ~9 -> ~6.4 ms of CPU in
-- a fresh connection on the harsh 100k. cadence_days, though always NULL here: SQLite reads a partial
-- index's rows alone only when it holds the columns of its WHERE. IF NOT EXISTS: a journal set back to
-- an older version runs it again.
CREATE INDEX IF NOT EXISTS accounts_going_cold ON accounts(last_direct, name COLLATE BINARY, segment, cadence_days)
  WHERE cadence_days IS NULL;
