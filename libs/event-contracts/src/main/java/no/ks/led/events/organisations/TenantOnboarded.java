package no.ks.led.events.organisations;

import java.time.Instant;

import no.ks.led.events.EventContract;

/** KS onboarded a school owner as a tenant of the platform. */
@EventContract(service = "organisations", name = "TenantOnboarded", version = 1)
public record TenantOnboarded(String tenantId, String name, String kind, String organisationNumber,
        String timeZone, String language, Instant onboardedAt) {
}
