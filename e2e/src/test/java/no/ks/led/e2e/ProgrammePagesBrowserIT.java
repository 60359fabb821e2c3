package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.restassured.response.Response;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The programme pages in real Chromium, the coordinator's path clicked through: create a Led skole programme,
 * complete the checklist, write the plan through the three questions, download it as Word; veiviser's
 * consultant proposes and the coordinator accepts; nordhei sees none of it. Every page passes axe-core in every
 * language, and the overview holds at 320 px.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammePagesBrowserIT extends WithBrowser {

    private static final List<String> LANGUAGES = List.of("nb", "nn", "en", "da");
    private static final String NAME = "Led skole Fjordvik " + UUID.randomUUID().toString().substring(0, 6);
    private static final String GOAL = "Alle ledergrupper bruker ståstedsanalysen " + UUID.randomUUID().toString().substring(0, 4);
    private static String overview;

    /** The demo school of fjordvik whose principal answers for the leadership team. */
    private static final String SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";

    /**
     * A closed status analysis the plan's focus can come from: the demo school's team answers a round, the principal
     * shares the results with the owner, and the coordinator closes the round (a round cannot be closed the day it
     * opened, so it is moved a day back as only the database can). Programmes learns of it through the broker.
     */
    @BeforeAll
    static void aSchoolSharesTheResultsOfAClosedRoundAndABrowserOpens() {
        String round = TeamRound.answered(SCHOOL);
        String path = TeamRound.path(round);
        api("fjordvik.principal").when().put(path + "/results/schools/" + SCHOOL + "/sharing").then().statusCode(200);
        assertEquals(1, ServiceDatabases.update("surveys", "UPDATE survey_round SET opens_on = opens_on - 1 WHERE id = '"
                + round + "'"));
        api("fjordvik.coordinator").when().post(path + "/closing").then().statusCode(204);
        openBrowser();
    }

    @Test
    @Order(1)
    void theCoordinatorCreatesALedSkoleProgrammeFromTheTemplate() {
        browser.logIn("fjordvik.coordinator");
        browser.find("[data-testid=programmes-link]").click();
        browser.wait.until(ExpectedConditions.urlContains("/tenants/fjordvik/programmes"));
        accessibleInEveryLanguage("the programmes");
        browser.find("#programme-name").sendKeys(NAME);
        browser.find("#template-led-skole").click();
        browser.find("[data-testid=create-programme]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=created"));
        overview = browser.driver.getCurrentUrl().replaceAll("\\?.*$", "").replace(Platform.url("gateway"), "");
        assertEquals(NAME, browser.find("h1").getText());
        assertEquals(5, browser.driver.findElements(By.cssSelector("[data-testid=step]")).size());
        assertEquals(3, browser.driver.findElements(By.cssSelector("[data-testid=phase]")).size());
        accessibleInEveryLanguage("the programme's overview");
        browser.phone(320);
        try {
            browser.open(overview);
            browser.find("[data-testid=step]");
            browser.assertNoSidewaysScroll("the programme's overview");
            browser.screenshot("programme-overview-phone");
        } finally {
            browser.desktop();
        }
    }

    @Test
    @Order(2)
    void theCoordinatorCompletesTheChecklist() {
        browser.open(overview);
        for (int i = 0; i < 5; i++) {
            browser.find("[data-testid=complete-step]").click();
            browser.wait.until(ExpectedConditions.urlContains("notice=step-done"));
        }
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=complete-step]")).isEmpty());
        assertEquals(5, browser.driver.findElements(By.cssSelector("[data-testid=step-done]")).size());
        browser.screenshot("programme-checklist-done");
    }

    @Test
    @Order(3)
    void theCoordinatorWritesThePlanThroughTheThreeQuestions() {
        // "Hvor er vi?" begins with the results: the coordinator picks the demo school's weakest area as a focus area
        browser.open(overview + "/focus");
        By picks = By.cssSelector("[data-testid=focus-school][data-school='" + SCHOOL + "'] [data-testid=pick-focus]");
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> {
            if (d.findElements(picks).isEmpty()) {
                d.navigate().refresh();
                return false;
            }
            return true;
        });
        accessibleInEveryLanguage("the focus from results");
        browser.screenshot("programme-focus");
        // the school by its name and each section by the instrument's title, as the results pages name them
        String schoolHeading = browser.find("[data-testid=focus-school][data-school='" + SCHOOL + "'] h2").getText();
        assertNotEquals("Skole", schoolHeading, "the focused school is named");
        WebElement pick = browser.driver.findElement(picks);
        String code = pick.getAttribute("data-section");
        String section = pick.getAttribute("data-title");
        assertNotEquals(code, section, "the section " + code + " is shown by its title");
        assertTrue(pick.findElement(By.xpath("ancestor::tr/th")).getText().equals(section), "the row is headed " + section);
        pick.click();
        assertEquals("Fokusområdet er lagt til under «Hvor er vi?».", browser.find("[data-testid=notice]").getText());
        browser.open(overview + "/phases/hvor-er-vi");
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=entry]")).stream()
                .anyMatch(e -> e.getText().contains(section)), "the focus area " + section + " in Hvor er vi?");

        addEntry("hvor-er-vi", "note", "Ledergruppene ønsker mer tid til pedagogisk ledelse");
        accessibleInEveryLanguage("the editor of Hvor er vi?");
        browser.find("[data-testid=complete-phase]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=phase-completed"));
        addEntry("hvor-vil-vi", "future-picture", "Om tre år leder alle skolene læringsarbeidet sammen");
        addEntry("hvordan-kommer-vi-dit", "goal", "Felles ledersamlinger hvert halvår");
        browser.find("#measure-title").sendKeys("Ledersamling om rolleklarhet");
        browser.find("#measure-responsible").sendKeys("Led-koordinator");
        LocalDate due = LocalDate.now().plusMonths(2);
        // a date input takes the date as the browser's locale types it; a script sets it unambiguously
        browser.driver.executeScript("document.getElementById('measure-due').value = arguments[0]", due.toString());
        browser.find("[data-testid=add-measure]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=measure-added"));
        WebElement measure = browser.find("[data-testid=measure]");
        assertTrue(measure.getText().contains("Ledersamling om rolleklarhet") && measure.getText().contains("Led-koordinator"),
                measure.getText());
        accessibleInEveryLanguage("the editor of Hvordan kommer vi dit?");
        browser.screenshot("programme-plan-editor");

        browser.open(overview + "/history");
        WebElement cycle = browser.find("[data-testid=cycle]");
        assertTrue(cycle.getText().contains("Felles ledersamlinger hvert halvår"), cycle.getText());
        accessibleInEveryLanguage("the plan's history");
        browser.screenshot("programme-history");
    }

    @Test
    @Order(4)
    void theCoordinatorDownloadsThePlanAsWord() throws Exception {
        browser.open(overview);
        String href = browser.find("[data-testid=docx]").getAttribute("href");
        Map<String, String> cookies = browser.driver.manage().getCookies().stream()
                .collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
        Response docx = given().cookies(cookies).redirects().follow(false).when().get(href);
        assertEquals(200, docx.statusCode(), docx.asString());
        assertTrue(docx.header("Content-Disposition").startsWith("attachment"), docx.header("Content-Disposition"));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.asByteArray()))) {
            List<String> headings = document.getParagraphs().stream()
                    .filter(p -> p.getStyle() != null && p.getStyle().toLowerCase().contains("heading"))
                    .map(XWPFParagraph::getText).toList();
            assertTrue(headings.containsAll(List.of("Hvor er vi?", "Hvor vil vi?", "Hvordan kommer vi dit?")), "headings: " + headings);
            String text = document.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"))
                    + document.getTables().stream().map(t -> t.getText()).collect(Collectors.joining("\n"));
            assertTrue(text.contains("Ledersamling om rolleklarhet"), "the measure is in the document");
            assertTrue(text.contains("Felles ledersamlinger hvert halvår"), "the goal is in the document");
        }
        browser.logOut();
    }

    @Test
    @Order(5)
    void theConsultantProposesAChange() {
        browser.logIn("veiviser.consultant");
        browser.open(overview + "/proposals");
        browser.find("#kind-goal").click();
        browser.find("#proposal-text").sendKeys(GOAL);
        browser.find("#proposal-note").sendKeys("Fra prosessveileder");
        browser.find("[data-testid=propose]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=proposed"));
        assertTrue(browser.find("[data-testid=proposal]").getText().contains(GOAL));
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=accept-proposal]")).isEmpty(),
                "the consultant decides nothing");
        accessibleInEveryLanguage("the consultant's proposals");
        browser.logOut();
    }

    @Test
    @Order(6)
    void theCoordinatorAcceptsTheProposal() {
        browser.logIn("fjordvik.coordinator");
        browser.open(overview + "/proposals");
        browser.find("[data-testid=proposal]");
        accessibleInEveryLanguage("the proposals inbox");
        browser.screenshot("programme-proposals");
        WebElement proposal = browser.driver.findElements(By.cssSelector("[data-testid=proposal]")).stream()
                .filter(p -> p.getText().contains(GOAL)).findFirst().orElseThrow();
        proposal.findElement(By.cssSelector("[data-testid=accept-proposal]")).click();
        browser.wait.until(ExpectedConditions.urlContains("notice=accepted"));
        browser.open(overview + "/phases/hvordan-kommer-vi-dit");
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=entry]")).stream()
                .anyMatch(e -> e.getText().contains(GOAL)), "the accepted goal is in the plan");
        browser.logOut();
    }

    @Test
    @Order(7)
    void nordheiSeesNoneOfIt() {
        browser.logIn("nordhei.coordinator");
        for (String path : List.of(overview, overview + "/phases/hvor-er-vi", overview + "/proposals", overview + "/history",
                overview + "/focus")) {
            browser.open(path);
            assertEquals("Fant ikke siden", browser.find("h1").getText(), path);
        }
        browser.open("/tenants/nordhei/programmes");
        browser.find("h1");
        assertFalse(browser.driver.getPageSource().contains(NAME), "nordhei's list names no programme of fjordvik");
        browser.logOut();
    }

    private static void addEntry(String phase, String kind, String text) {
        browser.open(overview + "/phases/" + phase);
        browser.find("#kind-" + kind).click();
        browser.find("#entry-text").sendKeys(text);
        browser.find("[data-testid=add-entry]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=entry-added"));
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=entry]")).stream()
                .anyMatch(e -> e.getText().contains(text)), text);
    }

    /** Checks the page with axe-core in each language, chosen with the header's switcher; ends in bokmål. */
    private static void accessibleInEveryLanguage(String what) {
        for (String language : LANGUAGES) {
            browser.chooseLanguage(language);
            browser.assertAccessible(what + " (" + language + ")");
        }
        browser.chooseLanguage("nb");
    }
}
