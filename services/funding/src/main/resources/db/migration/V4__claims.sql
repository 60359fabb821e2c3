-- Refund claims after the event: actual costs, the refund under the application's policy version, the owner's
-- organisation and account numbers, the invoices and approval letter as PDF.
CREATE TABLE funding_claim (
    id                  uuid        PRIMARY KEY,
    tenant_id           text        NOT NULL,
    application_id      uuid        NOT NULL REFERENCES funding_application (id),
    status              text        NOT NULL CHECK (status IN ('draft', 'submitted', 'paid')),
    organisation_number text        NOT NULL,
    account_number      text        NOT NULL,
    case_number         text        NOT NULL,
    policy_id           text        NOT NULL,
    policy_version      integer     NOT NULL,
    -- money in whole øre, never floating point
    cost_ore            bigint      NOT NULL CHECK (cost_ore >= 0),
    refund_ore          bigint      NOT NULL CHECK (refund_ore >= 0),
    costs               jsonb       NOT NULL,
    lines               jsonb       NOT NULL,
    warnings            jsonb       NOT NULL,
    counts_in_year      integer     NOT NULL,
    submitted_on        date,
    received_ore        bigint      CHECK (received_ore >= 0),
    received_on         date,
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL
);

CREATE INDEX funding_claim_tenant ON funding_claim (tenant_id, created_at);

CREATE TABLE claim_attachment (
    id          uuid        PRIMARY KEY,
    claim_id    uuid        NOT NULL REFERENCES funding_claim (id),
    tenant_id   text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('invoice', 'approval-letter')),
    file_name   text        NOT NULL,
    size_bytes  integer     NOT NULL,
    content     bytea       NOT NULL,
    uploaded_at timestamptz NOT NULL
);

CREATE INDEX claim_attachment_claim ON claim_attachment (claim_id, uploaded_at);
