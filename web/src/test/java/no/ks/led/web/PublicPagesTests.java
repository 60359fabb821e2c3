package no.ks.led.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The web app against the real realm: login by code flow with PKCE, the public pages, the security headers,
 * the anti-forgery check and the language choice.
 */
@QuarkusTest
class PublicPagesTests {

    private static final RestAssuredConfig NO_REDIRECTS =
            RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @TestHTTPResource("/")
    URL app;

    private String origin() {
        return app.getProtocol() + "://" + app.getHost() + ":" + app.getPort();
    }

    @Test
    void aPageNeedsALoginByCodeFlowWithPkceThatAsksForTheApisTokens() {
        String login = given().config(NO_REDIRECTS).when().get("/tenants/fjordvik")
                .then().statusCode(302).extract().header("Location");
        org.hamcrest.MatcherAssert.assertThat(login, allOf(
                containsString("/protocol/openid-connect/auth"),
                containsString("client_id=led-web"),
                containsString("response_type=code"),
                containsString("code_challenge_method=S256"),
                containsString("code_challenge="),
                containsString("organization%3A*")));
    }

    @Test
    void theAccessibilityStatementIsPublicWithStrictHeadersAndNothingInline() {
        given().when().get("/accessibility").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", allOf(containsString("default-src 'none'"),
                        containsString("script-src 'self';"), containsString("style-src 'self';"),
                        not(containsString("unsafe-inline"))))
                .header("X-Frame-Options", equalTo("DENY"))
                .body(containsString("<html lang=\"nb\""))
                .body(containsString("Tilgjengelighetserklæring"))
                .body(not(containsString("<style")))
                .body(not(containsString(" style=")))
                .body(not(containsString("<script>")));
    }

    @Test
    void stylesAndHtmxAreServedByTheAppItself() {
        given().when().get("/static/designsystemet/index.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().when().get("/static/designsystemet/digdir.css").then().statusCode(200);
        given().when().get("/static/led.css").then().statusCode(200);
        given().when().get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    void anUnknownFileIsTheTranslatedNotFoundPageNeverAStackTrace() {
        given().cookie("led-lang", "en").when().get("/static/no-such-file.css").then().statusCode(404)
                .contentType(startsWith("text/html")).body(containsString("Page not found"))
                .body(not(containsString("Exception")));
    }

    @Test
    void theLanguageIsChosenByAFormAndRemembered() {
        String token = csrfCookie();
        given().config(NO_REDIRECTS).cookie("led-csrf", token).header("Origin", origin())
                .formParam("csrf", token).formParam("lang", "da").formParam("return", "/accessibility")
                .when().post("/language")
                .then().statusCode(303).header("Location", endsWithPath("/accessibility"))
                .cookie("led-lang", "da");
        given().cookie("led-lang", "da").when().get("/accessibility").then().statusCode(200)
                .body(containsString("<html lang=\"da\"")).body(containsString("Tilgængelighedserklæring"));
        // a return address elsewhere is not followed
        given().config(NO_REDIRECTS).cookie("led-csrf", token).header("Origin", origin())
                .formParam("csrf", token).formParam("lang", "nn").formParam("return", "//evil.example.org/")
                .when().post("/language")
                .then().statusCode(303).header("Location", endsWithPath("/"));
    }

    @Test
    void aFormWithoutTheTokenOrFromAnotherOriginChangesNothing() {
        String token = csrfCookie();
        // no token in the form
        given().config(NO_REDIRECTS).cookie("led-csrf", token).header("Origin", origin()).formParam("lang", "da")
                .when().post("/language").then().statusCode(403).contentType(startsWith("text/html"))
                .header("Set-Cookie", not(containsString("led-lang")));
        // a token that is not the cookie's
        given().config(NO_REDIRECTS).cookie("led-csrf", token).header("Origin", origin())
                .formParam("csrf", csrfCookie()).formParam("lang", "da")
                .when().post("/language").then().statusCode(403);
        // the right token, sent from another site
        given().config(NO_REDIRECTS).cookie("led-csrf", token).header("Origin", "https://evil.example.org")
                .formParam("csrf", token).formParam("lang", "da")
                .when().post("/language").then().statusCode(403);
        // neither Origin nor Referer
        given().config(NO_REDIRECTS).cookie("led-csrf", token).formParam("csrf", token).formParam("lang", "da")
                .when().post("/language").then().statusCode(403);
    }

    /** A fresh anti-forgery token, as a first page view sets it: HttpOnly and SameSite=Strict. */
    private static String csrfCookie() {
        Response page = given().when().get("/accessibility");
        String header = page.getHeader("Set-Cookie");
        org.hamcrest.MatcherAssert.assertThat(header, allOf(containsString("led-csrf="), containsString("HttpOnly"),
                containsString("SameSite=Strict")));
        return page.getCookie("led-csrf");
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.anyOf(equalTo(path), org.hamcrest.Matchers.endsWith(":" + "" + path),
                org.hamcrest.Matchers.matchesPattern("https?://[^/]+" + java.util.regex.Pattern.quote(path)));
    }
}
