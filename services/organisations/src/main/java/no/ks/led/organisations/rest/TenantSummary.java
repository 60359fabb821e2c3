package no.ks.led.organisations.rest;

import java.time.Instant;

/** A tenant as KS sees it nationally: status and counts, no personal data. */
public record TenantSummary(String slug, String name, String kind, String country, String organisationNumber, boolean active,
        long schools, Instant onboardedAt) {
}
