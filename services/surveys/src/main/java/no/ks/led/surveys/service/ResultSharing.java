package no.ks.led.surveys.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.surveys.ResultsShared;
import no.ks.led.events.surveys.ResultsWithdrawn;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.repository.SurveyRoundRepository;

/** A school principal's consent to show the school's results to the owner, and its withdrawal. */
@ApplicationScoped
public class ResultSharing {

    @Inject
    SurveyRoundRepository rounds;

    @Inject
    Outbox outbox;

    /** Shares the school's results; sharing again changes nothing. */
    @Transactional
    public void share(SurveyRound round, UUID schoolId, UUID principal) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (rounds.share(round.id, schoolId, principal, now)) {
            outbox.record(round.tenantId, new ResultsShared(round.id, round.tenantId, schoolId, now));
        }
    }

    /** Withdraws the consent: from now on the owner sees the school's results no longer. */
    @Transactional
    public void withdraw(SurveyRound round, UUID schoolId) {
        if (rounds.withdrawSharing(round.id, schoolId)) {
            outbox.record(round.tenantId, new ResultsWithdrawn(round.id, round.tenantId, schoolId,
                    Instant.now().truncatedTo(ChronoUnit.MICROS)));
        }
    }
}
