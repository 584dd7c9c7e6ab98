-- 0060_theme_days: the report's themes (tags and pains of conversations that are no stakeholder
-- meeting) kept a day at a time by triggers. The markdown, HTML, --full and JSON reports and the
-- exports list every theme of the period with its accounts, signals, interviews and segments: the
-- period's interviews joined to their ~1,500 tags and pains, grouped twice (each spelling's count
-- names the theme) with four DISTINCT counts, ~3 ms warm and ~5 ms of CPU in a fresh process on the
-- harsh 100k bench journal for a week (src/db/report.ts `themes`), ~0.7 s for the five years of the
-- whole journal's export. Kept here, a period's themes are a range of rows by day, each (theme,
-- account) and (theme, source) already one row a day, each spelling counted a day (a tag's twelve
-- spellings are 84 rows a week, not 928), the interviews counted a day: no join, one DISTINCT.
-- A theme's key is a tag's tag_key (or its lower case) and a pain's lower(trim(text)), what painKey
-- makes of a text of printable ASCII without a run of spaces; a period with another pain key is
-- read as before (painKey is JavaScript, and a trigger cannot call it on every writer's
-- connection). src/db/summaries.ts lists it (pm doctor checks it; pm import and sync rebuild it).

-- a journal set back to an older version runs this again: it starts anew
DROP TRIGGER IF EXISTS theme_days_after_tag_insert;
DROP TRIGGER IF EXISTS theme_days_after_tag_update;
DROP TRIGGER IF EXISTS theme_days_after_tag_delete;
DROP TRIGGER IF EXISTS theme_days_after_pain_insert;
DROP TRIGGER IF EXISTS theme_days_after_pain_update;
DROP TRIGGER IF EXISTS theme_days_after_pain_delete;
DROP TRIGGER IF EXISTS theme_days_after_interview_update;
DROP TRIGGER IF EXISTS theme_days_before_interview_delete;
DROP VIEW IF EXISTS theme_days_now;
DROP VIEW IF EXISTS theme_items;
DROP TABLE IF EXISTS theme_days;

-- kind: 'tag' or 'pain'; key: the theme's key; dim and val: 0 a spelling (the tag as written, the
-- pain trimmed) and n its tags or pains that day; 1 an account (its id) and 2 a source (lower case),
-- n the tags or pains from it that day; 3 (val 0) the day's conversations with the theme, n how
-- many. n is never 0 (the row goes).
CREATE TABLE theme_days (
  day  TEXT NOT NULL,
  kind TEXT NOT NULL,
  key  TEXT NOT NULL,
  dim  INTEGER NOT NULL,
  val  ANY NOT NULL,
  n    INTEGER NOT NULL,
  PRIMARY KEY (day, kind, key, dim, val)
) STRICT, WITHOUT ROWID;

-- each tag and pain with its theme's kind, key and spelling
CREATE VIEW theme_items AS
  SELECT interview_id, position, 'tag' AS kind, coalesce(tag_key, lower(tag)) AS key, tag AS theme
    FROM interview_tags
  UNION ALL SELECT interview_id, position, 'pain', lower(trim(text)), trim(text) FROM pains;

CREATE VIEW theme_days_now AS
  SELECT i.date AS day, x.kind, x.key, d.column1 AS dim,
    CASE d.column1 WHEN 0 THEN x.theme WHEN 1 THEN i.account_id WHEN 2 THEN lower(i.source) ELSE 0 END AS val,
    CASE d.column1 WHEN 3 THEN count(DISTINCT i.id) ELSE count(*) END AS n
  FROM interviews i CROSS JOIN theme_items x ON x.interview_id = i.id CROSS JOIN (VALUES (0), (1), (2), (3)) d
  WHERE i.kind <> 'stakeholder'
    AND CASE d.column1 WHEN 1 THEN i.account_id IS NOT NULL WHEN 2 THEN i.source IS NOT NULL ELSE 1 END
  GROUP BY 1, 2, 3, 4, 5;

INSERT INTO theme_days SELECT * FROM theme_days_now;

-- One tag or pain added: its spelling, account and source counted one more on its conversation's day,
-- and the conversation, when no other of its tags (pains) has that key. Removed: the same, one less
-- (the conversation when none is left with the key). Changed: removed as it was, added as it is (the
-- conversation neither, when it stays in the same one with the same key).
CREATE TRIGGER theme_days_after_tag_insert AFTER INSERT ON interview_tags BEGIN
  INSERT INTO theme_days
    SELECT i.date, 'tag', coalesce(NEW.tag_key, lower(NEW.tag)), d.column1,
      CASE d.column1 WHEN 0 THEN NEW.tag WHEN 1 THEN i.account_id WHEN 2 THEN lower(i.source) ELSE 0 END, 1
    FROM interviews i CROSS JOIN (VALUES (0), (1), (2), (3)) d
    WHERE i.id = NEW.interview_id AND i.kind <> 'stakeholder'
      AND CASE d.column1 WHEN 1 THEN i.account_id IS NOT NULL WHEN 2 THEN i.source IS NOT NULL
        WHEN 3 THEN NOT EXISTS (SELECT 1 FROM interview_tags t WHERE t.interview_id = NEW.interview_id
          AND t.position <> NEW.position AND coalesce(t.tag_key, lower(t.tag)) = coalesce(NEW.tag_key, lower(NEW.tag)))
        ELSE 1 END
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER theme_days_after_tag_delete AFTER DELETE ON interview_tags BEGIN
  UPDATE theme_days SET n = n - 1 WHERE (day, kind, key, dim, val) IN (
    SELECT i.date, 'tag', coalesce(OLD.tag_key, lower(OLD.tag)), d.column1,
      CASE d.column1 WHEN 0 THEN OLD.tag WHEN 1 THEN i.account_id WHEN 2 THEN lower(i.source) ELSE 0 END
    FROM interviews i CROSS JOIN (VALUES (0), (1), (2), (3)) d
    WHERE i.id = OLD.interview_id AND i.kind <> 'stakeholder'
      AND CASE d.column1 WHEN 1 THEN i.account_id IS NOT NULL WHEN 2 THEN i.source IS NOT NULL
        WHEN 3 THEN NOT EXISTS (SELECT 1 FROM interview_tags t WHERE t.interview_id = OLD.interview_id
          AND coalesce(t.tag_key, lower(t.tag)) = coalesce(OLD.tag_key, lower(OLD.tag)))
        ELSE 1 END);
  DELETE FROM theme_days WHERE day = (SELECT date FROM interviews WHERE id = OLD.interview_id) AND kind = 'tag'
    AND key = coalesce(OLD.tag_key, lower(OLD.tag)) AND n <= 0;
END;

CREATE TRIGGER theme_days_after_tag_update AFTER UPDATE OF interview_id, position, tag, tag_key ON interview_tags
WHEN OLD.interview_id IS NOT NEW.interview_id OR OLD.position IS NOT NEW.position OR OLD.tag IS NOT NEW.tag
  OR OLD.tag_key IS NOT NEW.tag_key
BEGIN
  UPDATE theme_days SET n = n - 1 WHERE (day, kind, key, dim, val) IN (
    SELECT i.date, 'tag', coalesce(OLD.tag_key, lower(OLD.tag)), d.column1,
      CASE d.column1 WHEN 0 THEN OLD.tag WHEN 1 THEN i.account_id WHEN 2 THEN lower(i.source) ELSE 0 END
    FROM interviews i CROSS JOIN (VALUES (0), (1), (2), (3)) d
    WHERE i.id = OLD.interview_id AND i.kind <> 'stakeholder'
      AND CASE d.column1 WHEN 1 THEN i.account_id IS NOT NULL WHEN 2 THEN i.source IS NOT NULL
        WHEN 3 THEN NOT EXISTS (SELECT 1 FROM interview_tags t WHERE t.interview_id = OLD.interview_id
          AND coalesce(t.tag_key, lower(t.tag)) = coalesce(OLD.tag_key, lower(OLD.tag)))
        ELSE 1 END);
  DELETE FROM theme_days WHERE day = (SELECT date FROM interviews WHERE id = OLD.interview_id) AND kind = 'tag'
    AND key = coalesce(OLD.tag_key, lower(OLD.tag)) AND n <= 0;
  INSERT INTO theme_days
    SELECT i.date, 'tag', coalesce(NEW.tag_key, lower(NEW.tag)), d.column1,
      CASE d.column1 WHEN 0 THEN NEW.tag WHEN 1 THEN i.account_id WHEN 2 THEN lower(i.source) ELSE 0 END, 1
    FROM interviews i CROSS JOIN (VALUES (0), (1), (2), (3)) d
    WHERE i.id = NEW.interview_id AND i.kind <> 'stakeholder'
      AND CASE d.column1 WHEN 1 THEN i.account_id IS NOT NULL WHEN 2 THEN i.source IS NOT NULL
        WHEN 3 THEN NOT EXISTS (SELECT 1 FROM interview_tags t WHERE t.interview_id = NEW.interview_id
          AND t.position <> NEW.position AND coalesce(t.tag_key, lower(t.tag)) = coalesce(NEW.tag_key, lower(NEW.tag)))
          AND NOT (OLD.interview_id = NEW.interview_id
            AND coalesce(OLD.tag_key, lower(OLD.tag)) = coalesce(NEW.tag_key, lower(NEW.tag)))
        ELSE 1 END
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER theme_days_after_pain_insert AFTER INSERT ON pains BEGIN
  INSERT INTO theme_days
    SELECT i.date, 'pain', lower(trim(NEW.text)), d.column1,
      CASE d.column1 WHEN 0 THEN trim(NEW.text) WHEN 1 THEN i.account_id WHEN 2 THEN lower(i.source) ELSE 0 END, 1
    FROM interviews i CROSS JOIN (VALUES (0), (1), (2), (3)) d
    WHERE i.id = NEW.interview_id AND i.kind <> 'stakeholder'
      AND CASE d.column1 WHEN 1 THEN i.account_id IS NOT NULL WHEN 2 THEN i.source IS NOT NULL
        WHEN 3 THEN NOT EXISTS (SELECT 1 FROM pains p WHERE p.interview_id = NEW.interview_id
          AND p.position <> NEW.position AND lower(trim(p.text)) = lower(trim(NEW.text)))
        ELSE 1 END
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER theme_days_after_pain_delete AFTER DELETE ON pains BEGIN
  UPDATE theme_days SET n = n - 1 WHERE (day, kind, key, dim, val) IN (
    SELECT i.date, 'pain', lower(trim(OLD.text)), d.column1,
      CASE d.column1 WHEN 0 THEN trim(OLD.text) WHEN 1 THEN i.account_id WHEN 2 THEN lower(i.source) ELSE 0 END
    FROM interviews i CROSS JOIN (VALUES (0), (1), (2), (3)) d
    WHERE i.id = OLD.interview_id AND i.kind <> 'stakeholder'
      AND CASE d.column1 WHEN 1 THEN i.account_id IS NOT NULL WHEN 2 THEN i.source IS NOT NULL
        WHEN 3 THEN NOT EXISTS (SELECT 1 FROM pains p WHERE p.interview_id = OLD.interview_id
          AND lower(trim(p.text)) = lower(trim(OLD.text)))
        ELSE 1 END);
  DELETE FROM theme_days WHERE day = (SELECT date FROM interviews WHERE id = OLD.interview_id) AND kind = 'pain'
    AND key = lower(trim(OLD.text)) AND n <= 0;
END;

CREATE TRIGGER theme_days_after_pain_update AFTER UPDATE OF interview_id, position, text ON pains
WHEN OLD.interview_id IS NOT NEW.interview_id OR OLD.position IS NOT NEW.position OR OLD.text IS NOT NEW.text
BEGIN
  UPDATE theme_days SET n = n - 1 WHERE (day, kind, key, dim, val) IN (
    SELECT i.date, 'pain', lower(trim(OLD.text)), d.column1,
      CASE d.column1 WHEN 0 THEN trim(OLD.text) WHEN 1 THEN i.account_id WHEN 2 THEN lower(i.source) ELSE 0 END
    FROM interviews i CROSS JOIN (VALUES (0), (1), (2), (3)) d
    WHERE i.id = OLD.interview_id AND i.kind <> 'stakeholder'
      AND CASE d.column1 WHEN 1 THEN i.account_id IS NOT NULL WHEN 2 THEN i.source IS NOT NULL
        WHEN 3 THEN NOT EXISTS (SELECT 1 FROM pains p WHERE p.interview_id = OLD.interview_id
          AND lower(trim(p.text)) = lower(trim(OLD.text)))
        ELSE 1 END);
  DELETE FROM theme_days WHERE day = (SELECT date FROM interviews WHERE id = OLD.interview_id) AND kind = 'pain'
    AND key = lower(trim(OLD.text)) AND n <= 0;
  INSERT INTO theme_days
    SELECT i.date, 'pain', lower(trim(NEW.text)), d.column1,
      CASE d.column1 WHEN 0 THEN trim(NEW.text) WHEN 1 THEN i.account_id WHEN 2 THEN lower(i.source) ELSE 0 END, 1
    FROM interviews i CROSS JOIN (VALUES (0), (1), (2), (3)) d
    WHERE i.id = NEW.interview_id AND i.kind <> 'stakeholder'
      AND CASE d.column1 WHEN 1 THEN i.account_id IS NOT NULL WHEN 2 THEN i.source IS NOT NULL
        WHEN 3 THEN NOT EXISTS (SELECT 1 FROM pains p WHERE p.interview_id = NEW.interview_id
          AND p.position <> NEW.position AND lower(trim(p.text)) = lower(trim(NEW.text)))
          AND NOT (OLD.interview_id = NEW.interview_id AND lower(trim(OLD.text)) = lower(trim(NEW.text)))
        ELSE 1 END
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- a conversation moved to another day, account or source, or made a stakeholder meeting or no longer
-- one: its tags and pains counted one less as it was, one more as it is
CREATE TRIGGER theme_days_after_interview_update AFTER UPDATE OF date, kind, account_id, source ON interviews
WHEN (OLD.kind <> 'stakeholder' OR NEW.kind <> 'stakeholder') AND (OLD.date IS NOT NEW.date
  OR (OLD.kind = 'stakeholder') IS NOT (NEW.kind = 'stakeholder') OR OLD.account_id IS NOT NEW.account_id
  OR OLD.source IS NOT NEW.source)
BEGIN
  UPDATE theme_days SET n = n - x.c
    FROM (SELECT t.kind, t.key, d.column1 AS dim,
            CASE d.column1 WHEN 0 THEN t.theme WHEN 1 THEN OLD.account_id WHEN 2 THEN lower(OLD.source) ELSE 0 END AS val,
            CASE d.column1 WHEN 3 THEN 1 ELSE count(*) END AS c
          FROM theme_items t CROSS JOIN (VALUES (0), (1), (2), (3)) d
          WHERE t.interview_id = OLD.id AND OLD.kind <> 'stakeholder'
            AND CASE d.column1 WHEN 1 THEN OLD.account_id IS NOT NULL WHEN 2 THEN OLD.source IS NOT NULL ELSE 1 END
          GROUP BY 1, 2, 3, 4) x
    WHERE theme_days.day = OLD.date AND theme_days.kind = x.kind AND theme_days.key = x.key
      AND theme_days.dim = x.dim AND theme_days.val = x.val;
  DELETE FROM theme_days WHERE day = OLD.date AND n <= 0;
  INSERT INTO theme_days
    SELECT NEW.date, x.kind, x.key, d.column1,
      CASE d.column1 WHEN 0 THEN x.theme WHEN 1 THEN NEW.account_id WHEN 2 THEN lower(NEW.source) ELSE 0 END,
      CASE d.column1 WHEN 3 THEN 1 ELSE count(*) END
    FROM theme_items x CROSS JOIN (VALUES (0), (1), (2), (3)) d
    WHERE x.interview_id = NEW.id AND NEW.kind <> 'stakeholder'
      AND CASE d.column1 WHEN 1 THEN NEW.account_id IS NOT NULL WHEN 2 THEN NEW.source IS NOT NULL ELSE 1 END
    GROUP BY 2, 3, 4, 5
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- a conversation removed: counted out before its tags and pains go with it (deleted after it by the
-- foreign keys, their own triggers then find no conversation and change nothing)
CREATE TRIGGER theme_days_before_interview_delete BEFORE DELETE ON interviews WHEN OLD.kind <> 'stakeholder' BEGIN
  UPDATE theme_days SET n = n - x.c
    FROM (SELECT t.kind, t.key, d.column1 AS dim,
            CASE d.column1 WHEN 0 THEN t.theme WHEN 1 THEN OLD.account_id WHEN 2 THEN lower(OLD.source) ELSE 0 END AS val,
            CASE d.column1 WHEN 3 THEN 1 ELSE count(*) END AS c
          FROM theme_items t CROSS JOIN (VALUES (0), (1), (2), (3)) d
          WHERE t.interview_id = OLD.id
            AND CASE d.column1 WHEN 1 THEN OLD.account_id IS NOT NULL WHEN 2 THEN OLD.source IS NOT NULL ELSE 1 END
          GROUP BY 1, 2, 3, 4) x
    WHERE theme_days.day = OLD.date AND theme_days.kind = x.kind AND theme_days.key = x.key
      AND theme_days.dim = x.dim AND theme_days.val = x.val;
  DELETE FROM theme_days WHERE day = OLD.date AND n <= 0;
END;
