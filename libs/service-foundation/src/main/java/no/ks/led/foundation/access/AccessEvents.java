package no.ks.led.foundation.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.events.organisations.PersonErased;
import no.ks.led.foundation.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the {@link AccessReplica} from the organisations service's topic ({@code access-events}
 * channel, one consumer group per service). A {@link PersonErased} event is also passed on as a CDI
 * event, in the same transaction, so the service can pseudonymise what it holds about the person.
 */
@ApplicationScoped
public class AccessEvents {

    @Inject
    AccessReplica replica;

    @Inject
    ObjectMapper json;

    @Inject
    Event<PersonErased> erasures;

    // @Transactional makes Quarkus run this on a worker thread, in order (no @Blocking here: the
    // gateway indexes this class without the messaging extension, where @Blocking is refused).
    @Incoming("access-events")
    @Transactional
    public void apply(ConsumerRecord<String, byte[]> record) throws JsonProcessingException {
        Record applied = AccessChanges.apply(EventEnvelope.fromConsumerRecord(record), json, replica);
        if (applied instanceof PersonErased erased) {
            erasures.fire(erased);
        }
    }
}
