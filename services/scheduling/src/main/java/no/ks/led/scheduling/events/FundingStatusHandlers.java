package no.ks.led.scheduling.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.funding.FundingApplied;
import no.ks.led.events.funding.FundingApproved;
import no.ks.led.events.funding.FundingRefused;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.scheduling.Activity;
import no.ks.led.scheduling.FundingStatus;

/**
 * The funding status of activities from the funding service's events. Order-tolerant: a status applies only if
 * its event is later than the one the activity shows, so a late FundingApplied never undoes an approval.
 */
public final class FundingStatusHandlers {

    private FundingStatusHandlers() {
    }

    static void apply(String tenantId, List<UUID> activityIds, String status, Instant at) {
        if (activityIds == null) {
            return;
        }
        for (UUID id : activityIds) {
            Activity.findInTenant(tenantId, id).ifPresent(activity -> {
                if (activity.fundingChangedAt == null || activity.fundingChangedAt.isBefore(at)) {
                    activity.fundingStatus = status;
                    activity.fundingChangedAt = at;
                }
            });
        }
    }

    /** An application was filed for the activities. */
    @ApplicationScoped
    @ConsumedBy(FundingEvents.CHANNEL)
    public static class Applied implements EventHandler<FundingApplied> {
        @Override
        public void handle(FundingApplied event, EventEnvelope envelope) {
            apply(event.tenantId(), event.activityIds(), FundingStatus.APPLIED, event.appliedAt());
        }
    }

    /** The fund approved the application. */
    @ApplicationScoped
    @ConsumedBy(FundingEvents.CHANNEL)
    public static class Approved implements EventHandler<FundingApproved> {
        @Override
        public void handle(FundingApproved event, EventEnvelope envelope) {
            apply(event.tenantId(), event.activityIds(), FundingStatus.APPROVED, event.approvedAt());
        }
    }

    /** The fund refused the application. */
    @ApplicationScoped
    @ConsumedBy(FundingEvents.CHANNEL)
    public static class Refused implements EventHandler<FundingRefused> {
        @Override
        public void handle(FundingRefused event, EventEnvelope envelope) {
            apply(event.tenantId(), event.activityIds(), FundingStatus.REFUSED, event.refusedAt());
        }
    }
}
