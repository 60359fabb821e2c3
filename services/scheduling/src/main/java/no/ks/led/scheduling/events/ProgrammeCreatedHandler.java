package no.ks.led.scheduling.events;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.programmes.ProgrammeCreated;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.scheduling.ProgrammeRef;

/** Adds a created programme to the programme read model. */
@ApplicationScoped
@ConsumedBy(ProgrammeEvents.CHANNEL)
public class ProgrammeCreatedHandler implements EventHandler<ProgrammeCreated> {

    @Override
    public void handle(ProgrammeCreated created, EventEnvelope envelope) {
        ProgrammeRef programme = new ProgrammeRef();
        programme.id = created.programmeId();
        programme.tenantId = created.tenantId();
        programme.name = created.name();
        programme.createdAt = created.createdAt();
        programme.persist();
    }
}
