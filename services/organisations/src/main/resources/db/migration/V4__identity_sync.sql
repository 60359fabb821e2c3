-- Identity sync: each organisations event that Keycloak must follow becomes one task, written in the
-- same transaction as the event's inbox entry, and applied by a worker that retries with backoff.
CREATE TABLE identity_sync_task (
    id              bigserial   PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    -- the organisation (tenant or consultancy slug) the event was keyed by: tasks of one
    -- organisation are applied in the order of their events
    tenant_id       text        NOT NULL,
    kind            text        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending',
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    done_at         timestamptz,
    CONSTRAINT identity_sync_task_status CHECK (status IN ('pending', 'done', 'failed')),
    CONSTRAINT identity_sync_task_done CHECK ((status = 'done') = (done_at IS NOT NULL))
);

-- The worker's question: which pending tasks are due, oldest first.
CREATE INDEX identity_sync_task_due ON identity_sync_task (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX identity_sync_task_open ON identity_sync_task (tenant_id, id) WHERE status <> 'done';
CREATE INDEX identity_sync_task_status ON identity_sync_task (status, id);
