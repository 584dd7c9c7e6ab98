-- 0022_contact_lookups: two narrow indexes for what the report asks of the people present in
-- thousands of conversations (issue 18). Whether each is a customer or prospect (the opportunities'
-- customers): the few contacts who are neither, read once, where looking up each person's row cost
-- the harsh 100k journal's standup page ~2.6 ms of CPU (of ~9 for the count). Each person's latest
-- customer conversation (kept on the row by 0018), for the follow-ups due: an index of (id,
-- last_direct) is ~60 pages where the contacts' rows are ~450, and most are read for 1,700 open
-- follow-ups (~1.5 ms of CPU of ~3.7). IF NOT EXISTS: a journal set back to an older version runs it
-- again.
CREATE INDEX IF NOT EXISTS contacts_not_customers ON contacts(id) WHERE role NOT IN ('customer', 'prospect');
CREATE INDEX IF NOT EXISTS contacts_last_direct ON contacts(id, last_direct);
