-- 0016_search_unspaced_scripts: searching Chinese found nothing (`pm search 对账` in
-- "如果能自动对账，我们马上买"): the index's tokenizer (unicode61) splits words at spaces, and
-- Chinese and Japanese have none, so a whole run of them was one word. The index now holds each character of the scripts written
-- without spaces as a word of its own (src/core/search-text.ts) and reads a query's run of them as
-- a phrase. No schema changes: pm's code rewrites, in the same transaction, the index rows of the
-- interviews whose text is outside ASCII (src/db/fts.ts, reindexUnspaced).
SELECT 1;
