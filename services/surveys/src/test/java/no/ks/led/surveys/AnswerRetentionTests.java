package no.ks.led.surveys;

import static no.ks.led.surveys.SurveyFlowTests.ANSWERS;
import static no.ks.led.surveys.SurveyFlowTests.FJORDVIK_SCHOOL;
import static no.ks.led.surveys.SurveyFlowTests.INVALID;
import static no.ks.led.surveys.SurveyFlowTests.PROBLEM;
import static no.ks.led.surveys.SurveyFlowTests.answer;
import static no.ks.led.surveys.SurveyFlowTests.as;
import static no.ks.led.surveys.SurveyFlowTests.path;
import static no.ks.led.surveys.SurveyFlowTests.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.surveys.service.AnswerRetention;
import org.junit.jupiter.api.Test;

/**
 * Retention against the real database: a round's answers are deleted once its retention period (the owner's
 * choice, five years unless chosen) has passed, and only the tallies its results and trends are made of remain.
 */
@QuarkusTest
class AnswerRetentionTests {

    @Inject
    EntityManager entityManager;

    @Inject
    AnswerRetention retention;

    private static String openRound(String retention) {
        String body = "{\"title\":\"Oppbevaring\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today()
                + "\",\"closesOn\":\"" + today().plusDays(30) + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]"
                + (retention == null ? "" : ",\"retentionYears\":" + retention) + "}";
        return as("fjordvik.coordinator").contentType(ContentType.JSON).body(body).when()
                .post("/api/tenants/fjordvik/survey-rounds").then().statusCode(201).extract().path("id");
    }

    private void moveBack(String round, LocalDate lastDay) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE survey_round SET opens_on = ?2, closes_on = ?2, closed_at = now() WHERE id = ?1")
                .setParameter(1, UUID.fromString(round)).setParameter(2, lastDay).executeUpdate());
    }

    private long count(String sql, String round) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, UUID.fromString(round)).getSingleResult()).longValue());
    }

    @Test
    void aRoundPastItsRetentionPeriodKeepsOnlyItsTalliesAndOneWithinItKeepsItsAnswers() {
        String purged = openRound("1");
        answer("fjordvik.principal", purged, ANSWERS, UUID.randomUUID().toString());
        answer("fjordvik.leader", purged, ANSWERS, UUID.randomUUID().toString());
        AnonymousAnswers.insert(entityManager, purged, FJORDVIK_SCHOOL, 4, "Tredje");
        AnonymousAnswers.insert(entityManager, purged, FJORDVIK_SCHOOL, 4, "Fjerde");
        String kept = openRound(null);
        AnonymousAnswers.insert(entityManager, kept, FJORDVIK_SCHOOL, 5, "Beholdt");
        as("fjordvik.coordinator").when().get(path(purged)).then().statusCode(200);
        // a page as large as the list allows: every test run adds rounds to the stack's fjordvik
        as("fjordvik.coordinator").queryParam("limit", 500).when().get("/api/tenants/fjordvik/survey-rounds").then()
                .statusCode(200)
                .body("find { it.id == '" + purged + "' }.retentionYears", equalTo(1))
                .body("find { it.id == '" + kept + "' }.retentionYears", equalTo(5));
        // one year and a day ago: the first is past its one year, the second within its five
        LocalDate lastDay = today().minusYears(1).minusDays(1);
        moveBack(purged, lastDay);
        moveBack(kept, lastDay);
        String school = path(purged) + "/results/schools/" + FJORDVIK_SCHOOL;
        as("fjordvik.principal").when().get(school).then().statusCode(200).body("total.respondents", equalTo(4))
                .body("total.freeText[0].texts", hasSize(4));
        String owner = as("fjordvik.coordinator").when().get(path(purged) + "/results").then().statusCode(200)
                .extract().jsonPath().prettify();

        List<UUID> done = retention.purgeDue(Instant.now());
        assertTrue(done.contains(UUID.fromString(purged)), done.toString());
        assertFalse(done.contains(UUID.fromString(kept)), done.toString());
        assertEquals(0, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", purged));
        assertEquals(0, count("SELECT count(*) FROM answer a JOIN answer_set s ON s.id = a.answer_set_id WHERE s.round_id = ?1",
                purged));
        assertEquals(1, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", kept));
        assertEquals(1, count("SELECT count(*) FROM survey_round WHERE id = ?1 AND answers_purged_at IS NOT NULL", purged));
        assertEquals(4, count("SELECT coalesce(sum(respondents), 0) FROM school_tally WHERE round_id = ?1", purged));
        // a second run finds nothing more to do for it
        assertFalse(retention.purgeDue(Instant.now()).contains(UUID.fromString(purged)));

        // the figures remain as they were; the free text is gone
        assertEquals(owner, as("fjordvik.coordinator").when().get(path(purged) + "/results").then().statusCode(200)
                .extract().jsonPath().prettify());
        as("fjordvik.principal").when().get(school).then().statusCode(200).body("total.respondents", equalTo(4))
                .body("total.sections[0].items[0].responseCount", equalTo(4)).body("total.freeText", hasSize(0));
        as("fjordvik.principal").when().get(path(kept) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200);
        // nobody rebuilds the figures from the answers that are gone
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("SELECT CAST(rebuild_result_tally(?1) AS text)").setParameter(1, UUID.fromString(purged))
                .getSingleResult()));
        assertEquals(4, count("SELECT coalesce(sum(respondents), 0) FROM school_tally WHERE round_id = ?1", purged));
    }

    @Test
    void theRetentionPeriodIsOneToTenYears() {
        for (String years : new String[] {"0", "11", "-1", "\"fem\""}) {
            String body = "{\"title\":\"Oppbevaring\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today()
                    + "\",\"closesOn\":\"" + today().plusDays(30) + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL
                    + "\"],\"retentionYears\":" + years + "}";
            as("fjordvik.coordinator").contentType(ContentType.JSON).body(body).when()
                    .post("/api/tenants/fjordvik/survey-rounds").then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(INVALID)).body("violations.field", contains("retentionYears"));
        }
        String ten = openRound("10");
        // a page as large as the list allows: every test run adds rounds to the stack's fjordvik
        as("fjordvik.coordinator").queryParam("limit", 500).when().get("/api/tenants/fjordvik/survey-rounds").then()
                .statusCode(200)
                .body("find { it.id == '" + ten + "' }.retentionYears", equalTo(10));
    }
}
