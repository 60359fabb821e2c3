package no.ks.led.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The event-latency reference: a plain Kafka producer and consumer on the platform's broker, with
 * the outbox relay's producer settings (acks=all, idempotence, linger 2 ms), records of the size of
 * a ProgrammeCreated event, all with one key (as one tenant's events). Latency is from the
 * {@code send} call to the record coming out of {@code poll}, both in this JVM.
 */
final class RawKafka implements AutoCloseable {

    static final String TOPIC = "led.bench.raw";
    private static final int VALUE_BYTES = 180;

    private final KafkaProducer<String, byte[]> producer;
    private final Thread consumerThread;
    private final CountDownLatch consumerReady = new CountDownLatch(1);
    private final AtomicReference<Histogram> histogram = new AtomicReference<>(new SynchronizedHistogram(Stats.MAX_MICROS, 3));
    private final AtomicLong received = new AtomicLong();
    private final AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
    private volatile boolean stop;

    /** One run's outcome; latencies in microseconds. */
    record Result(Histogram latencies, long sent, long received, long sendErrors, long late, double windowSeconds) {
        double achievedRate() {
            return windowSeconds <= 0 ? 0 : received / windowSeconds;
        }
    }

    RawKafka(String bootstrap) throws Exception {
        createTopic(bootstrap);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerThread = new Thread(() -> consume(c), "bench-raw-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
        if (!consumerReady.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The raw consumer did not get its partitions within 60 s", consumerFailure.get());
        }
        if (consumerFailure.get() != null) {
            throw new IllegalStateException("The raw consumer failed", consumerFailure.get());
        }
    }

    private static void createTopic(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void consume(Properties config) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            consumerReady.countDown();
            while (!stop) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    long sent = ByteBuffer.wrap(record.value()).getLong();
                    Stats.record(histogram.get(), (now - sent) / 1000);
                    received.incrementAndGet();
                }
            }
        } catch (Throwable t) {
            consumerFailure.set(t);
            consumerReady.countDown();
        }
    }

    Result run(int rate, Duration duration) throws Exception {
        Histogram h = new SynchronizedHistogram(Stats.MAX_MICROS, 3);
        histogram.set(h);
        received.set(0);
        long period = 1_000_000_000L / rate;
        int total = (int) Math.max(1, rate * duration.toMillis() / 1000);
        AtomicLong sendErrors = new AtomicLong();
        long late = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            OpenLoad.waitUntil(intended);
            byte[] value = new byte[VALUE_BYTES];
            long now = System.nanoTime();
            if (now - intended > OpenLoad.LATE_NANOS) {
                late++;
            }
            ByteBuffer.wrap(value).putLong(now);
            producer.send(new ProducerRecord<>(TOPIC, "nordhei", value), (metadata, failure) -> {
                if (failure != null) {
                    sendErrors.incrementAndGet();
                }
            });
        }
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() < total - sendErrors.get() && System.nanoTime() < deadline && consumerFailure.get() == null) {
            Thread.sleep(20);
        }
        if (consumerFailure.get() != null) {
            throw new IllegalStateException("The raw consumer failed", consumerFailure.get());
        }
        return new Result(h, total, received.get(), sendErrors.get(), late, total * period / 1e9);
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        consumerThread.join(5000);
        producer.close(Duration.ofSeconds(5));
    }
}
