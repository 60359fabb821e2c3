package no.ks.led.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import no.ks.led.foundation.testing.KafkaCredentials;
import org.junit.jupiter.api.Test;

/**
 * The gateway's access replica reads Kafka with the same client settings as the services' consumers:
 * with the chart's SASL credentials dropped it would never connect, so the gateway would never be ready.
 */
@QuarkusTest
@TestProfile(KafkaCredentials.class)
class KafkaCredentialsTests {

    @Inject
    OrganisationEventsFollower follower;

    @Test
    void theAccessReplicasConsumerGetsTheKafkaCredentials() {
        KafkaCredentials.assertCarried(follower.config());
        assertEquals("false", String.valueOf(follower.config().get("enable.auto.commit")), "the follower's own settings win");
    }
}
