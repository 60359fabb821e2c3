package no.ks.led.surveys.invitation.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.invitation.ContactAddress;
import no.ks.led.surveys.invitation.repository.InvitationRepository;
import no.ks.led.surveys.repository.SurveyRoundRepository;

/**
 * Queues invitations and reminders: rows in {@code invitation}, written in the caller's transaction, so an
 * opened round always has its invitations and nothing depends on the SMTP server being up. Delivery is
 * {@link InvitationSender}'s job. Days ("today", a round's first day) are the tenant's own.
 */
@ApplicationScoped
public class Invitations {

    @Inject
    InvitationRepository invitations;

    @Inject
    SurveyRoundRepository rounds;

    @Inject
    RespondentContacts contacts;

    @Inject
    TenantZones zones;

    /** What a request for reminders queued. */
    public record Queued(int reminders, int withoutAddress) {
    }

    /**
     * Queues one invitation per respondent of a round being opened (in its transaction), after storing the
     * addresses the coordinator gave (for this tenant only). Every contact must name a respondent of the
     * round. A round opening later is invited on its first day.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueForOpenedRound(SurveyRound round, List<ContactAddress> given) {
        Set<UUID> respondents = rounds.respondentIds(round.id);
        Set<UUID> named = new HashSet<>();
        for (ContactAddress contact : given) {
            if (!named.add(contact.personId())) {
                throw ProblemException.invalidField("contacts", "names a person more than once");
            }
            if (!respondents.contains(contact.personId())) {
                throw ProblemException.invalidField("contacts", "names a person who is not a respondent of the round");
            }
        }
        for (ContactAddress contact : given) {
            contacts.rememberForTenant(round.tenantId, contact.personId(), contact.email());
        }
        ZoneId zone = zones.of(round.tenantId);
        OffsetDateTime firstDay = round.opensOn.atStartOfDay(zone).toOffsetDateTime();
        invitations.queueInvitations(round.tenantId, round.id, firstDay, LocalDate.now(zone));
    }

    /**
     * Queues one reminder to every respondent of an open round who has not submitted (team rounds: whose
     * school has not submitted); at most one per respondent and day, so a second request the same day is
     * a conflict and changes nothing.
     */
    @Transactional
    public Queued queueReminders(String tenantId, UUID roundId) {
        SurveyRound round = SurveyRound.findInTenant(tenantId, roundId)
                .orElseThrow(() -> ProblemException.notFound("Survey round " + roundId));
        LocalDate today = LocalDate.now(zones.of(tenantId));
        round.requireOpenOn(today, "reminders are sent only while it is open");
        if (invitations.remindersQueuedOn(round.id, today) > 0) {
            throw new ProblemException(ProblemType.REMINDERS_ALREADY_SENT_TODAY, "Reminders were already sent today");
        }
        List<String> statuses = invitations.queueReminders(round.tenantId, round.id, round.isTeam(), today);
        int withoutAddress = (int) statuses.stream().filter("pending-address"::equals).count();
        return new Queued(statuses.size(), withoutAddress);
    }
}
