package no.ks.led.events.organisations;

import java.time.Instant;

import no.ks.led.events.EventContract;

/**
 * Version 2 of {@link TenantOnboarded}: the same onboarding and the tenant's {@code country} ({@code NO} or
 * {@code DK}), so every service can keep each country's national figures apart. Its organisation number is
 * the country's own: nine digits in Norway, a CVR number of eight in Denmark. Published beside version 1
 * until every consumer reads version 2.
 */
@EventContract(service = "organisations", name = "TenantOnboarded", version = 2)
public record TenantOnboardedV2(String tenantId, String name, String kind, String country, String organisationNumber,
        String timeZone, String language, Instant onboardedAt) {

    /** The country of every tenant onboarded before version 2: Denmark for a {@code dansk-kommune}, else Norway. */
    public static TenantOnboardedV2 from(TenantOnboarded v1) {
        return new TenantOnboardedV2(v1.tenantId(), v1.name(), v1.kind(), "dansk-kommune".equals(v1.kind()) ? "DK" : "NO",
                v1.organisationNumber(), v1.timeZone(), v1.language(), v1.onboardedAt());
    }

    /** Version 1 of the same onboarding. */
    public TenantOnboarded v1() {
        return new TenantOnboarded(tenantId, name, kind, organisationNumber, timeZone, language, onboardedAt);
    }
}
