-- An event a national operator publishes for the leaders of every tenant of its country (KS for Norway,
-- the Danish national operator for Denmark), such as the introductory course. People sign up through
-- their own tenant; one capacity and one waiting list for all; each tenant sees only its own sign-ups.
CREATE TABLE national_event (
    id               uuid        PRIMARY KEY,
    country          text        NOT NULL,
    kind             text        NOT NULL,
    title            text        NOT NULL,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    time_zone        text        NOT NULL,
    place            text,
    capacity         integer,
    sign_up_deadline date,
    status           text        NOT NULL,
    cancel_reason    text,
    published_by     text        NOT NULL,
    published_at     timestamptz NOT NULL,
    CONSTRAINT national_event_country CHECK (country IN ('NO', 'DK')),
    CONSTRAINT national_event_status CHECK (status IN ('scheduled', 'cancelled')),
    CONSTRAINT national_event_times CHECK (ends_at > starts_at),
    CONSTRAINT national_event_capacity CHECK (capacity IS NULL OR capacity > 0)
);

CREATE INDEX national_event_country_time ON national_event (country, starts_at, id);

-- A person's sign-up for a national event, through the tenant they are a member of.
CREATE TABLE national_sign_up (
    id            uuid        PRIMARY KEY,
    event_id      uuid        NOT NULL REFERENCES national_event (id),
    tenant_id     text        NOT NULL,
    person_id     uuid        NOT NULL,
    status        text        NOT NULL,
    dietary_needs text,
    signed_up_at  timestamptz NOT NULL,
    cancelled_at  timestamptz,
    CONSTRAINT national_sign_up_status CHECK (status IN ('confirmed', 'waiting', 'cancelled'))
);

-- one place per person, whichever of their tenants they signed up through
CREATE UNIQUE INDEX national_sign_up_once ON national_sign_up (event_id, person_id) WHERE status <> 'cancelled';
CREATE INDEX national_sign_up_tenant ON national_sign_up (tenant_id, event_id, signed_up_at);

-- A notice is about an activity of the tenant or about a national event.
ALTER TABLE person_notice ALTER COLUMN activity_id DROP NOT NULL;
ALTER TABLE person_notice ADD COLUMN national_event_id uuid REFERENCES national_event (id);
ALTER TABLE person_notice ADD CONSTRAINT person_notice_about_one CHECK ((activity_id IS NULL) <> (national_event_id IS NULL));
