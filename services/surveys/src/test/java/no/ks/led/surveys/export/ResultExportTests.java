package no.ks.led.surveys.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.surveys.AnonymousAnswers;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The exports and charts against the real database, broker and realm with the demo users: they show
 * exactly what the JSON results show the same viewer, suppressed figures as a marker, and they answer
 * another tenant with the same 404 as a missing round and a wrong role with 403.
 */
@QuarkusTest
class ResultExportTests {

    static final String FJORDVIK_SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    static final String PROBLEM = "application/problem+json";
    static final String NOT_FOUND = "urn:no:ks:led:problem:not-found";
    static final String FORBIDDEN = "urn:no:ks:led:problem:forbidden";
    static final String HIDDEN = "skjult (< 3)";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    EntityManager entityManager;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(RealmLogin.accessToken(user));
    }

    static String openRound() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
        String body = "{\"title\":\"Ståstedsanalyse\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today + "\",\"closesOn\":\""
                + today.plusDays(30) + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"],\"minGroupSize\":3}";
        return as("fjordvik.coordinator").contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/fjordvik/survey-rounds")
                .then().statusCode(201).extract().path("id");
    }

    static String path(String round) {
        return "/api/tenants/fjordvik/survey-rounds/" + round;
    }

    static void answer(String user, String round, String body) {
        as(user).contentType(ContentType.JSON).body(body).when().put(path(round) + "/responses/mine").then().statusCode(200);
        as(user).header("Idempotency-Key", UUID.randomUUID().toString()).when()
                .post(path(round) + "/responses/mine/submission").then().statusCode(200);
    }

    /** Two leaders answer: fewer than k = 3, so every figure is suppressed for everyone. */
    static String roundWithTwoAnswers() {
        String round = openRound();
        answer("fjordvik.principal", round, """
                {"answers":[{"item":"learning-1","value":4},{"item":"learning-2","value":2},
                {"item":"comments-1","text":"=HYPERLINK(\\"http://x\\")"}]}""");
        answer("fjordvik.leader", round, """
                {"answers":[{"item":"learning-1","value":5},{"item":"comments-1","text":"Mer tid"}]}""");
        return round;
    }

    static String csv(ExtractableResponse<Response> response) {
        byte[] bytes = response.asByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        return new String(bytes, StandardCharsets.UTF_8).substring(1);
    }

    @Test
    void withFewerThanKRespondentsEveryExportShowsTheMarkerAndNoFreeText() throws Exception {
        String round = roundWithTwoAnswers();

        String owner = csv(as("fjordvik.executive").when().get(path(round) + "/results.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"resultater-" + round + ".csv\"; filename*=UTF-8''resultater-"
                        + round + ".csv"))
                .extract());
        assertTrue(owner.startsWith("Gruppe;Skole-ID;Status;"), owner);
        String total = owner.lines().filter(l -> l.startsWith("Alle skoler;") && l.contains(";learning-1;")).findFirst()
                .orElseThrow();
        assertTrue(total.contains(HIDDEN), total);
        assertTrue(owner.lines().anyMatch(l -> l.contains(FJORDVIK_SCHOOL) && l.contains("ikke delt")), owner);
        assertFalse(owner.contains("HYPERLINK") || owner.contains("Mer tid"), "no free text below k");

        String school = csv(as("fjordvik.principal").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + ".csv")
                .then().statusCode(200)
                .header("Content-Disposition", containsString("resultater-" + round + "-skole-" + FJORDVIK_SCHOOL + ".csv"))
                .extract());
        assertTrue(school.lines().filter(l -> l.contains(";learning-1;")).allMatch(l -> l.contains(HIDDEN)), school);
        assertFalse(school.contains("HYPERLINK") || school.contains("Mer tid"));

        byte[] xlsx = as("fjordvik.leader").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + ".xlsx")
                .then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString(".xlsx\"")).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row learning1 = rowWith(book, "learning-1");
            assertEquals(CellType.STRING, learning1.getCell(10).getCellType());
            assertEquals(HIDDEN, learning1.getCell(10).getStringCellValue());
        }

        Document radar = ResultWritersTest.parse(as("fjordvik.coordinator").when()
                .get(path(round) + "/results/chart/sections.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).extract().asString());
        assertEquals("img", radar.getDocumentElement().getAttribute("role"));
        assertEquals(0, ResultWritersTest.byClass(radar, "circle", "mean"));
        assertTrue(ResultWritersTest.byClass(radar, "text", "hidden") >= 5);
        Document bars = ResultWritersTest.parse(as("fjordvik.principal").when()
                .get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + "/chart/items.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).extract().asString());
        assertEquals(0, ResultWritersTest.byClass(bars, "rect", "bar"));
        assertTrue(ResultWritersTest.byClass(bars, "text", "hidden") >= 20);
    }

    @Test
    void withKRespondentsTheOwnerExportsFiguresAndOnlyTheSchoolsLeadersTheNeutralisedFreeText() throws Exception {
        String round = roundWithTwoAnswers();
        insertAnonymousSet(round, 3, "+47 ønsker mer tid");

        String owner = csv(as("fjordvik.coordinator").when().get(path(round) + "/results.csv").then().statusCode(200).extract());
        String learning1 = owner.lines().filter(l -> l.startsWith("Alle skoler;") && l.contains(";learning-1;")).findFirst()
                .orElseThrow();
        List<String> fields = List.of(learning1.split(";", -1));
        assertEquals("3", fields.get(9), learning1);
        assertEquals("4,00", fields.get(10), learning1);
        // free text is the school's own leadership's: never in the owner's download
        assertEquals(List.of(), owner.lines().filter(l -> l.contains(";Fritekst;")).toList(), owner);
        assertFalse(owner.contains("HYPERLINK") || owner.contains("ønsker"), owner);
        // every item exactly as the JSON results show it to the same viewer: a figure, or the marker
        List<java.util.Map<String, Object>> items = as("fjordvik.coordinator").when().get(path(round) + "/results")
                .then().statusCode(200).extract().jsonPath().getList("total.sections.items.flatten()");
        assertEquals(20, items.size());
        for (java.util.Map<String, Object> item : items) {
            String line = owner.lines().filter(l -> l.startsWith("Alle skoler;") && l.contains(";" + item.get("code") + ";"))
                    .findFirst().orElseThrow();
            List<String> cells = List.of(line.split(";", -1));
            if (Boolean.TRUE.equals(item.get("suppressed"))) {
                assertEquals(List.of(HIDDEN), cells.subList(8, 17).stream().distinct().toList(), line);
            } else {
                assertEquals(String.valueOf(item.get("responseCount")), cells.get(9), line);
            }
        }
        // the school has not shared: its rows carry the marker, never its figures
        assertTrue(owner.lines().filter(l -> l.contains(FJORDVIK_SCHOOL)).allMatch(l -> l.contains("ikke delt")));

        byte[] xlsx = as("fjordvik.executive").when().get(path(round) + "/results.xlsx").then().statusCode(200)
                .contentType(XLSX).header("Content-Disposition", equalTo("attachment; filename=\"resultater-" + round + ".xlsx\"; filename*=UTF-8''resultater-"
                        + round + ".xlsx"))
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row row = rowWith(book, "learning-1");
            assertEquals(4.0, row.getCell(10).getNumericCellValue(), 1e-9);
            boolean formulaText = false;
            for (Row r : book.getSheetAt(0)) {
                for (Cell c : r) {
                    assertFalse(c.getCellType() == CellType.FORMULA);
                    formulaText |= c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("=HYPERLINK");
                }
            }
            assertFalse(formulaText, "no free text in the owner's download");
        }
        // the school's own leaders export it, unattributed and neutralised, once the others alone are k or more
        insertAnonymousSet(round, 4, "Fjerde");
        String school = csv(as("fjordvik.principal").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + ".csv")
                .then().statusCode(200).extract());
        assertEquals(4, school.lines().filter(l -> l.contains(";Fritekst;")).count(), school);
        assertTrue(school.contains(";\"'=HYPERLINK(\"\"http://x\"\")\""), school);
        assertTrue(school.contains(";'+47 ønsker mer tid"), school);
        byte[] schoolXlsx = as("fjordvik.principal").when().get(path(round) + "/results/schools/" + FJORDVIK_SCHOOL + ".xlsx")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(schoolXlsx))) {
            boolean formulaText = false;
            for (Row r : book.getSheetAt(0)) {
                for (Cell c : r) {
                    assertFalse(c.getCellType() == CellType.FORMULA);
                    formulaText |= c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("=HYPERLINK");
                }
            }
            assertTrue(formulaText, "free text is a string cell");
        }

        Document bars = ResultWritersTest.parse(as("fjordvik.executive").when().get(path(round) + "/results/chart/items.svg")
                .then().statusCode(200).extract().asString());
        assertTrue(ResultWritersTest.byClass(bars, "rect", "bar") >= 1, "learning-1 has 3 answers");
        assertTrue(ResultWritersTest.byClass(bars, "text", "hidden") >= 1, "the items fewer answered are gaps");
        String svg = as("fjordvik.executive").when().get(path(round) + "/results/chart/sections.svg").then().statusCode(200)
                .extract().asString();
        assertFalse(svg.contains("HYPERLINK") || svg.contains("ønsker"), "free text is never in a chart");
    }

    @Test
    void anotherTenantGetsTheSame404AsAMissingRoundAndAWrongRole403() {
        String round = openRound();
        String missing = UUID.randomUUID().toString();
        String school = "/results/schools/" + FJORDVIK_SCHOOL;
        List<String> ownerRoutes = List.of("/results.csv", "/results.xlsx", "/results/chart/sections.svg",
                "/results/chart/items.svg");
        List<String> schoolRoutes = List.of(school + ".csv", school + ".xlsx", school + "/chart/sections.svg",
                school + "/chart/items.svg");
        for (String route : ownerRoutes) {
            notFound("nordhei.executive", path(round) + route);
            notFound("fjordvik.executive", path(missing) + route);
            as("fjordvik.leader").when().get(path(round) + route)
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
            given().when().get(path(round) + route).then().statusCode(401);
        }
        for (String route : schoolRoutes) {
            notFound("nordhei.principal", path(round) + route);
            notFound("fjordvik.principal", path(missing) + route);
            as("fjordvik.coordinator").when().get(path(round) + route)
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo(FORBIDDEN));
            given().when().get(path(round) + route).then().statusCode(401);
        }
    }

    private static void notFound(String user, String url) {
        as(user).when().get(url).then().statusCode(404).contentType(PROBLEM).body("type", equalTo(NOT_FOUND));
    }

    private static Row rowWith(XSSFWorkbook book, String itemCode) {
        for (Row row : book.getSheetAt(0)) {
            Cell code = row.getCell(6);
            if (code != null && itemCode.equals(code.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + itemCode);
    }

    private void insertAnonymousSet(String round, int learning1, String comment) {
        AnonymousAnswers.insert(entityManager, round, FJORDVIK_SCHOOL, learning1, comment);
    }
}
