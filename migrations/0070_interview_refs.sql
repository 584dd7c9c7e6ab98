-- 0070_interview_refs: a synced journal's pages name interviews by reference (I-84762a, the first six
-- hex digits of the UUID's random end; 4d85120), each as long as it takes to tell it from every other
-- interview, so the page's references are checked against the interviews that start alike. Without an
-- index that is a scan of every UUID (~25 ms of each pm report and export at 100k interviews, a
-- synced journal's pm report 1.4x its CPU before); with it, a lookup a reference. pm show I-… and
-- every command that takes an interview's reference read by it too.
-- IF NOT EXISTS: a journal set back to an older version runs it again.
CREATE INDEX IF NOT EXISTS interviews_by_ref ON interviews (substr(uuid, 25, 6));
