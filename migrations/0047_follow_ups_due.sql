-- 0047_follow_ups_due: the open follow-ups in the order `pm report` lists them, with what each entry
-- shows of its conversation (issue 18). `pm report --json` lists every follow-up due (692 of 1,718
-- open ones on the harsh 100k bench journal): found through interviews_follow_up_open (0028), each
-- was read from its conversation's row, on pages scattered across the table, and sorted by day and
-- id after: ~4.9 ms of CPU of the statement's ~6.3 in a fresh connection, ~1.9 of ~2.2 on today's
-- 100k. From this index alone, in order, ~2.6 and ~1.3. Partial like 0028's, so it holds only the
-- open follow-ups; that one stays for the counts, which read its narrower rows. IF NOT EXISTS: a
-- journal set back to an older version runs it again.
CREATE INDEX IF NOT EXISTS interviews_follow_ups_due ON interviews(follow_up, id, date, kind, account_id, source,
  summary) WHERE follow_up IS NOT NULL AND follow_up_done = 0;
