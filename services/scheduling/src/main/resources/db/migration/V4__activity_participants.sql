-- Issue 15: who takes part in an activity, besides its schools (school_ids): the roles whose holders take part, the
-- people named, and the programme track it belongs to (a label: tracks are not known to the access replica).
ALTER TABLE activity
    ADD COLUMN participant_roles      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN participant_person_ids uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN track                  text;
