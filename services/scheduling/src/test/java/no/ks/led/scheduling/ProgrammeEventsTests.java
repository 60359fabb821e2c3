package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.EventContracts;
import no.ks.led.events.programmes.ProgrammeCreated;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.scheduling.events.ProgrammeEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The programme read model, fed through the real broker, and the gatherings route that uses it. */
@QuarkusTest
class ProgrammeEventsTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aDuplicatedEventIsAppliedOnce() throws Exception {
        UUID programmeId = UUID.randomUUID();
        EventEnvelope event = programmeCreated(programmeId, "fjordvik");
        publish(event);
        publish(event);
        // a later, different event shows both copies before it were consumed
        UUID marker = UUID.randomUUID();
        publish(programmeCreated(marker, "fjordvik"));

        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM programme_ref WHERE id = ?1", marker) == 1);
        assertEquals(1, count("SELECT count(*) FROM programme_ref WHERE id = ?1", programmeId));
        assertEquals(1, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", event.id()));
    }

    @Test
    void aPlannedActivityArrivesOnceAsAProposalTheCoordinatorConfirms() throws Exception {
        UUID programmeId = UUID.randomUUID();
        publish(programmeCreated(programmeId, "fjordvik"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID plannedId = UUID.randomUUID();
        String planned = "{\"activityId\":\"" + plannedId + "\",\"programmeId\":\"" + programmeId
                + "\",\"tenantId\":\"fjordvik\",\"kind\":\"leader-gathering\",\"title\":\"Ledersamling fra planen\","
                + "\"startsOn\":\"2031-03-04\",\"endsOn\":\"2031-03-04\",\"place\":null,\"plannedAt\":\"" + now + "\"}";
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(),
                EventContracts.type(no.ks.led.events.programmes.ActivityPlanned.class), "/led/programmes", now, "fjordvik", planned);
        publish(event);
        publish(event);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "SELECT count(*) FROM activity WHERE planned_activity_id = ?1", plannedId) == 1);
        UUID activityId = QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager.createNativeQuery(
                "SELECT id FROM activity WHERE planned_activity_id = ?1").setParameter(1, plannedId).getSingleResult());

        // a proposal is in no calendar and books nothing until the coordinator confirms it (at other times here)
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/activities/" + activityId)
                .then().statusCode(200).body("status", equalTo("proposed")).body("startsAt", equalTo("2031-03-04T09:00:00"));
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator")).contentType("application/json").body("{}")
                .when().post("/api/tenants/fjordvik/activities/" + activityId + "/confirmation")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json")
                .body("{\"startsAt\":\"2031-03-04T10:00\",\"endsAt\":\"2031-03-04T14:00\"}")
                .when().post("/api/tenants/fjordvik/activities/" + activityId + "/confirmation")
                .then().statusCode(200).body("status", equalTo("scheduled")).body("startsAt", equalTo("2031-03-04T10:00:00"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.scheduling.ActivityScheduled.v1'"
                + " AND payload LIKE '%' || ?1 || '%'", activityId));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json").body("{}")
                .when().post("/api/tenants/fjordvik/activities/" + activityId + "/confirmation")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void gatheringsOfAKnownProgrammeAreListedOnlyInItsTenant() throws Exception {
        UUID programmeId = UUID.randomUUID();
        publish(programmeCreated(programmeId, "fjordvik"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM programme_ref WHERE id = ?1", programmeId) == 1);

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + programmeId + "/activities")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + UUID.randomUUID() + "/activities")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + programmeId + "/activities")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/programmes/" + programmeId + "/activities")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/tenants/fjordvik/programmes/" + programmeId + "/activities")
                .then().statusCode(401).contentType(PROBLEM);
    }

    private static EventEnvelope programmeCreated(UUID programmeId, String tenant) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String data = "{\"programmeId\":\"" + programmeId + "\",\"tenantId\":\"" + tenant
                + "\",\"name\":\"Led skole\",\"createdAt\":\"" + now + "\"}";
        return new EventEnvelope(UUID.randomUUID(), EventContracts.type(ProgrammeCreated.class), "/led/programmes",
                now, tenant, data);
    }

    private void publish(EventEnvelope event) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(event.toProducerRecord(EventContracts.topic(ProgrammeCreated.class))).get();
        }
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, id).getSingleResult()).longValue());
    }
}
