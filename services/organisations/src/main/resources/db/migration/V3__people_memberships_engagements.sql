-- People, their roles in tenants and consultancies, consultancies and their engagements by tenants.

-- A person known to the platform. The id is the platform's personId (the led_person_id claim).
-- Erasure pseudonymises the row in place and sets erased_at; the id stays so events stay meaningful.
CREATE TABLE person (
    id               uuid        PRIMARY KEY,
    name             text        NOT NULL,
    email            text        NOT NULL,
    feide_id         text,
    keycloak_user_id text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    erased_at        timestamptz,
    CONSTRAINT person_email_unique UNIQUE (email),
    CONSTRAINT person_email_lower_case CHECK (email = lower(email))
);

-- A consultancy: an organisation like a tenant, with its own slug, whose consultants reach client
-- tenants only through engagements.
CREATE TABLE consultancy (
    slug       text        PRIMARY KEY,
    name       text        NOT NULL,
    org_number char(9)     NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Lets a membership name a school together with the tenant it must belong to.
ALTER TABLE school ADD CONSTRAINT school_in_tenant UNIQUE (tenant_id, id);

-- A person's role in an organisation: a tenant's role or, in a consultancy, the role consultant.
CREATE TABLE membership (
    id              uuid        PRIMARY KEY,
    organisation_id text        NOT NULL,
    person_id       uuid        NOT NULL REFERENCES person (id),
    role            text        NOT NULL,
    school_id       uuid        REFERENCES school (id),
    starts_on       date        NOT NULL,
    ends_on         date,
    ended_at        timestamptz,
    CONSTRAINT membership_role CHECK (role IN ('owner-executive', 'coordinator', 'principal', 'school-leader', 'consultant')),
    -- principals and school leaders work at one school; the owner's roles and consultants at none
    CONSTRAINT membership_school_for_role CHECK (
        (role IN ('principal', 'school-leader') AND school_id IS NOT NULL)
        OR (role IN ('owner-executive', 'coordinator', 'consultant') AND school_id IS NULL)),
    -- the school is one of the tenant's own (not checked when school_id is null)
    CONSTRAINT membership_school_of_tenant FOREIGN KEY (organisation_id, school_id) REFERENCES school (tenant_id, id),
    CONSTRAINT membership_period CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE INDEX membership_organisation ON membership (organisation_id, person_id);
CREATE INDEX membership_person ON membership (person_id);

-- A consultant is a member of a consultancy only; every other role belongs to a tenant.
CREATE FUNCTION membership_organisation_kind() RETURNS trigger AS $$
BEGIN
    IF NEW.role = 'consultant' THEN
        IF NOT EXISTS (SELECT 1 FROM consultancy WHERE slug = NEW.organisation_id) THEN
            RAISE EXCEPTION 'a consultant membership needs a consultancy, not %', NEW.organisation_id
                USING ERRCODE = 'check_violation';
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM tenant WHERE slug = NEW.organisation_id) THEN
        RAISE EXCEPTION 'the role % needs a tenant, not %', NEW.role, NEW.organisation_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER membership_organisation_kind BEFORE INSERT OR UPDATE OF organisation_id, role ON membership
    FOR EACH ROW EXECUTE FUNCTION membership_organisation_kind();

-- A tenant engages a consultancy (or one named consultant of it) for a period, for the whole tenant
-- (school_ids empty) or for listed schools.
CREATE TABLE engagement (
    id                   uuid        PRIMARY KEY,
    tenant_id            text        NOT NULL REFERENCES tenant (slug),
    consultancy_id       text        NOT NULL REFERENCES consultancy (slug),
    consultant_person_id uuid        REFERENCES person (id),
    school_ids           uuid[]      NOT NULL DEFAULT '{}',
    starts_on            date        NOT NULL,
    ends_on              date,
    ended_at             timestamptz,
    created_by           uuid,
    CONSTRAINT engagement_period CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE INDEX engagement_tenant ON engagement (tenant_id, starts_on);
CREATE INDEX engagement_consultancy ON engagement (consultancy_id);
