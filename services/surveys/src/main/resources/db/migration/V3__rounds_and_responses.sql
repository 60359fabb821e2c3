-- Rounds for chosen schools, their respondents and local items; answers kept apart from who answered.

ALTER TABLE survey_round
    ADD COLUMN instrument_version integer NOT NULL DEFAULT 1 REFERENCES instrument_version (version),
    -- k: no figure about fewer than this many respondents is shown (3 nationally; a tenant may raise it)
    ADD COLUMN min_group_size integer NOT NULL DEFAULT 3 CHECK (min_group_size >= 3),
    ADD COLUMN opened_by uuid;
ALTER TABLE survey_round ALTER COLUMN instrument_version DROP DEFAULT;

CREATE TABLE survey_round_school (
    round_id  uuid NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    school_id uuid NOT NULL,
    PRIMARY KEY (round_id, school_id)
);

-- Who is asked: the schools' principals and school leaders in the access replica when the round opened.
CREATE TABLE survey_respondent (
    round_id  uuid NOT NULL,
    school_id uuid NOT NULL,
    person_id uuid NOT NULL,
    role      text NOT NULL CHECK (role IN ('principal', 'school-leader')),
    PRIMARY KEY (round_id, person_id),
    FOREIGN KEY (round_id, school_id) REFERENCES survey_round_school (round_id, school_id) ON DELETE CASCADE
);

-- A tenant's own items, added to one round; national items are never changed.
CREATE TABLE survey_local_item (
    round_id uuid    NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    code     text    NOT NULL,
    position integer NOT NULL,
    kind     text    NOT NULL CHECK (kind IN ('scale', 'text')),
    text_nb  text    NOT NULL,
    text_nn  text,
    text_en  text,
    text_da  text,
    PRIMARY KEY (round_id, code)
);

-- What was answered, with no person in it. A respondent finds their own set again through owner_tag,
-- a keyed HMAC of (round, person) with a server secret (team mode: of (round, school)); without the
-- secret the tag names nobody. No timestamps either, so sets cannot be matched to completions by time.
CREATE TABLE answer_set (
    id        uuid    PRIMARY KEY,
    tenant_id text    NOT NULL,
    round_id  uuid    NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    school_id uuid    NOT NULL,
    owner_tag text    NOT NULL,
    submitted boolean NOT NULL DEFAULT false,
    UNIQUE (round_id, owner_tag)
);

CREATE INDEX answer_set_submitted ON answer_set (round_id, school_id) WHERE submitted;

-- One answer per item and stage: the draft being edited, and the last submitted answers.
CREATE TABLE answer (
    answer_set_id uuid     NOT NULL REFERENCES answer_set (id) ON DELETE CASCADE,
    stage         text     NOT NULL CHECK (stage IN ('draft', 'submitted')),
    item_code     text     NOT NULL,
    value         smallint CHECK (value BETWEEN 1 AND 5),
    dont_know     boolean  NOT NULL DEFAULT false,
    text          text     CHECK (char_length(text) BETWEEN 1 AND 2000),
    PRIMARY KEY (answer_set_id, stage, item_code),
    CONSTRAINT answer_one_kind CHECK (num_nonnulls(value, text) + dont_know::integer = 1)
);

-- Who has finished: the round's completion list. Never joined to answers.
CREATE TABLE survey_completion (
    round_id        uuid        NOT NULL,
    school_id       uuid        NOT NULL,
    person_id       uuid        NOT NULL,
    submitted_at    timestamptz NOT NULL,
    -- the key of the last submission, so a retried submission changes nothing
    idempotency_key text        NOT NULL,
    PRIMARY KEY (round_id, person_id),
    FOREIGN KEY (round_id, school_id) REFERENCES survey_round_school (round_id, school_id) ON DELETE CASCADE
);
