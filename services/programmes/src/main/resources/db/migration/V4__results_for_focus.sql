-- Each school's section means of a closed round of the status analysis, as far as suppression let them leave
-- surveys (SurveyRoundClosed lists means only for released schools): what the plan's focus view reads.
CREATE TABLE school_result (
    round_id   uuid          NOT NULL,
    tenant_id  text          NOT NULL,
    school_id  uuid          NOT NULL,
    closed_at  timestamptz   NOT NULL,
    section    text          NOT NULL,
    mean       numeric(4, 2) NOT NULL,
    PRIMARY KEY (round_id, school_id, section)
);
CREATE INDEX school_result_school ON school_result (tenant_id, school_id, closed_at);

-- A school's results the principal withdrew from the owner: kept so a late SurveyRoundClosed adds them not again.
CREATE TABLE school_result_withdrawn (
    round_id     uuid        NOT NULL,
    school_id    uuid        NOT NULL,
    withdrawn_at timestamptz NOT NULL,
    PRIMARY KEY (round_id, school_id)
);
