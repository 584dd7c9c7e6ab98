-- 0029_contacts_by_last_direct: customers and prospects by their kept latest customer conversation
-- (0018), for the page of `pm contacts` (issue 18). A terminal shows the 50 most overdue; choosing
-- them judged every contact (12,000 on the harsh 100k journal: ~8.5 ms of its statement, the page
-- 1.35x the floor). Those of accounts on the journal's cadence are the most overdue in the first
-- index's order, so the first 50 of them are read from it, and those at least as late as the 50th
-- are a range of it; those of accounts with a cadence of their own (0025's accounts_own_cadence) are
-- judged from the second, account by account, without reading their rows (src/db/contacts.ts).
-- Partial, as the statement asks. IF NOT EXISTS: a journal set back to an older version runs it again.
CREATE INDEX IF NOT EXISTS contacts_by_last_direct ON contacts(last_direct, account_id)
  WHERE role IN ('customer', 'prospect') AND last_direct IS NOT NULL;
CREATE INDEX IF NOT EXISTS contacts_by_account_last_direct ON contacts(account_id, last_direct)
  WHERE role IN ('customer', 'prospect') AND last_direct IS NOT NULL;
