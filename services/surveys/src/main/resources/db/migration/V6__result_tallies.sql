-- Counts of submitted answers, kept up to date as answers arrive, so no results view scans `answer`.
-- Responding applies each submission's delta in the submitting transaction (minus the set's previously
-- submitted answers, plus the new ones); rebuild_result_tally recomputes a round from the answers (the
-- back-fill below, a repair, and bulk loads that bypass Responding). Like answer_set/answer they hold
-- no person and no timestamp. Free text is not counted here: it stays in `answer`.

-- Respondents per school: submitted answer sets (in a team round, one per school).
CREATE TABLE school_tally (
    round_id    uuid    NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    school_id   uuid    NOT NULL,
    respondents integer NOT NULL,
    PRIMARY KEY (round_id, school_id)
);

-- Submitted answers of scale items per school: how many said 1 to 5, and "don't know".
CREATE TABLE item_tally (
    round_id  uuid    NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    school_id uuid    NOT NULL,
    item_code text    NOT NULL,
    n1        integer NOT NULL,
    n2        integer NOT NULL,
    n3        integer NOT NULL,
    n4        integer NOT NULL,
    n5        integer NOT NULL,
    dont_know integer NOT NULL,
    PRIMARY KEY (round_id, school_id, item_code)
);

-- The national view picks rounds by instrument version and closing date.
CREATE INDEX survey_round_instrument_closes ON survey_round (instrument_version, closes_on);

-- One round's tallies from its submitted answer sets. Takes the round's tally lock exclusively, so it
-- waits for submissions in flight (which hold it shared) and they wait for it: no delta is lost or
-- counted twice while a round is rebuilt.
CREATE FUNCTION rebuild_result_tally(p_round uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('result_tally:' || p_round::text, 0));
    DELETE FROM item_tally WHERE round_id = p_round;
    DELETE FROM school_tally WHERE round_id = p_round;
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
END
$$;

SELECT rebuild_result_tally(id) FROM survey_round;
