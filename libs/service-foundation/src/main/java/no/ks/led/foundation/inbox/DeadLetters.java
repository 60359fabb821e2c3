package no.ks.led.foundation.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.ks.led.foundation.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's dead-letter topic ({@code led.events.dead-letter-topic}, {@code led.<service>.dlq}): a record
 * no retry can apply is copied there, key, value and headers, with the reason in the headers SmallRye's own
 * dead-letter strategy writes ({@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition},
 * {@code -offset}), so an operator reads one format. The consumer goes on only once the broker has the copy:
 * while it cannot be written the consumer waits, as for an outage, and nothing is lost.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @ConfigProperty(name = "led.events.dead-letter-topic")
    String topic;

    @Inject
    OutboxRelay relay;

    @Inject
    InboxConfig config;

    private volatile Producer<String, byte[]> producer;

    /** Copies the record to the dead-letter topic with the reason, waiting until the broker has it. */
    public void send(String consumer, ConsumerRecord<String, byte[]> record, Throwable reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, null, record.key(), record.value(),
                record.headers());
        Headers headers = letter.headers();
        headers.add("dead-letter-exception-class-name", bytes(reason.getClass().getName()));
        headers.add("dead-letter-reason", bytes(String.valueOf(reason.getMessage())));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause-class-name", bytes(reason.getCause().getClass().getName()));
            headers.add("dead-letter-cause", bytes(String.valueOf(reason.getCause().getMessage())));
        }
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        while (true) {
            try {
                producer().send(letter).get(config.maxBackoff().toMillis() * 2, TimeUnit.MILLISECONDS);
                LOG.errorf("%s sent the record at %s-%d@%d to %s: %s", consumer, record.topic(), record.partition(),
                        record.offset(), topic, reason.getMessage());
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("%s could not write to %s, retrying in %s: %s", consumer, topic, config.maxBackoff(), e);
                Inbox.sleep(config.maxBackoff());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing to " + topic, e);
            }
        }
    }

    /** Made on first use: most services never dead-letter anything. */
    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> made = producer;
        if (made == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(relay.producerConfig());
                }
                made = producer;
            }
        }
        return made;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
