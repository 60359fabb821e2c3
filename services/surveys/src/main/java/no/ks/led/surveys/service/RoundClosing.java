package no.ks.led.surveys.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.events.surveys.SurveyRoundClosed;
import no.ks.led.foundation.access.Grant;
import no.ks.led.foundation.access.TenantZones;
import no.ks.led.foundation.outbox.Outbox;
import no.ks.led.foundation.problem.ProblemException;
import no.ks.led.foundation.problem.ProblemType;
import no.ks.led.surveys.Results;
import no.ks.led.surveys.SurveyRound;
import no.ks.led.surveys.repository.SurveyRoundRepository;
import org.jboss.logging.Logger;

/**
 * Closes rounds whose closing date has passed and records {@link SurveyRoundClosed} for each, exactly once:
 * each round is claimed by {@code UPDATE … SET closed_at = <now> WHERE closed_at IS NULL} (the row locked
 * with {@code SKIP LOCKED}, so several instances never take the same one) in the transaction that records
 * the event through the outbox. The event carries a school's section means only where its results may
 * leave it: what the owner's view shows for the school to a viewer who leads no school.
 */
@ApplicationScoped
public class RoundClosing {

    private static final Logger LOG = Logger.getLogger(RoundClosing.class);

    @Inject
    EntityManager entityManager;

    @Inject
    SurveyRoundRepository rounds;

    @Inject
    RoundResults results;

    @Inject
    Outbox outbox;

    @Inject
    TenantZones zones;

    @Scheduled(identity = "round-closing", every = "${led.surveys.round-close-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        List<UUID> closed = closeDue(Instant.now());
        if (!closed.isEmpty()) {
            LOG.infof("Survey rounds closed: %d", closed.size());
        }
    }

    /**
     * Closes every round whose last day is before {@code asOf}'s day in its tenant's time zone and that is not
     * closed yet, one transaction
     * each. A round that fails stays open (its transaction rolls back) and is tried again on the next run;
     * the others are closed meanwhile.
     */
    public List<UUID> closeDue(Instant asOf) {
        List<UUID> closed = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        while (true) {
            UUID[] skip = failed.toArray(new UUID[0]);
            UUID[] attempted = new UUID[1];
            try {
                Optional<UUID> round = QuarkusTransaction.requiringNew().call(() -> closeOne(asOf, skip, attempted));
                if (round.isEmpty()) {
                    return closed;
                }
                closed.add(round.get());
            } catch (RuntimeException e) {
                if (attempted[0] == null) {
                    throw e;
                }
                LOG.errorf(e, "Closing survey round %s failed; it stays open until the next run", attempted[0]);
                failed.add(attempted[0]);
            }
        }
    }

    private Optional<UUID> closeOne(Instant asOf, UUID[] skip, UUID[] attempted) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<UUID> claimed = rounds.claimNextDue(asOf, now, skip);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        UUID roundId = claimed.get();
        attempted[0] = roundId;
        recordClosed(entityManager.find(SurveyRound.class, roundId), now);
        return Optional.of(roundId);
    }

    /**
     * Closes an open round before its last day, at the coordinator's word: from today (the tenant's day) no
     * answer is taken, its last day becomes yesterday and {@link SurveyRoundClosed} is recorded as when it
     * closes by itself. A round that opened today cannot be closed early: its last day would fall before its first.
     */
    @Transactional
    public void closeEarly(String tenantId, UUID roundId) {
        SurveyRound round = SurveyRound.findInTenant(tenantId, roundId)
                .orElseThrow(() -> ProblemException.notFound("Survey round " + roundId));
        LocalDate today = LocalDate.now(zones.of(tenantId));
        round.requireOpenOn(today, "only an open round is closed early");
        if (today.equals(round.opensOn)) {
            throw new ProblemException(ProblemType.SURVEY_ROUND_OPENED_TODAY,
                    "The round opened today; it can be closed early from tomorrow");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (rounds.claimEarly(round.id, today.minusDays(1), now).isEmpty()) {
            throw new ProblemException(ProblemType.SURVEY_ROUND_CLOSED, "The round is closed already");
        }
        entityManager.refresh(round);
        recordClosed(round, now);
    }

    private void recordClosed(SurveyRound round, Instant now) {
        // a viewer who leads no school: nothing in the view is known to them by other means
        Results owners = results.forTenant(round, new Grant(round.tenantId, null, Map.of()));
        List<SurveyRoundClosed.School> schools = owners.schools().stream().map(RoundClosing::school).toList();
        outbox.record(round.tenantId, new SurveyRoundClosed(round.id, round.tenantId, round.instrumentVersion,
                now, schools));
    }

    private static SurveyRoundClosed.School school(Results.School school) {
        boolean released = "shared".equals(school.status()) && !school.results().suppressed();
        if (!released) {
            return new SurveyRoundClosed.School(school.schoolId(), false, List.of());
        }
        return new SurveyRoundClosed.School(school.schoolId(), true, school.results().sections().stream()
                .filter(s -> !s.suppressed() && s.mean() != null)
                .map(s -> new SurveyRoundClosed.SectionMean(s.code(), s.mean())).toList());
    }
}
