-- A local item needs its text in the tenant's own language (bokmål in Norway, Danish in Denmark; checked when the
-- round opens), so bokmål is no longer required of every item; some text still is.
ALTER TABLE survey_local_item ALTER COLUMN text_nb DROP NOT NULL;
ALTER TABLE survey_local_item ADD CONSTRAINT survey_local_item_has_text
    CHECK (coalesce(text_nb, text_nn, text_en, text_da) IS NOT NULL);
