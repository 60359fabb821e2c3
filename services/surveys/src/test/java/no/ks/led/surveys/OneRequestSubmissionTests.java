package no.ks.led.surveys;

import static io.restassured.RestAssured.given;
import static no.ks.led.surveys.SurveyFlowTests.ANSWERS;
import static no.ks.led.surveys.SurveyFlowTests.FJORDVIK_SCHOOL;
import static no.ks.led.surveys.SurveyFlowTests.INVALID;
import static no.ks.led.surveys.SurveyFlowTests.NOT_A_RESPONDENT;
import static no.ks.led.surveys.SurveyFlowTests.NOT_FOUND;
import static no.ks.led.surveys.SurveyFlowTests.PROBLEM;
import static no.ks.led.surveys.SurveyFlowTests.ROUND_CLOSED;
import static no.ks.led.surveys.SurveyFlowTests.as;
import static no.ks.led.surveys.SurveyFlowTests.fjordvikRound;
import static no.ks.led.surveys.SurveyFlowTests.path;
import static no.ks.led.surveys.SurveyFlowTests.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.surveys.service.ResultTallies;
import org.junit.jupiter.api.Test;

/**
 * {@code POST …/responses/mine/submission} with the answers in its body: one request and one transaction that
 * leave exactly what {@code PUT …/responses/mine} then {@code POST …/submission} leave, and refuse what they refuse.
 */
@QuarkusTest
class OneRequestSubmissionTests {

    @Inject
    EntityManager entityManager;

    @Inject
    ResultTallies tallies;

    static ValidatableResponse submitWith(String user, String round, String key, String body) {
        return as(user).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post(path(round) + "/responses/mine/submission").then();
    }

    @Test
    void oneRequestLeavesWhatADraftAndItsSubmissionLeave() {
        String twoRequests = fjordvikRound();
        String oneRequest = fjordvikRound();
        for (String user : new String[] {"fjordvik.principal", "fjordvik.leader"}) {
            SurveyFlowTests.answer(user, twoRequests, ANSWERS, UUID.randomUUID().toString());
            Map<String, Object> answered = submitWith(user, oneRequest, UUID.randomUUID().toString(), ANSWERS)
                    .statusCode(200).body("mode", equalTo("individual")).body("schoolId", equalTo(FJORDVIK_SCHOOL))
                    .body("submitted", hasSize(4)).body("draft", hasSize(4)).body("submittedAt", notNullValue())
                    .extract().jsonPath().getMap("");
            // the answer is built from what was written, and is what a read finds
            Map<String, Object> read = as(user).when().get(path(oneRequest) + "/responses/mine").then().statusCode(200)
                    .extract().jsonPath().getMap("");
            assertEquals(read, answered);
            Map<String, Object> twoRequestRead = as(user).when().get(path(twoRequests) + "/responses/mine").then()
                    .extract().jsonPath().getMap("");
            assertEquals(twoRequestRead.get("draft"), answered.get("draft"));
            assertEquals(twoRequestRead.get("submitted"), answered.get("submitted"));
        }
        assertFalse(stored(oneRequest).isEmpty());
        assertEquals(stored(twoRequests), stored(oneRequest));
        // the results count them alike (the principal's view of their school's two respondents)
        Object twoRequestResults = as("fjordvik.principal").when().get(path(twoRequests) + "/results/schools/" + FJORDVIK_SCHOOL)
                .then().statusCode(200).extract().path("total");
        as("fjordvik.principal").when().get(path(oneRequest) + "/results/schools/" + FJORDVIK_SCHOOL).then().statusCode(200)
                .body("total", equalTo(twoRequestResults));
        // and the kept tallies are what a rebuild from the answers finds
        List<String> kept = stored(oneRequest);
        tallies.rebuild(UUID.fromString(oneRequest));
        assertEquals(kept, stored(oneRequest));
    }

    @Test
    void aSavedDraftIsReplacedByTheAnswersSubmitted() {
        String round = fjordvikRound();
        as("fjordvik.principal").contentType(ContentType.JSON).body(ANSWERS).when().put(path(round) + "/responses/mine")
                .then().statusCode(200);
        submitWith("fjordvik.principal", round, UUID.randomUUID().toString(), "{\"answers\":[{\"item\":\"learning-1\",\"value\":1}]}")
                .statusCode(200).body("draft", hasSize(1)).body("submitted.item", contains("learning-1"))
                .body("submitted[0].value", equalTo(1));
        assertEquals(1, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", round));
        assertEquals(1, count("""
                SELECT count(*) FROM answer a JOIN answer_set s ON s.id = a.answer_set_id
                WHERE s.round_id = ?1 AND a.stage = 'draft'""", round));
    }

    @Test
    void anEmptyJsonBodySubmitsTheSavedDraft() {
        String round = fjordvikRound();
        as("fjordvik.principal").contentType(ContentType.JSON).body(ANSWERS).when().put(path(round) + "/responses/mine")
                .then().statusCode(200);
        as("fjordvik.principal").header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .when().post(path(round) + "/responses/mine/submission").then().statusCode(200).body("submitted", hasSize(4));
        assertEquals(1, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
    }

    @Test
    void aRetryWithTheSameKeyChangesNothingAndAnswersTheSame() {
        String round = fjordvikRound();
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = submitWith("fjordvik.principal", round, key, ANSWERS).statusCode(200)
                .extract().jsonPath().getMap("");
        List<String> before = stored(round);
        // the same key again, with other answers or none: the first submission's answer, nothing written
        for (String body : new String[] {ANSWERS, "{\"answers\":[{\"item\":\"learning-1\",\"value\":1}]}"}) {
            assertEquals(first, submitWith("fjordvik.principal", round, key, body).statusCode(200)
                    .extract().jsonPath().getMap(""));
        }
        assertEquals(first, as("fjordvik.principal").header("Idempotency-Key", key).when()
                .post(path(round) + "/responses/mine/submission").then().statusCode(200).extract().jsonPath().getMap(""));
        assertEquals(before, stored(round));
        assertEquals(1, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
        // the key stays required
        as("fjordvik.principal").contentType(ContentType.JSON).body(ANSWERS).when()
                .post(path(round) + "/responses/mine/submission")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(INVALID));
    }

    @Test
    void inATeamRoundTheSameKeyFromAnotherLeaderOfTheSchoolIsARetry() {
        String round = SurveyFlowTests.openRound("fjordvik", FJORDVIK_SCHOOL, "team", today(), null);
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = submitWith("fjordvik.principal", round, key, ANSWERS).statusCode(200)
                .extract().jsonPath().getMap("");
        List<String> before = stored(round);
        assertEquals(first, submitWith("fjordvik.leader", round, key, "{\"answers\":[{\"item\":\"learning-1\",\"value\":1}]}")
                .statusCode(200).extract().jsonPath().getMap(""));
        assertEquals(before, stored(round));
        assertEquals(1, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
    }

    @Test
    void aRoundThatDoesNotExistIsNotFound() {
        submitWith("fjordvik.principal", UUID.randomUUID().toString(), UUID.randomUUID().toString(), ANSWERS)
                .statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        as("fjordvik.principal").header("Idempotency-Key", UUID.randomUUID().toString()).when()
                .post(path(UUID.randomUUID().toString()) + "/responses/mine/submission")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
    }

    @Test
    void invalidAnswersAreRefusedAndChangeNothing() {
        String round = fjordvikRound();
        String[] bad = {
                "{\"answers\":[]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"value\":6}]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"value\":3,\"dontKnow\":true}]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"text\":\"fri tekst\"}]}",
                "{\"answers\":[{\"item\":\"no-such-item\",\"value\":3}]}",
                "{\"answers\":[{\"item\":\"learning-1\",\"value\":3},{\"item\":\"learning-1\",\"value\":4}]}",
                "{\"answers\":[{\"item\":\"comments-1\",\"text\":\"" + "x".repeat(2001) + "\"}]}",
                "{\"answers\":null}",
                "not json"};
        for (String body : bad) {
            submitWith("fjordvik.principal", round, UUID.randomUUID().toString(), body).statusCode(400).contentType(PROBLEM);
        }
        submitWith("fjordvik.principal", round, UUID.randomUUID().toString(), "{\"answers\":[{\"item\":\"no-such-item\",\"value\":3}]}")
                .statusCode(400).body("type", equalTo(INVALID)).body("violations[0].field", equalTo("answers[0].item"));
        assertEquals(0, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", round));
        assertEquals(0, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
        // with a saved draft: the draft stays, nothing is submitted
        as("fjordvik.principal").contentType(ContentType.JSON).body(ANSWERS).when().put(path(round) + "/responses/mine")
                .then().statusCode(200);
        submitWith("fjordvik.principal", round, UUID.randomUUID().toString(), "{\"answers\":[{\"item\":\"learning-1\",\"value\":6}]}")
                .statusCode(400).contentType(PROBLEM);
        as("fjordvik.principal").when().get(path(round) + "/responses/mine").then().statusCode(200)
                .body("draft", hasSize(4)).body("submitted", hasSize(0));
        assertEquals(0, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
        assertEquals(0, count("SELECT coalesce(sum(respondents), 0) FROM school_tally WHERE round_id = ?1", round));
    }

    @Test
    void aClosedRoundTakesNoSubmission() {
        String round = fjordvikRound();
        SurveyFlowTests.closedYesterday(entityManager, round);
        submitWith("fjordvik.principal", round, UUID.randomUUID().toString(), ANSWERS)
                .statusCode(409).contentType(PROBLEM).body("type", equalTo(ROUND_CLOSED));
        assertEquals(0, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", round));
        assertEquals(0, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
    }

    @Test
    void anotherTenantsUserCannotSubmit() {
        String round = fjordvikRound();
        // through fjordvik's path: not their tenant; through their own: not their tenant's round
        submitWith("nordhei.principal", round, UUID.randomUUID().toString(), ANSWERS)
                .statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        as("nordhei.principal").header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(ANSWERS).when().post("/api/tenants/nordhei/survey-rounds/" + round + "/responses/mine/submission")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
        assertEquals(0, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", round));
        assertEquals(0, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
    }

    @Test
    void someoneWhoWasNotAskedCannotSubmit() {
        String round = fjordvikRound();
        for (String user : new String[] {"fjordvik.coordinator", "fjordvik.executive", "veiviser.consultant"}) {
            submitWith(user, round, UUID.randomUUID().toString(), ANSWERS)
                    .statusCode(403).contentType(PROBLEM).body("type", equalTo(NOT_A_RESPONDENT));
        }
        assertEquals(0, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", round));
        assertEquals(0, count("SELECT count(*) FROM survey_completion WHERE round_id = ?1", round));
        // and someone without a token at all
        given().header("Idempotency-Key", "k").contentType(ContentType.JSON).body(ANSWERS)
                .when().post(path(round) + "/responses/mine/submission").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void inATeamRoundConcurrentFirstSubmissionsShareOneAnswerSet() throws Exception {
        String round = SurveyFlowTests.openRound("fjordvik", FJORDVIK_SCHOOL, "team", today(), null);
        List<Callable<Integer>> both = new ArrayList<>();
        for (String user : new String[] {"fjordvik.principal", "fjordvik.leader"}) {
            both.add(() -> submitWith(user, round, UUID.randomUUID().toString(), ANSWERS).extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Future<Integer> status : pool.invokeAll(both)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, count("SELECT count(*) FROM answer_set WHERE round_id = ?1", round));
        assertEquals(1, count("SELECT coalesce(sum(respondents), 0) FROM school_tally WHERE round_id = ?1", round));
        List<String> kept = stored(round);
        tallies.rebuild(UUID.fromString(round));
        assertEquals(kept, stored(round));
    }

    /**
     * Everything a round's submissions leave, without the round's own ids and times: the answer sets (school,
     * submitted, level) with their answers, the completion list (who), and every tally row that counts something.
     */
    @SuppressWarnings("unchecked")
    private List<String> stored(String round) {
        UUID id = UUID.fromString(round);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            for (String sql : new String[] {
                    """
                    SELECT concat_ws(' ', 'set', s.school_id, s.tenant_id, s.submitted, s.respondent_level, a.stage, a.item_code,
                                     a.value, a.dont_know, a.text)
                    FROM answer_set s LEFT JOIN answer a ON a.answer_set_id = s.id WHERE s.round_id = ?1
                    ORDER BY s.respondent_level, a.stage, a.item_code""",
                    "SELECT concat_ws(' ', 'completion', school_id, person_id) FROM survey_completion WHERE round_id = ?1"
                            + " ORDER BY person_id",
                    "SELECT concat_ws(' ', 'school', school_id, respondents) FROM school_tally WHERE round_id = ?1"
                            + " AND respondents <> 0 ORDER BY school_id",
                    """
                    SELECT concat_ws(' ', 'item', school_id, item_code, n1, n2, n3, n4, n5, dont_know) FROM item_counts
                    WHERE round_id = ?1 AND n1 + n2 + n3 + n4 + n5 + dont_know <> 0 ORDER BY school_id, item_code""",
                    "SELECT concat_ws(' ', 'level', school_id, level, respondents) FROM level_tally WHERE round_id = ?1"
                            + " AND respondents <> 0 ORDER BY school_id, level",
                    """
                    SELECT concat_ws(' ', 'level-item', school_id, level, item_code, n1, n2, n3, n4, n5, dont_know)
                    FROM level_item_counts WHERE round_id = ?1 AND n1 + n2 + n3 + n4 + n5 + dont_know <> 0
                    ORDER BY school_id, level, item_code"""}) {
                entityManager.createNativeQuery(sql).setParameter(1, id).getResultList().forEach(r -> rows.add((String) r));
            }
            return rows;
        });
    }

    private long count(String sql, String round) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, UUID.fromString(round)).getSingleResult()).longValue());
    }
}
