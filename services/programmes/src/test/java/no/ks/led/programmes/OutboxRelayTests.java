package no.ks.led.programmes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.foundation.outbox.Outbox;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The relay against the real broker, which refuses unknown topics: an event for a topic that does
 * not exist yet fails to publish, stays in the outbox, and goes out once the topic is created.
 */
@QuarkusTest
class OutboxRelayTests {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEventThatFailedToPublishIsKeptAndPublishedLater() throws Exception {
        String topic = "led.relay-probe-" + UUID.randomUUID();
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.append(topic, "relay-probe",
                "no.ks.led.programmes.RelayProbed.v1", "{\"probe\":true}"));

        await().atMost(Duration.ofSeconds(60)).until(() -> row(id)[0] != null && ((Number) row(id)[0]).intValue() >= 1);
        Object[] failed = row(id);
        assertNull(failed[1], "an event that failed must not be marked sent");
        assertNotNull(failed[2], "the failure must be recorded");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> row(id)[1] != null);

        ConsumerRecord<String, byte[]> published = readOne(topic);
        assertEquals("relay-probe", published.key());
        assertEquals(id.toString(), new String(published.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
        assertEquals("{\"probe\":true}", new String(published.value(), StandardCharsets.UTF_8));
    }

    private Object[] row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT attempts, sent_at, last_error FROM outbox_event WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    private ConsumerRecord<String, byte[]> readOne(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
        }
        throw new AssertionError("nothing was published to " + topic);
    }
}
