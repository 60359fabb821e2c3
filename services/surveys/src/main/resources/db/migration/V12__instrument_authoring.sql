-- KS writes instrument versions through the API (issue 18): a draft is an instrument_version row with
-- published_at NULL, edited until published and frozen by the triggers of V2. Each item has its text in
-- two voices: the first person (text_*, asked in individual rounds) and the team's "Vi ..." (team_*,
-- asked in team rounds). Version 1 was written with one voice only; its rounds keep asking text_*.
-- Adding the columns fires no row trigger and changes no published row.
ALTER TABLE instrument_item
    ADD COLUMN team_nb text,
    ADD COLUMN team_nn text,
    ADD COLUMN team_en text,
    ADD COLUMN team_da text,
    ADD CONSTRAINT instrument_item_team_all_or_none CHECK (num_nulls(team_nb, team_nn, team_en, team_da) IN (0, 4));
