package no.ks.led.funding.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The scheduling service's events, each applied once by this service's handlers for the channel. */
@ApplicationScoped
public class SchedulingEvents {

    public static final String CHANNEL = "scheduling-events";

    @Inject
    Inbox inbox;

    @Incoming(CHANNEL)
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // worker thread, in order; the inbox opens the transactions
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.deliverAll(CHANNEL, records);
    }
}
