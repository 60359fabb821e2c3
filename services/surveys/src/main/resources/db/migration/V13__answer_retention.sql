-- Retention (issue 18): each round keeps its answers for a period the owner chooses when opening it (default five
-- years after its last day); then a scheduled purge deletes its answer sets and answers (free text included) and
-- keeps only what the results and trends are made of: the tallies (school_tally, item_tally), which hold no person.
-- answers_purged_at says when; a purged round's figures are never rebuilt from answers again.
ALTER TABLE survey_round
    ADD COLUMN retention_years integer NOT NULL DEFAULT 5 CHECK (retention_years BETWEEN 1 AND 10),
    ADD COLUMN answers_purged_at timestamptz;

CREATE INDEX survey_round_to_purge ON survey_round (closes_on) WHERE answers_purged_at IS NULL;

-- Rebuilding a purged round's tallies from its (deleted) answers would erase its figures: refuse it.
CREATE OR REPLACE FUNCTION rebuild_result_tally(p_round uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM survey_round WHERE id = p_round AND answers_purged_at IS NOT NULL) THEN
        RAISE EXCEPTION 'survey round % has had its answers purged; its tallies are all that is left', p_round;
    END IF;
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
