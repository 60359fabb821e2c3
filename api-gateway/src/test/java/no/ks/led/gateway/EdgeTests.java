package no.ks.led.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/**
 * The gateway's public port against its management port, and what a client sees of an upstream's
 * address: the real realm issues the tokens, a stub plays the organisations service.
 */
@QuarkusTest
@QuarkusTestResource(value = UpstreamStub.class, restrictToAnnotatedClass = true)
class EdgeTests {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL publicPort;

    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/health", "/q/health/ready", "/q/openapi?format=json"}) {
            given().when().get(path).then().statusCode(404).contentType(PROBLEM)
                    .body("type", equalTo("urn:no:ks:led:problem:not-found"))
                    .body(not(containsString("jvm_")));
        }
    }

    @Test
    void managementEndpointsAreOnTheManagementPort() {
        given().baseUri(base(management)).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory"));
        given().baseUri(base(management)).when().get("/q/openapi").then().statusCode(200);
        given().baseUri(base(management)).when().get("/q/health/live").then().statusCode(200);
        // and the management port forwards nothing
        given().baseUri(base(management)).auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .when().get("/api/national/tenants").then().statusCode(404);
    }

    @Test
    void locationNamesTheGatewayNotTheService() {
        String origin = base(publicPort);
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType("application/json").body("{}")
                .when().post("/api/national/tenants")
                .then().statusCode(201)
                .header("Location", equalTo(origin + "/api/national/tenants/stubvik"));
        // the origin the client addressed (its Host; X-Forwarded-* where proxy forwarding is on, as in the chart)
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType("application/json").body("{}")
                .header("Host", "led.example.org")
                .when().post("/api/national/tenants")
                .then().statusCode(201)
                .header("Location", equalTo("http://led.example.org/api/national/tenants/stubvik"));
    }

    private static String base(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }
}
