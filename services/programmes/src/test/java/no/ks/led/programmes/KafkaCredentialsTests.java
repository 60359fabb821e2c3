package no.ks.led.programmes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import no.ks.led.foundation.outbox.OutboxRelay;
import no.ks.led.foundation.testing.KafkaCredentials;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay's producer gets the same Kafka settings as the service's consumers: with the chart's
 * SASL credentials dropped it would never publish an event in a cluster.
 */
@QuarkusTest
@TestProfile(KafkaCredentials.class)
class KafkaCredentialsTests {

    @Inject
    OutboxRelay relay;

    @Test
    void theOutboxRelaysProducerGetsTheKafkaCredentials() {
        KafkaCredentials.assertCarried(relay.producerConfig());
        assertEquals("all", relay.producerConfig().get("acks"), "the relay's own settings win");
    }
}
