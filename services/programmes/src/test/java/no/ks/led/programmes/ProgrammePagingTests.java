package no.ks.led.programmes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.ks.led.foundation.testing.Pages;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/** The programme list a page at a time: every row exactly once, and a page size within bounds. */
@QuarkusTest
class ProgrammePagingTests {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void thePagesTogetherHoldEveryProgrammeExactlyOnce() {
        String token = RealmLogin.accessToken("nordhei.coordinator");
        for (int i = 0; i < 7; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Side " + i + "\"}")
                    .when().post("/api/tenants/nordhei/programmes").then().statusCode(201);
        }
        long rows = QuarkusTransaction.requiringNew().call(() -> Programme.count("tenantId", "nordhei"));
        assertTrue(rows > 3, "more rows than the page size");

        List<String> ids = Pages.ids(token, "/api/tenants/nordhei/programmes", 3);

        assertEquals(rows, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "a row on two pages");
    }

    @Test
    void theNextPageIsALinkWithoutAnAddressOfThisServer() {
        String token = RealmLogin.accessToken("nordhei.coordinator");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Lenke " + i + "\"}")
                    .when().post("/api/tenants/nordhei/programmes").then().statusCode(201);
        }
        given().auth().oauth2(token).when().get("/api/tenants/nordhei/programmes?limit=1")
                .then().statusCode(200).body("size()", equalTo(1))
                .header("Link", equalTo("</api/tenants/nordhei/programmes?limit=1&offset=1>; rel=\"next\""));
    }

    @Test
    void aPageSizeOutOfBoundsIsAProblemNamingLimit() {
        String token = RealmLogin.accessToken("nordhei.coordinator");
        for (String limit : List.of("100000", "0", "-1", "ten", "99999999999999999999")) {
            given().auth().oauth2(token).when().get("/api/tenants/nordhei/programmes?limit=" + limit)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:no:ks:led:problem:validation-failed"))
                    .body("violations.field", hasItem("limit"));
        }
        given().auth().oauth2(token).when().get("/api/tenants/nordhei/programmes?offset=-5")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("offset"));
        // the largest page is allowed
        given().auth().oauth2(token).when().get("/api/tenants/nordhei/programmes?limit=500")
                .then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void aNonMemberLearnsNothingFromABadLimit() {
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/nordhei/programmes?limit=100000")
                .then().statusCode(404).contentType(PROBLEM);
    }
}
