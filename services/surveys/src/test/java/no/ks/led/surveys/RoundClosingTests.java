package no.ks.led.surveys;

import static no.ks.led.surveys.SurveyFlowTests.ANSWERS;
import static no.ks.led.surveys.SurveyFlowTests.ROUND_CLOSED;
import static no.ks.led.surveys.SurveyFlowTests.FJORDVIK_LEADER;
import static no.ks.led.surveys.SurveyFlowTests.FJORDVIK_PRINCIPAL;
import static no.ks.led.surveys.SurveyFlowTests.FJORDVIK_SCHOOL;
import static no.ks.led.surveys.SurveyFlowTests.NORDHEI_SCHOOL;
import static no.ks.led.surveys.SurveyFlowTests.PROBLEM;
import static no.ks.led.surveys.SurveyFlowTests.as;
import static no.ks.led.surveys.SurveyFlowTests.openRound;
import static no.ks.led.surveys.SurveyFlowTests.path;
import static no.ks.led.surveys.SurveyFlowTests.today;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.surveys.service.RoundClosing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Closing rounds against the real database and broker: a round whose closing date has passed is closed
 * once, and SurveyRoundClosed reaches led.surveys.events with section means only for a school that shared
 * its results and passes suppression.
 */
@QuarkusTest
class RoundClosingTests {

    private static final String TYPE = "no.ks.led.surveys.SurveyRoundClosed.v1";
    private static final String TOPIC = "led.surveys.events";

    @Inject
    EntityManager entityManager;

    @Inject
    RoundClosing closing;

    @Inject
    TenantZones zones;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aRoundPastItsClosingDateIsClosedOnceWithTheScoresThatMayLeaveTheSchool() throws Exception {
        // fjordvik: three leaders answer the whole collaboration section, and the principal shares
        String shared = openRound("fjordvik", FJORDVIK_SCHOOL, "individual", today(), 3);
        SurveyRound round = QuarkusTransaction.requiringNew().call(() -> SurveyRound.<SurveyRound>findById(UUID.fromString(shared)));
        List<UUID> people = new ArrayList<>();
        int[] values = {4, 3, 5};
        for (int value : values) {
            UUID person = UUID.randomUUID();
            people.add(person);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    INSERT INTO survey_respondent (round_id, school_id, person_id, role) VALUES (?1, ?2, ?3, 'school-leader')""")
                    .setParameter(1, round.id).setParameter(2, UUID.fromString(FJORDVIK_SCHOOL)).setParameter(3, person)
                    .executeUpdate());
            List<Answer> answers = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                answers.add(new Answer("collaboration-" + i, value, false, null));
            }
            answers.add(new Answer("learning-1", value, false, null));
            answers.add(new Answer("comments-1", null, false, "Hemmelig kommentar " + value));
            Submitting.saveAndSubmit(round, person, answers);
        }
        as("fjordvik.principal").when().put(path(shared) + "/results/schools/" + FJORDVIK_SCHOOL + "/sharing")
                .then().statusCode(200);
        // nordhei: answered but not shared
        String unshared = openRound("nordhei", NORDHEI_SCHOOL, "individual", today(), null);
        // both rounds' last day was yesterday
        for (String id : new String[] {shared, unshared}) {
            SurveyFlowTests.closedYesterday(entityManager, id);
        }

        List<UUID> closed = closing.closeDue(noon(today()));
        assertTrue(closed.contains(UUID.fromString(shared)) && closed.contains(UUID.fromString(unshared)), closed.toString());
        Object closedAt = closedAt(shared);
        assertNotNull(closedAt);

        Map<String, JsonNode> published = readClosedEvents(List.of(shared, unshared));
        JsonNode event = published.get(shared);
        assertEquals("fjordvik", event.get("tenantId").asText());
        assertEquals(1, event.get("instrumentVersion").asInt());
        assertNotNull(event.get("closedAt").asText());
        assertEquals(1, event.get("schools").size());
        JsonNode school = event.get("schools").get(0);
        assertEquals(FJORDVIK_SCHOOL, school.get("schoolId").asText());
        assertTrue(school.get("released").asBoolean());
        // collaboration: every item answered by 3 = k; learning has unanswered items, so no mean leaves for it
        assertEquals(1, school.get("sectionMeans").size(), school.toString());
        assertEquals("collaboration", school.get("sectionMeans").get(0).get("section").asText());
        assertEquals(0, school.get("sectionMeans").get(0).get("mean").decimalValue().compareTo(new java.math.BigDecimal("4.00")));
        String text = event.toString();
        for (UUID person : people) {
            assertFalse(text.contains(person.toString()), "the event names a respondent");
        }
        assertFalse(text.contains(FJORDVIK_PRINCIPAL) || text.contains(FJORDVIK_LEADER) || text.contains("Hemmelig"));

        JsonNode other = published.get(unshared);
        assertEquals("nordhei", other.get("tenantId").asText());
        assertEquals(NORDHEI_SCHOOL, other.get("schools").get(0).get("schoolId").asText());
        assertFalse(other.get("schools").get(0).get("released").asBoolean());
        assertEquals(0, other.get("schools").get(0).get("sectionMeans").size());

        // a second run closes nothing and records nothing more
        List<UUID> again = closing.closeDue(noon(today()));
        assertFalse(again.contains(UUID.fromString(shared)) || again.contains(UUID.fromString(unshared)));
        assertEquals(closedAt, closedAt(shared));
        assertEquals(1, outboxEvents(shared));
        assertEquals(1, outboxEvents(unshared));

        // answers after closing are refused and change nothing
        as("fjordvik.principal").contentType(ContentType.JSON).body(ANSWERS).when().put(path(shared) + "/responses/mine")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo(ROUND_CLOSED));
        as("fjordvik.principal").header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post(path(shared) + "/responses/mine/submission").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void aRoundStillOpenOrClosingTodayIsNotClosed() {
        String round = openRound("fjordvik", FJORDVIK_SCHOOL, "team", today(), null);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE survey_round SET closes_on = ?2 WHERE id = ?1")
                .setParameter(1, UUID.fromString(round)).setParameter(2, today()).executeUpdate());
        assertFalse(closing.closeDue(noon(today())).contains(UUID.fromString(round)));
        assertEquals(null, closedAt(round));
        assertEquals(0, outboxEvents(round));
        assertTrue(closing.closeDue(noon(today().plusDays(1))).contains(UUID.fromString(round)));
        assertEquals(1, outboxEvents(round));
    }

    @Test
    void aRoundClosesByItsTenantsOwnDay() {
        String round = openRound("fjordvik", FJORDVIK_SCHOOL, "individual", today(), null);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE survey_round SET closes_on = ?2 WHERE id = ?1")
                .setParameter(1, UUID.fromString(round)).setParameter(2, today()).executeUpdate());
        // 23:30 in Oslo is 00:30 the next day in Helsinki: the round's last day is over there, not in Oslo
        Instant lateEvening = today().atTime(23, 30).atZone(TenantZones.PLATFORM_DEFAULT).toInstant();
        assertEquals(ZoneId.of("Europe/Oslo"), QuarkusTransaction.requiringNew().call(() -> zones.of("fjordvik")));
        assertFalse(closing.closeDue(lateEvening).contains(UUID.fromString(round)));
        try {
            setZone("fjordvik", "Europe/Copenhagen");
            assertEquals(ZoneId.of("Europe/Copenhagen"), QuarkusTransaction.requiringNew().call(() -> zones.of("fjordvik")));
            assertFalse(closing.closeDue(lateEvening).contains(UUID.fromString(round)));
            setZone("fjordvik", "Europe/Helsinki");
            assertTrue(closing.closeDue(lateEvening).contains(UUID.fromString(round)));
            assertEquals(1, outboxEvents(round));
        } finally {
            setZone("fjordvik", null);
        }
    }

    @Test
    void theCoordinatorClosesAnOpenRoundEarlyOnceAndAnswersStop() {
        String round = openRound("fjordvik", FJORDVIK_SCHOOL, "individual", today(), null);
        // opened today: its last day cannot fall before its first
        as("fjordvik.coordinator").when().post(path(round) + "/closing").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:survey-round-opened-today"));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE survey_round SET opens_on = ?2 WHERE id = ?1")
                .setParameter(1, UUID.fromString(round)).setParameter(2, today().minusDays(3)).executeUpdate());
        // only the owner's coordinator and executive close; another tenant's coordinator finds no such round
        as("fjordvik.principal").when().post(path(round) + "/closing").then().statusCode(403).contentType(PROBLEM);
        as("nordhei.coordinator").when().post("/api/tenants/nordhei/survey-rounds/" + round + "/closing")
                .then().statusCode(404).contentType(PROBLEM);
        as("nordhei.coordinator").when().post(path(round) + "/closing").then().statusCode(404).contentType(PROBLEM);
        assertEquals(null, closedAt(round));

        as("fjordvik.executive").when().post(path(round) + "/closing").then().statusCode(204);
        assertNotNull(closedAt(round));
        as("fjordvik.coordinator").when().get(path(round)).then().statusCode(200)
                .body("closesOn", equalTo(today().minusDays(1).toString()));
        assertEquals(1, outboxEvents(round));
        as("fjordvik.coordinator").when().post(path(round) + "/closing").then().statusCode(409)
                .body("type", equalTo(ROUND_CLOSED));
        as("fjordvik.principal").contentType(ContentType.JSON).body(ANSWERS).when().put(path(round) + "/responses/mine")
                .then().statusCode(409).body("type", equalTo(ROUND_CLOSED));
        // the scheduled closing finds it closed and records nothing more
        closing.closeDue(noon(today().plusDays(1)));
        assertEquals(1, outboxEvents(round));

        String upcoming = openRound("fjordvik", FJORDVIK_SCHOOL, "individual", today().plusDays(2), null);
        as("fjordvik.coordinator").when().post(path(upcoming) + "/closing").then().statusCode(409)
                .body("type", equalTo("urn:no:ks:led:problem:survey-round-not-open-yet"));
    }

    private void setZone(String tenant, String zone) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE access_organisation SET time_zone = CAST(?2 AS text) WHERE id = ?1")
                .setParameter(1, tenant).setParameter(2, zone).executeUpdate());
    }

    /** Midday of the day in the platform's zone. */
    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(TenantZones.PLATFORM_DEFAULT).toInstant();
    }

    private Object closedAt(String round) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT closed_at FROM survey_round WHERE id = ?1").setParameter(1, UUID.fromString(round)).getSingleResult());
    }

    private long outboxEvents(String round) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE type = ?1 AND payload LIKE ?2")
                .setParameter(1, TYPE).setParameter(2, "%" + round + "%").getSingleResult()).longValue());
    }

    /**
     * The SurveyRoundClosed events of the rounds as published on the topic, read from its beginning until
     * each round has one and the end of the topic is reached; fails if a round has none or more than one.
     */
    private Map<String, JsonNode> readClosedEvents(List<String> rounds) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "round-closing-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, JsonNode> found = new java.util.HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type == null || !TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    JsonNode payload = json.readTree(record.value());
                    String round = payload.get("roundId").asText();
                    if (rounds.contains(round)) {
                        assertEquals(payload.get("tenantId").asText(), record.key(), "keyed by tenant");
                        assertTrue(found.put(round, payload) == null, "SurveyRoundClosed published twice for " + round);
                    }
                }
                if (found.size() == rounds.size() && atEnd(consumer)) {
                    return found;
                }
            }
        }
        throw new AssertionError("SurveyRoundClosed not published for every round: found " + found.keySet());
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        return !end.isEmpty() && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
