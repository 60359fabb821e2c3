package no.ks.led.foundation.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant isolation every tenant-scoped list keeps, against the real database and realm: a
 * member sees their tenant's rows, another tenant's member gets a 404 problem and none of them,
 * and no token is a 401 problem. A service's {@code @QuarkusTest} extends it with the list's
 * path and a way to insert one row in a tenant.
 */
public abstract class TenantIsolationTests {

    private UUID fjordvikOwn;

    /** The list's path in a tenant, e.g. {@code /api/tenants/fjordvik/survey-rounds}. */
    protected abstract String listPath(String tenant);

    /** Inserts one row of the list in the tenant, committed, and returns its id. */
    protected abstract UUID insert(String tenant);

    /** A fjordvik user who may read the list. */
    protected String fjordvikMember() {
        return "fjordvik.coordinator";
    }

    @BeforeEach
    void oneRowInEachTenant() {
        fjordvikOwn = insert("fjordvik");
        insert("nordhei");
    }

    @Test
    void aMemberSeesTheirTenantsRows() {
        given().auth().oauth2(RealmLogin.accessToken(fjordvikMember()))
                .when().get(listPath("fjordvik"))
                .then().statusCode(200).body("id", hasItem(fjordvikOwn.toString()));
    }

    @Test
    void anotherTenantsUserGetsNotFoundAndNoRows() {
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get(listPath("fjordvik"))
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:no:ks:led:problem:not-found"));
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get(listPath("nordhei"))
                .then().statusCode(200).body("id", not(hasItem(fjordvikOwn.toString())));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemDetails() {
        given().when().get(listPath("fjordvik"))
                .then().statusCode(401).contentType("application/problem+json");
    }
}
