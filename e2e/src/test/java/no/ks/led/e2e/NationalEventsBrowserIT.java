package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * National events in the browser (issue 15): KS publishes the introductory course with one place; a leader of
 * fjordvik signs up on the page, the coordinator sees one of fjordvik's people signed up, and a leader of nordhei
 * is offered the waiting list. Every language axe-clean, 320 px without sideways scroll.
 */
@ExtendWith(Platform.class)
class NationalEventsBrowserIT {

    private static Browser browser;
    private static String title;
    private static String eventId;

    @BeforeAll
    static void ksPublishesACourseWithOnePlace() {
        int year = ThreadLocalRandom.current().nextInt(2060, 2090);
        title = "Innføringskurs " + year;
        eventId = given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken("ks.admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "introductory-course", "title", title, "startsAt", year + "-01-02T09:00",
                        "endsAt", year + "-01-03T15:00", "place", "KS-huset, Oslo", "capacity", 1))
                .when().post("/api/national/events").then().statusCode(201).extract().path("id");
        browser = new Browser();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLeaderSignsUpTheCoordinatorSeesItAndAnotherTenantsLeaderIsOfferedTheWaitingList() {
        browser.logIn("fjordvik.leader");
        browser.open("/tenants/fjordvik");
        browser.find("[data-testid=national-events-link]").click();
        browser.wait.until(ExpectedConditions.urlContains("/national-events"));
        WebElement card = course();
        assertTrue(card.getText().contains("Ledige plasser: 1") && card.getText().contains("KS-huset"), card.getText());
        card.findElement(By.name("dietaryNeeds")).sendKeys("Vegetar");
        card.findElement(By.cssSelector("[data-testid=sign-up]")).click();
        browser.wait.until(ExpectedConditions.urlContains("done=signed-up"));
        assertEquals("Du er meldt på.", browser.find("[data-testid=notice]").getText());
        assertEquals("Du er påmeldt.", course().findElement(By.cssSelector("[data-testid=mine]")).getText());
        browser.screenshot("national-events");
        browser.assertAccessibleInEveryLanguage(List.of("/tenants/fjordvik/national-events"));
        browser.phone(320);
        try {
            browser.open("/tenants/fjordvik/national-events");
            course();
            browser.screenshot("national-events-phone");
        } finally {
            browser.desktop();
        }
        browser.logOut();

        browser.logIn("fjordvik.coordinator");
        browser.open("/tenants/fjordvik/national-events");
        assertTrue(course().findElement(By.cssSelector("[data-testid=from-tenant]")).getText().endsWith(": 1"));
        browser.logOut();

        // nordhei sees the course full and none of fjordvik's people
        browser.logIn("nordhei.leader");
        browser.open("/tenants/nordhei/national-events");
        WebElement full = course();
        assertTrue(full.getText().contains("Ledige plasser: 0"), full.getText());
        assertEquals("Sett meg på venteliste", full.findElement(By.cssSelector("[data-testid=sign-up]")).getText());
        browser.logOut();
    }

    /** The card of this test's course. */
    private static WebElement course() {
        browser.find("[data-testid=national-event]");
        return browser.driver.findElements(By.cssSelector("[data-testid=national-event]")).stream()
                .filter(e -> e.getText().contains(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + title + " (" + eventId + ")"));
    }
}
