package no.ks.led.surveys.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.events.surveys.ResultsShared;
import no.ks.led.events.surveys.ResultsWithdrawn;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.surveys.SurveyRound;

/** A school principal's consent to show the school's results to the owner, and its withdrawal. */
@ApplicationScoped
public class ResultSharing {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    /** Shares the school's results; sharing again changes nothing. */
    @Transactional
    public void share(SurveyRound round, UUID schoolId, UUID principal) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO survey_sharing (round_id, school_id, shared_by, shared_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (round_id, school_id) DO NOTHING""")
                .setParameter(1, round.id).setParameter(2, schoolId).setParameter(3, principal)
                .setParameter(4, now).executeUpdate();
        if (inserted == 1) {
            outbox.record(round.tenantId, new ResultsShared(round.id, round.tenantId, schoolId, now));
        }
    }

    /** Withdraws the consent: from now on the owner sees the school's results no longer. */
    @Transactional
    public void withdraw(SurveyRound round, UUID schoolId) {
        int deleted = entityManager.createNativeQuery("DELETE FROM survey_sharing WHERE round_id = ?1 AND school_id = ?2")
                .setParameter(1, round.id).setParameter(2, schoolId).executeUpdate();
        if (deleted == 1) {
            outbox.record(round.tenantId, new ResultsWithdrawn(round.id, round.tenantId, schoolId,
                    Instant.now().truncatedTo(ChronoUnit.MICROS)));
        }
    }
}
