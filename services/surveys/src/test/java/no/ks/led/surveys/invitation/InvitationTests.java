package no.ks.led.surveys.invitation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.testing.RealmLogin;
import no.ks.led.surveys.invitation.service.InvitationSender;
import no.ks.led.surveys.invitation.service.RespondentContacts;
import org.junit.jupiter.api.Test;

/**
 * Invitations and reminders through a real SMTP server (GreenMail, {@link SmtpServer}), with the real
 * database, broker and realm; the tests read what the SMTP server received.
 */
@QuarkusTest
@QuarkusTestResource(SmtpServer.class)
class InvitationTests {

    static final String FJORDVIK_SCHOOL = "b43f2ebc-4eda-5fc0-b239-45e535bbbcb1";
    static final String PRINCIPAL = "7ff865af-f0ff-5b8f-9dbb-724d66a31ecb";
    static final String LEADER = "9d4109bc-2c26-59de-9273-2c9978f60fb4";
    static final String NORDHEI_SCHOOL = "411b22cd-71ee-5fd8-a7c2-fb467ea483a1";
    static final String PROBLEM = "application/problem+json";

    @Inject
    InvitationSender sender;

    @Inject
    EntityManager entityManager;

    @Inject
    RespondentContacts contacts;

    static RequestSpecification as(String user) {
        return given().auth().oauth2(RealmLogin.accessToken(user));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Oslo"));
    }

    /** Opens a fjordvik round with a unique title and the given contacts JSON (or none). */
    /**
     * Opens a round for the demo school and keeps only its two demo leaders as respondents: tests of
     * other modules may have added leaders to that school before this runs, and the counts here are
     * about the demo principal and leader.
     */
    String openRound(String title, String contacts) {
        String round = openRoundForTheWholeSchool(title, contacts);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {"invitation", "survey_respondent"}) {
                entityManager.createNativeQuery("DELETE FROM " + table + " WHERE round_id = ?1 AND person_id NOT IN (?2, ?3)")
                        .setParameter(1, UUID.fromString(round)).setParameter(2, UUID.fromString(PRINCIPAL))
                        .setParameter(3, UUID.fromString(LEADER)).executeUpdate();
            }
        });
        return round;
    }

    static String openRoundForTheWholeSchool(String title, String contacts) {
        String body = "{\"title\":\"" + title + "\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today()
                + "\",\"closesOn\":\"" + today().plusDays(14) + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"]"
                + (contacts == null ? "" : ",\"contacts\":" + contacts) + "}";
        return as("fjordvik.coordinator").contentType(ContentType.JSON).body(body)
                .when().post("/api/tenants/fjordvik/survey-rounds")
                .then().statusCode(201).extract().path("id");
    }

    static String path(String round) {
        return "/api/tenants/fjordvik/survey-rounds/" + round;
    }

    /** What the SMTP server received whose subject names this title. */
    static List<MimeMessage> received(String title) {
        return Arrays.stream(SmtpServer.server().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(title);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String to(MimeMessage message) throws Exception {
        return message.getRecipients(Message.RecipientType.TO)[0].toString();
    }

    /** The recipients, sorted (the order the server lists them in is not the order they arrived). */
    static List<String> recipients(List<MimeMessage> messages) {
        return messages.stream().map(m -> {
            try {
                return to(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
    }

    /**
     * Runs the sender as time goes by (now, then two hours on, …) until a run has no failed e-mail: the
     * SMTP client now and then fails a send (a new connection that never gets the server's greeting, ended
     * by the send timeout), and the sender retries after a backoff, as it does in production. Tests assert
     * what is delivered in the end, and that nothing is delivered twice.
     */
    private void deliverUntilSettled(Instant from) {
        Instant at = from;
        for (int run = 0; run < 5; run++) {
            if (sender.deliverDue(at).failed() == 0) {
                return;
            }
            at = at.plus(Duration.ofHours(2));
        }
        throw new AssertionError("e-mails still failing after five runs of the sender");
    }

    /**
     * Every tenant request of a respondent offers the address in their token. One already held is only read: the
     * row is neither updated nor locked (its {@code xmax} stays 0), so such a request writes nothing to the WAL; and
     * once seen held, this process does not ask again for a while. A new address replaces it at once.
     */
    @Test
    void anAddressAlreadyHeldIsReadNotWrittenAndANewOneReplacesIt() {
        UUID person = UUID.fromString(PRINCIPAL);
        forgetAddress(PRINCIPAL);
        try {
            contacts.rememberFromToken(person, "rektor.selv@fjordvik.example");
            contacts.rememberFromToken(person, "rektor.selv@fjordvik.example");
            assertEquals("rektor.selv@fjordvik.example 0", ownAddressAndXmax(person));
            contacts.rememberFromToken(person, "ny.rektor@fjordvik.example");
            assertTrue(ownAddressAndXmax(person).startsWith("ny.rektor@fjordvik.example "), ownAddressAndXmax(person));

            // the memory is this process's: rows deleted behind its back stay deleted until it forgets (an erasure
            // here makes it forget) or its time is up
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("DELETE FROM respondent_contact WHERE person_id = ?1").setParameter(1, person)
                    .executeUpdate());
            contacts.rememberFromToken(person, "ny.rektor@fjordvik.example");
            assertEquals(0L, ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("SELECT count(*) FROM respondent_contact WHERE person_id = ?1").setParameter(1, person)
                    .getSingleResult())).longValue());
            contacts.forget(person);
            contacts.rememberFromToken(person, "ny.rektor@fjordvik.example");
            assertEquals("ny.rektor@fjordvik.example 0", ownAddressAndXmax(person));
        } finally {
            forgetAddress(PRINCIPAL);
        }
    }

    private String ownAddressAndXmax(UUID person) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT email || ' ' || xmax FROM respondent_contact WHERE tenant_id IS NULL AND person_id = ?1")
                .setParameter(1, person).getSingleResult());
    }

    /** Deletes the person's addresses, and this process's memory that their own is held (as an erasure does). */
    private void forgetAddress(String person) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM respondent_contact WHERE person_id = ?1")
                .setParameter(1, UUID.fromString(person)).executeUpdate());
        contacts.forget(UUID.fromString(person));
    }

    private Object[] invitationOf(String round, String person, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                SELECT status, attempts, last_error, sent_at FROM invitation
                WHERE round_id = ?1 AND person_id = ?2 AND kind = ?3""")
                .setParameter(1, UUID.fromString(round)).setParameter(2, UUID.fromString(person))
                .setParameter(3, kind).getSingleResult());
    }

    @Test
    void anOpenedRoundInvitesEveryRespondentInBokmalThenEnglishAndWaitsForUnknownAddresses() throws Exception {
        forgetAddress(LEADER);
        String title = "Invitasjonstest " + UUID.randomUUID();
        String round = openRound(title, "[{\"personId\":\"" + PRINCIPAL + "\",\"email\":\"rektor@fjordvik.example\"}]");

        // written in the opening transaction: one per respondent, the leader's waits for an address
        assertEquals("pending", invitationOf(round, PRINCIPAL, "invitation")[0]);
        assertEquals("pending-address", invitationOf(round, LEADER, "invitation")[0]);
        as("fjordvik.coordinator").when().get(path(round) + "/invitations").then().statusCode(200)
                .body("counts.invitation.pending", equalTo(1)).body("counts.invitation.pending-address", equalTo(1))
                .body("withoutAddress", hasItem(LEADER));

        deliverUntilSettled(Instant.now());
        List<MimeMessage> mails = received(title);
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        assertEquals("rektor@fjordvik.example", to(mail));
        assertEquals("Invitasjon: " + title + " / Invitation: " + title, mail.getSubject());
        String body = mail.getContent().toString();
        String link = "/tenants/fjordvik/survey-rounds/" + round;
        assertTrue(body.contains("Du er invitert til å svare på ståstedsanalysen «" + title + "»"), body);
        assertTrue(body.contains("You are invited to answer the status analysis \"" + title + "\""), body);
        assertTrue(body.indexOf("Svar her") < body.indexOf("Answer here"), "bokmål first: " + body);
        assertTrue(body.contains("http://localhost:8080" + link), body);
        LocalDate closes = today().plusDays(14);
        assertTrue(body.contains(String.valueOf(closes.getYear())) && body.contains(closes.getDayOfMonth() + "."), body);
        Object[] sent = invitationOf(round, PRINCIPAL, "invitation");
        assertEquals("sent", sent[0]);
        assertNotNull(sent[3]);

        // the leader calls this service: their token's address is learnt and their invitation goes out
        as("fjordvik.leader").when().get(path(round)).then().statusCode(200);
        assertEquals("pending", invitationOf(round, LEADER, "invitation")[0]);
        deliverUntilSettled(Instant.now());
        assertEquals(List.of("fjordvik.leader@example.org", "rektor@fjordvik.example"), recipients(received(title)));

        // nothing is sent twice
        sender.deliverDue(Instant.now().plus(Duration.ofDays(1)));
        assertEquals(2, received(title).size());
    }

    @Test
    void anotherTenantsAddressForASharedPersonNeverRedirectsThisTenantsEmails() throws Exception {
        forgetAddress(PRINCIPAL);
        UUID membership = UUID.randomUUID();
        // fjordvik's principal also leads a school in nordhei
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO access_membership (membership_id, organisation_id, person_id, role, school_id, starts_on)
                VALUES (?1, 'nordhei', ?2, 'school-leader', ?3, ?4)""")
                .setParameter(1, membership).setParameter(2, UUID.fromString(PRINCIPAL))
                .setParameter(3, UUID.fromString(NORDHEI_SCHOOL)).setParameter(4, today().minusDays(1)).executeUpdate());
        try {
            String ours = "Adressetest " + UUID.randomUUID();
            String round = openRound(ours, "[{\"personId\":\"" + PRINCIPAL + "\",\"email\":\"rektor@fjordvik.example\"}]");
            String theirs = "Adressetest " + UUID.randomUUID();
            as("nordhei.coordinator").contentType(ContentType.JSON).body("{\"title\":\"" + theirs
                    + "\",\"mode\":\"individual\",\"opensOn\":\"" + today() + "\",\"closesOn\":\"" + today().plusDays(14)
                    + "\",\"schoolIds\":[\"" + NORDHEI_SCHOOL + "\"],\"contacts\":[{\"personId\":\"" + PRINCIPAL
                    + "\",\"email\":\"annen@nordhei.example\"}]}")
                    .when().post("/api/tenants/nordhei/survey-rounds").then().statusCode(201);
            String next = "Adressetest " + UUID.randomUUID();
            openRound(next, null);
            as("fjordvik.coordinator").when().post(path(round) + "/reminders").then().statusCode(202);
            deliverUntilSettled(Instant.now());

            // nordhei writes to the address it gave; fjordvik's invitations and reminder still go to fjordvik's
            assertTrue(recipients(received(theirs)).contains("annen@nordhei.example"), recipients(received(theirs)).toString());
            List<String> ourMails = recipients(received(ours));
            assertEquals(2, Collections.frequency(ourMails, "rektor@fjordvik.example"), ourMails.toString());
            assertFalse(ourMails.contains("annen@nordhei.example"), ourMails.toString());
            List<String> nextMails = recipients(received(next));
            assertEquals(1, Collections.frequency(nextMails, "rektor@fjordvik.example"), nextMails.toString());
            assertFalse(nextMails.contains("annen@nordhei.example"), nextMails.toString());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("DELETE FROM access_membership WHERE membership_id = ?1")
                    .setParameter(1, membership).executeUpdate());
        }
    }

    @Test
    void remindersGoOnlyToThoseWhoHaveNotSubmittedOncePerDay() throws Exception {
        String title = "Påminnelsestest " + UUID.randomUUID();
        String round = openRound(title, "[{\"personId\":\"" + PRINCIPAL + "\",\"email\":\"fjordvik.principal@example.org\"},"
                + "{\"personId\":\"" + LEADER + "\",\"email\":\"fjordvik.leader@example.org\"}]");
        as("fjordvik.principal").contentType(ContentType.JSON).body("{\"answers\":[{\"item\":\"learning-1\",\"value\":4}]}")
                .when().put(path(round) + "/responses/mine").then().statusCode(200);
        as("fjordvik.principal").header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post(path(round) + "/responses/mine/submission").then().statusCode(200);

        as("fjordvik.executive").when().post(path(round) + "/reminders").then().statusCode(202)
                .body("reminders", equalTo(1)).body("withoutAddress", equalTo(0));
        as("fjordvik.coordinator").when().post(path(round) + "/reminders").then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:no:ks:led:problem:reminders-already-sent-today"));

        deliverUntilSettled(Instant.now());
        List<MimeMessage> reminders = received(title).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Påminnelse: ");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(1, reminders.size());
        assertEquals("fjordvik.leader@example.org", to(reminders.get(0)));
        assertEquals("Påminnelse: " + title + " / Reminder: " + title, reminders.get(0).getSubject());
        assertTrue(reminders.get(0).getContent().toString().contains("Du har ennå ikke svart"));
        assertEquals(3, received(title).size(), "two invitations and one reminder");
    }

    @Test
    void whileSmtpIsDownEmailsStayPendingAndAreDeliveredOnceAfterwards() throws Exception {
        String title = "Nedetidstest " + UUID.randomUUID();
        String round;
        SmtpServer.down();
        try {
            round = openRound(title, "[{\"personId\":\"" + PRINCIPAL + "\",\"email\":\"fjordvik.principal@example.org\"},"
                    + "{\"personId\":\"" + LEADER + "\",\"email\":\"fjordvik.leader@example.org\"}]");
            InvitationSender.Run run = sender.deliverDue(Instant.now());
            assertTrue(run.failed() >= 2, "failed: " + run);
            Object[] pending = invitationOf(round, PRINCIPAL, "invitation");
            assertEquals("pending", pending[0]);
            assertEquals(1, ((Number) pending[1]).intValue());
            assertNotNull(pending[2]);
            // not due again before the backoff has passed
            sender.deliverDue(Instant.now());
            assertEquals(1, ((Number) invitationOf(round, PRINCIPAL, "invitation")[1]).intValue());
        } finally {
            SmtpServer.startAgain();
        }
        deliverUntilSettled(Instant.now().plus(Duration.ofHours(2)));
        assertEquals(List.of("fjordvik.leader@example.org", "fjordvik.principal@example.org"), recipients(received(title)));
        Object[] sent = invitationOf(round, PRINCIPAL, "invitation");
        assertEquals("sent", sent[0]);
        assertTrue(((Number) sent[1]).intValue() >= 2, "the failed attempt is counted: " + sent[1]);
        assertEquals(null, sent[2]);
    }

    @Test
    void anotherTenantGets404AndOtherRolesGet403() {
        String round = openRound("Tilgangstest " + UUID.randomUUID(), null);
        for (String user : List.of("nordhei.coordinator", "nordhei.executive", "nordhei.principal")) {
            as(user).when().post(path(round) + "/reminders").then().statusCode(404).contentType(PROBLEM);
            as(user).when().get(path(round) + "/invitations").then().statusCode(404).contentType(PROBLEM);
        }
        as("nordhei.coordinator").when().post("/api/tenants/nordhei/survey-rounds/" + round + "/reminders")
                .then().statusCode(404).contentType(PROBLEM);
        as("fjordvik.coordinator").when().post(path(UUID.randomUUID().toString()) + "/reminders")
                .then().statusCode(404).contentType(PROBLEM);
        for (String user : List.of("fjordvik.principal", "fjordvik.leader")) {
            as(user).when().post(path(round) + "/reminders").then().statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo("urn:no:ks:led:problem:forbidden"));
            as(user).when().get(path(round) + "/invitations").then().statusCode(403).contentType(PROBLEM);
        }
        given().when().post(path(round) + "/reminders").then().statusCode(401);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM invitation WHERE round_id = ?1 AND kind = 'reminder'")
                .setParameter(1, UUID.fromString(round)).getSingleResult()).longValue()));
    }

    @Test
    void contactsMustNameRespondentsAndInvalidInputChangesNothing() {
        String title = "Ugyldig " + UUID.randomUUID();
        for (String contacts : List.of(
                "[{\"personId\":\"" + UUID.randomUUID() + "\",\"email\":\"x@example.org\"}]",
                "[{\"personId\":\"" + PRINCIPAL + "\",\"email\":\"ikke-en-adresse\"}]",
                "[{\"personId\":\"" + PRINCIPAL + "\",\"email\":\"a@example.org\"},{\"personId\":\"" + PRINCIPAL + "\",\"email\":\"b@example.org\"}]")) {
            String body = "{\"title\":\"" + title + "\",\"mode\":\"individual\",\"instrumentVersion\":1,\"opensOn\":\"" + today()
                    + "\",\"closesOn\":\"" + today().plusDays(14) + "\",\"schoolIds\":[\"" + FJORDVIK_SCHOOL + "\"],\"contacts\":" + contacts + "}";
            as("fjordvik.coordinator").contentType(ContentType.JSON).body(body)
                    .when().post("/api/tenants/fjordvik/survey-rounds")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM survey_round WHERE title = ?1").setParameter(1, title).getSingleResult()).longValue()));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM respondent_contact WHERE email IN ('x@example.org', 'a@example.org', 'b@example.org')")
                .getSingleResult()).longValue()));
    }

    @Test
    void aDanishTenantsInvitationsAndRemindersAreInDanishThenEnglish() throws Exception {
        String school = "b582b8bc-249a-5c6c-a369-c9b7c4a42fb3";
        String title = "Dansk invitationstest " + UUID.randomUUID();
        String contacts = "[{\"personId\":\"15d32cb6-2fed-5200-a12e-02dbd43541cd\",\"email\":\"distrikt@norddal.example\"},"
                + "{\"personId\":\"43bbba09-bcb5-5c57-b4af-c24ed463143d\",\"email\":\"skoleleder@norddal.example\"},"
                + "{\"personId\":\"adc01330-56f0-5e5b-ab0e-ab92d040a6e2\",\"email\":\"afdeling@norddal.example\"}]";
        String round = as("norddal.skolechef").contentType(ContentType.JSON).body("{\"title\":\"" + title
                + "\",\"mode\":\"individual\",\"opensOn\":\"" + today() + "\",\"closesOn\":\"" + today().plusDays(14)
                + "\",\"schoolIds\":[\"" + school + "\"],\"contacts\":" + contacts + "}")
                .when().post("/api/tenants/norddal/survey-rounds").then().statusCode(201).extract().path("id");
        deliverUntilSettled(Instant.now());
        as("norddal.skolechef").when().post("/api/tenants/norddal/survey-rounds/" + round + "/reminders").then().statusCode(202);
        deliverUntilSettled(Instant.now());

        List<MimeMessage> mails = received(title);
        List<MimeMessage> invitations = mails.stream().filter(m -> subjectOf(m).startsWith("Invitation: ")).toList();
        List<MimeMessage> reminders = mails.stream().filter(m -> subjectOf(m).startsWith("Påmindelse: ")).toList();
        assertEquals(List.of("afdeling@norddal.example", "distrikt@norddal.example", "skoleleder@norddal.example"),
                recipients(invitations));
        assertEquals(recipients(invitations), recipients(reminders));
        assertEquals(6, mails.size(), "three invitations and three reminders, nothing else");
        assertEquals("Invitation: " + title + " / Invitation: " + title, invitations.get(0).getSubject());
        assertEquals("Påmindelse: " + title + " / Reminder: " + title, reminders.get(0).getSubject());
        // SMTP carries the text with CRLF line ends
        String invitation = invitations.get(0).getContent().toString().replace("\r\n", "\n");
        String reminder = reminders.get(0).getContent().toString().replace("\r\n", "\n");
        assertTrue(invitation.startsWith("Hej!\n\nDu er inviteret til at besvare statusanalysen «" + title + "»"), invitation);
        assertTrue(reminder.startsWith("Hej!\n\nDu har endnu ikke besvaret statusanalysen «" + title + "»"), reminder);
        LocalDate closes = today().plusDays(14);
        String danishDate = closes.format(java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy",
                java.util.Locale.forLanguageTag("da-DK")));
        assertTrue(invitation.contains("Sidste svardag er " + danishDate + "."), invitation);
        assertTrue(invitation.indexOf("Svar her: ") < invitation.indexOf("Answer here"), "Danish first: " + invitation);
        assertTrue(invitation.contains("/tenants/norddal/survey-rounds/" + round), invitation);
        for (String body : List.of(invitation, reminder)) {
            assertFalse(body.contains("ståstedsanalysen") || body.contains("Hei!") || body.contains("Siste svardag"),
                    "no bokmål in a Danish tenant's e-mail: " + body);
        }
    }

    static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
