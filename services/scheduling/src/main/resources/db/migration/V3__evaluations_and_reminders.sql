-- Issue 15: the evaluation after each gathering, and reminders before each activity.

-- The address a person signed up with (from their token), for the reminder; deleted with the dietary needs once
-- the activity has ended.
ALTER TABLE sign_up ADD COLUMN email text;

-- Reminders are plain e-mails: no iCalendar part.
ALTER TABLE outgoing_mail ALTER COLUMN calendar DROP NOT NULL, ALTER COLUMN method DROP NOT NULL;

-- Who answered an activity's evaluation (once per person), kept apart from what was answered: no answer row
-- names a person or a time, so no answer can be traced back to whoever gave it.
CREATE TABLE evaluation_respondent (
    activity_id uuid        NOT NULL REFERENCES activity (id),
    person_id   uuid        NOT NULL,
    tenant_id   text        NOT NULL,
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (activity_id, person_id)
);

CREATE TABLE evaluation_answer (
    id          uuid     PRIMARY KEY,
    activity_id uuid     NOT NULL REFERENCES activity (id),
    tenant_id   text     NOT NULL,
    usefulness  smallint NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
    relevance   smallint NOT NULL CHECK (relevance BETWEEN 1 AND 5),
    comment     text
);

CREATE INDEX evaluation_answer_activity ON evaluation_answer (activity_id);

-- One reminder per activity and person, recorded in the transaction that queues the e-mail: a restart or a
-- second replica finds the row and never queues it again.
CREATE TABLE activity_reminder (
    activity_id uuid        NOT NULL REFERENCES activity (id),
    person_id   uuid        NOT NULL,
    tenant_id   text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (activity_id, person_id)
);
