package no.ks.led.surveys.invitation.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.rest.NewSurveyRound;
import no.ks.led.surveys.service.RoundOpening;

/**
 * Queues invitations and reminders: rows in {@code invitation}, written in the caller's transaction, so an
 * opened round always has its invitations and nothing depends on the SMTP server being up. Delivery is
 * {@link InvitationSender}'s job.
 */
@ApplicationScoped
public class Invitations {

    @Inject
    EntityManager entityManager;

    @Inject
    RespondentContacts contacts;

    /** What a request for reminders queued. */
    public record Queued(int reminders, int withoutAddress) {
    }

    /**
     * Queues one invitation per respondent of a round being opened (in its transaction), after storing the
     * addresses the coordinator gave. Every contact must name a respondent of the round. A round opening
     * later is invited on its first day.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueForOpenedRound(SurveyRound round, List<NewSurveyRound.Contact> given) {
        @SuppressWarnings("unchecked")
        Set<UUID> respondents = new HashSet<>(entityManager.createNativeQuery(
                "SELECT person_id FROM survey_respondent WHERE round_id = ?1").setParameter(1, round.id).getResultList());
        Set<UUID> named = new HashSet<>();
        for (NewSurveyRound.Contact contact : given) {
            if (!named.add(contact.personId())) {
                throw ProblemException.invalidField("contacts", "names a person more than once");
            }
            if (!respondents.contains(contact.personId())) {
                throw ProblemException.invalidField("contacts", "names a person who is not a respondent of the round");
            }
        }
        for (NewSurveyRound.Contact contact : given) {
            contacts.remember(contact.personId(), contact.email(), RespondentContacts.FROM_ROUND_REQUEST);
        }
        OffsetDateTime firstDay = round.opensOn.atStartOfDay(RoundOpening.PLATFORM_ZONE).toOffsetDateTime();
        entityManager.createNativeQuery("""
                INSERT INTO invitation (id, tenant_id, round_id, person_id, kind, status, next_attempt_at, queued_on)
                SELECT gen_random_uuid(), ?2, r.round_id, r.person_id, 'invitation',
                       CASE WHEN c.person_id IS NULL THEN 'pending-address' ELSE 'pending' END,
                       greatest(now(), ?3), ?4
                FROM survey_respondent r LEFT JOIN respondent_contact c ON c.person_id = r.person_id
                WHERE r.round_id = ?1""")
                .setParameter(1, round.id).setParameter(2, round.tenantId).setParameter(3, firstDay)
                .setParameter(4, today()).executeUpdate();
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
        LocalDate today = today();
        if (!round.isOpenOn(today)) {
            throw new ProblemException(ProblemType.CONFLICT, "Påminnelser kan bare sendes mens runden er åpen. / Reminders can only be sent while the round is open.");
        }
        Number already = (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM invitation WHERE round_id = ?1 AND kind = 'reminder' AND queued_on = ?2")
                .setParameter(1, round.id).setParameter(2, today).getSingleResult();
        if (already.longValue() > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Påminnelse er allerede sendt i dag. / Reminders were already sent today.");
        }
        @SuppressWarnings("unchecked")
        List<String> statuses = entityManager.createNativeQuery("""
                INSERT INTO invitation (id, tenant_id, round_id, person_id, kind, status, queued_on)
                SELECT gen_random_uuid(), ?2, r.round_id, r.person_id, 'reminder',
                       CASE WHEN c.person_id IS NULL THEN 'pending-address' ELSE 'pending' END, ?3
                FROM survey_respondent r LEFT JOIN respondent_contact c ON c.person_id = r.person_id
                WHERE r.round_id = ?1 AND NOT EXISTS (
                    SELECT 1 FROM survey_completion s WHERE s.round_id = r.round_id
                      AND (s.person_id = r.person_id OR (?4 AND s.school_id = r.school_id)))
                ON CONFLICT DO NOTHING
                RETURNING status""")
                .setParameter(1, round.id).setParameter(2, round.tenantId).setParameter(3, today)
                .setParameter(4, round.isTeam()).getResultList();
        int withoutAddress = (int) statuses.stream().filter("pending-address"::equals).count();
        return new Queued(statuses.size(), withoutAddress);
    }

    private static LocalDate today() {
        return LocalDate.now(RoundOpening.PLATFORM_ZONE);
    }
}
