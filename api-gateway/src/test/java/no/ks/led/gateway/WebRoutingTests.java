package no.ks.led.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * One origin: the gateway keeps {@code /api/...} for the services and sends every other path to the web app
 * (a stub here), with the browser's cookies and the origin it used, and the web app's cookies back.
 */
@QuarkusTest
@QuarkusTestResource(value = WebAppStub.class, restrictToAnnotatedClass = true)
class WebRoutingTests {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void pagesGoToTheWebAppWithTheirCookiesAndTheOriginTheBrowserUsed() {
        java.util.List<String> cookies = given().cookie("led-lang", "nn").header("Host", "led.example.org")
                .when().get("/tenants/fjordvik?x=1")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("GET /tenants/fjordvik?x=1"))
                .body(containsString("cookie=led-lang=nn"))
                .body(containsString("forwarded=http://led.example.org"))
                .header("Content-Security-Policy", equalTo("default-src 'none'"))
                .header("X-Internal", nullValue())
                .extract().headers().getValues("Set-Cookie");
        org.hamcrest.MatcherAssert.assertThat(cookies, hasItems(containsString("first=1"), containsString("second=2")));
        given().when().get("/").then().statusCode(200).body(containsString("GET / "));
    }

    @Test
    void formsReachTheWebAppWithTheirBodyButNoBearerToken() {
        given().contentType("application/x-www-form-urlencoded").formParam("csrf", "abc").formParam("lang", "da")
                .header("Authorization", "Bearer not-for-the-web-app")
                .when().post("/language")
                .then().statusCode(200)
                .body(containsString("POST /language"))
                .body(containsString("body=csrf=abc&lang=da"))
                .body(containsString("authorization=null"));
    }

    @Test
    void redirectsOfTheWebAppReachTheBrowserUnfollowed() {
        given().config(RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .when().get("/moved")
                .then().statusCode(303).header("Location", equalTo("/elsewhere"));
    }

    @Test
    void theApiAndTheManagementPathsNeverReachTheWebApp() {
        given().when().get("/api/no-such-route").then().statusCode(401);
        given().when().get("/api").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:not-found")).body(not(containsString("GET /api")));
        given().when().get("/q/metrics").then().statusCode(404).contentType(PROBLEM)
                .body(not(containsString("GET /q")));
        given().when().get("/q/health/ready").then().statusCode(404).contentType(PROBLEM);
    }
}
