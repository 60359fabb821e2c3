-- When a round was closed: set once, by the scheduled job that records SurveyRoundClosed in the same
-- transaction (UPDATE … WHERE closed_at IS NULL, so several instances close a round exactly once).
ALTER TABLE survey_round ADD COLUMN closed_at timestamptz;

CREATE INDEX survey_round_to_close ON survey_round (closes_on) WHERE closed_at IS NULL;
