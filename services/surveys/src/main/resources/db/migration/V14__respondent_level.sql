-- The respondent's level (issue 18): each answer set records the level of the person who submitted it, from
-- their role at the school on the day of submission (access replica): 'principal' (a rektor; in Denmark a
-- skoleleder or skoledistriktsleder) or 'middle-leader' (school-leader: an avdelingsleder, inspektør; in Denmark an
-- afdelingsleder). NULL is unknown: sets submitted before this migration, and a team round's one agreed set.
-- Like the rest of answer_set it names no one.
ALTER TABLE answer_set
    ADD COLUMN respondent_level text CHECK (respondent_level IN ('principal', 'middle-leader'));

-- The tallies per school and level (level 'unknown' for sets without one), kept beside school_tally and item_tally
-- in the same submitting transaction, so the owner's split by level is read from counts and outlives the answers'
-- retention period like every other figure.
CREATE TABLE level_tally (
    round_id    uuid    NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    school_id   uuid    NOT NULL,
    level       text    NOT NULL CHECK (level IN ('principal', 'middle-leader', 'unknown')),
    respondents integer NOT NULL,
    PRIMARY KEY (round_id, school_id, level)
);

CREATE TABLE level_item_tally (
    round_id  uuid    NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    school_id uuid    NOT NULL,
    level     text    NOT NULL CHECK (level IN ('principal', 'middle-leader', 'unknown')),
    item_code text    NOT NULL,
    n1        integer NOT NULL,
    n2        integer NOT NULL,
    n3        integer NOT NULL,
    n4        integer NOT NULL,
    n5        integer NOT NULL,
    dont_know integer NOT NULL,
    PRIMARY KEY (round_id, school_id, level, item_code)
);

-- Everything counted so far has no level. From the tallies, not the answers: a purged round has only those.
INSERT INTO level_tally (round_id, school_id, level, respondents)
SELECT round_id, school_id, 'unknown', respondents FROM school_tally;
INSERT INTO level_item_tally (round_id, school_id, level, item_code, n1, n2, n3, n4, n5, dont_know)
SELECT round_id, school_id, 'unknown', item_code, n1, n2, n3, n4, n5, dont_know FROM item_tally;

-- The repair path rebuilds the level tallies too.
CREATE OR REPLACE FUNCTION rebuild_result_tally(p_round uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM survey_round WHERE id = p_round AND answers_purged_at IS NOT NULL) THEN
        RAISE EXCEPTION 'survey round % has had its answers purged; its tallies are all that is left', p_round;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('result_tally:' || p_round::text, 0));
    DELETE FROM item_tally WHERE round_id = p_round;
    DELETE FROM school_tally WHERE round_id = p_round;
    DELETE FROM level_item_tally WHERE round_id = p_round;
    DELETE FROM level_tally WHERE round_id = p_round;
    INSERT INTO school_tally (round_id, school_id, respondents)
    SELECT p_round, s.school_id, count(*) FROM answer_set s
    WHERE s.round_id = p_round AND s.submitted
    GROUP BY s.school_id;
    INSERT INTO item_tally (round_id, school_id, item_code, n1, n2, n3, n4, n5, dont_know)
    SELECT p_round, s.school_id, a.item_code,
           count(*) FILTER (WHERE a.value = 1), count(*) FILTER (WHERE a.value = 2),
           count(*) FILTER (WHERE a.value = 3), count(*) FILTER (WHERE a.value = 4),
           count(*) FILTER (WHERE a.value = 5), count(*) FILTER (WHERE a.dont_know)
    FROM answer_set s JOIN answer a ON a.answer_set_id = s.id AND a.stage = 'submitted'
    WHERE s.round_id = p_round AND s.submitted AND a.text IS NULL
    GROUP BY s.school_id, a.item_code;
    INSERT INTO level_tally (round_id, school_id, level, respondents)
    SELECT p_round, s.school_id, coalesce(s.respondent_level, 'unknown'), count(*) FROM answer_set s
    WHERE s.round_id = p_round AND s.submitted
    GROUP BY s.school_id, coalesce(s.respondent_level, 'unknown');
    INSERT INTO level_item_tally (round_id, school_id, level, item_code, n1, n2, n3, n4, n5, dont_know)
    SELECT p_round, s.school_id, coalesce(s.respondent_level, 'unknown'), a.item_code,
           count(*) FILTER (WHERE a.value = 1), count(*) FILTER (WHERE a.value = 2),
           count(*) FILTER (WHERE a.value = 3), count(*) FILTER (WHERE a.value = 4),
           count(*) FILTER (WHERE a.value = 5), count(*) FILTER (WHERE a.dont_know)
    FROM answer_set s JOIN answer a ON a.answer_set_id = s.id AND a.stage = 'submitted'
    WHERE s.round_id = p_round AND s.submitted AND a.text IS NULL
    GROUP BY s.school_id, coalesce(s.respondent_level, 'unknown'), a.item_code;
END
$$;
