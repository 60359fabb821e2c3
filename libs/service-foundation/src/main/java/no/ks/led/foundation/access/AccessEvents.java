package no.ks.led.foundation.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.ks.led.foundation.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the {@link AccessReplica} from the organisations service's topic ({@code access-events}
 * channel, one consumer group per service) through the {@link AccessEventHandlers}; a service adds
 * its own handlers for this channel (a {@code PersonErased} handler pseudonymises what it holds).
 */
@ApplicationScoped
public class AccessEvents {

    public static final String CHANNEL = "access-events";

    @Inject
    Inbox inbox;

    // @Transactional makes Quarkus run this on a worker thread, in order; the inbox opens a transaction
    // per attempt (no @Blocking here: the gateway indexes this class without the messaging extension,
    // where @Blocking is refused).
    @Incoming(CHANNEL)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.deliverAll(CHANNEL, records);
    }
}
