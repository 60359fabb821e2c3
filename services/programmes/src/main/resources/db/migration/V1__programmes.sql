-- A school owner's local leadership-development programme.
CREATE TABLE programme (
    id              uuid        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    name            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    -- a client's retry of the same create carries the same key and gets the same programme
    idempotency_key text,
    CONSTRAINT programme_idempotency UNIQUE (tenant_id, idempotency_key)
);

CREATE INDEX programme_tenant ON programme (tenant_id, created_at);
