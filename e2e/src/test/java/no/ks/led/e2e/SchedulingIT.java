package no.ks.led.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import no.ks.led.foundation.testing.RealmLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's "done when", through the gateway: fjordvik's coordinator plans next year's gathering, books a
 * speaker nordhei has booked at the same time and learns only "busy", subscribes to the feed, and a rescheduled
 * gathering shows its new time there with a higher SEQUENCE; the revoked feed answers 404.
 */
@ExtendWith(Platform.class)
class SchedulingIT {

    private static final String PROBLEM = "application/problem+json";
    private static String gateway;

    @BeforeAll
    static void gatewayUrl() {
        gateway = Platform.url("gateway");
    }

    @Test
    void fjordvikPlansNextYearMeetsABusySpeakerAndFollowsTheRescheduleInItsFeed() {
        String fjordvik = RealmLogin.accessToken("fjordvik.coordinator");
        String nordhei = RealmLogin.accessToken("nordhei.coordinator");
        int year = LocalDate.now(ZoneId.of("Europe/Oslo")).getYear() + 1;
        String email = "foredrag." + UUID.randomUUID() + "@example.org";
        String nordheiTitle = "Nordheis samling " + UUID.randomUUID();

        // nordhei books the speaker first, for 10:00-14:00
        String nordheiActivity = given().baseUri(gateway).auth().oauth2(nordhei).contentType(ContentType.JSON)
                .body("{\"kind\":\"seminar\",\"title\":\"" + nordheiTitle + "\",\"startsAt\":\"" + year
                        + "-09-15T10:00\",\"endsAt\":\"" + year + "-09-15T14:00\"}")
                .when().post("/api/tenants/nordhei/activities").then().statusCode(201).extract().path("id");
        String speaker = given().baseUri(gateway).auth().oauth2(nordhei).contentType(ContentType.JSON)
                .body("{\"name\":\"Kari Foredrag\",\"organisation\":\"IMTEC\",\"email\":\"" + email + "\"}")
                .when().post("/api/tenants/nordhei/speakers").then().statusCode(201).extract().path("id");
        given().baseUri(gateway).auth().oauth2(nordhei).contentType(ContentType.JSON)
                .body("{\"speakerId\":\"" + speaker + "\",\"feeOre\":1600000}")
                .when().post("/api/tenants/nordhei/activities/" + nordheiActivity + "/speakers").then().statusCode(201);

        // fjordvik plans its gathering at the same time: a year ahead
        String gathering = given().baseUri(gateway).auth().oauth2(fjordvik).contentType(ContentType.JSON)
                .body("{\"kind\":\"leader-gathering\",\"title\":\"Ledersamling høst\",\"startsAt\":\"" + year
                        + "-09-15T09:00\",\"endsAt\":\"" + year + "-09-15T15:00\",\"place\":\"Fjordvik rådhus\"}")
                .when().post("/api/tenants/fjordvik/activities").then().statusCode(201)
                .body("startsAt", equalTo(year + "-09-15T09:00:00")).extract().path("id");
        // the same e-mail address is the same speaker in the shared directory
        given().baseUri(gateway).auth().oauth2(fjordvik).contentType(ContentType.JSON)
                .body("{\"name\":\"Kari Foredrag\",\"email\":\"" + email + "\"}")
                .when().post("/api/tenants/fjordvik/speakers").then().statusCode(200).body("id", equalTo(speaker));
        String busy = given().baseUri(gateway).auth().oauth2(fjordvik).contentType(ContentType.JSON)
                .body("{\"speakerId\":\"" + speaker + "\"}")
                .when().post("/api/tenants/fjordvik/activities/" + gathering + "/speakers")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:no:ks:led:problem:speaker-busy")).extract().asString();
        for (String secret : new String[] {"nordhei", "Nordhei", nordheiActivity, nordheiTitle, "10:00", "14:00"}) {
            assertFalse(busy.contains(secret), "the busy answer names " + secret + ": " + busy);
        }

        // fjordvik subscribes to its coordinator's calendar
        var feed = given().baseUri(gateway).auth().oauth2(fjordvik).contentType(ContentType.JSON).body("{\"scope\":\"person\"}")
                .when().post("/api/tenants/fjordvik/calendar-feeds").then().statusCode(201).extract();
        String feedId = feed.path("id");
        String feedPath = URI.create(feed.<String>path("url")).getRawPath();
        String before = given().baseUri(gateway).when().get(feedPath).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/calendar")).extract().asString();
        assertEquals(0, sequenceOf(before, gathering));
        assertTrue(before.contains("DTSTART;TZID=Europe/Oslo:" + year + "0915T090000"), before);
        assertTrue(before.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\n"), before);
        assertFalse(before.contains(nordheiTitle));

        given().baseUri(gateway).auth().oauth2(fjordvik).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + year + "-09-22T09:00\",\"endsAt\":\"" + year + "-09-22T15:00\"}")
                .when().patch("/api/tenants/fjordvik/activities/" + gathering).then().statusCode(200).body("sequence", equalTo(1));
        String after = given().baseUri(gateway).when().get(feedPath).then().statusCode(200).extract().asString();
        assertEquals(1, sequenceOf(after, gathering));
        assertTrue(after.contains("DTSTART;TZID=Europe/Oslo:" + year + "0922T090000"), after);

        // now the speaker is free at the new time
        given().baseUri(gateway).auth().oauth2(fjordvik).contentType(ContentType.JSON)
                .body("{\"speakerId\":\"" + speaker + "\"}")
                .when().post("/api/tenants/fjordvik/activities/" + gathering + "/speakers").then().statusCode(201)
                .body("speakers.speakerId", hasItem(speaker));

        // nordhei reaches none of fjordvik's, and a revoked feed is gone
        given().baseUri(gateway).auth().oauth2(nordhei).when().get("/api/tenants/fjordvik/activities/" + gathering)
                .then().statusCode(404).contentType(PROBLEM);
        given().baseUri(gateway).auth().oauth2(nordhei).when().delete("/api/tenants/nordhei/calendar-feeds/" + feedId)
                .then().statusCode(404).contentType(PROBLEM);
        given().baseUri(gateway).auth().oauth2(fjordvik).when().delete("/api/tenants/fjordvik/calendar-feeds/" + feedId)
                .then().statusCode(204);
        given().baseUri(gateway).when().get(feedPath).then().statusCode(404).contentType(PROBLEM);
    }

    private static int sequenceOf(String feed, String activityId) {
        Matcher m = Pattern.compile("UID:" + activityId + "@led\\.ks\\.no\\r\\nSEQUENCE:(\\d+)").matcher(feed);
        assertTrue(m.find(), "the feed has the activity: " + feed);
        return Integer.parseInt(m.group(1));
    }
}
