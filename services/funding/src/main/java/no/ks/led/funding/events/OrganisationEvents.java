package no.ks.led.funding.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The organisations service's events for this service's own read model of owners and schools (their organisation
 * numbers). A consumer group of its own, apart from the access replica's, so a new install or a new handler reads
 * the topic from its beginning.
 */
@ApplicationScoped
public class OrganisationEvents {

    public static final String CHANNEL = "organisation-events";

    @Inject
    Inbox inbox;

    @Incoming(CHANNEL)
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // worker thread, in order; the inbox opens the transactions
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.deliverAll(CHANNEL, records);
    }
}
