-- 0006_pain_severity: each pain carries how much it hurts (issue 17): low, medium, high or blocker.
-- `pm opportunities` ranks the pains customers raised by a worth-solving score that weighs each
-- customer's pain by its severity, so severity is stored with the pain it describes. Every pain
-- logged before had none: it is medium, the default a pain is logged with.
ALTER TABLE pains ADD COLUMN severity TEXT NOT NULL DEFAULT 'medium'
  CHECK (severity IN ('low', 'medium', 'high', 'blocker'));
