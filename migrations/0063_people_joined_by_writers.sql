-- 0063_people_joined_by_writers: what a person joining a conversation changes in pain_hearings (0027,
-- 0058) and in the evidence customers and totals (0003) is written by pm's writers that add people to a
-- conversation that exists (src/db/interview-writer.ts joinedPerson), not by triggers on every insert
-- into interview_contacts. SQLite compiles, when a statement is prepared, every trigger it may fire and
-- those they fire in turn, and `pm log` prepares its people's insert at every run: these two, with
-- pain_hearings' own insert triggers (0031's, 0052's recounts) under the first, were ~0.45 ms of its
-- ~0.7 ms of preparing (fresh connections, today's 100k), for rows they never wrote there: a new
-- conversation's people are written before its pains and its evidence links, whose own triggers then
-- count the people present. A person added to a conversation that has pains or links (pm edit --with,
-- a merge, pm contact merge) is what they were for, and what the writers now do themselves.
DROP TRIGGER IF EXISTS pain_hearings_after_people_insert;
DROP TRIGGER IF EXISTS evidence_customers_after_people_insert;
