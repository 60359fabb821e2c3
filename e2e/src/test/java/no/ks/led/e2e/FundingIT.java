package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import no.ks.led.foundation.testing.RealmLogin;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16's "done when" through the gateway: Fjordvik's coordinator prepares an application from next year's
 * gatherings and records KS's approval; for gatherings held after an approval, uploads the invoice and downloads the
 * claim bundle; a gathering booked with a paid speaker and no application is warned of. Scheduling's events are
 * published to its topic by the test, as the scheduling service would.
 */
@ExtendWith(Platform.class)
class FundingIT {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static String gateway;

    @BeforeAll
    static void gatewayUrl() {
        gateway = Platform.url("gateway");
    }

    @Test
    void fjordviksCoordinatorAppliesRecordsTheApprovalClaimsAndIsWarned() throws Exception {
        String coordinator = RealmLogin.accessToken("fjordvik.coordinator");
        LocalDate today = LocalDate.now(OSLO);
        LocalDate nextYear = today.plusYears(1).withMonth(9).withDayOfMonth(15);
        UUID first = SchedulingTopic.gathering("fjordvik", "Ledersamling høst", nextYear, nextYear.plusDays(1), 4_000_000, 400_000);
        UUID second = SchedulingTopic.gathering("fjordvik", "Ledersamling vår", nextYear.plusMonths(6), nextYear.plusMonths(6), 1_500_000, 0);

        Response created = prepare(coordinator, "Led skole " + nextYear.getYear(), List.of(first, second));
        created.then().statusCode(201).body("status", equalTo("draft")).body("policyVersion", equalTo(2))
                .body("requestedOre", equalTo((1_800_000 + 400_000 + 1_800_000 + 1_500_000) * 70 / 100))
                .body("lines.rule", hasItem("fee-cap"));
        String application = created.path("id");
        given().baseUri(gateway).auth().oauth2(coordinator)
                .when().get("/api/tenants/fjordvik/funding/applications/" + application + "/summary.pdf")
                .then().statusCode(200).contentType("application/pdf");
        decide(coordinator, application, "{\"status\": \"submitted\"}").then().statusCode(200).body("status", equalTo("submitted"));
        decide(coordinator, application, "{\"status\": \"approved\", \"caseNumber\": \"21/12345-1\", \"approvedOre\": 3000000, "
                + "\"expiresOn\": \"" + nextYear.plusYears(1) + "\"}")
                .then().statusCode(200).body("status", equalTo("approved")).body("caseNumber", equalTo("21/12345"));

        // gatherings already held after an approval: the claim with the invoice, as one PDF
        LocalDate held = today.minusDays(7);
        UUID past = SchedulingTopic.gathering("fjordvik", "Nettverkssamling", held, held, 1_000_000, 0);
        String pastApplication = prepare(coordinator, "Nettverkssamling", List.of(past)).then().statusCode(201).extract().path("id");
        decide(coordinator, pastApplication, "{\"status\": \"submitted\", \"on\": \"" + held.minusDays(40) + "\"}").then().statusCode(200);
        decide(coordinator, pastApplication, "{\"status\": \"approved\", \"on\": \"" + held.minusDays(10) + "\", \"caseNumber\": "
                + "\"21/22222\", \"approvedOre\": 1000000, \"expiresOn\": \"" + today.plusYears(1) + "\"}").then().statusCode(200);
        String claim = given().baseUri(gateway).auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                {"applicationId": "%s", "organisationNumber": "934567897", "accountNumber": "1503.12.34562",
                 "days": [{"date": "%s", "speakers": [{"name": "Foredragsholder", "feeOre": 1000000, "travelOre": 0}]}]}"""
                .formatted(pastApplication, held))
                .when().post("/api/tenants/fjordvik/funding/claims")
                .then().statusCode(201).body("refundOre", equalTo(1_000_000)).extract().path("id");
        given().baseUri(gateway).auth().oauth2(coordinator).contentType("application/pdf").body(invoice("Faktura 2001"))
                .queryParam("kind", "invoice").queryParam("name", "faktura-2001.pdf")
                .when().post("/api/tenants/fjordvik/funding/claims/" + claim + "/attachments").then().statusCode(201);
        given().baseUri(gateway).auth().oauth2(coordinator)
                .when().post("/api/tenants/fjordvik/funding/claims/" + claim + "/submission").then().statusCode(200)
                .body("status", equalTo("submitted"));
        byte[] bundle = given().baseUri(gateway).auth().oauth2(coordinator)
                .when().get("/api/tenants/fjordvik/funding/claims/" + claim + "/bundle.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(bundle)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("21/22222") && text.contains("Faktura 2001"), text);
        }

        // a gathering in three weeks with a paid speaker and no application
        UUID soon = SchedulingTopic.gathering("fjordvik", "Samling snart", today.plusDays(21), today.plusDays(21), 1_000_000, 0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> given().baseUri(gateway)
                .auth().oauth2(coordinator).when().get("/api/tenants/fjordvik/funding/warnings")
                .then().statusCode(200).extract().jsonPath().getList("activityId").contains(soon.toString()));

        // Nordhei reaches none of it
        String nordhei = RealmLogin.accessToken("nordhei.coordinator");
        given().baseUri(gateway).auth().oauth2(nordhei).when().get("/api/tenants/nordhei/funding/claims/" + claim + "/bundle.pdf")
                .then().statusCode(404);
        given().baseUri(gateway).auth().oauth2(nordhei).when().get("/api/tenants/fjordvik/funding/applications/" + application)
                .then().statusCode(404);
    }

    private static Response prepare(String token, String title, List<UUID> activities) {
        String body = "{\"title\": \"" + title + "\", \"policy\": \"ou-2024\", \"activityIds\": "
                + activities.stream().map(id -> "\"" + id + "\"").toList() + "}";
        // funding applies scheduling's events within moments; until then the activities are unknown (400)
        AtomicReference<Response> reply = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            reply.set(given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post("/api/tenants/fjordvik/funding/applications"));
            return reply.get().statusCode() != 400;
        });
        return reply.get();
    }

    private static Response decide(String token, String application, String body) {
        return given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/fjordvik/funding/applications/" + application + "/decision");
    }

    /** A one-page PDF with the line on it, as an invoice. */
    static byte[] invoice(String line) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                stream.newLineAtOffset(72, 700);
                stream.showText(line);
                stream.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
