package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/** Who-am-I against the real realm: each user sees only their own tenants. */
@QuarkusTest
class MeResourceTests {

    @Test
    void aCoordinatorSeesTheirOwnTenantAndRole() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("fjordvik.coordinator"))
                .body("tenants", contains("fjordvik"))
                .body("roles", hasItem("coordinator"))
                .body("roles", not(hasItem("ks-admin")))
                .body("personId", equalTo(Demo.personId("fjordvik.coordinator").toString()))
                .body("name", equalTo("Fredrik Fjeld"))
                .body("email", equalTo("fjordvik.coordinator@example.org"))
                .body("memberships.tenantId", contains("fjordvik"))
                .body("memberships.role", contains("coordinator"));
    }

    @Test
    void aPrincipalSeesTheirSchool() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.principal"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("memberships.role", contains("principal"))
                .body("memberships.schoolId", contains(Demo.FJORDVIK_SCHOOL.toString()));
    }

    @Test
    void aConsultantSeesEveryTenantTheyMayEnter() {
        given().auth().oauth2(RealmLogin.accessToken("veiviser.consultant"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("tenants", hasItem("fjordvik"))
                .body("tenants", hasItem("nordhei"))
                .body("tenants", not(hasItem("veiviser")))
                .body("roles", hasItem("consultant"))
                .body("memberships.find { it.tenantId == 'fjordvik' }.role", equalTo("consultant"))
                .body("memberships.find { it.tenantId == 'fjordvik' }.engagementId",
                        equalTo(Demo.FJORDVIK_ENGAGEMENT.toString()))
                .body("memberships.find { it.tenantId == 'fjordvik' }.schoolIds", empty())
                .body("memberships.find { it.tenantId == 'veiviser' }.role", equalTo("consultant"));
    }

    @Test
    void aRevokedEngagementNoLongerListsItsTenant() {
        String slug = "m-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Me " + slug + " AS\",\"organisationNumber\":\""
                        + OrganisationNumberTest.randomValid() + "\"}")
                .when().post("/api/national/consultancies").then().statusCode(201);
        // veiviser's consultant is not this consultancy's: its engagement gives her nothing
        String id = given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator")).contentType(ContentType.JSON)
                .body("{\"consultancyId\":\"" + slug + "\",\"startsOn\":\"2026-01-01\"}")
                .when().post("/api/tenants/nordhei/engagements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(RealmLogin.accessToken("veiviser.consultant"))
                .when().get("/api/me")
                .then().body("memberships.engagementId", not(hasItem(id)));
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().delete("/api/tenants/nordhei/engagements/" + id).then().statusCode(204);
    }

    @Test
    void ksSeesItsNationalRoleAndNoTenant() {
        given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", equalTo(List.of("ks-admin")))
                .body("tenants", empty())
                .body("name", equalTo("Kari Solberg"));
    }

    @Test
    void anotherTenantsUserDoesNotSeeFjordvik() {
        given().auth().oauth2(RealmLogin.accessToken("nordhei.leader"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("tenants", containsInAnyOrder("nordhei"));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemDetails() {
        given().when().get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
