-- 0024_contact_completion: an index that answers shell completion's list of contacts by itself
-- (issue 18). A TAB with nothing typed where a contact is expected offers every contact not erased
-- with their account and role, by name key (src/db/complete.ts contactLines): on the harsh 100k
-- journal's 12,000 contacts, reading each one's row (uuid, email, keys, counts: ~600 pages) in the
-- order of the name key's index cost ~14 ms of CPU in a fresh process, ~7 ms from this index
-- (~125 pages), the rest the accounts' names. Namesakes at one account stay in the order of their
-- ids, as before. IF NOT EXISTS: a journal set back to an older version runs it again.
CREATE INDEX IF NOT EXISTS contacts_for_completion ON contacts(name_key, account_id, id, name, role)
  WHERE forgotten = 0;
