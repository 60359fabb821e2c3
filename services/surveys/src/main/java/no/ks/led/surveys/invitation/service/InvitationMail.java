package no.ks.led.surveys.invitation.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.surveys.invitation.Invitation;
import no.ks.led.surveys.invitation.InvitationConfig;

/**
 * The text of invitations and reminders: Norwegian bokmål first, English second, plain text only (a round
 * title is never rendered as markup), with the round's title, closing date and a link to the round.
 */
@ApplicationScoped
public class InvitationMail {

    private static final DateTimeFormatter NB_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb-NO"));
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    @Inject
    InvitationConfig config;

    public Mail compose(String kind, String to, String tenantId, UUID roundId, String title, LocalDate closesOn) {
        String oneLineTitle = title.replaceAll("\\p{Cntrl}+", " ").strip();
        String link = link(tenantId, roundId);
        boolean reminder = Invitation.REMINDER.equals(kind);
        String subject = reminder
                ? "Påminnelse: " + oneLineTitle + " / Reminder: " + oneLineTitle
                : "Invitasjon: " + oneLineTitle + " / Invitation: " + oneLineTitle;
        String body = (reminder
                ? "Hei!\n\nDu har ennå ikke svart på ståstedsanalysen «" + oneLineTitle + "». "
                : "Hei!\n\nDu er invitert til å svare på ståstedsanalysen «" + oneLineTitle + "». ")
                + "Siste svardag er " + NB_DATE.format(closesOn) + ".\n"
                + "Svar her: " + link + "\n\n"
                + "-- English --\n\n"
                + (reminder
                        ? "Hello,\n\nYou have not yet answered the status analysis \"" + oneLineTitle + "\". "
                        : "Hello,\n\nYou are invited to answer the status analysis \"" + oneLineTitle + "\". ")
                + "The last day to answer is " + EN_DATE.format(closesOn) + ".\n"
                + "Answer here: " + link + "\n";
        return Mail.withText(to, subject, body);
    }

    /** Where the web UI shows the round. */
    public String link(String tenantId, UUID roundId) {
        String base = config.publicUrl().replaceAll("/+$", "");
        return base + "/tenants/" + tenantId + "/survey-rounds/" + roundId;
    }
}
