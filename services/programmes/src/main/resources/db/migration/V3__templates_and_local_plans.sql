-- KS's programme templates: one row per published version. A published version is frozen: the trigger
-- refuses to change or delete it, so a programme made from it can always say what it was made from.
CREATE TABLE programme_template (
    id           uuid        PRIMARY KEY,
    template_id  text        NOT NULL,
    version      integer     NOT NULL CHECK (version >= 1),
    name         text        NOT NULL,
    language     text        NOT NULL,
    description  text        NOT NULL,
    framework    jsonb       NOT NULL,
    published_at timestamptz NOT NULL,
    published_by text        NOT NULL,
    CONSTRAINT programme_template_version UNIQUE (template_id, version)
);

CREATE FUNCTION programme_template_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published programme template version is frozen';
END
$$;

CREATE TRIGGER programme_template_frozen BEFORE UPDATE OR DELETE ON programme_template
    FOR EACH ROW EXECUTE FUNCTION programme_template_frozen();

-- A programme's own copy of its template (or an empty framework), which its owner tailors; the template
-- version it follows; its language; and the evaluation cycle its plan is in.
ALTER TABLE programme
    ADD COLUMN template_id      text,
    ADD COLUMN template_version integer,
    ADD COLUMN framework        jsonb   NOT NULL DEFAULT '{}',
    ADD COLUMN language         text    NOT NULL DEFAULT 'nb',
    ADD COLUMN cycle            integer NOT NULL DEFAULT 1;

-- A tenant's name and language (TenantOnboarded), for the Word document.
CREATE TABLE tenant_profile (
    tenant_id  text        PRIMARY KEY,
    name       text        NOT NULL,
    language   text        NOT NULL,
    updated_at timestamptz NOT NULL
);

-- The local plan's written content in the three phases: notes, future pictures, goals, themes, modules.
CREATE TABLE plan_entry (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    kind         text        NOT NULL,
    school_id    uuid,
    text         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL
);
CREATE INDEX plan_entry_programme ON plan_entry (programme_id, created_at);

CREATE TABLE plan_measure (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    title        text        NOT NULL,
    responsible  text        NOT NULL,
    due_on       date        NOT NULL,
    school_id    uuid,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL
);
CREATE INDEX plan_measure_programme ON plan_measure (programme_id, due_on);

-- Who takes part in which track: a school, a role, a named person, or a combination.
CREATE TABLE plan_participant (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    track        text        NOT NULL,
    school_id    uuid,
    role         text,
    name         text,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL
);
CREATE INDEX plan_participant_programme ON plan_participant (programme_id, created_at);

CREATE TABLE planned_activity (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    kind         text        NOT NULL,
    title        text        NOT NULL,
    starts_on    date        NOT NULL,
    ends_on      date        NOT NULL,
    place        text,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX planned_activity_programme ON planned_activity (programme_id, starts_on);

-- The getting-started checklist: who did each step, and when.
CREATE TABLE plan_step_done (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    step_code    text        NOT NULL,
    done_by      text        NOT NULL,
    done_at      timestamptz NOT NULL,
    CONSTRAINT plan_step_done_once UNIQUE (programme_id, step_code)
);

CREATE TABLE plan_phase_done (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    cycle        integer     NOT NULL,
    phase        text        NOT NULL,
    completed_by text        NOT NULL,
    completed_at timestamptz NOT NULL,
    CONSTRAINT plan_phase_done_once UNIQUE (programme_id, cycle, phase)
);

-- Each evaluation keeps its cycle's plan as it stood (snapshot), so the history shows what changed.
CREATE TABLE plan_evaluation (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    cycle        integer     NOT NULL,
    summary      text        NOT NULL,
    snapshot     jsonb       NOT NULL,
    evaluated_by text        NOT NULL,
    evaluated_at timestamptz NOT NULL,
    CONSTRAINT plan_evaluation_once UNIQUE (programme_id, cycle)
);

-- A consultant's proposed change to a plan; the owner accepts or rejects it.
CREATE TABLE plan_proposal (
    id           uuid        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    programme_id uuid        NOT NULL REFERENCES programme (id),
    proposed_by  text        NOT NULL,
    school_id    uuid,
    change       jsonb       NOT NULL,
    note         text,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    decided_by   text,
    decided_at   timestamptz,
    reason       text
);
CREATE INDEX plan_proposal_programme ON plan_proposal (programme_id, created_at);
