-- A round of the status analysis (ståstedsanalyse) for chosen schools of a tenant.
CREATE TABLE survey_round (
    id         uuid        PRIMARY KEY,
    tenant_id  text        NOT NULL,
    title      text        NOT NULL,
    mode       text        NOT NULL CHECK (mode IN ('individual', 'team')),
    opens_on   date        NOT NULL,
    closes_on  date        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT survey_round_dates CHECK (closes_on >= opens_on)
);

CREATE INDEX survey_round_tenant ON survey_round (tenant_id, opens_on);
