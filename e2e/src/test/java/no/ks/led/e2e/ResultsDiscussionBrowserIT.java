package no.ks.led.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The leadership team's discussion pages in real Chromium with the demo users: a team round the principal answered
 * for the school, shown in team-meeting mode (the spread per statement, no names) and in the dialogue-conference
 * view (one section at a time, stepped through by its links); every page axe-clean in every language and at 320 px,
 * another tenant's the 404 page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultsDiscussionBrowserIT extends WithBrowser {

    private static final String SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    /** The demo school's other leader (fjordvik.leader). */
    private static final String LEADER = "Finn Berg";
    private static String round;
    private static String results;

    @BeforeAll
    static void theTeamAnswersARound() {
        round = TeamRound.answered(SCHOOL);
        results = "/tenants/fjordvik/survey-rounds/" + round + "/results/schools/" + SCHOOL;
        openBrowser();
    }

    @Test
    @Order(1)
    void theTeamSeesTheSpreadOfItsAnswersPerStatement() {
        browser.logIn("fjordvik.principal");
        browser.open(results);
        browser.find("[data-testid=team-meeting]").click();
        List<WebElement> spreads = browser.driver.findElements(By.cssSelector("[data-testid=spread]"));
        assertTrue(spreads.size() >= 20, "statements: " + spreads.size());
        // the team's one agreed answer: one count at one point of the scale, no name anywhere
        String first = spreads.get(0).getText();
        assertTrue(first.contains(": 1") && first.contains(": 0"), first);
        String main = browser.find("#main").getText();
        assertTrue(!main.contains("Fatima Strand") && !main.contains(LEADER), "a leader's name on the team-meeting page");
        browser.screenshot("team-meeting");
        browser.phone(320);
        browser.screenshot("team-meeting-phone");
        browser.desktop();
    }

    @Test
    @Order(2)
    void theConferenceViewStepsThroughTheSectionsOneAtATime() {
        browser.open(results);
        browser.find("[data-testid=conference]").click();
        String position = browser.find("[data-testid=position]").getText();
        assertTrue(position.startsWith("Område 1 av "), position);
        int count = Integer.parseInt(position.replaceAll("^Område 1 av (\\d+).*$", "$1"));
        browser.screenshot("conference-first-section");
        for (int number = 2; number <= count; number++) {
            String before = browser.find("[data-testid=section]").getText();
            browser.find("[data-testid=next]").click();
            browser.wait.until(d -> !before.equals(browser.find("[data-testid=section]").getText()));
            assertTrue(browser.find("[data-testid=position]").getText().startsWith("Område " + number + " av "));
        }
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=next]")).isEmpty(), "a next after the last");
        browser.open(results + "/discussion/conference/" + (count + 1));
        assertEquals("Fant ikke siden", browser.find("h1").getText());
    }

    @Test
    @Order(3)
    void theDiscussionPagesAreAccessibleInEveryLanguageAndAnotherTenantsAre404() {
        browser.assertAccessibleInEveryLanguage(List.of(results + "/discussion/team-meeting",
                results + "/discussion/conference/1", results + "/discussion/conference/2"));
        for (String path : List.of(results.replace("/fjordvik/", "/nordhei/") + "/discussion/team-meeting",
                results.replace("/fjordvik/", "/nordhei/") + "/discussion/conference/1")) {
            browser.open(path);
            assertEquals("Fant ikke siden", browser.find("h1").getText(), path);
        }
        browser.open("/tenants/fjordvik");
        browser.logOut();
    }

    @Test
    @Order(4)
    void theCoordinatorShowsTheOwnersResultsOnAProjector() {
        browser.logIn("fjordvik.coordinator");
        browser.open("/tenants/fjordvik/rounds/" + round + "/results");
        browser.find("[data-testid=conference]").click();
        browser.find(".led-conference h1");
        browser.assertAccessible("the owner's conference view");
        browser.screenshot("conference-owner");
        browser.open("/tenants/fjordvik");
        browser.logOut();
    }
}
