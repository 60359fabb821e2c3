package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static no.ks.led.scheduling.ActivityResourceTests.activity;
import static no.ks.led.scheduling.ActivityResourceTests.schedule;
import static no.ks.led.scheduling.ActivityResourceTests.token;
import static no.ks.led.scheduling.ActivityResourceTests.year;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * An activity's agenda and materials (issue 15): the planners attach files checked for size, name and type by their
 * content; the tenant's members list and download them; another tenant's activity and files are a 404.
 */
@QuarkusTest
class ActivityAttachmentTests {

    private static final String PROBLEM = "application/problem+json";
    private static final String WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String POWERPOINT = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** Uploads the file; {@code query} is {@code kind=...&name=...} as a person would type it (encoded here). */
    private static Response attach(String user, String tenant, String activityId, String query, String type, byte[] file) {
        var request = given().auth().oauth2(token(user)).contentType(type).body(file);
        for (String pair : query.substring(1).split("&")) {
            String[] parts = pair.split("=", 2);
            request = request.queryParam(parts[0], parts[1]);
        }
        return request.when().post("/api/tenants/" + tenant + "/activities/" + activityId + "/attachments");
    }

    private static Response get(String user, String path) {
        return given().auth().oauth2(token(user)).when().get(path);
    }

    /** The smallest Word file: the content-types part and the document part, zipped. */
    private static byte[] wordFile() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void thePlannersAttachTheAgendaAndMaterialsAndTheMembersDownloadThem() throws IOException {
        int y = year();
        String id = schedule("fjordvik.coordinator", "fjordvik", activity("Samling med program", y + "-03-10T09:00",
                y + "-03-10T15:00", "")).then().statusCode(201).extract().path("id");
        String files = "/api/tenants/fjordvik/activities/" + id + "/attachments";

        String agenda = attach("fjordvik.coordinator", "fjordvik", id, "?kind=agenda&name=Program for samlingen på Røros.pdf",
                "application/pdf", PDF).then().statusCode(201).body("kind", equalTo("agenda"))
                .body("fileName", equalTo("Program for samlingen på Røros.pdf")).body("sizeBytes", equalTo(PDF.length))
                .body("content", nullValue()).extract().path("id");
        String material = attach("fjordvik.coordinator", "fjordvik", id, "?name=Oppgaver.docx", WORD, wordFile()).then()
                .statusCode(201).body("kind", equalTo("material")).body("mediaType", equalTo(WORD)).extract().path("id");

        // a member lists them, the agenda first, and downloads the file as it was, to be saved under its name
        get("fjordvik.leader", files).then().statusCode(200).body("id", contains(agenda, material));
        Response download = get("fjordvik.principal", files + "/" + agenda);
        download.then().statusCode(200).contentType("application/pdf").header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Disposition", equalTo("attachment; filename=\"Program for samlingen pa Roros.pdf\"; "
                        + "filename*=UTF-8''Program%20for%20samlingen%20p%C3%A5%20R%C3%B8ros.pdf"));
        assertArrayEquals(PDF, download.asByteArray());

        // wrong type, a name that does not match, content that is not what it says, empty, unknown kind: nothing stored
        attach("fjordvik.coordinator", "fjordvik", id, "?name=side.html", "text/html", "<script>".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415).contentType(PROBLEM);
        attach("fjordvik.coordinator", "fjordvik", id, "?name=program.docx", "application/pdf", PDF).then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("name"));
        attach("fjordvik.coordinator", "fjordvik", id, "?name=program.pdf", "application/pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8)).then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("file"));
        attach("fjordvik.coordinator", "fjordvik", id, "?name=lysbilder.pptx", POWERPOINT, wordFile()).then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("file"));
        attach("fjordvik.coordinator", "fjordvik", id, "?name=tom.pdf", "application/pdf", new byte[0]).then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("file"));
        attach("fjordvik.coordinator", "fjordvik", id, "?name=../../etc/passwd.pdf", "application/pdf", PDF).then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("name"));
        attach("fjordvik.coordinator", "fjordvik", id, "?kind=minutes&name=referat.pdf", "application/pdf", PDF).then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("kind"));
        get("fjordvik.coordinator", files).then().statusCode(200).body("$", hasSize(2));

        // a participant neither attaches nor removes; another tenant gets 404 for the activity and its files
        attach("fjordvik.leader", "fjordvik", id, "?name=mitt.pdf", "application/pdf", PDF).then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.leader")).when().delete(files + "/" + agenda).then().statusCode(403);
        String nordhei = "/api/tenants/nordhei/activities/" + id + "/attachments";
        attach("nordhei.coordinator", "nordhei", id, "?name=inntrenger.pdf", "application/pdf", PDF).then().statusCode(404)
                .contentType(PROBLEM);
        get("nordhei.coordinator", nordhei).then().statusCode(404).contentType(PROBLEM);
        get("nordhei.coordinator", nordhei + "/" + agenda).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator")).when().delete(nordhei + "/" + agenda).then().statusCode(404);
        get("nordhei.coordinator", files).then().statusCode(404).contentType(PROBLEM);

        // the coordinator removes the material: gone from the list, and a second removal is a 404
        given().auth().oauth2(token("fjordvik.coordinator")).when().delete(files + "/" + material).then().statusCode(204);
        given().auth().oauth2(token("fjordvik.coordinator")).when().delete(files + "/" + material).then().statusCode(404);
        get("fjordvik.leader", files + "/" + material).then().statusCode(404).contentType(PROBLEM);
        assertEquals(1, get("fjordvik.leader", files).then().statusCode(200).extract().jsonPath().getList("id").size());
    }
}
