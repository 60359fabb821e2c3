package no.ks.led.programmes.events;

import jakarta.enterprise.context.ApplicationScoped;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.foundation.access.AccessEvents;
import no.ks.led.foundation.events.ConsumedBy;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.events.EventHandler;
import no.ks.led.programmes.Programme;

/**
 * Pseudonymises what this service holds about an erased person: who created a programme. Runs in the
 * transaction that applies the event to the access replica, so both happen or neither.
 */
@ApplicationScoped
@ConsumedBy(AccessEvents.CHANNEL)
public class PersonErasure implements EventHandler<PersonErased> {

    @Override
    public void handle(PersonErased erased, EventEnvelope envelope) {
        Programme.update("createdBy = ?1 where createdBy = ?2", Programme.ERASED, erased.personId().toString());
    }
}
