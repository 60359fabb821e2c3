package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Scheduling's pages in Chromium: the year planner with a holiday warning inline, and my calendar, whose feed
 * link works until the revoke button is pressed; axe-core finds nothing on either page in any language.
 */
class SchedulingBrowserIT extends WithBrowser {

    private static final List<String> LANGUAGES = List.of("nb", "nn", "en", "da");
    private static String title;

    @BeforeAll
    static void planAGatheringOnAHolidayAndOpenABrowser() {
        int year = LocalDate.now(ZoneId.of("Europe/Oslo")).getYear() + 1;
        title = "Ledersamling " + UUID.randomUUID().toString().substring(0, 6);
        // 1 May is a public holiday in Norway every year; within twelve months from today or not, the planner lists
        // what the API answers for the next twelve months, so take the nearest 1 May ahead
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        LocalDate mayDay = LocalDate.of(today.getYear(), 5, 1);
        if (!mayDay.isAfter(today)) {
            mayDay = mayDay.withYear(year);
        }
        given().baseUri(Platform.url("gateway")).auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"leader-gathering\",\"title\":\"" + title + "\",\"startsAt\":\"" + mayDay
                        + "T09:00\",\"endsAt\":\"" + mayDay + "T15:00\",\"place\":\"Rådhuset\"}")
                .when().post("/api/tenants/fjordvik/activities").then().statusCode(201);
        openBrowser();
    }

    @Test
    void theCoordinatorPlansSubscribesAndRevokesAndEveryPageIsAccessible() {
        browser.logIn("fjordvik.coordinator");
        browser.find("[data-testid=planner-link]").click();
        browser.find("[data-testid=activity]");
        String card = browser.driver.findElements(By.cssSelector("[data-testid=activity]")).stream()
                .filter(e -> e.getText().contains(title)).findFirst().orElseThrow().getText();
        assertTrue(card.contains("Helligdag"), card);
        browser.screenshot("scheduling-year-planner");
        for (String language : LANGUAGES) {
            for (String page : List.of("/tenants/fjordvik/planner", "/tenants/fjordvik/calendar")) {
                browser.open("/accessibility");
                browser.chooseLanguage(language);
                browser.open(page);
                browser.find("#main");
                assertEquals(language, browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
                browser.assertAccessible(page + " in " + language);
                browser.phone(320);
                browser.assertNoSidewaysScroll(page + " in " + language);
                browser.desktop();
            }
        }
        browser.open("/accessibility");
        browser.chooseLanguage("nb");

        browser.open("/tenants/fjordvik/calendar");
        browser.find("[data-testid=subscribe]").click();
        String url = browser.find("[data-testid=feed-url]").getAttribute("value");
        browser.assertAccessible("my calendar with its link");
        browser.screenshot("scheduling-my-calendar");
        String path = URI.create(url).getRawPath();
        String feed = given().baseUri(Platform.url("gateway")).when().get(path).then().statusCode(200).extract().asString();
        assertTrue(feed.contains("SUMMARY:" + title), feed);
        browser.find("[data-testid=revoke]").click();
        browser.find("[data-testid=revoked]");
        given().baseUri(Platform.url("gateway")).when().get(path).then().statusCode(404);
        browser.logOut();
    }
}
