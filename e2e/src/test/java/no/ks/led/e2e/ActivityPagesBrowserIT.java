package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The activity page, the speaker directory and the evaluation in Chromium: the coordinator opens a gathering from the
 * year planner, signs up with dietary needs, tries a speaker nordhei has booked at the same time and sees only
 * "busy", adds a speaker to the directory and books them, records attendance and sees the waiting list; a leader who
 * attended answers the evaluation once; the results say "too few answers" below k. Every page passes axe-core in all
 * four languages, and another tenant's activity is a 404.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivityPagesBrowserIT extends WithBrowser {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static String title;
    private static String activity;
    private static String heldActivity;
    private static String nordheiActivity;
    private static String nordheiTitle;
    private static String busySpeaker;

    @BeforeAll
    static void planActivitiesAndOpenABrowser() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(ThreadLocalRandom.current().nextInt(40, 300));
        String speakerEmail = "opptatt." + RUN + "@example.org";
        busySpeaker = "Opptatt Foredragsholder " + RUN;
        String speakerId = api("nordhei.coordinator").contentType(ContentType.JSON)
                .body("{\"name\":\"" + busySpeaker + "\",\"organisation\":\"Nordhei-konsult\",\"email\":\"" + speakerEmail + "\"}")
                .post("/api/tenants/nordhei/speakers").then().statusCode(201).extract().path("id");
        nordheiTitle = "Nordheis hemmelige samling " + RUN;
        nordheiActivity = schedule("nordhei", nordheiTitle, day + "T09:00", day + "T15:00", "");
        api("nordhei.coordinator").contentType(ContentType.JSON).body("{\"speakerId\":\"" + speakerId + "\"}")
                .post("/api/tenants/nordhei/activities/" + nordheiActivity + "/speakers").then().statusCode(201);

        title = "Ledersamling " + RUN;
        activity = schedule("fjordvik", title, day + "T09:00", day + "T15:00", ",\"capacity\":1,\"place\":\"Rådhuset\"");

        // a gathering the leader attended, moved into the past as only the database can
        heldActivity = schedule("fjordvik", "Holdt samling " + RUN, day.plusDays(1) + "T09:00", day.plusDays(1) + "T15:00", "");
        String signUp = api("fjordvik.leader").contentType(ContentType.JSON).body("{}")
                .post("/api/tenants/fjordvik/activities/" + heldActivity + "/sign-ups").then().statusCode(201).extract().path("id");
        api("fjordvik.coordinator").contentType(ContentType.JSON).body("{\"attended\":true}")
                .put("/api/tenants/fjordvik/activities/" + heldActivity + "/sign-ups/" + signUp + "/attendance")
                .then().statusCode(200);
        assertEquals(1, ServiceDatabases.update("scheduling", "UPDATE activity SET starts_at = now() - interval '30 hours', "
                + "ends_at = now() - interval '24 hours' WHERE id = '" + heldActivity + "'"));
        openBrowser();
    }

    @Test
    @Order(1)
    void theCoordinatorSignsUpTriesABusySpeakerBooksAnotherAndRecordsAttendance() {
        browser.logIn("fjordvik.coordinator");
        browser.open("/tenants/fjordvik/planner");
        browser.find("[data-testid=activity-link]");
        browser.driver.findElements(By.cssSelector("[data-testid=activity-link]")).stream()
                .filter(e -> e.getText().equals(title)).findFirst().orElseThrow().click();
        assertEquals(title, browser.find("h1").getText());
        String details = browser.find("[data-testid=details]").getText();
        assertTrue(details.contains("Rådhuset") && details.contains("09:00") && details.contains("15:00")
                && details.contains("Europe/Oslo") && details.contains("Ledersamling") && details.contains("Ikke søkt"), details);

        browser.find("#dietaryNeeds").sendKeys("Glutenfri");
        browser.find("[data-testid=sign-up]").click();
        assertEquals("Du er påmeldt.", browser.find("[data-testid=notice]").getText());
        assertTrue(browser.find("[data-testid=my-sign-up]").getText().contains("Glutenfri"));
        assertEquals(1, browser.driver.findElements(By.cssSelector("[data-testid=participant]")).size());

        // nordhei has booked this speaker at the same time: "busy", and not a word of nordhei's
        new Select(browser.find("#speakerId")).selectByVisibleText(busySpeaker + " (Nordhei-konsult)");
        browser.find("[data-testid=book-speaker]").click();
        assertEquals("Foredragsholderen er opptatt på det tidspunktet.", browser.find("[data-testid=problem]").getText());
        String page = browser.driver.getPageSource();
        assertFalse(page.contains(nordheiTitle) || page.contains(nordheiActivity), "the page shows nordhei's booking");
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=speaker]")).isEmpty());
        browser.screenshot("activity-speaker-busy");

        // the directory: add a speaker, then book them
        String free = "Ledig Foredragsholder " + RUN;
        browser.open("/tenants/fjordvik/speakers");
        browser.find("#name").sendKeys(free);
        browser.find("#organisation").sendKeys("KS");
        browser.find("#email").sendKeys("ledig." + RUN + "@example.org");
        browser.find("[data-testid=add-speaker]").click();
        assertEquals("Foredragsholderen er i registeret.", browser.find("[data-testid=notice]").getText());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=speaker]")).stream()
                .anyMatch(e -> e.getText().contains(free)));
        browser.screenshot("speaker-directory");
        browser.open("/tenants/fjordvik/activities/" + activity);
        new Select(browser.find("#speakerId")).selectByVisibleText(free + " (KS)");
        browser.find("[data-testid=book-speaker]").click();
        assertEquals("Foredragsholderen er booket.", browser.find("[data-testid=notice]").getText());
        assertTrue(browser.find("[data-testid=speaker]").getText().contains(free));

        // the agenda: a file that is not one of the types is refused with the reason, a PDF is attached and downloads
        browser.find("#attachment-file").sendKeys(file("notater.txt", "bare tekst".getBytes(StandardCharsets.UTF_8)));
        browser.find("[data-testid=attach]").click();
        assertEquals("Filen må være PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), PNG eller JPEG.",
                browser.find("[data-testid=problem]").getText());
        browser.find("#attachment-agenda").click();
        browser.find("#attachment-file").sendKeys(file("Program for samlingen.pdf", AGENDA));
        browser.find("[data-testid=attach]").click();
        assertEquals("Filen er lagt ved.", browser.find("[data-testid=notice]").getText());
        WebElement agenda = browser.find("[data-testid=attachment]");
        assertTrue(agenda.getText().startsWith("Program for samlingen.pdf (Program, 1 kB)"), agenda.getText());
        Map<String, String> cookies = browser.driver.manage().getCookies().stream()
                .collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
        Response download = given().cookies(cookies).redirects().follow(false).when()
                .get(agenda.findElement(By.tagName("a")).getAttribute("href"));
        assertEquals(200, download.statusCode(), download.asString());
        assertEquals("application/pdf", download.contentType());
        assertTrue(download.header("Content-Disposition").contains("filename=\"Program for samlingen.pdf\""),
                download.header("Content-Disposition"));
        assertArrayEquals(AGENDA, download.asByteArray());

        browser.find("[data-testid=mark-attended]").click();
        assertEquals("Oppmøtet er registrert.", browser.find("[data-testid=notice]").getText());
        assertEquals("Møtte", browser.find("[data-testid=attended]").getText());
        assertEquals("Påmeldt: 1. Møtte: 1, møtte ikke: 0, ikke registrert: 0.",
                browser.find("[data-testid=participants-summary]").getText());
        browser.open("/tenants/fjordvik/activities/" + heldActivity);
        // the leader's sign-up, attended: the organiser sees who and whether they came
        WebElement leader = browser.find("[data-testid=participant]");
        assertEquals("Møtte", leader.findElement(By.cssSelector("[data-testid=attended]")).getText());
        assertEquals("Registrer møtt", leader.findElement(By.cssSelector("[data-testid=mark-attended]")).getText());
        // a gathering held takes no more sign-ups: the page says so instead of offering a form the service refuses
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=sign-up]")).isEmpty());
        assertEquals("Aktiviteten tar ikke imot påmeldinger.", browser.find("[data-testid=sign-up-closed]").getText());
        browser.assertAccessible("the held activity's participants");
        browser.screenshot("activity-participants");
        browser.phone(320);
        browser.assertNoSidewaysScroll("the held activity's participants at 320 px");
        browser.screenshot("activity-participants-320");
        browser.desktop();
        browser.logOut();
    }

    @Test
    @Order(2)
    void theLeaderWaitsForAPlaceAndAnswersTheEvaluationOfAGatheringTheyAttendedOnce() {
        browser.logIn("fjordvik.leader");
        browser.open("/tenants/fjordvik/activities/" + activity);
        browser.find("[data-testid=sign-up]").click();
        assertEquals("Du står på venteliste.", browser.find("[data-testid=my-sign-up]").getText());
        // the agenda is theirs to read, not to remove
        assertTrue(browser.find("[data-testid=attachment]").getText().startsWith("Program for samlingen.pdf"));
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=remove-attachment]")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=attach]")).isEmpty());
        // a participant sees neither the list nor the attendance: nothing of the coordinator's sign-up ahead of them
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=participant]")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=participants-summary]")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=waiting]")).isEmpty());
        assertFalse(browser.driver.getPageSource().contains("Glutenfri"), "another person's dietary needs");
        // their own sign-up of the gathering held, with the attendance recorded for them, and no one else's
        browser.open("/tenants/fjordvik/activities/" + heldActivity);
        assertEquals("Du er registrert som møtt.", browser.find("[data-testid=my-attendance]").getText());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=cancel-sign-up]")).isEmpty(),
                "a sign-up for a gathering held can no longer be cancelled");
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=participant]")).isEmpty());
        browser.screenshot("activity-my-attendance");

        browser.open("/tenants/fjordvik/activities/" + heldActivity);
        browser.find("[data-testid=evaluation-link]").click();
        browser.assertAccessibleInEveryLanguage(List.of("/tenants/fjordvik/activities/" + heldActivity + "/evaluation"));
        browser.open("/tenants/fjordvik/activities/" + heldActivity + "/evaluation");
        browser.find("label[for='usefulness-4']").click();
        browser.find("label[for='relevance-5']").click();
        browser.find("#comment").sendKeys("Mer tid til samtale");
        browser.screenshot("evaluation-form");
        browser.find("[data-testid=submit-evaluation]").click();
        assertEquals("Takk for svaret!", browser.find("[data-testid=notice]").getText());
        assertEquals("Takk, du har svart på evalueringen.", browser.find("[data-testid=evaluation-state]").getText());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=submit-evaluation]")).isEmpty());
        browser.logOut();
    }

    @Test
    @Order(3)
    void theCoordinatorSeesTheWaitingListTooFewAnswersAndEveryPageIsAccessibleButNordheis() {
        browser.logIn("fjordvik.coordinator");
        browser.open("/tenants/fjordvik/activities/" + activity);
        List<WebElement> waiting = browser.driver.findElements(By.cssSelector("[data-testid=waiting]"));
        assertEquals(1, waiting.size());
        assertFalse(waiting.get(0).getText().isBlank() || waiting.get(0).getText().equals("(ukjent person)"));
        browser.screenshot("activity-page");

        browser.open("/tenants/fjordvik/activities/" + heldActivity + "/evaluation/results");
        assertEquals("For få svar. Resultatene vises når minst 5 har svart.", browser.find("[data-testid=too-few]").getText());
        assertFalse(browser.driver.getPageSource().contains("Mer tid til samtale"));

        browser.assertAccessibleInEveryLanguage(List.of("/tenants/fjordvik/activities/" + activity,
                "/tenants/fjordvik/speakers", "/tenants/fjordvik/activities/" + heldActivity + "/evaluation",
                "/tenants/fjordvik/activities/" + heldActivity + "/evaluation/results", "/tenants/fjordvik/planner"));

        // another tenant's activity, under this tenant or under its own, is a 404
        for (String path : List.of("/tenants/fjordvik/activities/" + nordheiActivity,
                "/tenants/fjordvik/activities/" + nordheiActivity + "/evaluation",
                "/tenants/fjordvik/activities/" + nordheiActivity + "/evaluation/results",
                "/tenants/nordhei/activities/" + nordheiActivity)) {
            browser.open(path);
            assertEquals("Fant ikke siden", browser.find("h1").getText(), path);
            assertFalse(browser.driver.getPageSource().contains(nordheiTitle), path);
        }
        browser.open("/tenants/fjordvik");
        browser.logOut();
    }

    /** A PDF of one page's worth of bytes: enough for the service to recognise it. */
    private static final byte[] AGENDA = ("%PDF-1.7\n% Program for samlingen\n" + "x".repeat(900) + "\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** A file on disk for the browser's file input, named as the person's file would be. */
    private static String file(String name, byte[] content) {
        try {
            Path dir = Files.createTempDirectory("led-upload");
            return Files.write(dir.resolve(name), content).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String schedule(String tenant, String title, String startsAt, String endsAt, String extra) {
        return api(tenant + ".coordinator").contentType(ContentType.JSON)
                .body("{\"kind\":\"leader-gathering\",\"title\":\"" + title + "\",\"startsAt\":\"" + startsAt
                        + "\",\"endsAt\":\"" + endsAt + "\"" + extra + "}")
                .post("/api/tenants/" + tenant + "/activities").then().statusCode(201).extract().path("id");
    }
}
