package no.ks.led.scheduling.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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

    /** What each of the funding events says: which activities of which tenant have which status, since when. */
    record Change(String tenantId, List<UUID> activityIds, String status, Instant at) {
    }

    /** One shape for the three events: each names its change, and the change is applied the same way. */
    abstract static class StatusChange<C extends Record> implements EventHandler<C> {

        private final Function<C, Change> change;

        StatusChange(Function<C, Change> change) {
            this.change = change;
        }

        @Override
        public void handle(C event, EventEnvelope envelope) {
            Change c = change.apply(event);
            if (c.activityIds() == null) {
                return;
            }
            for (UUID id : c.activityIds()) {
                Activity.findInTenant(c.tenantId(), id).ifPresent(activity -> {
                    if (activity.fundingChangedAt == null || activity.fundingChangedAt.isBefore(c.at())) {
                        activity.fundingStatus = c.status();
                        activity.fundingChangedAt = c.at();
                    }
                });
            }
        }
    }

    /** An application was filed for the activities. */
    @ApplicationScoped
    @ConsumedBy(FundingEvents.CHANNEL)
    public static class Applied extends StatusChange<FundingApplied> {
        public Applied() {
            super(e -> new Change(e.tenantId(), e.activityIds(), FundingStatus.APPLIED, e.appliedAt()));
        }
    }

    /** The fund approved the application. */
    @ApplicationScoped
    @ConsumedBy(FundingEvents.CHANNEL)
    public static class Approved extends StatusChange<FundingApproved> {
        public Approved() {
            super(e -> new Change(e.tenantId(), e.activityIds(), FundingStatus.APPROVED, e.approvedAt()));
        }
    }

    /** The fund refused the application. */
    @ApplicationScoped
    @ConsumedBy(FundingEvents.CHANNEL)
    public static class Refused extends StatusChange<FundingRefused> {
        public Refused() {
            super(e -> new Change(e.tenantId(), e.activityIds(), FundingStatus.REFUSED, e.refusedAt()));
        }
    }
}
