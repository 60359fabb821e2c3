package no.ks.led.programmes.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.events.surveys.ResultsWithdrawn;
import no.ks.led.events.surveys.SurveyRoundClosed;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.programmes.repository.SchoolResults;

/**
 * Keeps the section means a closed round released for each school (only what suppression let leave surveys),
 * for the plan's focus view. Replays change nothing: a round's rows are written once.
 */
@ApplicationScoped
@ConsumedBy(SurveyEvents.CHANNEL)
public class RoundResults implements EventHandler<SurveyRoundClosed> {

    @Inject
    SchoolResults results;

    @Override
    public void handle(SurveyRoundClosed closed, EventEnvelope envelope) {
        for (SurveyRoundClosed.School school : closed.schools()) {
            if (school.released()) {
                results.keep(closed.roundId(), closed.tenantId(), school.schoolId(), closed.closedAt(), school.sectionMeans());
            }
        }
    }

    /** A principal withdrew a school's results from the owner: the focus view forgets them. */
    @ApplicationScoped
    @ConsumedBy(SurveyEvents.CHANNEL)
    public static class Withdrawals implements EventHandler<ResultsWithdrawn> {

        @Inject
        SchoolResults results;

        @Override
        public void handle(ResultsWithdrawn withdrawn, EventEnvelope envelope) {
            results.withdraw(withdrawn.roundId(), withdrawn.schoolId(), withdrawn.withdrawnAt());
        }
    }
}
