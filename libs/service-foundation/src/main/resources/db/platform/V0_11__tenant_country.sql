-- Each tenant's country (TenantOnboarded.v2 country, or v1's kind: dansk-kommune is DK), so national figures
-- are per country. Null for consultancies. Tenants onboarded before this column get it from their time zone
-- until their onboarding event is applied again (a replay of the topic sets it from the event).
ALTER TABLE access_organisation ADD COLUMN country text CHECK (country IN ('NO', 'DK'));
UPDATE access_organisation SET country = CASE WHEN time_zone = 'Europe/Copenhagen' THEN 'DK' ELSE 'NO' END
    WHERE time_zone IS NOT NULL;
