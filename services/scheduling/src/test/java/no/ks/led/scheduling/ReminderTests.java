package no.ks.led.scheduling;

import static io.restassured.RestAssured.given;
import static no.ks.led.scheduling.ActivityResourceTests.activity;
import static no.ks.led.scheduling.ActivityResourceTests.schedule;
import static no.ks.led.scheduling.ActivityResourceTests.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import no.ks.led.scheduling.service.Reminders;
import no.ks.led.scheduling.service.SpeakerInvitations;
import org.junit.jupiter.api.Test;

/**
 * Reminders before an activity: one e-mail to each confirmed participant within the lead time (2 days), through the
 * real SMTP server; two senders at once, or a second run, never queue one twice.
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class ReminderTests {

    @Inject
    EntityManager entityManager;

    @Inject
    Reminders reminders;

    @Inject
    SpeakerInvitations sender;

    @Test
    void eachConfirmedParticipantGetsOneReminderEvenWithTwoSendersAtOnce() throws Exception {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(1);
        String title = "Påminnet samling " + UUID.randomUUID().toString().substring(0, 8);
        String soon = schedule("fjordvik.coordinator", "fjordvik", activity(title, tomorrow + "T20:00", tomorrow + "T21:00",
                ",\"capacity\":1,\"place\":\"Rådhuset\"")).then().statusCode(201).extract().path("id");
        String later = schedule("fjordvik.coordinator", "fjordvik", activity(title + " senere", tomorrow.plusDays(10)
                + "T09:00", tomorrow.plusDays(10) + "T15:00", "")).then().statusCode(201).extract().path("id");
        signUp("fjordvik.leader", soon);
        signUp("fjordvik.principal", soon); // waiting: no reminder
        signUp("fjordvik.leader", later); // ten days ahead: not yet
        assertEquals("fjordvik.leader@example.org", scalar("SELECT email FROM sign_up WHERE activity_id = CAST(?1 AS uuid)"
                + " AND status = 'confirmed'", soon), "the address is taken from the person's token at sign-up");

        // two replicas' jobs at the same moment
        Instant now = Instant.now();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return reminders.queueDue(now);
        })).toList();
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        reminders.queueDue(now.plusSeconds(60)); // a restart: runs again
        assertEquals(1L, count("SELECT count(*) FROM activity_reminder WHERE activity_id = CAST(?1 AS uuid)", soon));
        assertEquals(0L, count("SELECT count(*) FROM activity_reminder WHERE activity_id = CAST(?1 AS uuid)", later));
        assertEquals(1L, count("SELECT count(*) FROM outgoing_mail WHERE subject LIKE ?1", "%" + title + " %"));

        sender.deliverDue(Instant.now());
        List<MimeMessage> received = received(title);
        assertEquals(1, received.size());
        MimeMessage reminder = received.get(0);
        assertEquals("fjordvik.leader@example.org", reminder.getAllRecipients()[0].toString());
        assertTrue(reminder.getSubject().startsWith("Påminnelse / Reminder: " + title), reminder.getSubject());
        String content = new String(reminder.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(content.contains("Rådhuset") && content.contains("/tenants/fjordvik/activities/" + soon), content);
        assertFalse(reminder.getContentType().contains("calendar"), reminder.getContentType());

        // ten days before the later one (the lead time is two days) nothing is due for it yet; within it, it is
        reminders.queueDue(LocalDate.now().plusDays(9).atStartOfDay(ZoneId.of("Europe/Oslo")).toInstant().plusSeconds(36 * 3600));
        assertEquals(1L, count("SELECT count(*) FROM activity_reminder WHERE activity_id = CAST(?1 AS uuid)", later));
    }

    @Test
    void aDanishTenantsReminderIsInDanish() throws Exception {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(1);
        String title = "Dansk samling " + UUID.randomUUID().toString().substring(0, 8);
        String soon = schedule("norddal.skolechef", "norddal", activity(title, tomorrow + "T20:00", tomorrow + "T21:00",
                ",\"place\":\"Rådhuset\"")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("norddal.skoleleder")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/tenants/norddal/activities/" + soon + "/sign-ups").then().statusCode(201);

        reminders.queueDue(Instant.now());
        sender.deliverDue(Instant.now());
        List<MimeMessage> received = received(title);
        assertEquals(1, received.size());
        assertEquals("norddal.skoleleder@example.org", received.get(0).getAllRecipients()[0].toString());
        assertTrue(received.get(0).getSubject().startsWith("Påmindelse / Reminder: " + title), received.get(0).getSubject());
        assertFalse(received.get(0).getSubject().contains("Påminnelse"), received.get(0).getSubject());
    }

    /** What the SMTP server received about the activity of this title. */
    private static List<MimeMessage> received(String title) {
        return Arrays.stream(SmtpServer.server().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(title + " ");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static void signUp(String user, String activityId) {
        given().auth().oauth2(token(user)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/tenants/fjordvik/activities/" + activityId + "/sign-ups").then().statusCode(201);
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    private String scalar(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult());
    }
}
