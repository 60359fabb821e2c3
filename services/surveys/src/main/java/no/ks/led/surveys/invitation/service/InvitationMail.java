package no.ks.led.surveys.invitation.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.foundation.access.Country;
import no.ks.led.surveys.invitation.Invitation;
import no.ks.led.surveys.invitation.InvitationConfig;

/**
 * The text of invitations and reminders: in the tenant's own language first (bokmål for a Norwegian tenant,
 * Danish for a Danish one), English second, plain text only (a round title is never rendered as markup), with
 * the round's title, closing date and a link to the round.
 */
@ApplicationScoped
public class InvitationMail {

    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** The words of one language's part of the e-mail. */
    record Words(String invitation, String reminder, String invited, String notYet, String lastDay, String answerHere,
            DateTimeFormatter date) {

        static Words of(Country country) {
            return switch (country) {
                case NO -> new Words("Invitasjon", "Påminnelse",
                        "Hei!\n\nDu er invitert til å svare på ståstedsanalysen «%s». ",
                        "Hei!\n\nDu har ennå ikke svart på ståstedsanalysen «%s». ",
                        "Siste svardag er ", "Svar her: ",
                        DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("nb-NO")));
                case DK -> new Words("Invitation", "Påmindelse",
                        "Hej!\n\nDu er inviteret til at besvare statusanalysen «%s». ",
                        "Hej!\n\nDu har endnu ikke besvaret statusanalysen «%s». ",
                        "Sidste svardag er ", "Svar her: ",
                        DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da-DK")));
            };
        }
    }

    @Inject
    InvitationConfig config;

    /** The e-mail of one invitation or reminder, in the language of the tenant's country, then English. */
    public Mail compose(String kind, String to, String tenantId, Country country, UUID roundId, String title,
            LocalDate closesOn) {
        Words words = Words.of(country);
        String oneLineTitle = title.replaceAll("\\p{Cntrl}+", " ").strip();
        String link = link(tenantId, roundId);
        boolean reminder = Invitation.REMINDER.equals(kind);
        String subject = reminder
                ? words.reminder() + ": " + oneLineTitle + " / Reminder: " + oneLineTitle
                : words.invitation() + ": " + oneLineTitle + " / Invitation: " + oneLineTitle;
        String body = (reminder ? words.notYet() : words.invited()).formatted(oneLineTitle)
                + words.lastDay() + words.date().format(closesOn) + ".\n"
                + words.answerHere() + link + "\n\n"
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
