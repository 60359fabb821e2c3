package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static no.ks.led.scheduling.ActivityResourceTests.activity;
import static no.ks.led.scheduling.ActivityResourceTests.personId;
import static no.ks.led.scheduling.ActivityResourceTests.schedule;
import static no.ks.led.scheduling.ActivityResourceTests.token;
import static no.ks.led.scheduling.ActivityResourceTests.year;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** An activity's participants by school, role, track or name, resolved against the tenant's current members. */
@QuarkusTest
class ParticipantTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    private static Response select(String user, String tenant, String activityId, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().put("/api/tenants/" + tenant + "/activities/" + activityId + "/participants");
    }

    @Test
    void theCoordinatorChoosesParticipantsByRoleSchoolAndNameAndTheTrackIsKept() {
        int y = year();
        String id = schedule("fjordvik.coordinator", "fjordvik", activity("Rektorsamling", y + "-02-10T09:00",
                y + "-02-10T15:00", "")).then().statusCode(201).extract().path("id");
        String principal = personId("fjordvik.principal");
        String leader = personId("fjordvik.leader");
        String executive = personId("fjordvik.executive");

        // nothing chosen: everyone in the tenant
        given().auth().oauth2(token("fjordvik.coordinator")).when()
                .get("/api/tenants/fjordvik/activities/" + id + "/participants").then().statusCode(200)
                .body("people.find { it.personId == '" + leader + "' }.reasons", contains("everyone"));

        select("fjordvik.coordinator", "fjordvik", id, "{\"roles\":[\"principal\"],\"personIds\":[\"" + executive
                + "\"],\"track\":\" Rektorer \"}").then().statusCode(200)
                .body("roles", contains("principal")).body("track", equalTo("Rektorer"))
                .body("people.find { it.personId == '" + principal + "' }.reasons", contains("role"))
                .body("people.find { it.personId == '" + executive + "' }.reasons", hasItem("name"))
                .body("people.personId", not(hasItem(leader)));

        String school = scalar("SELECT CAST(school_id AS text) FROM access_membership WHERE person_id = CAST(?1 AS uuid)"
                + " AND role = 'principal' LIMIT 1", principal);
        select("fjordvik.coordinator", "fjordvik", id, "{\"schoolIds\":[\"" + school + "\"],\"roles\":[\"principal\"]}")
                .then().statusCode(200)
                .body("people.find { it.personId == '" + principal + "' }.reasons", contains("school", "role"))
                .body("people.personId", not(hasItem(executive)));

        // what is not the tenant's is a 400 naming the field, and changes nothing
        select("fjordvik.coordinator", "fjordvik", id, "{\"roles\":[\"ks-admin\"]}").then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("roles"));
        select("fjordvik.coordinator", "fjordvik", id, "{\"personIds\":[\"" + personId("nordhei.coordinator") + "\"]}")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("personIds"));
        select("fjordvik.coordinator", "fjordvik", id, "{\"schoolIds\":[\"" + UUID.randomUUID() + "\"]}")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("schoolIds"));
        select("fjordvik.coordinator", "fjordvik", id, "{\"track\":\"" + "x".repeat(101) + "\"}")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("track"));
        given().auth().oauth2(token("fjordvik.coordinator")).when()
                .get("/api/tenants/fjordvik/activities/" + id + "/participants").then().statusCode(200)
                .body("schoolIds", contains(school));

        // a participant does not choose, and another tenant's activity is a 404
        select("fjordvik.leader", "fjordvik", id, "{}").then().statusCode(403).contentType(PROBLEM);
        select("nordhei.coordinator", "nordhei", id, "{}").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator")).when()
                .get("/api/tenants/nordhei/activities/" + id + "/participants").then().statusCode(404).contentType(PROBLEM);
    }

    private String scalar(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult());
    }
}
