-- Each tenant's own time zone (TenantOnboarded.timeZone), for no.ks.led.foundation.access.TenantZones.
-- Null for consultancies and for tenants onboarded before this column: those use the platform default.
ALTER TABLE access_organisation ADD COLUMN time_zone text;
