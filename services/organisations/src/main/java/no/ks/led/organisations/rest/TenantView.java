package no.ks.led.organisations.rest;

import no.ks.led.organisations.Tenant;

/** What a tenant's members may read of it: no counts, no organisation data beyond its name and kind. */
public record TenantView(String slug, String name, String kind, String country, String language, String timeZone) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.slug, tenant.name, tenant.kind, tenant.country, tenant.language, tenant.timeZone);
    }
}
