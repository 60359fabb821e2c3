package no.ks.led.e2e;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import no.ks.led.events.EventContracts;
import no.ks.led.events.scheduling.ActivityScheduled;
import no.ks.led.events.scheduling.SpeakerBooked;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes scheduling's events to the stack's real topic as the scheduling service would, for tests of what
 * consumes them before scheduling has routes that produce them.
 */
final class SchedulingTopic {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private SchedulingTopic() {
    }

    /** A gathering from 09:00 on the first day to 16:00 on the last with one speaker (fee and travel in øre); its id. */
    static UUID gathering(String tenant, String title, LocalDate first, LocalDate last, long feeOre, long travelOre) {
        UUID activity = UUID.randomUUID();
        publish(tenant, new ActivityScheduled(activity, tenant, null, null, "gathering", title,
                first.atTime(9, 0).atZone(OSLO).toInstant(), last.atTime(16, 0).atZone(OSLO).toInstant(), OSLO.getId(),
                "Kulturhuset", Instant.now()));
        publish(tenant, new SpeakerBooked(activity, tenant, UUID.randomUUID(), "Foredragsholder " + title, feeOre, travelOre,
                false, Instant.now()));
        return activity;
    }

    private static void publish(String tenant, Record event) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("LED_KAFKA_BOOTSTRAP", "127.0.0.1:19092"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            // a CloudEvent in binary mode, keyed by tenant, as the foundation's outbox relay writes it
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventContracts.topic(event.getClass()), tenant,
                    JSON.writeValueAsBytes(event));
            Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", EventContracts.type(event.getClass()),
                    "ce_source", "/led/scheduling", "ce_time", Instant.now().toString(), "ce_tenant", tenant,
                    "content-type", "application/json")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish a scheduling event", e);
        }
    }
}
