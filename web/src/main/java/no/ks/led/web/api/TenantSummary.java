package no.ks.led.web.api;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/** A tenant as KS sees it nationally: kind, organisation number, whether it is active, its number of schools. */
@TemplateData
public record TenantSummary(String slug, String name, String kind, String organisationNumber, boolean active,
        long schools, Instant onboardedAt) {

    public String kindKey() {
        return "tenant-kind." + kind;
    }
}
