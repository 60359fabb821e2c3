package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static no.ks.led.scheduling.ActivityResourceTests.activity;
import static no.ks.led.scheduling.ActivityResourceTests.personId;
import static no.ks.led.scheduling.ActivityResourceTests.schedule;
import static no.ks.led.scheduling.ActivityResourceTests.token;
import static no.ks.led.scheduling.ActivityResourceTests.year;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.scheduling.service.SignUps;
import org.junit.jupiter.api.Test;

/** Sign-up with capacity and a waiting list, cancellation, attendance and dietary needs (issue 15, check 7). */
@QuarkusTest
class SignUpTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    @Inject
    SignUps signUps;

    private static Response signUp(String user, String activityId, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/fjordvik/activities/" + activityId + "/sign-ups");
    }

    @Test
    void pastCapacityPeopleWaitAndACancellationMovesTheFirstWaitingUpAndTellsThem() {
        int y = year();
        String id = schedule("fjordvik.coordinator", "fjordvik", activity("Innføringskurs", y + "-05-10T09:00", y + "-05-10T15:00",
                ",\"capacity\":1,\"signUpDeadline\":\"" + y + "-05-01\"")).then().statusCode(201)
                .body("capacity", equalTo(1)).extract().path("id");
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.scheduling.SignUpOpened.v1' AND payload LIKE ?1",
                "%" + id + "%"));

        String leader = signUp("fjordvik.leader", id, "{\"dietaryNeeds\":\"Glutenfri\"}").then().statusCode(201)
                .body("status", equalTo("confirmed")).body("dietaryNeeds", equalTo("Glutenfri")).extract().path("id");
        signUp("fjordvik.leader", id, "{}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:already-signed-up"));
        String principal = signUp("fjordvik.principal", id, "{}").then().statusCode(201).body("status", equalTo("waiting"))
                .extract().path("id");
        signUp("fjordvik.executive", id, "{}").then().statusCode(201).body("status", equalTo("waiting"));

        // a participant sees only their own sign-up; the coordinator sees all three
        given().auth().oauth2(token("fjordvik.principal")).when().get("/api/tenants/fjordvik/activities/" + id + "/sign-ups")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(principal));
        given().auth().oauth2(token("fjordvik.coordinator")).when().get("/api/tenants/fjordvik/activities/" + id + "/sign-ups")
                .then().statusCode(200).body("$", hasSize(3));
        // nobody cancels another's sign-up but an organiser
        given().auth().oauth2(token("fjordvik.principal"))
                .when().post("/api/tenants/fjordvik/activities/" + id + "/sign-ups/" + leader + "/cancellation")
                .then().statusCode(404).contentType(PROBLEM);

        given().auth().oauth2(token("fjordvik.leader"))
                .when().post("/api/tenants/fjordvik/activities/" + id + "/sign-ups/" + leader + "/cancellation")
                .then().statusCode(200).body("status", equalTo("cancelled")).body("dietaryNeeds", equalTo(null));
        given().auth().oauth2(token("fjordvik.principal")).when().get("/api/tenants/fjordvik/activities/" + id + "/sign-ups")
                .then().statusCode(200).body("[0].status", equalTo("confirmed"));
        given().auth().oauth2(token("fjordvik.principal")).when().get("/api/tenants/fjordvik/notices")
                .then().statusCode(200).body("find { it.activityId == '" + id + "' }.kind", equalTo("moved-up-from-waiting-list"));
        // the second waiting person is still waiting, and was told nothing
        given().auth().oauth2(token("fjordvik.executive")).when().get("/api/tenants/fjordvik/activities/" + id + "/sign-ups")
                .then().statusCode(200)
                .body("find { it.personId == '" + personId("fjordvik.executive") + "' }.status", equalTo("waiting"));
        given().auth().oauth2(token("fjordvik.executive")).when().get("/api/tenants/fjordvik/notices")
                .then().statusCode(200).body("activityId", not(hasItem(id)));

        // attendance, by the coordinator only
        given().auth().oauth2(token("fjordvik.principal")).contentType(ContentType.JSON).body("{\"attended\":true}")
                .when().put("/api/tenants/fjordvik/activities/" + id + "/sign-ups/" + principal + "/attendance")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{}")
                .when().put("/api/tenants/fjordvik/activities/" + id + "/sign-ups/" + principal + "/attendance")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("attended"));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"attended\":true}")
                .when().put("/api/tenants/fjordvik/activities/" + id + "/sign-ups/" + principal + "/attendance")
                .then().statusCode(200).body("attended", equalTo(true));
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE type = 'no.ks.led.scheduling.AttendanceRecorded.v1'"
                + " AND payload LIKE ?1", "%" + id + "%" + personId("fjordvik.principal") + "%"));

        // another tenant sees none of it
        given().auth().oauth2(token("nordhei.coordinator")).when().get("/api/tenants/nordhei/activities/" + id + "/sign-ups")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/tenants/nordhei/activities/" + id + "/sign-ups")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void dietaryNeedsAreDeletedAfterTheEventAndAPastDeadlineClosesSignUp() {
        int y = year();
        String id = schedule("fjordvik.coordinator", "fjordvik", activity("Med lunsj", y + "-06-10T09:00", y + "-06-10T15:00", ""))
                .then().statusCode(201).extract().path("id");
        String signUp = signUp("fjordvik.leader", id, "{\"dietaryNeeds\":\"Vegetar\"}").then().statusCode(201).extract().path("id");
        signUps.forgetDietaryNeeds(Instant.now());
        assertEquals("Vegetar", dietary(signUp));
        signUps.forgetDietaryNeeds(java.time.LocalDate.of(y, 6, 11).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        assertNull(dietary(signUp));

        String closed = schedule("fjordvik.coordinator", "fjordvik", activity("Frist ute", y + "-06-12T09:00", y + "-06-12T15:00",
                ",\"signUpDeadline\":\"2020-01-01\"")).then().statusCode(201).extract().path("id");
        signUp("fjordvik.leader", closed, "{}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:sign-up-closed"));
        signUp("fjordvik.leader", closed, "{\"dietaryNeeds\":\"" + "x".repeat(501) + "\"}").then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("dietaryNeeds"));
        signUp("fjordvik.leader", UUID.randomUUID().toString(), "{}").then().statusCode(404).contentType(PROBLEM);
    }

    private String dietary(String signUpId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT dietary_needs FROM sign_up WHERE id = CAST(?1 AS uuid)").setParameter(1, signUpId).getSingleResult());
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
