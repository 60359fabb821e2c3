package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static no.ks.led.scheduling.ActivityResourceTests.activity;
import static no.ks.led.scheduling.ActivityResourceTests.schedule;
import static no.ks.led.scheduling.ActivityResourceTests.token;
import static no.ks.led.scheduling.ActivityResourceTests.year;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The evaluation after an activity: open only after it ended and only to those who attended, once each; results
 * only from k (5) answers, the free text only to the coordinator; another tenant's activity is 404.
 */
@QuarkusTest
class EvaluationTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    private static String path(String tenant, String activityId) {
        return "/api/tenants/" + tenant + "/activities/" + activityId + "/evaluation";
    }

    private static Response answer(String user, String activityId, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().post(path("fjordvik", activityId) + "/answers");
    }

    private static String signUp(String user, String activityId) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/tenants/fjordvik/activities/" + activityId + "/sign-ups")
                .then().statusCode(201).extract().path("id");
    }

    private static void attended(String signUpId, String activityId, boolean attended) {
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"attended\":" + attended + "}")
                .when().put("/api/tenants/fjordvik/activities/" + activityId + "/sign-ups/" + signUpId + "/attendance")
                .then().statusCode(200);
    }

    @Test
    void thoseWhoAttendedAnswerOnceAfterTheEndAndResultsShowFromFiveAnswers() {
        int y = year();
        String id = schedule("fjordvik.coordinator", "fjordvik", activity("Evaluert samling", y + "-03-10T09:00",
                y + "-03-10T15:00", "")).then().statusCode(201).extract().path("id");
        for (String user : new String[] {"fjordvik.leader", "fjordvik.principal", "fjordvik.executive"}) {
            attended(signUp(user, id), id, true);
        }
        attended(signUp("fjordvik.coordinator", id), id, false);

        // before the end: not open
        given().auth().oauth2(token("fjordvik.leader")).when().get(path("fjordvik", id)).then().statusCode(200)
                .body("state", equalTo("not-yet-open")).body("questions.id", contains("usefulness", "relevance", "comment"));
        answer("fjordvik.leader", id, "{\"usefulness\":5,\"relevance\":4}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:evaluation-not-open"));

        endedYesterday(id);
        given().auth().oauth2(token("fjordvik.leader")).when().get(path("fjordvik", id)).then().statusCode(200)
                .body("state", equalTo("open"));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(path("fjordvik", id)).then().statusCode(200)
                .body("state", equalTo("not-an-attendee"));
        answer("fjordvik.coordinator", id, "{\"usefulness\":5,\"relevance\":4}").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:not-an-attendee"));
        answer("fjordvik.leader", id, "{\"usefulness\":6,\"relevance\":0}").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", containsInAnyOrder("usefulness", "relevance"));
        answer("fjordvik.leader", id, "{\"usefulness\":3}").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("relevance"));
        answer("fjordvik.leader", id, "{\"usefulness\":3,\"relevance\":3,\"comment\":\"" + "x".repeat(2001) + "\"}")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("comment"));
        given().auth().oauth2(token("fjordvik.leader")).contentType(ContentType.JSON).body("not json")
                .when().post(path("fjordvik", id) + "/answers").then().statusCode(400).contentType(PROBLEM);

        answer("fjordvik.leader", id, "{\"usefulness\":5,\"relevance\":4,\"comment\":\"Nyttig om skolebesøk\"}")
                .then().statusCode(201).body("state", equalTo("answered"));
        answer("fjordvik.leader", id, "{\"usefulness\":1,\"relevance\":1}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:already-evaluated"));
        given().auth().oauth2(token("fjordvik.leader")).when().get(path("fjordvik", id)).then().statusCode(200)
                .body("state", equalTo("answered"));
        answer("fjordvik.principal", id, "{\"usefulness\":4,\"relevance\":4}").then().statusCode(201);
        answer("fjordvik.executive", id, "{\"usefulness\":3,\"relevance\":5,\"comment\":\"  \"}").then().statusCode(201);

        // three answers are too few: nothing but the count
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(path("fjordvik", id) + "/results").then()
                .statusCode(200).body("answers", equalTo(3)).body("minimum", equalTo(5)).body("shown", equalTo(false))
                .body("usefulness", nullValue()).body("comments", empty());
        given().auth().oauth2(token("fjordvik.leader")).when().get(path("fjordvik", id) + "/results").then()
                .statusCode(403).contentType(PROBLEM);

        // two more (there are four demo people in the tenant): five answers are shown
        addAnswer(id, 4, 3, "Mer tid til gruppearbeid");
        addAnswer(id, 4, 4, null);
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(path("fjordvik", id) + "/results").then()
                .statusCode(200).body("answers", equalTo(5)).body("shown", equalTo(true))
                .body("usefulness.mean", equalTo(4.0f)).body("usefulness.counts", contains(0, 0, 1, 3, 1))
                .body("relevance.mean", equalTo(4.0f)).body("relevance.counts", contains(0, 0, 1, 3, 1))
                .body("comments", containsInAnyOrder("Nyttig om skolebesøk", "Mer tid til gruppearbeid"));
        // the executive sees the figures but not the free text, which is the coordinator's
        given().auth().oauth2(token("fjordvik.executive")).when().get(path("fjordvik", id) + "/results").then()
                .statusCode(200).body("shown", equalTo(true)).body("comments", empty());

        // another tenant's activity answers 404, as a missing one
        given().auth().oauth2(token("nordhei.coordinator")).when().get(path("nordhei", id)).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator")).when().get(path("nordhei", id) + "/results").then()
                .statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON)
                .body("{\"usefulness\":5,\"relevance\":5}").when().post(path("nordhei", id) + "/answers")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator")).when().get(path("fjordvik", UUID.randomUUID().toString()))
                .then().statusCode(404).contentType(PROBLEM);
    }

    private void endedYesterday(String activityId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE activity SET starts_at = now() - interval '30 hours', ends_at = now() - interval '24 hours'
                WHERE id = CAST(?1 AS uuid)""").setParameter(1, activityId).executeUpdate());
    }

    private void addAnswer(String activityId, int usefulness, int relevance, String comment) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO evaluation_answer (id, activity_id, tenant_id, usefulness, relevance, comment)
                VALUES (gen_random_uuid(), CAST(?1 AS uuid), 'fjordvik', ?2, ?3, CAST(?4 AS text))""")
                .setParameter(1, activityId).setParameter(2, usefulness).setParameter(3, relevance)
                .setParameter(4, comment).executeUpdate());
    }
}
