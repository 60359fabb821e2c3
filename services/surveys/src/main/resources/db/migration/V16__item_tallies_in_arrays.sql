-- The item counts in one row per (round, school), and per (round, school, level), every item's counts in arrays in
-- item-code order, instead of one row per item (issue 19). A submission wrote 60 rows of item_tally and 60 of
-- level_item_tally for a 60-item instrument (an index entry, or a new row version, and a WAL record each); now it
-- writes one of each, or two level rows when a re-submission changes its level. The views item_counts and
-- level_item_counts give the rows as they were, one per item, for reading. items[i] was answered n1[i] times with 1
-- ... n5[i] times with 5 and dont_know[i] times "don't know". A row is about 2.5 kB for 60 items: toast_tuple_target
-- keeps it in the table, uncompressed, so an update writes it again and nothing else.

ALTER TABLE item_tally RENAME TO item_tally_per_item;
ALTER INDEX item_tally_pkey RENAME TO item_tally_per_item_pkey;
ALTER TABLE level_item_tally RENAME TO level_item_tally_per_item;
ALTER INDEX level_item_tally_pkey RENAME TO level_item_tally_per_item_pkey;

CREATE TABLE item_tally (
    round_id  uuid      NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    school_id uuid      NOT NULL,
    items     text[]    NOT NULL,
    n1        integer[] NOT NULL,
    n2        integer[] NOT NULL,
    n3        integer[] NOT NULL,
    n4        integer[] NOT NULL,
    n5        integer[] NOT NULL,
    dont_know integer[] NOT NULL,
    PRIMARY KEY (round_id, school_id)
) WITH (toast_tuple_target = 8160);

CREATE TABLE level_item_tally (
    round_id  uuid      NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
    school_id uuid      NOT NULL,
    level     text      NOT NULL CHECK (level IN ('principal', 'middle-leader', 'unknown')),
    items     text[]    NOT NULL,
    n1        integer[] NOT NULL,
    n2        integer[] NOT NULL,
    n3        integer[] NOT NULL,
    n4        integer[] NOT NULL,
    n5        integer[] NOT NULL,
    dont_know integer[] NOT NULL,
    PRIMARY KEY (round_id, school_id, level)
) WITH (toast_tuple_target = 8160);

INSERT INTO item_tally (round_id, school_id, items, n1, n2, n3, n4, n5, dont_know)
SELECT round_id, school_id, array_agg(item_code ORDER BY item_code), array_agg(n1 ORDER BY item_code),
       array_agg(n2 ORDER BY item_code), array_agg(n3 ORDER BY item_code), array_agg(n4 ORDER BY item_code),
       array_agg(n5 ORDER BY item_code), array_agg(dont_know ORDER BY item_code)
FROM item_tally_per_item
GROUP BY round_id, school_id;

INSERT INTO level_item_tally (round_id, school_id, level, items, n1, n2, n3, n4, n5, dont_know)
SELECT round_id, school_id, level, array_agg(item_code ORDER BY item_code), array_agg(n1 ORDER BY item_code),
       array_agg(n2 ORDER BY item_code), array_agg(n3 ORDER BY item_code), array_agg(n4 ORDER BY item_code),
       array_agg(n5 ORDER BY item_code), array_agg(dont_know ORDER BY item_code)
FROM level_item_tally_per_item
GROUP BY round_id, school_id, level;

DROP TABLE item_tally_per_item;
DROP TABLE level_item_tally_per_item;

CREATE VIEW item_counts AS
SELECT t.round_id, t.school_id, c.item_code, c.n1, c.n2, c.n3, c.n4, c.n5, c.dont_know
FROM item_tally t
    CROSS JOIN LATERAL unnest(t.items, t.n1, t.n2, t.n3, t.n4, t.n5, t.dont_know)
        AS c (item_code, n1, n2, n3, n4, n5, dont_know);

CREATE VIEW level_item_counts AS
SELECT t.round_id, t.school_id, t.level, c.item_code, c.n1, c.n2, c.n3, c.n4, c.n5, c.dont_know
FROM level_item_tally t
    CROSS JOIN LATERAL unnest(t.items, t.n1, t.n2, t.n3, t.n4, t.n5, t.dont_know)
        AS c (item_code, n1, n2, n3, n4, n5, dont_know);

-- The sum of two rows' counts, item by item (an item in only one of them keeps its counts), in item-code order.
CREATE FUNCTION item_counts_add(
    a_items text[], a_n1 integer[], a_n2 integer[], a_n3 integer[], a_n4 integer[], a_n5 integer[], a_dont_know integer[],
    b_items text[], b_n1 integer[], b_n2 integer[], b_n3 integer[], b_n4 integer[], b_n5 integer[], b_dont_know integer[])
RETURNS TABLE (items text[], n1 integer[], n2 integer[], n3 integer[], n4 integer[], n5 integer[], dont_know integer[])
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(s.item ORDER BY s.item), '{}'), coalesce(array_agg(s.c1 ORDER BY s.item), '{}'),
           coalesce(array_agg(s.c2 ORDER BY s.item), '{}'), coalesce(array_agg(s.c3 ORDER BY s.item), '{}'),
           coalesce(array_agg(s.c4 ORDER BY s.item), '{}'), coalesce(array_agg(s.c5 ORDER BY s.item), '{}'),
           coalesce(array_agg(s.cdk ORDER BY s.item), '{}')
    FROM (SELECT u.item, sum(u.c1)::integer AS c1, sum(u.c2)::integer AS c2, sum(u.c3)::integer AS c3,
                 sum(u.c4)::integer AS c4, sum(u.c5)::integer AS c5, sum(u.cdk)::integer AS cdk
          FROM (SELECT * FROM unnest(a_items, a_n1, a_n2, a_n3, a_n4, a_n5, a_dont_know)
                UNION ALL
                SELECT * FROM unnest(b_items, b_n1, b_n2, b_n3, b_n4, b_n5, b_dont_know))
              AS u (item, c1, c2, c3, c4, c5, cdk)
          GROUP BY u.item) s
$$;

-- The repair path writes the item tallies as arrays.
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
    INSERT INTO item_tally (round_id, school_id, items, n1, n2, n3, n4, n5, dont_know)
    SELECT p_round, c.school_id, array_agg(c.item_code ORDER BY c.item_code),
           array_agg(c.n1 ORDER BY c.item_code), array_agg(c.n2 ORDER BY c.item_code),
           array_agg(c.n3 ORDER BY c.item_code), array_agg(c.n4 ORDER BY c.item_code),
           array_agg(c.n5 ORDER BY c.item_code), array_agg(c.dont_know ORDER BY c.item_code)
    FROM (SELECT s.school_id, a.item_code,
                 (count(*) FILTER (WHERE a.value = 1))::integer AS n1, (count(*) FILTER (WHERE a.value = 2))::integer AS n2,
                 (count(*) FILTER (WHERE a.value = 3))::integer AS n3, (count(*) FILTER (WHERE a.value = 4))::integer AS n4,
                 (count(*) FILTER (WHERE a.value = 5))::integer AS n5, (count(*) FILTER (WHERE a.dont_know))::integer AS dont_know
          FROM answer_set s JOIN answer a ON a.answer_set_id = s.id AND a.stage = 'submitted'
          WHERE s.round_id = p_round AND s.submitted AND a.text IS NULL
          GROUP BY s.school_id, a.item_code) c
    GROUP BY c.school_id;
    INSERT INTO level_tally (round_id, school_id, level, respondents)
    SELECT p_round, s.school_id, coalesce(s.respondent_level, 'unknown'), count(*) FROM answer_set s
    WHERE s.round_id = p_round AND s.submitted
    GROUP BY s.school_id, coalesce(s.respondent_level, 'unknown');
    INSERT INTO level_item_tally (round_id, school_id, level, items, n1, n2, n3, n4, n5, dont_know)
    SELECT p_round, c.school_id, c.level, array_agg(c.item_code ORDER BY c.item_code),
           array_agg(c.n1 ORDER BY c.item_code), array_agg(c.n2 ORDER BY c.item_code),
           array_agg(c.n3 ORDER BY c.item_code), array_agg(c.n4 ORDER BY c.item_code),
           array_agg(c.n5 ORDER BY c.item_code), array_agg(c.dont_know ORDER BY c.item_code)
    FROM (SELECT s.school_id, coalesce(s.respondent_level, 'unknown') AS level, a.item_code,
                 (count(*) FILTER (WHERE a.value = 1))::integer AS n1, (count(*) FILTER (WHERE a.value = 2))::integer AS n2,
                 (count(*) FILTER (WHERE a.value = 3))::integer AS n3, (count(*) FILTER (WHERE a.value = 4))::integer AS n4,
                 (count(*) FILTER (WHERE a.value = 5))::integer AS n5, (count(*) FILTER (WHERE a.dont_know))::integer AS dont_know
          FROM answer_set s JOIN answer a ON a.answer_set_id = s.id AND a.stage = 'submitted'
          WHERE s.round_id = p_round AND s.submitted AND a.text IS NULL
          GROUP BY s.school_id, coalesce(s.respondent_level, 'unknown'), a.item_code) c
    GROUP BY c.school_id, c.level;
END
$$;
