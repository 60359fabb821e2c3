package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static no.ks.led.scheduling.ActivityResourceTests.activity;
import static no.ks.led.scheduling.ActivityResourceTests.schedule;
import static no.ks.led.scheduling.ActivityResourceTests.token;
import static no.ks.led.scheduling.ActivityResourceTests.year;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.EventContracts;
import no.ks.led.events.funding.FundingApplied;
import no.ks.led.events.funding.FundingApproved;
import no.ks.led.foundation.events.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The shared speaker directory and its bookings against the real database: a speaker is never booked twice at
 * overlapping times across tenants, and the tenant refused learns only "busy" (issue 15, check 3).
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class SpeakerBookingTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static String speaker(String tenant, String email) {
        return given().auth().oauth2(token(tenant + ".coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Kari Foredrag\",\"organisation\":\"IMTEC\",\"email\":\"" + email + "\"}")
                .when().post("/api/tenants/" + tenant + "/speakers").then().extract().path("id");
    }

    static io.restassured.response.Response book(String tenant, String activityId, String body) {
        return given().auth().oauth2(token(tenant + ".coordinator")).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/" + tenant + "/activities/" + activityId + "/speakers");
    }

    @Test
    void theSameEmailIsTheSameSpeakerInTheSharedDirectory() {
        String email = "kari." + UUID.randomUUID() + "@imtec.example";
        String id = given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Kari Foredrag\",\"organisation\":\"IMTEC\",\"email\":\"" + email + "\"}")
                .when().post("/api/tenants/fjordvik/speakers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"K. Foredrag\",\"email\":\"" + email.toUpperCase() + "\"}")
                .when().post("/api/tenants/nordhei/speakers").then().statusCode(200).body("id", equalTo(id))
                .body("name", equalTo("Kari Foredrag"));
        given().auth().oauth2(token("nordhei.leader")).queryParam("limit", 500)
                .when().get("/api/tenants/nordhei/speakers").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\" \",\"email\":\"not-an-address\"}")
                .when().post("/api/tenants/fjordvik/speakers").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("name")).body("violations.field", hasItem("email"));
        given().auth().oauth2(token("fjordvik.leader")).contentType(ContentType.JSON)
                .body("{\"name\":\"Leder\",\"email\":\"leder@example.org\"}")
                .when().post("/api/tenants/fjordvik/speakers").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anotherTenantInAnotherZoneLearnsOnlyBusyInTheResponseTheLogsAndItsFeed() {
        int y = year();
        String speakerId = speaker("fjordvik", "x." + UUID.randomUUID() + "@example.org");
        String secretTitle = "Fjordviks hemmelige samling " + UUID.randomUUID();
        String fjordvikActivity = schedule("fjordvik.coordinator", "fjordvik",
                activity(secretTitle, y + "-03-10T09:00", y + "-03-10T15:00", ",\"place\":\"Fjordvik rådhus\""))
                .then().statusCode(201).extract().path("id");
        book("fjordvik", fjordvikActivity, "{\"speakerId\":\"" + speakerId + "\",\"tentative\":true}")
                .then().statusCode(201).body("speakers.speakerId", hasItem(speakerId))
                .body("speakers.find { it.speakerId == '" + speakerId + "' }.tentative", equalTo(true));

        String zoneBefore = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT time_zone FROM access_organisation WHERE id = 'nordhei'").getSingleResult());
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        try {
            setZone("Europe/Copenhagen");
            // 14:00-16:00 in Copenhagen is 14:00-16:00 in Oslo: it overlaps the tentative booking
            String nordheiActivity = schedule("nordhei.coordinator", "nordhei",
                    activity("Nordheis seminar", y + "-03-10T14:00", y + "-03-10T16:00", ""))
                    .then().statusCode(201).body("timeZone", equalTo("Europe/Copenhagen")).extract().path("id");
            Logger.getLogger("").addHandler(capture);
            String answer = book("nordhei", nordheiActivity, "{\"speakerId\":\"" + speakerId + "\",\"feeOre\":1600000}")
                    .then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("urn:no:ks:led:problem:speaker-busy"))
                    .extract().asString();
            org.jboss.logging.Logger.getLogger(SpeakerBookingTests.class).warn("the capture sees log lines");
            Logger.getLogger("").removeHandler(capture);
            assertTrue(logged.stream().anyMatch(l -> l.contains("the capture sees log lines")), logged::toString);
            for (String secret : List.of(fjordvikActivity, secretTitle, "fjordvik", "Fjordvik", "09:00", "15:00", y + "-03-10")) {
                assertFalse(answer.contains(secret), () -> "the answer names " + secret + ": " + answer);
            }
            for (String secret : List.of(fjordvikActivity, secretTitle, "fjordvik", "Fjordvik rådhus", y + "-03-10")) {
                assertTrue(logged.stream().noneMatch(l -> l.contains(secret)), () -> "a log line names " + secret + ": " + logged);
            }
            // nothing was booked, and nordhei's own feed shows its own activity only
            given().auth().oauth2(token("nordhei.coordinator"))
                    .when().get("/api/tenants/nordhei/activities/" + nordheiActivity)
                    .then().statusCode(200).body("speakers.speakerId", not(hasItem(speakerId)));
            String feed = CalendarFeedTests.feedOf("nordhei.coordinator", "nordhei", "{\"scope\":\"person\"}");
            assertTrue(feed.contains(nordheiActivity + "@led.ks.no"));
            assertFalse(feed.contains(fjordvikActivity));
            assertFalse(feed.contains(secretTitle));
            assertFalse(feed.contains("Fjordvik"));

            // right after is free; once fjordvik cancels, nordhei may book the speaker at that time
            String later = schedule("nordhei.coordinator", "nordhei", activity("Etterpå", y + "-03-10T15:00", y + "-03-10T16:00", ""))
                    .then().statusCode(201).extract().path("id");
            book("nordhei", later, "{\"speakerId\":\"" + speakerId + "\"}").then().statusCode(201);
            given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/tenants/fjordvik/activities/" + fjordvikActivity + "/cancellation").then().statusCode(200);
            // 14:00-16:00 still overlaps nordhei's own 15:00-16:00 booking of the speaker
            book("nordhei", nordheiActivity, "{\"speakerId\":\"" + speakerId + "\"}").then().statusCode(409);
            given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON)
                    .body("{\"endsAt\":\"" + y + "-03-10T15:00\"}")
                    .when().patch("/api/tenants/nordhei/activities/" + nordheiActivity).then().statusCode(200);
            book("nordhei", nordheiActivity, "{\"speakerId\":\"" + speakerId + "\"}").then().statusCode(201);
        } finally {
            Logger.getLogger("").removeHandler(capture);
            setZone(zoneBefore);
        }
    }

    @Test
    void reschedulingIntoABusyTimeIsRefusedAndChangesNothing() {
        int y = year();
        String speakerId = speaker("fjordvik", "y." + UUID.randomUUID() + "@example.org");
        String first = schedule("fjordvik.coordinator", "fjordvik", activity("Først", y + "-04-01T09:00", y + "-04-01T12:00", ""))
                .then().statusCode(201).extract().path("id");
        String second = schedule("nordhei.coordinator", "nordhei", activity("Senere", y + "-04-01T13:00", y + "-04-01T15:00", ""))
                .then().statusCode(201).extract().path("id");
        book("fjordvik", first, "{\"speakerId\":\"" + speakerId + "\"}").then().statusCode(201);
        book("nordhei", second, "{\"speakerId\":\"" + speakerId + "\"}").then().statusCode(201);
        given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + y + "-04-01T11:00\"}")
                .when().patch("/api/tenants/nordhei/activities/" + second)
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:no:ks:led:problem:speaker-busy"));
        given().auth().oauth2(token("nordhei.coordinator")).when().get("/api/tenants/nordhei/activities/" + second)
                .then().statusCode(200).body("startsAt", equalTo(y + "-04-01T13:00:00")).body("sequence", equalTo(0));
    }

    @Test
    void concurrentBookingsOfOneSpeakerFromTwoTenantsLetExactlyOneThrough() throws Exception {
        int y = year();
        String speakerId = speaker("fjordvik", "z." + UUID.randomUUID() + "@example.org");
        String a = schedule("fjordvik.coordinator", "fjordvik", activity("A", y + "-05-04T09:00", y + "-05-04T15:00", ""))
                .then().statusCode(201).extract().path("id");
        String b = schedule("nordhei.coordinator", "nordhei", activity("B", y + "-05-04T10:00", y + "-05-04T11:00", ""))
                .then().statusCode(201).extract().path("id");
        token("fjordvik.coordinator");
        token("nordhei.coordinator");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = List.of(
                    () -> book("fjordvik", a, "{\"speakerId\":\"" + speakerId + "\"}").statusCode(),
                    () -> book("nordhei", b, "{\"speakerId\":\"" + speakerId + "\"}").statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(List.of(201, 409), statuses.stream().sorted().toList());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM speaker_booking WHERE speaker_id = CAST(?1 AS uuid)").setParameter(1, speakerId)
                .getSingleResult()).longValue()));
    }

    @Test
    void theDatabaseItselfRefusesAnOverlappingBookingThatSkipsTheCheck() {
        int y = year();
        String speakerId = speaker("fjordvik", "w." + UUID.randomUUID() + "@example.org");
        String a = schedule("fjordvik.coordinator", "fjordvik", activity("A", y + "-06-01T09:00", y + "-06-01T15:00", ""))
                .then().statusCode(201).extract().path("id");
        String b = schedule("nordhei.coordinator", "nordhei", activity("B", y + "-06-01T14:00", y + "-06-01T16:00", ""))
                .then().statusCode(201).extract().path("id");
        book("fjordvik", a, "{\"speakerId\":\"" + speakerId + "\"}").then().statusCode(201);
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("""
                        INSERT INTO speaker_booking (id, activity_id, speaker_id, tenant_id, tentative, during, booked_at)
                        SELECT gen_random_uuid(), id, CAST(?1 AS uuid), tenant_id, true, tstzrange(starts_at, ends_at), now()
                        FROM activity WHERE id = CAST(?2 AS uuid)""").setParameter(1, speakerId).setParameter(2, b).executeUpdate()));
        boolean exclusion = false;
        for (Throwable t = refused; t != null; t = t.getCause()) {
            exclusion |= t instanceof java.sql.SQLException sql && "23P01".equals(sql.getSQLState());
        }
        assertTrue(exclusion, "refused by the exclusion constraint: " + refused);
    }

    @Test
    void aPaidSpeakerWithoutApprovedFundingWarnsUntilTheFundApproves() throws Exception {
        int y = year();
        String speakerId = speaker("fjordvik", "p." + UUID.randomUUID() + "@example.org");
        String id = schedule("fjordvik.coordinator", "fjordvik", activity("Betalt", y + "-08-20T09:00", y + "-08-20T15:00", ""))
                .then().statusCode(201).body("warnings.code", not(hasItem("unfunded-paid-speaker"))).extract().path("id");
        book("fjordvik", id, "{\"speakerId\":\"" + speakerId + "\",\"feeOre\":1600000,\"travelOre\":250000}")
                .then().statusCode(201)
                .body("warnings.code", hasItem("unfunded-paid-speaker"))
                .body("speakers.find { it.speakerId == '" + speakerId + "' }.feeOre", equalTo(1600000));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.scheduling.SpeakerBooked.v1' AND payload LIKE ?1")
                .setParameter(1, "%" + id + "%").getSingleResult()).longValue()));

        Instant approvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new FundingApproved(UUID.randomUUID(), "fjordvik", List.of(UUID.fromString(id)), "21/12345", 1120000,
                java.time.LocalDate.of(y, 12, 31), approvedAt), "fjordvik");
        // an earlier application arriving late does not undo the approval
        publish(new FundingApplied(UUID.randomUUID(), "fjordvik", null, List.of(UUID.fromString(id)), "ou-2024", 1,
                1600000, java.time.LocalDate.now(), approvedAt.minusSeconds(3600)), "fjordvik");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/activities/" + id)
                .then().statusCode(200).body("fundingStatus", equalTo("approved"))
                .body("warnings.code", not(hasItem("unfunded-paid-speaker"))));

        book("fjordvik", id, "{\"speakerId\":\"" + speakerId + "\"}").then().statusCode(409).contentType(PROBLEM);
        book("fjordvik", id, "{\"feeOre\":-1}").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("speakerId")).body("violations.field", hasItem("feeOre"));
        book("fjordvik", id, "{\"speakerId\":\"" + UUID.randomUUID() + "\"}").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("speakerId"));
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().post("/api/tenants/fjordvik/activities/" + id + "/speakers/" + speakerId + "/confirmation")
                .then().statusCode(200).body("speakers.find { it.speakerId == '" + speakerId + "' }.confirmed", equalTo(true));
        given().auth().oauth2(token("nordhei.coordinator"))
                .when().post("/api/tenants/nordhei/activities/" + id + "/speakers/" + speakerId + "/confirmation")
                .then().statusCode(404).contentType(PROBLEM);
    }

    private void setZone(String zone) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE access_organisation SET time_zone = ?1 WHERE id = 'nordhei'").setParameter(1, zone).executeUpdate());
    }

    private void publish(Record event, String tenant) throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(event);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventContracts.type(event.getClass()), "/led/funding",
                Instant.now(), tenant, json);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(envelope.toProducerRecord(EventContracts.topic(event.getClass()))).get();
        }
    }
}
