package no.ks.led.programmes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.access.TenantRole;
import no.ks.led.foundation.demo.DemoDirectory;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.foundation.testing.RealmLogin;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The access replica as one service sees it: organisations events arrive through the real broker and
 * change who may act, whatever the caller's token says.
 */
@QuarkusTest
class AccessReplicaTests {

    private static final Logger LOG = Logger.getLogger(AccessReplicaTests.class);
    private static final DemoDirectory DEMO = DemoAccess.directory();
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Oslo"));

    @Inject
    AccessReplica replica;

    @Inject
    EntityManager entityManager;

    @Test
    void aRevokedEngagementStopsTheConsultantAsSoonAsItsEventArrives() {
        // a tenant and a consultancy of this test's own, so the demo engagements stay as other tests expect them
        String tenant = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String consultancy = "k-" + UUID.randomUUID().toString().substring(0, 8);
        UUID consultant = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        DemoAccess.publish(tenant, new TenantOnboarded(tenant, "Konsulentvik kommune", "kommune", "934567897",
                "Europe/Oslo", "nb", Instant.now()));
        DemoAccess.publish(consultancy, new MembershipGranted(UUID.randomUUID(), consultancy, consultant, "consultant",
                null, TODAY.minusYears(1), null));
        UUID engagement = UUID.randomUUID();
        DemoAccess.publish(tenant, new EngagementStarted(engagement, tenant, consultancy, consultant, List.of(school),
                TODAY, TODAY.plusMonths(6)));
        await().atMost(Duration.ofSeconds(20)).until(() -> grants(consultant, tenant));
        var grant = QuarkusTransaction.requiringNew().call(() -> replica.grantFor(consultant, tenant, TODAY));
        assertEquals(java.util.Set.of(TenantRole.CONSULTANT), grant.roleSet());
        assertTrue(grant.coversSchool(school, List.of(TenantRole.CONSULTANT)));
        assertFalse(grant.coversSchool(UUID.randomUUID(), List.of(TenantRole.CONSULTANT)));

        Instant revoked = Instant.now();
        DemoAccess.publish(tenant, new EngagementEnded(engagement, tenant, revoked));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> !grants(consultant, tenant));
        LOG.infof("Revocation event published to access refused in this service's replica: %d ms",
                Duration.between(revoked, Instant.now()).toMillis());
    }

    @Test
    void rolesComeFromMembershipsNotFromTheToken() {
        UUID leader = DEMO.person("fjordvik.leader").id();
        String token = RealmLogin.accessToken("fjordvik.leader");
        // a school leader may read but not create programmes
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Ikke lov\"}")
                .post("/api/tenants/fjordvik/programmes").then().statusCode(403);

        UUID membership = UUID.randomUUID();
        DemoAccess.publish("fjordvik", new MembershipGranted(membership, "fjordvik", leader, "coordinator", null, TODAY, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Nå som koordinator\"}").post("/api/tenants/fjordvik/programmes").statusCode() == 201);

        DemoAccess.publish("fjordvik", new MembershipEnded(membership, "fjordvik", leader, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Ikke lenger\"}").post("/api/tenants/fjordvik/programmes").statusCode() == 403);
    }

    @Test
    void aDeactivatedTenantAndAnErasedPersonGrantNothing() {
        String tenant = "r-" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = UUID.randomUUID();
        DemoAccess.publish(tenant, new TenantOnboarded(tenant, "Replikavik kommune", "kommune", "934567897", "Europe/Oslo",
                "nb", Instant.now()));
        DemoAccess.publish(tenant, new MembershipGranted(UUID.randomUUID(), tenant, person, "owner-executive", null, TODAY, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> grants(person, tenant));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> replica.grantFor(person, tenant, TODAY))
                .hasAny(List.of(TenantRole.OWNER_EXECUTIVE)));
        assertFalse(grants(person, "fjordvik"));

        DemoAccess.publish(tenant, new TenantDeactivated(tenant, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !grants(person, tenant));

        String other = "e-" + UUID.randomUUID().toString().substring(0, 8);
        DemoAccess.publish(other, new TenantOnboarded(other, "Slettevik kommune", "kommune", "934567897", "Europe/Oslo",
                "nb", Instant.now()));
        DemoAccess.publish(other, new MembershipGranted(UUID.randomUUID(), other, person, "coordinator", null, TODAY, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> grants(person, other));
        DemoAccess.publish(other, new PersonErased(person, other, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !grants(person, other));
    }

    @Test
    void eventsOutOfOrderGiveTheSameAccessAsInOrder() {
        String tenant = "o-" + UUID.randomUUID().toString().substring(0, 8);
        String consultancy = "k-" + UUID.randomUUID().toString().substring(0, 8);
        DemoAccess.publish(tenant, new TenantOnboarded(tenant, "Ordenvik kommune", "kommune", "934567897",
                "Europe/Oslo", "nb", Instant.now()));
        UUID consultant = UUID.randomUUID();
        DemoAccess.publish(consultancy, new MembershipGranted(UUID.randomUUID(), consultancy, consultant, "consultant",
                null, TODAY.minusYears(1), null));
        // a witness granted last, so once it holds, everything before it on the tenant's partition was applied
        UUID witness = UUID.randomUUID();

        // in order: started then ended; out of order: ended then started (both end with no access)
        UUID inOrder = UUID.randomUUID();
        UUID outOfOrder = UUID.randomUUID();
        UUID engagementInOrder = UUID.randomUUID();
        UUID engagementOutOfOrder = UUID.randomUUID();
        UUID erasedInOrder = UUID.randomUUID();
        UUID erasedOutOfOrder = UUID.randomUUID();
        Instant ended = Instant.now();
        var grant = (java.util.function.BiFunction<UUID, UUID, MembershipGranted>) (membership, person) ->
                new MembershipGranted(membership, tenant, person, "coordinator", null, TODAY, null);
        UUID personInOrder = UUID.randomUUID();
        UUID personOutOfOrder = UUID.randomUUID();
        DemoAccess.publish(tenant, grant.apply(inOrder, personInOrder));
        DemoAccess.publish(tenant, new MembershipEnded(inOrder, tenant, personInOrder, ended));
        DemoAccess.publish(tenant, new MembershipEnded(outOfOrder, tenant, personOutOfOrder, ended));
        DemoAccess.publish(tenant, grant.apply(outOfOrder, personOutOfOrder));

        DemoAccess.publish(tenant, new EngagementStarted(engagementInOrder, tenant, consultancy, consultant, List.of(),
                TODAY, null));
        DemoAccess.publish(tenant, new EngagementEnded(engagementInOrder, tenant, ended));
        DemoAccess.publish(tenant, new EngagementEnded(engagementOutOfOrder, tenant, ended));
        DemoAccess.publish(tenant, new EngagementStarted(engagementOutOfOrder, tenant, consultancy, consultant, List.of(),
                TODAY, null));

        DemoAccess.publish(tenant, grant.apply(UUID.randomUUID(), erasedInOrder));
        DemoAccess.publish(tenant, new PersonErased(erasedInOrder, tenant, ended));
        DemoAccess.publish(tenant, new PersonErased(erasedOutOfOrder, tenant, ended));
        DemoAccess.publish(tenant, grant.apply(UUID.randomUUID(), erasedOutOfOrder));

        DemoAccess.publish(tenant, grant.apply(UUID.randomUUID(), witness));
        await().atMost(Duration.ofSeconds(20)).until(() -> grants(witness, tenant));
        for (UUID person : List.of(personInOrder, personOutOfOrder, consultant, erasedInOrder, erasedOutOfOrder)) {
            assertFalse(grants(person, tenant), () -> person + " must have no access in " + tenant);
        }

        // a tenant deactivated before its onboarding arrives stays deactivated
        String late = "d-" + UUID.randomUUID().toString().substring(0, 8);
        DemoAccess.publish(late, new TenantDeactivated(late, Instant.now()));
        DemoAccess.publish(late, new TenantOnboarded(late, "Seinvik kommune", "kommune", "934567897", "Europe/Oslo",
                "nb", Instant.now()));
        UUID executive = UUID.randomUUID();
        UUID lateMembership = UUID.randomUUID();
        DemoAccess.publish(late, new MembershipGranted(lateMembership, late, executive, "owner-executive", null, TODAY,
                null));
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.holdsMemberships(List.of(lateMembership)));
        assertFalse(grants(executive, late));
    }

    @Test
    void aGrantIsDecidedOnTodayInTheTenantsOwnZone() {
        // a membership that starts today in Kiritimati (UTC+14): in Pago Pago (UTC-11) that day has not begun
        ZoneId ahead = ZoneId.of("Pacific/Kiritimati");
        ZoneId behind = ZoneId.of("Pacific/Pago_Pago");
        LocalDate startsOn = LocalDate.now(ahead);
        UUID person = UUID.randomUUID();
        String early = "z-" + UUID.randomUUID().toString().substring(0, 8);
        String late = "z-" + UUID.randomUUID().toString().substring(0, 8);
        UUID earlyMembership = UUID.randomUUID();
        UUID lateMembership = UUID.randomUUID();
        DemoAccess.publish(early, new TenantOnboarded(early, "Tidligvik kommune", "kommune", "934567897", ahead.getId(), "nb",
                Instant.now()));
        DemoAccess.publish(early, new MembershipGranted(earlyMembership, early, person, "coordinator", null, startsOn, null));
        DemoAccess.publish(late, new TenantOnboarded(late, "Seinvik kommune", "kommune", "934567897", behind.getId(), "nb",
                Instant.now()));
        DemoAccess.publish(late, new MembershipGranted(lateMembership, late, person, "coordinator", null, startsOn, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.holdsMemberships(List.of(earlyMembership, lateMembership)));

        // outside a transaction too (as a resource asks it before its service method begins one)
        assertEquals(java.util.Set.of(TenantRole.COORDINATOR), replica.grantFor(person, early).roleSet());
        assertTrue(replica.grantFor(person, late).isEmpty(), "the day has not begun in the tenant's zone");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> replica.grantFor(person, late, LocalDate.now(ahead)))
                .hasAny(List.of(TenantRole.COORDINATOR)), "on the tenant's next day it holds");
        assertTrue(replica.grantFor(person, "no-such-tenant-" + UUID.randomUUID()).isEmpty());
        assertFalse(LocalDate.now(behind).equals(startsOn), "the two zones are on different days at any instant");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID membership = UUID.randomUUID();
        var envelope = DemoAccess.envelope("redelivered:" + membership, "fjordvik", new MembershipGranted(membership,
                "fjordvik", UUID.randomUUID(), "school-leader", UUID.randomUUID(), TODAY, TODAY.plusYears(1)));
        DemoAccess.redeliver(envelope);
        DemoAccess.redeliver(envelope);
        await().atMost(Duration.ofSeconds(20)).until(() -> replica.holdsMemberships(List.of(membership)));
        DemoAccess.publish("fjordvik", new MembershipEnded(membership, "fjordvik", UUID.randomUUID(), Instant.now()));
        // a late copy of the grant does not bring the ended membership back
        DemoAccess.redeliver(envelope);
        await().atMost(Duration.ofSeconds(20)).until(() -> endedAt(membership) != null);
        DemoAccess.redeliver(envelope);
        Object ended = endedAt(membership);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(ended, endedAt(membership));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM access_membership WHERE membership_id = ?1").setParameter(1, membership)
                .getSingleResult()).longValue()));
    }

    @Test
    void anErasedPersonIsNoLongerNamedAsAProgrammesCreator() {
        UUID person = UUID.randomUUID();
        UUID programme = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO programme (id, tenant_id, name, created_at, created_by) VALUES (?1, 'fjordvik', 'Slettes', now(), ?2)")
                .setParameter(1, programme).setParameter(2, person.toString()).executeUpdate());
        DemoAccess.publish("fjordvik", new PersonErased(person, "fjordvik", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "erased".equals(QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery("SELECT created_by FROM programme WHERE id = ?1").setParameter(1, programme)
                        .getSingleResult())));
    }

    private boolean grants(UUID person, String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> !replica.grantFor(person, tenant, TODAY).isEmpty());
    }

    private Object endedAt(UUID membership) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("SELECT ended_at FROM access_membership WHERE membership_id = ?1")
                    .setParameter(1, membership).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
    }
}
