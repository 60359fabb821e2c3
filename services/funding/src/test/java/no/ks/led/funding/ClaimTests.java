package no.ks.led.funding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.organisations.SchoolAdded;
import no.ks.led.foundation.testing.DemoAccess;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.funding.service.Applications;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claims after the event (checks 6 and 7): the approval guard, the numbers, the uploads and the bundle. */
@QuarkusTest
class ClaimTests {

    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate TODAY = LocalDate.now(SchedulingFeed.OSLO);
    private static final String FJORDVIK_SCHOOL_NUMBER = "974123452";

    @Inject
    Applications applications;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void access() {
        DemoAccess.awaitReplica();
    }

    @Test
    void aClaimRefundsNothingForADayHeldBeforeTheApprovalAndBundlesTheInvoices() throws Exception {
        UUID school = UUID.fromString("b43f2ebc-4eda-5fc0-b239-45e535bbbcb1");
        DemoAccess.publish("fjordvik", new SchoolAdded(school, "fjordvik", "Fjordvik skole", FJORDVIK_SCHOOL_NUMBER, "grunnskole", true));
        Awaitility.await().until(() -> QuarkusTransaction.requiringNew().call(() -> FundingSchool.findById(school) != null));
        LocalDate early = TODAY.minusDays(10);
        LocalDate late = TODAY.minusDays(5);
        UUID held = SchedulingFeed.activity("fjordvik", "Holdt før", early, early, 2_000_000, 0);
        UUID after = SchedulingFeed.activity("fjordvik", "Holdt etter", late, late, 1_000_000, 200_000);
        FundingApplication application = approved("fjordvik", List.of(held, after), TODAY.minusDays(8));

        claim(application.id, FJORDVIK_SCHOOL_NUMBER, "1503.12.34562", early).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("organisationNumber"));
        claim(application.id, "934567898", "1503.12.34562", early).then().statusCode(400)
                .body("violations.field", hasItem("organisationNumber"));
        claim(application.id, "934567897", "1503.12.34563", early).then().statusCode(400)
                .body("violations.field", hasItem("accountNumber"));
        claim(application.id, "934567897", "1503.12.34562", TODAY.minusDays(1)).then().statusCode(400)
                .body("violations.field", hasItem("days.date"));

        Response created = given().auth().oauth2(RealmLogin.accessToken("veiviser.consultant")).contentType("application/json").body("""
                {"applicationId": "%s", "organisationNumber": "934567897", "accountNumber": "1503.12.34562", "days": [
                  {"date": "%s", "speakers": [{"name": "A", "feeOre": 2000000, "travelOre": 0}]},
                  {"date": "%s", "speakers": [{"name": "B", "feeOre": 1000000, "travelOre": 200000, "vatOre": 250000}]}]}"""
                .formatted(application.id, early, late))
                .when().post("/api/tenants/fjordvik/funding/claims");
        // 70 % of (18,000 + 10,000 + 2,000) over two days, but the first day was held before the approval
        created.then().statusCode(201).body("status", equalTo("draft")).body("caseNumber", equalTo("21/54321"))
                .body("refundOre", equalTo(700_000 + 140_000)).body("policyVersion", equalTo(2))
                .body("warnings[0]", startsWith("held-before-approval"))
                .body("lines.find { it.date == '%s' && it.kind == 'speaker' }.refundOre".formatted(early), equalTo(0));
        String claim = created.path("id");

        attach(claim, "invoice", "faktura.pdf", "text/plain", "not a pdf".getBytes()).then().statusCode(415).contentType(PROBLEM);
        attach(claim, "invoice", "faktura.pdf", "application/pdf", "%PDF-1.7 but broken".getBytes()).then().statusCode(400)
                .body("violations.field", hasItem("file"));
        attach(claim, "receipt", "faktura.pdf", "application/pdf", pdf("Faktura 1001")).then().statusCode(400)
                .body("violations.field", hasItem("kind"));
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().post("/api/tenants/fjordvik/funding/claims/" + claim + "/submission")
                .then().statusCode(400).body("violations.field", hasItem("attachments"));
        attach(claim, "invoice", "faktura-1001.pdf", "application/pdf", pdf("Faktura 1001")).then().statusCode(201);
        attach(claim, "approval-letter", "vedtak.pdf", "application/pdf", pdf("Vedtak fra OU-fondet")).then().statusCode(201);

        given().auth().oauth2(RealmLogin.accessToken("veiviser.consultant"))
                .when().post("/api/tenants/fjordvik/funding/claims/" + claim + "/submission").then().statusCode(403);
        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().post("/api/tenants/fjordvik/funding/claims/" + claim + "/submission")
                .then().statusCode(200).body("status", equalTo("submitted"));

        byte[] bundle = given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator"))
                .when().get("/api/tenants/fjordvik/funding/claims/" + claim + "/bundle.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(bundle)) {
            String text = new PDFTextStripper().getText(document);
            assertEquals(3, document.getNumberOfPages());
            assertTrue(text.contains("21/54321") && text.contains("934567897") && text.contains("15031234562"), text);
            assertTrue(text.indexOf("Vedtak fra OU-fondet") < text.indexOf("Faktura 1001"), "the approval letter comes first");
        }

        given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json")
                .body("{\"receivedOre\": 840000, \"receivedOn\": \"" + TODAY + "\"}")
                .when().post("/api/tenants/fjordvik/funding/claims/" + claim + "/refund")
                .then().statusCode(200).body("status", equalTo("paid"));
        assertEquals(List.of("no.ks.led.funding.ClaimSubmitted.v1", "no.ks.led.funding.RefundReceived.v1"), outboxTypes(claim));

        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/funding/claims/" + claim + "/bundle.pdf").then().statusCode(404);
        given().auth().oauth2(RealmLogin.accessToken("nordhei.coordinator"))
                .when().get("/api/tenants/nordhei/funding/claims/" + claim).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aClaimIsBlockedBeforeTheLastActivityAndNeedsAnApproval() {
        LocalDate soon = TODAY.plusDays(30);
        UUID activity = SchedulingFeed.activity("fjordvik", "Kommer", soon, soon, 1_000_000, 0);
        FundingApplication application = approved("fjordvik", List.of(activity), TODAY);

        claim(application.id, "934567897", "1503.12.34562", soon).then().statusCode(409)
                .body("type", equalTo("urn:no:ks:led:problem:claim-before-last-activity"));

        FundingApplication draft = QuarkusTransaction.requiringNew().call(() -> applications.prepare("fjordvik",
                new Applications.Preparation("Utkast", "ou-2024", List.of(activity)), "test", null).application());
        claim(draft.id, "934567897", "1503.12.34562", soon).then().statusCode(409)
                .body("type", equalTo("urn:no:ks:led:problem:funding-status-conflict"));
        claim(UUID.randomUUID(), "934567897", "1503.12.34562", soon).then().statusCode(400)
                .body("violations.field", hasItem("applicationId"));
    }

    private FundingApplication approved(String tenant, List<UUID> activities, LocalDate approvedOn) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FundingApplication application = applications.prepare(tenant, new Applications.Preparation("Søknad", "ou-2024", activities),
                    "test", null).application();
            applications.decide(tenant, application.id, new Applications.Decision("submitted", approvedOn.minusDays(30), null, null, null, null));
            return applications.decide(tenant, application.id, new Applications.Decision("approved", approvedOn, "21/54321-2",
                    application.requestedOre, TODAY.plusYears(1), null));
        });
    }

    private static Response claim(UUID application, String organisationNumber, String accountNumber, LocalDate day) {
        return given().auth().oauth2(RealmLogin.accessToken("fjordvik.coordinator")).contentType("application/json").body("""
                {"applicationId": "%s", "organisationNumber": "%s", "accountNumber": "%s", "days": [
                  {"date": "%s", "speakers": [{"name": "A", "feeOre": 100000, "travelOre": 0}]}]}"""
                .formatted(application, organisationNumber, accountNumber, day))
                .when().post("/api/tenants/fjordvik/funding/claims");
    }

    private static Response attach(String claim, String kind, String name, String contentType, byte[] content) {
        return given().auth().oauth2(RealmLogin.accessToken("veiviser.consultant")).contentType(contentType).body(content)
                .queryParam("kind", kind).queryParam("name", name)
                .when().post("/api/tenants/fjordvik/funding/claims/" + claim + "/attachments");
    }

    private static byte[] pdf(String text) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                stream.newLineAtOffset(72, 700);
                stream.showText(text);
                stream.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> outboxTypes(String claimId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT type FROM outbox_event WHERE payload::jsonb ->> 'claimId' = ?1 ORDER BY sequence")
                .setParameter(1, claimId).getResultList());
    }
}
