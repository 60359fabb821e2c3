package no.ks.led.programmes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import no.ks.led.events.EventContracts;
import no.ks.led.events.scheduling.ActivityCancelled;
import no.ks.led.events.scheduling.ActivityRescheduled;
import no.ks.led.events.scheduling.ActivityScheduled;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.testing.RealmLogin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The plan shows its activities' dates once scheduled: the scheduling service's events arrive through the real
 * broker, a later sequence wins, a cancellation is shown, and an event naming another tenant changes nothing.
 */
@QuarkusTest
class ScheduledDatesTests {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPlannedActivityShowsTheTimeTheSchedulingServiceGaveItAndItsCancellation() throws Exception {
        String coordinator = RealmLogin.accessToken("fjordvik.coordinator");
        String base = "/api/tenants/fjordvik/programmes/" + given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"name\":\"Tidfestet\",\"templateId\":\"led-skole\"}").when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201).extract().path("id");
        LocalDate day = LocalDate.now(OSLO).plusMonths(2);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"activity\":{\"kind\":\"leader-gathering\",\"title\":\"Ledersamling\",\"startsOn\":\"" + day + "\"}}")
                .when().post(base + "/plan/changes").then().statusCode(201);
        UUID planned = UUID.fromString(plan(coordinator, base).getString("activities[0].id"));
        assertNull(plan(coordinator, base).getString("activities[0].startsAt"));

        UUID activity = UUID.randomUUID();
        Instant nine = day.atTime(9, 0).atZone(OSLO).toInstant();
        // another tenant's event naming this tenant's planned activity is ignored
        publish(new ActivityScheduled(UUID.randomUUID(), "nordhei", null, planned, "leader-gathering", "Fremmed",
                nine.minusSeconds(7200), nine, "Europe/Oslo", null, Instant.now()));
        publish(new ActivityScheduled(activity, "fjordvik", UUID.fromString(base.substring(base.lastIndexOf('/') + 1)),
                planned, "leader-gathering", "Ledersamling", nine, nine.plusSeconds(6 * 3600), "Europe/Oslo", "Rådhuset",
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> plan(coordinator, base).get("activities[0].startsAt") != null);
        JsonPath scheduled = plan(coordinator, base);
        assertEquals(activity.toString(), scheduled.getString("activities[0].scheduledActivityId"));
        assertEquals(nine, Instant.parse(scheduled.getString("activities[0].startsAt")));

        // rescheduled twice, the second event arriving first: the higher sequence is kept
        Instant ten = nine.plusSeconds(3600);
        publish(new ActivityRescheduled(activity, "fjordvik", ten, ten.plusSeconds(5 * 3600), "Rådhuset", 2, Instant.now()));
        publish(new ActivityRescheduled(activity, "fjordvik", nine.minusSeconds(3600), nine, "Rådhuset", 1, Instant.now()));
        publish(new ActivityCancelled(activity, "fjordvik", "Sykdom", Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> plan(coordinator, base).getBoolean("activities[0].cancelled"));
        assertEquals(ten, Instant.parse(plan(coordinator, base).getString("activities[0].startsAt")));
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator")).when().get(base + "/plan").then().statusCode(404);

        // the Word document gives the scheduled time in the tenant's zone and marks the cancellation
        byte[] docx = given().auth().oauth2(coordinator).when().get(base + "/plan.docx").then().statusCode(200)
                .extract().asByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            String when = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(ZonedDateTime.ofInstant(ten, OSLO));
            assertTrue(text.getText().contains(when + "–15:00"), text.getText());
            assertTrue(text.getText().contains("Ledersamling (avlyst)"), text.getText());
        }
    }

    private static JsonPath plan(String token, String base) {
        return given().auth().oauth2(token).when().get(base + "/plan").then().statusCode(200).extract().jsonPath();
    }

    private void publish(Record event) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventContracts.type(event.getClass()), "/led/scheduling",
                Instant.now(), "fjordvik", JSON.writeValueAsString(event));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(envelope.toProducerRecord(EventContracts.topic(event.getClass()))).get();
        }
    }
}
