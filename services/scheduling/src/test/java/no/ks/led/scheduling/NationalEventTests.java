package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static no.ks.led.scheduling.ActivityResourceTests.personId;
import static no.ks.led.scheduling.ActivityResourceTests.token;
import static no.ks.led.scheduling.ActivityResourceTests.year;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.scheduling.service.SignUps;
import org.junit.jupiter.api.Test;

/**
 * National events (issue 15): KS publishes an event that people of many tenants sign up for, with one capacity
 * and one waiting list; each tenant sees only its own participants, a Danish tenant never sees a Norwegian event.
 */
@QuarkusTest
class NationalEventTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager entityManager;

    @Inject
    SignUps signUps;

    private static Response publish(String user, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body).when().post("/api/national/events");
    }

    private static String event(String title, String startsAt, String endsAt, String extra) {
        return "{\"kind\":\"introductory-course\",\"title\":\"" + title + "\",\"startsAt\":\"" + startsAt
                + "\",\"endsAt\":\"" + endsAt + "\"" + extra + "}";
    }

    private static Response signUp(String user, String tenant, String eventId, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/" + tenant + "/national-events/" + eventId + "/sign-ups");
    }

    private static Response get(String user, String path) {
        return given().auth().oauth2(token(user)).when().get(path);
    }

    @Test
    void peopleOfSeveralTenantsShareOneCapacityAndEachTenantSeesOnlyItsOwnParticipants() {
        int y = year();
        String body = event("Innføringskurs for nye skoleledere", y + "-09-01T09:00", y + "-09-02T15:00",
                ",\"place\":\"KS-huset, Oslo\",\"capacity\":2");
        publish("fjordvik.coordinator", body).then().statusCode(403).contentType(PROBLEM);
        publish("ks.analyst", body).then().statusCode(403).contentType(PROBLEM);
        publish("ks.admin", event("Baklengs", y + "-09-02T09:00", y + "-09-01T15:00", "")).then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("endsAt"));
        publish("ks.admin", "{\"title\":\"Uten type\",\"startsAt\":\"" + y + "-09-01T09:00\",\"endsAt\":\"" + y
                + "-09-01T15:00\"}").then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("kind"));
        String id = publish("ks.admin", body).then().statusCode(201).contentType(ContentType.JSON)
                .body("country", equalTo("NO")).body("timeZone", equalTo("Europe/Oslo"))
                .body("startsAt", equalTo(y + "-09-01T09:00:00")).body("placesLeft", equalTo(2))
                .body("confirmed", equalTo(0)).extract().path("id");

        // the Norwegian tenants see it, the Danish one does not
        get("fjordvik.leader", "/api/tenants/fjordvik/national-events?limit=100").then().statusCode(200)
                .body("id", hasItem(id)).body("confirmed", everyItem(nullValue()));
        get("norddal.skoleleder", "/api/tenants/norddal/national-events?limit=100").then().statusCode(200)
                .body("id", not(hasItem(id)));
        get("norddal.skoleleder", "/api/tenants/norddal/national-events/" + id).then().statusCode(404).contentType(PROBLEM);
        signUp("norddal.skoleleder", "norddal", id, "{}").then().statusCode(404).contentType(PROBLEM);
        get("kl.analyst", "/api/national/events/" + id).then().statusCode(404).contentType(PROBLEM);

        String fjordvikLeader = signUp("fjordvik.leader", "fjordvik", id, "{\"dietaryNeeds\":\"Glutenfri\"}").then()
                .statusCode(201).body("status", equalTo("confirmed")).extract().path("id");
        String nordheiLeader = signUp("nordhei.leader", "nordhei", id, "{}").then().statusCode(201)
                .body("status", equalTo("confirmed")).extract().path("id");
        String fjordvikPrincipal = signUp("fjordvik.principal", "fjordvik", id, "{}").then().statusCode(201)
                .body("status", equalTo("waiting")).extract().path("id");
        signUp("fjordvik.leader", "fjordvik", id, "{}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:already-signed-up"));
        get("fjordvik.leader", "/api/tenants/fjordvik/national-events/" + id).then().statusCode(200)
                .body("placesLeft", equalTo(0)).body("confirmed", nullValue()).body("waiting", nullValue());
        // in the list, each caller sees their own sign-up; only the tenant's organisers how many of the tenant's people
        String own = "find { it.id == '" + id + "' }";
        get("fjordvik.principal", "/api/tenants/fjordvik/national-events?limit=100").then().statusCode(200)
                .body(own + ".mySignUpId", equalTo(fjordvikPrincipal)).body(own + ".myStatus", equalTo("waiting"))
                .body(own + ".fromTenant", nullValue()).body(own + ".placesLeft", equalTo(0));
        get("fjordvik.coordinator", "/api/tenants/fjordvik/national-events?limit=100").then().statusCode(200)
                .body(own + ".mySignUpId", nullValue()).body(own + ".fromTenant", equalTo(2));
        get("nordhei.coordinator", "/api/tenants/nordhei/national-events/" + id).then().statusCode(200)
                .body("fromTenant", equalTo(1)).body("mySignUpId", nullValue());
        get("nordhei.leader", "/api/tenants/nordhei/national-events/" + id).then().statusCode(200)
                .body("mySignUpId", equalTo(nordheiLeader)).body("myStatus", equalTo("confirmed"));

        // each tenant's organiser sees the tenant's own sign-ups; a participant their own
        get("fjordvik.coordinator", "/api/tenants/fjordvik/national-events/" + id + "/sign-ups").then().statusCode(200)
                .body("$", hasSize(2)).body("id", hasItems(fjordvikLeader, fjordvikPrincipal))
                .body("tenantId", everyItem(equalTo("fjordvik")));
        get("nordhei.coordinator", "/api/tenants/nordhei/national-events/" + id + "/sign-ups").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(nordheiLeader));
        get("fjordvik.principal", "/api/tenants/fjordvik/national-events/" + id + "/sign-ups").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(fjordvikPrincipal));
        // another tenant's sign-up answers as a missing one, through either tenant's organiser
        given().auth().oauth2(token("fjordvik.coordinator"))
                .when().post("/api/tenants/fjordvik/national-events/" + id + "/sign-ups/" + nordheiLeader + "/cancellation")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator"))
                .when().post("/api/tenants/nordhei/national-events/" + id + "/sign-ups/" + fjordvikLeader + "/cancellation")
                .then().statusCode(404).contentType(PROBLEM);

        // KS sees everyone, with their tenant
        get("ks.analyst", "/api/national/events/" + id).then().statusCode(200).body("confirmed", equalTo(2))
                .body("waiting", equalTo(1));
        get("ks.admin", "/api/national/events/" + id + "/sign-ups").then().statusCode(200).body("$", hasSize(3))
                .body("tenantId", hasItems("fjordvik", "nordhei"));
        get("fjordvik.coordinator", "/api/national/events/" + id + "/sign-ups").then().statusCode(403).contentType(PROBLEM);

        // nordhei's leader cancels: fjordvik's principal, first in the shared waiting list, moves up and is told in fjordvik
        given().auth().oauth2(token("nordhei.leader"))
                .when().post("/api/tenants/nordhei/national-events/" + id + "/sign-ups/" + nordheiLeader + "/cancellation")
                .then().statusCode(200).body("status", equalTo("cancelled"));
        get("fjordvik.principal", "/api/tenants/fjordvik/national-events/" + id + "/sign-ups").then().statusCode(200)
                .body("[0].status", equalTo("confirmed"));
        get("fjordvik.principal", "/api/tenants/fjordvik/notices").then().statusCode(200)
                .body("find { it.nationalEventId == '" + id + "' }.kind", equalTo("moved-up-from-waiting-list"));
        get("nordhei.leader", "/api/tenants/nordhei/notices").then().statusCode(200).body("nationalEventId", not(hasItem(id)));
        assertEquals(personId("fjordvik.principal"), get("ks.admin", "/api/national/events/" + id + "/sign-ups")
                .then().extract().path("find { it.id == '" + fjordvikPrincipal + "' }.personId"));
    }

    @Test
    void aCancelledOrClosedEventTakesNoSignUpAndDietaryNeedsAreDeletedAfterIt() {
        int y = year();
        String id = publish("ks.admin", event("Med lunsj", y + "-03-10T09:00", y + "-03-10T15:00", "")).then()
                .statusCode(201).extract().path("id");
        String signUp = signUp("fjordvik.leader", "fjordvik", id, "{\"dietaryNeeds\":\"Vegetar\"}").then().statusCode(201)
                .extract().path("id");
        signUps.forgetDietaryNeeds(Instant.now());
        assertEquals("Vegetar", dietary(signUp));
        signUps.forgetDietaryNeeds(LocalDate.of(y, 3, 11).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertNull(dietary(signUp));

        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/national/events/" + id + "/cancellation").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON).body("{\"reason\":\"For få påmeldte\"}")
                .when().post("/api/national/events/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("cancelReason", equalTo("For få påmeldte"));
        signUp("nordhei.leader", "nordhei", id, "{}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:activity-not-scheduled"));

        String closed = publish("ks.admin", event("Frist ute", y + "-03-12T09:00", y + "-03-12T15:00",
                ",\"signUpDeadline\":\"2020-01-01\"")).then().statusCode(201).extract().path("id");
        signUp("nordhei.leader", "nordhei", closed, "{}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:sign-up-closed"));
        publish("ks.admin", event("I fortiden", "2020-03-12T09:00", "2020-03-12T15:00", "")).then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("startsAt"));
        publish("ks.admin", event("Frist etter start", y + "-03-12T09:00", y + "-03-12T15:00",
                ",\"signUpDeadline\":\"" + y + "-03-13\"")).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("signUpDeadline"));
        signUp("fjordvik.leader", "fjordvik", UUID.randomUUID().toString(), "{}").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theDanishNationalOperatorPublishesForDanishTenantsOnly() {
        int y = year();
        String id = publish("kl.analyst", event("Netværksmøde for skoleledere", y + "-04-20T09:00", y + "-04-20T15:00", ""))
                .then().statusCode(201).body("country", equalTo("DK")).body("timeZone", equalTo("Europe/Copenhagen"))
                .extract().path("id");
        get("norddal.skoleleder", "/api/tenants/norddal/national-events?limit=100").then().statusCode(200)
                .body("id", hasItem(id));
        get("fjordvik.leader", "/api/tenants/fjordvik/national-events/" + id).then().statusCode(404).contentType(PROBLEM);
        get("ks.admin", "/api/national/events/" + id).then().statusCode(404).contentType(PROBLEM);
        signUp("norddal.skoleleder", "norddal", id, "{}").then().statusCode(201).body("tenantId", equalTo("norddal"));
    }

    @Test
    void aLeadOwnerHostsARegionalEventForTheTenantsItInvitesAndOnlyThoseSeeIt() {
        int y = year();
        String regional = "/api/tenants/fjordvik/regional-events";
        String body = event("Nettverkssamling i regionen", y + "-05-06T09:00", y + "-05-06T15:00", ",\"capacity\":30");
        String invitingNordhei = body.substring(0, body.length() - 1) + ",\"invitedTenants\":[\"nordhei\",\"fjordvik\"]}";
        // only the host's coordinator or executive publishes, and only for active tenants of its own country
        given().auth().oauth2(token("fjordvik.leader")).contentType(ContentType.JSON).body(invitingNordhei).when()
                .post(regional).then().statusCode(403).contentType(PROBLEM);
        for (String invited : List.of("[\"norddal\"]", "[\"finnes-ikke\"]", "[\"Nordhei\"]")) {
            given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                    .body(body.substring(0, body.length() - 1) + ",\"invitedTenants\":" + invited + "}").when().post(regional)
                    .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("invitedTenants"));
        }
        publish("ks.admin", invitingNordhei).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("invitedTenants"));
        String id = given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body(invitingNordhei)
                .when().post(regional).then().statusCode(201).body("hostTenantId", equalTo("fjordvik"))
                .body("invitedTenantIds", contains("nordhei")).body("country", equalTo("NO")).extract().path("id");

        // the invited tenant's people see it with its host and sign up; a tenant not invited never sees it
        get("nordhei.leader", "/api/tenants/nordhei/national-events?limit=100").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.hostTenantId", equalTo("fjordvik"))
                .body("find { it.id == '" + id + "' }.invitedTenantIds", nullValue());
        String nordheiLeader = signUp("nordhei.leader", "nordhei", id, "{}").then().statusCode(201)
                .body("tenantId", equalTo("nordhei")).extract().path("id");
        signUp("fjordvik.leader", "fjordvik", id, "{}").then().statusCode(201);
        get("norddal.skoleleder", "/api/tenants/norddal/national-events?limit=100").then().statusCode(200)
                .body("id", not(hasItem(id)));
        get("norddal.skoleleder", "/api/tenants/norddal/national-events/" + id).then().statusCode(404).contentType(PROBLEM);
        signUp("norddal.skoleleder", "norddal", id, "{}").then().statusCode(404).contentType(PROBLEM);
        String nordheisOwn = given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/nordhei/regional-events").then().statusCode(201)
                .body("invitedTenantIds", hasSize(0)).extract().path("id");
        get("fjordvik.leader", "/api/tenants/fjordvik/national-events?limit=100").then().statusCode(200)
                .body("id", not(hasItem(nordheisOwn)));
        signUp("fjordvik.leader", "fjordvik", nordheisOwn, "{}").then().statusCode(404).contentType(PROBLEM);

        // the host follows every invited tenant's sign-ups; an invited tenant its own only; KS does not run it
        get("fjordvik.coordinator", regional + "/" + id + "/sign-ups").then().statusCode(200).body("$", hasSize(2))
                .body("tenantId", hasItems("fjordvik", "nordhei"));
        get("fjordvik.coordinator", regional + "?limit=100").then().statusCode(200).body("id", hasItem(id))
                .body("id", not(hasItem(nordheisOwn)));
        get("nordhei.coordinator", "/api/tenants/nordhei/regional-events/" + id).then().statusCode(404).contentType(PROBLEM);
        get("nordhei.coordinator", "/api/tenants/nordhei/regional-events/" + id + "/sign-ups").then().statusCode(404);
        get("nordhei.coordinator", "/api/tenants/nordhei/national-events/" + id + "/sign-ups").then().statusCode(200)
                .body("id", contains(nordheiLeader));
        get("ks.admin", "/api/national/events/" + id).then().statusCode(404).contentType(PROBLEM);
        get("ks.admin", "/api/national/events?limit=500").then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(token("ks.admin")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/national/events/" + id + "/cancellation").then().statusCode(404);

        // the host cancels it: no more sign-ups
        given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/tenants/nordhei/regional-events/" + id + "/cancellation").then().statusCode(404);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"reason\":\"Flyttet\"}")
                .when().post(regional + "/" + id + "/cancellation").then().statusCode(200).body("status", equalTo("cancelled"));
        signUp("nordhei.principal", "nordhei", id, "{}").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:activity-not-scheduled"));
    }

    private String dietary(String signUpId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT dietary_needs FROM national_sign_up WHERE id = CAST(?1 AS uuid)").setParameter(1, signUpId)
                .getSingleResult());
    }
}
