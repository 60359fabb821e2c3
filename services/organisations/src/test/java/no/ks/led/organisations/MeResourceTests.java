package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
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
                .body("roles", not(hasItem("ks-admin")));
    }

    @Test
    void aConsultantSeesEveryTenantTheyMayEnter() {
        given().auth().oauth2(RealmLogin.accessToken("veiviser.consultant"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("tenants", hasItem("fjordvik"))
                .body("tenants", hasItem("nordhei"));
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
