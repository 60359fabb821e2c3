package no.ks.led.foundation.access;

import no.ks.led.events.organisations.EngagementEnded;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipEnded;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.events.organisations.TenantDeactivated;
import no.ks.led.events.organisations.TenantOnboarded;

/**
 * The organisations events that change who may act where, as a store of access data applies them:
 * each service's {@link AccessReplica} (in its database) and the gateway's replica (in memory), fed
 * by the {@link AccessEventHandlers}. Each method must be idempotent and order-tolerant: a redelivered
 * event changes nothing, and an event never undoes a later one that arrived before it.
 */
public interface AccessChanges {

    void tenantOnboarded(TenantOnboarded event);

    void tenantDeactivated(TenantDeactivated event);

    void membershipGranted(MembershipGranted event);

    void membershipEnded(MembershipEnded event);

    void engagementStarted(EngagementStarted event);

    void engagementEnded(EngagementEnded event);

    void personErased(PersonErased event);
}
