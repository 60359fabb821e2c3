package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.ks.led.foundation.testing.RealmLogin;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16's "done when" in real Chromium, as fjordvik.coordinator: prepares an application from next year's
 * gatherings (the explained lines before anything is submitted), records KS's approval, meets the claim's block
 * before the last gathering; for a gathering already held after an approval, builds the claim, uploads an invoice as
 * PDF, submits it, downloads the bundle (a PDF with the invoice in it) and records the refund. A gathering in three
 * weeks with a paid speaker and no application is warned of in the year planner and on the programme's overview.
 * Every new page passes axe-core in every language; nordhei gets 404 for fjordvik's application and claim.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundingPagesBrowserIT extends WithBrowser {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final LocalDate TODAY = LocalDate.now(OSLO);
    private static final LocalDate NEXT_YEAR = TODAY.plusYears(1).withMonth(9).withDayOfMonth(15);
    private static final LocalDate HELD = TODAY.minusDays(7);
    private static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    private static final String AUTUMN = "Ledersamling høst " + TAG;
    private static final String SPRING = "Ledersamling vår " + TAG;
    private static final String NETWORK = "Nettverkssamling " + TAG;
    private static final String SOON = "Samling snart " + TAG;
    private static final String PROGRAMME_DAY = "Programsamling " + TAG;
    private static String programme;
    private static String application;
    private static String heldApplication;
    private static String claim;
    private static String autumn;

    @BeforeAll
    static void scheduleGatheringsWithPaidSpeakersAndOpenABrowser() {
        String token = RealmLogin.accessToken("fjordvik.coordinator");
        programme = given().baseUri(Platform.url("gateway")).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Led skole " + TAG + "\"}").when().post("/api/tenants/fjordvik/programmes")
                .then().statusCode(201).extract().path("id");
        String speaker = given().baseUri(Platform.url("gateway")).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Kari Foredrag " + TAG + "\",\"organisation\":\"IMTEC\",\"email\":\"kari." + TAG + "@example.org\"}")
                .when().post("/api/tenants/fjordvik/speakers").then().statusCode(201).extract().path("id");
        autumn = gathering(token, AUTUMN, NEXT_YEAR, NEXT_YEAR.plusDays(1), speaker, 2_000_000, 400_000);
        // the programme's own activity: a cost for the programme's year needs one
        gathering(token, PROGRAMME_DAY, NEXT_YEAR.plusMonths(1), NEXT_YEAR.plusMonths(1), speaker, 0, 0, programme);
        gathering(token, SPRING, NEXT_YEAR.plusMonths(6), NEXT_YEAR.plusMonths(6), speaker, 1_500_000, 0);
        gathering(token, NETWORK, HELD, HELD, speaker, 1_000_000, 0);
        String soon = gathering(token, SOON, TODAY.plusDays(21), TODAY.plusDays(21), speaker, 1_000_000, 0);
        // funding learns of them from scheduling's events, in order: the last one's warning means it knows them all
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                .baseUri(Platform.url("gateway")).auth().oauth2(token).when().get("/api/tenants/fjordvik/funding/warnings")
                .then().statusCode(200).extract().jsonPath().getList("activityId").contains(soon));
        openBrowser();
    }

    @Test
    @Order(1)
    void theCoordinatorPreparesAnApplicationFromNextYearsGatheringsAndRecordsTheApproval() throws Exception {
        browser.logIn("fjordvik.coordinator");
        browser.find("[data-testid=applications-link]").click();
        browser.find("[data-testid=funding-warnings]");
        browser.find("[data-testid=new-application]").click();
        browser.find("#title").sendKeys("Led skole " + NEXT_YEAR.getYear() + " " + TAG);
        browser.find("#policy-ou-2024").click();
        choose(AUTUMN);
        choose(SPRING);
        // a study fee of 12,000 kr for one participant: OU 2024 (version 2) counts 10,000 of it for the semester
        browser.find("#study-fee-person-0").sendKeys("Rektor " + TAG);
        date("study-fee-date-0", NEXT_YEAR);
        browser.find("#study-fee-amount-0").sendKeys("12 000");
        browser.screenshot("funding-new-application");
        browser.find("[data-testid=prepare]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=prepared"));
        application = path();
        assertEquals("Utkast", browser.find("[data-testid=status]").getText());
        // 2 days of 10,000 kr fee and 4,000 kr travel, 1 day of 15,000 kr, all under the caps: 70 % of 39,000; and
        // the study fee up to 10,000 kr a semester
        assertEquals("37 300 kr", text("[data-testid=requested]"));
        List<String> rules = browser.driver.findElements(By.cssSelector("[data-testid=rule]")).stream()
                .map(WebElement::getText).toList();
        assertTrue(rules.contains("Fondet dekker en andel av det som teller med"), rules.toString());
        assertTrue(rules.contains("Studieavgiften teller med opp til taket per person per semester (1. jan.–30. juni, 1. juli–31. des.)"),
                rules.toString());
        browser.screenshot("funding-application-draft");
        assertPdf(download(browser.find("[data-testid=summary-pdf]").getAttribute("href")), TAG);

        browser.find("[data-testid=submit-application]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=submitted"));
        assertEquals("Sendt", browser.find("[data-testid=status]").getText());
        browser.find("#case-number").sendKeys("21/12345-1");
        browser.find("[data-testid=record-decision]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=approved"));
        assertEquals("Innvilget", browser.find("[data-testid=status]").getText());
        assertEquals("21/12345", browser.find("[data-testid=case-number]").getText());
        assertEquals("37 300 kr", text("[data-testid=approved]"));
        browser.screenshot("funding-application-approved");

        // the gatherings are next year: the API blocks the claim, and the page says why
        browser.find("[data-testid=build-claim]").click();
        fillOwnersNumbers();
        browser.find("[data-testid=prepare-claim]").click();
        assertEquals("Refusjonskravet kan først sendes når siste aktivitet er holdt.", browser.find("[data-testid=problem]").getText());
        browser.assertAccessible("the claim form with the API's problem");
        browser.screenshot("funding-claim-before-last-activity");
    }

    @Test
    @Order(2)
    void aStudyFeeTheFormCannotReadIsShownNextToItsFieldInEveryLanguage() {
        Map<String, String> expected = Map.of(
                "nb", "Skriv beløpet i kroner, for eksempel 8000 eller 8000,50.",
                "nn", "Skriv beløpet i kroner, til dømes 8000 eller 8000,50.",
                "en", "Enter the amount in kroner, for example 8000 or 8000.50.",
                "da", "Skriv beløbet i kroner, for eksempel 8000 eller 8000,50.");
        for (String language : List.of("nb", "nn", "en", "da")) {
            browser.open("/accessibility");
            browser.chooseLanguage(language);
            browser.open("/tenants/fjordvik/funding/applications/new");
            // the title is required in the browser too: without it the form is never sent
            browser.find("#title").sendKeys("Studieavgift " + TAG);
            browser.find("#study-fee-person-1").sendKeys("Avdelingsleder " + TAG);
            date("study-fee-date-1", NEXT_YEAR);
            browser.find("#study-fee-amount-1").sendKeys("mange");
            browser.find("[data-testid=prepare]").click();
            WebElement amount = browser.wait.until(d -> d.findElements(By.cssSelector("#study-fee-amount-1[aria-invalid=true]"))
                    .stream().findFirst().orElse(null));
            WebElement error = browser.find("#" + amount.getAttribute("aria-describedby"));
            assertEquals(expected.get(language), error.getText(), language);
            // the error stands next to its field, in the same field group, and what was typed stays
            assertEquals(amount.findElement(By.xpath("..")), error.findElement(By.xpath("..")));
            assertEquals("Avdelingsleder " + TAG, browser.find("#study-fee-person-1").getAttribute("value"));
            assertEquals(1, browser.driver.findElements(By.cssSelector("[data-testid=field-error]")).size(), language);
            browser.assertAccessible("the application form with a study fee it cannot read, in " + language);
            browser.screenshot("funding-study-fee-error-" + language);
            browser.phone(320);
            browser.assertNoSidewaysScroll("the application form with a study fee it cannot read, in " + language);
            browser.screenshot("funding-study-fee-error-" + language + "-320");
            browser.desktop();
        }
        browser.open("/accessibility");
        browser.chooseLanguage("nb");
    }

    @Test
    @Order(3)
    void theCoordinatorAddsAndRemovesCostsTheFundNeverRefundsOnTheBudgetPage() {
        browser.open("/tenants/fjordvik/budget?year=" + NEXT_YEAR.getYear());
        addCost("activity:" + autumn, "venue-hire", "Hotell " + TAG, "5 000");
        WebElement venue = otherCost("Hotell " + TAG);
        assertTrue(venue.getText().replace('\u00a0', ' ').contains(AUTUMN + ": 5 000 kr"), venue.getText());

        // a cost for the programme's whole year, which only the API could take before
        addCost("programme:" + programme, "materials", "Bøker " + TAG, "2 500,50");
        WebElement books = otherCost("Bøker " + TAG);
        assertTrue(books.getText().replace('\u00a0', ' ').contains("Led skole " + TAG + ": 2 500,50 kr"), books.getText());
        WebElement line = browser.driver.findElements(By.cssSelector("[data-testid=budget-line]")).stream()
                .filter(l -> l.getText().contains("Bøker " + TAG)).findFirst().orElseThrow();
        assertTrue(line.getText().contains("Led skole " + TAG), line.getText());
        // what the fund covers and what the owner pays add up to the cost
        assertEquals(kroner("[data-testid=cost]"), kroner("[data-testid=fund-covers]") + kroner("[data-testid=owner-pays]"));
        browser.assertAccessible("the budget with costs the fund never refunds");
        browser.screenshot("funding-budget-costs");
        browser.phone(320);
        browser.assertNoSidewaysScroll("the budget at 320 px");
        browser.screenshot("funding-budget-costs-320");
        browser.desktop();

        // an amount the page cannot read: the problem names the field and nothing is added
        addCost("activity:" + autumn, "materials", "", "mye");
        assertTrue(browser.find("[data-testid=problem]").getText().contains("Beløp"), "the problem names the field");
        assertEquals(2, otherCosts(TAG).size());

        otherCost("Hotell " + TAG).findElement(By.cssSelector("[data-testid=remove-cost]")).click();
        browser.wait.until(d -> otherCosts("Hotell " + TAG).isEmpty());
        otherCost("Bøker " + TAG).findElement(By.cssSelector("[data-testid=remove-cost]")).click();
        browser.wait.until(d -> otherCosts(TAG).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=budget-line]")).stream()
                .noneMatch(l -> l.getText().contains("Hotell " + TAG) || l.getText().contains("Bøker " + TAG)),
                "the removed costs are gone from the lines too");
    }

    @Test
    @Order(4)
    void forAGatheringHeldAfterTheApprovalTheCoordinatorBuildsTheClaimWithAnInvoiceAndDownloadsTheBundle() throws Exception {
        browser.open("/tenants/fjordvik/funding/applications/new");
        browser.find("#title").sendKeys(NETWORK);
        choose(NETWORK);
        browser.find("[data-testid=prepare]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=prepared"));
        heldApplication = path();
        // applied for and approved before the gathering, recorded afterwards with the dates KS gave
        date("submitted-on", HELD.minusDays(40));
        browser.find("[data-testid=submit-application]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=submitted"));
        date("decided-on", HELD.minusDays(10));
        browser.find("#case-number").sendKeys("21/22222");
        browser.find("[data-testid=record-decision]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=approved"));

        browser.find("[data-testid=build-claim]").click();
        assertEquals(1, browser.driver.findElements(By.cssSelector("[data-testid=cost-row]")).size());
        fillOwnersNumbers();
        browser.screenshot("funding-claim-form");
        browser.find("[data-testid=prepare-claim]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=prepared"));
        claim = path();
        assertEquals("10 000 kr", text("[data-testid=refund]"));
        browser.find("[data-testid=no-attachments]");

        Path invoice = Files.createTempFile("faktura-" + TAG, ".pdf");
        Files.write(invoice, FundingIT.invoice("Faktura " + TAG));
        browser.find("#file").sendKeys(invoice.toString());
        browser.find("[data-testid=upload]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=attached"));
        assertTrue(browser.find("[data-testid=attachment]").getText().startsWith("Faktura: faktura-" + TAG));
        browser.screenshot("funding-claim-with-invoice");
        browser.find("[data-testid=submit-claim]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=submitted"));
        assertEquals("Sendt", browser.find("[data-testid=status]").getText());
        assertPdf(download(browser.find("[data-testid=bundle-pdf]").getAttribute("href")), "Faktura " + TAG);

        browser.find("[data-testid=record-refund]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=paid"));
        assertEquals("Utbetalt", browser.find("[data-testid=status]").getText());
        assertTrue(browser.find("[data-testid=received]").getText().replace('\u00a0', ' ').startsWith("10 000 kr"));
        browser.screenshot("funding-claim-paid");
        Files.deleteIfExists(invoice);
    }

    @Test
    @Order(5)
    void theBudgetThePlannerAndTheOverviewShowWhatTheFundCoversAndWarn() {
        browser.open("/tenants/fjordvik/budget?year=" + HELD.getYear());
        WebElement held = browser.driver.findElements(By.cssSelector("[data-testid=budget-line]")).stream()
                .filter(line -> line.getText().contains(NETWORK)).findFirst().orElseThrow();
        assertTrue(held.getText().replace('\u00a0', ' ').contains("10 000 kr"), held.getText());
        browser.screenshot("funding-budget");
        browser.open("/tenants/fjordvik/budget?year=tjue");
        assertTrue(browser.find("[data-testid=problem]").getText().contains("År"), "the problem names the field");

        browser.open("/tenants/fjordvik/planner");
        browser.find("[data-testid=activity]");
        String card = browser.driver.findElements(By.cssSelector("[data-testid=activity]")).stream()
                .filter(e -> e.getText().contains(SOON)).findFirst().orElseThrow().getText();
        assertTrue(card.contains("Betalt foredragsholder uten godkjent søknad"), card);

        browser.open("/tenants/fjordvik/programmes/" + programme);
        String warnings = browser.find("[data-testid=funding-warnings]").getText();
        assertTrue(warnings.contains(SOON), warnings);
        browser.screenshot("funding-programme-warnings");
    }

    @Test
    @Order(6)
    void everyFundingPageIsAccessibleInEveryLanguage() {
        browser.assertAccessibleInEveryLanguage(List.of("/tenants/fjordvik/budget?year=" + NEXT_YEAR.getYear(),
                "/tenants/fjordvik/funding/applications", "/tenants/fjordvik/funding/applications/new", application,
                "/tenants/fjordvik/funding/claims", "/tenants/fjordvik/funding/claims/new",
                "/tenants/fjordvik/funding/claims/new?application=" + heldApplication.substring(heldApplication.lastIndexOf('/') + 1),
                claim, "/tenants/fjordvik/programmes/" + programme));
        browser.logOut();
    }

    @Test
    @Order(7)
    void nordheiGetsNotFoundForFjordviksApplicationAndClaim() {
        browser.logIn("nordhei.coordinator");
        String applicationId = application.substring(application.lastIndexOf('/') + 1);
        String claimId = claim.substring(claim.lastIndexOf('/') + 1);
        for (String path : List.of("/tenants/nordhei/funding/applications/" + applicationId,
                "/tenants/nordhei/funding/claims/" + claimId, "/tenants/nordhei/funding/claims/new?application=" + applicationId,
                application, claim, "/tenants/fjordvik/budget")) {
            browser.open(path);
            assertEquals("Fant ikke siden", browser.find("h1").getText(), path);
            assertFalse(browser.driver.getPageSource().contains(TAG), path + " shows nothing of fjordvik's");
        }
        Map<String, String> cookies = cookies();
        assertEquals(404, given().cookies(cookies).redirects().follow(false)
                .when().get(Platform.url("gateway") + "/tenants/nordhei/funding/claims/" + claimId + "/bundle.pdf").statusCode());
        assertEquals(404, given().cookies(cookies).redirects().follow(false)
                .when().get(Platform.url("gateway") + "/tenants/nordhei/funding/applications/" + applicationId + "/summary.pdf")
                .statusCode());
        browser.open("/tenants/nordhei");
        browser.logOut();
    }

    @Test
    @Order(8)
    void anEngagedConsultantPreparesButOnlyTheOwnerSubmitsAndThePageSaysSo() {
        browser.logIn("veiviser.consultant");
        browser.open("/tenants/fjordvik/funding/applications/new");
        browser.find("#title").sendKeys("Forslag fra Veiviser " + TAG);
        choose(SPRING);
        browser.find("[data-testid=prepare]").click();
        browser.wait.until(ExpectedConditions.urlContains("notice=prepared"));
        String prepared = path();
        browser.find("[data-testid=owner-only]");
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=submit-application]")).isEmpty(),
                "the consultant is offered no submission");
        // posted all the same (an old page, a crafted form): the API's 403, on the page in the person's language
        Map<String, String> cookies = cookies();
        Response refused = given().cookies(cookies).redirects().follow(false).header("Origin", Platform.url("gateway"))
                .contentType(ContentType.URLENC).formParam("csrf", cookies.get("led-csrf")).formParam("status", "submitted")
                .when().post(Platform.url("gateway") + prepared + "/decision");
        assertEquals(403, refused.statusCode(), refused.asString());
        assertTrue(refused.asString().contains("Rollen din gir ikke tilgang til dette."), refused.asString());
        browser.logOut();
    }

    private static String gathering(String token, String title, LocalDate first, LocalDate last, String speaker, long feeOre,
            long travelOre) {
        return gathering(token, title, first, last, speaker, feeOre, travelOre, null);
    }

    private static String gathering(String token, String title, LocalDate first, LocalDate last, String speaker, long feeOre,
            long travelOre, String programmeId) {
        String body = "{\"kind\":\"leader-gathering\",\"title\":\"" + title + "\",\"startsAt\":\"" + first + "T09:00\",\"endsAt\":\""
                + last + "T15:00\",\"place\":\"Kulturhuset\"" + (programmeId == null ? "" : ",\"programmeId\":\"" + programmeId + "\"") + "}";
        // scheduling learns of a new programme from its event: until then it refuses the programme's id
        Response created = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                .baseUri(Platform.url("gateway")).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/fjordvik/activities"), r -> r.statusCode() != 400 || programmeId == null);
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("id");
        given().baseUri(Platform.url("gateway")).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"speakerId\":\"" + speaker + "\",\"feeOre\":" + feeOre + ",\"travelOre\":" + travelOre + "}")
                .when().post("/api/tenants/fjordvik/activities/" + id + "/speakers").then().statusCode(201);
        return id;
    }

    /** Ticks the activity whose label names the title. */
    private static void choose(String title) {
        browser.find("[data-testid=activity-choice]");
        WebElement label = browser.driver.findElements(By.cssSelector("label")).stream()
                .filter(l -> l.getText().contains(title)).findFirst().orElseThrow();
        browser.find("#" + label.getAttribute("for")).click();
    }

    private static void fillOwnersNumbers() {
        browser.find("#organisation-number").sendKeys("934567897");
        browser.find("#account-number").sendKeys("1503.12.34562");
    }

    /** A date input takes the date as the browser's locale types it; a script sets it unambiguously. */
    private static void date(String id, LocalDate day) {
        browser.find("#" + id);
        browser.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, day.toString());
    }

    /** Fills the budget's form for a cost the fund never refunds and sends it. */
    private static void addCost(String chosen, String kind, String description, String amount) {
        new Select(browser.find("#cost-for")).selectByValue(chosen);
        new Select(browser.find("#cost-kind")).selectByValue(kind);
        browser.find("#cost-description").clear();
        browser.find("#cost-description").sendKeys(description);
        browser.find("#cost-amount").clear();
        browser.find("#cost-amount").sendKeys(amount);
        browser.find("[data-testid=add-cost]").click();
    }

    /** The budget's costs the fund never refunds whose text names this. */
    private static List<WebElement> otherCosts(String name) {
        return browser.driver.findElements(By.cssSelector("[data-testid=other-cost]")).stream()
                .filter(e -> e.getText().contains(name)).toList();
    }

    private static WebElement otherCost(String name) {
        return browser.wait.until(d -> otherCosts(name).stream().findFirst().orElse(null));
    }

    /** An amount the page shows ("12 345 kr", "2 500,50 kr") in øre. */
    private static long kroner(String css) {
        String amount = text(css).replace(" kr", "").replace(" ", "").replace(',', '.');
        return new java.math.BigDecimal(amount).movePointRight(2).longValueExact();
    }

    private static String text(String css) {
        return browser.find(css).getText().replace('\u00a0', ' ');
    }

    private static String path() {
        return browser.driver.getCurrentUrl().replaceAll("[?#].*$", "").replace(Platform.url("gateway"), "");
    }

    private static Map<String, String> cookies() {
        return browser.driver.manage().getCookies().stream().collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
    }

    private static byte[] download(String href) {
        Response pdf = given().cookies(cookies()).redirects().follow(false).when().get(href);
        assertEquals(200, pdf.statusCode(), pdf.asString());
        assertTrue(pdf.header("Content-Disposition").startsWith("attachment"), pdf.header("Content-Disposition"));
        assertEquals("application/pdf", pdf.contentType());
        return pdf.asByteArray();
    }

    private static void assertPdf(byte[] content, String expected) throws Exception {
        try (PDDocument document = Loader.loadPDF(content)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(expected), text);
        }
    }
}
