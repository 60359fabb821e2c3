package no.ks.led.scheduling.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The funding service's events, for the funding status of each activity. */
@ApplicationScoped
public class FundingEvents {

    public static final String CHANNEL = "funding-events";

    @Inject
    Inbox inbox;

    @Incoming(CHANNEL)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.deliverAll(CHANNEL, records);
    }
}
