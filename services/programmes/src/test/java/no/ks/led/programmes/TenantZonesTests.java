package no.ks.led.programmes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.testing.DemoAccess;
import org.junit.jupiter.api.Test;

/** A tenant's time zone reaches the service with its onboarding event; an unknown tenant gets the platform's. */
@QuarkusTest
class TenantZonesTests {

    @Inject
    TenantZones zones;

    @Test
    void aDanishTenantHasCopenhagenTimeOnceItsOnboardingArrives() {
        String tenant = "z-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(TenantZones.PLATFORM_DEFAULT, zoneOf(tenant));

        DemoAccess.publish(tenant, new TenantOnboarded(tenant, "Sonderby Kommune", "dansk-kommune", "29189846",
                "Europe/Copenhagen", "da", Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> zoneOf(tenant).equals(ZoneId.of("Europe/Copenhagen")));
    }

    @Test
    void anUnknownTenantHasThePlatformDefault() {
        assertEquals(ZoneId.of("Europe/Oslo"), TenantZones.PLATFORM_DEFAULT);
        assertEquals(TenantZones.PLATFORM_DEFAULT, zoneOf("no-such-tenant-" + UUID.randomUUID()));
    }

    private ZoneId zoneOf(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> zones.of(tenant));
    }
}
