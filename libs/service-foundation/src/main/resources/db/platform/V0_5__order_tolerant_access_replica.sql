-- An access replica that tolerates events out of order: an end that arrives before its start is kept
-- as an ended row (a tombstone, details unknown until the start arrives), which the start cannot reopen;
-- an erased person is remembered, so a membership granted before the erasure but arriving after it
-- grants nothing.
ALTER TABLE access_membership ALTER COLUMN role DROP NOT NULL, ALTER COLUMN starts_on DROP NOT NULL;
ALTER TABLE access_engagement ALTER COLUMN consultancy_id DROP NOT NULL, ALTER COLUMN starts_on DROP NOT NULL;

CREATE TABLE access_erased_person (
    person_id   uuid        PRIMARY KEY,
    erased_at   timestamptz NOT NULL
);
