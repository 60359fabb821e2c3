-- A school owner (kommune or fylkeskommune): one tenant of the platform.
CREATE TABLE tenant (
    slug       text        PRIMARY KEY,
    name       text        NOT NULL,
    kind       text        NOT NULL,
    org_number char(9)     NOT NULL UNIQUE,
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);
