package no.ks.led.foundation.events;

/**
 * Applies one event contract (a record of {@code libs/event-contracts}) for one consumer: a CDI bean
 * annotated {@link ConsumedBy} with the consumer's channel. The foundation chooses the handler by the
 * event's type (contract name and version), reads the payload as the record and, for a service, runs
 * the handler in the transaction that records the event in the inbox, once per event.
 */
public interface EventHandler<E extends Record> {

    void handle(E event, EventEnvelope envelope);
}
