package no.ks.led.foundation.access;

import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.events.organisations.TenantOnboardedV2;

/**
 * The organisations events that change who may act where, as a store of access data applies them:
 * each service's {@link AccessReplica} (in its database) and the gateway's replica (in memory), fed
 * by the {@link AccessEventHandlers}. Each method must be idempotent and order-tolerant: a redelivered
 * event changes nothing, and an event never undoes a later one that arrived before it.
 */
public interface AccessChanges {

    void tenantOnboarded(TenantOnboarded event);

    /**
     * Version 2 of the onboarding, with the tenant's country; both versions of an onboarding arrive. A store that
     * keeps no country applies it as version 1.
     */
    default void tenantOnboarded(TenantOnboardedV2 event) {
        tenantOnboarded(event.v1());
    }

    void tenantDeactivated(TenantDeactivated event);

    void membershipGranted(MembershipGranted event);

    void membershipEnded(MembershipEnded event);

    void engagementStarted(EngagementStarted event);

    void engagementEnded(EngagementEnded event);

    void personErased(PersonErased event);
}
