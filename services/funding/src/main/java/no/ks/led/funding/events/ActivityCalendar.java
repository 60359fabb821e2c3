package no.ks.led.funding.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.scheduling.ActivityCancelled;
import no.ks.led.events.scheduling.ActivityRescheduled;
import no.ks.led.events.scheduling.ActivityScheduled;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.funding.ScheduledActivity;

/**
 * Keeps the tenants' activities from scheduling's events. Order-tolerant: a reschedule that arrives before the
 * activity creates it with what it knows, an older event never overwrites a newer one, and a cancellation stays.
 */
final class ActivityCalendar {

    private ActivityCalendar() {
    }

    static ScheduledActivity activity(UUID activityId, String tenantId) {
        return ScheduledActivity.<ScheduledActivity>findByIdOptional(activityId).orElseGet(() -> {
            ScheduledActivity created = new ScheduledActivity();
            created.activityId = activityId;
            created.tenantId = tenantId;
            created.changedAt = Instant.EPOCH;
            return created;
        });
    }

    /** Sets the activity's time and place unless a newer change is applied already. */
    static void moveTo(ScheduledActivity activity, Instant startsAt, Instant endsAt, String place, Instant changedAt) {
        if (!changedAt.isBefore(activity.changedAt) || activity.startsAt == null) {
            activity.startsAt = startsAt;
            activity.endsAt = endsAt;
            activity.place = place;
            activity.changedAt = changedAt;
        }
        activity.persist();
    }

    /** Puts a scheduled activity in the calendar. */
    @ApplicationScoped
    @ConsumedBy(SchedulingEvents.CHANNEL)
    public static class Scheduled implements EventHandler<ActivityScheduled> {

        @Override
        public void handle(ActivityScheduled event, EventEnvelope envelope) {
            ScheduledActivity activity = activity(event.activityId(), event.tenantId());
            activity.programmeId = event.programmeId();
            activity.kind = event.kind();
            activity.title = event.title();
            activity.timeZone = event.timeZone();
            moveTo(activity, event.startsAt(), event.endsAt(), event.place(), event.scheduledAt());
        }
    }

    /** Moves an activity to its new time and place, unless a newer change is applied already. */
    @ApplicationScoped
    @ConsumedBy(SchedulingEvents.CHANNEL)
    public static class Rescheduled implements EventHandler<ActivityRescheduled> {

        @Override
        public void handle(ActivityRescheduled event, EventEnvelope envelope) {
            ScheduledActivity activity = activity(event.activityId(), event.tenantId());
            moveTo(activity, event.startsAt(), event.endsAt(), event.place(), event.rescheduledAt());
        }
    }

    /** Marks an activity cancelled, for good. */
    @ApplicationScoped
    @ConsumedBy(SchedulingEvents.CHANNEL)
    public static class Cancelled implements EventHandler<ActivityCancelled> {

        @Override
        public void handle(ActivityCancelled event, EventEnvelope envelope) {
            ScheduledActivity activity = activity(event.activityId(), event.tenantId());
            activity.cancelled = true;
            activity.persist();
        }
    }
}
