-- An application to KS's OU fund for a programme's activities.
CREATE TABLE funding_application (
    id             uuid        PRIMARY KEY,
    tenant_id      text        NOT NULL,
    title          text        NOT NULL,
    status         text        NOT NULL,
    policy_version text        NOT NULL,
    -- money in whole øre, never floating point
    requested_ore  bigint      NOT NULL CHECK (requested_ore >= 0),
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX funding_application_tenant ON funding_application (tenant_id, created_at);
