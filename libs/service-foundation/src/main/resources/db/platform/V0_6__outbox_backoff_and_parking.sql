-- The relay waits before retrying a row that failed (next_attempt_at, growing with each attempt) and
-- parks a row that failed too often (parked_at, with its last_error), so it no longer holds up anything.
ALTER TABLE outbox_event ADD COLUMN next_attempt_at timestamptz, ADD COLUMN parked_at timestamptz;

DROP INDEX outbox_event_unsent;
CREATE INDEX outbox_event_unsent ON outbox_event (sequence) WHERE sent_at IS NULL AND parked_at IS NULL;
-- Whether an earlier row of the same key is still waiting for its retry.
CREATE INDEX outbox_event_unsent_key ON outbox_event (event_key, sequence) WHERE sent_at IS NULL AND parked_at IS NULL;
