-- Each tenant's country, from its kind (dansk-kommune is Denmark): national figures are per country.
ALTER TABLE tenant ADD COLUMN country text;
UPDATE tenant SET country = CASE WHEN kind = 'dansk-kommune' THEN 'DK' ELSE 'NO' END;
ALTER TABLE tenant
    ALTER COLUMN country SET NOT NULL,
    ADD CONSTRAINT tenant_country CHECK ((kind = 'dansk-kommune') = (country = 'DK') AND country IN ('NO', 'DK'));
