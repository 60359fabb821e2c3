package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

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
    void theProgrammesPlanEventsThatSchedulingDoesNotHandleYetAreSkippedAndTheStreamGoesOn() throws Exception {
        UUID programmeId = UUID.randomUUID();
        publish(programmeCreated(programmeId, "fjordvik"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String planned = "{\"activityId\":\"" + UUID.randomUUID() + "\",\"programmeId\":\"" + programmeId
                + "\",\"tenantId\":\"fjordvik\",\"kind\":\"leader-gathering\",\"title\":\"Ledersamling\","
                + "\"startsOn\":\"2027-03-01\",\"endsOn\":\"2027-03-01\",\"place\":null,\"plannedAt\":\"" + now + "\"}";
        publish(new EventEnvelope(UUID.randomUUID(),
                EventContracts.type(no.ks.led.events.programmes.ActivityPlanned.class), "/led/programmes", now, "fjordvik", planned));
        // a programme created after the plan's event is still applied: the consumer did not stop at it
        UUID after = UUID.randomUUID();
        publish(programmeCreated(after, "fjordvik"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM programme_ref WHERE id = ?1", after) == 1);
        assertEquals(1, count("SELECT count(*) FROM programme_ref WHERE id = ?1", programmeId));
        // skipped (no handler yet), not failed into the dead-letter topic
        assertTrue(meters.counter("led.events.skipped", "consumer", ProgrammeEvents.CHANNEL, "type",
                EventContracts.type(no.ks.led.events.programmes.ActivityPlanned.class)).count() >= 1);
    }

    @Test
    void gatheringsOfAKnownProgrammeAreListedOnlyInItsTenant() throws Exception {
        UUID programmeId = UUID.randomUUID();
        publish(programmeCreated(programmeId, "fjordvik"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM programme_ref WHERE id = ?1", programmeId) == 1);

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + programmeId + "/gatherings")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + UUID.randomUUID() + "/gatherings")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + programmeId + "/gatherings")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/programmes/" + programmeId + "/gatherings")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/tenants/fjordvik/programmes/" + programmeId + "/gatherings")
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
