package no.ks.led.foundation.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.events.organisations.TenantOnboardedV2;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;

/**
 * The handlers of the {@code access-events} consumer, one per access contract, each passing its event
 * to the application's one {@link AccessChanges} store: a service's {@link AccessReplica}, the
 * gateway's in-memory replica.
 */
public final class AccessEventHandlers {

    private AccessEventHandlers() {
    }

    /** The store every handler below writes to. */
    abstract static class Change<E extends Record> implements EventHandler<E> {

        @Inject
        AccessChanges store;
    }

    @ApplicationScoped
    @ConsumedBy(AccessEvents.CHANNEL)
    static class OnTenantOnboarded extends Change<TenantOnboarded> {
        @Override
        public void handle(TenantOnboarded event, EventEnvelope envelope) {
            // a tenant onboarded before version 2 has only this event: its country follows from its kind
            store.tenantOnboarded(TenantOnboardedV2.from(event));
        }
    }

    @ApplicationScoped
    @ConsumedBy(AccessEvents.CHANNEL)
    static class OnTenantOnboardedV2 extends Change<TenantOnboardedV2> {
        @Override
        public void handle(TenantOnboardedV2 event, EventEnvelope envelope) {
            store.tenantOnboarded(event);
        }
    }

    @ApplicationScoped
    @ConsumedBy(AccessEvents.CHANNEL)
    static class OnTenantDeactivated extends Change<TenantDeactivated> {
        @Override
        public void handle(TenantDeactivated event, EventEnvelope envelope) {
            store.tenantDeactivated(event);
        }
    }

    @ApplicationScoped
    @ConsumedBy(AccessEvents.CHANNEL)
    static class OnMembershipGranted extends Change<MembershipGranted> {
        @Override
        public void handle(MembershipGranted event, EventEnvelope envelope) {
            store.membershipGranted(event);
        }
    }

    @ApplicationScoped
    @ConsumedBy(AccessEvents.CHANNEL)
    static class OnMembershipEnded extends Change<MembershipEnded> {
        @Override
        public void handle(MembershipEnded event, EventEnvelope envelope) {
            store.membershipEnded(event);
        }
    }

    @ApplicationScoped
    @ConsumedBy(AccessEvents.CHANNEL)
    static class OnEngagementStarted extends Change<EngagementStarted> {
        @Override
        public void handle(EngagementStarted event, EventEnvelope envelope) {
            store.engagementStarted(event);
        }
    }

    @ApplicationScoped
    @ConsumedBy(AccessEvents.CHANNEL)
    static class OnEngagementEnded extends Change<EngagementEnded> {
        @Override
        public void handle(EngagementEnded event, EventEnvelope envelope) {
            store.engagementEnded(event);
        }
    }

    @ApplicationScoped
    @ConsumedBy(AccessEvents.CHANNEL)
    static class OnPersonErased extends Change<PersonErased> {
        @Override
        public void handle(PersonErased event, EventEnvelope envelope) {
            store.personErased(event);
        }
    }
}
