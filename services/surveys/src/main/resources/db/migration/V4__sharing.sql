-- A school's consent to show its results to the owner: given by the school's principal, withdrawn by
-- deleting the row (the owner then no longer sees them).
CREATE TABLE survey_sharing (
    round_id  uuid        NOT NULL,
    school_id uuid        NOT NULL,
    shared_by uuid        NOT NULL,
    shared_at timestamptz NOT NULL,
    PRIMARY KEY (round_id, school_id),
    FOREIGN KEY (round_id, school_id) REFERENCES survey_round_school (round_id, school_id) ON DELETE CASCADE
);
