package no.ks.led.foundation.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.arc.Arc;
import no.ks.led.events.EventContracts;
import no.ks.led.events.organisations.EngagementStarted;
import no.ks.led.events.organisations.MembershipGranted;
import no.ks.led.events.organisations.TenantOnboarded;
import no.ks.led.foundation.access.AccessReplica;
import no.ks.led.foundation.demo.DemoDirectory;
import no.ks.led.foundation.events.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Gives a service under test the demo users' access, the way production does: it publishes the demo
 * directory's organisation events to the real {@code led.organisations.events} topic (as the
 * organisations service would) and waits until the service's own replica consumer has applied them.
 * Event ids are derived from the directory's ids, and the replica is idempotent, so publishing again
 * (or the organisations service's own demo data) changes nothing.
 */
public final class DemoAccess {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static volatile boolean published;
    private static DemoDirectory directory;

    private DemoAccess() {
    }

    /**
     * The demo directory of the repository this test runs in ({@code LED_DEMO_DATA_FILE} if set, else
     * {@link DemoDirectory#REPOSITORY_PATH} found from the working directory up).
     */
    public static synchronized DemoDirectory directory() {
        if (directory == null) {
            directory = DemoDirectory.load(directoryFile());
        }
        return directory;
    }

    /** The demo directory's file, as {@link #directory()} finds it. */
    public static Path directoryFile() {
        String configured = System.getenv("LED_DEMO_DATA_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(DemoDirectory.REPOSITORY_PATH);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("No " + DemoDirectory.REPOSITORY_PATH + " above " + Path.of("").toAbsolutePath());
    }

    /** Publishes the demo access events once per test JVM and waits for this service's replica to hold them. */
    public static void awaitReplica() {
        DemoDirectory directory = directory();
        publishOnce(directory);
        List<UUID> memberships = directory.memberships().stream().map(DemoDirectory.Membership::id).toList();
        AccessReplica replica = Arc.container().instance(AccessReplica.class).get();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!replica.holdsMemberships(memberships)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The access replica did not receive the demo memberships within " + WAIT);
            }
            sleep(100);
        }
    }

    private static synchronized void publishOnce(DemoDirectory directory) {
        if (published) {
            return;
        }
        ObjectMapper json = JSON;
        List<EventEnvelope> events = new ArrayList<>();
        Instant now = Instant.now();
        for (DemoDirectory.Tenant t : directory.tenants()) {
            events.add(envelope(json, "tenant:" + t.slug(), t.slug(), new TenantOnboarded(t.slug(), t.name(), t.kind(),
                    t.organisationNumber(), "Europe/Oslo", "nb", now)));
        }
        for (DemoDirectory.Membership m : directory.memberships()) {
            events.add(envelope(json, "membership:" + m.id(), m.tenantId(), new MembershipGranted(m.id(), m.tenantId(),
                    m.personId(), m.role(), m.schoolId(), m.startsOn(), m.endsOn())));
        }
        for (DemoDirectory.Engagement e : directory.engagements()) {
            events.add(envelope(json, "engagement:" + e.id(), e.tenantId(), new EngagementStarted(e.id(), e.tenantId(),
                    e.consultancyId(), e.consultantPersonId(), e.schoolIds(), e.startsOn(), e.endsOn())));
        }
        send(events);
        published = true;
    }

    /**
     * Publishes one organisations event (a contract record) about a tenant to the real topic, with a
     * fresh id, as the organisations service would; returns the id.
     */
    public static UUID publish(String tenant, Record event) {
        EventEnvelope envelope = envelope(JSON, "event:" + UUID.randomUUID(), tenant, event);
        send(List.of(envelope));
        return envelope.id();
    }

    /** Publishes these envelopes as they are (again, as a redelivery would), one right after the other. */
    public static void redeliver(EventEnvelope... envelopes) {
        send(List.of(envelopes));
    }

    private static void send(List<EventEnvelope> events) {
        Properties config = new Properties();
        String bootstrap = System.getenv("LED_KAFKA_BOOTSTRAP");
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap == null ? "127.0.0.1:19092" : bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            // all sent before any is awaited, so that they reach a consumer together, as from a busy relay
            List<Future<?>> sent = new ArrayList<>();
            for (EventEnvelope event : events) {
                sent.add(producer.send(event.toProducerRecord(EventContracts.topic(TenantOnboarded.class))));
            }
            for (Future<?> send : sent) {
                send.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish organisations events to Kafka", e);
        }
    }

    /** The envelope of an organisations event with an id derived from a name (the same name, the same id). */
    public static EventEnvelope envelope(String name, String tenant, Record event) {
        return envelope(JSON, name, tenant, event);
    }

    private static EventEnvelope envelope(ObjectMapper json, String name, String tenant, Record event) {
        try {
            UUID id = UUID.nameUUIDFromBytes(("led-demo-access:" + name).getBytes(StandardCharsets.UTF_8));
            return new EventEnvelope(id, EventContracts.type(event.getClass()), "/led/organisations", Instant.now(), tenant,
                    json.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
