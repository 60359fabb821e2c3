package no.ks.led.foundation.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.ks.led.events.EventContracts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records integration events in the caller's transaction, so an event exists if and only if the
 * change it describes was committed. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Inject
    Event<EventsRecorded> recorded;

    /** Fired in the recording transaction; the relay observes it once that transaction commits. */
    public record EventsRecorded() {
    }

    /** Records an event (a record annotated with {@code @EventContract}) about a tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String tenantId, Record event) {
        Class<?> contract = event.getClass();
        return append(EventContracts.topic(contract), tenantId, EventContracts.type(contract), toJson(event));
    }

    /** Records an already-serialised event for a topic; {@link #record} is the normal way in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String tenantId, String type, String payload) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, event_key, type, source, occurred_at, payload)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, tenantId)
                .setParameter(4, type)
                .setParameter(5, "/led/" + service)
                .setParameter(6, Instant.now())
                .setParameter(7, payload)
                .executeUpdate();
        recorded.fire(new EventsRecorded());
        return id;
    }

    private String toJson(Record event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + event.getClass().getName(), e);
        }
    }
}
