package no.ks.led.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The coordinator's and the executive's pages in real Chromium through the gateway, with the demo users: open a
 * survey round with a local item, close it, see its results with the charts, the downloads and the trend; add and
 * change a school, add a person by e-mail, grant and end roles, start and end a consultancy's engagement; import a
 * roster file after its dry run and follow the import to its end. Every
 * page passes axe-core in every language and has no sideways scroll at 320 px; another tenant's page is a 404.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorPagesBrowserIT extends WithBrowser {

    private static final String SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    private static String round;
    private static String school;
    private static String schoolName = "Testvik skole " + UUID.randomUUID().toString().substring(0, 4);

    @BeforeAll
    static void openABrowser() {
        openBrowser();
    }

    @Test
    @Order(1)
    void theCoordinatorOpensARoundWithALocalItemAndClosesItEarly() {
        String title = "Ståstedsanalyse med egne spørsmål (" + UUID.randomUUID().toString().substring(0, 4) + ")";
        browser.logIn("fjordvik.coordinator");
        browser.open("/tenants/fjordvik/rounds");
        browser.find("[data-testid=new-round]").click();
        browser.find("#title").sendKeys(title);
        browser.driver.findElement(By.id("school-" + SCHOOL)).click();
        assertEquals("nb", browser.driver.findElement(By.id("item-text-1")).getAttribute("lang"), "a Norwegian tenant's items in bokmål");
        browser.driver.findElement(By.id("item-text-1")).sendKeys("Vi deler erfaringer på tvers av skolene");
        // the answers are kept five years unless the owner chooses otherwise: this owner keeps them three
        WebElement retention = browser.driver.findElement(By.id("retentionYears"));
        assertEquals("5", retention.getAttribute("value"));
        // (set as the browser's number field holds it: typed keys there left Chromium's driver unable to submit)
        browser.driver.executeScript("arguments[0].value = '3'", retention);
        assertEquals("3", retention.getAttribute("value"));
        browser.assertAccessible("the form to open a round");
        browser.screenshot("coordinator-open-round");
        // the button is below the fold now: brought to the middle of the window first, as a person scrolls to it
        WebElement open = browser.find("[data-testid=open-round]");
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", open);
        open.click();
        browser.wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("opened=true"),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=problem]"))));
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=problem]")).isEmpty(),
                () -> "the round was not opened: " + browser.find("[data-testid=problem]").getText());
        String url = browser.driver.getCurrentUrl();
        round = url.substring(url.indexOf("/rounds/") + "/rounds/".length(), url.indexOf('?'));
        assertTrue(browser.find("[role=status]").getText().contains("Runden er opprettet"));
        assertEquals(title, browser.find("h1").getText());

        // what the API stored: the school, the days and the local item, in bokmål
        JsonPath stored = api("fjordvik.coordinator").get("/api/tenants/fjordvik/survey-rounds/" + round)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(SCHOOL), stored.getList("schoolIds"));
        assertEquals(3, stored.getInt("retentionYears"));
        assertTrue(stored.getString("questions").contains("Vi deler erfaringer på tvers av skolene"), stored.prettify());

        // opened today: the API refuses to close it early, and the page says why in the person's language
        browser.find("[data-testid=close-round]").click();
        assertEquals("Runden åpnet i dag. Den kan avsluttes tidlig fra i morgen.", browser.find("[role=alert]").getText());
        // three days later (moved in the database, as the API never opens a round in the past) it closes
        ServiceDatabases.update("surveys", "UPDATE survey_round SET opens_on = opens_on - 3 WHERE id = '" + round + "'");
        browser.open("/tenants/fjordvik/rounds/" + round);
        browser.find("[data-testid=close-round]").click();
        browser.wait.until(ExpectedConditions.urlContains("closed=true"));
        assertTrue(browser.find("[role=status]").getText().contains("Runden er avsluttet"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        assertEquals(today.minusDays(1).toString(), api("fjordvik.coordinator")
                .get("/api/tenants/fjordvik/survey-rounds/" + round).then().statusCode(200).extract().path("closesOn"));
        browser.screenshot("coordinator-round-closed");
    }

    @Test
    @Order(2)
    void theCoordinatorSeesTheResultsWithChartsDownloadsAndTheTrend() {
        browser.open("/tenants/fjordvik/rounds/" + round);
        browser.find("[data-testid=results-link]").click();
        browser.find("[data-testid=school-result]");
        WebElement chart = browser.find("[data-testid=chart]");
        browser.wait.until(d -> ((Number) browser.driver.executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", chart)).intValue() > 0);
        browser.screenshot("coordinator-results");
        // the split by level is offered; with no answers both levels are suppressed
        browser.find("[data-testid=levels]");
        assertEquals(2, browser.driver.findElements(By.cssSelector("[data-testid=level-suppressed]")).size());
        // the downloads come with the person's own token, as the API makes them
        assertEquals("200 text/csv", fetch("[data-testid=csv]"));
        assertEquals("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                fetch("a[href$='/export/xlsx']"));
        browser.open("/tenants/fjordvik/trend");
        assertTrue(browser.find("[data-testid=trend]").getText().contains(
                api("fjordvik.coordinator").get("/api/tenants/fjordvik/survey-rounds/" + round).then().extract().path("title")
                        .toString()));
        browser.screenshot("coordinator-trend");
    }

    @Test
    @Order(3)
    void theRoundPagesAreAccessibleInEveryLanguage() {
        List<String> pages = List.of("/tenants/fjordvik/rounds", "/tenants/fjordvik/rounds/new",
                "/tenants/fjordvik/rounds/" + round, "/tenants/fjordvik/rounds/" + round + "/results",
                "/tenants/fjordvik/trend");
        browser.assertAccessibleInEveryLanguage(pages);
    }

    @Test
    @Order(4)
    void anotherTenantsRoundPagesAnswer404() {
        for (String path : List.of("/tenants/nordhei/rounds/" + round, "/tenants/nordhei/rounds/" + round + "/results",
                "/tenants/nordhei/rounds/" + round + "/results/export/csv", "/tenants/nordhei/trend",
                "/tenants/nordhei/rounds/new")) {
            browser.open(path);
            assertEquals("Fant ikke siden", browser.find("h1").getText(), path);
        }
        browser.open("/tenants/fjordvik");
        browser.logOut();
    }

    @Test
    @Order(5)
    void theExecutiveSeesTheSameResults() {
        browser.logIn("fjordvik.executive");
        browser.open("/tenants/fjordvik/rounds/" + round + "/results");
        browser.find("[data-testid=school-result]");
        browser.assertAccessible("the results for the executive");
        browser.logOut();
    }

    @Test
    @Order(6)
    void theCoordinatorAddsASchoolAndChangesIt() {
        browser.logIn("fjordvik.coordinator");
        browser.find("a[href='/tenants/fjordvik/schools']").click();
        browser.find("#name").sendKeys(schoolName);
        browser.driver.findElement(By.id("organisationNumber")).sendKeys(CrossTenantMatrixIT.organisationNumber());
        browser.driver.findElement(By.id("team-no")).click();
        browser.assertAccessible("the schools");
        browser.find("[data-testid=add-school]").click();
        browser.wait.until(ExpectedConditions.urlContains("added=true"));
        browser.driver.findElement(By.linkText(schoolName)).click();
        school = browser.driver.getCurrentUrl().substring(browser.driver.getCurrentUrl().lastIndexOf('/') + 1);
        WebElement name = browser.find("#name");
        name.clear();
        schoolName = schoolName + " oppvekstsenter";
        name.sendKeys(schoolName);
        new Select(browser.driver.findElement(By.id("kind"))).selectByValue("videregaende");
        browser.find("[data-testid=save-school]").click();
        browser.wait.until(ExpectedConditions.urlContains("changed=true"));
        browser.screenshot("coordinator-school");
        JsonPath stored = api("fjordvik.coordinator").get("/api/tenants/fjordvik/schools/" + school).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(schoolName, stored.getString("name"));
        assertEquals("videregaende", stored.getString("kind"));
        assertEquals(false, stored.getBoolean("hasLeadershipTeam"));
    }

    @Test
    @Order(7)
    void theCoordinatorAddsAPersonByEmailGrantsARoleAndEndsOne() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "Testa Leder " + suffix;
        browser.open("/tenants/fjordvik/people");
        browser.find("#name").sendKeys(name);
        browser.driver.findElement(By.id("email")).sendKeys("testa." + suffix + "@fjordvik.kommune.no");
        new Select(browser.driver.findElement(By.id("role-new"))).selectByValue("school-leader");
        new Select(browser.driver.findElement(By.id("school-new"))).selectByValue(school);
        browser.find("[data-testid=add-person]").click();
        browser.wait.until(ExpectedConditions.urlContains("done=added"));
        WebElement card = person(name);
        assertTrue(card.getText().contains(schoolName), card.getText());
        // a second role: principal at the same school
        card.findElement(By.tagName("summary")).click();
        new Select(card.findElement(By.cssSelector("select[name=role]"))).selectByValue("principal");
        new Select(card.findElement(By.cssSelector("select[name=schoolId]"))).selectByValue(school);
        card.findElement(By.cssSelector("[data-testid=grant]")).click();
        browser.wait.until(ExpectedConditions.urlContains("done=granted"));
        assertEquals(2, person(name).findElements(By.cssSelector("[data-testid=role]")).size());
        browser.assertAccessible("people and roles");
        browser.screenshot("coordinator-people");
        // the school-leader role ends
        person(name).findElement(By.xpath(".//li[@data-testid='role'][contains(., 'Skoleleder')]//button")).click();
        browser.wait.until(ExpectedConditions.urlContains("done=ended"));
        List<String> roles = api("fjordvik.coordinator").get("/api/tenants/fjordvik/people?limit=500").then().statusCode(200)
                .extract().jsonPath().getList("find { it.name == '" + name + "' }.roles.role");
        assertEquals(List.of("principal"), roles);
    }

    @Test
    @Order(8)
    void theCoordinatorStartsAnEngagementForOneSchoolAndEndsIt() {
        browser.open("/tenants/fjordvik/engagements");
        browser.find("#consultancyId").sendKeys("veiviser");
        browser.driver.findElement(By.id("scope-" + school)).click();
        browser.find("[data-testid=start-engagement]").click();
        browser.wait.until(ExpectedConditions.urlContains("done=started"));
        By row = By.xpath("//tr[@data-testid='engagement'][contains(., '" + schoolName + "')]");
        assertTrue(browser.driver.findElement(row).getText().contains("veiviser"));
        browser.assertAccessible("the engagements");
        browser.screenshot("coordinator-engagements");
        browser.driver.findElement(row).findElement(By.cssSelector("[data-testid=end-engagement]")).click();
        browser.wait.until(ExpectedConditions.urlContains("done=ended"));
        assertTrue(browser.driver.findElement(row).getText().contains("Avsluttet"));
        List<Boolean> active = api("fjordvik.coordinator").get("/api/tenants/fjordvik/engagements").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.schoolIds == ['" + school + "'] }.active");
        assertEquals(List.of(false), active);
    }

    @Test
    @Order(9)
    void theOwnersPagesAreAccessibleInEveryLanguageAndAnotherTenantsAre404() {
        browser.assertAccessibleInEveryLanguage(List.of("/tenants/fjordvik/schools", "/tenants/fjordvik/schools/" + school,
                "/tenants/fjordvik/people", "/tenants/fjordvik/engagements", "/tenants/fjordvik/roster-import"));
        for (String path : List.of("/tenants/nordhei/schools", "/tenants/nordhei/schools/" + school,
                "/tenants/nordhei/people", "/tenants/nordhei/engagements", "/tenants/nordhei/roster-import")) {
            browser.open(path);
            assertEquals("Fant ikke siden", browser.find("h1").getText(), path);
        }
        browser.open("/tenants/fjordvik");
        browser.logOut();
    }

    @Test
    @Order(10)
    void theCoordinatorImportsARosterAfterItsDryRun() throws Exception {
        browser.logIn("fjordvik.coordinator");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String number = CrossTenantMatrixIT.organisationNumber();
        String header = "Skole;Skolens organisasjonsnummer;Skoleslag;Ledergruppe;Navn;E-post;Rolle\n";
        String rows = "Importvik skole " + suffix + ";" + number + ";grunnskole;ja;Ida Import;ida." + suffix
                + "@fjordvik.kommune.no;rektor\n" + "Importvik skole " + suffix + ";" + number + ";grunnskole;ja;\"Berg, Finn\";finn."
                + suffix + "@fjordvik.kommune.no;inspektør\n";
        Path dir = Files.createTempDirectory("roster");
        Path wrong = Files.writeString(dir.resolve("feil.csv"), header + rows.replace("inspektør", "kokk"));
        Path right = Files.writeString(dir.resolve("skoler.csv"), header + rows);

        // a file with an error: the report names the row and column, and offers no import
        browser.find("a[href='/tenants/fjordvik/roster-import']").click();
        browser.find("#file").sendKeys(wrong.toString());
        browser.find("[data-testid=check]").click();
        WebElement errors = browser.find("[data-testid=errors]");
        assertTrue(errors.getText().contains("3") && errors.getText().contains("Rolle"), errors.getText());
        assertTrue(browser.driver.findElements(By.cssSelector("[data-testid=run]")).isEmpty());
        browser.assertAccessible("a roster report with errors");
        browser.screenshot("coordinator-roster-errors");

        // the right file: what would happen, nothing changed yet; then the import, its progress and its result
        browser.open("/tenants/fjordvik/roster-import");
        browser.find("#file").sendKeys(right.toString());
        browser.find("[data-testid=check]").click();
        String counts = browser.find("[data-testid=counts]").getText();
        assertTrue(counts.contains("Nye skoler: 1") && counts.contains("Nye personer: 2") && counts.contains("Nye roller: 2"), counts);
        assertTrue(schoolNamed("Importvik skole " + suffix).isEmpty(), "a dry run changed something");
        browser.assertAccessible("a roster report");
        browser.screenshot("coordinator-roster-report");
        browser.find("[data-testid=run]").click();
        browser.wait.until(ExpectedConditions.urlContains("/roster-import/jobs/"));
        // htmx polls the progress until the import is done (the page itself shows it on a reload without JavaScript)
        String imported = browser.find("[data-testid=imported]").getText();
        assertTrue(imported.contains("Skoler lagt til: 1") && imported.contains("Personer lagt til: 2"), imported);
        browser.assertAccessible("the finished import");
        browser.screenshot("coordinator-roster-imported");
        assertEquals(1, schoolNamed("Importvik skole " + suffix).size());
        browser.driver.navigate().refresh();
        assertTrue(browser.find("[data-testid=imported]").getText().contains("Skoler lagt til: 1"));
        // the job is the person's own: another tenant's address for it is a 404
        String job = browser.driver.getCurrentUrl().substring(browser.driver.getCurrentUrl().lastIndexOf('/') + 1);
        browser.open("/tenants/nordhei/roster-import/jobs/" + job);
        assertEquals("Fant ikke siden", browser.find("h1").getText());
        browser.open("/tenants/fjordvik");
        browser.logOut();
    }

    private static List<Object> schoolNamed(String name) {
        return api("fjordvik.coordinator").get("/api/tenants/fjordvik/schools?limit=500").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.name == '" + name + "' }.id");
    }

    private static WebElement person(String name) {
        return browser.find("li[data-testid=person]").findElement(By.xpath(
                "//li[@data-testid='person'][h2[normalize-space()='" + name + "']]"));
    }

    /** Fetches a link's target in the page (the person's session) and answers "status content-type". */
    @SuppressWarnings("unchecked")
    private static String fetch(String css) {
        String href = browser.find(css).getAttribute("href");
        Map<String, Object> answer = (Map<String, Object>) browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status,"
                        + " type: (r.headers.get('content-type') || '').split(';')[0], size: b.byteLength})));", href);
        assertTrue(((Number) answer.get("size")).longValue() > 0, "empty download " + href);
        return answer.get("status") + " " + answer.get("type");
    }
}
