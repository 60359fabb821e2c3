package no.ks.led.programmes.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.events.organisations.MembershipGrantedV2;
import no.ks.led.foundation.access.AccessEvents;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.programmes.service.StarterPacks;

/**
 * Starts a new leader's starter plan when a principal or school leader joins a school of a running programme.
 * Reads version 2 of the grant, which says whether the tenant's first roster import made it; the time of the
 * event says whether the programme was already running. Runs once per event (the inbox), so a replay adds nothing.
 */
@ApplicationScoped
@ConsumedBy(AccessEvents.CHANNEL)
public class StarterPackGrants implements EventHandler<MembershipGrantedV2> {

    @Inject
    StarterPacks starterPacks;

    @Override
    public void handle(MembershipGrantedV2 granted, EventEnvelope envelope) {
        starterPacks.joined(new StarterPacks.Joined(granted.tenantId(), granted.membershipId(), granted.personId(),
                granted.role(), granted.schoolId(), envelope.time(), granted.initialImport()));
    }
}
