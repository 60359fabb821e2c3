package no.ks.led.foundation.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Kafka SASL settings as the chart's Kafka secret gives them ({@code KAFKA_SASL_*}), for tests that a Kafka
 * client the platform builds itself (not a SmallRye channel) gets them too: without them it would never
 * connect in a cluster. Harmless to the local stack's plaintext broker, which ignores them.
 */
public class KafkaCredentials implements QuarkusTestProfile {

    static final String MECHANISM = "SCRAM-SHA-512";
    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"led-test\" password=\"not-a-real-secret\";";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kafka.sasl.mechanism", MECHANISM, "kafka.sasl.jaas.config", JAAS);
    }

    /** Fails unless a client's settings carry the credentials and the stack's bootstrap servers. */
    public static void assertCarried(Properties clientSettings) {
        assertEquals(MECHANISM, clientSettings.get("sasl.mechanism"));
        assertEquals(JAAS, clientSettings.get("sasl.jaas.config"));
        assertEquals(System.getenv().getOrDefault("LED_KAFKA_BOOTSTRAP", "127.0.0.1:19092"),
                clientSettings.get("bootstrap.servers"));
    }
}
