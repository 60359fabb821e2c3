-- Activities, the shared speaker directory and its bookings, the school calendar, calendar feeds,
-- sign-ups and the e-mails scheduling sends (docs/scheduling.md).

-- Exclusion constraints on (id, time range): no two overlapping bookings of one speaker or room.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- An activity in a tenant's calendar. Times are instants; time_zone is the tenant's zone they were entered in.
CREATE TABLE activity (
    id                  uuid        PRIMARY KEY,
    tenant_id           text        NOT NULL,
    programme_id        uuid,
    planned_activity_id uuid,
    kind                text        NOT NULL,
    title               text        NOT NULL,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    time_zone           text        NOT NULL,
    place               text,
    room                text,
    school_ids          uuid[]      NOT NULL DEFAULT '{}',
    -- proposed (from a programme's plan, until the coordinator confirms it), scheduled or cancelled
    status              text        NOT NULL,
    cancel_reason       text,
    -- the iCalendar SEQUENCE: 0 when scheduled, one more with every change a calendar shows
    sequence            integer     NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    last_modified       timestamptz NOT NULL,
    -- from the funding service's events: not-applied, applied, approved or refused, as of funding_changed_at
    funding_status      text        NOT NULL DEFAULT 'not-applied',
    funding_changed_at  timestamptz,
    -- sign-up: null capacity is no limit; deadline is the last day (tenant's zone) to sign up
    capacity            integer,
    sign_up_deadline    date,
    sign_up_open        boolean     NOT NULL DEFAULT false,
    during              tstzrange   GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
    CONSTRAINT activity_times CHECK (ends_at > starts_at),
    CONSTRAINT activity_status CHECK (status IN ('proposed', 'scheduled', 'cancelled')),
    -- a room is never booked twice at overlapping times within a tenant
    CONSTRAINT activity_room_free EXCLUDE USING gist (tenant_id WITH =, room WITH =, during WITH &&)
        WHERE (room IS NOT NULL AND status = 'scheduled')
);

CREATE INDEX activity_tenant_time ON activity (tenant_id, starts_at, id);
CREATE UNIQUE INDEX activity_planned ON activity (tenant_id, planned_activity_id) WHERE planned_activity_id IS NOT NULL;

-- The coordinator's confirmation of a calendar warning, for the activity's time as of that sequence.
CREATE TABLE activity_warning_confirmation (
    activity_id  uuid        NOT NULL REFERENCES activity (id),
    code         text        NOT NULL,
    sequence     integer     NOT NULL,
    confirmed_by uuid        NOT NULL,
    confirmed_at timestamptz NOT NULL,
    PRIMARY KEY (activity_id, code, sequence)
);

-- The speaker directory KS shares across tenants: people who are mostly not platform users.
CREATE TABLE speaker (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL,
    organisation text,
    email        text        NOT NULL,
    created_at   timestamptz NOT NULL
);

-- the same e-mail address is the same speaker
CREATE UNIQUE INDEX speaker_email ON speaker (lower(email));

-- A speaker booked for an activity. during copies the activity's time while the booking holds (null when
-- the activity is cancelled), so the database itself refuses a second overlapping booking of a speaker,
-- whatever the tenant: tentative bookings count as busy.
CREATE TABLE speaker_booking (
    id           uuid        PRIMARY KEY,
    activity_id  uuid        NOT NULL REFERENCES activity (id),
    speaker_id   uuid        NOT NULL REFERENCES speaker (id),
    tenant_id    text        NOT NULL,
    fee_ore      bigint      NOT NULL DEFAULT 0,
    travel_ore   bigint      NOT NULL DEFAULT 0,
    tentative    boolean     NOT NULL,
    during       tstzrange,
    booked_at    timestamptz NOT NULL,
    confirmed_at timestamptz,
    CONSTRAINT speaker_booking_once UNIQUE (activity_id, speaker_id),
    CONSTRAINT speaker_booking_amounts CHECK (fee_ore >= 0 AND travel_ore >= 0),
    CONSTRAINT speaker_booking_free EXCLUDE USING gist (speaker_id WITH =, during WITH &&) WHERE (during IS NOT NULL)
);

-- A tenant's school calendar (skolerute): school-free days and exam periods, entered by hand or from CSV.
CREATE TABLE school_calendar_entry (
    id        uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    kind      text NOT NULL,
    starts_on date NOT NULL,
    ends_on   date NOT NULL,
    name      text NOT NULL,
    CONSTRAINT school_calendar_kind CHECK (kind IN ('school-free-day', 'exam-period')),
    CONSTRAINT school_calendar_dates CHECK (ends_on >= starts_on)
);

CREATE INDEX school_calendar_tenant ON school_calendar_entry (tenant_id, starts_on);

-- A calendar feed at a secret URL; only the secret's SHA-256 is kept. Revoked feeds answer 404.
CREATE TABLE calendar_feed (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    secret_hash text        NOT NULL UNIQUE,
    scope       text        NOT NULL,
    scope_id    uuid        NOT NULL,
    created_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    CONSTRAINT calendar_feed_scope CHECK (scope IN ('person', 'school', 'programme'))
);

-- A person's sign-up for an activity: confirmed, or waiting in order of signing up.
CREATE TABLE sign_up (
    id           uuid        PRIMARY KEY,
    activity_id  uuid        NOT NULL REFERENCES activity (id),
    tenant_id    text        NOT NULL,
    person_id    uuid        NOT NULL,
    status       text        NOT NULL,
    dietary_needs text,
    signed_up_at timestamptz NOT NULL,
    cancelled_at timestamptz,
    attended     boolean,
    CONSTRAINT sign_up_status CHECK (status IN ('confirmed', 'waiting', 'cancelled'))
);

CREATE UNIQUE INDEX sign_up_once ON sign_up (activity_id, person_id) WHERE status <> 'cancelled';

-- What a person was told (moved up from the waiting list), for the web app to show.
CREATE TABLE person_notice (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    person_id   uuid        NOT NULL,
    activity_id uuid        NOT NULL REFERENCES activity (id),
    kind        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- E-mails to speakers (invitations and cancellations with an iCalendar part), sent by a scheduled sender.
CREATE TABLE outgoing_mail (
    id              uuid        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    calendar        text        NOT NULL,
    method          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text
);

CREATE INDEX outgoing_mail_due ON outgoing_mail (next_attempt_at) WHERE sent_at IS NULL;
