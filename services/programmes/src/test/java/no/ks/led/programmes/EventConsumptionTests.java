package no.ks.led.programmes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.ks.led.events.EventContracts;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.access.AccessEvents;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.events.EventEnvelope;
import no.ks.led.foundation.testing.DemoAccess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * How the foundation consumes events, against the real broker and database: a handler that fails once
 * is retried and applied once; one that always fails, or a payload that does not parse, ends on the
 * service's dead-letter topic with the reason, and the rest of its batch is applied; a type nobody
 * handles is skipped and counted.
 */
@QuarkusTest
class EventConsumptionTests {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Oslo"));
    private static final String DLQ = "led.programmes.dlq";

    @Inject
    AccessReplica replica;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aDatabaseFailureOnTheFirstAttemptIsRetriedAndTheEventAppliedOnce() {
        String tenant = onboardedTenant();
        UUID person = UUID.randomUUID();
        String trigger = failingTrigger(person, 1);
        try {
            UUID membership = UUID.randomUUID();
            UUID eventId = DemoAccess.publish(tenant, new MembershipGranted(membership, tenant, person, "coordinator", null,
                    TODAY, null));
            await().atMost(Duration.ofSeconds(30)).until(() -> grants(person, tenant));
            assertTrue(attemptsOf(trigger) >= 2, "the first attempt failed and a second one applied the event");
            assertEquals(1L, count("SELECT count(*) FROM inbox_event WHERE consumer = ?1 AND event_id = ?2",
                    AccessEvents.CHANNEL, eventId));
            assertEquals(1L, count("SELECT count(*) FROM access_membership WHERE membership_id = ?1", membership, null));
        } finally {
            dropTrigger(trigger);
        }
    }

    /**
     * The database answering "the server is starting" (SQLSTATE 57P03, as after a crash) for longer than
     * the retries last: an outage, waited out, and the event applied once; never dead-lettered. Before, the
     * fault suite's PostgreSQL restart sent access events to the dead-letter topic.
     */
    @Test
    void aDatabaseOutageLongerThanTheRetriesIsWaitedOutAndNothingIsDeadLettered() {
        String tenant = onboardedTenant();
        UUID person = UUID.randomUUID();
        int failures = 8; // more than led.events.retry.max-attempts (5)
        String trigger = failingTrigger(person, failures, "57P03");
        try {
            UUID membership = UUID.randomUUID();
            UUID eventId = DemoAccess.publish(tenant, new MembershipGranted(membership, tenant, person, "coordinator", null,
                    TODAY, null));
            await().atMost(Duration.ofSeconds(120)).until(() -> grants(person, tenant));
            assertTrue(attemptsOf(trigger) > failures, "every outage attempt failed and a later one applied the event");
            assertEquals(1L, count("SELECT count(*) FROM inbox_event WHERE consumer = ?1 AND event_id = ?2",
                    AccessEvents.CHANNEL, eventId));
            assertEquals(1L, count("SELECT count(*) FROM access_membership WHERE membership_id = ?1", membership, null));
            assertFalse(deadLettered(person.toString()), "the event is not on the dead-letter topic");
        } finally {
            dropTrigger(trigger);
        }
    }

    @Test
    void anEventThatAlwaysFailsEndsOnTheDeadLetterTopicWithItsReason() {
        String tenant = onboardedTenant();
        UUID person = UUID.randomUUID();
        String trigger = failingTrigger(person, Integer.MAX_VALUE);
        try {
            UUID eventId = DemoAccess.publish(tenant, new MembershipGranted(UUID.randomUUID(), tenant, person,
                    "coordinator", null, TODAY, null));
            String reason = deadLetterReason(eventId, person.toString());
            assertTrue(reason.contains("attempts") && reason.contains("injected failure"), reason);
            assertTrue(attemptsOf(trigger) >= 2, "retried before giving up");
            assertEquals(0L, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", eventId, null));
        } finally {
            dropTrigger(trigger);
        }
        // the consumer goes on after it
        String next = onboardedTenant();
        UUID other = UUID.randomUUID();
        DemoAccess.publish(next, new MembershipGranted(UUID.randomUUID(), next, other, "coordinator", null, TODAY, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> grants(other, next));
    }

    /**
     * Events sent one right after the other reach the consumer in one poll and are applied together; one that
     * always fails among them takes the batch apart: the others are applied once each (the one sent twice
     * too), and only that one goes to the dead-letter topic.
     */
    @Test
    void aBatchWithAnEventThatAlwaysFailsAppliesTheOthersOnceAndDeadLettersOnlyThatOne() {
        String tenant = onboardedTenant();
        UUID poisoned = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String trigger = failingTrigger(poisoned, Integer.MAX_VALUE);
        try {
            EventEnvelope good = granted(tenant, first);
            EventEnvelope poison = granted(tenant, poisoned);
            EventEnvelope later = granted(tenant, second);
            DemoAccess.redeliver(good, poison, good, later);

            String reason = deadLetterReason(poison.id(), poisoned.toString());
            assertTrue(reason.contains("attempts") && reason.contains("injected failure"), reason);
            await().atMost(Duration.ofSeconds(30)).until(() -> grants(first, tenant) && grants(second, tenant));
            assertEquals(1L, count("SELECT count(*) FROM inbox_event WHERE consumer = ?1 AND event_id = ?2",
                    AccessEvents.CHANNEL, good.id()), "the event sent twice is applied once");
            assertEquals(0L, count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", poison.id(), null));
            assertFalse(deadLettered(first.toString()), "an event that applies is not dead-lettered");
        } finally {
            dropTrigger(trigger);
        }
    }

    private static EventEnvelope granted(String tenant, UUID person) {
        return DemoAccess.envelope("batch:" + UUID.randomUUID(), tenant, new MembershipGranted(UUID.randomUUID(), tenant,
                person, "coordinator", null, TODAY, null));
    }

    @Test
    void aPayloadThatDoesNotParseEndsOnTheDeadLetterTopicAtOnce() {
        UUID eventId = UUID.randomUUID();
        DemoAccess.redeliver(new EventEnvelope(eventId, EventContracts.type(MembershipGranted.class), "/led/organisations",
                Instant.now(), "fjordvik", "{\"membershipId\": \"not a uuid " + eventId + "\""));
        String reason = deadLetterReason(eventId, eventId.toString());
        assertTrue(reason.contains("does not parse as MembershipGranted"), reason);
    }

    @Test
    void anEventTypeWithoutHandlerIsSkippedAndCounted() {
        String type = "no.ks.led.organisations.SomethingNew.v1";
        double before = skipped(type);
        DemoAccess.redeliver(new EventEnvelope(UUID.randomUUID(), type, "/led/organisations", Instant.now(), "fjordvik",
                "{}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> skipped(type) > before);
    }

    private double skipped(String type) {
        var counter = meters.find("led.events.skipped").tags("consumer", AccessEvents.CHANNEL, "type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private String onboardedTenant() {
        String tenant = "f-" + UUID.randomUUID().toString().substring(0, 8);
        DemoAccess.publish(tenant, new TenantOnboarded(tenant, "Feilvik kommune", "kommune", "934567897", "Europe/Oslo",
                "nb", Instant.now()));
        return tenant;
    }

    /** A trigger that fails the insert of the person's memberships for the first {@code failures} attempts. */
    private String failingTrigger(UUID person, int failures) {
        return failingTrigger(person, failures, "P0001");
    }

    /** As {@link #failingTrigger(UUID, int)}, failing with the given SQLSTATE. */
    private String failingTrigger(UUID person, int failures, String sqlState) {
        String name = "fail_" + person.toString().replace("-", "");
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("CREATE SEQUENCE " + name).executeUpdate();
            entityManager.createNativeQuery("""
                    CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $f$
                    BEGIN
                        IF NEW.person_id = CAST('%2$s' AS uuid) AND nextval('%1$s') <= %3$d THEN
                            RAISE EXCEPTION 'injected failure for %2$s' USING ERRCODE = '%4$s';
                        END IF;
                        RETURN NEW;
                    END $f$""".formatted(name, person, failures, sqlState)).executeUpdate();
            entityManager.createNativeQuery("CREATE TRIGGER " + name + " BEFORE INSERT ON access_membership"
                    + " FOR EACH ROW EXECUTE FUNCTION " + name + "()").executeUpdate();
        });
        return name;
    }

    private long attemptsOf(String trigger) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT last_value FROM " + trigger).getSingleResult()).longValue());
    }

    private void dropTrigger(String name) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DROP TRIGGER " + name + " ON access_membership").executeUpdate();
            entityManager.createNativeQuery("DROP FUNCTION " + name + "()").executeUpdate();
            entityManager.createNativeQuery("DROP SEQUENCE " + name).executeUpdate();
        });
    }

    private long count(String sql, Object first, Object second) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql).setParameter(1, first);
            if (second != null) {
                query.setParameter(2, second);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private boolean grants(UUID person, String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> !replica.grantFor(person, tenant, TODAY).isEmpty());
    }

    /** Whether any record on this service's dead-letter topic, read to its end, has the marker in its payload. */
    private boolean deadLettered(String marker) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLQ).stream()
                    .map(p -> new TopicPartition(DLQ, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(marker)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * The {@code dead-letter-reason} header of the event's record on this service's dead-letter topic,
     * found by its id or by a marker in its payload.
     */
    private String deadLetterReason(UUID eventId, String marker) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DLQ));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    boolean sameId = id != null && eventId.toString().equals(new String(id.value(), StandardCharsets.UTF_8));
                    if (sameId || record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(marker)) {
                        Header reason = record.headers().lastHeader("dead-letter-reason");
                        return reason == null ? "" : new String(reason.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new AssertionError("event " + eventId + " did not reach " + DLQ);
    }
}
