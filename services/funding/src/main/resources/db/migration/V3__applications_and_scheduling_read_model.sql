-- Scheduling's activities and booked speakers as this service needs them (from led.scheduling.events): the
-- days, speakers and costs an application is filled from. Applying an event twice changes nothing; a later
-- change never loses to an earlier event (changed_at).
CREATE TABLE scheduled_activity (
    activity_id   uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL,
    programme_id  uuid,
    kind          text,
    title         text,
    starts_at     timestamptz,
    ends_at       timestamptz,
    time_zone     text,
    place         text,
    cancelled     boolean     NOT NULL DEFAULT false,
    changed_at    timestamptz NOT NULL
);

CREATE INDEX scheduled_activity_tenant ON scheduled_activity (tenant_id, starts_at);

CREATE TABLE booked_speaker (
    activity_id  uuid        NOT NULL,
    speaker_id   uuid        NOT NULL,
    tenant_id    text        NOT NULL,
    name         text        NOT NULL,
    -- what the owner expects to pay for the activity, in whole øre
    fee_ore      bigint      NOT NULL CHECK (fee_ore >= 0),
    travel_ore   bigint      NOT NULL CHECK (travel_ore >= 0),
    tentative    boolean     NOT NULL,
    booked_at    timestamptz NOT NULL,
    PRIMARY KEY (activity_id, speaker_id)
);

-- The tenant's own and its schools' organisation numbers (TenantOnboarded, SchoolAdded, SchoolChanged): the fund
-- may not cover an owner (Oslo), and a claim never names a school's number.
CREATE TABLE funding_tenant (
    tenant_id           text        PRIMARY KEY,
    name                text        NOT NULL,
    organisation_number text
);

CREATE TABLE funding_school (
    school_id           uuid PRIMARY KEY,
    tenant_id           text NOT NULL,
    organisation_number text
);

CREATE INDEX funding_school_tenant ON funding_school (tenant_id);

-- Applications name their policy and version; the version recorded is the one the amounts were computed under.
ALTER TABLE funding_application ADD COLUMN policy_id text;
UPDATE funding_application SET policy_id = CASE WHEN policy_version ILIKE '%2018%' THEN 'led-2018' ELSE 'ou-2024' END;
ALTER TABLE funding_application
    ALTER COLUMN policy_id SET NOT NULL,
    ALTER COLUMN policy_version TYPE integer USING 1,
    ADD COLUMN programme_id   uuid,
    ADD COLUMN activity_ids   jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN days           integer NOT NULL DEFAULT 0,
    ADD COLUMN cost_ore       bigint  NOT NULL DEFAULT 0 CHECK (cost_ore >= 0),
    ADD COLUMN lines          jsonb   NOT NULL DEFAULT '[]',
    ADD COLUMN submitted_on   date,
    ADD COLUMN case_number    text,
    ADD COLUMN approved_ore   bigint  CHECK (approved_ore >= 0),
    ADD COLUMN expires_on     date,
    ADD COLUMN decided_on     date,
    ADD COLUMN reason         text,
    ADD COLUMN created_by     text,
    ADD CONSTRAINT funding_application_status
        CHECK (status IN ('draft', 'submitted', 'approved', 'refused', 'withdrawn'));
