-- The starter pack for new leaders: when a principal or school leader joins a school of a running programme
-- (a grant after the programme was created, not from the tenant's first roster import), a personal
-- follow-up plan from the programme's starter pack, assigned to the owner's coordinator.
CREATE TABLE starter_plan (
    id            uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL,
    programme_id  uuid        NOT NULL REFERENCES programme (id),
    -- the membership that made the person a leader of the school; one plan per programme and membership
    membership_id uuid        NOT NULL,
    person_id     uuid        NOT NULL,
    school_id     uuid        NOT NULL,
    role          text        NOT NULL,
    -- who follows the plan up: the owner's coordinator (a role, not a person: whoever holds it)
    assigned_role text        NOT NULL DEFAULT 'coordinator',
    -- the programme's starter pack items when the plan was made (Framework.Step as JSON)
    items         jsonb       NOT NULL,
    created_at    timestamptz NOT NULL,
    CONSTRAINT starter_plan_once UNIQUE (programme_id, membership_id),
    CONSTRAINT starter_plan_role CHECK (role IN ('principal', 'school-leader'))
);

CREATE INDEX starter_plan_programme ON starter_plan (tenant_id, programme_id, created_at);
CREATE INDEX starter_plan_person ON starter_plan (person_id);

-- An item of a starter plan the coordinator marked as done.
CREATE TABLE starter_plan_item_done (
    id        uuid        PRIMARY KEY,
    tenant_id text        NOT NULL,
    plan_id   uuid        NOT NULL REFERENCES starter_plan (id) ON DELETE CASCADE,
    item_code text        NOT NULL,
    done_by   text        NOT NULL,
    done_at   timestamptz NOT NULL,
    CONSTRAINT starter_plan_item_done_once UNIQUE (plan_id, item_code)
);
