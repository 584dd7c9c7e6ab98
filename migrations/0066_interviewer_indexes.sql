-- 0066_interviewer_indexes: a journal that syncs reads its plain pm report as the user's own (--by them,
-- wave 13 H6), and every --by statement found the interviewer's conversations by reading the rows of all
-- of them: an account's last customer conversation by them read every customer conversation of the
-- account, and a user who held none read all 100,000 (today's 100k: ~0.7 s of CPU against ~0.09 solo;
-- review wave 14 R2). Who held a conversation, then its kind and date, looked up per account or across the
-- journal, as the statements compare it (COLLATE NOCASE).
DROP INDEX IF EXISTS interviews_by_interviewer;
DROP INDEX IF EXISTS interviews_by_interviewer_account;
CREATE INDEX interviews_by_interviewer ON interviews(by COLLATE NOCASE, kind, date);
CREATE INDEX interviews_by_interviewer_account ON interviews(by COLLATE NOCASE, account_id, kind, date);
