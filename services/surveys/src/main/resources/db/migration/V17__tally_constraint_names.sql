-- V16 created the tally tables in arrays while the per-item tables it replaced still existed, so PostgreSQL named
-- the new tables' constraints with a "1" suffix (an unnamed constraint gets a name no other in the schema has), and
-- they kept it after the old tables were dropped. They get the names the old tables' constraints had. (V16 itself
-- stays as it was applied: Flyway refuses to start a service whose applied migration was edited.)
ALTER TABLE item_tally RENAME CONSTRAINT item_tally_round_id_fkey1 TO item_tally_round_id_fkey;
ALTER TABLE level_item_tally RENAME CONSTRAINT level_item_tally_round_id_fkey1 TO level_item_tally_round_id_fkey;
ALTER TABLE level_item_tally RENAME CONSTRAINT level_item_tally_level_check1 TO level_item_tally_level_check;
