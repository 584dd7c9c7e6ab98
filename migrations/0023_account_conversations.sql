-- 0023_account_conversations: an index that answers `pm show ACCOUNT`'s list of conversations by
-- itself (issue 18). An account's conversations are scattered over the journal's file: reading
-- each one's row for its line (~400 bytes of notes and all) took ~14 ms of CPU for the 4,037 of the
-- bench's largest account, where the index holds them side by side, newest last, with what a line
-- shows (src/db/interviews.ts LINE_SELECT): date, id, channel, kind, source and summary. In the
-- listing's order, so a terminal's first rows need no sort. ~4% more file (7.5 MB on 100k
-- interviews). IF NOT EXISTS: a journal set back to an older version runs it again.
CREATE INDEX IF NOT EXISTS interviews_by_account_date
  ON interviews(account_id, date, id, channel, kind, source, summary);
