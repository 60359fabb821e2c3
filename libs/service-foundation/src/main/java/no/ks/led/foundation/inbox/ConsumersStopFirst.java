package no.ks.led.foundation.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.logging.Logger;

/**
 * Stops the Kafka consumers first when the service stops, while the database is still there.
 * Quarkus closes Hibernate ORM before SmallRye closes the consumers, so a record being applied at
 * that moment failed with "EntityManagerFactory is closed", was retried with backoff (stopping took
 * up to 22 s) and then went to the dead-letter topic although nothing was wrong with it. The
 * {@link ShutdownEvent} comes before Hibernate ORM's shutdown: closing the connector here lets the
 * record in hand finish and commits what was applied; the records fetched but not yet applied stay
 * uncommitted and come again at the next start (the {@link Inbox} drops what it has already applied).
 */
@ApplicationScoped
public class ConsumersStopFirst {

    private static final Logger LOG = Logger.getLogger(ConsumersStopFirst.class);

    @Inject
    @Connector(KafkaConnector.CONNECTOR_NAME)
    KafkaConnector kafka;

    void stopConsumers(@Observes ShutdownEvent shutdown) {
        long started = System.nanoTime();
        kafka.terminate(shutdown);
        LOG.debugf("Kafka consumers and producers closed in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
