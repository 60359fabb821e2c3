package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static no.ks.led.scheduling.ActivityResourceTests.activity;
import static no.ks.led.scheduling.ActivityResourceTests.schedule;
import static no.ks.led.scheduling.ActivityResourceTests.token;
import static no.ks.led.scheduling.ActivityResourceTests.year;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import no.ks.led.scheduling.service.SpeakerInvitations;
import org.junit.jupiter.api.Test;

/** Calendar feeds at secret URLs, and the e-mails to speakers (issue 15, checks 5, 6 and 8). */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class CalendarFeedTests {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    SpeakerInvitations invitations;

    /** Creates a feed for the user and answers its path (the URL names the gateway's origin). */
    static String feedPath(String user, String tenant, String body) {
        String url = given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/" + tenant + "/calendar-feeds")
                .then().statusCode(201).body("url", matchesPattern("https?://.+/calendar/[A-Za-z0-9_-]{43}\\.ics"))
                .extract().path("url");
        return URI.create(url).getPath();
    }

    /** A new feed's content. */
    static String feedOf(String user, String tenant, String body) {
        return given().when().get(feedPath(user, tenant, body)).then().statusCode(200).extract().asString();
    }

    @Test
    void reschedulingRaisesSequenceAndChangesLastModifiedAndTheEtagAndCancellingKeepsTheUid() throws Exception {
        int y = year();
        String id = schedule("fjordvik.coordinator", "fjordvik",
                activity("Ledersamling i feeden", y + "-03-27T09:00", y + "-03-27T15:00", ",\"place\":\"Fjordvik, rådhuset\""))
                .then().statusCode(201).extract().path("id");
        String path = feedPath("fjordvik.coordinator", "fjordvik", "{\"scope\":\"person\"}");

        Response first = given().when().get(path);
        first.then().statusCode(200).contentType("text/calendar").header("Cache-Control", "private, max-age=300");
        VEvent before = event(first.asString(), id);
        assertEquals("0", before.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals("CONFIRMED", before.getProperty(Property.STATUS).orElseThrow().getValue());
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).when().get(path).then().statusCode(304);

        Thread.sleep(1100);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + y + "-03-30T09:00\",\"endsAt\":\"" + y + "-03-30T15:00\"}")
                .when().patch("/api/tenants/fjordvik/activities/" + id).then().statusCode(200);
        Response second = given().header("If-None-Match", etag).when().get(path);
        second.then().statusCode(200);
        VEvent after = event(second.asString(), id);
        assertEquals(before.getProperty(Property.UID).orElseThrow().getValue(), after.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("1", after.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertNotEquals(before.getProperty(Property.LAST_MODIFIED).orElseThrow().getValue(),
                after.getProperty(Property.LAST_MODIFIED).orElseThrow().getValue());
        assertNotEquals(etag, second.header("ETag"));
        assertEquals(java.time.LocalDateTime.of(y, 3, 30, 9, 0).atZone(java.time.ZoneId.of("Europe/Oslo")).toInstant(),
                Instant.from(after.getDateTimeStart().getDate()));

        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/tenants/fjordvik/activities/" + id + "/cancellation").then().statusCode(200);
        VEvent cancelled = event(given().when().get(path).asString(), id);
        assertEquals(before.getProperty(Property.UID).orElseThrow().getValue(), cancelled.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("CANCELLED", cancelled.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("2", cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue());
    }

    @Test
    void theSpeakerGetsAnInvitationAChangeAndACancellationByEmail() throws Exception {
        int y = year();
        String email = "mail." + UUID.randomUUID() + "@example.org";
        String speakerId = SpeakerBookingTests.speaker("fjordvik", email);
        String id = schedule("fjordvik.coordinator", "fjordvik", activity("Samling med e-post", y + "-09-01T09:00", y + "-09-01T15:00", ""))
                .then().statusCode(201).extract().path("id");
        SpeakerBookingTests.book("fjordvik", id, "{\"speakerId\":\"" + speakerId + "\"}").then().statusCode(201);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + y + "-09-02T09:00\",\"endsAt\":\"" + y + "-09-02T15:00\"}")
                .when().patch("/api/tenants/fjordvik/activities/" + id).then().statusCode(200);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"reason\":\"Syk\"}")
                .when().post("/api/tenants/fjordvik/activities/" + id + "/cancellation").then().statusCode(200);
        assertTrue(invitations.deliverDue(Instant.now()) >= 3);

        List<MimeMessage> received = Arrays.stream(SmtpServer.server().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertEquals(3, received.size());
        List<String> methods = received.stream().map(CalendarFeedTests::calendarPart).map(part -> part[0]).toList();
        assertEquals(List.of("text/calendar; charset=UTF-8; method=REQUEST", "text/calendar; charset=UTF-8; method=REQUEST",
                "text/calendar; charset=UTF-8; method=CANCEL"), methods.stream().map(m -> m.replaceAll("\\s+", " ")
                .replaceAll(";\\s*name=.*", "")).toList());
        String cancel = calendarPart(received.get(2))[1];
        assertTrue(cancel.contains("METHOD:CANCEL\r\n"), cancel);
        assertTrue(cancel.contains("STATUS:CANCELLED\r\n"), cancel);
        assertTrue(cancel.contains("SEQUENCE:2\r\n"), cancel);
        assertTrue(calendarPart(received.get(1))[1].contains("SEQUENCE:1\r\n"));
        new CalendarBuilder().build(new StringReader(cancel));
    }

    @Test
    void aRevokedFeedAnswers404AndFeedsAreTheirTenantsOwn() {
        String path = feedPath("fjordvik.leader", "fjordvik", "{\"scope\":\"person\"}");
        given().when().get(path).then().statusCode(200);
        String feedId = given().auth().oauth2(token("fjordvik.leader")).contentType(ContentType.JSON).body("{\"scope\":\"person\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(201).extract().path("id");
        String url = given().auth().oauth2(token("fjordvik.leader")).contentType(ContentType.JSON).body("{\"scope\":\"person\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(201).extract().path("url");
        assertNotEquals(path, URI.create(url).getPath(), "every feed has its own secret");

        // another tenant's member cannot revoke it, under either tenant
        given().auth().oauth2(token("nordhei.coordinator")).when().delete("/api/tenants/nordhei/calendar-feeds/" + feedId)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("nordhei.coordinator")).when().delete("/api/tenants/fjordvik/calendar-feeds/" + feedId)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.leader")).when().delete("/api/tenants/fjordvik/calendar-feeds/" + feedId)
                .then().statusCode(204);
        given().auth().oauth2(token("fjordvik.leader")).when().delete("/api/tenants/fjordvik/calendar-feeds/" + feedId)
                .then().statusCode(404).contentType(PROBLEM);

        given().when().get("/calendar/" + "A".repeat(43) + ".ics").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/calendar/short.ics").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aRevokedFeedUrlAnswers404() {
        Response created = given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"scope\":\"person\"}").when().post("/api/tenants/fjordvik/calendar-feeds");
        created.then().statusCode(201);
        String path = URI.create(created.path("url")).getPath();
        String other = feedPath("fjordvik.coordinator", "fjordvik", "{\"scope\":\"person\"}");
        given().when().get(path).then().statusCode(200);
        given().auth().oauth2(token("fjordvik.coordinator")).when().delete("/api/tenants/fjordvik/calendar-feeds/" + created.path("id"))
                .then().statusCode(204);
        given().when().get(path).then().statusCode(404).contentType(PROBLEM);
        // the person's other feed goes on
        given().when().get(other).then().statusCode(200);
    }

    @Test
    void invalidFeedRequestsAreProblemsNamingTheField() {
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"scope\":\"everyone\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("scope"));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"scope\":\"person\",\"id\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("id"));
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON).body("{\"scope\":\"school\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("id"));
        // nordhei's school and an unknown programme are not found in fjordvik
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"scope\":\"school\",\"id\":\"411b22cd-71ee-5fd8-a7c2-fb467ea483a1\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"scope\":\"programme\",\"id\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token("fjordvik.coordinator")).contentType(ContentType.JSON)
                .body("{\"scope\":\"school\",\"id\":\"b43f2ebc-4eda-5fc0-b239-45e535bbbcb1\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(201).body("scope", equalTo("school"));
        given().auth().oauth2(token("nordhei.coordinator")).contentType(ContentType.JSON).body("{\"scope\":\"person\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(404).contentType(PROBLEM);
    }

    private static VEvent event(String feed, String activityId) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
            assertTrue(calendar.getProperty(Property.METHOD).isEmpty(), "a feed has no METHOD");
            for (var e : calendar.getComponents(Component.VEVENT)) {
                String tzid = ((VEvent) e).getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue();
                assertTrue(calendar.getComponents(Component.VTIMEZONE).stream()
                        .anyMatch(z -> z.getProperty(Property.TZID).orElseThrow().getValue().equals(tzid)), tzid);
            }
            return calendar.getComponents(Component.VEVENT).stream().map(c -> (VEvent) c)
                    .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().equals(activityId + "@led.ks.no"))
                    .findFirst().orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The calendar part of an e-mail: its Content-Type and its text. */
    private static String[] calendarPart(MimeMessage message) {
        try {
            MimeMultipart multipart = (MimeMultipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.getContentType().startsWith("text/calendar")) {
                    return new String[] {part.getContentType(), new String(part.getInputStream().readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8)};
                }
            }
            throw new AssertionError("no calendar part");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
