package no.ks.led.programmes.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.programmes.Programme;

/**
 * Pseudonymises what this service holds about an erased person: who created a programme. Runs in the
 * transaction that applies the event to the access replica, so both happen or neither.
 */
@ApplicationScoped
public class PersonErasure {

    void erase(@Observes PersonErased erased) {
        Programme.update("createdBy = ?1 where createdBy = ?2", Programme.ERASED, erased.personId().toString());
    }
}
