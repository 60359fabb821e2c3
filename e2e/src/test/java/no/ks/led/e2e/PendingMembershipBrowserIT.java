package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 12, item 1 in the browser: fjordvik adds the address of a person nordhei created. The person, logged
 * in, sees fjordvik's role waiting (every language axe-clean, 320 px without sideways scroll), fjordvik's pages
 * are still 404 to them, and once they accept, fjordvik's home opens and nordhei's still does.
 */
class PendingMembershipBrowserIT extends WithBrowser {

    private static final String NORDHEI_SCHOOL = "411b22cd-71ee-5fd8-a7c2-fb467ea483a1";
    private static final String FJORDVIK_SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    private static final List<String> LANGUAGES = List.of("nb", "nn", "en", "da");
    private static String email;
    private static String membership;

    @BeforeAll
    static void aPersonOfNordheiWhomFjordvikAdds() {
        email = "vent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        add("nordhei", "nordhei.executive", "Vera Venter", "principal", NORDHEI_SCHOOL);
        letLogIn(email);
        membership = add("fjordvik", "fjordvik.coordinator", "Vera Fjord", "school-leader", FJORDVIK_SCHOOL);
        openBrowser();
    }

    @Test
    void thePersonSeesTheWaitingRoleAcceptsItAndThenEntersBothTenants() {
        browser.logIn(email);
        assertTrue(browser.driver.getCurrentUrl().endsWith("/tenants/nordhei"), browser.driver.getCurrentUrl());
        // fjordvik is not theirs until they accept
        browser.open("/tenants/fjordvik");
        assertEquals("Fant ikke siden", browser.find("h1").getText());

        browser.open("/tenants/nordhei");
        browser.find("a.led-pending-link").click();
        browser.wait.until(ExpectedConditions.urlContains("/pending-memberships"));
        WebElement card = browser.find("[data-testid=pending-membership]");
        assertTrue(card.getText().contains("Fjordvik kommune") && card.getText().contains("Skoleleder")
                && card.getText().contains("Fjordvik skole"), card.getText());
        for (String language : LANGUAGES) {
            browser.chooseLanguage(language);
            browser.find("[data-testid=pending-membership]");
            browser.assertAccessible("the waiting roles (" + language + ")");
        }
        browser.chooseLanguage("nb");
        browser.phone(320);
        try {
            browser.find("[data-testid=pending-membership]");
            browser.assertNoSidewaysScroll("the waiting roles");
            browser.screenshot("pending-membership-phone");
        } finally {
            browser.desktop();
        }
        browser.screenshot("pending-membership");

        browser.find("[data-testid=accept]").click();
        browser.wait.until(ExpectedConditions.urlContains("decided=accepted"));
        assertTrue(browser.find("[data-testid=notice]").getText().contains("godtatt"));
        browser.find("[data-testid=no-pending]");
        browser.assertAccessible("the waiting roles, none left");

        // once the grant has reached the gateway and Keycloak, a new login enters both tenants
        await().atMost(120, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).untilAsserted(() -> {
            String token = RealmLogin.fetchAccessToken("led-cli", email);
            given().baseUri(Platform.url("gateway")).auth().oauth2(token).when().get("/api/tenants/fjordvik/people")
                    .then().statusCode(200);
            given().baseUri(Platform.url("gateway")).auth().oauth2(token).when().get("/api/tenants/nordhei/people")
                    .then().statusCode(200);
        });
        browser.logOut();
        browser.logIn(email);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/tenants/fjordvik']")));
        browser.driver.findElement(By.cssSelector("a[href='/tenants/fjordvik']")).click();
        assertEquals("Fjordvik kommune", browser.find("[data-testid=active-tenant]").getText());
        browser.logOut();
        assertEquals(0, given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.fetchAccessToken("led-cli", email))
                .when().get("/api/me/pending-memberships").then().statusCode(200).extract().jsonPath().getList("$").size(),
                "accepted " + membership);
    }

    /** Adds a person to the tenant through the gateway as its executive or coordinator would; answers the membership id. */
    private static String add(String tenant, String asUser, String name, String role, String school) {
        return given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken(asUser))
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "role", role, "schoolId", school))
                .when().post("/api/tenants/" + tenant + "/people")
                .then().statusCode(201).extract().path("membership.id");
    }

    /**
     * Waits for the identity sync to create the person's Keycloak user, then does what the person would at their
     * first login (verify the address, choose a password) through the realm's admin API.
     */
    static void letLogIn(String address) {
        String admin = RealmLogin.realmUrl().replace("/realms/", "/admin/realms/");
        String token = given().formParams(Map.of("grant_type", "client_credentials", "client_id", "led-organisations",
                        "client_secret", "led-organisations-dev-secret"))
                .when().post(RealmLogin.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String userId = await().atMost(120, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS).until(() -> {
            List<String> ids = given().auth().oauth2(token).queryParam("email", address).queryParam("exact", true)
                    .when().get(admin + "/users").then().statusCode(200).extract().jsonPath().getList("id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
        Map<String, Object> user = given().auth().oauth2(token).when().get(admin + "/users/" + userId)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        user.put("emailVerified", true);
        user.put("requiredActions", List.of());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(user)
                .when().put(admin + "/users/" + userId).then().statusCode(204);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", RealmLogin.DEMO_PASSWORD, "temporary", false))
                .when().put(admin + "/users/" + userId + "/reset-password").then().statusCode(204);
    }
}
