-- 0057_drop_pain_heard_from: pain_heard_from (0050) and its two triggers go. It kept, for each pain
-- text, the last day each customer and account was heard giving it each severity, for the report's
-- best opportunities as of today; since 3ab19fb those read the counts kept before each day a text was
-- heard (pain_text_days and pain_text_totals, 0052), and a window with later hearings reads
-- pain_hearings, so nothing read it (review of wave 12, R4). Every pain written still paid its insert
-- trigger (and a removed one its delete trigger), pm import and sync still rebuilt its ~110,000 rows.

DROP TRIGGER IF EXISTS pain_heard_from_after_insert;
DROP TRIGGER IF EXISTS pain_heard_from_after_delete;
DROP VIEW IF EXISTS pain_heard_from_now;
DROP TABLE IF EXISTS pain_heard_from;
