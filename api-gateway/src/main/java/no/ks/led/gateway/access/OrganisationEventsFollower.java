package no.ks.led.gateway.access;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import no.ks.led.foundation.access.AccessEvents;
import no.ks.led.foundation.events.EventHandlers;
import no.ks.led.foundation.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads the organisations topic from its beginning into the {@link MemoryAccessReplica}, then follows
 * it, through the foundation's access event handlers, as a service's {@code access-events} consumer
 * does but without an inbox (the replica is rebuilt at every start and idempotent on its own). No
 * consumer group: every gateway replica reads everything (the topic keeps its events forever, see
 * docs/adr/0003-access-replica.md). The gateway is ready once it has read what the topic held
 * when it started.
 */
@ApplicationScoped
public class OrganisationEventsFollower {

    private static final Logger LOG = Logger.getLogger(OrganisationEventsFollower.class);
    static final String TOPIC = "led.organisations.events";

    @Inject
    EventHandlers handlers;

    /**
     * Every {@code kafka.*} setting of the application ({@code KAFKA_*} environment variables included):
     * the bootstrap servers and, in a cluster, the credentials (SASL, TLS) the services' consumers get too.
     */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaSettings;

    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    void start(@Observes StartupEvent startup) {
        thread = new Thread(this::follow, "organisations-events-follower");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    /** Whether the replica holds everything the topic held when the gateway started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config())) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                c.seekToBeginning(partitions);
                Map<TopicPartition, Long> target = new HashMap<>(c.endOffsets(partitions));
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    if (!caughtUp) {
                        target.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
                        if (target.isEmpty()) {
                            caughtUp = true;
                            LOG.info("Access replica caught up with " + TOPIC);
                        }
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                // Kafka not reachable yet, or the topic missing: start over (from the beginning, which is idempotent)
                LOG.warnf("Following %s failed, retrying: %s", TOPIC, e.toString());
                sleep(2000);
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            handlers.handle(AccessEvents.CHANNEL, EventEnvelope.fromConsumerRecord(record));
        } catch (Exception e) {
            // one unreadable event must not stop access decisions for everybody; the services' consumers
            // send such an event to their dead-letter topics
            LOG.errorf("Skipping unreadable event at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e);
        }
    }

    /** The consumer's settings: the application's Kafka settings, and what this follower must have its own way. */
    Properties config() {
        Properties config = new Properties();
        config.putAll(kafkaSettings);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-gateway-access-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
