-- Tenants get what onboarding records; schools belong to one tenant.
ALTER TABLE tenant
    ADD COLUMN municipality_number text,
    ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Oslo',
    ADD COLUMN language text NOT NULL DEFAULT 'nb',
    ADD COLUMN deactivated_at timestamptz,
    ADD CONSTRAINT tenant_kind CHECK (kind IN ('kommune', 'fylkeskommune', 'dansk-kommune'));

CREATE TABLE school (
    id                  uuid        PRIMARY KEY,
    tenant_id           text        NOT NULL REFERENCES tenant (slug),
    name                text        NOT NULL,
    org_number          char(9)     NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('grunnskole', 'videregaende')),
    has_leadership_team boolean     NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT school_org_number UNIQUE (org_number)
);

CREATE INDEX school_tenant ON school (tenant_id, name);
