-- Idempotency-Keys a service has honoured (no.ks.led.foundation.idempotency.IdempotencyKeys): per operation,
-- tenant and caller, the fingerprint of the first request's command and the id of what it created. A retry
-- with the same command gets that result; the same key with another command is a 422.
CREATE TABLE idempotency_key (
    operation       text        NOT NULL,
    tenant_id       text        NOT NULL,
    caller          text        NOT NULL,
    idempotency_key text        NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 100),
    -- SHA-256 (hex) of the canonical JSON of the command; null only for keys recorded before fingerprints
    fingerprint     text,
    result_id       uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (operation, tenant_id, caller, idempotency_key)
);
