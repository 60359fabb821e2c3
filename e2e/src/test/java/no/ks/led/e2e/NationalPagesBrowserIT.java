package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * KS's pages in real Chromium with the demo users: KS's admin onboards a school owner and deactivates it, sees the
 * national results, their CSV and the trend; every page axe-clean in every language and at 320 px; a tenant's
 * coordinator is refused them, as the API refuses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NationalPagesBrowserIT extends WithBrowser {


    @BeforeAll
    static void openABrowser() {
        openBrowser();
    }

    @Test
    @Order(1)
    void ksAdminOnboardsASchoolOwnerAndDeactivatesIt() {
        String slug = "testby-" + UUID.randomUUID().toString().substring(0, 6);
        String name = "Testby kommune " + slug.substring(7);
        browser.logIn("ks.admin");
        browser.find("a[href='/national/tenants']").click();
        browser.find("#name").sendKeys(name);
        browser.driver.findElement(By.id("slug")).sendKeys(slug);
        new Select(browser.driver.findElement(By.id("kind"))).selectByValue("kommune");
        browser.driver.findElement(By.id("organisationNumber")).sendKeys(CrossTenantMatrixIT.organisationNumber());
        browser.find("[data-testid=onboard]").click();
        browser.wait.until(ExpectedConditions.urlContains("done=onboarded"));
        By row = By.xpath("//tr[@data-testid='tenant'][contains(., '" + slug + "')]");
        assertTrue(browser.driver.findElement(row).getText().contains("Aktiv"));
        browser.assertAccessible("KS's tenants");
        browser.screenshot("ks-tenants");
        browser.driver.findElement(row).findElement(By.cssSelector("[data-testid=deactivate]")).click();
        browser.wait.until(ExpectedConditions.urlContains("done=deactivated"));
        assertTrue(browser.driver.findElement(row).getText().contains("Deaktivert"));
        List<Boolean> active = given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .when().get("/api/national/tenants?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.slug == '" + slug + "' }.active");
        assertEquals(List.of(false), active);
    }

    @Test
    @Order(2)
    void ksAdminSeesTheNationalResultsTheirCsvAndTheTrend() {
        browser.open("/national/tenants");
        browser.find("a[href='/national/results']").click();
        browser.find("#year");
        browser.find("[data-testid=csv]");
        browser.screenshot("ks-national-results");
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('[data-testid=csv]').href).then(r => r.text().then(t => done({status: r.status,"
                        + " type: (r.headers.get('content-type') || '').split(';')[0], text: t})));");
        assertEquals(200L, ((Number) answer.get("status")).longValue());
        assertEquals("text/csv", answer.get("type"));
        assertTrue(answer.get("text").toString().contains("Hele landet"), answer.get("text").toString());
        // another year through the form (a GET: works without JavaScript)
        int year = java.time.LocalDate.now().getYear() - 1;
        new Select(browser.driver.findElement(By.id("year"))).selectByValue(String.valueOf(year));
        browser.driver.findElement(By.cssSelector("form[action='/national/results'] button")).click();
        browser.wait.until(ExpectedConditions.urlContains("year=" + year));
        browser.assertAccessibleInEveryLanguage(List.of("/national/tenants", "/national/results", "/"));
        browser.open("/national/tenants");
        browser.logOut();
    }

    @Test
    @Order(3)
    void aTenantsCoordinatorIsRefusedKsPages() {
        browser.logIn("fjordvik.coordinator");
        for (String path : List.of("/national/tenants", "/national/results")) {
            browser.open(path);
            assertEquals("Ingen tilgang", browser.find("h1").getText(), path);
        }
        browser.open("/tenants/fjordvik");
        browser.logOut();
    }

    @Test
    @Order(4)
    void denmarksNationalOperatorSeesDanishTenantsOnlyInDanishAndKsNeverSeesThem() {
        browser.logIn("kl.analyst");
        // the language other tests chose is forgotten, on the app's own origin
        browser.driver.manage().deleteCookieNamed("led-lang");
        browser.open("/");
        assertEquals("da", browser.find("html").getAttribute("lang"), "Danish until the person chooses");
        assertEquals("Danmark: hele landet", browser.find("#national-title").getText());

        browser.find("a[href='/national/tenants']").click();
        browser.find("[data-testid=national-country]");
        assertEquals("Tallene gælder kommuner i Danmark.", browser.find("[data-testid=national-country]").getText());
        List<String> rows = browser.driver.findElements(By.cssSelector("[data-testid=tenant]")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
        assertTrue(rows.stream().anyMatch(r -> r.contains("norddal")), rows.toString());
        assertTrue(rows.stream().noneMatch(r -> r.contains("fjordvik") || r.contains("nordhei")), rows.toString());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=onboard], [data-testid=deactivate]")).isEmpty(),
                "onboarding and deactivating stay KS's");
        browser.assertAccessible("Denmark's tenants");
        browser.screenshot("dk-national-tenants");

        browser.find("a[href='/national/results']").click();
        assertEquals("Tallene gælder kommuner i Danmark.", browser.find("[data-testid=national-country]").getText());
        browser.find("[data-testid=csv]");
        browser.assertAccessible("Denmark's national results");
        browser.screenshot("dk-national-results");
        browser.logOut();

        browser.logIn("ks.analyst");
        browser.open("/national/tenants");
        assertEquals("Tallene gjelder skoleeiere i Norge.", browser.find("[data-testid=national-country]").getText());
        List<String> ksRows = browser.driver.findElements(By.cssSelector("[data-testid=tenant]")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
        assertTrue(ksRows.stream().anyMatch(r -> r.contains("fjordvik")), ksRows.toString());
        assertTrue(ksRows.stream().noneMatch(r -> r.contains("norddal")), "KS never sees a Danish tenant: " + ksRows);
        browser.logOut();
    }
}
