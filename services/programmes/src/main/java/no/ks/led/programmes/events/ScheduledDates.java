package no.ks.led.programmes.events;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.scheduling.ActivityCancelled;
import no.ks.led.events.scheduling.ActivityRescheduled;
import no.ks.led.events.scheduling.ActivityScheduled;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.programmes.plan.PlannedActivity;

/**
 * Shows in the plan when its planned activities take place once the scheduling service has scheduled them
 * (issue 14: "the plan shows their dates once scheduled"). Only activities this service planned are kept;
 * an event naming another tenant's planned activity changes nothing.
 */
@ApplicationScoped
@ConsumedBy(SchedulingEvents.CHANNEL)
public class ScheduledDates implements EventHandler<ActivityScheduled> {

    @Override
    public void handle(ActivityScheduled scheduled, EventEnvelope envelope) {
        if (scheduled.plannedActivityId() == null) {
            return;
        }
        PlannedActivity.<PlannedActivity>findByIdOptional(scheduled.plannedActivityId())
                .filter(planned -> planned.tenantId.equals(scheduled.tenantId()))
                .ifPresent(planned -> {
                    planned.scheduledActivityId = scheduled.activityId();
                    if (planned.scheduledSequence == null) {
                        planned.scheduledStartsAt = scheduled.startsAt();
                        planned.scheduledEndsAt = scheduled.endsAt();
                        planned.scheduledSequence = 0;
                    }
                });
    }

    /** A new time for a scheduled activity; an older sequence than the one kept changes nothing. */
    @ApplicationScoped
    @ConsumedBy(SchedulingEvents.CHANNEL)
    public static class Reschedulings implements EventHandler<ActivityRescheduled> {

        @Override
        public void handle(ActivityRescheduled rescheduled, EventEnvelope envelope) {
            PlannedActivity.scheduledAs(rescheduled.activityId())
                    .filter(planned -> planned.tenantId.equals(rescheduled.tenantId()))
                    .filter(planned -> planned.scheduledSequence == null || rescheduled.sequence() > planned.scheduledSequence)
                    .ifPresent(planned -> {
                        planned.scheduledStartsAt = rescheduled.startsAt();
                        planned.scheduledEndsAt = rescheduled.endsAt();
                        planned.scheduledSequence = rescheduled.sequence();
                    });
        }
    }

    /** A cancelled activity stays in the plan, marked cancelled. */
    @ApplicationScoped
    @ConsumedBy(SchedulingEvents.CHANNEL)
    public static class Cancellations implements EventHandler<ActivityCancelled> {

        @Override
        public void handle(ActivityCancelled cancelled, EventEnvelope envelope) {
            PlannedActivity.scheduledAs(cancelled.activityId())
                    .filter(planned -> planned.tenantId.equals(cancelled.tenantId()))
                    .ifPresent(planned -> planned.cancelledAt = cancelled.cancelledAt());
        }
    }
}
