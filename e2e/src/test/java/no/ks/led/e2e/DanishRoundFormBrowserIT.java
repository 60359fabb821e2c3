package no.ks.led.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Danish tenant's form to open a round asks for the local items in Danish (issue 17): the skolechef of norddal
 * writes one, and the round stores and shows it in Danish, with no bokmål text at all.
 */
class DanishRoundFormBrowserIT extends WithBrowser {

    /** Norddal Skole in the demo directory. */
    private static final String NORDDAL_SKOLE = "b582b8bc-249a-5c6c-a369-c9b7c4a42fb3";

    @BeforeAll
    static void openABrowser() {
        openBrowser();
    }

    @Test
    void theSkolechefWritesALocalItemInDanishAndTheRoundShowsIt() {
        String title = "Statusanalyse med egne spørgsmål (" + UUID.randomUUID().toString().substring(0, 4) + ")";
        String item = "Vi deler viden på tværs af skolerne";
        browser.logIn("norddal.skolechef");
        browser.open("/tenants/norddal/rounds/new");
        assertTrue(browser.find("[data-testid=local-items-language]").getText().contains("Skriv spørgsmålene på dansk."),
                browser.find("[data-testid=local-items-language]").getText());
        assertEquals("da", browser.find("#item-text-1").getAttribute("lang"));
        browser.find("#title").sendKeys(title);
        browser.driver.findElement(By.id("school-" + NORDDAL_SKOLE)).click();
        browser.find("#item-text-1").sendKeys(item);
        browser.assertAccessible("the Danish tenant's form to open a round");
        browser.screenshot("skolechef-open-round");
        browser.find("[data-testid=open-round]").click();
        browser.wait.until(ExpectedConditions.urlContains("opened=true"));
        String url = browser.driver.getCurrentUrl();
        String round = url.substring(url.indexOf("/rounds/") + "/rounds/".length(), url.indexOf('?'));

        JsonPath stored = api("norddal.skolechef").get("/api/tenants/norddal/survey-rounds/" + round)
                .then().statusCode(200).extract().jsonPath();
        String local = "questions.sections.find { it.code == 'local' }.items[0].text";
        assertEquals(item, stored.getString(local + ".da"));
        assertEquals(item, stored.getString(local + ".nb"), "no bokmål given: the Danish text in its place, never null");
    }
}
