package no.ks.led.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import no.ks.led.events.EventContracts;
import no.ks.led.events.scheduling.ActivityScheduled;
import no.ks.led.events.scheduling.SpeakerBooked;
import no.ks.led.foundation.events.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Publishes scheduling's events to the real topic, as the scheduling service would, and waits for this service to apply them. */
final class SchedulingFeed {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private SchedulingFeed() {
    }

    /** An activity from 09:00 on the first day to 16:00 on the last, with one paid speaker (fee and travel in øre). */
    static UUID activity(String tenant, String title, LocalDate first, LocalDate last, long feeOre, long travelOre) {
        UUID activity = UUID.randomUUID();
        publish(tenant, new ActivityScheduled(activity, tenant, null, null, "gathering", title,
                first.atTime(9, 0).atZone(OSLO).toInstant(), last.atTime(16, 0).atZone(OSLO).toInstant(), "Europe/Oslo",
                "Fjordvik kulturhus", Instant.now()));
        if (feeOre > 0 || travelOre > 0) {
            publish(tenant, new SpeakerBooked(activity, tenant, UUID.randomUUID(), "Prosessleder " + title, feeOre, travelOre,
                    false, Instant.now()));
        }
        Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ScheduledActivity.findById(activity) != null
                        && (feeOre == 0 && travelOre == 0 || BookedSpeaker.count("key.activityId", activity) > 0)));
        return activity;
    }

    static void publish(String tenant, Record event) {
        String bootstrap = System.getenv("LED_KAFKA_BOOTSTRAP");
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap == null ? "127.0.0.1:19092" : bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventContracts.type(event.getClass()), "/led/scheduling",
                    Instant.now(), tenant, JSON.writeValueAsString(event));
            producer.send(envelope.toProducerRecord(EventContracts.topic(event.getClass()))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish a scheduling event", e);
        }
    }
}
