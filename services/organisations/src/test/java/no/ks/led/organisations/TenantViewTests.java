package no.ks.led.organisations;

import static io.restassured.RestAssured.given;
import static no.ks.led.organisations.Demo.PROBLEM;
import static no.ks.led.organisations.Demo.token;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A tenant's members read its name, language and time zone (the web app's header and formats); nobody else does. */
@QuarkusTest
class TenantViewTests {

    @Test
    void aMemberReadsTheirTenantsNameLanguageAndZone() {
        given().auth().oauth2(token("fjordvik.leader")).when().get("/api/tenants/fjordvik")
                .then().statusCode(200).body("slug", equalTo("fjordvik")).body("name", equalTo("Fjordvik kommune"))
                .body("language", equalTo("nb")).body("timeZone", equalTo("Europe/Oslo"));
        given().auth().oauth2(token("veiviser.consultant")).when().get("/api/tenants/nordhei")
                .then().statusCode(200).body("name", equalTo("Nordhei fylkeskommune"));
    }

    @Test
    void anotherTenantOrAnUnknownOneIsNotFound() {
        given().auth().oauth2(token("fjordvik.coordinator")).when().get("/api/tenants/nordhei")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator")).when().get("/api/tenants/no-such-tenant")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/tenants/fjordvik").then().statusCode(401);
    }
}
