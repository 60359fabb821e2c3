package no.ks.led.programmes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
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
 * not exist yet fails to publish, stays in the outbox, and goes out once the topic is created. A key's
 * rows go out together and arrive in order; what a failure does to the key's later rows.
 */
@QuarkusTest
class OutboxRelayTests {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

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

    @Test
    void aKeyWhoseEarlierRowFailsSendsNothingLaterUntilThatRowIsSent() throws Exception {
        String missing = "led.relay-order-" + UUID.randomUUID();
        String existing = "led.relay-order-" + UUID.randomUUID();
        createTopic(existing);
        String key = "order-" + UUID.randomUUID();
        UUID[] ids = QuarkusTransaction.requiringNew().call(() -> new UUID[] {
                outbox.append(missing, key, "no.ks.led.programmes.RelayProbed.v1", "{\"n\":1}"),
                outbox.append(existing, key, "no.ks.led.programmes.RelayProbed.v1", "{\"n\":2}")});

        await().atMost(Duration.ofSeconds(60)).until(() -> ((Number) row(ids[0])[0]).intValue() >= 1);
        assertNull(row(ids[1])[1], "the later row of the key must wait for the failed one");
        assertTrue(read(existing, Duration.ofSeconds(3)).isEmpty(), "nothing later of the key may reach the broker");

        createTopic(missing);
        await().atMost(Duration.ofSeconds(60)).until(() -> row(ids[0])[1] != null && row(ids[1])[1] != null);
        assertTrue(!sentAt(ids[1]).isBefore(sentAt(ids[0])), "the key's rows are sent in order");
        assertEquals(1, read(existing, Duration.ofSeconds(3)).size());
    }

    @Test
    void aRowThatAlwaysFailsIsParkedWithItsReasonAndHoldsUpNoOtherKey() throws Exception {
        String existing = "led.relay-park-" + UUID.randomUUID();
        createTopic(existing);
        String poisoned = "park-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        double parkedBefore = parked();
        UUID poison = QuarkusTransaction.requiringNew().call(() -> outbox.append("led.relay-never-" + UUID.randomUUID(),
                poisoned, "no.ks.led.programmes.RelayProbed.v1", "{\"poison\":true}"));
        UUID after = QuarkusTransaction.requiringNew().call(() -> outbox.append(existing, poisoned,
                "no.ks.led.programmes.RelayProbed.v1", "{\"after\":true}"));
        UUID unrelated = QuarkusTransaction.requiringNew().call(() -> outbox.append(existing, other,
                "no.ks.led.programmes.RelayProbed.v1", "{\"unrelated\":true}"));

        // another key goes out while the poison row is still being retried
        await().atMost(Duration.ofSeconds(30)).until(() -> row(unrelated)[1] != null);
        assertNull(parkedAt(poison));

        await().atMost(Duration.ofSeconds(120)).until(() -> parkedAt(poison) != null);
        Object[] parked = row(poison);
        assertEquals(4, ((Number) parked[0]).intValue(), "parked after led.outbox.max-attempts");
        assertNull(parked[1]);
        assertNotNull(parked[2], "the reason is kept");
        assertTrue(parked() > parkedBefore, "led_outbox_parked_total counts it");
        // the key goes on after its parked row
        await().atMost(Duration.ofSeconds(30)).until(() -> row(after)[1] != null);
    }

    @Test
    void aKeysManyRowsGoOutTogetherAndArriveInOrder() throws Exception {
        String topic = "led.relay-many-" + UUID.randomUUID();
        createTopic(topic);
        String key = "many-" + UUID.randomUUID();
        int count = 300;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < count; n++) {
                outbox.append(topic, key, "no.ks.led.programmes.RelayProbed.v1", "{\"n\":" + n + "}");
            }
        });

        List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
            while (records.size() < count && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
        }
        assertEquals(count, records.size(), "every row is published once");
        for (int n = 0; n < count; n++) {
            assertEquals("{\"n\":" + n + "}", new String(records.get(n).value(), StandardCharsets.UTF_8),
                    "the key's rows arrive in the order they were recorded");
        }
    }

    @Test
    void aLaterRowThatWentOutWhileAnEarlierOneWasRefusedIsCountedAsOvertaking() throws Exception {
        // The broker, not the producer, refuses the first row: it is over its topic's max.message.bytes
        // (the producer's own limit is far higher). The refusal comes back after the key's next row, on
        // another topic, was already handed to the producer. (Alone in its batch: the Kafka client splits
        // a refused batch of several records again and again when the topic's limit is under batch.size.)
        String small = "led.relay-small-" + UUID.randomUUID();
        String healthy = "led.relay-healthy-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(small, 1, (short) 1).configs(Map.of("max.message.bytes", "2000")),
                    new NewTopic(healthy, 1, (short) 1))).all().get();
        }
        String key = "overtaken-" + UUID.randomUUID();
        double overtakenBefore = overtaken();
        UUID[] ids = QuarkusTransaction.requiringNew().call(() -> new UUID[] {
                outbox.append(small, key, "no.ks.led.programmes.RelayProbed.v1", "{\"big\":\"" + "x".repeat(5000) + "\"}"),
                outbox.append(healthy, key, "no.ks.led.programmes.RelayProbed.v1", "{\"n\":2}")});

        await().atMost(Duration.ofSeconds(60)).until(() -> row(ids[1])[1] != null && row(ids[0])[2] != null);
        Object[] failed = row(ids[0]);
        assertNull(failed[1], "the refused row is not marked sent");
        assertNotNull(failed[2], "its failure is recorded");
        assertTrue(overtaken() > overtakenBefore, "led_outbox_overtaken_total counts the row that went ahead");
    }

    private double overtaken() {
        return meters.find("led.outbox.overtaken").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double parked() {
        return meters.find("led.outbox.parked").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private Object parkedAt(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT parked_at FROM outbox_event WHERE id = ?1").setParameter(1, id).getSingleResult());
    }

    private java.time.Instant sentAt(UUID id) {
        Object value = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT sent_at FROM outbox_event WHERE id = ?1").setParameter(1, id).getSingleResult());
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value instanceof java.sql.Timestamp ts ? ts.toInstant() : (java.time.Instant) value;
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    /** Everything the topic holds, read for the given time. */
    private List<ConsumerRecord<String, byte[]>> read(String topic, Duration during) {
        List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
            long deadline = System.currentTimeMillis() + during.toMillis();
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
        }
        return records;
    }

    private Object[] row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT attempts, sent_at, last_error FROM outbox_event WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    private ConsumerRecord<String, byte[]> readOne(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
        }
        throw new AssertionError("nothing was published to " + topic);
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
