-- 0010_stage_index: an index for `pm coverage`, which lists every journey stage with the last
-- customer conversation at it, and the stages past interviews carry that journey.stages no longer
-- names. Without it that meant reading every customer conversation of the journal (~180 ms on a
-- 100k-interview journal); with it, each distinct stage and its latest day are a seek each.
-- Partial: only customer conversations with a stage are indexed, so it costs nothing on the rest.
CREATE INDEX interviews_by_stage ON interviews(stage COLLATE NOCASE, date) WHERE kind = 'customer' AND stage IS NOT NULL;
