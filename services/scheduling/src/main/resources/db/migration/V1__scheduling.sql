-- Programmes as scheduling knows them: a read model fed by the programmes service's events.
CREATE TABLE programme_ref (
    id         uuid        PRIMARY KEY,
    tenant_id  text        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX programme_ref_tenant ON programme_ref (tenant_id);

-- A leader gathering, seminar, workshop or other activity of a programme.
CREATE TABLE gathering (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    programme_id uuid        NOT NULL REFERENCES programme_ref (id),
    title        text        NOT NULL,
    kind         text        NOT NULL,
    starts_on    date        NOT NULL,
    ends_on      date        NOT NULL,
    place        text,
    CONSTRAINT gathering_dates CHECK (ends_on >= starts_on)
);

CREATE INDEX gathering_programme ON gathering (tenant_id, programme_id, starts_on);
