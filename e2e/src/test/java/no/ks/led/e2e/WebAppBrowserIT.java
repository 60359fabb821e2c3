package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The web app in real Chromium through the gateway, with the demo users: a principal logs in, answers the
 * status analysis by keyboard alone on a 320 px phone, shares the school's results, and logs out; the
 * coordinator follows the round up and reminds; the consultant switches tenants. Every page passes axe-core
 * in every language, and another tenant's page answers 404. One browser for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserIT extends WithBrowser {

    private static final String SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    private static String round;

    @BeforeAll
    static void openARoundAndABrowser() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        round = given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Ståstedsanalyse våren " + today.getYear() + " (" + UUID.randomUUID().toString().substring(0, 4)
                        + ")\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today + "\",\"closesOn\":\""
                        + today.plusDays(21) + "\",\"schoolIds\":[\"" + SCHOOL + "\"]}")
                .when().post("/api/tenants/fjordvik/survey-rounds")
                .then().statusCode(201).extract().path("id");
        openBrowser();
    }

    @Test
    @Order(1)
    void thePrincipalSeesTheRoundAmongTheirTasks() {
        browser.logIn("fjordvik.principal");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/tenants/fjordvik"), browser.driver.getCurrentUrl());
        assertEquals("Fjordvik kommune", browser.find("[data-testid=active-tenant]").getText());
        WebElement task = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//li[@data-testid='task'][contains(., '" + title() + "')]")));
        assertTrue(task.getText().contains("Ikke påbegynt"), task.getText());
        browser.assertAccessible("home");
        browser.screenshot("principal-home");
    }

    @Test
    @Order(2)
    void thePrincipalAnswersByKeyboardAloneOnA320PixelPhone() {
        browser.phone(320);
        try {
            browser.open("/tenants/fjordvik/survey-rounds/" + round);
            browser.find("form.led-answers");
            browser.assertNoSidewaysScroll("the answer form");
            browser.assertAccessible("the answer form");
            browser.screenshot("principal-answer-phone");
            List<WebElement> items = browser.driver.findElements(By.cssSelector("[data-testid=item]"));
            assertTrue(items.size() >= 20, "items: " + items.size());
            // from the top of the page, Tab reaches the first statement's first point; Space chooses it, arrow
            // keys move along the scale, Tab goes on to the next statement
            browser.driver.executeScript("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();");
            WebElement first = items.get(0).findElement(By.cssSelector("input[type=radio]"));
            tabUntil(first, 40);
            for (int i = 0; i < items.size(); i++) {
                new Actions(browser.driver).sendKeys(Keys.SPACE).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_RIGHT).perform();
                assertFocusVisible();
                new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            }
            // the free-text question, then past "save" to "submit", and Enter
            new Actions(browser.driver).sendKeys("Godt samarbeid i ledergruppa").perform();
            WebElement submit = browser.driver.findElement(By.cssSelector("[data-testid=submit]"));
            tabUntil(submit, 5);
            new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
            browser.wait.until(ExpectedConditions.urlContains("submitted="));
            assertEquals("Takk! Svarene dine er sendt inn.", browser.find("[data-testid=notice]").getText());
            WebElement task = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//li[@data-testid='task'][contains(., '" + title() + "')]")));
            assertTrue(task.getText().contains("Sendt inn"), task.getText());
            browser.assertNoSidewaysScroll("home after submitting");
            browser.screenshot("principal-home-submitted-phone");
        } finally {
            browser.desktop();
        }
        // what was answered by keyboard is what the API stored: the third point of each statement
        List<Object> values = given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken("fjordvik.principal"))
                .when().get("/api/tenants/fjordvik/survey-rounds/" + round + "/responses/mine")
                .then().statusCode(200).extract().jsonPath().getList("submitted.findAll { it.value != null }.value");
        assertTrue(values.size() >= 20 && values.stream().allMatch(v -> ((Number) v).intValue() == 3), "values: " + values);
    }

    @Test
    @Order(3)
    void thePrincipalSharesAndWithdrawsTheSchoolsResults() {
        browser.open("/tenants/fjordvik/survey-rounds/" + round + "/results/schools/" + SCHOOL);
        assertEquals("Resultatene er ikke delt med skoleeieren.", browser.find("[data-testid=sharing-status]").getText());
        browser.find("[data-testid=suppressed]");
        browser.assertAccessible("school results");
        browser.screenshot("principal-results");
        browser.driver.findElement(By.cssSelector(".led-sharing button[value=share]")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=sharing-status]"),
                "Resultatene er delt med skoleeieren."));
        given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken("fjordvik.executive"))
                .when().get("/api/tenants/fjordvik/survey-rounds/" + round + "/results")
                .then().statusCode(200)
                .body("schools.find { it.schoolId == '" + SCHOOL + "' }.status", org.hamcrest.Matchers.equalTo("shared"));
        browser.driver.findElement(By.cssSelector(".led-sharing button[value=withdraw]")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=sharing-status]"),
                "Resultatene er ikke delt med skoleeieren."));
    }

    @Test
    @Order(4)
    void everyPageIsAccessibleInEveryLanguage() {
        List<String> pages = List.of("/tenants/fjordvik", "/tenants/fjordvik/survey-rounds/" + round,
                "/tenants/fjordvik/survey-rounds/" + round + "/results/schools/" + SCHOOL, "/accessibility",
                "/tenants/nordhei");
        browser.assertAccessibleInEveryLanguage(pages);
        browser.chooseLanguage("da");
        browser.screenshot("accessibility-statement-da");
        browser.chooseLanguage("nb");
    }

    @Test
    @Order(5)
    void thePageCheckFindsAPlantedViolation() {
        browser.open("/accessibility");
        browser.find("#main");
        // an image without a text alternative and a button without a name: what axe must catch
        browser.driver.executeScript("const img = document.createElement('img'); img.src = '/static/none.png';"
                + "document.getElementById('main').appendChild(img);"
                + "document.getElementById('main').appendChild(document.createElement('button'));");
        List<String> rules = browser.violations().stream().map(r -> r.getId()).toList();
        assertTrue(rules.contains("image-alt") && rules.contains("button-name"), "axe found: " + rules);
        assertThrowsAssertion(() -> browser.assertAccessible("the planted page"));
    }

    @Test
    @Order(6)
    void anotherTenantsPageAnswers404() {
        for (String path : List.of("/tenants/nordhei", "/tenants/nordhei/survey-rounds/" + round,
                "/tenants/nordhei/survey-rounds/" + round + "/results/schools/" + SCHOOL)) {
            browser.open(path);
            assertEquals("Fant ikke siden", browser.find("h1").getText(), path);
        }
        // and the API behind it says the same to the same person
        given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken("fjordvik.principal"))
                .when().get("/api/tenants/nordhei/survey-rounds").then().statusCode(404);
        browser.screenshot("not-found");
    }

    @Test
    @Order(7)
    void logoutEndsTheKeycloakSessionToo() {
        browser.open("/tenants/fjordvik");
        browser.logOut();
        assertEquals("Du er logget ut", browser.find("h1").getText());
        browser.assertAccessible("the logged-out page");
        // the next page needs a new login at Keycloak: the session there has ended as well
        browser.open("/tenants/fjordvik");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertFalse(browser.driver.getCurrentUrl().contains("/tenants/"), browser.driver.getCurrentUrl());
    }

    @Test
    @Order(8)
    void theCoordinatorFollowsUpTheRoundAndReminds() {
        browser.logIn("fjordvik.coordinator");
        browser.assertAccessible("the coordinator's home");
        browser.screenshot("coordinator-home");
        browser.find("a[href='/tenants/fjordvik/rounds']").click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=round]")));
        browser.assertAccessible("the rounds list");
        browser.screenshot("coordinator-rounds");
        browser.driver.findElement(By.linkText(title())).click();
        WebElement school = browser.find("[data-testid=school]");
        assertTrue(school.getText().contains("Fjordvik skole") && school.getText().contains("1"), school.getText());
        browser.assertAccessible("the round's follow-up");
        browser.driver.findElement(By.cssSelector("form[action$='/reminders'] button")).click();
        browser.wait.until(ExpectedConditions.urlContains("reminded=true"));
        assertTrue(browser.find("[role=status]").getText().contains("Påminnelsen"));
        browser.screenshot("coordinator-round");
        // a second reminder the same day: the API's 409, as a translated message on the page
        browser.driver.findElement(By.cssSelector("form[action$='/reminders'] button")).click();
        assertEquals("Det er allerede sendt påminnelser i dag.", browser.find("[role=alert]").getText());
        browser.logOut();
    }

    @Test
    @Order(9)
    void theConsultantSwitchesBetweenTheirTenants() {
        browser.logIn("veiviser.consultant");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/"), browser.driver.getCurrentUrl());
        browser.assertAccessible("the tenant switcher");
        browser.screenshot("consultant-tenants");
        browser.driver.findElement(By.cssSelector("a[href='/tenants/nordhei']")).click();
        assertEquals("Nordhei fylkeskommune", browser.find("[data-testid=active-tenant]").getText());
        browser.find("a[href='/tenants']").click();
        browser.driver.findElement(By.cssSelector("a[href='/tenants/fjordvik']")).click();
        assertEquals("Fjordvik kommune", browser.find("[data-testid=active-tenant]").getText());
        browser.logOut();
    }

    private static String title() {
        return given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/survey-rounds/" + round).then().statusCode(200).extract().path("title");
    }

    private static void tabUntil(WebElement target, int atMost) {
        for (int i = 0; i < atMost; i++) {
            if (target.equals(browser.driver.switchTo().activeElement())) {
                return;
            }
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        assertEquals(target, browser.driver.switchTo().activeElement(), "Tab did not reach " + target);
    }

    /** The focused element shows a focus indicator (an outline): keyboard users see where they are. */
    private static void assertFocusVisible() {
        Object outline = browser.driver.executeScript(
                "const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
        assertFalse(String.valueOf(outline).startsWith("none"), "no visible focus: " + outline);
    }

    private static void assertThrowsAssertion(Runnable check) {
        try {
            check.run();
        } catch (AssertionError expected) {
            return;
        }
        throw new AssertionError("the accessibility check passed a page with planted violations");
    }
}
