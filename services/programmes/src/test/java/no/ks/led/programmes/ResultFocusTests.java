package no.ks.led.programmes;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.EventContracts;
import no.ks.led.events.surveys.ResultsWithdrawn;
import no.ks.led.events.surveys.SurveyRoundClosed;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.testing.RealmLogin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Focus from results: closed rounds arrive from surveys through the broker and the plan shows each school's focus. */
@QuarkusTest
class ResultFocusTests {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachSchoolShowsItsLowestSectionsAndLargestFallsOnlyFromWhatSurveysReleased() throws Exception {
        // a school of this test's own in fjordvik: the focus reads results by tenant, whatever school they name
        UUID school = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        Instant first = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        UUID round1 = UUID.randomUUID();
        UUID round2 = UUID.randomUUID();
        publish(new SurveyRoundClosed(round1, "fjordvik", 1, first, List.of(
                new SurveyRoundClosed.School(school, true, List.of(mean("rolleklarhet", "4.20"), mean("utvikling", "3.90"),
                        mean("styring", "3.00"), mean("samarbeid", "4.50"))),
                new SurveyRoundClosed.School(hidden, false, List.of()))));
        publish(new SurveyRoundClosed(round2, "fjordvik", 1, first.plus(365, ChronoUnit.DAYS), List.of(
                new SurveyRoundClosed.School(school, true, List.of(mean("rolleklarhet", "3.10"), mean("utvikling", "3.80"),
                        mean("styring", "3.20"), mean("samarbeid", "4.60"))))));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(round2) == 4);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM school_result WHERE school_id = ?1").setParameter(1, hidden).getSingleResult()).intValue()));

        String programme = given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"name\":\"Fokus\",\"templateId\":\"led-skole\"}").when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201).extract().path("id");
        String focus = "/api/tenants/fjordvik/programmes/" + programme + "/plan/focus";
        String path = "find { it.schoolId == '" + school + "' }";
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).when().get(focus).then().statusCode(200)
                .body(path + ".roundId", equalTo(round2.toString()))
                .body(path + ".lowest.section", equalTo(List.of("rolleklarhet", "styring", "utvikling")))
                .body(path + ".largestFalls.section", equalTo(List.of("rolleklarhet", "utvikling")))
                .body(path + ".largestFalls[0].change", equalTo(-1.10f));
        // a principal's role covers their own school only: this school's focus is not theirs
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.principal")).when().get(focus).then().statusCode(200)
                .body("findAll { it.schoolId == '" + school + "' }", hasSize(0));
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator")).when().get(focus).then().statusCode(404)
                .contentType(PROBLEM);

        // withdrawn by the principal, the round's results leave the focus; the round before shows again
        publish(new ResultsWithdrawn(round2, "fjordvik", school, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(round2) == 0);
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).when().get(focus).then().statusCode(200)
                .body(path + ".roundId", equalTo(round1.toString())).body(path + ".largestFalls", hasSize(0));
        // a replay of the closed round does not bring them back
        publish(new SurveyRoundClosed(round2, "fjordvik", 1, first.plus(365, ChronoUnit.DAYS), List.of(
                new SurveyRoundClosed.School(school, true, List.of(mean("rolleklarhet", "3.10"))))));
        UUID marker = UUID.randomUUID();
        publish(new SurveyRoundClosed(marker, "fjordvik", 1, first, List.of(
                new SurveyRoundClosed.School(UUID.randomUUID(), true, List.of(mean("rolleklarhet", "3.00"))))));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(marker) == 1);
        assertEquals(0, rows(round2));

        // the coordinator picks a focus area from it
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"entry\":{\"kind\":\"focus-area\",\"text\":\"Rolleklarhet\"}}")
                .when().post("/api/tenants/fjordvik/programmes/" + programme + "/plan/changes").then().statusCode(201);
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/programmes/" + programme + "/plan").then().statusCode(200)
                .body("phases[0].entries[0].kind", equalTo("focus-area"));
    }

    private static SurveyRoundClosed.SectionMean mean(String section, String value) {
        return new SurveyRoundClosed.SectionMean(section, new BigDecimal(value));
    }

    private int rows(UUID round) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM school_result WHERE round_id = ?1").setParameter(1, round).getSingleResult()).intValue());
    }

    private void publish(Record event) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventContracts.type(event.getClass()), "/led/surveys",
                Instant.now(), "fjordvik", JSON.writeValueAsString(event));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(envelope.toProducerRecord(EventContracts.topic(event.getClass()))).get();
        }
    }
}
