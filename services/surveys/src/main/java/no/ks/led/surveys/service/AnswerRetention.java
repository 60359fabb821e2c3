package no.ks.led.surveys.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.surveys.repository.AnswerSetRepository;
import no.ks.led.surveys.repository.SurveyRoundRepository;
import org.jboss.logging.Logger;

/**
 * Deletes a round's answers (answer sets, answers, free text) once its retention period has passed: its last day
 * plus the years the owner chose when opening it (five unless they chose otherwise), by its tenant's day. What the
 * results and trends are made of stays: the tallies, which hold no person and no text.
 */
@ApplicationScoped
public class AnswerRetention {

    private static final Logger LOG = Logger.getLogger(AnswerRetention.class);

    @Inject
    SurveyRoundRepository rounds;

    @Inject
    AnswerSetRepository answerSets;

    @Scheduled(identity = "answer-retention", every = "${led.surveys.answer-purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        List<UUID> purged = purgeDue(Instant.now());
        if (!purged.isEmpty()) {
            LOG.infof("Survey rounds whose answers were deleted at the end of their retention period: %d", purged.size());
        }
    }

    /** Purges every round past its retention period at {@code asOf}, one transaction each; the rounds purged. */
    public List<UUID> purgeDue(Instant asOf) {
        List<UUID> purged = new ArrayList<>();
        while (true) {
            Optional<UUID> round = QuarkusTransaction.requiringNew().call(() -> {
                Optional<UUID> claimed = rounds.claimNextPurge(asOf, Instant.now().truncatedTo(ChronoUnit.MICROS));
                claimed.ifPresent(answerSets::deleteRound);
                return claimed;
            });
            if (round.isEmpty()) {
                return purged;
            }
            purged.add(round.get());
        }
    }
}
