package no.ks.led.foundation.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One integration event as it travels: CloudEvents 1.0 attributes in binary mode (Kafka headers
 * {@code ce_*}), JSON data as the record value, the tenant as the record key.
 */
public record EventEnvelope(UUID id, String type, String source, Instant time, String tenant, String data) {

    public static final String SPEC_VERSION = "1.0";
    static final String CE_SPECVERSION = "ce_specversion";
    static final String CE_ID = "ce_id";
    static final String CE_TYPE = "ce_type";
    static final String CE_SOURCE = "ce_source";
    static final String CE_TIME = "ce_time";
    /** CloudEvents extension attribute naming the tenant the event belongs to. */
    static final String CE_TENANT = "ce_tenant";
    static final String CONTENT_TYPE = "content-type";

    /** The Kafka record for a topic: keyed by tenant so one tenant's events stay ordered. */
    public ProducerRecord<String, byte[]> toProducerRecord(String topic) {
        Headers headers = new RecordHeaders();
        headers.add(CE_SPECVERSION, bytes(SPEC_VERSION));
        headers.add(CE_ID, bytes(id.toString()));
        headers.add(CE_TYPE, bytes(type));
        headers.add(CE_SOURCE, bytes(source));
        headers.add(CE_TIME, bytes(time.toString()));
        headers.add(CE_TENANT, bytes(tenant));
        headers.add(CONTENT_TYPE, bytes("application/json"));
        return new ProducerRecord<>(topic, null, tenant, data.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Reads an envelope from a record; fails on a record that is not a Led CloudEvent. */
    public static EventEnvelope fromConsumerRecord(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String specVersion = header(headers, CE_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new IllegalArgumentException("Not a CloudEvents 1.0 record: " + record.topic() + "@" + record.offset());
        }
        return new EventEnvelope(
                UUID.fromString(header(headers, CE_ID)),
                header(headers, CE_TYPE),
                header(headers, CE_SOURCE),
                Instant.parse(header(headers, CE_TIME)),
                header(headers, CE_TENANT),
                record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("Missing CloudEvents header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
