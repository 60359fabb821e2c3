package no.ks.led.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.Test;

/**
 * The API route: tokens checked with the same 401 problem as every Led API, the allow-list's 404 and 405,
 * bodies streamed both ways with only the listed headers, and 503 when a service is down. A stub plays the
 * organisations service; the funding service is down.
 */
@QuarkusTest
@QuarkusTestResource(value = UpstreamStub.class, restrictToAnnotatedClass = true)
class ApiProxyTests {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aRequestWithoutAValidTokenGetsThe401Problem() {
        for (String token : new String[] {null, "not.a.token"}) {
            var request = token == null ? given() : given().auth().oauth2(token);
            request.when().get("/api/national/tenants")
                    .then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", equalTo("Bearer"))
                    .body("type", equalTo("urn:no:ks:led:problem:unauthorized"))
                    .body("title", equalTo("A valid access token is required"))
                    .body("status", equalTo(401))
                    .body("instance", equalTo("/api/national/tenants"))
                    .body("detail", nullValue());
        }
    }

    @Test
    void aRouteOutsideTheAllowListIs404AndAnotherMethodOnAKnownPathIs405() {
        String admin = RealmLogin.accessToken("ks.admin");
        given().auth().oauth2(admin).when().get("/api/no-such-route")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:not-found"))
                .body("instance", equalTo("/api/no-such-route"));
        given().auth().oauth2(admin).when().delete("/api/national/tenants")
                .then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:method-not-allowed"))
                .body("detail", equalTo("DELETE is not allowed on /api/national/tenants"));
    }

    @Test
    void bodiesStreamBothWaysWithTheListedHeadersOnly() {
        byte[] body = new byte[3 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        byte[] echoed = given().auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .contentType("application/octet-stream").header("Idempotency-Key", "k-1").cookie("session", "s")
                .body(body)
                .when().post("/api/national/consultancies")
                .then().statusCode(200)
                .header("ETag", equalTo("\"e1\""))
                .header("X-Internal", nullValue())
                .header("Set-Cookie", nullValue())
                .extract().asByteArray();
        assertArrayEquals(body, echoed);
    }

    @Test
    void onlyTheListedRequestHeadersReachTheService() {
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).contentType("text/plain").body("b")
                .header("Idempotency-Key", "k-2").header("X-Internal", "from the client").cookie("session", "s")
                .when().post("/api/national/consultancies?echo=headers")
                .then().statusCode(200).body(equalTo("idempotency-key=k-2 cookie=null x-internal=null"));
    }

    @Test
    void aServiceThatIsDownGives503WithRetryAfter() {
        given().auth().oauth2(RealmLogin.accessToken("ks.admin")).when().get("/api/national/funding-policies")
                .then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:no:ks:led:problem:service-unavailable"))
                .body("detail", equalTo("The funding service did not answer"))
                .body("instance", equalTo("/api/national/funding-policies"));
    }
}
