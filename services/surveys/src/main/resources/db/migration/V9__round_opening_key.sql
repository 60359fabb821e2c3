-- An optional Idempotency-Key on opening a round: a retried POST (a timeout, a double click) returns the
-- round the first one opened instead of opening a second one and inviting everyone twice. The request's
-- fingerprint tells a retry from a different request that reuses the key (a 409).
ALTER TABLE survey_round
    ADD COLUMN opening_key         text CHECK (char_length(opening_key) BETWEEN 1 AND 100),
    ADD COLUMN opening_fingerprint text;

CREATE UNIQUE INDEX survey_round_opening_key ON survey_round (tenant_id, opening_key) WHERE opening_key IS NOT NULL;
