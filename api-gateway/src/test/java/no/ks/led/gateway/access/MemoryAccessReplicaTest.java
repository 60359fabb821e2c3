package no.ks.led.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.access.TenantZones;
import org.junit.jupiter.api.Test;

/** The gateway's in-memory replica applies events as the services' database replica does. */
class MemoryAccessReplicaTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final MemoryAccessReplica replica = new MemoryAccessReplica();
    private final UUID person = UUID.randomUUID();

    private void onboard(String tenant) {
        replica.tenantOnboarded(new TenantOnboarded(tenant, tenant, "kommune", "934567897", "Europe/Oslo", "nb", Instant.now()));
    }

    @Test
    void aMembershipOpensItsTenantUntilItEnds() {
        onboard("fjordvik");
        onboard("nordhei");
        UUID membership = UUID.randomUUID();
        var granted = new MembershipGranted(membership, "fjordvik", person, "coordinator", null, TODAY, null);
        replica.membershipGranted(granted);
        assertTrue(replica.mayEnter(person, "fjordvik", TODAY));
        assertFalse(replica.mayEnter(person, "nordhei", TODAY));

        replica.membershipEnded(new MembershipEnded(membership, "fjordvik", person, Instant.now()));
        replica.membershipGranted(granted); // a late redelivery does not reopen it
        assertFalse(replica.mayEnter(person, "fjordvik", TODAY));
    }

    @Test
    void aTenantsDayIsDecidedInItsOwnZone() {
        onboard("fjordvik");
        replica.tenantOnboarded(new TenantOnboarded("kobenhavn", "København", "dansk-kommune", "12345678", "Europe/Copenhagen",
                "da", Instant.now()));
        replica.tenantOnboarded(new TenantOnboarded("nowhere", "Nowhere", "kommune", "934567897", "Mars/Olympus", "nb",
                Instant.now()));
        assertEquals(ZoneId.of("Europe/Copenhagen"), replica.zoneOf("kobenhavn"));
        assertEquals(TenantZones.PLATFORM_DEFAULT, replica.zoneOf("fjordvik"));
        assertEquals(TenantZones.PLATFORM_DEFAULT, replica.zoneOf("nowhere"), "a zone that is not one");
        assertEquals(TenantZones.PLATFORM_DEFAULT, replica.zoneOf("unknown"), "a tenant not onboarded yet");
    }

    @Test
    void eventsForUnknownRowsAreIgnored() {
        replica.membershipEnded(new MembershipEnded(UUID.randomUUID(), "fjordvik", person, Instant.now()));
        replica.engagementEnded(new EngagementEnded(UUID.randomUUID(), "fjordvik", Instant.now()));
        replica.personErased(new PersonErased(person, "fjordvik", Instant.now()));
        assertFalse(replica.mayEnter(person, "fjordvik", TODAY));
    }

    @Test
    void aRevokedEngagementOrADeactivatedTenantClosesTheDoor() {
        onboard("fjordvik");
        replica.membershipGranted(new MembershipGranted(UUID.randomUUID(), "veiviser", person, "consultant", null,
                TODAY.minusYears(1), null));
        UUID engagement = UUID.randomUUID();
        replica.engagementStarted(new EngagementStarted(engagement, "fjordvik", "veiviser", null, List.of(), TODAY, null));
        assertTrue(replica.mayEnter(person, "fjordvik", TODAY));
        replica.engagementEnded(new EngagementEnded(engagement, "fjordvik", Instant.now()));
        assertFalse(replica.mayEnter(person, "fjordvik", TODAY));

        UUID executive = UUID.randomUUID();
        replica.membershipGranted(new MembershipGranted(UUID.randomUUID(), "fjordvik", executive, "owner-executive", null,
                TODAY, null));
        assertTrue(replica.mayEnter(executive, "fjordvik", TODAY));
        replica.tenantDeactivated(new TenantDeactivated("fjordvik", Instant.now()));
        assertFalse(replica.mayEnter(executive, "fjordvik", TODAY));
        replica.personErased(new PersonErased(executive, "fjordvik", Instant.now()));
    }

    @Test
    void anEndThatArrivesBeforeItsStartIsNotUndoneByIt() {
        onboard("fjordvik");
        UUID membership = UUID.randomUUID();
        replica.membershipEnded(new MembershipEnded(membership, "fjordvik", person, Instant.now()));
        replica.membershipGranted(new MembershipGranted(membership, "fjordvik", person, "coordinator", null, TODAY, null));
        assertFalse(replica.mayEnter(person, "fjordvik", TODAY));

        UUID consultant = UUID.randomUUID();
        replica.membershipGranted(new MembershipGranted(UUID.randomUUID(), "veiviser", consultant, "consultant", null,
                TODAY.minusYears(1), null));
        UUID engagement = UUID.randomUUID();
        replica.engagementEnded(new EngagementEnded(engagement, "fjordvik", Instant.now()));
        replica.engagementStarted(new EngagementStarted(engagement, "fjordvik", "veiviser", null, List.of(), TODAY, null));
        assertFalse(replica.mayEnter(consultant, "fjordvik", TODAY));

        UUID erased = UUID.randomUUID();
        replica.personErased(new PersonErased(erased, "fjordvik", Instant.now()));
        replica.membershipGranted(new MembershipGranted(UUID.randomUUID(), "fjordvik", erased, "principal",
                UUID.randomUUID(), TODAY, null));
        assertFalse(replica.mayEnter(erased, "fjordvik", TODAY));

        replica.tenantDeactivated(new TenantDeactivated("nordhei", Instant.now()));
        onboard("nordhei");
        UUID executive = UUID.randomUUID();
        replica.membershipGranted(new MembershipGranted(UUID.randomUUID(), "nordhei", executive, "owner-executive", null,
                TODAY, null));
        assertFalse(replica.mayEnter(executive, "nordhei", TODAY));
    }
}
