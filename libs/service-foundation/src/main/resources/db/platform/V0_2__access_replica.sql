-- The access replica, the same in every service's database: who may act in which tenant, kept in
-- step with the organisations service's events (see no.ks.led.foundation.access.AccessReplica).

-- Tenants and consultancies; only tenants (TenantOnboarded) can be deactivated.
CREATE TABLE access_organisation (
    id          text        PRIMARY KEY,
    active      boolean     NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE access_membership (
    membership_id   uuid        PRIMARY KEY,
    organisation_id text        NOT NULL,
    person_id       uuid        NOT NULL,
    role            text        NOT NULL,
    school_id       uuid,
    starts_on       date        NOT NULL,
    ends_on         date,
    ended_at        timestamptz
);

CREATE INDEX access_membership_person ON access_membership (person_id, organisation_id);

CREATE TABLE access_engagement (
    engagement_id         uuid        PRIMARY KEY,
    tenant_id             text        NOT NULL,
    consultancy_id        text        NOT NULL,
    consultant_person_id  uuid,
    school_ids            uuid[]      NOT NULL DEFAULT '{}',
    starts_on             date        NOT NULL,
    ends_on               date,
    ended_at              timestamptz
);

CREATE INDEX access_engagement_tenant ON access_engagement (tenant_id, consultancy_id);
