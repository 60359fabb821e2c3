-- The transactional outbox and the consumer inbox, the same in every service's database.

CREATE TABLE outbox_event (
    id          uuid        PRIMARY KEY,
    topic       text        NOT NULL,
    event_key   text        NOT NULL,
    type        text        NOT NULL,
    source      text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- ordering within the table: the relay publishes in this order
    sequence    bigserial   NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    sent_at     timestamptz
);

-- The relay only ever looks for unsent rows, so index just those.
CREATE INDEX outbox_event_unsent ON outbox_event (sequence) WHERE sent_at IS NULL;

CREATE TABLE inbox_event (
    event_id    uuid        PRIMARY KEY,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
